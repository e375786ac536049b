"""The grid of a table read from text (OCR text, markdown): rows into a rectangle, and the spans
its merged header cells leave as empty cells.

Text has no spans: the markup reader gets a table as rows of cells, as ragged as OCR wrote
them, and a merged header cell as the cell followed (or topped) by empty ones. These
helpers build new cells and grids; none mutates its input.
"""
from __future__ import annotations

from collections.abc import Sequence

from parsers.layout import Cell, copy_cell, empty_cell, placeholder

Grid = list[list[Cell]]


def pad_rows(rows: Sequence[Sequence[Cell]], width: int | None = None) -> Grid:
    """Copy rows, padding each with empty cells (same provenance as the row) to `width`.

    Width defaults to the widest row, so that ragged OCR rows become a rectangular grid.
    """
    width = max((len(r) for r in rows), default=0) if width is None else width
    grid: Grid = []
    for row in rows:
        new = [copy_cell(c) for c in row]
        if new:
            new.extend(empty_cell(new[0].prov) for _ in range(width - len(new)))
        grid.append(new)
    return grid


def col_spans(row: Sequence[Cell]) -> list[tuple[int, int]]:
    """(first, last) column of each filled cell extended over the empty cells to its right."""
    spans: list[tuple[int, int]] = []
    for c, cell in enumerate(row):
        if not cell.is_empty:
            spans.append((c, c))
        elif spans and spans[-1][1] == c - 1:
            spans[-1] = (spans[-1][0], c)
    return spans


def infer_header_spans(grid: Grid, header_rows: int) -> Grid:
    """Turn the empty header positions that OCR leaves for merged header cells into spans.

    OCR text has no spans: a header cell merged over columns prints as the cell followed by
    empty cells, and one merged over header rows prints with empty cells below it. An empty
    header position joins the filled cell to its left (within the same parent heading of the
    row above), and a heading whose positions on the next header row are all empty extends
    down over them. Body rows are left alone: whether an empty body cell was merged is for the
    report-specific parser to decide.
    """
    g = [[copy_cell(c) for c in row] for row in grid]
    if not g or header_rows == 0:
        return g
    width = len(g[0])
    owner: dict[tuple[int, int], tuple[int, int]] = {}  # header position -> its origin

    def parent(r: int, c: int) -> tuple[int, int] | None:
        return owner.get((r - 1, c)) if r > 0 else None

    for r in range(header_rows):
        if r > 0:
            origins = {o for (rr, _), o in owner.items() if rr == r - 1}
            for r0, c0 in sorted(origins):
                cell = g[r0][c0]
                cols = range(c0, c0 + cell.col_span)
                if cell.is_empty or any(not g[r][c].is_empty for c in cols):
                    continue
                cell.row_span += 1
                for c in cols:
                    g[r][c] = placeholder(g[r][c].prov, (r0, c0))
                    owner[(r, c)] = (r0, c0)
        last: int | None = None  # column of the filled cell an empty one would join
        for c in range(width):
            if (r, c) in owner:
                last = None
                continue
            cell = g[r][c]
            if not cell.is_empty:
                last = c
                owner[(r, c)] = (r, c)
            elif last is not None and parent(r, last) == parent(r, c):
                g[r][last].col_span += 1
                g[r][c] = placeholder(cell.prov, (r, last))
                owner[(r, c)] = (r, last)
            else:
                last = None
                owner[(r, c)] = (r, c)
    return g
