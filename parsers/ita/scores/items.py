"""An item's code found again by its question and its score, where OCR garbled the code an
analysis-to-action row prints before its question.
"""
from __future__ import annotations

from normalizers.items import leading_digits
from normalizers.thai_text import likeness
from parsers.ita.records import PrintedScore
from thai.chars import TO_ARABIC_DIGITS

_LIKE_QUESTION = 0.75  # how alike (`likeness`) two readings of one question are at least


def number_key(printed: str) -> str:
    """A printed number as compared with another printing of it: Thai digits as Arabic.

    >>> number_key(" ๘๒.๓๙ ") == number_key("82.39")
    True
    """
    return printed.strip().translate(TO_ARABIC_DIGITS)


def code_by_question(item: str, score: str | None, items: list[PrintedScore]) -> str | None:
    """The code of the item an analysis-to-action row acts on when OCR garbled the code printed
    before its question (`๑๔ การประเมินผล...` for i14): the item of the document's per-question
    scores with the same score and the question alike, if exactly one, and if the digits the
    row does show end with its number.

    >>> from parsers.layout import Provenance
    >>> at = Provenance(page=2, method="ocr")
    >>> items = [PrintedScore("item", "๘๒.๓๙", at, item_code="i14", label="การประเมินผลการปฏิบัติงานเป็นไปอย่างโปร่งใส"),
    ...          PrintedScore("item", "๗๕.๕๓", at, item_code="i17", label="ผู้บังคับบัญชาสังการให้ทำสิงทีไม่ถูกต้อง")]
    >>> code_by_question("๑๔ การประเมินผลการปฏิบัติงานเป็นไปอย่างโปร่งใส", "๘๒.๓๙", items)
    'i14'
    >>> code_by_question("ผู้บังคับบัญชาสั่งการให้ทำสิ่งที่ไม่ถูกต้อง", "๗๕.๕๓", items)
    'i17'
    >>> code_by_question("๒๔ การประเมินผลการปฏิบัติงานเป็นไปอย่างโปร่งใส", "๘๒.๓๙", items) is None  # 24 is not 14
    True
    >>> code_by_question("การประเมินผลการปฏิบัติงานเป็นไปอย่างโปร่งใส", "๘๑.๐๐", items) is None  # another score
    True
    """
    if score is None:
        return None
    digits, question = leading_digits(item)
    value = number_key(score)
    found = {s.item_code for s in items
             if s.item_code and s.label and number_key(s.value) == value
             and likeness(question[:len(s.label) + 5], s.label) >= _LIKE_QUESTION
             and (not digits or digits.endswith(s.item_code[1:]))}
    return found.pop() if len(found) == 1 else None
