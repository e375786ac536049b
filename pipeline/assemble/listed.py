"""The listed_scores rows: the bodies of a results list (a provincial office's list of its
local administrations' results), each placed and scored."""
from __future__ import annotations

from normalizers import gazetteer, grades, identity, numerals, places, thai_text
from parsers.ita.records import ItaDocument, PrintedListedResult
from parsers.layout import Method
from pipeline.assemble.context import DocKeys
from pipeline.assemble.shared import org_as_named, usual_decimals
from pipeline.schema import ListedScoreRow

_LISTED_TOOLS = (("total", "overall", None), ("IIT", "tool", "IIT"), ("EIT", "tool", "EIT"),
                 ("OIT", "tool", "OIT"))


def _row_number(printed: str | None) -> int | None:
    value = numerals.parse_number(printed)
    return int(value) if value is not None and value == int(value) and value > 0 else None


def _row_numbers(listed: list[PrintedListedResult], warnings: list[str]) -> list[int | None]:
    """The printed row numbers. A number lower than one above it is misread (dropped, with a
    warning); numbers OCR could not read (`ฒ` for ๗), or one it misread, between two that leave
    room for exactly those rows (6 and 9 around two rows) are the numbers between, each with a
    warning."""
    numbers = [_row_number(r.number) for r in listed]
    for i in range(1, len(numbers) - 1):  # one misread between two: 6, 1, 8
        before, after = numbers[i - 1], numbers[i + 1]
        if before is not None and after == before + 2 and numbers[i] != before + 1:
            numbers[i] = None
    highest = 0
    for i, n in enumerate(numbers):  # numbers only rise down a list: ๒ after ๑๐ is ๑๒ misread
        if n is not None and n <= highest:
            numbers[i] = None
            warnings.append(f"listed_row_number_doubtful:{n}")
        highest = max(highest, numbers[i] or 0)
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
                warnings.append(f"listed_row_number_read_from_sequence:{numbers[k]}")
        i = (end or len(numbers)) + 1
    return numbers


def _printed_best_first(listed: list[PrintedListedResult], numbers: list[int | None]) -> bool:
    """Whether a list's row numbers run 1, 2, 3 … and its totals never rise: its row number is
    then the rank the document states."""
    totals = [numerals.parse_score_cell(r.scores.get("total")) for r in listed]
    if "total" not in listed[0].scores or numbers != list(range(1, len(listed) + 1)):
        return False
    known = [t for t in totals if t is not None]
    return all(a >= b for a, b in zip(known, known[1:]))


def listed_score_rows(ita: ItaDocument, keys: DocKeys, assessed_year_be: int | None,
                      warnings: list[str]) -> list[ListedScoreRow]:
    """The bodies of a results list, each placed by its printed district or province, its name
    (the gazetteer), or else the issuer's province: a provincial office lists its own."""
    if not ita.listed:
        return []
    numbers = _row_numbers(ita.listed, warnings)
    ranked = _printed_best_first(ita.listed, numbers)
    places_printed = usual_decimals(cell for printed in ita.listed for cell in printed.scores.values())
    corrected_grades = 0
    rows: list[ListedScoreRow] = []
    for printed, row_no in zip(ita.listed, numbers):
        name = thai_text.clean(printed.name) or printed.name
        org = org_as_named(name)
        district = places.parse_district(
            printed.district if printed.district is None or "อำเภอ" in printed.district
            else f"อำเภอ{printed.district}")
        province = places.parse_province(printed.province)
        place = gazetteer.locate(org.name, org.org_type, district,
                                 province.name if province else keys.province)
        if place.warning:
            warnings.append(place.warning)
        total = numerals.parse_score_cell(printed.scores.get("total"))
        grade, corrected = grades.grade_cell(printed.grade, total)
        corrected_grades += corrected
        if grade in grades.LETTER_GRADES and total is not None and grades.letter_grade(total) != grade:
            # A letter grade outside its score's band: misread where OCR read it (the value is
            # dropped), printed so where the text layer says it (kept).
            doubted = printed.prov.method == Method.OCR
            warnings.append(f"listed_grade_{'doubtful' if doubted else 'mismatch'}:{row_no or name}")
            grade = None if doubted else grade
        # A body not assessed (its total a dash) is listed last, unranked.
        assessed = total is not None
        base = dict(**keys.fields(), assessed_year_be=assessed_year_be, row_no=row_no,
                    rank=_row_number(printed.rank) or (row_no if ranked and assessed else None),
                    listed_name_printed=name, listed_org_name=org.name, listed_org_type=org.org_type,
                    listed_org_id=identity.org_id(org.name, org.org_type,
                                                  place.province_code or gazetteer.province_code(keys.province),
                                                  place.district_code, place.subdistrict_code),
                    listed_district=district,
                    listed_province=(province.name if province else place.province or keys.province),
                    listed_province_code=place.province_code or gazetteer.province_code(keys.province),
                    listed_district_code=place.district_code,
                    listed_subdistrict_code=place.subdistrict_code, page=printed.prov.page)
        for column, scope, tool in _LISTED_TOOLS:
            if column not in printed.scores:
                continue
            cell = printed.scores[column]
            score = numerals.parse_score_cell(cell)
            if score is not None and places_printed is not None and numerals.decimals(cell) != places_printed:
                # a list that prints every score with two decimals printed this one so too:
                # a digit was lost (๙๘.๐ for ๙๘.๐๑)
                score = None
            if score is None and not numerals.is_missing_mark(cell):
                warnings.append(f"listed_score_unread:{row_no or name}:{tool or 'overall'}")
            rows.append(ListedScoreRow(**base, scope=scope, tool=tool, score=score,
                                       grade=grade if scope == "overall" else None))
    if corrected_grades:
        warnings.append(f"listed_grade_ocr_corrected:{corrected_grades}")
    return rows
