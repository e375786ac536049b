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

from thai.chars import CONSONANT_CLASS, TO_ARABIC_DIGITS

__all__ = ["codes_in_sequence", "item_code", "leading_digits", "split_item_code", "tool_of_item"]

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


_LEADING_NON_LETTERS = re.compile(f"^[^{CONSONANT_CLASS}]*")  # up to the first Thai consonant


def leading_digits(printed: str) -> tuple[str, str]:
    """(the digits printed before a row's words as Arabic digits, the words), for a code OCR
    garbled: `โ[๑๖` → "16", `อฒ` → "" (ฒ is a letter, whatever digit it was). Zeros in front
    are no item's number: they are o read as ๐ (`๐ ฒ` for o7). After a code's letter, letters
    shaped as digits are those digits (`ill` → "11", `ilS` → "15").

    >>> leading_digits("๒๑๒ หน่วยงานปรับปรุง"), leading_digits("อฒ"), leading_digits("๐ ฒ การบริหาร")
    (('212', 'หน่วยงานปรับปรุง'), ('', 'อฒ'), ('', 'ฒ การบริหาร'))
    >>> leading_digits("ill"), leading_digits("il12"), leading_digits("ilS"), leading_digits("il")
    (('11', ''), ('112', ''), ('15', ''), ('1', ''))
    """
    lead = _LEADING_NON_LETTERS.match(printed)
    assert lead is not None  # the pattern matches the empty string
    code = _LETTER_THEN_LOOKALIKES.match(lead.group(0).strip())
    text = code.group("rest").translate(_CODE_LOOKALIKES) if code else lead.group(0)
    digits = "".join(ch for ch in text if ch.isdigit()).translate(TO_ARABIC_DIGITS)
    return digits.lstrip("0"), printed[lead.end():]


# A code's letter, then digits and letters shaped as digits, and nothing else.
_LETTER_THEN_LOOKALIKES = re.compile(r"^[iIl|ıíeEéoO](?P<rest>[0-9๐-๙lI|OoS]{1,3})$")
_CODE_LOOKALIKES = str.maketrans({"l": "1", "I": "1", "|": "1", "O": "0", "o": "0", "S": "5"})


_AT_THE_EDGE = 2  # codes of another tool at a table's edge that are misread letters, at most


def _misread_letters_dropped(read: list[str | None], tools: list[str | None]) -> list[str | None]:
    """The codes read, less runs of another tool's codes than their group's that codes of the
    group's tool enclose, or (two at most) end at the table's edge on one side (`o๓ o๔` between
    e2 and e5, `o๖` before e7 opening a table): misread letters. A longer run at an edge, one
    that another tool's code ends, or one that fills the table stays: a group row missed above it
    is likelier.

    >>> _misread_letters_dropped(["e2", "o3", "o4", "e5"], ["EIT"] * 4), _misread_letters_dropped(["o6", "e7"], ["EIT"] * 2)
    (['e2', None, None, 'e5'], [None, 'e7'])
    >>> _misread_letters_dropped(["i5", "e1", "e2", "e3"], ["IIT"] * 4), _misread_letters_dropped(["i30", "e1", "o1"], ["IIT"] * 3)
    (['i5', 'e1', 'e2', 'e3'], ['i30', 'e1', 'o1'])
    """
    out = list(read)
    i = 0
    while i < len(read):
        code, tool = read[i], tools[i]
        if code is None or tool is None or tool_of_item(code) == tool:
            i += 1
            continue
        end = i  # the run of codes of this other tool, the unread among them
        while end < len(read) and (read[end] is None or tool_of_item(read[end]) == tool_of_item(code)):
            end += 1
        before = next((c for c in reversed(read[:i]) if c is not None), None)
        after = read[end] if end < len(read) else None
        enclosed = before is not None and after is not None
        short = sum(c is not None for c in read[i:end]) <= _AT_THE_EDGE
        if (enclosed or (short and (before is not None or after is not None))) and all(
                c is None or tool_of_item(c) == tool for c in (before, after)):
            out[i:end] = [None] * (end - i)
        i = end
    return out


def codes_in_sequence(printed: list[str], tools: list[str | None] | None = None) -> list[tuple[str | None, bool]]:
    """The item code of each row of a table of items, read or told by the rows around it:
    (code, whether it was told by the row order) for each printed item cell, in table order.

    A questionnaire's items are printed in order (i1, i2, ... e1, e2 ...), so a row whose code OCR
    garbled (`๒` for i2, `๒๑๒` for e12, `๐๑` for o1) is the one its neighbours count to: the
    nearest read code before it plus the rows between, or after it minus them. The count is
    taken only where the digits the row does show end with its number, or, with no digit
    read, where the codes before and after both count to it, and where it is of the row's tool
    when a group row above says which (`tools`: IIT, EIT, OIT or None for each row); otherwise
    the row stays without.

    >>> codes_in_sequence(["i๑", "๒", "i๓", "อฒ", "i๕"])
    [('i1', False), ('i2', True), ('i3', False), ('i4', True), ('i5', False)]
    >>> codes_in_sequence(["i๓๐", "๑", "e๒"])  # the tool changes: the row's digit says e1, not i31
    [('i30', False), ('e1', True), ('e2', False)]
    >>> codes_in_sequence(["i๑", "๕", "i๓"])  # 5 is no count from i1 or to i3
    [('i1', False), (None, False), ('i3', False)]
    >>> codes_in_sequence(["i๑", "อฒ"])  # no digit, and nothing after to agree
    [('i1', False), (None, False)]
    >>> codes_in_sequence(["i๒๐", "๒๑", "e๒"]), codes_in_sequence(["i๒๐", "๒๑", "e๒"], [None, "EIT", None])
    ([('i20', False), (None, False), ('e2', False)], [('i20', False), ('e1', True), ('e2', False)])
    >>> codes_in_sequence(["e๒", "o๓", "e๔"], ["EIT"] * 3)  # e read as o
    [('e2', False), ('e3', True), ('e4', False)]
    """
    read = [item_code(text) for text in printed]
    if tools:
        read = _misread_letters_dropped(read, tools)
    anchors = [i for i, code in enumerate(read) if code is not None]
    out: list[tuple[str | None, bool]] = []
    for i, code in enumerate(read):
        if code is not None:
            out.append((code, False))
            continue
        counted, enclosed = _counted_to(i, read, anchors)
        tool = tools[i] if tools else None
        counted = {c for c in counted if tool is None or tool_of_item(c) == tool}
        told = _told_by_count(printed[i], counted, enclosed)
        out.append((told, True) if told is not None else (None, False))
    return out


def _counted_to(i: int, read: list[str | None], anchors: list[int]) -> tuple[set[str], bool]:
    """The codes the nearest read codes before and after row `i` count to, and whether it has
    read codes on both sides."""
    before = next((a for a in reversed(anchors) if a < i), None)
    after = next((a for a in anchors if a > i), None)
    counted = set()
    if before is not None:
        counted.add(f"{read[before][0]}{int(read[before][1:]) + i - before}")
    if after is not None and int(read[after][1:]) - (after - i) >= 1:
        counted.add(f"{read[after][0]}{int(read[after][1:]) - (after - i)}")
    return counted, before is not None and after is not None


def _told_by_count(printed: str, counted: set[str], enclosed: bool) -> str | None:
    """The one counted code the row's printed digits end with, or, with no digit read, the one
    both sides count to; None when not one fits or it is past the last item."""
    digits = leading_digits(printed)[0]
    if digits:
        fits = [c for c in counted if digits.endswith(c[1:])]
    else:
        fits = list(counted) if enclosed and len(counted) == 1 else []
    return fits[0] if len(fits) == 1 and int(fits[0][1:]) <= MAX_ITEM else None
