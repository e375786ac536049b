"""Measures (มาตรการ) from measure tables, whatever their columns.

A measure table is read row by row:
- a row whose only text is in its first cell is a group row (`ตัวชี้วัดที่ ๑ การปฏิบัติหน้าที่`,
  or a heading such as `มาตรการเพิ่มประสิทธิภาพ...`) and sets the indicator of the rows below;
- an empty cell in a column that is typically merged in the original (indicator, owner, period,
  monitoring) takes the value above, within the table and within the group;
- a measure cell holding a title and numbered sub-items gives the title and its steps;
- in an analysis-to-action table, the item column (`ประเด็น`: `e1 เจ้าหน้าที่...`) gives the item
  code the row acts on, and the approach column is the measure.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from normalizers.indicators import indicator_by_name
from normalizers.items import split_item_code
from normalizers.statuses import is_tick, status_from_text
from normalizers.thai_text import fold
from parsers.ita.cells import split_items, title_and_subitems
from parsers.ita.columns import Columns, Role, columns_of
from parsers.ita.records import MeasureKind, PrintedMeasure, PrintedOwner
from parsers.layout import Cell, Table
from thai.chars import mark_tolerant

# An indicator's group row as OCR reads it too (`ตัวชีวัดที่๖ คุณภาพการดำเนินงาน`: marks lost).
_INDICATOR_WORD = re.compile(mark_tolerant("ตัวชี้วัด"))
# Columns whose cells Word users merge over several rows; OCR text loses the merge. An item
# acted on in two ways is one merged item cell over two rows.
_FILLED_DOWN = (Role.INDICATOR, Role.ITEM, Role.OWNER, Role.PERIOD, Role.MONITORING)


def _text(cell: Cell | None) -> str:
    return cell.text.strip() if cell is not None else ""


@dataclass
class _Carry:
    """Values of merged cells carried down the rows of one table."""

    values: dict[Role, str] = field(default_factory=dict)

    def take(self, role: Role, printed: str) -> tuple[str, bool]:
        """The cell's own value, or the one above when the cell is empty (and whether it was)."""
        if printed and printed not in "-–—":
            self.values[role] = printed
            return printed, False
        if printed:  # an explicit dash: nothing, and nothing to carry further
            self.values.pop(role, None)
            return "", False
        above = self.values.get(role, "")
        return above, bool(above)


def _is_group_row(cells: list[Cell], columns: Columns) -> bool:
    """Only the first cell has text: a heading over the rows below, unless the first column is
    the measure column of a narrow table, where it is more likely a measure with merged cells."""
    filled = [i for i, c in enumerate(cells) if not c.is_empty and c.merged_into is None]
    if filled != [0] or len(cells) < 2:
        return False
    if cells[0].col_span == len(cells) or columns.roles[0] is not Role.TITLE:
        return True
    return len(cells) >= 3 or _INDICATOR_WORD.search(fold(_text(cells[0]))) is not None


def _status_from_matrix(cells: list[Cell], columns: Columns) -> str | None:
    """The header of the ticked column of a status matrix, if exactly one is ticked."""
    ticked = [columns.headers[i] for i in columns.all(Role.STATUS) if is_tick(_text(cells[i]))]
    if len(ticked) == 1:
        return ticked[0]
    return None


def _join(cells: list[Cell], indices: list[int]) -> str | None:
    parts = [_text(cells[i]) for i in indices if _text(cells[i])]
    return " ".join(parts) or None


def _group_indicator(label: str) -> str | None:
    """The indicator a group row heads, as printed: an indicator's heading, by its word or, the
    word lost to OCR (`MBIAN vwdw a ๙ การเปิดเผยข้อมูล` on a grey row), by the indicator's name;
    any other heading heads no indicator."""
    named = _INDICATOR_WORD.search(fold(label)) is not None or indicator_by_name(label) is not None
    return label if named else None


def _read_item(measure: PrintedMeasure, cells: list[Cell], columns: Columns, carry: _Carry) -> None:
    """The item an analysis-to-action row acts on (`e1 เจ้าหน้าที่...`), its code and its score."""
    item_col = columns.first(Role.ITEM)
    if item_col is None:
        return
    item, _ = carry.take(Role.ITEM, _text(cells[item_col]))
    measure.item = item or None
    measure.item_code = split_item_code(item)[0] if item else None
    score_col = columns.first(Role.SCORE)
    measure.item_score = _text(cells[score_col]) or None if score_col is not None else None


def _read_owner(cells: list[Cell], columns: Columns, carry: _Carry) -> PrintedOwner | None:
    """The owner as printed, or carried down from the merged cell above (and marked so)."""
    owner_col = columns.first(Role.OWNER)
    if owner_col is None:
        return None
    printed = _text(cells[owner_col])
    value, filled = carry.take(Role.OWNER, printed)
    if value:
        return PrintedOwner(text=value, filled_down=filled)
    if printed:
        return PrintedOwner(text=printed)  # a dash: printed, no unit
    return None


def _read_status(measure: PrintedMeasure, cells: list[Cell], columns: Columns) -> None:
    """A progress report's status: the ticked column of a status matrix, or the text of its
    status column."""
    status_cols = columns.all(Role.STATUS)
    matrix = len(status_cols) > 1 and all(status_from_text(columns.headers[i]) for i in status_cols)
    if matrix:
        measure.status_ticked = _status_from_matrix(cells, columns)
    elif status_cols:
        measure.status_printed = _join(cells, status_cols)


def _measure_from_row(cells: list[Cell], columns: Columns, carry: _Carry, group_indicator: str | None,
                      kind: MeasureKind, table_no: int) -> PrintedMeasure | None:
    """The measure a row prints, none where its measure cell is empty."""
    title_col = columns.first(Role.TITLE)
    title, sub_items = title_and_subitems(cells[title_col].paragraphs)
    if not title:
        return None
    measure = PrintedMeasure(kind=kind, title=title, prov=cells[title_col].prov, table_no=table_no)
    number_col = columns.first(Role.NUMBER)
    if number_col is not None and _text(cells[number_col]):
        measure.number = _text(cells[number_col])
    indicator_col = columns.first(Role.INDICATOR)
    if indicator_col is not None:
        indicator, _ = carry.take(Role.INDICATOR, _text(cells[indicator_col]))
        measure.indicator = indicator or group_indicator
    else:
        measure.indicator = group_indicator
    _read_item(measure, cells, columns, carry)
    steps_col = columns.first(Role.STEPS)
    steps = split_items(cells[steps_col].paragraphs) if steps_col is not None else []
    measure.steps = sub_items + steps
    measure.guideline = _join(cells, columns.all(Role.GUIDELINE))
    measure.rationale = _join(cells, columns.all(Role.RATIONALE))
    measure.result = _join(cells, columns.all(Role.RESULT))
    for role, attr in ((Role.PERIOD, "period"), (Role.MONITORING, "monitoring")):
        col = columns.first(role)
        if col is not None:
            value, _ = carry.take(role, _text(cells[col]))
            setattr(measure, attr, value or None)
    measure.owner = _read_owner(cells, columns, carry)
    _read_status(measure, cells, columns)
    return measure


def measures_from_table(table: Table, table_no: int, columns: Columns | None = None) -> list[PrintedMeasure]:
    columns = columns or columns_of(table)
    if not columns.is_measure_table:
        return []
    kind = MeasureKind.REPORT if columns.is_report_table else MeasureKind.PLAN
    carry = _Carry()
    group_indicator: str | None = None
    measures: list[PrintedMeasure] = []
    for _, cells in table.body():
        if _is_group_row(cells, columns):
            # A group row is also a boundary: no merged cell crosses it.
            carry = _Carry()
            group_indicator = _group_indicator(_text(cells[0]))
            continue
        measure = _measure_from_row(cells, columns, carry, group_indicator, kind, table_no)
        if measure is not None:
            measures.append(measure)
    return measures
