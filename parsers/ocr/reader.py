"""Scanned pages into the layout model: text lines and ruled tables, `method=ocr`.

Per page: straighten (`preprocess`), find the ruled tables and erase their rules (`rules`),
read the words with Tesseract (`engine`), re-read every number with the Thai-digit reader
(`digits`), repair what Tesseract's Thai always gets wrong (`cleanup`), then put the words into
table cells and paragraphs exactly as the PDF path puts characters (`parsers.pdf.grid`,
`parsers.pdf.lines`). Each line and cell carries Tesseract's mean word confidence.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable

import numpy as np
import pypdfium2 as pdfium

from parsers.layout import OCR_TIMED_OUT, Block, Document, Page, Provenance, Table, TextLine
from parsers.markup import list_marker
from parsers.ocr import digits
from parsers.ocr.cleanup import clean_text, drop_mark_junk, is_tick
from parsers.ocr.engine import OcrWord, check_available, page_orientation, read_words, reread_in_thai
from parsers.ocr.marks import mark_empty_cells
from parsers.ocr.image import PageImage, image_pages, render_pdf_page
from parsers.ocr.preprocess import deskew, ink
from parsers.ocr.rules import erase_ink, erase_rules, page_tables
from parsers.ocr.settings import DEFAULT, OcrSettings
from parsers.pdf.grid import build_table
from parsers.pdf.lines import ReadLine, group_lines
from parsers.pdf.reader import paragraphs, split_by_tables
from parsers.tables import join_pages
from parsers.timeouts import time_limit

METHOD = "ocr"


def line_text(words: list[OcrWord]) -> str:
    """One line's words, left to right (Tesseract put the spaces: see `engine.read_words`)."""
    return " ".join(w.text for w in words)


def read_lines(words: list[OcrWord], settings: OcrSettings = DEFAULT) -> list[ReadLine]:
    lines = []
    for line in group_lines(words, settings.rules):
        members: list[OcrWord] = line.chars  # type: ignore[assignment]
        text = clean_text(line_text(members))
        if not text:
            continue
        confidence = sum(w.confidence for w in members) / len(members)
        lines.append(ReadLine(text, line.bbox, members[0].x1 - members[0].x0, round(confidence, 2)))
    return lines


def mark_ticks(table: Table) -> None:
    """Cells holding only a check mark say ✓, as the PDF and text inputs do."""
    for row in table.grid:
        for cell in row:
            if cell.merged_into is None and is_tick(cell.text):
                cell.paragraphs = ["✓"]


def read_page_image(image: PageImage, settings: OcrSettings = DEFAULT) -> Page:
    """One page image into a `Page` of text lines and tables, in page points."""
    turn = page_orientation(image.pixels, settings)
    upright = np.ascontiguousarray(np.rot90(image.pixels, k=turn // 90)) if turn else image.pixels
    straight, _angle = deskew(upright, settings.max_skew_deg, settings.skew_step_deg)
    binary = ink(straight)
    tables, masks = page_tables(binary, image.dpi, settings)
    clean = erase_rules(straight, masks)
    reading_ink = erase_ink(binary, masks)
    # Stray marks go first: they would stand between a Latin misreading and its Thai neighbours.
    words = reread_in_thai(drop_mark_junk(read_words(clean, image.dpi, settings)), clean, settings)
    if settings.read_digits:
        # The reader cuts glyphs as connected ink: a border touching a number would glue it
        # into one piece, so it reads the page with the rules taken out.
        words = digits.reread_numbers(words, reading_ink, image.dpi)
    words = [w for w in words if w.confidence >= settings.min_word_confidence]
    outside, inside = split_by_tables(words, tables)
    placed: list[tuple[float, Block]] = []
    reader: Callable[[list[OcrWord]], list[ReadLine]] = lambda ws: read_lines(ws, settings)
    for found, members in zip(tables, inside):
        table = build_table(found, members, image.number, METHOD, reader)
        if table is not None:
            mark_ticks(table)
            mark_empty_cells(table, reading_ink, image.dpi)
            placed.append((found.bbox[1], table))
    for paragraph in paragraphs(reader(outside), [t.bbox for t in tables]):
        prov = Provenance(page=image.number, method=METHOD, bbox=paragraph.bbox,
                          confidence=paragraph.confidence)
        placed.append((paragraph.bbox[1], TextLine(text=paragraph.text, prov=prov,
                                                   list_marker=list_marker(paragraph.text))))
    placed.sort(key=lambda p: p[0])
    height_px, width_px = straight.shape
    return Page(number=image.number, blocks=[b for _, b in placed], method=METHOD,
                width=width_px * 72 / image.dpi, height=height_px * 72 / image.dpi,
                rotation=(360 - turn) % 360)


class _PageTimedOut(Exception):
    pass


def read_in_time(read: Callable[[], Page], number: int, size: tuple[float, float],
                 settings: OcrSettings = DEFAULT) -> Page:
    """`read()`, or, past `settings.page_timeout_s`, the page left unread (`needs_ocr` says
    why): one page that sends the engine into a spin should not cost the document."""
    try:
        with time_limit(settings.page_timeout_s, _PageTimedOut):
            return read()
    except _PageTimedOut:
        return Page(number=number, blocks=[], method=METHOD, width=size[0], height=size[1],
                    needs_ocr=OCR_TIMED_OUT)


def read_image(path: str | Path, settings: OcrSettings = DEFAULT) -> Document:
    """An image file (PNG, JPEG, TIFF with one page per frame) into the layout model."""
    check_available(settings)
    frames = image_pages(path, settings.dpi, settings.max_pages, settings.max_page_pixels)
    pages = [read_in_time(lambda: read_page_image(image, settings), image.number,
                          image.size_points, settings) for image in frames]
    join_pages(pages)
    return Document(source_path=str(path), source_kind="image", pages=pages)


def pdf_page_reader(settings: OcrSettings = DEFAULT) -> Callable[[pdfium.PdfPage, int], Page]:
    """What the PDF reader calls for a page without a usable text layer. Raises `OcrUnavailable`
    at once when Tesseract or its Thai model is missing."""
    check_available(settings)

    def read(page: pdfium.PdfPage, number: int) -> Page:
        def render_and_read() -> Page:
            image = render_pdf_page(page, number, settings.dpi, settings.max_page_pixels)
            return read_page_image(image, settings)

        return read_in_time(render_and_read, number, page.get_size(), settings)

    return read
