"""The ITA parser: a layout Document in, what it prints about ITA out (ItaDocument).

It never cares where the text came from (markup, PDF text layer, OCR): it reads blocks in order,
and it never normalises: every value stays as printed, with its provenance.
"""
from __future__ import annotations

from normalizers.indicators import parse_tool
from normalizers.items import item_code, split_item_code
from parsers.ita import header as hdr
from parsers.ita.columns import Columns, columns_of, continuing
from parsers.ita.findings import findings_from_table
from parsers.ita.listed import is_results_list, listed_results_from_table
from parsers.ita.measures import measures_from_table
from parsers.ita.records import DocType, Form, Header, ItaDocument, MeasureKind, PrintedField, PrintedScore
from parsers.ita.scores import (
    code_by_question,
    indicator_heading,
    number_key,
    scores_from_line,
    scores_from_table,
)
from parsers.ita.signatories import signatories_from_lines
from parsers.layout import Document, Method, Table, TextLine

_PAGE_FURNITURE = 5  # characters of a line at most that is a page number, not a heading
_BETWEEN_TABLES = 20  # characters of a line that parts two tables (a page number's are fewer)


def _front_matter(lines: list[TextLine], start: int) -> list[TextLine]:
    """The short lines after the title block, up to the first long paragraph."""
    out = []
    for line in lines[start:start + 6]:
        if len(line.text) > 160:
            break
        out.append(line)
    return out


def _title_box(document: Document) -> list[TextLine]:
    """A title printed in a box (a table of one column and at most three rows) before any text
    on the first page: a form's heading on grey (`โครงการเสริมสร้างคุณธรรม ... ประจำปีงบประมาณ
    พ.ศ. 2568`), read as the title's lines."""
    first = next(iter(document.blocks()), None)
    if not isinstance(first, Table) or first.n_cols != 1 or len(first.grid) > 3 or first.prov.page != 1:
        return []
    return [TextLine(text=text, prov=cell.prov) for row in first.grid for cell in row for text in cell.paragraphs]


def _on_first_page(some: list[TextLine], lines: list[TextLine] | None = None) -> list[TextLine]:
    """The lines of `some` on the first page of `lines` (by default `some`'s own): a document
    names its organisation there; a later page may be another paper filed with it (a receiver's
    routing note on a letter it got)."""
    first = (lines or some)[0].prov.page if (lines or some) else None
    return [line for line in some if line.prov.page == first]


_OPENING_LINES = 2


def _read_header(doc: Document, lines: list[TextLine]) -> Header:
    header = Header()
    memo = hdr.is_memo(lines)
    letter = not memo and hdr.is_letter(lines)
    front: list[TextLine] = []
    if memo or letter:
        if memo:
            body_start = hdr.read_memo_fields(lines, header)
        else:
            # the sender's address lines are the letter's front matter: its organisation and place
            body_start, front = hdr.read_letter_fields(lines, header)
            if not front:  # a stamped letter addressed with ถึง: its sender and date are at its foot
                front = hdr.sender_foot(_on_first_page(lines[body_start:], lines))
                header.doc_date = header.doc_date or hdr.foot_date(front)
        header.title = header.subject
        # The header and the body's opening name the sender (`ด้วยเทศบาล...`).
        search = _on_first_page(lines[:body_start])
        opening = _on_first_page(lines[body_start:body_start + 10], lines)
        header.org_name = hdr.find_org(search) or hdr.find_other_body(search) or hdr.find_org(opening)
        if header.subject is None:
            # A stamped letter has no เรื่อง to name the year it is about: its opening does
            # (`ด้วย...ประจำปีงบประมาณ พ.ศ. ๒๕๖๘ ...`).
            search = search + opening[:_OPENING_LINES]
        end = 0
    else:
        header.title, end = hdr.read_title(lines)
        front = _front_matter(lines, end)
        search = lines[:end] + front
        header.org_name = hdr.find_org(search) or hdr.find_org(_on_first_page(lines[:30])) \
            or hdr.find_other_body(search)
    if header.title is not None:
        phrase = hdr.find_year_phrase(header.title.text)
        if phrase:
            header.fiscal_year = PrintedField(text=phrase, prov=header.title.prov)
    if header.fiscal_year is None:
        for line in search or lines[:10]:
            phrase = hdr.find_year_phrase(line.text)
            if phrase:
                header.fiscal_year = PrintedField(text=phrase, prov=line.prov)
                break
    if header.org_name is not None:
        header.org_name = hdr.most_printed_spelling(header.org_name, lines)
    header.form = hdr.form_of(header.title.text if header.title else "", memo, lines)
    issued = header.form in (Form.ANNOUNCEMENT, Form.ORDER)
    if issued:
        hdr.read_issued_fields(lines, header)
        if header.title is not None:
            header.issuer = hdr.issuer_of(header.title)
            if header.issuer is not None:
                header.issuer = hdr.most_printed_spelling(header.issuer, lines)
    if header.doc_date is None:
        header.doc_date = hdr.read_given_on(lines)
    # An announcement's or an order's title names its issuer, whose address it is
    # (`คำสั่งสำนักงานสาธารณสุขอำเภอหนองใหญ่`).
    header.district, header.province = hdr.find_places((lines[:end] if issued else []) + front)
    if memo and header.department is not None and header.district is None and header.province is None:
        # A memo's ส่วนราชการ line is its address (`สำนักงานสาธารณสุขอำเภอหนองใหญ่ จังหวัดชลบุรี`).
        header.district, header.province = hdr.find_places(
            [TextLine(text=header.department.text, prov=header.department.prov)])
    if header.district is None and header.province is None and header.org_name is not None:
        header.district, header.province = hdr.find_places_after_org(lines[:40], header.org_name.text)
    header.assessed_year = hdr.find_assessed_year(lines)
    return header


def _link_action_rows(ita: ItaDocument, acted_on: list[PrintedScore]) -> None:
    """Tie each analysis-to-action row to the per-question item it acts on, where OCR garbled
    the code printed before its question: a row with no code read, or (read by OCR) with a code
    whose item the per-question table scores otherwise (`o2` read for e2), takes the code of the
    item with its score and a like question (`item_code_from_question:`). A printed code stays,
    and so does one no other item bears out: two values of one item are both kept, warned
    (`score_conflict:`)."""
    acted = {id(s) for s in acted_on}
    listed = [s for s in ita.scores if s.scope == "item" and s.item_code and id(s) not in acted]
    scored = {(item_code(s.item_code), number_key(s.value)) for s in listed}
    codes = {item_code(s.item_code) for s in listed}
    for measure in ita.measures:
        code = item_code(measure.item_code)
        if not measure.item or (code is not None and (
                measure.prov.method != Method.OCR or code not in codes or measure.item_score is None
                or (code, number_key(measure.item_score)) in scored)):
            continue  # nothing to check, or the per-question table bears the code out
        printed = measure.item if code is None else f"{code[1:]} {split_item_code(measure.item)[1]}"
        found = code_by_question(printed, measure.item_score, listed)
        if found is None:
            continue
        ita.warnings.append(f"item_code_from_question:{found}")
        if code is not None:  # the row's score was read with the code it printed
            for score in acted_on:
                if score.item_code == measure.item_code and score.prov.page == measure.prov.page \
                        and number_key(score.value) == number_key(measure.item_score or ""):
                    score.item_code = found
        measure.item_code = found


def parse_ita(document: Document) -> ItaDocument:
    lines = list(document.lines())
    ita = ItaDocument(header=_read_header(document, _title_box(document) + lines))
    ita.warnings.extend(hdr.handwritten_gaps(ita.header))
    tool_context: str | None = None
    last_indicator_line: str | None = None
    # The indicator of the heading line right above a table (its item rows are that indicator's).
    heading_indicator: str | None = None
    heading_tool: str | None = None  # the tool a heading line right above a table names (`... (EIT)`)
    # The columns of the table before, while nothing but short lines (a page number) follow it.
    before: Columns | None = None
    table_no = 0
    acted_on: list[PrintedScore] = []  # item scores printed on the rows of analysis-to-action tables
    for block in document.blocks():
        if isinstance(block, TextLine):
            if len(block.text) >= _BETWEEN_TABLES:
                before = None
            scores, tool_context = scores_from_line(block, tool_context)
            ita.scores.extend(scores)
            if len(block.text.strip()) <= _PAGE_FURNITURE:
                continue  # a page number between a heading and its table (`๔`, `- ๓ -`)
            heading_indicator = indicator_heading(block.text)
            if heading_indicator is not None:
                last_indicator_line = block.text
            heading_tool = parse_tool(block.text)
            continue
        assert isinstance(block, Table)
        table_no += 1
        if is_results_list(block):
            # Each row is another body's result, not the document's own: kept apart.
            ita.listed.extend(listed_results_from_table(block, table_no))
            continue
        columns = continuing(columns_of(block), before)
        table_scores = scores_from_table(block, heading_indicator, columns, heading_tool)
        ita.scores.extend(table_scores)
        if columns.is_measure_table:
            acted_on.extend(table_scores)
        ita.warnings.extend(f"item_code_from_row_order:{s.item_code}" for s in table_scores
                            if s.code_from_row_order)
        heading_indicator = heading_tool = None
        ita.measures.extend(measures_from_table(block, table_no, columns))
        before = columns
        ita.findings.extend(findings_from_table(block, last_indicator_line))
    _link_action_rows(ita, acted_on)
    ita.signatories = signatories_from_lines(lines)
    overall = next((s for s in ita.scores if s.scope == "overall"), None)
    if overall is not None:
        ita.header.overall_score = PrintedField(text=overall.value, prov=overall.prov)
        if overall.grade:
            ita.header.grade = PrintedField(text=overall.grade, prov=overall.prov)
    body = " ".join(line.text for line in lines[:60])
    title = ita.header.title.text if ita.header.title else ""
    ita.header.doc_type = hdr.classify(
        title, body, has_measures=bool(ita.measures),
        has_reports=any(m.kind == MeasureKind.REPORT for m in ita.measures), has_scores=bool(ita.scores))
    if ita.header.doc_type in hdr.NEIGHBOURS:
        # A plan's budgets and targets, a project's satisfaction rate: numbers a sentence may call
        # a share "ในภาพรวม", never the assessment's scores (issue 14).
        ita.scores = []
        ita.header.overall_score = ita.header.grade = ita.header.assessed_year = None
    if ita.listed and not ita.measures:
        ita.header.doc_type = DocType.RESULTS_ANNOUNCEMENT
    return ita
