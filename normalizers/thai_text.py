"""Text cleaning for Thai text columns and folding for label comparison.

`clean` keeps text as printed but repairs what PDF extraction, OCR and HTML exports break:
tags and entities, zero-width characters, Thai marks stored in the wrong order, spaces
wedged in front of combining marks, and layout whitespace.

    >>> clean("<p>น ้ำ  &amp;\u200b ไฟ</p>")
    'น้ำ & ไฟ'
    >>> fold("ตัวชี้วัดที่ ๘ (EIT).")
    'ตัวชี้วัดที่8eit'
"""
from __future__ import annotations

import difflib
import html
import re
import unicodedata

from normalizers.numerals import thai_to_arabic
from normalizers.pythainlp_data import keep_pythainlp_out_of_home
from thai.chars import MARK_CLASS, join_sara_am

__all__ = ["clean", "fold"]

# Line-breaking elements become spaces so that words from two cells or list items do not
# fuse; inline elements (<b>, <span>) vanish so that a word split by markup is rejoined.
_BLOCK_TAG = re.compile(
    r"</?(?:br|p|div|li|ol|ul|tr|td|th|table|thead|tbody|h[1-6]|blockquote|hr)\b[^>]*>",
    re.IGNORECASE)
_ANY_TAG = re.compile(r"</?[A-Za-z][^<>]*>|<!--.*?-->", re.DOTALL)

# U+00AD and U+2060 are as invisible as the zero-width spaces and break string matching.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\ufeff\u00ad\u2060"))
_EMPTY_BOXES = dict.fromkeys(map(ord, "☐□■▢"))

_SPACE_BEFORE_MARK = re.compile(rf"\s+(?=[{MARK_CLASS}])")
# A doubled identical mark is never valid Thai; extraction duplicates marks on overlays.
_DOUBLED_MARK = re.compile(rf"([{MARK_CLASS}])\1+")
# Sara am followed by a redundant sara aa (its two halves are joined by `join_sara_am`).
_SARA_AM_EXTRA = re.compile("\u0e33\u0e32")
_WHITESPACE = re.compile(r"\s+")


def clean(text: str | None) -> str | None:
    """Text as printed, repaired; None when nothing is left.

    >>> clean("นำ้")
    'น้ำ'
    >>> clean("ท ี่ ☐ ตั้ง")
    'ที่ ตั้ง'
    >>> clean("  ") is None
    True
    """
    if text is None:
        return None
    text = _BLOCK_TAG.sub(" ", text)
    text = _ANY_TAG.sub("", text)
    text = html.unescape(text)
    text = unicodedata.normalize("NFC", text)
    text = text.translate(_INVISIBLE).translate(_EMPTY_BOXES)
    text = _SPACE_BEFORE_MARK.sub("", text)
    text = join_sara_am(text)
    text = _reorder_vowels(text)
    text = _SARA_AM_EXTRA.sub("\u0e33", text)
    text = _DOUBLED_MARK.sub(r"\1", text)
    text = _WHITESPACE.sub(" ", text).strip()
    return text or None


def _reorder_vowels(text: str) -> str:
    # PyThaiNLP is imported when text is first cleaned, not with the vocabularies that the output
    # schema reads from the normalisers: importing it touches its data folder.
    keep_pythainlp_out_of_home()
    from pythainlp.util import reorder_vowels

    return reorder_vowels(text)


_FOLD_DROP = dict.fromkeys(map(ord, ".,:;()\"'“”‘’"))


def likeness(a: str | None, b: str | None) -> float:
    """How alike two labels are once folded (see `fold`), 0–1: OCR's slips cost a little.

    >>> likeness("การให้ความรู้เกี่ยวกับผลประโยชน์ทับซ้อน", "การให้ความรู้เกี่ยวกับ ผลประโยชน์ทับข้อน") > 0.9
    True
    >>> likeness("พัฒนาระบบเว็บไซต์", "การเปิดเผยข้อมูล") < 0.5
    True
    """
    fa, fb = fold(a), fold(b)
    if not fa or not fb:
        return float(fa == fb)
    return difflib.SequenceMatcher(a=fa, b=fb, autojunk=False).ratio()


def fold(text: str | None) -> str:
    """Comparison key for labels: cleaned, no whitespace or punctuation, Arabic digits, lowercase.

    >>> fold("ผู้รับผิดชอบ :") == fold("ผู้รับ ผิดชอบ")
    True
    >>> fold(None)
    ''
    """
    cleaned = clean(text)
    if cleaned is None:
        return ""
    folded = _WHITESPACE.sub("", cleaned).translate(_FOLD_DROP)
    return thai_to_arabic(folded).lower()
