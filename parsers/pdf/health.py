"""Is a page's text layer worth trusting, or must the page be OCR'd?

A page fails when it has (almost) no text, although something is drawn (a scan, or text drawn as
outlines), or when too little of its text is readable: glyphs with no Unicode mapping (U+FFFD,
private-use codes pdfium could not map back), control characters, or Latin letters where a
legacy Thai font stored Thai (`¡ÒÃ` for `การ` in TIS-620 read as Latin-1).

    >>> page_health("ประกาศองค์การบริหารส่วนตำบล", ).verdict
    'ok'
    >>> page_health("").reason
    'no_text'
    >>> page_health("¡ÒÃ»ÃÐàÁÔ¹¤Ø³¸ÃÃÁáÅÐ¤ÇÒÁâ»Ãè§ãÊ").reason
    'unreadable_text'
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Literal

from parsers.pdf.settings import DEFAULT, PdfSettings


@dataclass(frozen=True)
class PageHealth:
    verdict: Literal["ok", "needs_ocr"]
    reason: str | None  # no_text, unreadable_text
    chars: int
    readable_share: float


def is_readable(ch: str) -> bool:
    code = ord(ch)
    if 0x0E01 <= code <= 0x0E5B or 0x20 <= code < 0x7F:
        return True
    if 0xE000 <= code <= 0xF8FF or code in (0xFFFD, 0xFFFE) or code < 0x20:
        return False
    category = unicodedata.category(ch)
    # Punctuation, symbols, digits and spaces of any script are fine; letters outside Thai and
    # ASCII are what broken Thai encodings turn into.
    return category[0] in "PSNZ"


def page_health(text: str, settings: PdfSettings = DEFAULT) -> PageHealth:
    printed = [ch for ch in text if not ch.isspace()]
    if len(printed) < settings.min_page_chars:
        return PageHealth("needs_ocr", "no_text", len(printed), 1.0 if not printed else 0.0)
    share = sum(map(is_readable, printed)) / len(printed)
    if share < settings.min_readable_share:
        return PageHealth("needs_ocr", "unreadable_text", len(printed), share)
    return PageHealth("ok", None, len(printed), share)
