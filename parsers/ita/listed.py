"""Results of many bodies, as a parent agency announces them: one table row a body.

A provincial office lists its local administrations, OVEC its colleges, the national office
everyone: `ที่ | ชื่อหน่วยงาน | (อำเภอ | จังหวัด) | IIT | EIT | OIT | คะแนนรวม | ระดับผลการประเมิน`,
often with a rank (อันดับ) and over many pages, the header repeated or not. Such a table is
told by its columns (a body's name beside at least two score columns: tools or a total), not by
the document's title, so that an annex of results in a memo is read too (a body beside two
score columns, or beside a total and a grade). Every value stays as
printed, a dash included: a dash is a score missing, never a zero, and the normalisers say so.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from normalizers.thai_text import fold
from parsers.ita.columns import tools_by_place
from parsers.ita.records import PrintedListedResult
from parsers.layout import Cell, Table
from thai.chars import DIGIT_CLASS, without_marks


class ListColumn(StrEnum):
    """What a column of a results list holds."""

    NUMBER = "number"  # ที่ / ลำดับ
    RANK = "rank"  # อันดับ
    BODY = "body"  # ชื่อหน่วยงาน
    BODY_TYPE = "body_type"  # ประเภท
    DISTRICT = "district"  # อำเภอ
    PROVINCE = "province"  # จังหวัด
    IIT = "IIT"
    EIT = "EIT"
    OIT = "OIT"
    TOTAL = "total"  # คะแนนรวม / ผลคะแนน / คะแนนเฉลี่ย
    GRADE = "grade"  # ระดับผลการประเมิน
    OTHER = "other"


# (column, pattern on the folded header, marks taken out: OCR drops them from headers). Order
# matters: `ระดับผลการประเมิน` is the grade, `ผลคะแนนรวม` the total, `ชื่อหน่วยงาน` the body.
_RULES = tuple((column, re.compile(without_marks(pattern))) for column, pattern in (
    (ListColumn.IIT, r"iit"),
    (ListColumn.EIT, r"eit"),
    (ListColumn.OIT, r"oit"),
    (ListColumn.RANK, r"อันดับ"),
    (ListColumn.GRADE, r"ระดับ|ผลการประเมิน$|^เกรด|grade"),
    (ListColumn.TOTAL, r"คะแนน|รวม|total|score"),
    (ListColumn.BODY_TYPE, r"^ประเภท"),
    (ListColumn.DISTRICT, r"^อำเภอ|^เขต$"),
    (ListColumn.PROVINCE, r"^จังหวัด"),
    (ListColumn.BODY, r"ชื่อ|หน่วยงาน|องค์กรปกครอง|อปท|สถานศึกษา|ส่วนราชการ|โรงเรียน|วิทยาลัย"),
    (ListColumn.NUMBER, r"^(ที่|ลำดับ|ลำดับที่|no\.?)$"),
))
_SCORE_COLUMNS = (ListColumn.IIT, ListColumn.EIT, ListColumn.OIT, ListColumn.TOTAL)
_ROW_NUMBER = re.compile(f"^[{DIGIT_CLASS}]{{1,4}}\\.?$")


def list_column(header: str) -> ListColumn:
    """What a results list's column holds, from its header.

    >>> list_column("ชื่อหน่วยงาน"), list_column("ระดับผลการประเมิน"), list_column("คะแนนรวม")
    (<ListColumn.BODY: 'body'>, <ListColumn.GRADE: 'grade'>, <ListColumn.TOTAL: 'total'>)
    >>> list_column("คะแนน IIT"), list_column("ลําดับ"), list_column("ชอหนวยงาน")
    (<ListColumn.IIT: 'IIT'>, <ListColumn.NUMBER: 'number'>, <ListColumn.BODY: 'body'>)
    """
    key = without_marks(fold(header)).lower().replace(" ", "")
    if not key:
        return ListColumn.OTHER
    for column, pattern in _RULES:
        if pattern.search(key):
            return column
    return ListColumn.OTHER


@dataclass(frozen=True)
class ListLayout:
    """The columns of one results list (the first of each kind)."""

    columns: tuple[ListColumn, ...]

    def at(self, column: ListColumn) -> int | None:
        return next((i for i, c in enumerate(self.columns) if c is column), None)

    @property
    def is_results_list(self) -> bool:
        """A body's name beside two score columns or more (tools, a total), or beside a total
        and a grade."""
        scores = sum(1 for c in _SCORE_COLUMNS if c in self.columns)
        graded = ListColumn.TOTAL in self.columns and ListColumn.GRADE in self.columns
        return self.at(ListColumn.BODY) is not None and (scores >= 2 or graded)


_ABOUT_THE_BODY = (ListColumn.BODY, ListColumn.BODY_TYPE, ListColumn.DISTRICT, ListColumn.PROVINCE)


def _tools_by_place(columns: list[ListColumn]) -> list[ListColumn]:
    """The three tools' columns where OCR garbled their Latin headers: the three columns between
    the body's and the total (`columns.tools_by_place`).

    >>> O, B, T = ListColumn.OTHER, ListColumn.BODY, ListColumn.TOTAL
    >>> [c.value for c in _tools_by_place([O, B, O, O, ListColumn.OIT, T])]
    ['other', 'body', 'IIT', 'EIT', 'OIT', 'total']
    >>> _tools_by_place([O, B, O, O, T]) == [O, B, O, O, T]  # two columns: which two is not said
    True
    """
    if ListColumn.TOTAL not in columns or not any(c in columns for c in _ABOUT_THE_BODY):
        return columns
    start = max(i for i, c in enumerate(columns) if c in _ABOUT_THE_BODY) + 1
    if columns.index(ListColumn.TOTAL) - start != 3:
        return columns
    kinds = [None if c is ListColumn.OTHER else c.value for c in columns]
    return [ListColumn(k) if k is not None else ListColumn.OTHER for k in tools_by_place(kinds, start)]


def list_layout(headers: list[str]) -> ListLayout:
    columns: list[ListColumn] = []
    for header in headers:
        column = list_column(header)
        # A second column of a kind (a score's `คะแนน` over its `ร้อยละ`) is not read twice.
        columns.append(ListColumn.OTHER if column in columns and column is not ListColumn.OTHER else column)
    return ListLayout(tuple(_tools_by_place(columns)))


def is_results_list(table: Table) -> bool:
    return list_layout(table.column_headers()).is_results_list


def _text(cells: list[Cell], at: int | None) -> str | None:
    if at is None or at >= len(cells) or cells[at].merged_into is not None:
        return None
    return cells[at].text.strip() or None


def listed_results_from_table(table: Table, table_no: int) -> list[PrintedListedResult]:
    """One record a body row; a row without a name (a heading, a subtotal) is skipped."""
    layout = list_layout(table.column_headers())
    if not layout.is_results_list:
        return []
    body_at = layout.at(ListColumn.BODY)
    assert body_at is not None
    header = fold(table.column_headers()[body_at])
    number_at = layout.at(ListColumn.NUMBER)
    if number_at is None and body_at > 0 and layout.columns[0] is ListColumn.OTHER:
        # The ที่ heading lost to OCR (read `a`): the first column is the row numbers where
        # most of its cells are numbers.
        firsts = [_text(cells, 0) or "" for _, cells in table.body()]
        if sum(1 for t in firsts if _ROW_NUMBER.match(t)) * 2 >= len(firsts) > 0:
            number_at = 0
    results = []
    for _, cells in table.body():
        name = _text(cells, body_at)
        if name is None or fold(name) == header:  # the header repeated as a row
            continue
        scores = {c.value: _text(cells, layout.at(c)) for c in _SCORE_COLUMNS if layout.at(c) is not None}
        if not any(scores.values()) and _text(cells, layout.at(ListColumn.GRADE)) is None:
            continue
        results.append(PrintedListedResult(
            name=name, prov=cells[body_at].prov, table_no=table_no,
            number=_text(cells, number_at),
            rank=_text(cells, layout.at(ListColumn.RANK)),
            body_type=_text(cells, layout.at(ListColumn.BODY_TYPE)),
            district=_text(cells, layout.at(ListColumn.DISTRICT)),
            province=_text(cells, layout.at(ListColumn.PROVINCE)),
            scores=scores, grade=_text(cells, layout.at(ListColumn.GRADE))))
    return results
