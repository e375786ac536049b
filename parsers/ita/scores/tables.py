"""Scores of score tables: a summary read down (a row a tool, an indicator, the overall score,
its grade) or across (a column each), a table of items (`i1 ... | ๙๓.๔๖`) under the group rows
of their indicators, and the item scores of an analysis-to-action table.

A table read down is read a row at a time: the row classifier (`classify_row`) says what the
row's label names, the value finder (`row_value`) where its score is printed, and `_TableReading`
carries from row to row the tool and the indicator of the rows below, a grade printed in a row of
its own, and the item rows whose codes their order tells at the end.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum

from normalizers.indicators import indicator_by_name, parse_tool, tool_of
from normalizers.items import codes_in_sequence, split_item_code
from parsers.ita.columns import Columns, Role, columns_of, tools_by_place
from parsers.ita.records import PrintedScore
from parsers.ita.scores.words import (
    INDICATOR_MENTION,
    INDICATOR_WORD,
    ONLY_NUMBER,
    garbled_indicator_label,
    indicator_label,
    score_in,
)
from parsers.layout import Provenance, Table
from thai.chars import CONSONANTS, TO_ARABIC_DIGITS

# A row or column of the overall score (`คะแนนภาพรวม`, `ผลการประเมินภาพรวม`, `คะแนนรวม ITA`), and
# the row or column of its grade (`ระดับผลการประเมิน`).
_OVERALL_ROW = re.compile(r"ภาพรวม|คะแนนรวม|คะแนนเฉลี่ยรวม|overall", re.IGNORECASE)
_GRADE_ROW = re.compile(r"^(?:ระดับ|เกรด|ผลการประเมินระดับ)")
_TOOL_CODE = re.compile(r"(?<![A-Za-z])(IIT|EIT|OIT)(?![A-Za-z])", re.IGNORECASE)


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


def _across_columns(headers: list[str]) -> dict[int, str]:
    """What each column of a summary laid out across holds, by its header: a tool, "overall"
    or "grade" (columns of none of these are left out)."""
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
    return kinds


def _across_summary(table: Table) -> list[PrintedScore]:
    """A summary laid out across: one column each for the overall score, the tools and the grade
    (`ผลการประเมิน | คะแนนภาพรวม | IIT | EIT | OIT | ระดับผลการประเมิน`), one row of values.
    Several rows of values (rounds side by side) are left unread: which is the round reported
    is not the table's to say."""
    headers = table.column_headers()
    kinds = _across_columns(headers)
    if sum(kind not in ("overall", "grade") for kind in kinds.values()) < 2:
        return []
    rows = [cells for _, cells in table.body()
            if any(ONLY_NUMBER.match(cells[c].text) for c, kind in kinds.items() if kind != "grade")]
    if len(rows) != 1:
        return []
    cells = rows[0]
    grade = next((cells[c].text.strip() or None for c, kind in kinds.items() if kind == "grade"), None)
    scores = []
    for col, kind in kinds.items():
        m = ONLY_NUMBER.match(cells[col].text)
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
        m = ONLY_NUMBER.match(cells[score_col].text)
        if code is not None and m is not None:
            scores.append(PrintedScore(scope="item", value=m.group("n"), prov=cells[score_col].prov,
                                       item_code=code, label=question or None))
    return scores


IndicatorLabel = tuple[str, str | None]  # an indicator's number and name, as printed


class RowKind(Enum):
    """What a row of a score table read down gives the score of."""

    INDICATOR = "indicator"  # an indicator, or a group row over the items of one
    ITEM = "item"  # a questionnaire item, its code printed or garbled by OCR
    TOOL = "tool"  # IIT, EIT (or one of its parts), OIT
    OVERALL = "overall"  # the overall score
    OTHER = "other"  # nothing scored: a grade's own row, a note


@dataclass(frozen=True)
class ScoreRow:
    """A body row of a score table as the row classifier reads it: its cells' texts, the cell
    of its label (the first non-empty of the first two) and what the label names, as printed."""

    texts: list[str]
    label_at: int
    kind: RowKind
    indicator: IndicatorLabel | None = None
    tool: str | None = None
    item_code: str | None = None
    question: str = ""  # what follows an item's code in its label cell

    @property
    def label(self) -> str:
        return self.texts[self.label_at]

    def beside(self, score_col: int | None) -> str:
        """The cell a grade is printed in beside its label: the score column, else the next cell."""
        if score_col is not None and score_col != self.label_at:
            return self.texts[score_col]
        return self.texts[self.label_at + 1] if self.label_at + 1 < len(self.texts) else ""

    def next_cell(self, score_col: int | None) -> str | None:
        """The cell after the label (an indicator's name, an item's question), unless there is
        none or it is the score column."""
        at = self.label_at + 1
        return self.texts[at] if at < len(self.texts) and at != score_col else None


def classify_row(texts: list[str], score_col: int | None, of_items: bool) -> ScoreRow | None:
    """What a row's label names (`of_items`: the table has an item column), None for a row
    without one.

    >>> classify_row(["ตัวชี้วัดที่ ๑ การปฏิบัติหน้าที่", "๙๓.๔๖"], 1, False).kind
    <RowKind.INDICATOR: 'indicator'>
    >>> [classify_row([label, "๘๐.๒๐"], 1, True).kind.value for label in ("i๑ ท่านปฏิบัติงาน", "อฒ", "(EIT)")]
    ['item', 'item', 'tool']
    """
    label_at = next((i for i, t in enumerate(texts[:2]) if t), None)
    if label_at is None:
        return None
    label = texts[label_at]
    tool = _row_tool(label)
    code, question = split_item_code(label)
    indicator, names_indicator = _indicator_of_label(label, tool, code)
    # In a table of items, a row that names no indicator, tool or overall score is an item
    # whose code OCR garbled (`i1` read as `1`, `e7` as `อฒ`); only a group row names its
    # indicator (`ตัวชี้วัดที่ ๑ ...`).
    uncoded = of_items and code is None and tool is None and not _is_overall(label) and not names_indicator
    if uncoded:
        indicator = None
    if indicator is None and code is None and tool is None and score_col is not None \
            and not of_items:  # a question names an indicator's words (`ปฏิบัติงาน`) too
        indicator = _named_row(texts, label_at, score_col)
    return ScoreRow(texts, label_at, _kind(label, indicator, code is not None or uncoded, tool),
                    indicator, tool, code, question)


def _indicator_of_label(label: str, tool: str | None,
                        code: str | None) -> tuple[IndicatorLabel | None, bool]:
    """The indicator a label cell names as (number, name), and whether it names one at all, by
    its word or by the word OCR garbled; a label that names a tool or an item names none."""
    indicator = indicator_label(label)
    if code is not None:
        indicator = None  # `๐2` is OCR's o2, not a second indicator
    names_indicator = bool(INDICATOR_MENTION.search(label) or INDICATOR_WORD.match(label))
    if indicator is None and code is None and tool is None:
        indicator = garbled_indicator_label(label)
        names_indicator = names_indicator or indicator is not None
    return indicator, names_indicator


def _kind(label: str, indicator: IndicatorLabel | None, is_item: bool, tool: str | None) -> RowKind:
    if indicator is not None:
        return RowKind.INDICATOR
    if is_item:
        return RowKind.ITEM
    if tool is not None:
        return RowKind.TOOL
    return RowKind.OVERALL if _is_overall(label) else RowKind.OTHER


def row_value(row: ScoreRow, score_col: int | None) -> str | None:
    """The row's score: a score column, else "… ๙๓.๔๖ คะแนน" in the label cell, else a cell beside
    it that holds nothing but a number."""
    texts, label_at = row.texts, row.label_at
    value: str | None = None
    if score_col is not None and score_col != label_at:
        m = ONLY_NUMBER.match(texts[score_col])
        value = m.group("n") if m else None
    if value is None:
        found = score_in(row.label)
        value = found[0] if found else None
    if value is None and label_at + 1 < len(texts):
        m = ONLY_NUMBER.match(texts[label_at + 1])
        value = m.group("n") if m and ("." in m.group("n") or "คะแนน" in texts[label_at + 1]) else None
    return value


def _tool_of_group(printed_no: str | None) -> str | None:
    """The tool whose items a group row's indicator (as printed) heads: `๖` heads EIT's."""
    if not printed_no or not printed_no.translate(TO_ARABIC_DIGITS).isdigit():
        return None
    return tool_of(int(printed_no.translate(TO_ARABIC_DIGITS)))


@dataclass
class _TableReading:
    """What reading a score table down carries from row to row, and the scores read so far."""

    score_col: int | None
    group_indicator: str | None  # the indicator the item rows below belong to
    tool: str | None = None  # the tool of the rows below, from the last tool's row
    grade: str | None = None  # the overall score's grade, where a row of its own prints it
    overall: PrintedScore | None = None
    scores: list[PrintedScore] = field(default_factory=list)
    # each item row and its code cell as printed
    items_printed: list[tuple[PrintedScore, str]] = field(default_factory=list)

    def enter(self, row: ScoreRow) -> None:
        """A tool's row sets the tool of the rows below it, an indicator's the indicator of the
        item rows below it, whether or not the row prints a score."""
        if row.kind is RowKind.TOOL:
            self.tool = row.tool
        elif row.kind is RowKind.INDICATOR and row.indicator is not None:
            self.group_indicator = row.indicator[0]

    def note_grade(self, row: ScoreRow) -> None:
        """The overall's grade in a row of its own (`ระดับผลการประเมิน | AA`), a row without a score."""
        beside = row.beside(self.score_col)
        if _GRADE_ROW.match(row.label) and beside and row.indicator is None and row.item_code is None:
            self.grade = beside

    def take(self, row: ScoreRow, value: str, prov: Provenance) -> None:
        """The score a row prints, as what its label names."""
        next_cell = row.next_cell(self.score_col)
        if row.kind is RowKind.INDICATOR and row.indicator is not None:
            number, name = row.indicator
            if name is None and next_cell is not None:
                name = next_cell or None
            self.scores.append(PrintedScore(scope="indicator", value=value, prov=prov, indicator=number,
                                            label=name, tool=self.tool))
        elif row.kind is RowKind.ITEM:
            question = row.question
            if row.item_code is None:
                question = next_cell if next_cell is not None else row.label
            elif not question and next_cell is not None:
                question = next_cell
            self.scores.append(PrintedScore(scope="item", value=value, prov=prov, tool=self.tool,
                                            item_code=row.item_code, indicator=self.group_indicator,
                                            label=question or None))
            self.items_printed.append((self.scores[-1], row.label))
        elif row.kind is RowKind.TOOL:
            self.scores.append(PrintedScore(scope="tool", value=value, prov=prov, tool=row.tool,
                                            label=row.label))
        elif row.kind is RowKind.OVERALL and self.overall is None:
            self.overall = PrintedScore(scope="overall", value=value, prov=prov, label=row.label)
            self.scores.append(self.overall)

    def finish(self, heading_tool: str | None) -> list[PrintedScore]:
        """The scores read, the overall with its grade, and the items' codes told by their order
        (those without a code left out)."""
        if self.overall is not None and self.overall.grade is None:
            self.overall.grade = self.grade
        items = self.items_printed
        tools = [_tool_of_group(score.indicator) or (score.tool or heading_tool or "")[:3] or None
                 for score, _ in items]
        for (score, _), (code, counted) in zip(items, codes_in_sequence([t for _, t in items], tools)):
            score.item_code, score.code_from_row_order = code, counted
        return [s for s in self.scores if s.scope != "item" or s.item_code is not None]


def scores_from_table(table: Table, heading_indicator: str | None = None,
                      columns: Columns | None = None, heading_tool: str | None = None) -> list[PrintedScore]:
    """Scores of a score table (rows of tools, indicators, items, the overall score and its
    grade), a summary laid out across, or the item scores of an analysis-to-action table.
    `heading_indicator` is the indicator number printed in a heading right above the table
    (`ตัวชี้วัดที่ ๑ การปฏิบัติหน้าที่`), which its item rows belong to; `heading_tool` the tool
    such a heading names (`แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก (EIT)`)."""
    columns = columns or columns_of(table)
    if columns.is_measure_table:
        return _action_item_scores(table, columns)
    if columns.is_findings_table:
        return []
    across = _across_summary(table)
    if across:
        return across
    score_col = columns.first(Role.SCORE)
    of_items = bool(columns.all(Role.ITEM))
    reading = _TableReading(score_col=score_col, group_indicator=heading_indicator)
    for _, cells in table.body():
        row = classify_row([c.text.strip() for c in cells], score_col, of_items)
        if row is None:
            continue
        reading.enter(row)
        value = row_value(row, score_col)
        if value is None:
            reading.note_grade(row)
        else:
            reading.take(row, value, cells[row.label_at].prov)
    return reading.finish(heading_tool)
