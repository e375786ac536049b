"""Periods, memo dates and reporting rounds, read with the month names of `normalizers.months`
and the years of `normalizers.years`.

Written here rather than with `pythainlp.util.thai_strptime`, which reads months 10–12 as
January, and because periods ("ต.ค. - มี.ค. ๖๕") need the fiscal-year rules of SCHEMA.md.

    >>> parse_period("ต.ค. - มี.ค. ๖๕")
    Period(start=datetime.date(2021, 10, 1), end=datetime.date(2022, 3, 31))
    >>> parse_thai_date("๒๒ มีนาคม ๒๕๖๔")
    datetime.date(2021, 3, 22)
    >>> monitoring_months("รอบ ๖ เดือน - รอบ ๑๒ เดือน")
    [6, 12]
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from normalizers.months import MONTH_PATTERN, misread_month, month_number
from normalizers.numerals import thai_to_arabic
from normalizers.thai_text import clean
from normalizers.years import (
    ERA_PATTERN,
    be_to_ce,
    era_pattern,
    fiscal_calendar_year,
    fiscal_year_span,
    year_value,
)

__all__ = ["Period", "parse_period", "period_in_doubt", "names_a_month", "parse_thai_date", "monitoring_months"]


def _last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


# ---- periods ------------------------------------------------------------------------------
@dataclass(frozen=True)
class Period:
    """A resolved period, both days inclusive."""
    start: date
    end: date


_MONTH_MENTION = re.compile(
    rf"(?:(?P<day>(?<!\d)\d{{1,2}})\s*)?(?:เดือน\s*)?(?P<month>{MONTH_PATTERN})"
    rf"\s*(?:{ERA_PATTERN}\s*)?(?P<year>\d{{4}}(?!\d)|\d{{2}}(?![\d.]\d))?")
_QUARTER = re.compile(
    r"ไตรมาส\s*(?:ที่)?\s*(?P<first>[1-4])(?!\d)"
    r"(?:\s*(?:-|–|—|ถึง|จนถึง|และ|,)\s*(?:ไตรมาส\s*(?:ที่)?)?\s*(?P<last>[1-4])(?!\d))?")
# A year outside the month mentions: after ปี/ปีงบประมาณ and/or an era, or four bare digits.
_OTHER_YEAR = re.compile(
    rf"(?:(?:ปีงบประมาณ|ปีงบ\.?|ปี)\s*(?:{ERA_PATTERN})?|{era_pattern('era2')})\s*(?P<year>\d{{4}}|\d{{2}})(?!\d)"
    r"|(?<![\d.,/])(?P<bare>\d{4})(?![\d]|\.\d)")
_WHOLE_YEAR = re.compile(r"ตลอด|ทั้งปี|ปีงบประมาณ|ทุกเดือน|ประจำปี")


@dataclass(frozen=True)
class _Mention:
    month: int
    year_be: int | None
    day: int | None


def _mentions(text: str) -> list[_Mention]:
    found = []
    for match in _MONTH_MENTION.finditer(text):
        month = month_number(match.group("month"))
        if month is None:
            continue
        year = year_value(match.group("year")) if match.group("year") else None
        day = int(match.group("day")) if match.group("day") else None
        found.append(_Mention(month, year, day))
    return found


def _years(text: str) -> list[int]:
    years = []
    for match in _OTHER_YEAR.finditer(text):
        digits = match.group("year") or match.group("bare")
        year = year_value(digits, match.group("era") or match.group("era2"))
        if year is not None:
            years.append(year)
    return years


def _make_period(start_ce: int, start: _Mention, end_ce: int, end: _Mention) -> Period | None:
    try:
        first = date(start_ce, start.month, start.day or 1)
        last = date(end_ce, end.month, end.day or _last_day(end_ce, end.month))
    except ValueError:
        return None
    return Period(first, last) if first <= last else None


def _month_range(start: _Mention, end: _Mention, other_year: int | None,
                 fiscal_default: int | None) -> Period | None:
    if end.year_be is not None or (start.year_be is None and other_year is not None):
        end_ce = be_to_ce(end.year_be if end.year_be is not None else other_year)
        if start.year_be is not None:
            start_ce = be_to_ce(start.year_be)
        else:
            start_ce = end_ce if start.month <= end.month else end_ce - 1
    elif start.year_be is not None:
        start_ce = be_to_ce(start.year_be)
        end_ce = start_ce if end.month >= start.month else start_ce + 1
    elif fiscal_default is not None:
        start_ce = fiscal_calendar_year(start.month, fiscal_default)
        end_ce = fiscal_calendar_year(end.month, fiscal_default)
        if (end_ce, end.month) < (start_ce, start.month):
            # A range such as ก.ค. - ต.ค. runs over the fiscal year's end.
            end_ce = start_ce + (0 if end.month >= start.month else 1)
    else:
        return None
    return _make_period(start_ce, start, end_ce, end)


def _quarters(match: re.Match[str], fiscal_be: int) -> Period:
    first = int(match.group("first"))
    last = int(match.group("last") or first)
    first, last = min(first, last), max(first, last)
    start_month = (10 + 3 * (first - 1) - 1) % 12 + 1
    end_month = (12 + 3 * (last - 1) - 1) % 12 + 1
    start_ce = fiscal_calendar_year(start_month, fiscal_be)
    end_ce = fiscal_calendar_year(end_month, fiscal_be)
    return Period(date(start_ce, start_month, 1),
                  date(end_ce, end_month, _last_day(end_ce, end_month)))


_RANGE = re.compile(r"[-–—]|ถึง")


def names_a_month(text: str | None) -> bool:
    """Whether `text` names a month of the year, in any spelling a period prints.

    >>> names_a_month("เดือนตุลาคม๖๖ ถึง เดือนมีนาคม o๗"), names_a_month("ต.ค. ๖๖ - มี.ค. ๖๗"), names_a_month("สำนักปลัด")
    (True, True, False)
    """
    text = clean(text)
    return text is not None and bool(_mentions(thai_to_arabic(text)))


def period_in_doubt(text: str | None) -> bool:
    """Whether a period names one month where it prints two, the other unread: a range with
    one month in it (`เมษายย น- กันยายน ๒๕๖๖`, OCR's) or a month glued to letters that are
    no month (`กุมภาพันธักันยายน ๒๕๖๘`, the dash lost). Its one month is no period.

    >>> period_in_doubt("เมษายย น- กันยายน ๒๕๖๖"), period_in_doubt("กุมภาพันธักันยายน 2568")
    (True, True)
    >>> period_in_doubt("กันยายน ๒๕๖๖"), period_in_doubt("เม.ย. - ก.ย. ๖๘"), period_in_doubt("ภายในเดือนกันยายน ๒๕๖๖")
    (False, False, False)
    """
    text = clean(text)
    if text is None:
        return False
    found = [m for m in _MONTH_MENTION.finditer(thai_to_arabic(text)) if month_number(m.group("month"))]
    if len(found) != 1 or _QUARTER.search(text):
        return False
    month_at = found[0].start("month")
    glued = month_at > 0 and found[0].start() == month_at and "\u0e01" <= text[month_at - 1] <= "\u0e4e"
    return glued or bool(_RANGE.search(text))


def parse_period(text: str | None, default_fiscal_year_be: int | None = None) -> Period | None:
    """Resolve a printed period (SCHEMA.md "Periods"); None when nothing is recognisable.

    A year printed once applies to the end month; a start month after the end month is in
    the year before. Without any year, months fall in `default_fiscal_year_be` (Oct–Dec in
    the year before). Two-digit years are BE.

    >>> parse_period("ม.ค. - เม.ย. ๒๕๖๕")
    Period(start=datetime.date(2022, 1, 1), end=datetime.date(2022, 4, 30))
    >>> parse_period("ตลอดปีงบประมาณ พ.ศ. ๒๕๖๙")
    Period(start=datetime.date(2025, 10, 1), end=datetime.date(2026, 9, 30))
    >>> parse_period("ไตรมาส ๑", 2566)
    Period(start=datetime.date(2022, 10, 1), end=datetime.date(2022, 12, 31))
    >>> parse_period("ตามความเหมาะสม", 2566) is None
    True
    """
    text = clean(text)
    if text is None:
        return None
    text = thai_to_arabic(text)
    years = _years(text)

    mentions = _mentions(text)
    if mentions and period_in_doubt(text):
        return None
    if mentions:
        start, end = mentions[0], mentions[-1]
        # A year printed apart from the months ("ปีงบประมาณ ๒๕๖๕ (ต.ค. - ธ.ค.)") is a
        # fiscal year when so named, else the year of the end month.
        explicit_fiscal = re.search(r"ปีงบ", text) is not None
        if start.year_be is None and end.year_be is None and years and explicit_fiscal:
            return _month_range(start, end, None, years[0])
        other = years[0] if start.year_be is None and end.year_be is None and years else None
        return _month_range(start, end, other, default_fiscal_year_be)

    quarter = _QUARTER.search(text)
    if quarter is not None:
        fiscal = years[0] if years else default_fiscal_year_be
        return _quarters(quarter, fiscal) if fiscal is not None else None

    if years:
        first_start, _ = fiscal_year_span(years[0])
        _, last_end = fiscal_year_span(years[-1])
        return Period(first_start, last_end) if first_start <= last_end else None
    if _WHOLE_YEAR.search(text) and default_fiscal_year_be is not None:
        return Period(*fiscal_year_span(default_fiscal_year_be))
    return None


# ---- memo dates ---------------------------------------------------------------------------
_THAI_DATE = re.compile(
    rf"(?<!\d)(?P<day>\d{{1,2}})\s*(?:เดือน\s*)?(?P<month>{MONTH_PATTERN})\s*"
    rf"(?:{ERA_PATTERN}\s*)?(?P<year>\d{{4}}|\d{{2}})(?!\d)")
_NUMERIC_DATE = re.compile(
    r"(?<![\d.])(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4}|\d{2})(?![\d])")


# A month name as OCR misreads it in a memo's date line: a letter wrong (`จันวาคม`), marks lost
# (`พฤศจกายน`). Taken only between a day and a four-digit year, where nothing else stands; a
# digit glued to letters (`ศิ๒`, handwriting read as print) is no day.
_MISREAD_DATE = re.compile(
    rf"(?<![\dก-๎])(?P<day>\d{{1,2}})\s*(?:เดือน\s*)?(?P<word>[ก-ฮะ-ฺเ-๎]{{4,12}})\s*"
    rf"(?:{ERA_PATTERN}\s*)?(?P<year>\d{{4}})(?!\d)")


def parse_thai_date(text: str | None) -> date | None:
    """The first date in the text (day, month name or number, year BE or CE).

    >>> parse_thai_date("วันที่ ๑ เดือนตุลาคม พ.ศ ๒๕๖๖")
    datetime.date(2023, 10, 1)
    >>> parse_thai_date("๕ ต.ค. ๖๗")
    datetime.date(2024, 10, 5)
    >>> parse_thai_date("๓๑ กันยายน ๒๕๖๕") is None
    True
    >>> parse_thai_date("๑๙ จันวาคม ๒๕๖๗")  # as OCR read ธันวาคม
    datetime.date(2024, 12, 19)
    """
    if not text:
        return None
    text = thai_to_arabic(clean(text) or "")
    match = _THAI_DATE.search(text)
    if match is not None:
        month = month_number(match.group("month"))
        year = year_value(match.group("year"), match.group("era"))
        day = int(match.group("day"))
    elif (numeric := _NUMERIC_DATE.search(text)) is not None:
        day, month = int(numeric.group(1)), int(numeric.group(2))
        year = year_value(numeric.group(3))
    elif (misread := _MISREAD_DATE.search(text)) is not None:
        month = misread_month(misread.group("word"))
        year = year_value(misread.group("year"), misread.group("era"))
        day = int(misread.group("day"))
    else:
        return None
    if month is None or year is None:
        return None
    try:
        return date(be_to_ce(year), month, day)
    except ValueError:
        return None


# ---- reporting rounds ---------------------------------------------------------------------
_ROUND = re.compile(r"(\d{1,2})\s*เดือน")
_EVERY_N_MONTHS = re.compile(r"ทุก\s*(\d{1,2})\s*เดือน")
_QUARTER_NO = re.compile(r"ไตรมาส\s*(?:ที่)?\s*([1-4])(?!\d)")
_TIMES_A_YEAR = re.compile(r"ปีละ\s*(\d{1,2})?\s*ครั้ง")
_ALL_QUARTERS = re.compile(r"ทุกไตรมาส|รายไตรมาส|ไตรมาสละ")
_MONTHLY = re.compile(r"ทุกเดือน|ทุกๆ\s*เดือน|ประจำเดือน|รายเดือน|เดือนละ")
_YEARLY = re.compile(r"สิ้นปี|ทุกปี|รายปี|ประจำปี(?!งบ)")
_HALF_YEARLY = re.compile(r"ครึ่งปี|ทุกหกเดือน|ราย\s*6\s*เดือน")


def monitoring_months(text: str | None) -> list[int]:
    """Months after the fiscal year's start at which results are reported, ascending.

    >>> monitoring_months("-รอบ ๓ เดือน -รอบ ๖ เดือน -รอบ ๙ เดือน -รอบ ๑๒ เดือน")
    [3, 6, 9, 12]
    >>> monitoring_months("รายงานผลทุกไตรมาส")
    [3, 6, 9, 12]
    >>> monitoring_months("ปีละครั้ง")
    [12]
    """
    text = clean(text)
    if text is None:
        return []
    text = thai_to_arabic(text)
    months: set[int] = set()
    if "รอบ" in text:
        months.update(n for n in map(int, _ROUND.findall(text)) if 1 <= n <= 12)
    for every in map(int, _EVERY_N_MONTHS.findall(text)):
        if 1 <= every <= 12:
            months.update(range(every, 13, every))
    months.update(3 * int(q) for q in _QUARTER_NO.findall(text))
    if _ALL_QUARTERS.search(text):
        months.update((3, 6, 9, 12))
    if _MONTHLY.search(text):
        months.update(range(1, 13))
    if _HALF_YEARLY.search(text):
        months.update((6, 12))
    for times in _TIMES_A_YEAR.finditer(text):
        count = int(times.group(1) or 1)
        if count in (1, 2, 3, 4, 6, 12):
            months.update(range(12 // count, 13, 12 // count))
    if _YEARLY.search(text):
        months.add(12)
    return sorted(months)
