"""Pure helpers on layout tables, shared by the markup reader and the PDF extractor.

Reports print one logical table over several pages, repeating its header on each; the readers
see separate tables and `join_continued_tables` puts them back together. None of these helpers
mutates its input: they build new cells, grids and tables.
"""
from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import replace

from parsers.compose.lines import fits_after
from parsers.layout import Block, Cell, Method, Page, Provenance, Table, TextLine
from thai.chars import DIGIT_CLASS, without_marks, wrap_glue
from thai.numbering import list_marker, starts_with_sub_number

Grid = list[list[Cell]]

# Checkbox glyphs that OCR puts into header cells on some pages of a table and not on others;
# they carry no meaning in a header, so they must not stop two pages' headers from matching.
_KEY_NOISE = re.compile(r"[\s\u200b□☐☑☒]+")
_WHITESPACE = re.compile(r"\s+")
# A bare page number ("- ๒ -", "หน้า 3", "2/5") printed between two parts of a table.
_PAGE_NUMBER = re.compile(
    r"[-–(]?(?:หน้า|page)?[0-9๐-๙]{1,4}(?:/[0-9๐-๙]{1,4})?[-–)]?", re.IGNORECASE
)


def empty_cell(prov: Provenance) -> Cell:
    return Cell(paragraphs=[], prov=prov)


def placeholder(prov: Provenance, origin: tuple[int, int]) -> Cell:
    return Cell(paragraphs=[], prov=prov, merged_into=origin)


def copy_cell(cell: Cell) -> Cell:
    return replace(cell, paragraphs=list(cell.paragraphs))


def pad_rows(rows: Sequence[Sequence[Cell]], width: int | None = None) -> Grid:
    """Copy rows, padding each with empty cells (same provenance as the row) to `width`.

    Width defaults to the widest row, so that ragged OCR rows become a rectangular grid.
    """
    width = max((len(r) for r in rows), default=0) if width is None else width
    grid: Grid = []
    for row in rows:
        new = [copy_cell(c) for c in row]
        if new:
            new.extend(empty_cell(new[0].prov) for _ in range(width - len(new)))
        grid.append(new)
    return grid


def line_key(text: str) -> str:
    """Key for comparing two printed lines: OCR spacing differs between pages, words don't."""
    return _WHITESPACE.sub("", text)


def header_text_key(text: str) -> str:
    return _KEY_NOISE.sub("", text)


def header_groups(table: Table) -> list[tuple[str, list[int]]]:
    """Runs of adjacent columns sharing one header key, as (key, columns).

    A merged header cell repeats its text over every column it covers, so one run is one
    logical column heading however many printed columns it spans on this page.
    """
    groups: list[tuple[str, list[int]]] = []
    for c, text in enumerate(table.column_headers()):
        key = header_text_key(text)
        if groups and groups[-1][0] == key:
            groups[-1][1].append(c)
        else:
            groups.append((key, [c]))
    return groups


def header_key(table: Table) -> tuple[str, ...]:
    """What must be equal for two tables to be one table continued: their column headings,
    ignoring spacing, checkbox glyphs and how many printed columns a heading spans."""
    return tuple(key for key, _ in header_groups(table))


def col_spans(row: Sequence[Cell]) -> list[tuple[int, int]]:
    """(first, last) column of each filled cell extended over the empty cells to its right."""
    spans: list[tuple[int, int]] = []
    for c, cell in enumerate(row):
        if not cell.is_empty:
            spans.append((c, c))
        elif spans and spans[-1][1] == c - 1:
            spans[-1] = (spans[-1][0], c)
    return spans


def infer_header_spans(grid: Grid, header_rows: int) -> Grid:
    """Turn the empty header positions that OCR leaves for merged header cells into spans.

    OCR text has no spans: a header cell merged over columns prints as the cell followed by
    empty cells, and one merged over header rows prints with empty cells below it. An empty
    header position joins the filled cell to its left (within the same parent heading of the
    row above), and a heading whose positions on the next header row are all empty extends
    down over them. Body rows are left alone: whether an empty body cell was merged is for the
    report-specific parser to decide.
    """
    g = [[copy_cell(c) for c in row] for row in grid]
    if not g or header_rows == 0:
        return g
    width = len(g[0])
    owner: dict[tuple[int, int], tuple[int, int]] = {}  # header position -> its origin

    def parent(r: int, c: int) -> tuple[int, int] | None:
        return owner.get((r - 1, c)) if r > 0 else None

    for r in range(header_rows):
        if r > 0:
            origins = {o for (rr, _), o in owner.items() if rr == r - 1}
            for r0, c0 in sorted(origins):
                cell = g[r0][c0]
                cols = range(c0, c0 + cell.col_span)
                if cell.is_empty or any(not g[r][c].is_empty for c in cols):
                    continue
                cell.row_span += 1
                for c in cols:
                    g[r][c] = placeholder(g[r][c].prov, (r0, c0))
                    owner[(r, c)] = (r0, c0)
        last: int | None = None  # column of the filled cell an empty one would join
        for c in range(width):
            if (r, c) in owner:
                last = None
                continue
            cell = g[r][c]
            if not cell.is_empty:
                last = c
                owner[(r, c)] = (r, c)
            elif last is not None and parent(r, last) == parent(r, c):
                g[r][last].col_span += 1
                g[r][c] = placeholder(cell.prov, (r, last))
                owner[(r, c)] = (r, last)
            else:
                last = None
                owner[(r, c)] = (r, c)
    return g


def _widen(table: Table, groups: list[tuple[str, list[int]]], targets: list[int]) -> Table:
    """Copy of `table` with each header group widened to its target column count.

    Padding goes at the right end of its group; in the header it extends the group's heading
    (so the heading still spans its whole group), in the body it is an empty cell unless a
    body cell already spans across it.
    """
    col_map: dict[int, int] = {}
    pad_cols: list[int] = []
    start = 0
    for (_, cols), target in zip(groups, targets):
        for i, c in enumerate(cols):
            col_map[c] = start + i
        pad_cols.extend(range(start + len(cols), start + target))
        start += target
    width = start
    if width == table.n_cols:
        return replace(table, grid=[[copy_cell(c) for c in row] for row in table.grid])

    grid: list[list[Cell | None]] = [[None] * width for _ in table.grid]
    for r, row in enumerate(table.grid):
        for c, cell in enumerate(row):
            new = copy_cell(cell)
            if cell.merged_into is not None:
                r0, c0 = cell.merged_into
                new.merged_into = (r0, col_map[c0])
            elif cell.col_span > 1:
                new.col_span = col_map[c + cell.col_span - 1] - col_map[c] + 1
            grid[r][col_map[c]] = new
    for r in range(len(grid)):
        for pc in pad_cols:  # ascending, so the left neighbour is always filled in already
            left = grid[r][pc - 1]
            assert left is not None
            r0, c0 = left.merged_into or (r, pc - 1)
            origin = grid[r0][c0]
            assert origin is not None
            covers = c0 + origin.col_span - 1 >= pc
            if not covers and r < table.header_rows and r0 == r and not origin.is_empty:
                origin.col_span = pc - c0 + 1
                covers = True
            grid[r][pc] = placeholder(left.prov, (r0, c0)) if covers else empty_cell(left.prov)
    return replace(table, grid=[[c for c in row if c is not None] for row in grid])


# Thai marks above and below the line, and anything not a Thai letter: what OCR loses or adds
# from one page's header to the next (`ขั้นตอนและวิธีการ` / `2 ac ขนตอนและวธการ`).
_MARKS_AND_JUNK = re.compile("[^\u0e01-\u0e30\u0e32\u0e33\u0e40-\u0e46]")
_SAME_HEADING = 0.8


def _skeleton(key: str) -> str:
    return _MARKS_AND_JUNK.sub("", key) or key


def same_headings(a: Sequence[str], b: Sequence[str]) -> bool:
    """Whether two tables' header keys name the same columns, give or take OCR's slips.

    >>> same_headings(["มาตรการ", "ขั้นตอนและวิธีการ"], ["มาตรการ", "2 ac ขนตอนและวธการ"])
    True
    >>> same_headings(["มาตรการ", "ผู้รับผิดชอบ"], ["มาตรการ", "สถานะการดำเนินงาน"])
    False

    Of three headings or more, one may be lost, or a part of the other page's (OCR lost the
    rest of it on a shaded cell), when the others match:

    >>> same_headings(["ตัวชี้วัด", "การดำเนินการ", "ผู้รับผิดชอบ"], ["ตัวชีวัด", "การดำเนินการ", "ดชอบ"])
    True
    >>> same_headings(["ตัวชี้วัด", "การดำเนินการ", "ผู้รับผิดชอบ"], ["4๙ 6", "การดำเนินการ", "ผู้รับผิดชอบ"])
    True
    >>> same_headings(["ตัวชี้วัด", "ผู้รับผิดชอบ"], ["ตัวชีวัด", "ดชอบ"])
    False

    Of six headings or more, a third may differ so, and one of them be lost to garble:

    >>> wide = ["ประเด็น", "คะแนน", "ข้อค้นพบ", "แนวทาง", "ขั้นตอนการดำเนินการ", "ผู้รับผิดชอบ", "ระยะเวลา", "การติดตาม"]
    >>> same_headings(wide, wide[:5] + ["gry ผด yet", "ระยะเวลา", "การติดตามประเมินผล"])
    True
    >>> same_headings(wide, wide[:4] + ["สถานะ", "gry ผด yet", "ระยะเวลา", "การติดตามประเมินผล"])
    False
    """
    if len(a) != len(b):
        return False
    differing = [(x, y) for x, y in zip(a, b) if not _same_heading(x, y)]
    lost = [pair for pair in differing if not _part_of(*pair)]
    if len(a) >= _WIDE_TABLE:
        return len(differing) <= len(a) // 3 and len(lost) <= 1
    if len(a) >= 3 and len(differing) == 1:
        return not lost
    return not differing


# A table this wide may lose more of its repeated headings to OCR and still be told by the rest.
_WIDE_TABLE = 6


def _part_of(x: str, y: str) -> bool:
    """Whether one heading's letters are a part of the other's (OCR lost the rest, or it read
    nothing there)."""
    short, long = sorted((_MARKS_AND_JUNK.sub("", h) for h in (x, y)), key=len)
    return not short or (len(short) >= _MIN_HEADING_PART and short in long)


# Letters of a heading's part that still tell it (`ดชอบ` of ผู้รับผิดชอบ).
_MIN_HEADING_PART = 3


def _same_heading(x: str, y: str) -> bool:
    return x == y or difflib.SequenceMatcher(a=_skeleton(x), b=_skeleton(y), autojunk=False).ratio() \
        >= _SAME_HEADING


def join_tables(first: Table, second: Table) -> Table:
    """`first` with the body rows of `second` (its repeated header dropped) appended.

    The tables must have equal `header_key`s; when a heading spans more printed columns in one
    than in the other, the narrower is padded within that heading's columns.
    """
    g1, g2 = header_groups(first), header_groups(second)
    if not same_headings([k for k, _ in g1], [k for k, _ in g2]):
        raise ValueError("tables with different column headers cannot be joined")
    targets = [max(len(a), len(b)) for (_, a), (_, b) in zip(g1, g2)]
    a, b = _widen(first, g1, targets), _widen(second, g2, targets)
    offset = len(a.grid) - b.header_rows
    rows = [list(row) for row in a.grid]
    for row in b.grid[b.header_rows:]:
        new_row = []
        for cell in row:
            if cell.merged_into is not None:
                r0, c0 = cell.merged_into
                # a body cell merged into the dropped header has nothing left to point at
                cell = replace(cell, merged_into=(r0 + offset, c0) if r0 >= b.header_rows else None)
            new_row.append(cell)
        rows.append(new_row)
    pages = sorted(set(first.pages) | set(second.pages))
    return Table(grid=rows, header_rows=a.header_rows, prov=first.prov, pages=pages)


def join_continued_tables(blocks: list[Block], split_rows: bool = False) -> list[Block]:
    """Join each table with the tables that continue it on the following pages.

    A table continues the previous one when their headings are the same (`same_headings`) and
    nothing but page furniture lies between them: running headers (text lines repeating lines
    already seen in the document), bare page numbers, and specks OCR doubts. That furniture is
    dropped with the repeated header. Everything else is returned unchanged and in order.

    With `split_rows` (PDF tables, whose cells know whether their last line was full), a row
    broken over the page break is put back together (`continues_row`).
    """
    out: list[Block] = []
    seen: set[str] = set()
    open_table: int | None = None  # index in `out` of a table that may still be continued
    held: list[TextLine] = []  # repeated lines after that table, dropped if it continues
    for block in blocks:
        if isinstance(block, TextLine):
            key = line_key(block.text)
            if open_table is not None and (key in seen or _is_page_number(block) or _is_scrap(block)):
                held.append(block)
            else:
                out.extend(held)
                held, open_table = [], None
                out.append(block)
            seen.add(key)
            continue
        prev = out[open_table] if open_table is not None else None
        if open_table is not None and isinstance(prev, Table) and _continues(prev, block):
            if split_rows:
                prev, block = merge_split_row(prev, block)
            out[open_table] = join_tables(prev, block)
            held = []
        else:
            out.extend(held)
            held = []
            out.append(block)
            open_table = len(out) - 1
    out.extend(held)
    return out


def _continues(prev: Table, table: Table) -> bool:
    key = header_key(table)
    return any(key) and same_headings(key, header_key(prev))


# ---- rows split over a page break ---------------------------------------------------------------
def _marker(cell: Cell) -> str | None:
    return list_marker(cell.paragraphs[0]) if cell.paragraphs else None


def continues_row(last: Sequence[Cell], first: Sequence[Cell]) -> bool:
    """Whether `first` (the first body row on a page) is the rest of `last` (the last row on the
    page before), broken over the page break.

    The deciding column is the first one where `first` has text. A row that starts text where
    the last row had none is new (a group row). A numbered item, sub-item (๒.๒) or bullet there
    is a new row when the last row held a single item or plain text in that column (one item
    per row, or a group heading), and the same row when it goes on with a list of several the
    last row's cell held (๒. ... ๒.๑ ... | ๒.๒ ...). Plain text continues the row when
    the last row's text in that column ran to the cell's edge, or stopped short by less than
    the width of the first word of `first` (a long Thai word that did not fit): it was cut, not
    finished, as `parsers.compose.lines.join_wrapped` decides for lines.
    """
    if len(last) != len(first):
        return False
    k = next((c for c, cell in enumerate(first) if not cell.is_empty), None)
    if k is None or last[k].is_empty or first[k].merged_into is not None:
        return k is None
    if _ROW_NUMBER.match(last[k].text) and _ROW_NUMBER.match(first[k].text):
        # a row number after a row number (a long list's ที่ column): a row of its own, however
        # little room the narrow cell left
        return False
    filled_before = [c for c, cell in enumerate(last) if not cell.is_empty]
    if filled_before == [k] and any(not cell.is_empty and cell.merged_into is None
                                    for c, cell in enumerate(first) if c != k):
        # Cells fill from the top: a row whose part before the break held its label alone,
        # and nothing where the part after has text, was a group row, not cut.
        return False
    if _is_item(first[k].paragraphs[0]):
        # the rest of a list the cell holds, or a row of its own after a single item or after
        # plain text (an indicator's group row ends a page, its first indicator opens the next)
        items = sum(1 for p in last[k].paragraphs if _is_item(p))
        return items >= 1 and len(last[k].paragraphs) > 1
    return _cut(last[k], first[k])


_ROW_NUMBER = re.compile(f"^\\s*[{DIGIT_CLASS}]{{1,4}}\\.?\\s*$")


def _is_item(paragraph: str) -> bool:
    """A list item: a marker (๒., -, •) or a two-level number (๒.๒)."""
    return list_marker(paragraph) is not None or starts_with_sub_number(paragraph)


def _cut(cell: Cell, more: Cell) -> bool:
    """Whether `cell`'s text stops where its cell was full, so that `more` goes on with it."""
    room, word = cell.last_line_room, more.first_word_width
    return cell.last_line_full or (room is not None and word is not None and not fits_after(word, room))


def _append(cell: Cell, more: Cell, cut: bool | None = None) -> Cell:
    """`cell` with the text of `more` after it; `cut` says whether the cell's text was cut at the
    page break (else its last line tells)."""
    if more.is_empty:
        return copy_cell(cell)
    paragraphs = list(cell.paragraphs)
    rest = list(more.paragraphs)
    if paragraphs and (_cut(cell, more) if cut is None else cut) and _marker(more) is None:
        paragraphs[-1] = paragraphs[-1] + wrap_glue(paragraphs[-1], rest[0]) + rest.pop(0)
    return replace(cell, paragraphs=paragraphs + rest, last_line_full=more.last_line_full,
                   last_line_room=more.last_line_room)


_NUMBER_CELL = re.compile(f"^[\\s{DIGIT_CLASS}.,%()]*[{DIGIT_CLASS}][\\s{DIGIT_CLASS}.,%()]*$")


def read_row_cut(prev: Table, table: Table) -> bool:
    """Whether the first body row of `table`, read by OCR, is the rest of `prev`'s last row: it
    leaves empty a column of numbers (a score, a row number) that every row of `prev` fills,
    and has text in two columns at least (a group row has it in one). A row of its own prints
    its own number; OCR's cells do not say whether their last line was full (`continues_row`).

    >>> from parsers.layout import Provenance
    >>> at = lambda page: Provenance(page, "ocr")
    >>> row = lambda page, *texts: [Cell([t] if t else [], at(page)) for t in texts]
    >>> head = row(3, "ประเด็น", "คะแนน", "แนวทาง")
    >>> before = Table([head, row(3, "i4 เจ้าหน้าที่", "๘๒.๑๒", "กำหนดหลักเกณฑ์"), row(3, "i14 การ", "๘๑.๒๗", "จัดทำคู่มือ")], 1, at(3))
    >>> read_row_cut(before, Table([head, row(4, "ประเมินผลการปฏิบัติงาน", "", "การปฏิบัติงาน")], 1, at(4)))
    True
    >>> read_row_cut(before, Table([head, row(4, "e4 เจ้าหน้าที่", "๘๒.๗๗", "เพิ่มช่องทาง")], 1, at(4)))
    False
    """
    if len(table.grid) <= table.header_rows or len(prev.grid) <= prev.header_rows or prev.n_cols != table.n_cols:
        return False
    first = table.grid[table.header_rows]
    if any(cell.prov.method != Method.OCR for cell in first) or sum(not c.is_empty for c in first) < 2:
        return False
    rows = [cells for _, cells in prev.body()]
    return any(first[c].is_empty and first[c].merged_into is None
               and all(_NUMBER_CELL.match(cells[c].text) for cells in rows) for c in range(table.n_cols))


def merge_split_row(prev: Table, table: Table) -> tuple[Table, Table]:
    """`prev` with its last row completed from `table`'s first body row, and `table` without
    that row, when the row was split over the page break; otherwise both unchanged."""
    if len(table.grid) <= table.header_rows or len(prev.grid) <= prev.header_rows:
        return prev, table
    last, first = prev.grid[-1], table.grid[table.header_rows]
    cut_read = read_row_cut(prev, table)
    if not cut_read and not continues_row([prev.origin(len(prev.grid) - 1, c) for c in range(prev.n_cols)],
                                          [table.origin(table.header_rows, c) for c in range(table.n_cols)]):
        return prev, table
    merged_row = [_append(a, b, True if cut_read else None) if a.merged_into is None and b.merged_into is None
                  else copy_cell(a) for a, b in zip(last, first)]
    rest = [list(row) for i, row in enumerate(table.grid) if i != table.header_rows]
    if any(c.merged_into is not None and c.merged_into[0] > table.header_rows
           for row in rest for c in row):
        return prev, table  # a cell below points into the removed row; leave such tables alone
    prev = replace(prev, grid=[list(row) for row in prev.grid[:-1]] + [merged_row])
    table = replace(table, grid=rest)
    return prev, table


def join_pages(pages: list[Page]) -> None:
    """Tables continued over the page breaks of `pages` become one (the joined table stays on
    the page it starts on), rows split over a break put back together, and so do paragraphs
    (`join_continued_paragraphs`); in place."""
    blocks = join_continued_tables([b for page in pages for b in page.blocks], split_rows=True)
    by_page: dict[int, list[Block]] = {page.number: [] for page in pages}
    for block in blocks:
        by_page[block.prov.page].append(block)
    for page in pages:
        page.blocks = by_page[page.number]
    join_continued_paragraphs(pages)


def _is_page_number(block: Block) -> bool:
    """A bare page number, as printed or as OCR reads one with a stray mark (`-๓่-`) or a dash
    read as a letter (`-ใ๖` for -๖-).

    >>> [_is_page_number(TextLine(t, Provenance(1, "ocr"))) for t in ("- ๓ -", "-ใ๖", "ก๖ข", "๒๕๖๗")]
    [True, True, False, True]
    """
    if not isinstance(block, TextLine):
        return False
    key = line_key(block.text)
    keys = [key, without_marks(key)]
    if len(key) <= _PAGE_NUMBER_CHARS:
        keys += [key[:i] + key[i + 1:] for i, ch in enumerate(key) if not ch.isdigit() and ch not in "-–()"]
    return any(_PAGE_NUMBER.fullmatch(k) for k in keys)


_PAGE_NUMBER_CHARS = 5  # a page number with one letter OCR put in it is no longer than this


# A line this short that OCR doubts this much is a speck of the scan read as print (`ee` where a
# page number stands), not a line that ends a table.
_SCRAP_CHARS = 3
_SCRAP_CONFIDENCE = 50.0


def _is_scrap(block: TextLine) -> bool:
    confidence = block.prov.confidence
    return confidence is not None and confidence < _SCRAP_CONFIDENCE \
        and len(line_key(block.text)) <= _SCRAP_CHARS


def join_continued_paragraphs(pages: list[Page]) -> None:
    """A paragraph that runs to the right margin at the end of a page and goes on at the top of
    the next (no list marker, no heading, no first-line indent) is one paragraph, kept on the
    page it starts on; in place. Word breaks a paragraph over pages anywhere, a number too
    (`ระดับคะแนน ๙๙.` | `๗๘`), and read apart its halves say what the page does not."""
    for before, after in zip(pages, pages[1:]):
        body = [b for b in before.blocks if not _is_page_number(b)]
        nxt = [b for b in after.blocks if not _is_page_number(b)]
        if not body or not nxt:
            continue
        last, first = body[-1], nxt[0]
        if not (isinstance(last, TextLine) and isinstance(first, TextLine)) or not last.ends_full \
                or first.list_marker or first.heading or first.indented or last.heading:
            continue
        joined = replace(last, text=last.text + wrap_glue(last.text, first.text) + first.text,
                         ends_full=first.ends_full)
        before.blocks[before.blocks.index(last)] = joined
        after.blocks.remove(first)
