"""Thai month names in every form a document prints them: full (มีนาคม), spoken short (มีนา),
abbreviated with dots or without (มี.ค., มีค), and as OCR misreads a full one (จันวาคม).

    >>> month_number("มี.ค."), month_number("ตุลา"), misread_month("จันวาคม")
    (3, 10, 12)
"""
from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from types import MappingProxyType

from thai.chars import without_marks

__all__ = ["MONTH_PATTERN", "THAI_MONTHS", "misread_month", "month_number"]

_FULL_NAMES = ("มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
               "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม")
# Abbreviations as (first syllable, last letter): "มี" + "ค" prints as มี.ค., มีค., มี.ค or มีค.
_ABBREVIATIONS = (("ม", "ค"), ("ก", "พ"), ("มี", "ค"), ("เม", "ย"), ("พ", "ค"), ("มิ", "ย"),
                  ("ก", "ค"), ("ส", "ค"), ("ก", "ย"), ("ต", "ค"), ("พ", "ย"), ("ธ", "ค"))
# Spoken short forms ("ตุลา 65") also appear in tables.
_SHORT_NAMES = ("มกรา", "กุมภา", "มีนา", "เมษา", "พฤษภา", "มิถุนา",
                "กรกฎา", "สิงหา", "กันยา", "ตุลา", "พฤศจิกา", "ธันวา")


def _build_months() -> dict[str, int]:
    months: dict[str, int] = {}
    for month, (full, (first, last), short) in enumerate(
            zip(_FULL_NAMES, _ABBREVIATIONS, _SHORT_NAMES), start=1):
        months[full] = month
        months[short] = month
        months[f"{first}.{last}."] = month
        months[f"{first}{last}"] = month
    return months


THAI_MONTHS: Mapping[str, int] = MappingProxyType(_build_months())
"""Month names -> 1–12: full (มีนาคม), short (มีนา), abbreviated with dots (มี.ค.) and
without (มีค). Look up with `month_number`, which also accepts partial dots and spaces."""

_THAI_CHAR = "\u0e01-\u0e4e"


def _month_alternatives() -> str:
    # Short and undotted forms occur inside ordinary words ("ทุกคน" holds กค, "ตุลาการ"
    # holds ตุลา), so they only count when no Thai letter touches them; a dotted form only
    # when it does not continue another dotted abbreviation (อ.ก.พ.).
    alone_before, alone_after = rf"(?<![{_THAI_CHAR}.])", rf"(?![{_THAI_CHAR}])"
    alternatives = list(_FULL_NAMES)
    alternatives += [f"{alone_before}{short}{alone_after}" for short in _SHORT_NAMES]
    for first, last in _ABBREVIATIONS:
        alternatives.append(rf"(?<!\.)(?:{first}\s?\.\s?{last}(?:\s?\.)?|{first}{last}\s?\.)")
        alternatives.append(f"{alone_before}{first}{last}{alone_after}")
    # Longest first so that มีนาคม is not read as มีนา and มี.ค. not as ม.ค.
    alternatives.sort(key=len, reverse=True)
    return "|".join(alternatives)


MONTH_PATTERN = f"(?:{_month_alternatives()})"
"""A regex alternation of every printed form of every month, longest first."""


def month_number(token: str) -> int | None:
    """1–12 for a month name in any printed form, else None.

    >>> month_number("มี.ค")
    3
    >>> month_number("ก. ย.")
    9
    """
    key = re.sub(r"[\s.]", "", token)
    return THAI_MONTHS.get(key)


# A full month name as OCR misreads it: a letter wrong (`จันวาคม`), marks lost (`พฤศจกายน`).
_MARKLESS_MONTHS = tuple(without_marks(name) for name in _FULL_NAMES)
_LIKE_A_MONTH = 0.8


def misread_month(word: str) -> int | None:
    """1–12 for a full month name read with a slip or two, None when no month is that close.

    >>> misread_month("จันวาคม"), misread_month("พฤศจกายน"), misread_month("ประชุม")
    (12, 11, None)
    """
    key = without_marks(word)
    likeness = [difflib.SequenceMatcher(a=key, b=name, autojunk=False).ratio()
                for name in _MARKLESS_MONTHS]
    best = max(range(12), key=likeness.__getitem__)
    runner_up = max(x for i, x in enumerate(likeness) if i != best)
    if likeness[best] >= _LIKE_A_MONTH and likeness[best] - runner_up >= 0.1:
        return best + 1
    return None
