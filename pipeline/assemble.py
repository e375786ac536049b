"""The normalise stage: ITA records as printed → canonical output rows.

This is the one place where parser output meets the normalisers: Thai digits become numbers,
Buddhist-era phrases become years, periods become dates, owner cells become unit keys. It also
joins a measure printed twice (once in a plan table, once in a status table) into one measure.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from normalizers import (
    dates,
    gazetteer,
    grades,
    identity,
    indicators,
    items,
    numerals,
    orgs,
    places,
    statuses,
    thai_text,
    units,
)
from normalizers.statuses import MeasureStatus
from parsers.ita.records import (
    ItaDocument,
    MeasureKind,
    PrintedField,
    PrintedListedResult,
    PrintedMeasure,
    PrintedScore,
)
from parsers.layout import Document, Method, Provenance, Table, TextLine
from pipeline import plausibility
from pipeline.store.result import Extraction
from pipeline.store.schema import (
    DocStatus,
    DocumentRow,
    FindingRow,
    ListedScoreRow,
    MeasureRow,
    OwnerRow,
    ScoreRow,
    SignatoryRow,
    StatusRow,
)
from thai.numbering import split_numbering


@dataclass(frozen=True)
class SourceInfo:
    doc_id: str  # sha256 hex of the file's bytes
    source_name: str
    source_path: str
    extractor_version: str


@dataclass(frozen=True)
class DocKeys:
    """The columns every table repeats so that a flat table is useful without joins."""

    doc_id: str
    org_name: str | None
    org_id: str | None
    province: str | None
    fiscal_year_be: int | None

    def fields(self) -> dict:
        return dataclasses.asdict(self)


def _where(prov: Provenance) -> dict:
    """A value row's provenance columns: page, how it was read, its box, its OCR confidence."""
    return {"page": prov.page, "method": prov.method,
            "bbox": [round(v, 1) for v in prov.bbox] if prov.bbox else None,
            "confidence": round(prov.confidence, 1) if prov.confidence is not None else None}


def _text(printed: PrintedField | None) -> str | None:
    return thai_text.clean(printed.text) if printed is not None else None


def _raw(printed: PrintedField | None) -> str | None:
    return printed.text if printed is not None else None


def _ocr_confidence(layout: Document) -> float | None:
    values = []
    for block in layout.blocks():
        if isinstance(block, TextLine):
            values.append(block.prov.confidence)
        elif isinstance(block, Table):
            values.extend(c.prov.confidence for row in block.grid for c in row)
    values = [v for v in values if v is not None]
    return round(sum(values) / len(values), 2) if values else None


def _org_as_named(name: str) -> orgs.Org:
    """A body as its name says: a local administration (or a body `orgs` knows) by its canonical
    name, any other (a provincial office) as printed, with org_type other."""
    return orgs.parse_org(name) or orgs.Org(name, "other")


def _issuer(printed: PrintedField | None) -> orgs.Org | None:
    """An announcement's or an order's issuer."""
    name = _text(printed)
    return _org_as_named(name) if name is not None else None


def document_row(source: SourceInfo, layout: Document, ita: ItaDocument) -> DocumentRow:
    h = ita.header
    org = orgs.parse_org(_raw(h.org_name)) or _issuer(h.issuer)
    province = places.parse_province(_raw(h.province))
    if province is None:
        province = places.province_from_reference(_raw(h.reference_no))
    district = places.parse_district(_raw(h.district))
    place = gazetteer.locate(org.name if org else None, org.org_type if org else None, district,
                             province.name if province else None)
    if province is None and place.province is not None:  # the organisation's name says it
        province = places.parse_province(place.province)
    fiscal_year_be = dates.be_year(_raw(h.fiscal_year))
    overall = numerals.parse_score(_raw(h.overall_score))
    # A scan's grade letter alone is read as a digit (`อยู่ในระดับ 8` for B); the score's band says which.
    grade, grade_corrected = grades.grade_cell(_raw(h.grade), overall)
    warnings = [place.warning] if place.warning else []
    if grade_corrected:
        warnings.append("grade_ocr_corrected")
    reference_no = places.canonical_reference_no(_raw(h.reference_no))
    if h.reference_no is not None and h.reference_no.prov.method == Method.OCR:
        # A letter code one look-alike letter off the code of the province the document names
        # (`พส` read for พล on a Phitsanulok office's letter) is that province's, said in a warning.
        fixed = places.letter_code_misread(reference_no, province)
        if fixed is not None:
            warnings.append(f"reference_code_ocr_corrected:{reference_no}->{fixed}")
            reference_no = fixed
    document = DocumentRow(
        doc_id=source.doc_id, source_name=source.source_name, source_path=source.source_path,
        source_kind=layout.source_kind, page_count=layout.page_count, form=h.form,
        doc_type=h.doc_type, title=_text(h.title), department=_text(h.department),
        department_phone=numerals.phone_number(_raw(h.department_phone)),
        subject=_text(h.subject), addressee=_text(h.addressee),
        org_name=org.name if org else None, org_type=org.org_type if org else None,
        district=district,
        province=province.name if province else None,
        province_iso=province.iso if province else None,
        province_code=place.province_code, district_code=place.district_code,
        subdistrict_code=place.subdistrict_code,
        fiscal_year_be=fiscal_year_be,
        fiscal_year=dates.be_to_ce(fiscal_year_be) if fiscal_year_be else None,
        assessed_year_be=dates.be_year(_raw(h.assessed_year)),
        overall_score=overall, grade=grade,
        doc_date=dates.parse_thai_date(_raw(h.doc_date)),
        reference_no=reference_no,
        method=layout.method, ocr_confidence=_ocr_confidence(layout), status=DocStatus.SUCCESS,
        warnings=warnings, extractor_version=source.extractor_version)
    document.org_id = identity.org_id(document.org_name, document.org_type, document.province_code,
                                      document.district_code, document.subdistrict_code)
    document.report_key = identity.report_key(document.org_id, document.doc_type, document.fiscal_year_be,
                                              document.assessed_year_be, document.doc_date)
    return document


def _indicator_ref(printed_no: str | None, label: str | None, warnings: list[str],
                   read_by_ocr: bool = False) -> indicators.IndicatorRef | None:
    ref = indicators.resolve_indicator(f"ตัวชี้วัดที่ {printed_no} {label or ''}")
    if ref.no is None:
        return None
    named = indicators.indicator_by_name(ref.name_printed)
    if read_by_ocr and named is not None and named != ref.no:
        # As printed, a number wins over a name at odds with it (the report's own slip); as OCR
        # read it, one glyph (๖ read as ๒) is likelier wrong than an indicator's whole name.
        warnings.append(f"indicator_no_misread:{ref.no}->{named}")
        return indicators.IndicatorRef(named, indicators.indicator_by_no(named).name, ref.name_printed)  # type: ignore[union-attr]
    if ref.warning:
        warnings.append(ref.warning)
    return ref


def _read_in_table_by_ocr(printed: PrintedScore) -> bool:
    """An item's or indicator's score as OCR read it: one of the many a report's tables print
    alike, where a lost digit shows."""
    return printed.prov.method == Method.OCR and printed.scope in ("item", "indicator")


def score_rows(ita: ItaDocument, keys: DocKeys, assessed_year_be: int | None,
               warnings: list[str]) -> list[ScoreRow]:
    rows: list[ScoreRow] = []
    seen: set[tuple] = set()
    # An item's score printed twice with one value (the per-question section and the action
    # table) is one fact; the printing that says which indicator it is of gives that.
    item_rows: dict[tuple[str, float], ScoreRow] = {}
    places_read = _usual_decimals(s.value for s in ita.scores if _read_in_table_by_ocr(s))
    for printed in ita.scores:
        value = numerals.parse_score(printed.value)
        if value is None:
            warnings.append(f"score_out_of_range:{numerals.thai_to_arabic(printed.value)}")
            continue
        if _read_in_table_by_ocr(printed) and (numerals.has_lost_digit(printed.value) or (
                places_read is not None and numerals.decimals(printed.value) != places_read)):
            # OCR lost a digit (`00.00` for 100.00, `30` for 99.30): no score rather than another
            warnings.append(f"score_unread:{numerals.thai_to_arabic(printed.value)}")
            continue
        row = ScoreRow(**keys.fields(), assessed_year_be=assessed_year_be, scope=printed.scope,
                       score=value, **_where(printed.prov), name_printed=thai_text.clean(printed.label))
        if printed.scope == "indicator":
            ref = _indicator_ref(printed.indicator, printed.label, warnings, printed.prov.method == Method.OCR)
            if ref is None:
                continue
            row.indicator_no, row.indicator_name = ref.no, ref.name
            row.tool = indicators.tool_of(ref.no) if ref.no is not None else None
        elif printed.scope == "item":
            row.item_code = items.item_code(printed.item_code)
            if row.item_code is None:
                continue
            # The code's letter is its tool's (an `e` item is EIT's), whatever part it is of.
            row.tool = printed.tool if printed.tool in ("EIT1", "EIT2") else items.tool_of_item(row.item_code)
            ref = _indicator_ref(printed.indicator, None, warnings) if printed.indicator else None
            if ref is not None and ref.no is not None \
                    and indicators.tool_of(ref.no) != items.tool_of_item(row.item_code):
                # A group row above that OCR could not read left the one before it in force.
                warnings.append(f"item_indicator_mismatch:{row.item_code}")
                ref = None
            if ref is not None:
                row.indicator_no, row.indicator_name = ref.no, ref.name
            same = item_rows.get((row.item_code, value))
            if same is not None:
                if same.indicator_no is None:
                    same.indicator_no, same.indicator_name = row.indicator_no, row.indicator_name
                continue
            item_rows[(row.item_code, value)] = row
        elif printed.scope == "tool":
            row.tool = printed.tool
        else:
            row.grade = grades.parse_grade(printed.grade)
        key = (row.scope, row.tool, row.indicator_no, row.item_code, row.score)
        if key in seen:  # the same score printed twice (a table and a sentence): one fact
            continue
        seen.add(key)
        rows.append(row)
    return rows


@dataclass
class _Measure:
    """A measure on its way to rows: normalised values, and the printed rows it came from."""

    printed: PrintedMeasure
    number: str | None
    title: str
    indicator_no: int | None
    indicator_name: str | None
    item_code: str | None
    owners: list[units.Owner] = field(default_factory=list)
    owner_filled_down: bool = False
    partner: PrintedMeasure | None = None  # the same measure's row in the other table


def _normalise_measure(printed: PrintedMeasure, warnings: list[str]) -> _Measure:
    number_printed, title = split_numbering(printed.title)
    number = numerals.canonical_number(printed.number or number_printed)
    ref = indicators.resolve_indicator(printed.indicator) if printed.indicator else None
    if ref is not None and ref.warning:
        warnings.append(ref.warning)
    owner_text = printed.owner.text if printed.owner else None
    return _Measure(printed=printed, number=number, title=thai_text.clean(title) or "",
                    indicator_no=ref.no if ref else None, indicator_name=ref.name if ref else None,
                    item_code=items.item_code(printed.item_code),
                    owners=units.parse_owners(owner_text),
                    owner_filled_down=bool(printed.owner and printed.owner.filled_down))


# OCR reads the same title differently in the two tables (`ทับซ้อน` / `ทับข้อน`, stray marks
# between words), so titles are matched by likeness, not equality.
_SAME_TITLE = 0.85


def _join_plan_and_status(measures: list[_Measure]) -> list[_Measure]:
    """A measure printed in a plan table and again in a status table (same printed number, and
    the same title give or take OCR's slips) is one measure: the report row keeps its status,
    the plan row gives what it lacks."""
    kept: list[_Measure] = []
    for m in measures:
        candidates = [o for o in kept if m.number and o.number == m.number and o.partner is None
                      and o.printed.kind != m.printed.kind]
        other = max(candidates, key=lambda o: thai_text.likeness(o.title, m.title), default=None)
        if other is not None and thai_text.likeness(other.title, m.title) >= _SAME_TITLE:
            plan, report = (other, m) if other.printed.kind == MeasureKind.PLAN else (m, other)
            owners, filled = ((plan.owners, plan.owner_filled_down) if plan.owners
                              else (report.owners, report.owner_filled_down))
            other.printed, other.partner = report.printed, plan.printed
            other.owners, other.owner_filled_down = owners, filled
            other.indicator_no = other.indicator_no or m.indicator_no
            other.indicator_name = other.indicator_name or m.indicator_name
            continue
        kept.append(m)
    return kept


def _pick(m: _Measure, attr: str):
    """A value from the measure's own row, else from its partner row in the other table."""
    value = getattr(m.printed, attr)
    if not value and m.partner is not None:
        value = getattr(m.partner, attr)
    return value


def _status(m: _Measure, as_of: dt.date | None, keys: DocKeys, measure_id: str) -> StatusRow:
    printed = m.printed
    base = dict(**keys.fields(), measure_id=measure_id, as_of=as_of, **_where(printed.prov))
    if printed.kind == MeasureKind.PLAN:
        return StatusRow(**base, status=MeasureStatus.PLANNED, evidence="row of a plan table")
    if printed.status_ticked:
        status = statuses.status_from_text(printed.status_ticked) or MeasureStatus.REPORTED
        return StatusRow(**base, status=status, status_th=thai_text.clean(printed.status_ticked),
                         evidence="ticked column of the status table")
    if printed.status_printed:
        status = statuses.status_from_text(printed.status_printed) or MeasureStatus.REPORTED
        return StatusRow(**base, status=status, status_th=thai_text.clean(printed.status_printed),
                         evidence="status cell")
    return StatusRow(**base, status=MeasureStatus.REPORTED, evidence="row of a report table with results")


def _item_indicators(scores: list[ScoreRow]) -> dict[str, int]:
    """The indicator of each item, where the document says it (an item row under its indicator)."""
    found: dict[str, set[int]] = {}
    for s in scores:
        if s.scope == "item" and s.item_code and s.indicator_no is not None:
            found.setdefault(s.item_code, set()).add(s.indicator_no)
    return {code: next(iter(nos)) for code, nos in found.items() if len(nos) == 1}


def measure_rows(ita: ItaDocument, keys: DocKeys, doc_date: dt.date | None, warnings: list[str],
                 scores: list[ScoreRow] | None = None) -> tuple[list[MeasureRow], list[OwnerRow], list[StatusRow]]:
    measures = _join_plan_and_status([_normalise_measure(p, warnings) for p in ita.measures])
    item_indicators = _item_indicators(scores or [])
    for m in measures:
        if m.indicator_no is None and m.item_code in item_indicators:
            m.indicator_no = item_indicators[m.item_code]
            m.indicator_name = indicators.indicator_by_no(m.indicator_no).name  # type: ignore[union-attr]
    rows, owners, status_rows = [], [], []
    for ordinal, m in enumerate(measures, start=1):
        measure_id = f"{keys.doc_id[:16]}-{ordinal:03d}"
        period_text = thai_text.clean(_pick(m, "period"))
        period = dates.parse_period(period_text, default_fiscal_year_be=keys.fiscal_year_be)
        if dates.period_in_doubt(period_text):
            warnings.append(f"period_in_doubt:{measure_id}")
        monitoring = thai_text.clean(_pick(m, "monitoring"))
        steps = [thai_text.clean(split_numbering(s)[1]) for s in _pick(m, "steps") or []]
        rows.append(MeasureRow(
            **keys.fields(), measure_id=measure_id, ordinal=ordinal, number=m.number,
            kind=m.printed.kind, indicator_no=m.indicator_no, indicator_name=m.indicator_name,
            item_code=m.item_code, title=m.title, guideline=thai_text.clean(_pick(m, "guideline")),
            rationale=thai_text.clean(_pick(m, "rationale")), steps=[s for s in steps if s],
            period_text=period_text, period_start=period.start if period else None,
            period_end=period.end if period else None, monitoring_text=monitoring,
            monitoring_months=dates.monitoring_months(monitoring),
            result_text=thai_text.clean(m.printed.result), **_where(m.printed.prov),
            table_no=m.printed.table_no))
        for owner in m.owners:
            owners.append(OwnerRow(**keys.fields(), measure_id=measure_id, owner_raw=owner.owner_raw,
                                   unit_key=owner.unit_key, unit_th=owner.unit_th,
                                   section_th=owner.section_th, filled_down=m.owner_filled_down,
                                   **_where(m.printed.prov)))
        status_rows.append(_status(m, doc_date, keys, measure_id))
    return rows, owners, status_rows


def finding_rows(ita: ItaDocument, keys: DocKeys) -> list[FindingRow]:
    rows = []
    for f in ita.findings:
        ref = indicators.resolve_indicator(f.indicator) if f.indicator else None
        rows.append(FindingRow(**keys.fields(), indicator_no=ref.no if ref else None, kind=f.kind,
                               text=thai_text.clean(f.text) or "", page=f.prov.page))
    return rows


def signatory_rows(ita: ItaDocument, keys: DocKeys) -> list[SignatoryRow]:
    return [SignatoryRow(**keys.fields(), ordinal=i, name=thai_text.clean(s.name) or s.name,
                         position=thai_text.clean(s.position), role=s.role, page=s.prov.page)
            for i, s in enumerate(ita.signatories, start=1)]


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


def _usual_decimals(cells: Iterable[str | None]) -> int | None:
    """The decimals nearly every score of a list or table is printed with (19 in 20), if any."""
    counts: dict[int, int] = {}
    for cell in cells:
        places = numerals.decimals(cell)
        if places is not None:
            counts[places] = counts.get(places, 0) + 1
    usual = max(counts, key=lambda k: counts[k], default=None)
    return usual if usual is not None and counts[usual] >= 0.95 * sum(counts.values()) else None


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
    places_printed = _usual_decimals(cell for printed in ita.listed for cell in printed.scores.values())
    corrected_grades = 0
    rows: list[ListedScoreRow] = []
    for printed, row_no in zip(ita.listed, numbers):
        name = thai_text.clean(printed.name) or printed.name
        org = _org_as_named(name)
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


def _name_values(scores: list[ScoreRow], measures: list[MeasureRow], owners: list[OwnerRow],
                 status_rows: list[StatusRow]) -> None:
    """Every value row's value_id: by its order in the document, which the same bytes and
    version always give, so that a correction keyed by it finds it again."""
    for n, score in enumerate(scores, start=1):
        score.value_id = f"{score.doc_id[:16]}-s{n:03d}"
    for row in (*measures, *status_rows):
        row.value_id = row.measure_id
    per_measure: dict[str, int] = {}
    for owner in owners:
        per_measure[owner.measure_id] = per_measure.get(owner.measure_id, 0) + 1
        owner.value_id = f"{owner.measure_id}-o{per_measure[owner.measure_id]}"


def assemble(source: SourceInfo, layout: Document, ita: ItaDocument) -> Extraction:
    document = document_row(source, layout, ita)
    keys = DocKeys(doc_id=source.doc_id, org_name=document.org_name, org_id=document.org_id,
                   province=document.province,
                   fiscal_year_be=document.fiscal_year_be)
    warnings: list[str] = list(document.warnings) + list(layout.warnings) + list(ita.warnings)
    scores = score_rows(ita, keys, document.assessed_year_be, warnings)
    warnings.extend(plausibility.score_arithmetic(scores))
    warnings.extend(plausibility.score_conflicts(scores))
    measures, owners, status_rows = measure_rows(ita, keys, document.doc_date, warnings, scores)
    listed = listed_score_rows(ita, keys, document.assessed_year_be, warnings)
    _name_values(scores, measures, owners, status_rows)
    document.warnings = sorted(set(warnings))
    return Extraction(document=document, scores=scores, measures=measures, owners=owners,
                      statuses=status_rows, findings=finding_rows(ita, keys),
                      signatories=signatory_rows(ita, keys), listed_scores=listed)
