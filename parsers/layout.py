"""The layout model every extractor fills: document → pages → blocks.

A block is a text line or a table. Tables are rectangular grids of cells; a merged cell sits at
its top-left position with its spans, and the positions it covers hold placeholder cells that
point back to it (`placeholder`; a position with no text and no merge is an `empty_cell`), so
that code walking a row never has to know how the source drew the merge.

Every item carries its provenance: the page it was read from and how it was read (`markup` for
OCR-text/markdown input, `text` for a PDF text layer, `ocr` for Tesseract), so that each value
in the output can be traced to its page. Nothing here knows about ITA reports.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Protocol

BBox = tuple[float, float, float, float]  # x0, top, x1, bottom: upright page points, y down


class Method(StrEnum):
    """How an item was read (`documents.method`, and every item's provenance)."""

    TEXT = "text"  # a PDF's text layer
    OCR = "ocr"  # Tesseract, on a scan or a page without a usable layer
    # A document whose pages were read in different ways; never an item's.
    MIXED = "mixed"
    MARKUP = "markup"  # OCR text or markdown given as input


class SourceKind(StrEnum):
    """What a source file is (`documents.source_kind`)."""

    PDF_TEXT = "pdf_text"  # every page has a usable text layer
    PDF_SCANNED = "pdf_scanned"  # no page has one
    PDF_MIXED = "pdf_mixed"
    IMAGE = "image"
    TEXT = "text"  # OCR text or markdown


class TextBox(Protocol):
    """Anything read off a page with a box in points: a PDF character, an OCR word. (Read-only
    members, so that frozen dataclasses satisfy it.)"""

    @property
    def text(self) -> str: ...

    @property
    def x0(self) -> float: ...

    @property
    def top(self) -> float: ...

    @property
    def x1(self) -> float: ...

    @property
    def bottom(self) -> float: ...

    @property
    def x_mid(self) -> float: ...

    @property
    def height(self) -> float: ...


@dataclass(frozen=True)
class Provenance:
    """Where an item was read: 1-based page, how, and (for PDFs and scans) where on the page."""

    page: int
    method: Method
    bbox: BBox | None = None
    confidence: float | None = None  # mean OCR word confidence 0–100; None when not OCR'd

    def __post_init__(self) -> None:
        if self.page < 1:
            raise ValueError(f"page numbers are 1-based, got {self.page}")
        if self.method not in _ITEM_METHODS:
            raise ValueError(f"unknown method {self.method!r}; expected one of {_ITEM_METHODS}")


_ITEM_METHODS = (Method.MARKUP, Method.TEXT, Method.OCR)


@dataclass
class TextLine:
    """One line or paragraph of running text, as printed (not normalised)."""

    text: str
    prov: Provenance
    heading: int = 0  # 0 = body text, 1.. = heading level (markdown #, bold title lines)
    bold: bool = False
    list_marker: str | None = None  # "-", "•", "๑.", "1)" ... when the line is a list item
    # Whether the paragraph's last line ran to the right margin, and whether its first line is
    # indented (`parsers.compose.lines.ReadLine`); known for PDF and OCR pages.
    ends_full: bool = False
    indented: bool = False


@dataclass
class Cell:
    """One table cell. `paragraphs` keeps the cell's own line/paragraph/list-item structure."""

    paragraphs: list[str]
    prov: Provenance
    row_span: int = 1
    col_span: int = 1
    merged_into: tuple[int, int] | None = None  # set on placeholders covered by a merged cell
    # Whether the cell's last printed line ran to its right edge (so its text may go on in the
    # next part of a row split over a page break), how much room that line left, and how wide
    # the first word of the cell's first line is (a word that would have fitted in the room
    # the cell before left was not carried over). Known only for PDF tables.
    last_line_full: bool = False
    last_line_room: float | None = None
    first_word_width: float | None = None

    @property
    def text(self) -> str:
        return " ".join(p for p in self.paragraphs if p)

    @property
    def is_empty(self) -> bool:
        return not self.text.strip()


def empty_cell(prov: Provenance) -> Cell:
    """A position that holds no text and belongs to no merged cell."""
    return Cell(paragraphs=[], prov=prov)


def placeholder(prov: Provenance, origin: tuple[int, int]) -> Cell:
    """A position covered by the merged cell at `origin` (its top-left (row, column))."""
    return Cell(paragraphs=[], prov=prov, merged_into=origin)


def copy_cell(cell: Cell) -> Cell:
    """A copy of `cell` whose paragraphs can be changed without changing the original's."""
    return replace(cell, paragraphs=list(cell.paragraphs))


@dataclass
class Table:
    """A rectangular grid of cells; the first `header_rows` rows are column headers.

    A table continued over several pages (its header repeated) is one Table; `pages` lists the
    pages it spans and each cell's provenance says where that cell was read.
    """

    grid: list[list[Cell]]
    header_rows: int
    prov: Provenance  # where the table starts
    pages: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        widths = {len(row) for row in self.grid}
        if len(widths) > 1:
            raise ValueError(f"table grid is not rectangular: row widths {sorted(widths)}")
        if not 0 <= self.header_rows <= len(self.grid):
            raise ValueError(f"header_rows={self.header_rows} outside 0..{len(self.grid)}")
        if not self.pages:
            self.pages = sorted({c.prov.page for row in self.grid for c in row} or {self.prov.page})

    @property
    def n_cols(self) -> int:
        return len(self.grid[0]) if self.grid else 0

    def origin(self, r: int, c: int) -> Cell:
        """The cell that owns position (r, c): itself, or the merged cell covering it."""
        cell = self.grid[r][c]
        if cell.merged_into is not None:
            r0, c0 = cell.merged_into
            return self.grid[r0][c0]
        return cell

    def column_headers(self) -> list[str]:
        """Each column's header text, the header rows' texts joined top to bottom."""
        headers = []
        for c in range(self.n_cols):
            parts: list[str] = []
            for r in range(self.header_rows):
                text = self.origin(r, c).text.strip()
                if text and text not in parts:
                    parts.append(text)
            headers.append(" ".join(parts))
        return headers

    def body(self) -> Iterator[tuple[int, list[Cell]]]:
        """(row index, cells) for each row below the header."""
        for r in range(self.header_rows, len(self.grid)):
            yield r, self.grid[r]


Block = TextLine | Table


class Unread(StrEnum):
    """Why a page was left unread (`Page.needs_ocr`)."""

    NO_TEXT = "no_text"  # no text layer, and something drawn: a scan
    UNREADABLE_TEXT = "unreadable_text"  # a text layer of unmapped or legacy-encoded glyphs
    OCR_TIMED_OUT = "ocr_timed_out"  # OCR ran past the page's time limit
    DAMAGED = "damaged"  # an image file's frame that cannot be decoded
    TOO_SMALL = "too_small"  # an image too thin to hold a line of print (a 60000 × 10 strip)


@dataclass
class Page:
    number: int  # 1-based
    blocks: list[Block]
    method: Method
    width: float | None = None  # points; None for markup input
    height: float | None = None
    rotation: int = 0  # clockwise degrees the page was turned to be read upright
    # Why this page was left unread; None when it was read. Such a page has no blocks.
    needs_ocr: Unread | None = None
    # Warning codes its reader raised (`page_scaled_down:3`), for the document's warnings: the one
    # route a page's warnings take to the documents row.
    warnings: list[str] = field(default_factory=list)


@dataclass
class Document:
    """What an extractor read from one source file."""

    source_path: str
    source_kind: SourceKind
    pages: list[Page]
    warnings: list[str] = field(default_factory=list)

    @property
    def page_count(self) -> int:
        return len(self.pages)

    @property
    def method(self) -> Method | None:
        """How the document was read: its pages' one method, MIXED, or None without pages."""
        methods = {page.method for page in self.pages}
        if not methods:
            return None
        return methods.pop() if len(methods) == 1 else Method.MIXED

    def blocks(self) -> Iterator[Block]:
        for page in self.pages:
            yield from page.blocks

    def lines(self) -> Iterator[TextLine]:
        return (b for b in self.blocks() if isinstance(b, TextLine))

    def tables(self) -> Iterator[Table]:
        return (b for b in self.blocks() if isinstance(b, Table))
