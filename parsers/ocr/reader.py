"""Scanned pages into the layout model: text lines and ruled tables, `method=ocr`.

Per page: turn upright and straighten (`preprocess`), find the ruled tables and erase their
rules (`rules`), read the words with the OCR engine (`engine`) and the cells printed on grey
on their own (`shading`), re-read every number with the Thai-digit reader (`digits`), repair
what Tesseract's Thai always gets wrong (`cleanup`), then hand the words and tables to the
page builder (`parsers.compose`), exactly as the PDF reader hands it characters. Each line and
cell carries the engine's mean word confidence.
"""
from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium

from parsers.compose.lines import ReadLine, group_lines
from parsers.compose.page import compose_page
from parsers.continued import join_pages
from parsers.layout import Document, Method, Page, SourceKind, Table, Unread
from parsers.ocr import digits
from parsers.ocr.cleanup import clean_text, drop_mark_junk, is_misread_tick, reread_in_thai, reread_item_codes
from parsers.ocr.dropped import read_dropped_lines
from parsers.ocr.engine import OcrEngine, OcrWord, engine_for
from parsers.ocr.image import FrameLeftUnread, PageImage, image_pages, render_pdf_page
from parsers.ocr.installed import check_installed
from parsers.ocr.marks import mark_empty_cells
from parsers.ocr.missed import read_missed_cells
from parsers.ocr.preprocess import deskew, flatten, ink
from parsers.ocr.rules import erase_ink, erase_rules, page_tables
from parsers.ocr.settings import DEFAULT, OcrSettings
from parsers.ocr.shading import reread_shaded_cells, shaded_cells
from parsers.timeouts import time_limit


def line_text(words: list[OcrWord]) -> str:
    """One line's words, left to right (the engine put the spaces: see `OcrEngine.read_words`)."""
    return " ".join(w.text for w in words)


def read_lines(words: list[OcrWord], settings: OcrSettings = DEFAULT) -> list[ReadLine]:
    lines = []
    for line in group_lines(words, settings.lines):
        members = line.boxes
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
            if cell.merged_into is None and is_misread_tick(cell.text):
                cell.paragraphs = ["✓"]


def page_turn(pixels: np.ndarray, engine: OcrEngine, settings: OcrSettings) -> int:
    """Degrees (0, 90, 180, 270) the page must turn counter-clockwise to stand upright; 0 when
    the engine cannot tell, or is not sure enough."""
    if settings.min_orientation_confidence <= 0:
        return 0
    # At the working resolution (0.3 s a page with Tesseract): at half of it Thai is taken for
    # Cyrillic and a sideways page is not seen.
    found = engine.orientation(pixels, settings.dpi)
    if found is None or found.confidence < settings.min_orientation_confidence:
        return 0
    return found.degrees


def read_page_image(image: PageImage, settings: OcrSettings = DEFAULT) -> Page:
    """One page image into a `Page` of text lines and tables, in page points."""
    engine = engine_for(settings)
    turn = page_turn(image.pixels, engine, settings)
    upright = np.ascontiguousarray(np.rot90(image.pixels, k=turn // 90)) if turn else image.pixels
    straight, _angle = deskew(upright, settings.max_skew_deg, settings.skew_step_deg)
    binary = ink(straight)
    tables, masks = page_tables(binary, image.dpi, settings)
    # A page scanned coarser than it is read at gives Tesseract too few pixels to find print on
    # a shaded header cell (it reads nothing there at 150 dpi): it reads such a page flattened.
    # A finer scan reads better as it is (flattening raises its noise into specks).
    coarse = image.source_dpi is not None and image.source_dpi < settings.flatten_below_dpi
    unruled = erase_rules(straight, masks)
    clean = erase_rules(flatten(straight), masks) if coarse else unruled
    reading_ink = erase_ink(binary, masks)
    words = reread_shaded_cells(engine.read_words(clean, image.dpi), unruled,
                                shaded_cells(straight, tables, image.dpi), engine, image.dpi)
    words = read_missed_cells(words, unruled, reading_ink, tables, engine, image.dpi)
    words = read_dropped_lines(words, clean, reading_ink, engine, image.dpi)
    # Stray marks go first: they would stand between a Latin misreading and its Thai neighbours.
    words = reread_item_codes(reread_in_thai(drop_mark_junk(words), clean, engine), clean, engine)
    if settings.read_digits:
        # The reader cuts glyphs as connected ink: a border touching a number would glue it
        # into one piece, so it reads the page with the rules taken out.
        words = digits.reread_numbers(words, reading_ink, image.dpi)
    words = [w for w in words if w.confidence >= settings.min_word_confidence]

    def finish_table(table: Table) -> None:
        mark_ticks(table)
        mark_empty_cells(table, reading_ink, image.dpi)

    height_px, width_px = straight.shape
    return compose_page(words, tables, number=image.number, method=Method.OCR,
                        read_lines=lambda ws: read_lines(ws, settings),
                        size=(width_px * 72 / image.dpi, height_px * 72 / image.dpi),
                        rotation=(360 - turn) % 360, finish_table=finish_table)


class _PageTimedOut(Exception):
    pass


def read_in_time(read: Callable[[], Page], number: int, size: tuple[float, float],
                 settings: OcrSettings = DEFAULT) -> Page:
    """`read()`, or, past `settings.limits.page_timeout_s`, the page left unread (`needs_ocr`
    says why): one page that sends the engine into a spin should not cost the document."""
    try:
        with time_limit(settings.limits.page_timeout_s, _PageTimedOut):
            return read()
    except _PageTimedOut:
        return Page(number=number, blocks=[], method=Method.OCR, width=size[0], height=size[1],
                    needs_ocr=Unread.OCR_TIMED_OUT)


def read_image(path: str | Path, settings: OcrSettings = DEFAULT, data: bytes | None = None) -> Document:
    """An image file (PNG, JPEG, TIFF with one page per frame) into the layout model, from its
    bytes `data` where they were read already (the pipeline parses the very bytes it hashed)."""
    check_installed(settings)  # OcrUnavailable before any page, when OCR cannot run
    limits = settings.limits
    frames = image_pages(path, settings.dpi, limits.max_pages, limits.max_page_pixels, data)
    pages = [Page(number=image.number, blocks=[], method=Method.OCR, needs_ocr=image.why)
             if isinstance(image, FrameLeftUnread) else
             read_in_time(partial(read_page_image, image, settings), image.number,
                          image.size_points, settings) for image in frames]
    join_pages(pages)
    return Document(source_path=str(path), source_kind=SourceKind.IMAGE, pages=pages)


def pdf_page_reader(settings: OcrSettings = DEFAULT) -> Callable[[pdfium.PdfPage, int], Page]:
    """What the PDF reader calls for a page without a usable text layer. Raises `OcrUnavailable`
    at once when the engine, its Thai model or the digit reader's weights are missing."""
    check_installed(settings)

    def read(page: pdfium.PdfPage, number: int) -> Page:
        rendered: list[PageImage] = []  # kept outside the time limit: a page scaled down, then
        # timed out, still says it was scaled down

        def render_and_read() -> Page:
            rendered.append(render_pdf_page(page, number, settings.dpi, settings.limits.max_page_pixels))
            return read_page_image(rendered[0], settings)

        read_page = read_in_time(render_and_read, number, page.get_size(), settings)
        read_page.warnings = [code for image in rendered for code in image.warnings]
        return read_page

    return read
