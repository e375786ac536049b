"""Tables continued over page breaks, joined into one.

Reports print one logical table over several pages, repeating its header on each; the readers
see separate tables and `join_continued_tables` puts them back together: a table continues the
one before when its headings are the same (`parsers.continued.headings`) and nothing but page
furniture (`parsers.continued.furniture`) lies between them. None of this mutates its input: it
builds new cells, grids and tables.
"""
from __future__ import annotations

from dataclasses import replace

from parsers.continued.furniture import is_page_number, is_scrap, line_key
from parsers.continued.headings import header_groups, header_key, same_headings
from parsers.continued.rows import merge_split_row
from parsers.layout import Block, Cell, Table, TextLine, copy_cell, empty_cell, placeholder


def _widen(table: Table, groups: list[tuple[str, list[int]]], targets: list[int]) -> Table:
    """Copy of `table` with each header group widened to its target column count.

    Padding goes at the right end of its group; in the header it extends the group's heading
    (so the heading still spans its whole group), in the body it is an empty cell unless a
    body cell already spans across it.
    """
    col_map, pad_cols, width = _widened_columns(groups, targets)
    if width == table.n_cols:
        return replace(table, grid=[[copy_cell(c) for c in row] for row in table.grid])
    grid = _moved_cells(table, col_map, width)
    for r in range(len(grid)):
        for pc in pad_cols:  # ascending, so the left neighbour is always filled in already
            grid[r][pc] = _padding(grid, r, pc, in_header=r < table.header_rows)
    return replace(table, grid=[[c for c in row if c is not None] for row in grid])


def _widened_columns(groups: list[tuple[str, list[int]]],
                     targets: list[int]) -> tuple[dict[int, int], list[int], int]:
    """Where each column goes when every group is widened to its target: the new column of
    each old one, the new columns left for padding (ascending), and the new width."""
    col_map: dict[int, int] = {}
    pad_cols: list[int] = []
    start = 0
    for (_, cols), target in zip(groups, targets):
        for i, c in enumerate(cols):
            col_map[c] = start + i
        pad_cols.extend(range(start + len(cols), start + target))
        start += target
    return col_map, pad_cols, start


def _moved_cells(table: Table, col_map: dict[int, int], width: int) -> list[list[Cell | None]]:
    """Copies of the table's cells at their new columns, their spans and the origins they are
    merged into moved with them; the padding columns still None."""
    grid: list[list[Cell | None]] = [[None] * width for _ in table.grid]
    for r, row in enumerate(table.grid):
        for c, cell in enumerate(row):
            new = copy_cell(cell)
            if cell.merged_into is not None:
                r0, c0 = cell.merged_into
                new.merged_into = (r0, col_map[c0])
            elif cell.col_span > 1:
                new.col_span = col_map[c + cell.col_span - 1] - col_map[c] + 1
            grid[r][col_map[c]] = new
    return grid


def _padding(grid: list[list[Cell | None]], r: int, pc: int, in_header: bool) -> Cell:
    """The cell for padding column `pc` of row `r`: a placeholder of the cell to its left when
    that cell spans across it, or is a heading of this header row (widened to take it in);
    otherwise an empty cell."""
    left = grid[r][pc - 1]
    assert left is not None
    r0, c0 = left.merged_into or (r, pc - 1)
    origin = grid[r0][c0]
    assert origin is not None
    covers = c0 + origin.col_span - 1 >= pc
    if not covers and in_header and r0 == r and not origin.is_empty:
        origin.col_span = pc - c0 + 1
        covers = True
    return placeholder(left.prov, (r0, c0)) if covers else empty_cell(left.prov)


def join_tables(first: Table, second: Table) -> Table:
    """`first` with the body rows of `second` (its repeated header dropped) appended.

    The tables must have equal `header_key`s; when a heading spans more printed columns in one
    than in the other, the narrower is padded within that heading's columns.
    """
    g1, g2 = header_groups(first), header_groups(second)
    if not same_headings([k for k, _ in g1], [k for k, _ in g2]):
        raise ValueError("tables with different column headers cannot be joined")
    targets = [max(len(a), len(b)) for (_, a), (_, b) in zip(g1, g2)]
    a, b = _widen(first, g1, targets), _widen(second, g2, targets)
    offset = len(a.grid) - b.header_rows
    rows = [list(row) for row in a.grid]
    for row in b.grid[b.header_rows:]:
        new_row = []
        for cell in row:
            if cell.merged_into is not None:
                r0, c0 = cell.merged_into
                # a body cell merged into the dropped header has nothing left to point at
                cell = replace(cell, merged_into=(r0 + offset, c0) if r0 >= b.header_rows else None)
            new_row.append(cell)
        rows.append(new_row)
    pages = sorted(set(first.pages) | set(second.pages))
    return Table(grid=rows, header_rows=a.header_rows, prov=first.prov, pages=pages)


def join_continued_tables(blocks: list[Block], split_rows: bool = False) -> list[Block]:
    """Join each table with the tables that continue it on the following pages.

    A table continues the previous one when their headings are the same (`same_headings`) and
    nothing but page furniture lies between them: running headers (text lines repeating lines
    already seen in the document), bare page numbers, and specks OCR doubts. That furniture is
    dropped with the repeated header. Everything else is returned unchanged and in order.

    With `split_rows` (PDF tables, whose cells know whether their last line was full), a row
    broken over the page break is put back together (`parsers.continued.rows`).
    """
    out: list[Block] = []
    seen: set[str] = set()
    open_table: int | None = None  # index in `out` of a table that may still be continued
    held: list[TextLine] = []  # repeated lines after that table, dropped if it continues
    for block in blocks:
        if isinstance(block, TextLine):
            key = line_key(block.text)
            if open_table is not None and (key in seen or is_page_number(block) or is_scrap(block)):
                held.append(block)
            else:
                out.extend(held)
                held, open_table = [], None
                out.append(block)
            seen.add(key)
            continue
        prev = out[open_table] if open_table is not None else None
        if open_table is not None and isinstance(prev, Table) and _continues(prev, block):
            if split_rows:
                prev, block = merge_split_row(prev, block)
            out[open_table] = join_tables(prev, block)
            held = []
        else:
            out.extend(held)
            held = []
            out.append(block)
            open_table = len(out) - 1
    out.extend(held)
    return out


def _continues(prev: Table, table: Table) -> bool:
    key = header_key(table)
    return any(key) and same_headings(key, header_key(prev))
