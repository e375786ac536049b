"""normalizers.dates, months and years: Thai months, years, fiscal years, periods, memo dates, reporting rounds."""
from datetime import date

import pytest

from normalizers.dates import Period, monitoring_months, parse_period, parse_thai_date
from normalizers.months import THAI_MONTHS, month_number
from normalizers.years import be_to_ce, be_year, fiscal_year_span


@pytest.mark.parametrize("name, month", [
    ("มกราคม", 1), ("ม.ค.", 1), ("กุมภาพันธ์", 2), ("ก.พ.", 2), ("มีนาคม", 3), ("มี.ค.", 3),
    ("เมษายน", 4), ("เม.ย.", 4), ("พฤษภาคม", 5), ("พ.ค.", 5), ("มิถุนายน", 6), ("มิ.ย.", 6),
    ("กรกฎาคม", 7), ("ก.ค.", 7), ("สิงหาคม", 8), ("ส.ค.", 8), ("กันยายน", 9), ("ก.ย.", 9),
    ("ตุลาคม", 10), ("ต.ค.", 10), ("พฤศจิกายน", 11), ("พ.ย.", 11), ("ธันวาคม", 12),
    ("ธ.ค.", 12),
])
def test_thai_months_table(name, month):
    assert THAI_MONTHS[name] == month


@pytest.mark.parametrize("token, month", [
    ("มี.ค", 3), ("มีค.", 3), ("มีค", 3), ("เม.ย.", 4), ("ก.ย.", 9), ("ก. ย.", 9),
    ("ต.ค", 10), ("ตุลา", 10), ("ธันวาคม", 12), ("เดือน", None), ("", None),
])
def test_month_number(token, month):
    assert month_number(token) == month


@pytest.mark.parametrize("text, expected", [
    ("๒๕๖๕", 2565),
    ("2565", 2565),
    ("พ.ศ. ๒๕๖๕", 2565),
    ("พ.ศ.๒๕๖๕", 2565),
    ("พ. ศ. ๒๕๖๕", 2565),
    ("พ.ศ. ๖๕", 2565),
    ("ประจำปีงบประมาณ พ.ศ. ๒๕๖๔", 2564),
    ("ค.ศ. 2022", 2565),
    ("2022", 2565),
    ("ปี 1950 และ 2100", 2493),
    ("๖๕", None),
    ("ปี 1800", None),
    ("ที่ ปน ๗๖๑๐๑/ -", None),
    ("คะแนน 90.79", None),
    ("ระหว่าง พ.ศ. ๒๕๖๗ – ๒๕๗๐", 2567),
    ("", None),
    (None, None),
])
def test_be_year(text, expected):
    assert be_year(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("๖๕", 2565),
    ("ต.ค. ๖๖", 2566),
    ("๒๕๖๕ หรือ ๖๖", 2565),
    ("ไม่มีปี", None),
])
def test_be_year_two_digit(text, expected):
    assert be_year(text, two_digit=True) == expected


def test_be_year_two_digit_is_keyword_only():
    with pytest.raises(TypeError):
        be_year("๖๕", True)


@pytest.mark.parametrize("be, ce", [(2565, 2022), (2569, 2026), (2543, 2000)])
def test_be_to_ce(be, ce):
    assert be_to_ce(be) == ce


@pytest.mark.parametrize("be, span", [
    (2565, (date(2021, 10, 1), date(2022, 9, 30))),
    (2569, (date(2025, 10, 1), date(2026, 9, 30))),
    (2564, (date(2020, 10, 1), date(2021, 9, 30))),
])
def test_fiscal_year_span(be, span):
    assert fiscal_year_span(be) == span


def P(a, b):
    return Period(date(*a), date(*b))


@pytest.mark.parametrize("text, default, expected", [
    ("ม.ค. - เม.ย. ๒๕๖๕", None, P((2022, 1, 1), (2022, 4, 30))),
    ("ต.ค. - มี.ค. ๖๕", None, P((2021, 10, 1), (2022, 3, 31))),
    ("มี.ค.-เม.ย.๖๕", None, P((2022, 3, 1), (2022, 4, 30))),
    ("ม.ค. - มี.ค. ๖๕", None, P((2022, 1, 1), (2022, 3, 31))),
    ("ม.ค. – ก.ย. ๖๙", None, P((2026, 1, 1), (2026, 9, 30))),
    ("ม.ค. — ก.ย. ๖๙", None, P((2026, 1, 1), (2026, 9, 30))),
    ("ม.ค. ถึง ก.ย. ๖๙", None, P((2026, 1, 1), (2026, 9, 30))),
    ("ม.ค. จนถึง ก.ย. ๖๙", None, P((2026, 1, 1), (2026, 9, 30))),
    ("เดือนตุลาคม ๖๖ ถึง เดือนมีนาคม ๖๗", None, P((2023, 10, 1), (2024, 3, 31))),
    ("เดือนตุลาคม ๖๖ ถึงเดือนมีนาคม ๖๗", None, P((2023, 10, 1), (2024, 3, 31))),
    ("ตุลาคม 2564 - กันยายน 2565", None, P((2021, 10, 1), (2022, 9, 30))),
    ("ตลอดปีงบประมาณ พ.ศ. ๒๕๖๙", None, P((2025, 10, 1), (2026, 9, 30))),
    ("ตลอดปี ๒๕๖๕", None, P((2021, 10, 1), (2022, 9, 30))),
    ("ตลอดปีงบประมาณ", 2567, P((2023, 10, 1), (2024, 9, 30))),
    ("ตลอดปีงบประมาณ", None, None),
    ("ม.ค. - มี.ค.", 2566, P((2023, 1, 1), (2023, 3, 31))),
    ("ต.ค. - ธ.ค.", 2566, P((2022, 10, 1), (2022, 12, 31))),
    ("ต.ค. - มี.ค.", 2566, P((2022, 10, 1), (2023, 3, 31))),
    ("ม.ค. - มี.ค.", None, None),
    ("มีนาคม ๒๕๖๕", None, P((2022, 3, 1), (2022, 3, 31))),
    ("กุมภาพันธ์ ๒๕๖๗", None, P((2024, 2, 1), (2024, 2, 29))),
    ("ธันวาคม", 2566, P((2022, 12, 1), (2022, 12, 31))),
    ("ไตรมาส ๑", 2566, P((2022, 10, 1), (2022, 12, 31))),
    ("ไตรมาสที่ ๒", 2566, P((2023, 1, 1), (2023, 3, 31))),
    ("ไตรมาส ๔ ปีงบประมาณ ๒๕๖๕", None, P((2022, 7, 1), (2022, 9, 30))),
    ("ไตรมาสที่ ๒ - ๓ ปี ๒๕๖๖", None, P((2023, 1, 1), (2023, 6, 30))),
    ("ไตรมาส ๑", None, None),
    ("๑ ต.ค. ๖๔ - ๓๐ ก.ย. ๖๕", None, P((2021, 10, 1), (2022, 9, 30))),
    ("ปีงบประมาณ ๒๕๖๕ (ต.ค. - ธ.ค.)", None, P((2021, 10, 1), (2021, 12, 31))),
    ("ม.ค. - มี.ค. ปี ๖๕", None, P((2022, 1, 1), (2022, 3, 31))),
    ("ตลอดปีงบประมาณ ค.ศ. 2022", None, P((2021, 10, 1), (2022, 9, 30))),
    ("ปีงบประมาณ ๒๕๖๕ - ๒๕๖๖", None, P((2021, 10, 1), (2023, 9, 30))),
    ("ตามความเหมาะสม", 2566, None),
    ("ทุกคน", 2566, None),
    ("", 2566, None),
    (None, 2566, None),
])
def test_parse_period(text, default, expected):
    assert parse_period(text, default) == expected


def test_parse_period_printed_year_beats_default():
    assert parse_period("ม.ค. - เม.ย. ๒๕๖๕", 2569) == P((2022, 1, 1), (2022, 4, 30))


def test_period_is_frozen():
    period = P((2022, 1, 1), (2022, 4, 30))
    with pytest.raises(AttributeError):
        period.start = date(2020, 1, 1)


@pytest.mark.parametrize("text, expected", [
    ("๒๒ มีนาคม ๒๕๖๔", date(2021, 3, 22)),
    ("วันที่ ๑ เดือนตุลาคม พ.ศ ๒๕๖๖", date(2023, 10, 1)),
    ("วันที่ ๑ เดือนตุลาคม พ.ศ. ๒๕๖๖", date(2023, 10, 1)),
    ("๕ ต.ค. ๖๗", date(2024, 10, 5)),
    ("22 มี.ค. 2564", date(2021, 3, 22)),
    ("ที่ ปน ๗๖๑๐๑/ - วันที่ ๒๒ มีนาคม ๒๕๖๔", date(2021, 3, 22)),
    ("๓๑ ธันวาคม ๒๕๖๕", date(2022, 12, 31)),
    ("12/03/2565", date(2022, 3, 12)),
    ("๓๑ กันยายน ๒๕๖๕", None),
    ("๒๙ กุมภาพันธ์ ๒๕๖๕", None),
    ("มีนาคม ๒๕๖๔", None),
    # month names as OCR misreads them in memo date lines
    ("๑๙ จันวาคม ๒๕๖๗", date(2024, 12, 19)),
    ("วันที่ ๓ พฤศจกายน ๒๕๖๗", date(2024, 11, 3)),
    ("๒๒ มนาคม ๒๕๖๔", date(2021, 3, 22)),
    ("๕ ประชุม ๒๕๖๗", None),
    ("ฆ ส่ hy พฤศจกายน ๒๕๖๗", None),  # the day written by hand
    ("ฆ ส่ ศิ๒ พฤศจกายน ๒๕๖๗", None),  # ... and read as letters with a digit
    ("", None),
    (None, None),
])
def test_parse_thai_date(text, expected):
    assert parse_thai_date(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("รอบ ๖ เดือน - รอบ ๑๒ เดือน", [6, 12]),
    ("-รอบ ๓ เดือน -รอบ ๖ เดือน -รอบ ๙ เดือน -รอบ ๑๒ เดือน", [3, 6, 9, 12]),
    ("รายงานผลการดำเนินงานตามมาตรการ   - รอบ ๖ เดือน - รอบ ๑๒ เดือน", [6, 12]),
    ("รายงานผลทุกไตรมาส", [3, 6, 9, 12]),
    ("ปีละครั้ง", [12]),
    ("รายงานผลและ ติดตาม ประเมินผลการ ดำเนินงานอย่าง น้อยปีละครั้ง", [12]),
    ("ณ สิ้นปีงบประมาณ", [12]),
    ("รายงานความก้าวหน้าและสรุปผล ณ สิ้นปีงบประมาณ", [12]),
    ("ทุกเดือน", list(range(1, 13))),
    ("ประจำเดือน", list(range(1, 13))),
    ("รายงานผลการดำเนินงานในที่ประชุมประจำเดือน", list(range(1, 13))),
    ("ทุก ๖ เดือน", [6, 12]),
    ("ปีละ ๒ ครั้ง", [6, 12]),
    ("ไตรมาสที่ ๒", [6]),
    ("รายงานผลการดำเนินงาน", []),
    ("", []),
    (None, []),
])
def test_monitoring_months(text, expected):
    assert monitoring_months(text) == expected
