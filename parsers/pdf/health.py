"""Is a page's text layer worth trusting, or must the page be OCR'd?

A page fails when it has (almost) no text, although something is drawn (a scan, or text drawn as
outlines), or when too little of its text is readable: glyphs with no Unicode mapping (U+FFFD,
private-use codes pdfium could not map back), control characters, or Latin letters where a
legacy Thai font stored Thai (`¡ÒÃ` for `การ` in TIS-620 read as Latin-1).

    >>> page_health("ประกาศองค์การบริหารส่วนตำบล").trusted
    True
    >>> page_health("").reason
    <Unread.NO_TEXT: 'no_text'>
    >>> page_health("¡ÒÃ»ÃÐàÁÔ¹¤Ø³¸ÃÃÁáÅÐ¤ÇÒÁâ»Ãè§ãÊ").reason
    <Unread.UNREADABLE_TEXT: 'unreadable_text'>
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from parsers.layout import Unread
from parsers.pdf.settings import TextLayerChecks
from thai.chars import is_thai


@dataclass(frozen=True)
class PageHealth:
    reason: Unread | None  # why the layer is not trusted; None when it is
    chars: int
    readable_share: float

    @property
    def trusted(self) -> bool:
        return self.reason is None


def is_readable(ch: str) -> bool:
    code = ord(ch)
    if is_thai(ch) or 0x20 <= code < 0x7F:
        return True
    if 0xE000 <= code <= 0xF8FF or code in (0xFFFD, 0xFFFE) or code < 0x20:
        return False
    category = unicodedata.category(ch)
    # Punctuation, symbols, digits and spaces of any script are fine; letters outside Thai and
    # ASCII are what broken Thai encodings turn into.
    return category[0] in "PSNZ"


def page_health(text: str, checks: TextLayerChecks = TextLayerChecks()) -> PageHealth:
    printed = [ch for ch in text if not ch.isspace()]
    if len(printed) < checks.min_page_chars:
        return PageHealth(Unread.NO_TEXT, len(printed), 1.0 if not printed else 0.0)
    share = sum(map(is_readable, printed)) / len(printed)
    if share < checks.min_readable_share:
        return PageHealth(Unread.UNREADABLE_TEXT, len(printed), share)
    return PageHealth(None, len(printed), share)
