"""Scores as printed: overall (with its grade), per tool, per indicator, per questionnaire item.

Reports print scores in score tables (`ตัวชี้วัดที่ | รายละเอียด | คะแนน`, or `๑. การปฏิบัติหน้าที่
๙๓.๔๖ คะแนน` in a label cell) and in sentences (`ตัวชี้วัดที่ ๘ ... ได้คะแนนเท่ากับร้อยละ ๘๓.๙๙`,
`ในภาพรวมมีระดับคะแนน ๙๙.๗๘ ... ผ่านดีเยี่ยม`, `(IIT) คะแนนรวม ๑๐๐ คะแนน`). A number is taken as a
score only where the text says it is one (คะแนน / ร้อยละ, or a score column), never a criterion
(`มากกว่า ๙๕`, `๘๕ คะแนนขึ้นไป`). A summary table is read down (a row a tool, an indicator, the
overall score, its grade) or across (a column each); the items of a per-question section and of
an analysis-to-action table are scores of `item` scope, with their codes as printed.
"""
from __future__ import annotations

import re

from normalizers.indicators import indicator_by_name, parse_tool, resolve_indicator
from normalizers.items import split_item_code
from parsers.ita.columns import Columns, Role, columns_of, tools_by_place
from parsers.ita.records import PrintedScore
from parsers.layout import Table, TextLine
from thai.chars import CONSONANTS, TO_ARABIC_DIGITS, mark_tolerant

_NUM = r"[๐-๙0-9]{1,3}(?:\.[๐-๙0-9]{1,2})?"
# The words that call a number a score, as OCR prints them too (`ค่ะแนน`, `รอยละ`).
_POINTS, _PERCENT = mark_tolerant("คะแนน"), mark_tolerant("ร้อยละ")
# A number the text calls a score: "... คะแนน", "ร้อยละ ...", "คะแนน(รวม|เท่ากับ) ...".
_SCORE_PHRASE = re.compile(
    rf"(?:(?:{_PERCENT}|{_POINTS}(?:รวม|เฉลี่ย)?(?:เท่ากับ)?(?:{_PERCENT})?)\s*(?P<a>{_NUM})(?![๐-๙0-9])"
    rf"|(?<![๐-๙0-9.])(?P<b>{_NUM})\s*{_POINTS}(?!รวม|เฉลี่ย|เท่ากับ))")
_CRITERION = re.compile(r"มากกว่า|น้อยกว่า|ขึ้นไป|ไม่ต่ำกว่า|ไม่น้อยกว่า|ต่ำกว่า|เกณฑ์|เป้าหมาย")
_INDICATOR_MENTION = re.compile(rf"{mark_tolerant('ตัวชี้วัดที่')}\s*(?P<no>[๐-๙0-9]{{1,2}})(?![.๐-๙0-9])")
# An indicator's number before its name, where OCR garbled the word ตัวชี้วัดที่ itself
# (`ตวช an ๔ การใช้ทรัพย์สินของราชการ (๑๐๐ คะแนน)`): taken only where the name is that
# indicator's own.
_NUMBER_BEFORE_NAME = re.compile(r"(?<![๐-๙0-9.])(?P<no>[๐-๙0-9]{1,2})(?![.๐-๙0-9])\s*(?=[ก-ฮเ-ไ])")
_LABEL_CELL = re.compile(rf"^(?:{mark_tolerant('ตัวชี้วัดที่')}\s*)?(?P<no>[๐-๙0-9]{{1,2}})(?:[.)]|\s|$)\s*(?P<name>.*)$")
_LABEL_END = re.compile(rf"\(|{_NUM}\s*{_POINTS}|\s(?:ซึ่ง|ได้|มีค่า|มีคะแนน|มีระดับ|คะแนน)")
# A row or column of the overall score (`คะแนนภาพรวม`, `ผลการประเมินภาพรวม`, `คะแนนรวม ITA`), and
# the row or column of its grade (`ระดับผลการประเมิน`).
_OVERALL_ROW = re.compile(r"ภาพรวม|คะแนนรวม|คะแนนเฉลี่ยรวม|overall", re.IGNORECASE)
_GRADE_ROW = re.compile(r"^(?:ระดับ|เกรด|ผลการประเมินระดับ)")
_TOOL_CODE = re.compile(r"(?<![A-Za-z])(IIT|EIT|OIT)(?![A-Za-z])", re.IGNORECASE)
_OVERALL = re.compile(r"ผลคะแนน|ระดับคะแนน|คะแนนรวม|ภาพรวม|คะแนนเฉลี่ย|ผลการประเมิน")
# An overall score is the assessment's: a sentence with only a share in it (`ผลการประเมินความเสี่ยง
# ... ในภาพรวม ... ร้อยละ ๕๐ ของกระบวนงาน`, a four-year plan's) gives one only where it says คะแนน or
# names the assessment.
_NAMES_THE_ASSESSMENT = re.compile(rf"{_POINTS}|คุณธรรม|โปร่งใส|ITA|ไอทีเอ", re.IGNORECASE)
_EIT_PART = re.compile(r"ส่วนที่?\s*(?P<part>[๑๒12])")  # OCR drops the tone mark
_GRADE_AFTER = re.compile(r"ระดับ")
_LEADING_MARKER = re.compile(r"^[\s\-•]*(?:[๐-๙0-9]{1,2}[.)])?\s*")
_TRAILING_NUMBER = re.compile(rf"\s*{_NUM}\s*(?:{_POINTS})?\s*$")
_ONLY_NUMBER = re.compile(rf"^\s*(?P<n>{_NUM})\s*(?:{_POINTS})?\s*$")


def _score_in(text: str) -> tuple[str, int, int] | None:
    """The first number the text calls a score, and where its phrase starts and ends."""
    for m in _SCORE_PHRASE.finditer(text):
        window = text[max(0, m.start() - 25):m.end() + 12]
        if _CRITERION.search(window):
            continue
        return (m.group("a") or m.group("b")), m.start(), m.end()
    return None


def _line_label(text: str) -> str | None:
    """What a sentence says a score is of: the words before it, without list numbering."""
    label = _LEADING_MARKER.sub("", text).strip(" :-")
    return label[-80:] or None


def _label(name: str) -> str | None:
    cut = _LABEL_END.search(name)
    label = (name[:cut.start()] if cut else name).strip(" :-")
    return label or None


def _indicator_label(text: str) -> tuple[str, str | None] | None:
    """(printed number, printed name) when a label cell names an ITA indicator."""
    m = _LABEL_CELL.match(text.strip())
    if not m:
        return None
    label = _label(m.group("name"))
    probe = f"ตัวชี้วัดที่ {m.group('no')} {label or ''}"
    if resolve_indicator(probe).no is None:
        return None
    return m.group("no"), label


def _named_indicators(text: str) -> list[re.Match[str]]:
    """Numbers followed by the name of the indicator of that number (`_NUMBER_BEFORE_NAME`)."""
    found = []
    for m in _NUMBER_BEFORE_NAME.finditer(text):
        name = _label(text[m.end():])
        if name and indicator_by_name(name) == int(m.group("no").translate(TO_ARABIC_DIGITS)):
            found.append(m)
    return found


def scores_from_line(line: TextLine, context_tool: str | None) -> tuple[list[PrintedScore], str | None]:
    """Scores printed in one line of text, and the tool the line leaves in context (a line naming
    EIT is followed by `ส่วนที่ ๑ ...` lines that are its parts).

    >>> from parsers.layout import Provenance
    >>> at = Provenance(page=1, method="text")
    >>> [s.value for s in scores_from_line(TextLine("ในภาพรวมมีระดับคะแนน ๙๙.๗๘ ผ่านดีเยี่ยม", at), None)[0]]
    ['๙๙.๗๘']
    >>> scores_from_line(TextLine("ผลการประเมินความเสี่ยงในภาพรวม พบว่าคิดเป็นร้อยละ ๕๐ ของกระบวนงาน", at), None)[0]
    []
    """
    text = line.text
    scores: list[PrintedScore] = []
    mentions = list(_INDICATOR_MENTION.finditer(text)) or _named_indicators(text)
    for i, m in enumerate(mentions):
        segment = text[m.end():mentions[i + 1].start() if i + 1 < len(mentions) else len(text)]
        found = _score_in(segment)
        if found:
            scores.append(PrintedScore(scope="indicator", value=found[0], prov=line.prov,
                                       indicator=m.group("no"), label=_label(segment)))
    if mentions:
        return scores, context_tool
    tool = parse_tool(text)
    part = _EIT_PART.search(text)
    if tool is None and part and context_tool in ("EIT", "EIT1", "EIT2"):
        tool = "EIT" + ("1" if part.group("part") in "๑1" else "2")
    found = _score_in(text)
    if tool is not None:
        if found:
            scores.append(PrintedScore(scope="tool", value=found[0], prov=line.prov, tool=tool,
                                       label=_line_label(text[:found[1]])))
        return scores, "EIT" if tool.startswith("EIT") else tool
    # the label starts at the last keyword before the number ("...ในภาพรวมมีระดับคะแนน ๙๙.๗๘")
    keywords = [k.start() for k in _OVERALL.finditer(text) if found and k.start() <= found[1]
                and _NAMES_THE_ASSESSMENT.search(text)]
    if found and keywords:
        label_start = keywords[-1]
        rest = text[found[2]:]
        grade = rest[_GRADE_AFTER.search(rest).end():].strip() if _GRADE_AFTER.search(rest) else None
        scores.append(PrintedScore(scope="overall", value=found[0], prov=line.prov, grade=grade,
                                   label=_line_label(_TRAILING_NUMBER.sub("", text[label_start:found[2]]))))
    return scores, context_tool


def _named_row(texts: list[str], label_at: int, score_col: int) -> tuple[str, str] | None:
    """(number, name) of a score table's row whose number cell OCR garbled (`Uf` for 7) but
    whose next cell is an indicator's name: the number is that name's indicator."""
    name_at = label_at + 1
    if any(ch in CONSONANTS for ch in texts[label_at]) or name_at >= len(texts) or name_at == score_col:
        return None
    no = indicator_by_name(texts[name_at])
    return (str(no), texts[name_at]) if no is not None else None


def _tools_named(text: str) -> set[str]:
    """The tools a label names by their codes (`IIT + EIT + OIT` names three)."""
    return {m.group(1).upper() for m in _TOOL_CODE.finditer(text)}


def _row_tool(label: str) -> str | None:
    """The tool a row's label names, unless it names several: `คะแนนภาพรวม (IIT + EIT + OIT)`
    is the overall score, not IIT's."""
    return parse_tool(label) if len(_tools_named(label)) <= 1 else None


def _is_overall(label: str) -> bool:
    return bool(_OVERALL_ROW.search(label)) or len(_tools_named(label)) > 1


def _across_summary(table: Table) -> list[PrintedScore]:
    """A summary laid out across: one column each for the overall score, the tools and the grade
    (`ผลการประเมิน | คะแนนภาพรวม | IIT | EIT | OIT | ระดับผลการประเมิน`), one row of values.
    Several rows of values (rounds side by side) are left unread: which is the round reported
    is not the table's to say."""
    headers = table.column_headers()
    kinds: dict[int, str] = {}
    for col, header in enumerate(headers):
        tool = _row_tool(header)
        if tool is not None:
            kinds[col] = tool
        elif _is_overall(header):
            kinds[col] = "overall"
        elif _GRADE_ROW.search(header):
            kinds[col] = "grade"
    overall_at = next((c for c, kind in kinds.items() if kind == "overall"), None)
    if overall_at is not None:
        # the tools' Latin names OCR read as Thai, in the three columns after the overall score
        placed = tools_by_place([kinds.get(c) for c in range(len(headers))], overall_at + 1)
        kinds = {c: kind for c, kind in enumerate(placed) if kind is not None}
    if sum(kind not in ("overall", "grade") for kind in kinds.values()) < 2:
        return []
    rows = [cells for _, cells in table.body()
            if any(_ONLY_NUMBER.match(cells[c].text) for c, kind in kinds.items() if kind != "grade")]
    if len(rows) != 1:
        return []
    cells = rows[0]
    grade = next((cells[c].text.strip() or None for c, kind in kinds.items() if kind == "grade"), None)
    scores = []
    for col, kind in kinds.items():
        m = _ONLY_NUMBER.match(cells[col].text)
        if kind == "grade" or m is None:
            continue
        if kind == "overall":
            scores.append(PrintedScore(scope="overall", value=m.group("n"), prov=cells[col].prov,
                                       grade=grade, label=headers[col]))
        else:
            scores.append(PrintedScore(scope="tool", value=m.group("n"), prov=cells[col].prov, tool=kind,
                                       label=headers[col]))
    return scores


def _action_item_scores(table: Table, columns: Columns) -> list[PrintedScore]:
    """The printed score of each item an analysis-to-action table acts on (`e1 ... | 78.50 | ...`)."""
    item_col, score_col = columns.first(Role.ITEM), columns.first(Role.SCORE)
    if item_col is None or score_col is None:
        return []
    scores = []
    for _, cells in table.body():
        code, question = split_item_code(cells[item_col].text.strip())
        m = _ONLY_NUMBER.match(cells[score_col].text)
        if code is not None and m is not None:
            scores.append(PrintedScore(scope="item", value=m.group("n"), prov=cells[score_col].prov,
                                       item_code=code, label=question or None))
    return scores


def scores_from_table(table: Table, heading_indicator: str | None = None,
                      columns: Columns | None = None) -> list[PrintedScore]:
    """Scores of a score table (rows of tools, indicators, items, the overall score and its
    grade), a summary laid out across, or the item scores of an analysis-to-action table.
    `heading_indicator` is the indicator number printed in a heading right above the table
    (`ตัวชี้วัดที่ ๑ การปฏิบัติหน้าที่`), which its item rows belong to."""
    columns = columns or columns_of(table)
    if columns.is_measure_table:
        return _action_item_scores(table, columns)
    if columns.is_findings_table:
        return []
    across = _across_summary(table)
    if across:
        return across
    score_col = columns.first(Role.SCORE)
    item_cols = set(columns.all(Role.ITEM))
    scores: list[PrintedScore] = []
    tool: str | None = None
    group_indicator = heading_indicator
    overall: PrintedScore | None = None
    grade: str | None = None
    for _, cells in table.body():
        texts = [c.text.strip() for c in cells]
        label_at = next((i for i, t in enumerate(texts[:2]) if t), None)
        if label_at is None:
            continue
        label_text = texts[label_at]
        row_tool = _row_tool(label_text)
        indicator = _indicator_label(label_text)
        code, question = split_item_code(label_text)
        if code is not None:
            indicator = None  # `๐2` is OCR's o2, not a second indicator
        if indicator is not None and item_cols \
                and not _INDICATOR_MENTION.search(label_text):
            # In a table of items, a bare number is an item code OCR lost the letter of (`i1`
            # read as `1`), not an indicator: only a group row names its indicator.
            continue
        if indicator is None and code is None and row_tool is None and score_col is not None \
                and not item_cols:  # a question names an indicator's words (`ปฏิบัติงาน`) too
            indicator = _named_row(texts, label_at, score_col)
        if indicator is None and code is None and row_tool is not None:
            tool = row_tool
        if indicator is not None and code is None:
            group_indicator = indicator[0]  # the item rows below are this indicator's
        # The score: a score column, else "… ๙๓.๔๖ คะแนน" in the label cell, else a cell beside
        # it that holds nothing but a number.
        value: str | None = None
        beside = texts[score_col] if score_col is not None and score_col != label_at else (
            texts[label_at + 1] if label_at + 1 < len(texts) else "")
        if score_col is not None and score_col != label_at:
            m = _ONLY_NUMBER.match(texts[score_col])
            value = m.group("n") if m else None
        if value is None:
            found = _score_in(label_text)
            value = found[0] if found else None
        if value is None and label_at + 1 < len(texts):
            m = _ONLY_NUMBER.match(texts[label_at + 1])
            value = m.group("n") if m and ("." in m.group("n") or "คะแนน" in texts[label_at + 1]) else None
        if value is None:
            if _GRADE_ROW.match(label_text) and beside and indicator is None and code is None:
                grade = beside  # the overall's grade in a row of its own
            continue
        prov = cells[label_at].prov
        if indicator is not None:
            number, name = indicator
            if name is None and label_at + 1 < len(texts) and label_at + 1 != score_col:
                name = texts[label_at + 1] or None
            scores.append(PrintedScore(scope="indicator", value=value, prov=prov, indicator=number,
                                       label=name, tool=tool))
        elif code is not None:
            if not question and label_at + 1 < len(texts) and label_at + 1 != score_col:
                question = texts[label_at + 1]
            scores.append(PrintedScore(scope="item", value=value, prov=prov, tool=tool, item_code=code,
                                       indicator=group_indicator, label=question or None))
        elif row_tool is not None:
            scores.append(PrintedScore(scope="tool", value=value, prov=prov, tool=row_tool,
                                       label=label_text))
        elif _is_overall(label_text) and overall is None:
            overall = PrintedScore(scope="overall", value=value, prov=prov, label=label_text)
            scores.append(overall)
    if overall is not None and overall.grade is None:
        overall.grade = grade
    return scores
