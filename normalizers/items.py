"""Questionnaire item codes (`i7`, `e10`, `o1`): the canonical code and the tool it belongs to.

The ITA questionnaires number their questions per tool: `i` items are IIT's, `e` items EIT's, `o`
items OIT's. Reports print the codes as typed (`i๑๕`, `E 3`, `ข้อ e1`) and OCR reads them its
own way (`l5` for i5, `o๐1`, `e1.`); the code is read from what is printed, and nothing else: which
indicator an item belongs to is for the document to say.

    >>> item_code("i๑๕"), item_code("E 3"), item_code("ข้อ o1"), item_code("ตัวชี้วัดที่ 1")
    ('i15', 'e3', 'o1', None)
"""
from __future__ import annotations

import re

from thai.chars import TO_ARABIC_DIGITS

__all__ = ["item_code", "split_item_code", "tool_of_item"]

# Letters OCR and typists put for the code's letter (an `l`, `I` or `|` for i) and for its digits
# (`l`, `I`, `O` in a number). A zero for o is not taken (`0 - 49.99` is a range of scores), nor
# a Thai digit, except before Arabic digits, which no printed number mixes with Thai ones: the
# Thai-digit reader takes e for ๒ and o for ๐ (`๒4`, `๐10`).
_THAI_DIGIT_LETTER = re.compile(r"^\s*(?P<letter>[๒๐])(?=[0-9]{1,2}(?![0-9๐-๙.]))")
_LETTER = {"i": "i", "I": "i", "l": "i", "|": "i", "ı": "i", "í": "i", "e": "e", "E": "e", "é": "e",
           "o": "o", "O": "o"}
_DIGIT_LOOKALIKES = str.maketrans({"l": "1", "I": "1", "|": "1", "O": "0", "o": "0"})
_CODE = re.compile(r"^\s*(?:ข้อ\s*)?(?P<letter>[iIl|ıíeEéoO])\s*[.\-]?\s*(?P<digits>[0-9๐-๙lI|Oo]{1,2})"
                   r"(?![0-9๐-๙A-Za-z])")
_TOOLS = {"i": "IIT", "e": "EIT", "o": "OIT"}
MAX_ITEM = 60  # no questionnaire has more items than this per tool


def split_item_code(text: str) -> tuple[str | None, str]:
    """(the item code as printed, the rest of the text) where the text starts with one.

    >>> split_item_code("i๑๕ ท่านเชื่อมั่นในกระบวนการ")
    ('i๑๕', 'ท่านเชื่อมั่นในกระบวนการ')
    >>> split_item_code("ตัวชี้วัดที่ ๑")
    (None, 'ตัวชี้วัดที่ ๑')
    """
    if item_code(text) is None:
        return None, text
    misread = _THAI_DIGIT_LETTER.match(text)
    m = _CODE.match("e" + text[misread.end():] if misread else text)
    assert m is not None
    end = m.end() - 1 + misread.end() if misread else m.end()
    return text[:end].strip(), text[end:].strip(" .:-")


def item_code(printed: str | None) -> str | None:
    """The canonical code of the item a printed text starts with: lowercase letter, Arabic digits.

    >>> item_code("i7 เจ้าหน้าที่..."), item_code("l5"), item_code("e1."), item_code("O๑๒")
    ('i7', 'i5', 'e1', 'o12')
    >>> item_code("๒4 เจ้าหน้าที่"), item_code("๐10"), item_code("๒๕๖๗"), item_code("๐ - 49.99")
    ('e4', 'o10', None, None)
    >>> item_code("IIT"), item_code("Online"), item_code("i0"), item_code("e99"), item_code(None)
    (None, None, None, None, None)
    """
    if not printed:
        return None
    misread = _THAI_DIGIT_LETTER.match(printed)
    if misread:
        printed = ("e" if misread.group("letter") == "๒" else "o") + printed[misread.end():]
    m = _CODE.match(printed)
    if m is None:
        return None
    digits = m.group("digits").translate(TO_ARABIC_DIGITS).translate(_DIGIT_LOOKALIKES)
    if not any(ch.isdigit() for ch in m.group("digits").translate(TO_ARABIC_DIGITS)):
        return None  # `Il`, `oO`: letters only, not a code
    letter = _LETTER[m.group("letter")]
    number = int(digits)
    if not 1 <= number <= MAX_ITEM:
        return None
    return f"{letter}{number}"


def tool_of_item(code: str | None) -> str | None:
    """The tool whose questionnaire a canonical item code is from.

    >>> tool_of_item("e10"), tool_of_item("o3"), tool_of_item(None)
    ('EIT', 'OIT', None)
    """
    return _TOOLS.get(code[:1]) if code else None
