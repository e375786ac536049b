#!/usr/bin/env python3
"""Build born-digital PDFs of the seed reports, as an office would export them from a word processor.

    .venv/bin/python scripts/make_sample_pdfs.py            # samples/text/*.txt -> samples/pdf/*.pdf
    .venv/bin/python scripts/make_sample_pdfs.py a.txt ...  # only these seeds

Each seed's OCR text is read with the project's own markup reader; its text lines and tables are
written as a flat ODF text document (.fodt: A4, Thai font, ruled tables whose header rows repeat
on every page, merged header cells, one line per cell paragraph / list item) and LibreOffice
converts it to PDF. The PDF keeps the seed's stem.

Needs `soffice` (Debian: libreoffice-writer-nogui) and the Sarabun font (pip: fontpkg-sarabun,
the OFL Google-Fonts Sarabun: the same design as TH Sarabun New, the font Thai government
documents use). Sarabun is also what makes the text layer right: the TLWG Thai fonts in Debian
(Laksaman ...) swap mark glyphs in GSUB, and LibreOffice then writes wrong ToUnicode entries
(ผู้ reads back as ผ้่). `--font NAME` picks an installed font instead.

Deterministic: same input, same LibreOffice, same bytes. LibreOffice stamps the export time into
the PDF (its date, file /ID and /DocChecksum), so those are rewritten afterwards to fixed values
of the same length (the cross-reference offsets stay valid).
"""
from __future__ import annotations

import argparse
import hashlib
import math
import random
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from parsers.layout import Cell, Document, Table, TextLine  # noqa: E402
from parsers.markup import read_markup  # noqa: E402

FONT = "Sarabun"
MIN_COL_CM = 2.3
FIXED_DATE = "20250101000000"  # written as the PDF's creation/modification date (UTC)


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


# --- PDF -------------------------------------------------------------------------------------

def fix_pdf(data: bytes, seed: bytes) -> bytes:
    """Replace the export time, the /ID and the /DocChecksum with fixed same-length values."""
    def date(m: re.Match[bytes]) -> bytes:  # D:YYYYMMDDHHmmSS then the zone, kept as written
        return m.group(1) + FIXED_DATE.encode()

    data = re.sub(rb"(/(?:CreationDate|ModDate)\s*\(D:)\d{14}", date, data)
    digest = hashlib.md5(seed).hexdigest().upper().encode()

    def ident(m: re.Match[bytes]) -> bytes:
        return re.sub(rb"<[0-9A-Fa-f]{32}>", b"<" + digest + b">", m.group(0))

    data = re.sub(rb"/ID\s*\[[^\]]*\]", ident, data)
    # LibreOffice's /DocChecksum covers the export time too: recompute it over the fixed bytes
    body = re.sub(rb"/DocChecksum\s*/[0-9A-F]{32}", b"", data)
    checksum = hashlib.md5(body).hexdigest().upper().encode()
    return re.sub(rb"(/DocChecksum\s*/)[0-9A-F]{32}", lambda m: m.group(1) + checksum, data)


def convert(fodts: list[Path], outdir: Path, work: Path, font_dirs: list[Path]) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        sys.exit("soffice not found: apt-get install libreoffice-writer-nogui")
    profile = work / "profile"  # a fresh profile: no user settings leak into the output
    env = {"PATH": "/usr/bin:/bin", "TZ": "UTC", "HOME": str(work), "LANG": "C.UTF-8"}
    if font_dirs:  # fonts shipped in a Python package: add their folders to fontconfig
        conf = work / "fonts.conf"
        dirs = "".join(f"<dir>{x(str(d))}</dir>" for d in font_dirs)
        conf.write_text(f'<?xml version="1.0"?><fontconfig><include ignore_missing="yes">'
                        f'/etc/fonts/fonts.conf</include>{dirs}'
                        f'<cachedir>{x(str(work / "fc-cache"))}</cachedir></fontconfig>')
        env["FONTCONFIG_FILE"] = str(conf)
    subprocess.run(
        [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
         "--convert-to", "pdf:writer_pdf_Export", "--outdir", str(outdir), *map(str, fodts)],
        check=True, stdout=subprocess.DEVNULL, env=env,
    )


# --- fonts and variants ------------------------------------------------------------------------
# Thai fonts a user can install here, by family: from Python packages (the module's `files/`
# folder is added to fontconfig for the conversion) or from Debian (fonts-thai-tlwg,
# fonts-noto-core). They differ where it matters to a reader: where marks sit, whether a stacked
# tone mark is stored after the next glyph, whether ำ is one glyph, how wide a space is.
PIP_FONTS = {"Sarabun": "fontpkg_sarabun", "Chakra Petch": "fontpkg_chakra_petch",
             "Kanit": "fontpkg_kanit", "Prompt": "fontpkg_prompt"}
SYSTEM_FONTS = ("Norasi", "Garuda", "Kinnari", "Laksaman", "Loma", "Waree", "Umpush", "Sawasdee",
                "Noto Sans Thai", "Noto Serif Thai")
# The families the variation matrix covers (tests/test_font_matrix.py): one of each design
# that Thai offices print in — the TH Sarabun look, a national font, the TLWG family
# LibreOffice falls back to, Noto's sans and serif.
MATRIX_FONTS = ("Sarabun", "Chakra Petch", "Norasi", "Garuda", "Kinnari", "Laksaman", "Loma",
                "Waree", "Umpush", "Sawasdee", "Noto Sans Thai", "Noto Serif Thai")


def font_dir(family: str) -> Path | None:
    """The folder of `family`'s files where a Python package ships it; None for an installed
    (system) font. Exits with what to install when the package is missing."""
    module = PIP_FONTS.get(family)
    if module is None:
        return None
    try:
        package = __import__(module)
    except ImportError:
        sys.exit(f"{family} not found: .venv/bin/pip install {module.replace('_', '-')} (or pass --font)")
    return Path(package.ROOT) / "files"


def variant(number: int, font: str | None = None, bold: bool | None = None,
            landscape: bool | None = None) -> Layout:
    """Layout number `number`: font, weight, 12-16 pt, portrait or landscape, margins of
    1.5-3 cm and the digit style drawn from a generator seeded by the number, so the same number
    gives the same layout on every machine; a named argument fixes that choice.

    >>> variant(7) == variant(7), variant(7) == variant(8)
    (True, False)
    >>> v = variant(3, font="Norasi", landscape=True)
    >>> v.font, v.landscape, 12 <= v.body_pt <= 16, 1.5 <= v.margin_left_cm <= 3
    ('Norasi', True, True, True)
    """
    rng = random.Random(f"layout:{number}")
    margins = [round(rng.uniform(1.5, 3.0), 1) for _ in range(4)]
    picked = Layout(
        font=rng.choice(MATRIX_FONTS), bold=rng.random() < 0.5, body_pt=rng.choice([12, 13, 14, 15, 16]),
        landscape=rng.random() < 0.3, margin_left_cm=margins[0], margin_right_cm=margins[1],
        margin_top_cm=margins[2], margin_bottom_cm=margins[3],
        digits=rng.choice([Digits.AS_SEED, Digits.THAI, Digits.ARABIC]))
    fixed = {k: v for k, v in (("font", font), ("bold", bold), ("landscape", landscape)) if v is not None}
    return replace(picked, **fixed)


def make_pdfs(jobs: list[tuple[Path, Layout, Path]], keep_fodt: bool = False) -> list[Path]:
    """Typeset each (seed, layout, target PDF) and convert them all in one LibreOffice run."""
    font_dirs = sorted({d for _, layout, _ in jobs if (d := font_dir(layout.font)) is not None})
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        src, pdfs = work / "src", work / "pdf"
        src.mkdir()
        fodts = []
        for n, (seed, layout, target) in enumerate(jobs):
            fodt = src / f"{n:05d}.fodt"  # LibreOffice names its output by the source's stem
            fodt.write_text(document_xml(read_markup(seed), layout), encoding="utf-8")
            fodts.append(fodt)
            if keep_fodt:
                shutil.copy(fodt, target.with_suffix(".fodt"))
        convert(fodts, pdfs, work, font_dirs)
        for fodt, (_, _, target) in zip(fodts, jobs):
            data = fix_pdf((pdfs / f"{fodt.stem}.pdf").read_bytes(), fodt.read_bytes())
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
    return [target for _, _, target in jobs]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("seeds", nargs="*", type=Path,
                    default=sorted((ROOT / "samples" / "text").glob("*.txt")))
    ap.add_argument("--out", type=Path, default=ROOT / "samples" / "pdf")
    ap.add_argument("--font", default=None, help=f"a font family instead of {FONT} ({', '.join(MATRIX_FONTS)}"
                    " or any installed one)")
    ap.add_argument("--bold", action="store_true", help="body text in bold")
    ap.add_argument("--size", type=float, default=None, help="body text size in points (tables 7/8 of it)")
    ap.add_argument("--landscape", action="store_true", help="A4 landscape pages")
    ap.add_argument("--margins", type=float, nargs=4, metavar=("LEFT", "RIGHT", "TOP", "BOTTOM"),
                    help="page margins in cm")
    ap.add_argument("--digits", choices=[d.value for d in Digits], default=None,
                    help="print every number in Thai or Arabic digits")
    ap.add_argument("--variant", type=int, metavar="N",
                    help="layout number N (font, weight, size, page, margins, digits drawn from N);"
                         " the options above override its choices")
    ap.add_argument("--keep-fodt", action="store_true", help="also write the .fodt next to the PDF")
    args = ap.parse_args()
    layout = variant(args.variant) if args.variant is not None else Layout()
    chosen = {"font": args.font, "body_pt": args.size, "digits": Digits(args.digits) if args.digits else None,
              "bold": args.bold or None, "landscape": args.landscape or None}
    if args.margins:
        chosen.update(zip(("margin_left_cm", "margin_right_cm", "margin_top_cm", "margin_bottom_cm"),
                          args.margins))
    layout = replace(layout, **{k: v for k, v in chosen.items() if v is not None})
    jobs = [(seed, layout, args.out / f"{seed.stem}.pdf") for seed in args.seeds]
    for target in make_pdfs(jobs, keep_fodt=args.keep_fodt):
        print(f"{target}  {target.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
