"""Ruled tables from ruling lines: edges → intersections → cells → tables.

The edges come from the reader: the PDF reader's from pdfium's vector paths, the OCR reader's
from the image's line morphology. The rest of the chain is pdfplumber's own table finder
(`merge_edges`, `edges_to_intersections`, `intersections_to_cells`, `cells_to_tables`), which
works on plain edge dictionaries and needs no pdfminer parse of the page.
"""
from __future__ import annotations

from dataclasses import dataclass

from pdfplumber.table import cells_to_tables, edges_to_intersections, intersections_to_cells, merge_edges
from pdfplumber.utils import filter_edges

from parsers.compose.settings import RulingSettings
from parsers.layout import BBox


@dataclass(frozen=True)
class TableCells:
    """One ruled table: its outline and the boxes of its cells (merged cells are single boxes)."""

    bbox: BBox
    cells: list[BBox]


def edge(x0: float, top: float, x1: float, bottom: float, orientation: str) -> dict:
    """A ruling line as pdfplumber's table finder takes it (`orientation` "h" or "v")."""
    return {"x0": x0, "x1": x1, "top": top, "bottom": bottom, "width": x1 - x0,
            "height": bottom - top, "orientation": orientation, "object_type": "line"}


def find_tables(edges: list[dict], settings: RulingSettings) -> list[TableCells]:
    """Ruled tables, top to bottom, from the page's edges."""
    if not edges:
        return []
    merged = merge_edges(edges, settings.snap_tolerance, settings.snap_tolerance,
                         settings.join_tolerance, settings.join_tolerance)
    merged = filter_edges(merged, min_length=settings.min_edge_length)
    tol = settings.intersection_tolerance
    cells = intersections_to_cells(edges_to_intersections(merged, tol, tol))
    tables = []
    for group in cells_to_tables(cells):
        if len(group) < settings.min_table_cells:
            continue
        bbox = (min(c[0] for c in group), min(c[1] for c in group),
                max(c[2] for c in group), max(c[3] for c in group))
        tables.append(TableCells(bbox=bbox, cells=sorted(group, key=lambda c: (c[1], c[0]))))
    return sorted(tables, key=lambda t: (t.bbox[1], t.bbox[0]))
