"""One page: glyphs and the tables found on it, into a `Page` in reading order."""
from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from typing import TypeVar

from parsers.compose.grid import build_table
from parsers.compose.lines import ReadLine, paragraphs
from parsers.compose.ruling import TableCells
from parsers.layout import Block, Method, Page, Provenance, Table, TextBox, TextLine
from thai.numbering import list_marker

T = TypeVar("T", bound=TextBox)


def split_by_tables(boxes: Sequence[T], tables: Sequence[TableCells]) -> tuple[list[T], list[list[T]]]:
    """The glyphs outside any table, and those inside each table (by their centres)."""
    inside: list[list[T]] = [[] for _ in tables]
    outside: list[T] = []
    tops = [t.bbox[1] for t in tables]
    for ch in boxes:
        y, x = (ch.top + ch.bottom) / 2, ch.x_mid
        for i in range(bisect.bisect_right(tops, y) - 1, -1, -1):
            x0, top, x1, bottom = tables[i].bbox
            if top <= y <= bottom and x0 <= x <= x1:
                inside[i].append(ch)
                break
        else:
            outside.append(ch)
    return outside, inside


def compose_page(boxes: Sequence[T], tables: Sequence[TableCells], *, number: int, method: Method,
                 read_lines: Callable[[list[T]], list[ReadLine]],
                 size: tuple[float, float], rotation: int = 0,
                 finish_table: Callable[[Table], None] | None = None) -> Page:
    """The page numbered `number`: each found table filled with the glyphs inside it, the rest
    grouped into paragraphs, all in order down the page.

    `read_lines` turns a run of glyphs into printed lines (the reader decides how glyphs
    become text); `finish_table`, when given, is applied to every table built (the OCR reader
    reads ticks and empty cells from the image there). `size` is the upright page's width and
    height in points, `rotation` how far it was turned to be read upright.
    """
    outside, inside = split_by_tables(boxes, tables)
    placed: list[tuple[float, Block]] = []
    for found, members in zip(tables, inside):
        table = build_table(found, members, number, method, read_lines)
        if table is not None:
            if finish_table is not None:
                finish_table(table)
            placed.append((found.bbox[1], table))
    for paragraph in paragraphs(read_lines(outside), [t.bbox for t in tables]):
        prov = Provenance(page=number, method=method, bbox=paragraph.bbox,
                          confidence=paragraph.confidence)
        placed.append((paragraph.bbox[1], TextLine(text=paragraph.text, prov=prov,
                                                   list_marker=list_marker(paragraph.text),
                                                   ends_full=paragraph.ends_full,
                                                   indented=paragraph.indented)))
    placed.sort(key=lambda p: p[0])
    width, height = size
    return Page(number=number, blocks=[b for _, b in placed], method=method,
                width=width, height=height, rotation=rotation)
