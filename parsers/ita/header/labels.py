"""What the heads of memos, letters and orders print alike: labels whose marks OCR drops, the
dotted leaders after them, the memo's labelled lines (a letter prints its เรื่อง and เรียน the
same way) and a date alone on its line.
"""
from __future__ import annotations

import re

from parsers.ita.records import PrintedField
from parsers.layout import TextLine
from thai.chars import is_mark

# Marks above and below the letters: OCR of a memo's big bold labels drops them (`วนท` for
# วันที่, `เรอง` for เรื่อง, `บนทกขอความ`), so labels match with their marks optional.


def loose(label: str) -> str:
    """A pattern for `label` whose marks may be missing.

    >>> bool(re.fullmatch(loose("เรื่อง"), "เรอง"))
    True
    """
    return "".join(f"{re.escape(c)}?" if is_mark(c) else re.escape(c) for c in label)


MEMO_LABEL = re.compile(rf"^(?P<label>{loose('ส่วนราชการ')}|ที่(?=\s)|{loose('วันที่')}|"
                        rf"{loose('เรื่อง')}|{loose('เรียน')})\s*(?P<value>.*)$")
# A date alone on its line, as a letter prints it above its เรื่อง.
DATE_LINE = re.compile(r"^[๐-๙0-9]{1,2}\s*[ก-๙.]{3,12}\s*(?:พ\.?\s*ศ\.?\s*)?[๐-๙0-9]{4}$")
# A date's month and year, to the end of the text (its day may be missing: written in by hand).
MONTH_YEAR = r"[ก-๙]{3,12}\s*(?:พ\.?\s*ศ\.?\s*)?[๐-๙0-9]{4}$"

# A memo's or a letter's labelled head fits in its first lines, however OCR cut them; past
# them, a line starting with ที่, เรื่อง or เรียน is the body's.
HEAD_LINES = 25


def printed_field(text: str, line: TextLine) -> PrintedField:
    """A header value as printed on `line`, without the spaces around it."""
    return PrintedField(text=text.strip(), prov=line.prov)


# The dotted lines a memo form prints after its labels, typed over or read by OCR as dots.
_DOTS = re.compile(r"\s*[.…_]{3,}\s*")


def without_leaders(text: str) -> str:
    """A memo field's value without the form's dotted leader lines.

    >>> without_leaders("มค ๘๑๕๐๑/๑๒๔ ........ ")
    'มค ๘๑๕๐๑/๑๒๔'
    >>> without_leaders("สำนักปลัด ...... โทร ๐-๔๓๗๙-๑๐๔๕")
    'สำนักปลัด โทร ๐-๔๓๗๙-๑๐๔๕'
    """
    return _DOTS.sub(" ", text).strip()
