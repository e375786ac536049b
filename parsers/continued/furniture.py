"""Page furniture: what a page prints around its content, which lies between two parts of a
table or a paragraph broken over a page break and is dropped when they are put together.

Running headers (lines repeating lines already seen in the document), bare page numbers, and
specks of the scan that OCR read as print.
"""
from __future__ import annotations

import re

from parsers.layout import Block, TextLine
from thai.chars import without_marks

_WHITESPACE = re.compile(r"\s+")
# A bare page number ("- ๒ -", "หน้า 3", "2/5") printed between two parts of a table.
_PAGE_NUMBER = re.compile(
    r"[-–(]?(?:หน้า|page)?[0-9๐-๙]{1,4}(?:/[0-9๐-๙]{1,4})?[-–)]?", re.IGNORECASE
)


def line_key(text: str) -> str:
    """Key for comparing two printed lines: OCR spacing differs between pages, words don't."""
    return _WHITESPACE.sub("", text)


def is_page_number(block: Block) -> bool:
    """A bare page number, as printed or as OCR reads one with a stray mark (`-๓่-`) or a dash
    read as a letter (`-ใ๖` for -๖-).

    >>> from parsers.layout import Provenance
    >>> [is_page_number(TextLine(t, Provenance(1, "ocr"))) for t in ("- ๓ -", "-ใ๖", "ก๖ข", "๒๕๖๗")]
    [True, True, False, True]
    """
    if not isinstance(block, TextLine):
        return False
    key = line_key(block.text)
    keys = [key, without_marks(key)]
    if len(key) <= _PAGE_NUMBER_CHARS:
        keys += [key[:i] + key[i + 1:] for i, ch in enumerate(key) if not ch.isdigit() and ch not in "-–()"]
    return any(_PAGE_NUMBER.fullmatch(k) for k in keys)


_PAGE_NUMBER_CHARS = 5  # a page number with one letter OCR put in it is no longer than this


# A line this short that OCR doubts this much is a speck of the scan read as print (`ee` where a
# page number stands), not a line that ends a table.
_SCRAP_CHARS = 3
_SCRAP_CONFIDENCE = 50.0


def is_scrap(block: TextLine) -> bool:
    """A speck of the scan OCR read as print: a line too short and too doubtful to be one."""
    confidence = block.prov.confidence
    return confidence is not None and confidence < _SCRAP_CONFIDENCE \
        and len(line_key(block.text)) <= _SCRAP_CHARS
