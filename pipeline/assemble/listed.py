"""The listed_scores rows: the bodies of a results list (a provincial office's list of its
local administrations' results), each placed and scored."""
from __future__ import annotations

from dataclasses import dataclass

from normalizers import gazetteer, grades, identity, numerals, orgs, places, thai_text
from parsers.ita.records import ItaDocument, PrintedListedResult
from parsers.layout import Method
from pipeline.assemble.context import Assembly
from pipeline.assemble.shared import org_as_named, usual_decimals
from pipeline.schema import ListedScoreRow

_LISTED_TOOLS = (("total", "overall", None), ("IIT", "tool", "IIT"), ("EIT", "tool", "EIT"),
                 ("OIT", "tool", "OIT"))


def _row_number(printed: str | None) -> int | None:
    value = numerals.parse_number(printed)
    return int(value) if value is not None and value == int(value) and value > 0 else None


def _clear_one_misread_between(numbers: list[int | None]) -> None:
    """A number between two that leave room for exactly one row, and not that row's (6, 1, 8),
    is misread: cleared, for the sequence to tell.

    >>> numbers = [5, 6, 1, 8]
    >>> _clear_one_misread_between(numbers); numbers
    [5, 6, None, 8]
    """
    for i in range(1, len(numbers) - 1):
        before, after = numbers[i - 1], numbers[i + 1]
        if before is not None and after == before + 2 and numbers[i] != before + 1:
            numbers[i] = None


def _drop_falling(numbers: list[int | None], doc: Assembly) -> None:
    """Numbers only rise down a list: ๒ after ๑๐ is ๑๒ misread (dropped, with a warning).

    >>> from pipeline.assemble.context import DocKeys
    >>> numbers, doc = [9, 10, 2, 13], Assembly(DocKeys("d", None, None, None, None), None, None)
    >>> _drop_falling(numbers, doc); numbers, doc.warnings
    ([9, 10, None, 13], ['listed_row_number_doubtful:2'])
    """
    highest = 0
    for i, n in enumerate(numbers):
        if n is not None and n <= highest:
            numbers[i] = None
            doc.warn(f"listed_row_number_doubtful:{n}")
        highest = max(highest, numbers[i] or 0)


def _fill_from_sequence(numbers: list[int | None], doc: Assembly) -> None:
    """Rows without a number between two numbers that leave room for exactly those rows (6 and
    9 around two rows) take the numbers between, each with a warning.

    >>> from pipeline.assemble.context import DocKeys
    >>> numbers = [6, None, None, 9, None, 12]
    >>> doc = Assembly(DocKeys("d", None, None, None, None), None, None)
    >>> _fill_from_sequence(numbers, doc); numbers, doc.warnings
    ([6, 7, 8, 9, None, 12], ['listed_row_number_read_from_sequence:7', 'listed_row_number_read_from_sequence:8'])
    """
    i = 1
    while i < len(numbers):
        if numbers[i] is not None or numbers[i - 1] is None:
            i += 1
            continue
        end = next((j for j in range(i, len(numbers)) if numbers[j] is not None), None)
        before = numbers[i - 1]
        if end is not None and before is not None and numbers[end] == before + (end - i) + 1:
            for k in range(i, end):
                numbers[k] = before + (k - i) + 1
                doc.warn(f"listed_row_number_read_from_sequence:{numbers[k]}")
        i = (end or len(numbers)) + 1


def _row_numbers(listed: list[PrintedListedResult], doc: Assembly) -> list[int | None]:
    """The printed row numbers. A number lower than one above it is misread (dropped, with a
    warning); numbers OCR could not read (`ฒ` for ๗), or one it misread, between two that leave
    room for exactly those rows (6 and 9 around two rows) are the numbers between, each with a
    warning."""
    numbers = [_row_number(r.number) for r in listed]
    _clear_one_misread_between(numbers)
    _drop_falling(numbers, doc)
    _fill_from_sequence(numbers, doc)
    return numbers


def _printed_best_first(listed: list[PrintedListedResult], numbers: list[int | None]) -> bool:
    """Whether a list's row numbers run 1, 2, 3 … and its totals never rise: its row number is
    then the rank the document states."""
    totals = [numerals.parse_score_cell(r.scores.get("total")) for r in listed]
    if "total" not in listed[0].scores or numbers != list(range(1, len(listed) + 1)):
        return False
    known = [t for t in totals if t is not None]
    return all(a >= b for a, b in zip(known, known[1:]))


@dataclass(frozen=True)
class _ListedBody:
    """One body of the list as its row names and places it."""

    name: str  # as printed, cleaned
    org: orgs.Org
    district: str | None
    province: places.Province | None  # as printed
    place: gazetteer.Place


def _place_body(printed: PrintedListedResult, doc: Assembly) -> _ListedBody:
    """The body a row names, placed by its printed district or province, its name (the
    gazetteer), or else the issuer's province: a provincial office lists its own."""
    name = thai_text.clean(printed.name) or printed.name
    org = org_as_named(name)
    district = places.parse_district(
        printed.district if printed.district is None or "อำเภอ" in printed.district
        else f"อำเภอ{printed.district}")
    province = places.parse_province(printed.province)
    place = gazetteer.locate(org.name, org.org_type, district,
                             province.name if province else doc.keys.province)
    if place.warning:
        doc.warn(place.warning)
    return _ListedBody(name, org, district, province, place)


def _listed_grade(printed: PrintedListedResult, total: float | None, row: int | str,
                  doc: Assembly) -> tuple[str | None, bool]:
    """The row's grade, and whether OCR's misreading of its letter was undone."""
    grade, corrected = grades.grade_cell(printed.grade, total)
    if grade in grades.LETTER_GRADES and total is not None and grades.letter_grade(total) != grade:
        # A letter grade outside its score's band: misread where OCR read it (the value is
        # dropped), printed so where the text layer says it (kept).
        doubted = printed.prov.method == Method.OCR
        doc.warn(f"listed_grade_{'doubtful' if doubted else 'mismatch'}:{row}")
        grade = None if doubted else grade
    return grade, corrected


def _body_columns(body: _ListedBody, doc: Assembly, row_no: int | None, rank: int | None,
                  page: int) -> dict:
    """The columns each score row of one body repeats."""
    place = body.place
    province_code = place.province_code or gazetteer.province_code(doc.keys.province)
    return dict(**doc.keys.fields(), assessed_year_be=doc.assessed_year_be, row_no=row_no, rank=rank,
                listed_name_printed=body.name, listed_org_name=body.org.name,
                listed_org_type=body.org.org_type,
                listed_org_id=identity.org_id(body.org.name, body.org.org_type, province_code,
                                              place.district_code, place.subdistrict_code),
                listed_district=body.district,
                listed_province=(body.province.name if body.province
                                 else place.province or doc.keys.province),
                listed_province_code=province_code, listed_district_code=place.district_code,
                listed_subdistrict_code=place.subdistrict_code, page=page)


def _listed_score(cell: str | None, places_printed: int | None) -> float | None:
    score = numerals.parse_score_cell(cell)
    if score is not None and places_printed is not None and numerals.decimals(cell) != places_printed:
        # a list that prints every score with two decimals printed this one so too:
        # a digit was lost (๙๘.๐ for ๙๘.๐๑)
        return None
    return score


def _tool_rows(printed: PrintedListedResult, columns: dict, grade: str | None,
               places_printed: int | None, row: int | str, doc: Assembly) -> list[ListedScoreRow]:
    """A body's total and tool scores, one row each, as its list prints them."""
    rows = []
    for column, scope, tool in _LISTED_TOOLS:
        if column not in printed.scores:
            continue
        cell = printed.scores[column]
        score = _listed_score(cell, places_printed)
        if score is None and not numerals.is_missing_mark(cell):
            doc.warn(f"listed_score_unread:{row}:{tool or 'overall'}")
        rows.append(ListedScoreRow(**columns, scope=scope, tool=tool, score=score,
                                   grade=grade if scope == "overall" else None))
    return rows


def listed_score_rows(ita: ItaDocument, doc: Assembly) -> list[ListedScoreRow]:
    """The bodies of a results list, each placed by its printed district or province, its name
    (the gazetteer), or else the issuer's province: a provincial office lists its own."""
    if not ita.listed:
        return []
    numbers = _row_numbers(ita.listed, doc)
    ranked = _printed_best_first(ita.listed, numbers)
    places_printed = usual_decimals(cell for printed in ita.listed for cell in printed.scores.values())
    corrected_grades = 0
    rows: list[ListedScoreRow] = []
    for printed, row_no in zip(ita.listed, numbers):
        body = _place_body(printed, doc)
        row = row_no or body.name  # as a warning names the row
        total = numerals.parse_score_cell(printed.scores.get("total"))
        grade, corrected = _listed_grade(printed, total, row, doc)
        corrected_grades += corrected
        # A body not assessed (its total a dash) is listed last, unranked.
        rank = _row_number(printed.rank) or (row_no if ranked and total is not None else None)
        columns = _body_columns(body, doc, row_no, rank, printed.prov.page)
        rows.extend(_tool_rows(printed, columns, grade, places_printed, row, doc))
    if corrected_grades:
        doc.warn(f"listed_grade_ocr_corrected:{corrected_grades}")
    return rows
