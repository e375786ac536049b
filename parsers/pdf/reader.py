"""Born-digital PDFs into the layout model: pages of text lines and ruled tables, `method=text`.

Per page: the characters (`chars`) and the ruling lines drawn (`rules`) go to the page builder
(`parsers.compose`), which finds the tables and lines; each line's text is spaced from geometry
(`lines`) and repaired (`repair`), and the page's text checked (`health`). A page whose layer
cannot be trusted keeps no blocks and says why in `Page.needs_ocr`, for the OCR path to take.
Tables continued over pages are joined as for every other input (`parsers.continued`).
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from parsers.compose.lines import Line, ReadLine, group_lines
from parsers.compose.page import compose_page
from parsers.compose.ruling import TableCells, find_tables
from parsers.continued import join_pages
from parsers.layout import Document, Method, Page, SourceKind, Table, TextLine, Unread
from parsers.pdf.chars import Char, page_chars
from parsers.pdf.health import page_health
from parsers.pdf.lines import first_word_width, render, unspaced_end
from parsers.pdf.repair import FontProfile, RepairLog, font_profile, repair_line
from parsers.pdf.rules import page_edges
from parsers.pdf.settings import DEFAULT, PdfSettings


class PdfProblem(ValueError):
    """A PDF this reader does not read; `page` is the 1-based page the problem is on, if on one."""

    def __init__(self, message: str, page: int | None = None):
        super().__init__(message)
        self.page = page


class PdfUnreadable(PdfProblem):
    """The file is not a PDF pdfium can open (damaged, encrypted with a password, not a PDF)."""


class PdfTruncated(PdfUnreadable):
    """The PDF was cut short: it holds objects but no end-of-file marker."""


class PdfEncrypted(PdfUnreadable):
    """The PDF cannot be opened without a password."""


class PdfTooLarge(PdfProblem):
    """More pages, or a bigger image, than `PdfSettings` allows."""


@dataclass
class _RawPage:
    number: int
    width: float
    height: float
    rotation: int
    chars: list[Char]
    tables: list[TableCells]
    images: int
    biggest_image: int = 0  # pixels its largest image declares; known only where `images` is


def _load(page: pdfium.PdfPage, number: int, settings: PdfSettings) -> _RawPage:
    chars, frame = page_chars(page)
    tables = find_tables(page_edges(page, frame, settings.ruling), settings.ruling)
    # Only a page with (almost) no text needs to know whether something else is drawn on it.
    images, biggest = 0, 0
    if len(chars) < 2 * settings.checks.min_page_chars:
        for image in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2):
            images += 1
            biggest = max(biggest, _declared_pixels(image))
    width, height = frame.upright_size
    return _RawPage(number, width, height, frame.rotation, chars, tables, images, biggest)


def _declared_pixels(image: pdfium.PdfImage) -> int:
    """Width × height as the image's dictionary declares them: read without decoding a byte."""
    try:
        width, height = image.get_px_size()
    except pdfium.PdfiumError:
        return 0
    return width * height


def _load_page(pdf: pdfium.PdfDocument, index: int, settings: PdfSettings) -> _RawPage:
    try:
        page = pdf[index]
        try:
            return _load(page, index + 1, settings)
        finally:
            page.close()  # pdfium's copy of the page is freed now, not when the collector gets to it
    except pdfium.PdfiumError as exc:  # a page tree that loops or points at nothing
        raise PdfUnreadable(f"page {index + 1} of the PDF cannot be read: {exc}", page=index + 1) from exc


def _load_all(pdf: pdfium.PdfDocument, settings: PdfSettings,
              held: dict[int, _RawPage]) -> Iterator[_RawPage]:
    """Every page's characters, in order, for the font profile; the first pages' kept in `held`
    (by index) up to `settings.limits.max_chars_held` characters, so that a normal report is read
    once and a huge one in bounded memory (its later pages are read again)."""
    budget = settings.limits.max_chars_held
    for index in range(len(pdf)):
        raw = _load_page(pdf, index, settings)
        budget -= len(raw.chars)
        if budget >= 0:
            held[index] = raw
        yield raw


class _PageReader:
    """Reads lines of one page: repair, render, log."""

    def __init__(self, number: int, profile: FontProfile, log: RepairLog, settings: PdfSettings):
        self.number, self.profile, self.log, self.settings = number, profile, log, settings

    def _render(self, chars: list[Char]) -> str:
        return render(chars, self.settings.lines, self.profile.spacing)

    def line_text(self, line: Line[Char]) -> str:
        if not self.settings.repair:
            return self._render(line.boxes)
        line.boxes, text = repair_line(line.boxes, self.number, self.profile, self.log,
                                       self._render)
        return text

    def read_lines(self, chars: list[Char]) -> list[ReadLine]:
        # The text first: the repair may reorder the characters the first word is measured on.
        return [ReadLine(self.line_text(line), line.bbox, first_word_width(line),
                         unspaced_end=unspaced_end(line))
                for line in group_lines(chars, self.settings.lines)]


def _read_page(raw: _RawPage, reader: _PageReader) -> Page:
    return compose_page(raw.chars, raw.tables, number=raw.number, method=Method.TEXT,
                        read_lines=reader.read_lines, size=(raw.width, raw.height),
                        rotation=raw.rotation)


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


def read_pdf(path: str | Path, settings: PdfSettings = DEFAULT, ocr: PageOcr | None = None,
             data: bytes | None = None) -> Document:
    return extract_pdf(path, settings, ocr, data).document


def extract_pdf(path: str | Path, settings: PdfSettings = DEFAULT,
                ocr: PageOcr | None = None, data: bytes | None = None) -> PdfExtraction:
    """The layout of the PDF at `path` (from its bytes `data` where they were read already: the
    pipeline parses the very bytes it hashed), and the log of the text-layer repairs made
    reading it.

    A page whose text layer fails the health check is read by `ocr` when given; without it the
    page keeps no blocks and says why in `Page.needs_ocr`. Raises `PdfUnreadable` (or its
    `PdfTruncated`, `PdfEncrypted`) for a file pdfium cannot open, and `PdfTooLarge` for one past
    the settings' limits."""
    pdf = open_pdf(path, data)
    try:
        check_page_count(len(pdf), settings)
        held: dict[int, _RawPage] = {}
        profile = font_profile(ch for raw in _load_all(pdf, settings, held) for ch in raw.chars)
        log = RepairLog()
        pages: list[Page] = []
        scanned: list[int] = []
        notes: list[str] = []
        for index in range(len(pdf)):
            raw = held.pop(index, None) or _load_page(pdf, index, settings)
            page = _read_page(raw, _PageReader(raw.number, profile, log, settings))
            health = page_health(_page_text(page), settings.checks)
            if not health.trusted and (health.reason != Unread.NO_TEXT or raw.images):
                check_images(raw, settings)
                scanned.append(raw.number)
                if ocr is not None:
                    page, page_notes = _ocr_page(ocr, pdf, raw.number)
                    notes.extend(page_notes)
                else:
                    page.blocks, page.needs_ocr = [], health.reason
            pages.append(page)
    finally:
        pdf.close()
    join_pages(pages)
    kind = SourceKind.PDF_SCANNED if scanned and len(scanned) == len(pages) else (
        SourceKind.PDF_MIXED if scanned else SourceKind.PDF_TEXT)
    needs_ocr = [p.number for p in pages if p.needs_ocr]
    notes = log.warnings() + notes + [f"page_needs_ocr:{n}" for n in needs_ocr]
    document = Document(source_path=str(path), source_kind=kind, pages=pages, warnings=notes)
    return PdfExtraction(document, log)


def _ocr_page(ocr: PageOcr, pdf: pdfium.PdfDocument, number: int) -> tuple[Page, list[str]]:
    """The page read by `ocr`, and the warning codes its reader gave it."""
    page = pdf[number - 1]
    try:
        read = ocr(page, number)
    finally:
        page.close()
    return read, list(read.warnings)


# ---- files that are not PDFs to read ------------------------------------------------------------
def open_pdf(path: str | Path, data: bytes | None = None) -> pdfium.PdfDocument:
    """The PDF at `path` (or its bytes `data`) opened by pdfium, with no password: one encrypted with an owner
    password only (no copying, no printing) opens like any other, as in every PDF viewer.
    pdfium runs no JavaScript, actions or links without a form environment, which this reader
    never sets up: a document is only ever read."""
    try:
        return pdfium.PdfDocument(str(path) if data is None else data)
    except pdfium.PdfiumError as exc:
        raise why_unopened(path, exc, data) from exc


def why_unopened(path: str | Path, exc: pdfium.PdfiumError, data: bytes | None = None) -> PdfUnreadable:
    """The precise reason pdfium could not open the PDF at `path` (or its bytes `data`)."""
    if exc.err_code == pdfium_c.FPDF_ERR_PASSWORD:
        return PdfEncrypted("the PDF is encrypted and needs a password to be opened; ask the "
                            "publisher for a copy without a password")
    if exc.err_code == pdfium_c.FPDF_ERR_SECURITY:
        return PdfEncrypted("the PDF is encrypted with a security handler pdfium does not know "
                            "(a certificate or a rights-management plug-in); it needs the "
                            "publisher's software and a password to be opened")
    try:
        head, tail = _ends(path) if data is None else (data[:_HEAD], data[-_TAIL:])
    except OSError:
        head = tail = b""
    if looks_cut_short(head, tail):
        return PdfTruncated("the PDF stops before its end-of-file marker (%%EOF): the file was "
                            "cut short, as by an interrupted download; download it again")
    if not exc.err_code:  # pdfium's "success": it found no document to open
        return PdfUnreadable("cannot open the PDF: no page tree pdfium can follow (damaged, or no pages)")
    return PdfUnreadable(f"cannot open the PDF: damaged beyond repair ({exc})")


_HEAD, _TAIL = 1 << 20, 1024  # bytes of a refused PDF looked at: its objects, its end marker


def _ends(path: str | Path) -> tuple[bytes, bytes]:
    with open(path, "rb") as f:
        head = f.read(_HEAD)
        f.seek(0, 2)
        f.seek(max(0, f.tell() - _TAIL))
        return head, f.read()


_OBJECT = re.compile(rb"\d+\s+\d+\s+obj\b")


def looks_cut_short(head: bytes, tail: bytes) -> bool:
    """Whether a PDF that pdfium refused began as a PDF (`head` holds an object) and lost its end
    (`tail`, its last kilobyte, has no `%%EOF`). Random bytes after a header are damage, not this.

    >>> looks_cut_short(b"%PDF-1.7\\n1 0 obj\\n<< /Length 90 >>\\nstream\\nq 1 0", b"stream\\nq 1 0")
    True
    >>> looks_cut_short(b"%PDF-1.7\\n1 0 obj\\n<< >>\\nendobj\\n%%EOF\\n", b"endobj\\n%%EOF\\n")
    False
    >>> looks_cut_short(b"%PDF-1.4\\n\\x8f\\x02\\xaa", b"\\x8f\\x02\\xaa")
    False
    """
    return b"%%EOF" not in tail and _OBJECT.search(head) is not None


def check_page_count(pages: int, settings: PdfSettings = DEFAULT) -> None:
    """Refuse a PDF with more pages than any report, before reading one of them.

    >>> check_page_count(3000)
    Traceback (most recent call last):
    ...
    parsers.pdf.reader.PdfTooLarge: the PDF has 3,000 pages, more than the 2,000 this reader takes (PdfLimits.max_pages); ITA reports have fewer than 200
    """
    limit = settings.limits.max_pages
    if pages > limit:
        raise PdfTooLarge(f"the PDF has {pages:,} pages, more than the {limit:,} this "
                          "reader takes (PdfLimits.max_pages); ITA reports have fewer than 200")
    if pages == 0:
        raise PdfUnreadable("the PDF has no pages (its page tree is empty or broken)")


def check_images(raw: _RawPage, settings: PdfSettings) -> None:
    """Refuse a page to be OCR'd whose image is bigger than any scan: rendering it would inflate
    gigabytes (a decompression bomb)."""
    limit = settings.limits.max_image_pixels
    if raw.biggest_image > limit:
        raise PdfTooLarge(
            f"page {raw.number} holds an image of {raw.biggest_image / 1e6:,.0f} megapixels, more "
            f"than the {limit / 1e6:,.0f} this reader renders "
            "(PdfLimits.max_image_pixels): not a scan, but a decompression bomb or a mistake",
            page=raw.number)
