"""The ITA parser: a layout Document in, what it prints about ITA out (ItaDocument).

It never cares where the text came from (markup, PDF text layer, OCR): it reads blocks in order,
the body's lines and tables first, then the header (`parsers.ita.header.read_header`: what a
document is can depend on what its body carries). Values are kept as printed, with their
provenance: the normalisers it calls recognise and match (the tool a heading names, the item a
code stands for). Stored canonical, not as printed, are: a score's tool (`EIT1`), the item codes
of a per-question table's rows (`i14`, `scores_from_table`), and the code an analysis-to-action
row with no code read, or one OCR misread, takes from the per-question item its question and
score match (`_link_action_rows`: on the row's measure, and on its item score where the row
printed a code of its own).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from normalizers.indicators import parse_tool
from normalizers.items import item_code, split_item_code
from parsers.ita.columns import Columns, columns_of, continuing
from parsers.ita.findings import findings_from_table
from parsers.ita.header import handwritten_gaps, is_neighbour, read_header
from parsers.ita.listed import is_results_list, listed_results_from_table
from parsers.ita.measures import measures_from_table
from parsers.ita.records import (
    ItaDocument,
    PrintedFinding,
    PrintedListedResult,
    PrintedMeasure,
    PrintedScore,
)
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


@dataclass
class _Body:
    """What the document's blocks print, read in order, and what the lines just read say of
    the table after them."""

    scores: list[PrintedScore] = field(default_factory=list)
    measures: list[PrintedMeasure] = field(default_factory=list)
    findings: list[PrintedFinding] = field(default_factory=list)
    listed: list[PrintedListedResult] = field(default_factory=list)  # bodies of a results list
    warnings: list[str] = field(default_factory=list)
    # The item scores printed on the rows of analysis-to-action tables.
    acted_on: list[PrintedScore] = field(default_factory=list)
    tool_context: str | None = None
    last_indicator_line: str | None = None
    # The indicator of the heading line right above a table (its item rows are that indicator's).
    heading_indicator: str | None = None
    heading_tool: str | None = None  # the tool a heading line right above a table names (`... (EIT)`)
    # The columns of the table before, while nothing but short lines (a page number) follow it.
    before: Columns | None = None
    table_no: int = 0

    def read_line(self, line: TextLine) -> None:
        """The scores a line prints, and the indicator and tool it heads a table with."""
        if len(line.text) >= _BETWEEN_TABLES:
            self.before = None
        scores, self.tool_context = scores_from_line(line, self.tool_context)
        self.scores.extend(scores)
        if len(line.text.strip()) <= _PAGE_FURNITURE:
            return  # a page number between a heading and its table (`๔`, `- ๓ -`)
        self.heading_indicator = indicator_heading(line.text)
        if self.heading_indicator is not None:
            self.last_indicator_line = line.text
        self.heading_tool = parse_tool(line.text)

    def read_table(self, table: Table) -> None:
        """A table's rows: another body's results, or the document's scores, measures and findings."""
        self.table_no += 1
        if is_results_list(table):
            # Each row is another body's result, not the document's own: kept apart.
            self.listed.extend(listed_results_from_table(table, self.table_no))
            return
        columns = continuing(columns_of(table), self.before)
        table_scores = scores_from_table(table, self.heading_indicator, columns, self.heading_tool)
        self.scores.extend(table_scores)
        if columns.is_measure_table:
            self.acted_on.extend(table_scores)
        self.warnings.extend(f"item_code_from_row_order:{s.item_code}" for s in table_scores
                             if s.code_from_row_order)
        self.heading_indicator = self.heading_tool = None
        self.measures.extend(measures_from_table(table, self.table_no, columns))
        self.before = columns
        self.findings.extend(findings_from_table(table, self.last_indicator_line))


@dataclass(frozen=True)
class _PerQuestion:
    """The item scores of the document's per-question tables (not those printed on
    analysis-to-action rows): which codes they score, and with which values."""

    listed: list[PrintedScore]
    scored: frozenset[tuple[str | None, str]]
    codes: frozenset[str | None]

    @classmethod
    def of(cls, body: _Body) -> _PerQuestion:
        """The item scores of `body` not printed on its analysis-to-action rows."""
        acted = {id(s) for s in body.acted_on}
        listed = [s for s in body.scores if s.scope == "item" and s.item_code and id(s) not in acted]
        return cls(listed, frozenset((item_code(s.item_code), number_key(s.value)) for s in listed),
                   frozenset(item_code(s.item_code) for s in listed))

    def bears_out(self, measure: PrintedMeasure, code: str | None) -> bool:
        """Whether a row keeps the code it has: it names no item; or its code was not read by
        OCR, or the per-question tables give no score of its item (or the row none) to compare,
        or score its item as the row does."""
        return not measure.item or (code is not None and (
            measure.prov.method != Method.OCR or code not in self.codes or measure.item_score is None
            or (code, number_key(measure.item_score)) in self.scored))


def _recode_row_scores(acted_on: list[PrintedScore], measure: PrintedMeasure, found: str) -> None:
    """The score an analysis-to-action row printed, read with the code the row printed, takes
    the code found for the row."""
    for score in acted_on:
        if score.item_code == measure.item_code and score.prov.page == measure.prov.page \
                and number_key(score.value) == number_key(measure.item_score or ""):
            score.item_code = found


def _link_action_rows(body: _Body) -> None:
    """Tie each analysis-to-action row to the per-question item it acts on, where OCR garbled
    the code printed before its question: a row with no code read, or (read by OCR) with a code
    whose item the per-question table scores otherwise (`o2` read for e2), takes the code of the
    item with its score and a like question (`item_code_from_question:`). A printed code stays,
    and so does one no other item bears out: two values of one item are both kept, warned
    (`score_conflict:`)."""
    per_question = _PerQuestion.of(body)
    for measure in body.measures:
        code = item_code(measure.item_code)
        if per_question.bears_out(measure, code):
            continue  # nothing to check, or the per-question table bears the code out
        assert measure.item is not None
        printed = measure.item if code is None else f"{code[1:]} {split_item_code(measure.item)[1]}"
        found = code_by_question(printed, measure.item_score, per_question.listed)
        if found is None:
            continue
        body.warnings.append(f"item_code_from_question:{found}")
        if code is not None:  # the row's score was read with the code it printed
            _recode_row_scores(body.acted_on, measure, found)
        measure.item_code = found


def _read_body(document: Document) -> _Body:
    """The scores, measures, findings and results lists the document's blocks print."""
    body = _Body()
    for block in document.blocks():
        if isinstance(block, TextLine):
            body.read_line(block)
        else:
            assert isinstance(block, Table)
            body.read_table(block)
    _link_action_rows(body)
    return body


def parse_ita(document: Document) -> ItaDocument:
    """What a document prints about the ITA: its body's scores, measures, findings and results
    lists, its signatories, and its header, asked for once when the body is read."""
    body = _read_body(document)
    header = read_header(document, scores=body.scores, measures=body.measures, listed=body.listed)
    # A neighbouring document's numbers (a plan's budgets and targets, a project's satisfaction
    # rate) a sentence may call a share "ในภาพรวม" are never the assessment's scores (issue 14).
    scores = [] if is_neighbour(header) else body.scores
    return ItaDocument(header=header, scores=scores, measures=body.measures, findings=body.findings,
                       signatories=signatories_from_lines(list(document.lines())), listed=body.listed,
                       warnings=handwritten_gaps(header) + body.warnings)
