"""Whether two pages' tables have the same column headings: the test for one table continued
over a page break, its header repeated.

A heading's key ignores spacing and the checkbox glyphs OCR puts in some pages' headers; a
heading merged over several printed columns counts once; and OCR's slips from one page's header
to the next (lost marks, junk, a heading half read) are allowed, the fewer the narrower the table.
"""
from __future__ import annotations

import difflib
import re
from collections.abc import Sequence

from parsers.layout import Table

# Checkbox glyphs that OCR puts into header cells on some pages of a table and not on others;
# they carry no meaning in a header, so they must not stop two pages' headers from matching.
_KEY_NOISE = re.compile(r"[\s\u200b□☐☑☒]+")


def header_text_key(text: str) -> str:
    """A heading's text as compared: without spacing and checkbox glyphs."""
    return _KEY_NOISE.sub("", text)


def header_groups(table: Table) -> list[tuple[str, list[int]]]:
    """Runs of adjacent columns sharing one header key, as (key, columns).

    A merged header cell repeats its text over every column it covers, so one run is one
    logical column heading however many printed columns it spans on this page.
    """
    groups: list[tuple[str, list[int]]] = []
    for c, text in enumerate(table.column_headers()):
        key = header_text_key(text)
        if groups and groups[-1][0] == key:
            groups[-1][1].append(c)
        else:
            groups.append((key, [c]))
    return groups


def header_key(table: Table) -> tuple[str, ...]:
    """What must be equal for two tables to be one table continued: their column headings,
    ignoring spacing, checkbox glyphs and how many printed columns a heading spans."""
    return tuple(key for key, _ in header_groups(table))


# Thai marks above and below the line, and anything not a Thai letter: what OCR loses or adds
# from one page's header to the next (`ขั้นตอนและวิธีการ` / `2 ac ขนตอนและวธการ`).
_MARKS_AND_JUNK = re.compile("[^\u0e01-\u0e30\u0e32\u0e33\u0e40-\u0e46]")
_SAME_HEADING = 0.8


def _skeleton(key: str) -> str:
    return _MARKS_AND_JUNK.sub("", key) or key


def same_headings(a: Sequence[str], b: Sequence[str]) -> bool:
    """Whether two tables' header keys name the same columns, give or take OCR's slips.

    >>> same_headings(["มาตรการ", "ขั้นตอนและวิธีการ"], ["มาตรการ", "2 ac ขนตอนและวธการ"])
    True
    >>> same_headings(["มาตรการ", "ผู้รับผิดชอบ"], ["มาตรการ", "สถานะการดำเนินงาน"])
    False

    Of three headings or more, one may be lost, or a part of the other page's (OCR lost the
    rest of it on a shaded cell), when the others match:

    >>> same_headings(["ตัวชี้วัด", "การดำเนินการ", "ผู้รับผิดชอบ"], ["ตัวชีวัด", "การดำเนินการ", "ดชอบ"])
    True
    >>> same_headings(["ตัวชี้วัด", "การดำเนินการ", "ผู้รับผิดชอบ"], ["4๙ 6", "การดำเนินการ", "ผู้รับผิดชอบ"])
    True
    >>> same_headings(["ตัวชี้วัด", "ผู้รับผิดชอบ"], ["ตัวชีวัด", "ดชอบ"])
    False

    Of six headings or more, a third may differ so, and one of them be lost to garble:

    >>> wide = ["ประเด็น", "คะแนน", "ข้อค้นพบ", "แนวทาง", "ขั้นตอนการดำเนินการ", "ผู้รับผิดชอบ", "ระยะเวลา", "การติดตาม"]
    >>> same_headings(wide, wide[:5] + ["gry ผด yet", "ระยะเวลา", "การติดตามประเมินผล"])
    True
    >>> same_headings(wide, wide[:4] + ["สถานะ", "gry ผด yet", "ระยะเวลา", "การติดตามประเมินผล"])
    False
    """
    if len(a) != len(b):
        return False
    differing = [(x, y) for x, y in zip(a, b) if not _same_heading(x, y)]
    lost = [pair for pair in differing if not _part_of(*pair)]
    if len(a) >= _WIDE_TABLE:
        return len(differing) <= len(a) // 3 and len(lost) <= 1
    if len(a) >= 3 and len(differing) == 1:
        return not lost
    return not differing


# A table this wide may lose more of its repeated headings to OCR and still be told by the rest.
_WIDE_TABLE = 6


def _part_of(x: str, y: str) -> bool:
    """Whether one heading's letters are a part of the other's (OCR lost the rest, or it read
    nothing there)."""
    short, long = sorted((_MARKS_AND_JUNK.sub("", h) for h in (x, y)), key=len)
    return not short or (len(short) >= _MIN_HEADING_PART and short in long)


# Letters of a heading's part that still tell it (`ดชอบ` of ผู้รับผิดชอบ).
_MIN_HEADING_PART = 3


def _same_heading(x: str, y: str) -> bool:
    return x == y or difflib.SequenceMatcher(a=_skeleton(x), b=_skeleton(y), autojunk=False).ratio() \
        >= _SAME_HEADING
