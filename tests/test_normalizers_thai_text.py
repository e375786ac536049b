"""normalizers.thai_text: clean() and fold()."""
import pytest

from normalizers.thai_text import clean, fold


@pytest.mark.parametrize("raw, expected", [
    (None, None),
    ("", None),
    ("   \n\t ", None),
    ("☐ □", None),
    ("<p></p>", None),
    # HTML tags removed, entities unescaped
    ("<p>การประเมิน</p>", "การประเมิน"),
    ("<ol style=\"list-style-type: none\"><li>๑. ก</li><li>๒. ข</li></ol>", "๑. ก ๒. ข"),
    ("คุณ<b>ธรรม</b>", "คุณธรรม"),
    ("ก&amp;ข &lt;ค&gt; &nbsp;ง", "ก&ข <ค> ง"),
    # zero-width and invisible characters
    ("คุณ\u200bธรรม\u200c\u200d\ufeff", "คุณธรรม"),
    ("ความ\u00adโปร่ง\u2060ใส", "ความโปร่งใส"),
    # Thai marks in canonical order
    ("นำ้", "น้ำ"),
    ("ท่ี", "ที่"),
    ("เเปลก", "แปลก"),
    # sara am
    ("น\u0e4d\u0e32", "นำ"),
    ("น\u0e4d\u0e49\u0e32", "น้ำ"),
    ("นำา", "นำ"),
    # no whitespace before a combining mark
    ("ท ี่", "ที่"),
    ("น ้ำ", "น้ำ"),
    # doubled marks from overlaid text
    ("ที่่", "ที่"),
    # checkbox glyphs
    ("☐ ยังไม่ดำเนินการ", "ยังไม่ดำเนินการ"),
    ("■ ▢ ดำเนินการแล้ว", "ดำเนินการแล้ว"),
    # whitespace collapsed and stripped
    ("  สำนักปลัด \n\n กองคลัง\t", "สำนักปลัด กองคลัง"),
    ("ก\u00a0\u00a0ข", "ก ข"),
    # NFC
    ("e\u0301", "\u00e9"),
    # text as printed otherwise
    ("ตัวชี้วัดที่ ๘ (EIT)", "ตัวชี้วัดที่ ๘ (EIT)"),
])
def test_clean(raw, expected):
    assert clean(raw) == expected


@pytest.mark.parametrize("raw, expected", [
    ("ตัวชี้วัดที่ ๘", "ตัวชี้วัดที่8"),
    ("ผู้รับผิดชอบ :", "ผู้รับผิดชอบ"),
    ("(EIT) ส่วนที่ ๑.", "eitส่วนที่1"),
    ("“การเปิดเผยข้อมูล”", "การเปิดเผยข้อมูล"),
    ("‘ก’, \"ข\"; ค", "กขค"),
    ("นำ้ ท ี่", "น้ำที่"),
    ("<b>ITA</b> 2565", "ita2565"),
    (None, ""),
    ("", ""),
])
def test_fold(raw, expected):
    assert fold(raw) == expected


@pytest.mark.parametrize("a, b", [
    ("ระยะเวลา ดำเนินการ", "ระยะเวลาดำเนินการ"),
    ("ผู้รับผิด ชอบ", "ผู้รับผิดชอบ:"),
    ("ตัวชี้วัดที่ ๘", "ตัวชี้วัดที่ 8"),
])
def test_fold_makes_printed_variants_equal(a, b):
    assert fold(a) == fold(b)


@pytest.mark.parametrize("text", ["น้ำ", "ที่", "กองคลัง งานพัสดุ", "๑. การสร้าง (ITA)"])
def test_clean_is_idempotent(text):
    assert clean(clean(text)) == clean(text) == text
