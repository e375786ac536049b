"""Rows split over a page break, put back together.

A table's row that runs past the bottom of a page goes on in the first body row of the table
on the next: `continues_row` tells from the two parts' cells (whether the last line before the
break was full, the lists they hold; PDF tables), `read_row_cut` from a column of numbers the
part after the break leaves empty (OCR's cells, which do not know whether a line was full), and
`merge_split_row` joins the two parts.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from parsers.compose.lines import fits_after
from parsers.layout import Cell, Method, Table, copy_cell
from thai.chars import DIGIT_CLASS, wrap_glue
from thai.numbering import list_marker, starts_with_sub_number


def _marker(cell: Cell) -> str | None:
    return list_marker(cell.paragraphs[0]) if cell.paragraphs else None


def continues_row(last: Sequence[Cell], first: Sequence[Cell]) -> bool:
    """Whether `first` (the first body row on a page) is the rest of `last` (the last row on the
    page before), broken over the page break.

    The deciding column is the first one where `first` has text. A row that starts text where
    the last row had none is new (a group row). A numbered item, sub-item (๒.๒) or bullet there
    is a new row when the last row held a single item or plain text in that column (one item
    per row, or a group heading), and the same row when it goes on with a list of several the
    last row's cell held (๒. ... ๒.๑ ... | ๒.๒ ...). Plain text continues the row when
    the last row's text in that column ran to the cell's edge, or stopped short by less than
    the width of the first word of `first` (a long Thai word that did not fit): it was cut, not
    finished, as `parsers.compose.lines.join_wrapped` decides for lines.
    """
    if len(last) != len(first):
        return False
    k = next((c for c, cell in enumerate(first) if not cell.is_empty), None)
    if k is None or last[k].is_empty or first[k].merged_into is not None:
        return k is None
    if _ROW_NUMBER.match(last[k].text) and _ROW_NUMBER.match(first[k].text):
        # a row number after a row number (a long list's ที่ column): a row of its own, however
        # little room the narrow cell left
        return False
    filled_before = [c for c, cell in enumerate(last) if not cell.is_empty]
    if filled_before == [k] and any(not cell.is_empty and cell.merged_into is None
                                    for c, cell in enumerate(first) if c != k):
        # Cells fill from the top: a row whose part before the break held its label alone,
        # and nothing where the part after has text, was a group row, not cut.
        return False
    if _is_item(first[k].paragraphs[0]):
        # the rest of a list the cell holds, or a row of its own after a single item or after
        # plain text (an indicator's group row ends a page, its first indicator opens the next)
        items = sum(1 for p in last[k].paragraphs if _is_item(p))
        return items >= 1 and len(last[k].paragraphs) > 1
    return _cut(last[k], first[k])


_ROW_NUMBER = re.compile(f"^\\s*[{DIGIT_CLASS}]{{1,4}}\\.?\\s*$")


def _is_item(paragraph: str) -> bool:
    """A list item: a marker (๒., -, •) or a two-level number (๒.๒)."""
    return list_marker(paragraph) is not None or starts_with_sub_number(paragraph)


def _cut(cell: Cell, more: Cell) -> bool:
    """Whether `cell`'s text stops where its cell was full, so that `more` goes on with it."""
    room, word = cell.last_line_room, more.first_word_width
    return cell.last_line_full or (room is not None and word is not None and not fits_after(word, room))


def _append(cell: Cell, more: Cell, cut: bool | None = None) -> Cell:
    """`cell` with the text of `more` after it; `cut` says whether the cell's text was cut at the
    page break (else its last line tells)."""
    if more.is_empty:
        return copy_cell(cell)
    paragraphs = list(cell.paragraphs)
    rest = list(more.paragraphs)
    if paragraphs and (_cut(cell, more) if cut is None else cut) and _marker(more) is None:
        paragraphs[-1] = paragraphs[-1] + wrap_glue(paragraphs[-1], rest[0]) + rest.pop(0)
    return replace(cell, paragraphs=paragraphs + rest, last_line_full=more.last_line_full,
                   last_line_room=more.last_line_room)


_NUMBER_CELL = re.compile(f"^[\\s{DIGIT_CLASS}.,%()]*[{DIGIT_CLASS}][\\s{DIGIT_CLASS}.,%()]*$")


def read_row_cut(prev: Table, table: Table) -> bool:
    """Whether the first body row of `table`, read by OCR, is the rest of `prev`'s last row: it
    leaves empty a column of numbers (a score, a row number) that every row of `prev` fills,
    and has text in two columns at least (a group row has it in one). A row of its own prints
    its own number; OCR's cells do not say whether their last line was full (`continues_row`).

    >>> from parsers.layout import Provenance
    >>> at = lambda page: Provenance(page, "ocr")
    >>> row = lambda page, *texts: [Cell([t] if t else [], at(page)) for t in texts]
    >>> head = row(3, "ประเด็น", "คะแนน", "แนวทาง")
    >>> before = Table([head, row(3, "i4 เจ้าหน้าที่", "๘๒.๑๒", "กำหนดหลักเกณฑ์"), row(3, "i14 การ", "๘๑.๒๗", "จัดทำคู่มือ")], 1, at(3))
    >>> read_row_cut(before, Table([head, row(4, "ประเมินผลการปฏิบัติงาน", "", "การปฏิบัติงาน")], 1, at(4)))
    True
    >>> read_row_cut(before, Table([head, row(4, "e4 เจ้าหน้าที่", "๘๒.๗๗", "เพิ่มช่องทาง")], 1, at(4)))
    False
    """
    if len(table.grid) <= table.header_rows or len(prev.grid) <= prev.header_rows or prev.n_cols != table.n_cols:
        return False
    first = table.grid[table.header_rows]
    if any(cell.prov.method != Method.OCR for cell in first) or sum(not c.is_empty for c in first) < 2:
        return False
    rows = [cells for _, cells in prev.body()]
    return any(first[c].is_empty and first[c].merged_into is None
               and all(_NUMBER_CELL.match(cells[c].text) for cells in rows) for c in range(table.n_cols))


def merge_split_row(prev: Table, table: Table) -> tuple[Table, Table]:
    """`prev` with its last row completed from `table`'s first body row, and `table` without
    that row, when the row was split over the page break; otherwise both unchanged."""
    if len(table.grid) <= table.header_rows or len(prev.grid) <= prev.header_rows:
        return prev, table
    last, first = prev.grid[-1], table.grid[table.header_rows]
    cut_read = read_row_cut(prev, table)
    if not cut_read and not continues_row([prev.origin(len(prev.grid) - 1, c) for c in range(prev.n_cols)],
                                          [table.origin(table.header_rows, c) for c in range(table.n_cols)]):
        return prev, table
    merged_row = [_append(a, b, True if cut_read else None) if a.merged_into is None and b.merged_into is None
                  else copy_cell(a) for a, b in zip(last, first)]
    rest = [list(row) for i, row in enumerate(table.grid) if i != table.header_rows]
    if any(c.merged_into is not None and c.merged_into[0] > table.header_rows
           for row in rest for c in row):
        return prev, table  # a cell below points into the removed row; leave such tables alone
    prev = replace(prev, grid=[list(row) for row in prev.grid[:-1]] + [merged_row])
    table = replace(table, grid=rest)
    return prev, table
