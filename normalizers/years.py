"""Buddhist-era years and Thai fiscal years: a year as printed (พ.ศ. ๒๕๖๕, ค.ศ. 2022, ๖๕ after
an era mark) read as BE, and the span of a fiscal year (1 October to 30 September).

    >>> be_year("พ.ศ. ๒๕๖๕"), be_to_ce(2565)
    (2565, 2022)
"""
from __future__ import annotations

import re
from datetime import date

from normalizers.numerals import thai_to_arabic

__all__ = ["BE_OFFSET", "ERA_PATTERN", "be_to_ce", "be_year", "era_pattern", "fiscal_calendar_year",
           "fiscal_year_span", "year_value"]

BE_OFFSET = 543
_BE_RANGE = range(2400, 2701)
_CE_RANGE = range(1950, 2101)


# พ.ศ. / ค.ศ. as printed: with or without dots, sometimes spaced ("พ. ศ.").
def era_pattern(group: str = "era") -> str:
    return rf"(?P<{group}>พ\s?\.?\s?ศ|ค\s?\.?\s?ศ)\s?\.?"


ERA_PATTERN = era_pattern()
_YEAR_MARKED = re.compile(rf"{ERA_PATTERN}\s*(?P<year>\d{{4}}|\d{{2}})(?!\d)")
_YEAR_BARE4 = re.compile(r"(?<![\d.,/])\d{4}(?![\d]|\.\d)")
_YEAR_BARE2 = re.compile(r"(?<![\d.,/])\d{2}(?![\d]|\.\d)")


def year_value(digits: str, era: str | None = None) -> int | None:
    """A printed year as BE, or None when it is not a plausible year."""
    value = int(digits)
    if len(digits) == 2:
        value += 2500
        return value if era is None or era.startswith("พ") else None
    if era is None and value in _CE_RANGE or era is not None and era.startswith("ค"):
        value += BE_OFFSET
    return value if value in _BE_RANGE else None


_SPLIT_BE_YEAR = re.compile(r"(?<![\d.])(2) (5\d\d)(?![\d.])")  # OCR's `2 566` for 2566


def be_year(text: str | None, *, two_digit: bool = False) -> int | None:
    """The first year in the text, in the Buddhist era.

    Four-digit BE years (2400–2700) and CE years (1950–2100, +543) are read anywhere;
    a two-digit year after พ.ศ. is read as 25xx; a bare two-digit year only with two_digit.

    >>> be_year("ประจำปีงบประมาณ พ.ศ.๒๕๖๕")
    2565
    >>> be_year("ค.ศ. 2022")
    2565
    >>> be_year("๖๕") is None, be_year("๖๕", two_digit=True), be_year("พ.ศ. 2 566")
    (True, 2565, 2566)
    """
    if not text:
        return None
    text = _SPLIT_BE_YEAR.sub(r"\1\2", thai_to_arabic(text))
    candidates: list[tuple[int, int]] = []
    for match in _YEAR_MARKED.finditer(text):
        year = year_value(match.group("year"), match.group("era"))
        if year is not None:
            candidates.append((match.start(), year))
    for match in _YEAR_BARE4.finditer(text):
        year = year_value(match.group(0))
        if year is not None:
            candidates.append((match.start(), year))
    if candidates:
        return min(candidates)[1]
    if two_digit:
        match = _YEAR_BARE2.search(text)
        if match is not None:
            return year_value(match.group(0))
    return None


def be_to_ce(be: int) -> int:
    """Buddhist era -> Common Era.

    >>> be_to_ce(2565)
    2022
    """
    return be - BE_OFFSET


def fiscal_year_span(be: int) -> tuple[date, date]:
    """First and last day of Thai fiscal year `be` (1 Oct of the year before to 30 Sep).

    >>> fiscal_year_span(2565)
    (datetime.date(2021, 10, 1), datetime.date(2022, 9, 30))
    """
    ce = be_to_ce(be)
    return date(ce - 1, 10, 1), date(ce, 9, 30)


def fiscal_calendar_year(month: int, fiscal_be: int) -> int:
    """CE year in which `month` of fiscal year `fiscal_be` falls (Oct–Dec: the year before)."""
    ce = be_to_ce(fiscal_be)
    return ce - 1 if month >= 10 else ce

