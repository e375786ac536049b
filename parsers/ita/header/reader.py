"""A document's header, read in one go: its own fields as its form prints them, the fields
every form prints, and what the document is.

A memo's labelled lines, a letter's number, date and addressee, a report's title block come
first; then the organisation, its places and the years; an announcement's or an order's
subject, number and date; and last what the document is, told by its title or by what its body
carries (its scores, measures and results lists, read before the header).
"""
from __future__ import annotations

from dataclasses import dataclass

from parsers.ita.header.common import (
    find_assessed_year,
    find_org,
    find_other_body,
    find_places,
    find_places_after_org,
    fiscal_year_of,
    front_matter,
    most_printed_spelling,
    on_first_page,
    read_title,
)
from parsers.ita.header.doctype import NEIGHBOURS, classify, form_of
from parsers.ita.header.issued import read_given_on, read_issued
from parsers.ita.header.letter import is_letter, read_letter
from parsers.ita.header.memo import is_memo, read_memo_fields
from parsers.ita.records import (
    DocType,
    Form,
    Header,
    MeasureKind,
    PrintedField,
    PrintedListedResult,
    PrintedMeasure,
    PrintedScore,
)
from parsers.layout import Document, Table, TextLine

# A boxed title's lines (its name, its year, its body) fill three rows at most; a table of more
# rows is content.
_TITLE_BOX_ROWS = 3
# The lines of a memo's or a letter's body where it names its sender (`ด้วยเทศบาล...`).
_OPENING_REACH = 10
# A stamped letter's body names the year it is about in its first lines (`ด้วย...ประจำปี
# งบประมาณ พ.ศ. ๒๕๖๘ ...`).
_OPENING_LINES = 2
# Where a report's organisation is looked for when its title block names none: its first lines
# on its first page.
_FIRST_PAGE_LINES = 30
# Where the year is looked for when no head was found to look in (a memo's read empty): the
# document's first lines.
_YEAR_LINES = 10
# The running text where an organisation's name may be followed by its district and province.
_RUNNING_TEXT_LINES = 40
# The lines whose words tell whether a document speaks of the ITA: its first page or two.
_BODY_LINES = 60


@dataclass
class _Head:
    """What reading a document's head by its form leaves for the fields every form prints."""

    memo: bool
    title_end: int  # lines of a report's title block (none for a memo or a letter)
    front: list[TextLine]  # a report's short lines under its title, a letter's sender's lines
    search: list[TextLine]  # the lines where its organisation and its year are named


def _title_box(document: Document) -> list[TextLine]:
    """A title printed in a box (a table of one column and at most three rows) before any text
    on the first page: a form's heading on grey (`โครงการเสริมสร้างคุณธรรม ... ประจำปีงบประมาณ
    พ.ศ. 2568`), read as the title's lines."""
    first = next(iter(document.blocks()), None)
    if not isinstance(first, Table) or first.n_cols != 1 or len(first.grid) > _TITLE_BOX_ROWS \
            or first.prov.page != 1:
        return []
    return [TextLine(text=text, prov=cell.prov) for row in first.grid for cell in row for text in cell.paragraphs]


def _read_official_head(lines: list[TextLine], header: Header, memo: bool) -> _Head:
    """A memo's or a letter's own fields, its subject as its title, and its organisation."""
    front: list[TextLine] = []
    if memo:
        body_start = read_memo_fields(lines, header)
    else:
        # the sender's address lines are the letter's front matter: its organisation and place
        body_start, front = read_letter(lines, header)
    header.title = header.subject
    # The header and the body's opening name the sender (`ด้วยเทศบาล...`).
    search = on_first_page(lines[:body_start])
    opening = on_first_page(lines[body_start:body_start + _OPENING_REACH], lines)
    header.org_name = find_org(search) or find_other_body(search) or find_org(opening)
    if header.subject is None:
        # A stamped letter has no เรื่อง to name the year it is about: its opening does
        # (`ด้วย...ประจำปีงบประมาณ พ.ศ. ๒๕๖๘ ...`).
        search = search + opening[:_OPENING_LINES]
    return _Head(memo=memo, title_end=0, front=front, search=search)


def _read_report_head(lines: list[TextLine], header: Header) -> _Head:
    """A report's title block, the short lines under it, and its organisation."""
    header.title, end = read_title(lines)
    front = front_matter(lines, end)
    search = lines[:end] + front
    header.org_name = find_org(search) or find_org(on_first_page(lines[:_FIRST_PAGE_LINES])) \
        or find_other_body(search)
    return _Head(memo=False, title_end=end, front=front, search=search)


def _read_head(lines: list[TextLine], header: Header) -> _Head:
    """The head as the document's form prints it: a memo's, a letter's, or a report's."""
    memo = is_memo(lines)
    if memo or is_letter(lines):
        return _read_official_head(lines, header, memo)
    return _read_report_head(lines, header)


def _places(header: Header, lines: list[TextLine], head: _Head,
            issued: bool) -> tuple[PrintedField | None, PrintedField | None]:
    """(district, province) where the document prints its own: its front matter, else a memo's
    ส่วนราชการ line, else the running text after its organisation's name."""
    # An announcement's or an order's title names its issuer, whose address it is
    # (`คำสั่งสำนักงานสาธารณสุขอำเภอหนองใหญ่`).
    district, province = find_places((lines[:head.title_end] if issued else []) + head.front)
    if head.memo and header.department is not None and district is None and province is None:
        # A memo's ส่วนราชการ line is its address (`สำนักงานสาธารณสุขอำเภอหนองใหญ่ จังหวัดชลบุรี`).
        district, province = find_places([TextLine(text=header.department.text, prov=header.department.prov)])
    if district is None and province is None and header.org_name is not None:
        district, province = find_places_after_org(lines[:_RUNNING_TEXT_LINES], header.org_name.text)
    return district, province


def _what_it_is(header: Header, body: list[TextLine], scores: list[PrintedScore],
                measures: list[PrintedMeasure], listed: list[PrintedListedResult]) -> None:
    """The overall score and grade its body prints, and what the document is."""
    overall = next((s for s in scores if s.scope == "overall"), None)
    if overall is not None:
        header.overall_score = PrintedField(text=overall.value, prov=overall.prov)
        if overall.grade:
            header.grade = PrintedField(text=overall.grade, prov=overall.prov)
    header.doc_type = classify(
        header.title.text if header.title else "", " ".join(line.text for line in body[:_BODY_LINES]),
        has_measures=bool(measures), has_reports=any(m.kind == MeasureKind.REPORT for m in measures),
        has_scores=bool(scores))
    if header.doc_type in NEIGHBOURS:
        # A plan's budgets and targets, a project's satisfaction rate: numbers a sentence may call
        # a share "ในภาพรวม", never the assessment's scores (issue 14).
        header.overall_score = header.grade = header.assessed_year = None
    if listed and not measures:
        header.doc_type = DocType.RESULTS_ANNOUNCEMENT


def read_header(document: Document, *, scores: list[PrintedScore], measures: list[PrintedMeasure],
                listed: list[PrintedListedResult]) -> Header:
    """The document's header, finished: its fields as printed, its form and its type. `scores`,
    `measures` and `listed` are what its body prints (`parse_ita` reads them first): its
    overall score and grade are there, and what it is when its title does not say."""
    body = list(document.lines())
    lines = _title_box(document) + body
    header = Header()
    head = _read_head(lines, header)
    header.fiscal_year = fiscal_year_of(header.title, head.search or lines[:_YEAR_LINES])
    if header.org_name is not None:
        header.org_name = most_printed_spelling(header.org_name, lines)
    header.form = form_of(header.title.text if header.title else "", head.memo, lines)
    issued = header.form in (Form.ANNOUNCEMENT, Form.ORDER)
    if issued:
        read_issued(lines, header)
    if header.doc_date is None:
        header.doc_date = read_given_on(lines)
    header.district, header.province = _places(header, lines, head, issued)
    header.assessed_year = find_assessed_year(lines)
    _what_it_is(header, body, scores, measures, listed)
    return header
