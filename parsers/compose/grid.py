"""A ruled table's cell boxes and the glyphs inside them, into a layout `Table`.

Cell boxes come from `parsers.compose.ruling`; a merged cell is one box over several grid
columns or rows. The grid lines are the distinct cell edges; each box becomes a cell at its
top-left grid position with its spans, and the positions it covers become placeholders pointing
back to it.

Inside a cell, each printed line is read by the reader's own function, and wrapped lines are
joined into the cell's paragraphs (`parsers.compose.lines.join_wrapped`).
"""
from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from typing import TypeVar

from parsers.compose.lines import ReadLine, ends_full, join_wrapped, room_left
from parsers.compose.ruling import TableCells
from parsers.layout import BBox, Cell, Method, Provenance, Table, TextBox, empty_cell, placeholder

T = TypeVar("T", bound=TextBox)

# Two cell edges closer than this are one grid line.
_GRID_SNAP = 1.5


def grid_lines(values: list[float]) -> list[float]:
    """Distinct positions, snapping values closer than `_GRID_SNAP` together.

    >>> grid_lines([10.0, 10.4, 50.0, 90.0, 89.5])
    [10.0, 50.0, 89.5]
    """
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > _GRID_SNAP:
            out.append(v)
    return out


def _index(lines: list[float], value: float) -> int:
    return min(range(len(lines)), key=lambda i: abs(lines[i] - value))


def header_rows(grid: list[list[Cell]]) -> int:
    """Rows of column headings: 1, or, under a first-row heading that spans several columns
    (sub-headings below it), as many rows as the headings beside it are merged down over."""
    if not grid:
        return 0
    if not any(cell.col_span > 1 for cell in grid[0]):
        return 1
    return max(cell.row_span for cell in grid[0] if cell.merged_into is None)


def _mean_confidence(lines: list[ReadLine]) -> float | None:
    confidences = [line.confidence for line in lines if line.confidence is not None]
    return round(sum(confidences) / len(confidences), 2) if confidences else None


def build_table(found: TableCells, boxes: Sequence[T], page: int, method: Method,
                read_lines: Callable[[list[T]], list[ReadLine]]) -> Table | None:
    """The table of `found`, its cells filled with the `boxes` (PDF characters or OCR words)
    whose centres they hold."""
    xs = grid_lines([v for c in found.cells for v in (c[0], c[2])])
    ys = grid_lines([v for c in found.cells for v in (c[1], c[3])])
    n_rows, n_cols = len(ys) - 1, len(xs) - 1
    if n_rows < 1 or n_cols < 1:
        return None
    table_prov = Provenance(page=page, method=method, bbox=found.bbox)
    origins, owner = _cell_positions(found, xs, ys)
    buckets = _boxes_by_cell(boxes, xs, ys, owner)
    grid: list[list[Cell]] = []
    for r in range(n_rows):
        row = []
        for c in range(n_cols):
            origin = owner.get((r, c))
            if origin is None:
                row.append(empty_cell(table_prov))
                continue
            box, row_span, col_span = origins[origin]
            if origin != (r, c):
                row.append(placeholder(Provenance(page=page, method=method, bbox=box), origin))
                continue
            lines = read_lines(buckets.get(origin, []))
            row.append(_filled_cell(lines, box, row_span, col_span, page, method))
        grid.append(row)
    return Table(grid=grid, header_rows=header_rows(grid), prov=table_prov, pages=[page])


def _cell_positions(found: TableCells, xs: list[float], ys: list[float]) -> tuple[
        dict[tuple[int, int], tuple[BBox, int, int]], dict[tuple[int, int], tuple[int, int]]]:
    """Each cell box at its top-left grid position with its row and column spans, and the
    origin that owns each grid position a box covers (the first box to claim it)."""
    origins: dict[tuple[int, int], tuple[BBox, int, int]] = {}
    owner: dict[tuple[int, int], tuple[int, int]] = {}
    for box in found.cells:
        r0, r1 = _index(ys, box[1]), _index(ys, box[3])
        c0, c1 = _index(xs, box[0]), _index(xs, box[2])
        if r1 <= r0 or c1 <= c0 or (r0, c0) in owner:
            continue
        origins[(r0, c0)] = (box, r1 - r0, c1 - c0)
        for r in range(r0, r1):
            for c in range(c0, c1):
                owner.setdefault((r, c), (r0, c0))
    return origins, owner


def _boxes_by_cell(boxes: Sequence[T], xs: list[float], ys: list[float],
                   owner: dict[tuple[int, int], tuple[int, int]]) -> dict[tuple[int, int], list[T]]:
    """The boxes whose centres each cell holds, by the cell's origin, in the order they came."""
    buckets: dict[tuple[int, int], list[T]] = {}
    for ch in boxes:
        r = bisect.bisect_right(ys, (ch.top + ch.bottom) / 2) - 1
        c = bisect.bisect_right(xs, ch.x_mid) - 1
        if (r, c) in owner:
            buckets.setdefault(owner[(r, c)], []).append(ch)
    return buckets


def _filled_cell(lines: list[ReadLine], box: BBox, row_span: int, col_span: int,
                 page: int, method: Method) -> Cell:
    """The cell of `box`, of the lines read in it: wrapped lines joined into paragraphs, and how
    its first and last lines sit in the box (for rows split over a page break)."""
    prov = Provenance(page=page, method=method, bbox=box, confidence=_mean_confidence(lines))
    return Cell(paragraphs=[p.text for p in join_wrapped(lines, box[2])], prov=prov,
                row_span=row_span, col_span=col_span,
                last_line_full=bool(lines) and ends_full(lines[-1], box[2]),
                last_line_room=room_left(lines[-1], box[2]) if lines else None,
                first_word_width=lines[0].first_word_width if lines else None)
