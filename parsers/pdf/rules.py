"""Ruled tables from the vector lines of a page: edges → intersections → cells → tables.

The edges are read from pdfium's path objects (borders drawn as stroked lines, as thin filled
rectangles, or as the sides of shaded cells); the rest of the chain is pdfplumber's own table
finder (`merge_edges`, `edges_to_intersections`, `intersections_to_cells`, `cells_to_tables`),
which works on plain edge dictionaries and needs no pdfminer parse of the page.
"""
from __future__ import annotations

import ctypes
from dataclasses import dataclass
from typing import Iterator

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from pdfplumber.table import (cells_to_tables, edges_to_intersections, intersections_to_cells,
                              merge_edges)
from pdfplumber.utils import filter_edges

from parsers.pdf.chars import PageFrame
from parsers.pdf.settings import PdfSettings

BBox = tuple[float, float, float, float]  # x0, top, x1, bottom, upright page points

_LINETO, _BEZIERTO, _MOVETO = (pdfium_c.FPDF_SEGMENT_LINETO, pdfium_c.FPDF_SEGMENT_BEZIERTO,
                               pdfium_c.FPDF_SEGMENT_MOVETO)


@dataclass(frozen=True)
class TableCells:
    """One ruled table: its outline and the boxes of its cells (merged cells are single boxes)."""

    bbox: BBox
    cells: list[BBox]


def edge(x0: float, top: float, x1: float, bottom: float, orientation: str) -> dict:
    return {"x0": x0, "x1": x1, "top": top, "bottom": bottom, "width": x1 - x0,
            "height": bottom - top, "orientation": orientation, "object_type": "line"}


def _is_invisible(obj: pdfium.PdfObject) -> bool:
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    if not pdfium_c.FPDFPath_GetDrawMode(obj.raw, ctypes.byref(fill), ctypes.byref(stroke)):
        return True
    if not fill.value and not stroke.value:
        return True  # a clipping path
    if fill.value and not stroke.value:
        r, g, b, a = (ctypes.c_uint() for _ in range(4))
        pdfium_c.FPDFPageObj_GetFillColor(obj.raw, *(ctypes.byref(c) for c in (r, g, b, a)))
        # White paint on white paper draws nothing: a page or cell background.
        return a.value == 0 or (r.value, g.value, b.value) == (255, 255, 255)
    return False


def _segments(obj: pdfium.PdfObject) -> Iterator[tuple[tuple[float, float], tuple[float, float]]]:
    """The straight pieces of a path object, in PDF page space."""
    matrix = obj.get_matrix()
    x, y = ctypes.c_float(), ctypes.c_float()
    start = prev = None
    for i in range(pdfium_c.FPDFPath_CountSegments(obj.raw)):
        seg = pdfium_c.FPDFPath_GetPathSegment(obj.raw, i)
        pdfium_c.FPDFPathSegment_GetPoint(seg, ctypes.byref(x), ctypes.byref(y))
        point = matrix.on_point(x.value, y.value)
        kind = pdfium_c.FPDFPathSegment_GetType(seg)
        if kind == _LINETO and prev is not None:
            yield prev, point
        if kind == _MOVETO:
            start = point
        prev = point
        if pdfium_c.FPDFPathSegment_GetClose(seg) and start is not None and prev != start:
            yield prev, start
            prev = start


def page_edges(page: pdfium.PdfPage, frame: PageFrame, settings: PdfSettings) -> list[dict]:
    """Horizontal and vertical edges drawn on the page, upright. Curves and slanted lines are
    not table borders and are skipped."""
    edges: list[dict] = []
    thick = settings.max_rule_thickness
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH], max_depth=1):
        if _is_invisible(obj):
            continue
        for (xa, ya), (xb, yb) in _segments(obj):
            x0, top, x1, bottom = frame.box(min(xa, xb), min(ya, yb), max(xa, xb), max(ya, yb))
            if bottom - top <= thick and x1 - x0 > bottom - top:
                y = (top + bottom) / 2
                edges.append(edge(x0, y, x1, y, "h"))
            elif x1 - x0 <= thick and bottom - top > x1 - x0:
                x = (x0 + x1) / 2
                edges.append(edge(x, top, x, bottom, "v"))
    return edges


def find_tables(edges: list[dict], settings: PdfSettings) -> list[TableCells]:
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
