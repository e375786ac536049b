"""normalizers.numerals."""
import pytest

from normalizers.numerals import canonical_number, parse_number, parse_score, thai_to_arabic
from thai.numbering import split_numbering


@pytest.mark.parametrize("raw, expected", [
    ("๐๑๒๓๔๕๖๗๘๙", "0123456789"),
    ("ข้อ ๑๒", "ข้อ 12"),
    ("๒๕๖๕-66", "2565-66"),
    ("abc", "abc"),
    ("", ""),
])
def test_thai_to_arabic(raw, expected):
    assert thai_to_arabic(raw) == expected


@pytest.mark.parametrize("raw, expected", [
    ("๙๐.๗๙", 90.79),
    ("๑๐๐", 100.0),
    ("1,234.5", 1234.5),
    ("1,234,567", 1234567.0),
    ("๙๙.๗๘ คะแนน", 99.78),
    ("ร้อยละ ๘๓.๙๙", 83.99),
    ("คะแนน 88.49 และ 90", 88.49),
    ("88,5", 88.0),
    ("0", 0.0),
    ("ไม่มี", None),
    ("", None),
    (None, None),
])
def test_parse_number(raw, expected):
    assert parse_number(raw) == expected


@pytest.mark.parametrize("raw, expected", [
    ("๙๐.๗๙", 90.79),
    ("๑๐๐", 100.0),
    ("0", 0.0),
    ("100.01", None),
    ("2565", None),
    ("-", None),
    (None, None),
])
def test_parse_score(raw, expected):
    assert parse_score(raw) == expected


@pytest.mark.parametrize("raw, expected", [
    ("๑.", "1"),
    ("๓.๒", "3.2"),
    ("๓.๒.", "3.2"),
    ("(๒)", "2"),
    ("1)", "1"),
    ("ข้อ ๓", "3"),
    ("12", "12"),
    ("ก.", "ก"),
    (None, None),
    ("", None),
    ("  ", None),
    ("-", None),
])
def test_canonical_number(raw, expected):
    assert canonical_number(raw) == expected


@pytest.mark.parametrize("raw, expected", [
    ("๑. การสร้าง", ("๑.", "การสร้าง")),
    ("๑.๑ มีเก้าอี้", ("๑.๑", "มีเก้าอี้")),
    ("1) abc", ("1)", "abc")),
    ("- abc", (None, "abc")),
    ("• abc", (None, "abc")),
    ("-รอบ ๓ เดือน", (None, "รอบ ๓ เดือน")),
    ("๒๕๖๕ ปี", (None, "๒๕๖๕ ปี")),
    ("ตัวชี้วัดที่ ๑", (None, "ตัวชี้วัดที่ ๑")),
    ("๑.การสร้าง", ("๑.", "การสร้าง")),
    ("๑๐. การสร้าง", ("๑๐.", "การสร้าง")),
    ("(๒) ทดสอบ", ("(๒)", "ทดสอบ")),
    ("1.2.3. x", ("1.2.3.", "x")),
    ("๙๐.๗๙", (None, "๙๐.๗๙")),
    ("๑๒๓. abc", (None, "๑๒๓. abc")),
    ("  ๒. ข  ", ("๒.", "ข")),
    ("abc", (None, "abc")),
])
def test_split_numbering(raw, expected):
    assert split_numbering(raw) == expected


@pytest.mark.parametrize("printed", ["๑.", "๑.๑", "1)", "(๒)", "๑๐."])
def test_split_then_canonical(printed):
    number, _ = split_numbering(f"{printed} ข้อความ")
    assert number == printed
    assert canonical_number(number).replace(".", "").isdigit()
