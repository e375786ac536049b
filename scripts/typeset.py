"""A document of the project's markup typeset as a flat ODF text document (.fodt), as an office
would type it in a word processor: A4, a Thai font, ruled tables whose header rows repeat on every
page, merged header cells, one line per cell paragraph / list item, numbers in the digits the
`Layout` asks for. `make_sample_pdfs.py` has LibreOffice convert it to PDF.
"""
from __future__ import annotations

import math
import re
import sys
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from parsers.layout import Cell, Document, Table, TextLine  # noqa: E402

FONT = "Sarabun"
MIN_COL_CM = 2.3


class Digits(StrEnum):
    """Which digits the numbers are printed in: as the seed has them, or all in one script."""

    AS_SEED = "as_seed"
    THAI = "thai"
    ARABIC = "arabic"


@dataclass(frozen=True)
class Layout:
    """How one document is typeset: font, weight, sizes, page and margins, digits.

    The default is the samples' layout: Sarabun, whose glyphs are about 4/3 the size of TH
    Sarabun New's at the same point size, at 12 pt (TH Sarabun's 16) with tables at 10.5 pt
    (its 14), A4 portrait with the 3 cm left and 2 cm right margins of Thai official style.
    """

    font: str = FONT
    bold: bool = False
    body_pt: float = 12.0
    landscape: bool = False
    margin_left_cm: float = 3.0
    margin_right_cm: float = 2.0
    margin_top_cm: float = 1.5  # of the pages after the first, whose top margin is 1 cm more
    margin_bottom_cm: float = 2.0
    digits: Digits = Digits.AS_SEED
    # A short header word such as ผู้รับผิดชอบ must fit; a list of numbers in many narrow
    # columns (a results announcement's) leaves the room to the names instead.
    min_col_cm: float = MIN_COL_CM

    def __post_init__(self) -> None:
        if not 6 <= self.body_pt <= 30:
            raise ValueError(f"body_pt {self.body_pt} is not a print size")
        margins = (self.margin_left_cm, self.margin_right_cm, self.margin_top_cm, self.margin_bottom_cm)
        if not all(0.5 <= m <= 5 for m in margins):
            raise ValueError(f"margins {margins} cm out of 0.5-5")

    @property
    def page_cm(self) -> tuple[float, float]:
        return (29.7, 21.0) if self.landscape else (21.0, 29.7)

    @property
    def text_width_cm(self) -> float:
        return self.page_cm[0] - self.margin_left_cm - self.margin_right_cm

    def pt(self, th_sarabun_pt: float) -> float:
        """A size given in TH Sarabun points (body 16, tables 14) at this layout's scale."""
        return round(th_sarabun_pt * self.body_pt / 16, 2)


# --- cell paragraphs -------------------------------------------------------------------------
# The OCR flattened some lists into one paragraph ("- a - b", "๑. a๒. b"); a word processor
# prints each item on its own line, so split them back at their markers.
_DASH_ITEM = re.compile(r"\s+(?=-\s)")
_DIGITS = {"thai": "๐๑๒๓๔๕๖๗๘๙", "arabic": "0123456789"}


def _numeral(n: int, family: str) -> str:
    return "".join(_DIGITS[family][int(d)] for d in str(n))


def split_items(paragraph: str) -> list[str]:
    if paragraph.startswith("- "):
        return [p.strip() for p in _DASH_ITEM.split(paragraph) if p.strip()]
    m = re.match(r"([๑1])([.)])\s", paragraph)
    if not m:
        return [paragraph]
    family, dot = ("thai" if m.group(1) == "๑" else "arabic"), m.group(2)
    items, start, n = [], 0, 2
    while True:  # the next item's marker: ๒. then ๓. ..., not inside a number like ๒๕๖๒.
        d = re.escape(_numeral(n, family))
        nxt = re.compile(rf"(?<![0-9๐-๙]){d}{re.escape(dot)}(?![0-9๐-๙])")
        hit = nxt.search(paragraph, start + 1)
        if not hit:
            break
        items.append(paragraph[start:hit.start()].strip())
        start, n = hit.start(), n + 1
    items.append(paragraph[start:].strip())
    return [i for i in items if i]


# A number, not a digit of a Latin code: questionnaire items (e1, o15) print in Latin always.
_NUMBER = re.compile(r"(?<![A-Za-z])[0-9๐-๙]+")
_TO_DIGITS = {Digits.THAI: str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"),
              Digits.ARABIC: str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")}


def in_digits(text: str, digits: Digits) -> str:
    """`text` with its numbers printed in `digits`.

    >>> in_digits("ข้อ e1 ได้ ๙๐.๗๙ คะแนน (2565)", Digits.THAI)
    'ข้อ e1 ได้ ๙๐.๗๙ คะแนน (๒๕๖๕)'
    >>> in_digits("ข้อ e1 ได้ ๙๐.๗๙ คะแนน", Digits.ARABIC)
    'ข้อ e1 ได้ 90.79 คะแนน'
    """
    if digits is Digits.AS_SEED:
        return text
    return _NUMBER.sub(lambda m: m.group(0).translate(_TO_DIGITS[digits]), text)


def cell_lines(cell: Cell) -> list[str]:
    return [item for p in cell.paragraphs for item in split_items(p)]


# --- ODF -------------------------------------------------------------------------------------
_XML_BAD = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def x(text: str) -> str:
    return escape(_XML_BAD.sub("", text), {'"': "&quot;"})


def _font(size: float, bold: bool = False) -> str:
    weight = ' fo:font-weight="bold" style:font-weight-complex="bold"' if bold else ""
    return (f'<style:text-properties style:font-name="F" style:font-name-complex="F"'
            f' fo:font-size="{size}pt" style:font-size-complex="{size}pt"'
            f' fo:language="th" fo:country="TH" style:language-complex="th"'
            f' style:country-complex="TH"{weight}/>')


def _pstyle(name: str, size: float, bold: bool = False, align: str = "start",
            indent: str = "", after: str = "0.1cm", extra: str = "") -> str:
    return (f'<style:style style:name="{name}" style:family="paragraph"'
            f' style:parent-style-name="Standard"{extra}>'
            f'<style:paragraph-properties fo:text-align="{align}" fo:margin-top="0cm"'
            f' fo:margin-bottom="{after}"{indent}/>{_font(size, bold)}</style:style>')


def _page_layout(name: str, layout: Layout, top_cm: float) -> str:
    width, height = layout.page_cm
    orientation = "landscape" if layout.landscape else "portrait"
    return (f'<style:page-layout style:name="{name}">\n'
            f'  <style:page-layout-properties fo:page-width="{width:g}cm" fo:page-height="{height:g}cm"\n'
            f'   style:print-orientation="{orientation}" fo:margin-top="{top_cm:g}cm"'
            f' fo:margin-bottom="{layout.margin_bottom_cm:g}cm"\n'
            f'   fo:margin-left="{layout.margin_left_cm:g}cm" fo:margin-right="{layout.margin_right_cm:g}cm"/>')


def styles_xml(layout: Layout) -> str:
    """The font, paragraph, page and cell styles of a document in `layout`."""
    pt, bold = layout.pt, layout.bold
    # Page numbers as Word prints them for Thai: in Thai digits unless the document uses Arabic.
    page_numbers = "1" if layout.digits is Digits.ARABIC else "Native Numbering"
    return f"""
<office:font-face-decls>
 <style:font-face style:name="F" svg:font-family="{x(layout.font)}" style:font-family-generic="roman"
  style:font-pitch="variable"/>
</office:font-face-decls>
<office:styles>
 <style:default-style style:family="paragraph">
  <style:paragraph-properties fo:hyphenation-ladder-count="no-limit" style:writing-mode="lr-tb"/>
  {_font(pt(16), bold)}
 </style:default-style>
 <style:style style:name="Standard" style:family="paragraph" style:class="text">
  <style:paragraph-properties fo:line-height="115%"/>
 </style:style>
 {_pstyle("Body", pt(16), bold, align="justify", indent=' fo:text-indent="2.5cm"')}
 {_pstyle("Line", pt(16), bold)}
 {_pstyle("Item", pt(16), bold, indent=' fo:margin-left="1.25cm" fo:text-indent="-0.6cm"', after="0cm")}
 {_pstyle("Title", pt(16), bold=True, align="center", after="0.1cm")}
 {_pstyle("Heading", pt(16), bold=True, after="0.15cm")}
 {_pstyle("CellHead", pt(14), bold=True, align="center", after="0cm")}
 {_pstyle("Cell", pt(14), bold, after="0cm")}
 {_pstyle("CellCenter", pt(14), bold, align="center", after="0cm")}
 {_pstyle("PageNo", pt(16), bold, align="center", after="0cm")}
</office:styles>
<office:automatic-styles>
 {_page_layout("A4", layout, layout.margin_top_cm)}
  <style:header-style><style:header-footer-properties fo:min-height="0cm"
   fo:margin-bottom="0.5cm"/></style:header-style>
 </style:page-layout>
 {_page_layout("A4First", layout, layout.margin_top_cm + 1)}
 </style:page-layout>
 <style:style style:name="TCell" style:family="table-cell">
  <style:table-cell-properties fo:padding-left="0.12cm" fo:padding-right="0.12cm"
   fo:padding-top="0.05cm" fo:padding-bottom="0.05cm" fo:border="0.5pt solid #000000"
   style:vertical-align="top"/>
 </style:style>
 <style:style style:name="THead" style:family="table-cell">
  <style:table-cell-properties fo:padding-left="0.12cm" fo:padding-right="0.12cm"
   fo:padding-top="0.05cm" fo:padding-bottom="0.05cm" fo:border="0.5pt solid #000000"
   fo:background-color="#d9d9d9" style:vertical-align="middle"/>
 </style:style>
</office:automatic-styles>
<office:master-styles>
 <style:master-page style:name="Standard" style:page-layout-name="A4">
  <style:header><text:p text:style-name="PageNo">- <text:page-number
   text:select-page="current" style:num-format="{page_numbers}"/> -</text:p></style:header>
 </style:master-page>
 <style:master-page style:name="First" style:page-layout-name="A4First"
  style:next-style-name="Standard"/>
</office:master-styles>
"""


HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:meta><meta:creation-date>2025-01-01T00:00:00</meta:creation-date>
<dc:date>2025-01-01T00:00:00</dc:date><dc:language>th-TH</dc:language></office:meta>
"""


def line_style(line: TextLine) -> str:
    if line.heading == 1 or (line.bold and not line.heading):
        style = "Title"  # bold title lines are centred
    elif line.heading:
        style = "Heading"
    elif line.list_marker:
        style = "Item"
    elif len(line.text) >= 100:  # running prose: justified, first line indented
        style = "Body"
    else:
        style = "Line"
    return style


def column_widths(table: Table, text_width_cm: float, min_col_cm: float = MIN_COL_CM) -> list[float]:
    """Relative column widths from how much text each column holds (body and header)."""
    weights = []
    for c in range(table.n_cols):
        body = [len(table.grid[r][c].text) for r, _ in table.body()
                if table.grid[r][c].merged_into is None and table.grid[r][c].col_span == 1]
        mean = sum(body) / len(body) if body else 0
        head = max((len(table.grid[r][c].text) for r in range(table.header_rows)
                    if table.grid[r][c].col_span == 1), default=0)
        weights.append(math.sqrt(max(mean, head, 6)))
    floor = min(min_col_cm, text_width_cm / len(weights)) / text_width_cm
    fixed: set[int] = set()
    while True:
        free = 1 - floor * len(fixed)
        total = sum(w for c, w in enumerate(weights) if c not in fixed)
        shares = [floor if c in fixed else free * w / total for c, w in enumerate(weights)]
        narrow = {c for c, share in enumerate(shares) if share < floor} - fixed
        if not narrow:
            return shares
        fixed |= narrow


def cell_xml(table: Table, r: int, c: int, digits: Digits = Digits.AS_SEED) -> str:
    cell = table.grid[r][c]
    if cell.merged_into is not None:
        return "<table:covered-table-cell/>"
    header = r < table.header_rows
    spans = ""
    if cell.col_span > 1:
        spans += f' table:number-columns-spanned="{cell.col_span}"'
    if cell.row_span > 1:
        # a merge may not cross the repeated-header boundary
        limit = table.header_rows - r if header else len(table.grid) - r
        spans += f' table:number-rows-spanned="{min(cell.row_span, limit)}"'
    lines = [in_digits(t, digits) for t in cell_lines(cell)] or [""]
    if header:
        style = "CellHead"
    elif all(len(t) <= 6 for t in lines):  # ticks, dashes, numbers, short codes
        style = "CellCenter"
    else:
        style = "Cell"
    paras = "".join(f'<text:p text:style-name="{style}">{x(t)}</text:p>' for t in lines)
    cstyle = "THead" if header else "TCell"
    return (f'<table:table-cell table:style-name="{cstyle}" office:value-type="string"{spans}>'
            f"{paras}</table:table-cell>")


def table_xml(table: Table, n: int, master: str, layout: Layout) -> tuple[str, str]:
    """(automatic styles, body) of one table."""
    name, width = f"Table{n}", layout.text_width_cm
    styles = [f'<style:style style:name="{name}" style:family="table"{master}>'
              f'<style:table-properties style:width="{width:g}cm" table:align="margins"'
              f' fo:margin-top="0.1cm" fo:margin-bottom="0.3cm"/></style:style>']
    cols = []
    for c, w in enumerate(column_widths(table, width, layout.min_col_cm)):
        styles.append(f'<style:style style:name="{name}.C{c}" style:family="table-column">'
                      f'<style:table-column-properties'
                      f' style:column-width="{width * w:.3f}cm"'
                      f' style:rel-column-width="{round(w * 65535)}*"/></style:style>')
        cols.append(f'<table:table-column table:style-name="{name}.C{c}"/>')
    rows = []
    for r in range(len(table.grid)):
        cells = "".join(cell_xml(table, r, c, layout.digits) for c in range(table.n_cols))
        rows.append(f"<table:table-row>{cells}</table:table-row>")
    h = table.header_rows
    body = (f'<table:table table:name="{name}" table:style-name="{name}">{"".join(cols)}'
            + (f'<table:table-header-rows>{"".join(rows[:h])}</table:table-header-rows>' if h else "")
            + "".join(rows[h:]) + "</table:table>")
    return "".join(styles), body


def document_xml(doc: Document, layout: Layout = Layout()) -> str:
    auto, body = [], []
    for i, block in enumerate(doc.blocks()):
        # the first block starts the first-page style (no page number); later pages get one
        master = ' style:master-page-name="First"' if i == 0 else ""
        if isinstance(block, Table):
            s, b = table_xml(block, i, master, layout)
            auto.append(s)
            body.append(b)
            continue
        style = line_style(block)
        if master:
            auto.append(f'<style:style style:name="First{style}" style:family="paragraph"'
                        f' style:parent-style-name="{style}"{master}/>')
            style = f"First{style}"
        text = in_digits(block.text, layout.digits)
        body.append(f'<text:p text:style-name="{style}">{x(text)}</text:p>')
    styles = styles_xml(layout).replace(
        "</office:automatic-styles>", "".join(auto) + "</office:automatic-styles>")
    return (HEAD + styles + "<office:body><office:text>" + "\n".join(body)
            + "</office:text></office:body></office:document>\n")
