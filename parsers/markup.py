"""Reader for OCR text/markdown input: the text is already read, so this only recovers layout.

The OCR output mixes running text (markdown headings, `**bold**`, list items, stray HTML) with
tables printed either as tab-separated rows whose cells may hold HTML, or as markdown pipe
tables. Text is kept as printed apart from markup removal and space collapsing: Thai
normalisation (digits, NFC, spelling) belongs to the normalisers.
"""
from __future__ import annotations

import codecs
import html
import re
from pathlib import Path

from parsers.continued.tables import join_continued_tables
from parsers.layout import Block, Cell, Document, Method, Page, Provenance, SourceKind, Table, TextLine
from parsers.text_grid import col_spans, infer_header_spans, pad_rows
from thai.chars import is_thai
from thai.numbering import list_marker


class NotText(ValueError):
    """The input is not readable text (binary, NULs, or undecodable bytes)."""


# --- decoding --------------------------------------------------------------------------------

def decode_text(data: bytes) -> str:
    """Decode OCR output: UTF-8 (with or without BOM) or BOM-marked UTF-16, nothing guessed."""
    try:
        if data.startswith(codecs.BOM_UTF8):
            text = data.decode("utf-8-sig")
        elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            text = data.decode("utf-16")
        elif b"\x00" in data:
            raise NotText("input contains NUL bytes: binary data, not text")
        else:
            text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        hint = ("; it looks like Thai in TIS-620 (Windows-874, what Thai Windows saves as "
                "\"ANSI\"): save it as UTF-8") if looks_thai_legacy(data) else ""
        raise NotText(f"input is not valid UTF-8/UTF-16 text: {exc}{hint}") from exc
    if "\x00" in text:
        raise NotText("input contains NUL characters: binary data, not text")
    return text


def looks_thai_legacy(data: bytes, min_share: float = 0.9) -> bool:
    """Whether `data` is plainly Thai in Windows-874 (TIS-620): every byte defined there, at
    least `min_share` of the non-ASCII characters Thai, and as much of the Thai in runs of Thai
    (words), as Thai is written. Every byte 0xA1–0xFB is a Thai character there, so Latin-1
    French decodes to Thai too, but one mark at a time inside Latin words (déjà → d่jเ): the
    runs tell them apart. Used to say so when such a file is refused, not to read it.

    >>> looks_thai_legacy("รายงานผลการประเมิน ITA ณ วันที่ ๑".encode("tis-620"))
    True
    >>> looks_thai_legacy(bytes(range(128, 256)))  # bytes Windows-874 leaves undefined
    False
    >>> looks_thai_legacy("Le déjà-vu du café à Paris".encode("latin-1"))
    False
    """
    try:
        text = data.decode("cp874")
    except UnicodeDecodeError:
        return False
    thai = [is_thai(ch) for ch in text]
    beyond_ascii = sum(ord(ch) > 0x7F for ch in text)
    count = sum(thai)
    if not count or count < min_share * beyond_ascii:
        return False
    in_runs = sum(1 for i, thai_here in enumerate(thai)
                  if thai_here and ((i > 0 and thai[i - 1]) or (i + 1 < len(thai) and thai[i + 1])))
    return in_runs >= min_share * count


def read_markup(path: str | Path, data: bytes | None = None) -> Document:
    """The text file at `path`, or its bytes `data` already read (the pipeline parses the very
    bytes it hashed)."""
    path = Path(path)
    return parse_markup(decode_text(path.read_bytes() if data is None else data), source_path=str(path))


# --- pages -----------------------------------------------------------------------------------

# `<!-- PageNumber="3" -->`, `<!-- PageHeader -->` etc. are not breaks, hence `page\s*\d`.
_PAGE_MARK = re.compile(r"<!--\s*page(?:[\s_-]*break|\s*\d+[^>]*?)\s*-->", re.IGNORECASE)
_PAGE_SPLIT = re.compile(rf"(\f|{_PAGE_MARK.pattern})", re.IGNORECASE)


def split_pages(text: str) -> list[str]:
    """Page texts, split on form feeds and page-marker comments."""
    parts = _PAGE_SPLIT.split(text)
    pages, seps = parts[0::2], parts[1::2]
    # A marker opening the text announces page 1 rather than ending an empty page 0, and a
    # final separator (pdftotext ends every page with \f) ends the last page.
    if len(pages) > 1 and not pages[0].strip() and seps[0] != "\f":
        pages.pop(0)
    if len(pages) > 1 and not pages[-1].strip():
        pages.pop()
    return pages


# --- HTML and inline markup ------------------------------------------------------------------

_TAG = re.compile(
    r"<!--.*?-->|<(/?)([a-zA-Z][a-zA-Z0-9]*)((?:[^<>\"']|\"[^\"]*\"|'[^']*')*)/?>", re.DOTALL
)
# Tags that end a paragraph of a cell; other tags (span, b, font ...) are dropped in place.
_BLOCK_TAGS = frozenset(
    "p br li ul ol div tr td th table thead tbody h1 h2 h3 h4 h5 h6 blockquote hr".split()
)
_CHECKED = re.compile(r"\bchecked\b", re.IGNORECASE)
_SPACES = re.compile(r"[ \t\u00a0]+")
CHECKED_BOX = "☑"


def collapse(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def cell_paragraphs(raw: str) -> list[str]:
    """A cell's paragraphs: one per `<p>` / `<li>` / `<br>`-separated run; tags removed.

    Text inside `<ul>`/`<ol>` without `<li>` stays one paragraph (OCR writes such lists as
    " - a - b"; splitting on the dashes is for the ITA parser, which knows the context).
    An unchecked checkbox input disappears; a checked one becomes ☑.
    """
    if "<" not in raw and "&" not in raw:
        text = collapse(raw)
        return [text] if text else []
    paragraphs: list[str] = []
    buf: list[str] = []

    def flush() -> None:
        text = collapse(html.unescape("".join(buf)))
        if text:
            paragraphs.append(text)
        buf.clear()

    pos = 0
    for m in _TAG.finditer(raw):
        buf.append(raw[pos:m.start()])
        pos = m.end()
        name = (m.group(2) or "").lower()
        if name == "input":
            if _CHECKED.search(m.group(3) or ""):
                buf.append(CHECKED_BOX)
        elif name in _BLOCK_TAGS:
            flush()
    buf.append(raw[pos:])
    flush()
    return paragraphs


def strip_html(raw: str) -> str:
    return " ".join(cell_paragraphs(raw))


# --- text lines ------------------------------------------------------------------------------

_HEADING = re.compile(r"(#{1,6})(?:\s+(.*?))?(?:\s+#+)?")
def parse_text_line(
    raw: str, prov: Provenance, bold_open: bool = False
) -> tuple[TextLine | None, bool]:
    """One running-text line, and whether a `**` bold run is still open after it.

    OCR sometimes wraps a two-line title in one `**…**` pair, so bold can carry over lines.
    """
    text = collapse(strip_html(raw))
    if not text:
        return None, False
    heading = 0
    m = _HEADING.fullmatch(text)
    if m:
        heading, text = len(m.group(1)), (m.group(2) or "").strip()
    n = text.count("**")
    bold = False
    if bold_open:
        bold = n == 0 or (n == 1 and text.endswith("**"))
        bold_open = n % 2 == 0
    elif text.startswith("**"):
        bold = (n == 2 and text.endswith("**")) or n == 1
        bold_open = n == 1
    text = collapse(text.replace("**", ""))
    if not text:
        return None, bold_open
    line = TextLine(text=text, prov=prov, heading=heading, bold=bold, list_marker=list_marker(text))
    return line, bold_open


# --- tables ----------------------------------------------------------------------------------

_MD_SEPARATOR = re.compile(r"\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*")
_MD_PIPE = re.compile(r"(?<!\\)\|")


def _grid(rows: list[list[str]], prov: Provenance) -> list[list[Cell]]:
    return pad_rows([[Cell(cell_paragraphs(raw), prov) for raw in row] for row in rows])


def _table(grid: list[list[Cell]], header_rows: int, prov: Provenance) -> Table:
    grid = infer_header_spans(grid, header_rows)
    return Table(grid=grid, header_rows=header_rows, prov=prov, pages=[prov.page])


def tsv_header_rows(grid: list[list[Cell]]) -> int:
    """1, or 2 when row 1 holds sub-headings under a heading that row 0 spans over columns.

    Row 1 is a header row when it has text under the empty positions a row-0 heading spans and
    nothing under the row-0 headings that span no columns (those are merged down instead).
    """
    if len(grid) < 2:
        return len(grid)
    covered: list[int] = []
    single: list[int] = []
    for first, last in col_spans(grid[0]):
        if last > first:
            covered.extend(range(first + 1, last + 1))
        else:
            single.append(first)
    row1 = grid[1]
    if any(not row1[c].is_empty for c in covered) and all(row1[c].is_empty for c in single):
        return 2
    return 1


def parse_tsv_table(lines: list[str], prov: Provenance) -> Table:
    grid = _grid([line.split("\t") for line in lines], prov)
    return _table(grid, tsv_header_rows(grid), prov)


def _md_cells(line: str) -> list[str]:
    s = line.strip()
    s = s[1:] if s.startswith("|") else s
    s = s[:-1] if s.endswith("|") and not s.endswith("\\|") else s
    return [c.replace("\\|", "|") for c in _MD_PIPE.split(s)]


def parse_md_table(lines: list[str], prov: Provenance) -> Table:
    rows: list[list[str]] = []
    header_rows: int | None = None
    for line in lines:
        if _MD_SEPARATOR.fullmatch(line.strip()):
            if header_rows is None:
                header_rows = len(rows)
            continue  # a stray repeated separator is layout, not a row
        rows.append(_md_cells(line))
    header_rows = min(len(rows), 1) if header_rows is None else header_rows
    return _table(_grid(rows, prov), header_rows, prov)


# --- pages into blocks -----------------------------------------------------------------------

_NEWLINE = re.compile(r"\r\n|\r|\n")


def _row_kind(line: str) -> str | None:
    if line.lstrip().startswith("|"):
        return "md"
    if "\t" in line and line.strip():
        return "tsv"
    return None


def page_blocks(text: str, page: int) -> list[Block]:
    prov = Provenance(page=page, method=Method.MARKUP)
    lines = _NEWLINE.split(text)
    blocks: list[Block] = []
    bold_open = False
    i = 0
    while i < len(lines):
        line = lines[i]
        kind = _row_kind(line)
        if kind is not None:
            j = i + 1
            while j < len(lines) and _row_kind(lines[j]) == kind:
                j += 1
            parse = parse_md_table if kind == "md" else parse_tsv_table
            table = parse(lines[i:j], prov)
            if _is_table(table):
                blocks.append(table)
                bold_open = False
                i = j
                continue
        if not line.strip():
            bold_open = False  # markdown bold never runs over a blank line
        else:
            text_line, bold_open = parse_text_line(line.replace("\t", " "), prov, bold_open)
            if text_line is not None:
                blocks.append(text_line)
        i += 1
    return blocks


def _is_table(table: Table) -> bool:
    # A lone line with a stray tab (indentation, OCR noise) is a text line, not a 1-row table.
    filled = sum(not c.is_empty for row in table.grid for c in row)
    return len(table.grid) > 1 or filled > 1


def parse_markup(text: str, source_path: str = "") -> Document:
    if "\x00" in text:
        raise NotText("input contains NUL characters: binary data, not text")
    page_texts = split_pages(text)
    blocks = [b for n, t in enumerate(page_texts, start=1) for b in page_blocks(t, n)]
    by_page: dict[int, list[Block]] = {n: [] for n in range(1, len(page_texts) + 1)}
    for block in join_continued_tables(blocks):
        by_page[block.prov.page].append(block)
    pages = [Page(number=n, blocks=b, method=Method.MARKUP) for n, b in by_page.items()]
    return Document(source_path=source_path, source_kind=SourceKind.TEXT, pages=pages)
