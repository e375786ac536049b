"""The header fields printed without what a clerk writes in by hand.

What a clerk writes in by hand after printing is not read as print (issue 14): a memo's
running number after the slash, the day of its date. What is printed stays, and a warning
says what is missing.
"""
from __future__ import annotations

import re

from parsers.ita.header.labels import MONTH_YEAR
from parsers.ita.records import Header
from thai.letter_number import is_unprinted_running, running_number

# OCR reads the ink as letters (`อต ๐๐๓๓.๓๐๖ ปตอง`, `ฆ ส่ ศิ๒ พฤศจกายน ๒๕๖๗`): a number with no
# digit after its letter code's number, a date whose month and year are not led by a clean day.
# A dash typed after the slash (`ปน ๗๖๑๐๑/ -`) is print: no number, nothing missing; a number
# with neither its slash nor ink after it (`ปน ๗๖๑๐๑`, OCR lost `/ -`) says nothing either way.
_NUMBER_WITHOUT_RUNNING = re.compile(r"^[ก-ฮ]{2}\s*[๐-๙0-9.]+(?:/|/?\s+[^๐-๙0-9/\-\s][^๐-๙0-9/]*)$")
_CODED_NUMBER = re.compile(r"^[ก-ฮ]{2}\s*\.?\s*[๐-๙0-9]")
_DATE_WITH_DAY = re.compile(rf"^[๐-๙0-9]{{1,2}}\s*{MONTH_YEAR}")
_DATE_WITHOUT_DAY = re.compile(rf"(?:^|\s){MONTH_YEAR}")


def _running_number_missing(number: str) -> bool:
    """Whether a coded number (`อต ๐๐๓๓.๓๐๖/...`) lacks its running number, or has handwriting
    read as one (`/ว ๓8ซ่`).

    >>> [_running_number_missing(n) for n in ("พส ๐๐๒๓.๑/ ว ๓8ซ่", "พล ๐๐๒๓.๑/ว", "บก ๗๓๙๐๑/ว ๑๕๖", "๑๕๐/๒๕๖๓")]
    [True, True, False, False]
    """
    if _NUMBER_WITHOUT_RUNNING.match(number):
        return True
    split = running_number(number)
    return split is not None and _CODED_NUMBER.match(split[0]) is not None and (
        not split[1] or is_unprinted_running(split[1]))


def handwritten_gaps(header: Header) -> list[str]:
    """`handwritten:<field>` for each header field printed without its handwritten part.

    >>> from parsers.ita.records import PrintedField
    >>> from parsers.layout import Provenance
    >>> at = Provenance(page=1, method="ocr")
    >>> handwritten_gaps(Header(reference_no=PrintedField("อต ๐๐๓๓.๓๐๖/", at), doc_date=PrintedField("พฤศจิกายน ๒๕๖๗", at)))
    ['handwritten:reference_no', 'handwritten:doc_date']
    >>> handwritten_gaps(Header(reference_no=PrintedField("อต ๐๐๓๓.๓๐๖/๘๑๔๐", at), doc_date=PrintedField("๑ ธันวาคม ๒๕๖๗", at)))
    []
    >>> handwritten_gaps(Header(reference_no=PrintedField("ปน ๗๖๑๐๑/ -", at))), handwritten_gaps(Header(
    ...     reference_no=PrintedField("ปน ๗๖๑๐๑", at)))
    ([], [])
    >>> handwritten_gaps(Header(reference_no=PrintedField("อต ๐๐๓๓.๓๐๖ ปตอง", at), doc_date=PrintedField("ฆ ส่ ศิ๒ พฤศจกายน ๒๕๖๗", at)))
    ['handwritten:reference_no', 'handwritten:doc_date']
    """
    gaps = []
    if header.reference_no is not None and _running_number_missing(header.reference_no.text.strip()):
        gaps.append("handwritten:reference_no")
    date = header.doc_date.text.strip() if header.doc_date is not None else ""
    if _DATE_WITHOUT_DAY.search(date) and not _DATE_WITH_DAY.match(date):
        gaps.append("handwritten:doc_date")
    return gaps


