"""The words that make a number a score and say what it is of, shared by sentences and tables.

A number is taken as a score only where the text says it is one (คะแนน / ร้อยละ, or a score
column), never a criterion (`มากกว่า ๙๕`, `๘๕ คะแนนขึ้นไป`). What it is the score of is the label
before it: an indicator by its word and number (`ตัวชี้วัดที่ ๘`), by its number and name where OCR
garbled the word, or by its name alone.
"""
from __future__ import annotations

import re

from normalizers.indicators import indicator_by_name, resolve_indicator
from thai.chars import TO_ARABIC_DIGITS, mark_tolerant, without_marks

NUM = r"[๐-๙0-9]{1,3}(?:\.[๐-๙0-9]{1,2})?"
# The words that call a number a score, as OCR prints them too (`ค่ะแนน`, `รอยละ`).
POINTS, _PERCENT = mark_tolerant("คะแนน"), mark_tolerant("ร้อยละ")
# A number the text calls a score: "... คะแนน", "ร้อยละ ...", "คะแนน(รวม|เท่ากับ) ...".
_SCORE_PHRASE = re.compile(
    rf"(?:(?:{_PERCENT}|{POINTS}(?:รวม|เฉลี่ย)?(?:เท่ากับ)?(?:{_PERCENT})?)\s*(?P<a>{NUM})(?![๐-๙0-9])"
    rf"|(?<![๐-๙0-9.])(?P<b>{NUM})\s*{POINTS}(?!รวม|เฉลี่ย|เท่ากับ))")
_CRITERION = re.compile(r"มากกว่า|น้อยกว่า|ขึ้นไป|ไม่ต่ำกว่า|ไม่น้อยกว่า|ต่ำกว่า|เกณฑ์|เป้าหมาย")
INDICATOR_MENTION = re.compile(rf"{mark_tolerant('ตัวชี้วัดที่')}\s*(?P<no>[๐-๙0-9]{{1,2}})(?![.๐-๙0-9])")
# An indicator's number before its name, where OCR garbled the word ตัวชี้วัดที่ itself
# (`ตวช an ๔ การใช้ทรัพย์สินของราชการ (๑๐๐ คะแนน)`): taken only where the name is that
# indicator's own.
_NUMBER_BEFORE_NAME = re.compile(r"(?<![๐-๙0-9.])(?P<no>[๐-๙0-9]{1,2})(?![.๐-๙0-9])\s*(?=[ก-ฮเ-ไ])")
_LABEL_CELL = re.compile(rf"^(?:{mark_tolerant('ตัวชี้วัดที่')}\s*)?(?P<no>[๐-๙0-9]{{1,2}})(?:[.)]|\s|$)\s*(?P<name>.*)$")
INDICATOR_WORD_MARKLESS = re.compile("ชวด|วดท")  # ตัวชี้วัดที่ as OCR garbles it, its marks taken out
INDICATOR_WORD = re.compile(rf"^\s*{mark_tolerant('ตัวชี้วัดที่')}")
_LABEL_END = re.compile(rf"\(|{NUM}\s*{POINTS}|\s(?:ซึ่ง|ได้|มีค่า|มีคะแนน|มีระดับ|คะแนน)")
ONLY_NUMBER = re.compile(rf"^\s*(?P<n>{NUM})\s*(?:{POINTS})?\s*$")


def score_in(text: str) -> tuple[str, int, int] | None:
    """The first number the text calls a score, and where its phrase starts and ends.

    >>> score_in("ได้คะแนนเท่ากับร้อยละ ๘๓.๙๙"), score_in("มากกว่า ๙๕ คะแนน")
    (('๘๓.๙๙', 3, 27), None)
    """
    for m in _SCORE_PHRASE.finditer(text):
        window = text[max(0, m.start() - 25):m.end() + 12]
        if _CRITERION.search(window):
            continue
        return (m.group("a") or m.group("b")), m.start(), m.end()
    return None


def label_of(name: str) -> str | None:
    """A label as far as its score or a remark about it (`(`, `๙๓.๔๖ คะแนน`, `ซึ่ง...`) starts."""
    cut = _LABEL_END.search(name)
    label = (name[:cut.start()] if cut else name).strip(" :-")
    return label or None


def indicator_label(text: str) -> tuple[str, str | None] | None:
    """(printed number, printed name) when a label cell names an ITA indicator."""
    m = _LABEL_CELL.match(text.strip())
    if not m:
        return None
    label = label_of(m.group("name"))
    probe = f"ตัวชี้วัดที่ {m.group('no')} {label or ''}"
    if resolve_indicator(probe).no is None:
        return None
    return m.group("no"), label


def garbled_indicator_label(text: str) -> tuple[str, str] | None:
    """(number, name) of a group row `ตัวชี้วัดที่ <number> <name>` OCR garbled before the name
    (`ตัวชีวัดที wide ซ` for ตัวชี้วัดที่ ๗, `ตว ชวดท๔`, `ew AVIAN dey ๑`): the number of the
    indicator the name names, where the words before it show the word ตัวชี้วัด or that number,
    and no other.

    >>> garbled_indicator_label("ตัวชีวัดที wide ซ ประสิทธิภาพการสื่อสาร"), garbled_indicator_label("ew AVIAN dey ๑ การปฏิบัติหน้าที่")
    (('7', 'ประสิทธิภาพการสื่อสาร'), ('1', 'การปฏิบัติหน้าที่'))
    >>> garbled_indicator_label("ตัวชีวัดที่ « ๓ การเปิดเผยข้อมูล"), garbled_indicator_label("หน่วยงานมี การเปิดเผยข้อมูล")
    (None, None)
    """
    words = text.split()
    for skip in range(min(4, len(words) - 1), 0, -1):  # the name is what follows the garbled number
        before, name = " ".join(words[:skip]), " ".join(words[skip:])
        no = indicator_by_name(name)
        if no is None or label_of(name) != name.strip(" :-"):
            continue
        digits = "".join(ch for ch in before if ch.isdigit()).translate(TO_ARABIC_DIGITS)
        if digits == str(no) or (not digits and INDICATOR_WORD_MARKLESS.search(without_marks(before))):
            return str(no), name
        return None
    return None


def named_indicators(text: str) -> list[re.Match[str]]:
    """Numbers followed by the name of the indicator of that number (`_NUMBER_BEFORE_NAME`)."""
    found = []
    for m in _NUMBER_BEFORE_NAME.finditer(text):
        name = label_of(text[m.end():])
        if name and indicator_by_name(name) == int(m.group("no").translate(TO_ARABIC_DIGITS)):
            found.append(m)
    return found
