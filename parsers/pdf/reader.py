"""Born-digital PDFs into the layout model: pages of text lines and ruled tables, `method=text`.

Per page: the characters (`chars`), the ruled tables found from the vector lines (`rules`) and
filled with the characters inside them (`grid`), the rest grouped into lines (`lines`); every
line's text repaired (`repair`) and the page's text checked (`health`). A page whose layer
cannot be trusted keeps no blocks and says why in `Page.needs_ocr`, for the OCR path to take.
Tables continued over pages are joined as for every other input (`parsers.tables`).
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, TypeVar

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from parsers.layout import Block, Document, Page, Provenance, Table, TextBox, TextLine
from parsers.markup import list_marker
from parsers.pdf.chars import Char, page_chars
from parsers.pdf.grid import build_table
from parsers.pdf.health import page_health
from parsers.pdf.lines import ReadLine, first_word_width, group_lines, join_wrapped, render
from parsers.pdf.repair import FontProfile, RepairLog, font_profile, repair_line
from parsers.pdf.rules import TableCells, find_tables, page_edges
from parsers.pdf.settings import DEFAULT, PdfSettings
from parsers.tables import join_pages

METHOD = "text"
T = TypeVar("T", bound=TextBox)


class PdfUnreadable(ValueError):
    """The file is not a PDF pdfium can open (damaged, encrypted with a password, not a PDF)."""


@dataclass
class _RawPage:
    number: int
    width: float
    height: float
    rotation: int
    chars: list[Char]
    tables: list[TableCells]
    images: int


def _load(page: pdfium.PdfPage, number: int, settings: PdfSettings) -> _RawPage:
    chars, frame = page_chars(page)
    tables = find_tables(page_edges(page, frame, settings), settings)
    # Only a page with (almost) no text needs to know whether something else is drawn on it.
    images = 0
    if len(chars) < 2 * settings.min_page_chars:
        images = sum(1 for _ in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2))
    width, height = frame.upright_size
    return _RawPage(number, width, height, frame.rotation, chars, tables, images)


class _PageReader:
    """Reads lines of one page: repair, render, log."""

    def __init__(self, number: int, profile: FontProfile, log: RepairLog, settings: PdfSettings):
        self.number, self.profile, self.log, self.settings = number, profile, log, settings

    def _render(self, chars: list[Char]) -> str:
        return render(chars, self.settings)

    def line_text(self, line: Line) -> str:
        if not self.settings.repair:
            return self._render(line.chars)
        line.chars, text = repair_line(line.chars, self.number, self.profile, self.log,
                                       self._render)
        return text

    def read_lines(self, chars: list[Char]) -> list[ReadLine]:
        return [ReadLine(self.line_text(line), line.bbox, first_word_width(line))
                for line in group_lines(chars, self.settings)]


def split_by_tables(chars: list[T], tables: list[TableCells]) -> tuple[list[T], list[list[T]]]:
    """Characters (or OCR words) outside any table, and those inside each table."""
    inside: list[list[T]] = [[] for _ in tables]
    outside: list[T] = []
    tops = [t.bbox[1] for t in tables]
    for ch in chars:
        y, x = (ch.top + ch.bottom) / 2, ch.x_mid
        for i in range(bisect.bisect_right(tops, y) - 1, -1, -1):
            x0, top, x1, bottom = tables[i].bbox
            if top <= y <= bottom and x0 <= x <= x1:
                inside[i].append(ch)
                break
        else:
            outside.append(ch)
    return outside, inside


def paragraphs(lines: list[ReadLine], tables: list[tuple[float, float, float, float]]) -> list[ReadLine]:
    """Running text into paragraphs, never across a table. The right margin is where most full
    lines end (a page number or a wide table may reach further)."""
    if not lines:
        return []
    ends = sorted(line.bbox[2] for line in lines)
    right = ends[int(0.9 * (len(ends) - 1))]
    heights = sorted(line.bbox[3] - line.bbox[1] for line in lines)
    max_gap = heights[len(heights) // 2]
    out: list[ReadLine] = []
    run: list[ReadLine] = []
    for line in lines:
        if run and any(run[-1].bbox[3] <= t[1] <= line.bbox[1] for t in tables):
            out.extend(join_wrapped(run, right, max_gap))
            run = []
        run.append(line)
    out.extend(join_wrapped(run, right, max_gap))
    return out


def _read_page(raw: _RawPage, reader: _PageReader, settings: PdfSettings) -> Page:
    outside, inside = split_by_tables(raw.chars, raw.tables)
    placed: list[tuple[float, Block]] = []
    for found, chars in zip(raw.tables, inside):
        table = build_table(found, chars, raw.number, METHOD, reader.read_lines)
        if table is not None:
            placed.append((found.bbox[1], table))
    lines = reader.read_lines(outside)
    for paragraph in paragraphs(lines, [t.bbox for t in raw.tables]):
        prov = Provenance(page=raw.number, method=METHOD, bbox=paragraph.bbox)
        placed.append((paragraph.bbox[1], TextLine(text=paragraph.text, prov=prov,
                                                   list_marker=list_marker(paragraph.text))))
    placed.sort(key=lambda p: p[0])
    return Page(number=raw.number, blocks=[b for _, b in placed], method=METHOD,
                width=raw.width, height=raw.height, rotation=raw.rotation)


def _page_text(page: Page) -> str:
    parts = []
    for block in page.blocks:
        if isinstance(block, TextLine):
            parts.append(block.text)
        elif isinstance(block, Table):
            parts.extend(cell.text for row in block.grid for cell in row)
    return "\n".join(parts)


@dataclass
class PdfExtraction:
    document: Document
    repairs: RepairLog


# Reads a page the text layer could not give (pypdfium2 page, 1-based number): the OCR path.
PageOcr = Callable[[pdfium.PdfPage, int], Page]


def read_pdf(path: str | Path, settings: PdfSettings = DEFAULT, ocr: PageOcr | None = None) -> Document:
    return extract_pdf(path, settings, ocr).document


def extract_pdf(path: str | Path, settings: PdfSettings = DEFAULT,
                ocr: PageOcr | None = None) -> PdfExtraction:
    """The layout of the PDF at `path`, and the log of the text-layer repairs made reading it.

    A page whose text layer fails the health check is read by `ocr` when given; without it the
    page keeps no blocks and says why in `Page.needs_ocr`."""
    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        raise PdfUnreadable(f"cannot open the PDF: {exc}") from exc
    try:
        raws = [_load(pdf[i], i + 1, settings) for i in range(len(pdf))]
        profile = font_profile(ch for raw in raws for ch in raw.chars)
        log = RepairLog()
        pages: list[Page] = []
        scanned: list[int] = []
        for raw in raws:
            page = _read_page(raw, _PageReader(raw.number, profile, log, settings), settings)
            health = page_health(_page_text(page), settings)
            if health.verdict == "needs_ocr" and (health.reason != "no_text" or raw.images):
                scanned.append(raw.number)
                if ocr is not None:
                    page = ocr(pdf[raw.number - 1], raw.number)
                else:
                    page.blocks, page.needs_ocr = [], health.reason
            pages.append(page)
    finally:
        pdf.close()
    join_pages(pages)
    kind = "pdf_scanned" if scanned and len(scanned) == len(pages) else (
        "pdf_mixed" if scanned else "pdf_text")
    needs_ocr = [p.number for p in pages if p.needs_ocr]
    warnings = log.warnings() + [f"page_needs_ocr:{n}" for n in needs_ocr]
    document = Document(source_path=str(path), source_kind=kind, pages=pages, warnings=warnings)
    return PdfExtraction(document, log)
