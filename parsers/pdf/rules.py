"""The ruling lines of a PDF page, from its vector paths.

The edges are read from pdfium's path objects (borders drawn as stroked lines, as thin filled
rectangles, or as the sides of shaded cells); tables are found from them by the page builder's
chain (`parsers.compose.ruling.find_tables`), as for the rules of a scan.
"""
from __future__ import annotations

import ctypes
from collections.abc import Iterator

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from parsers.compose.ruling import edge
from parsers.compose.settings import RulingSettings
from parsers.pdf.chars import PageFrame

_LINETO, _BEZIERTO, _MOVETO = (pdfium_c.FPDF_SEGMENT_LINETO, pdfium_c.FPDF_SEGMENT_BEZIERTO,
                               pdfium_c.FPDF_SEGMENT_MOVETO)


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


def page_edges(page: pdfium.PdfPage, frame: PageFrame, settings: RulingSettings) -> list[dict]:
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
