"""The documents row: the header as printed → the document's body, place, year, score and date."""
from __future__ import annotations

from dataclasses import dataclass

from normalizers import dates, gazetteer, grades, identity, numerals, orgs, places, thai_text, years
from parsers.ita.records import Header, ItaDocument, PrintedField
from parsers.layout import Document, Method, Table, TextLine
from pipeline.assemble.context import SourceInfo
from pipeline.assemble.shared import org_as_named
from pipeline.schema import DocStatus, DocumentRow


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
    known = [v for v in values if v is not None]
    return round(sum(known) / len(known), 2) if known else None


def _issuer(printed: PrintedField | None) -> orgs.Org | None:
    """An announcement's or an order's issuer."""
    name = _text(printed)
    return org_as_named(name) if name is not None else None


@dataclass(frozen=True)
class _Located:
    """The document's body and where it is, as its header names them and the gazetteer finds."""

    org: orgs.Org | None
    district: str | None
    province: places.Province | None
    place: gazetteer.Place


def _locate(h: Header) -> _Located:
    org = orgs.parse_org(_raw(h.org_name)) or _issuer(h.issuer)
    province = places.parse_province(_raw(h.province))
    if province is None:
        province = places.province_from_reference(_raw(h.reference_no))
    district = places.parse_district(_raw(h.district))
    place = gazetteer.locate(org.name if org else None, org.org_type if org else None, district,
                             province.name if province else None)
    if province is None and place.province is not None:  # the organisation's name says it
        province = places.parse_province(place.province)
    return _Located(org, district, province, place)


def _reference_no(h: Header, province: places.Province | None) -> tuple[str | None, str | None]:
    """The letter's reference number, and a warning when OCR's misread of its letter code was undone."""
    reference_no = places.canonical_reference_no(_raw(h.reference_no))
    if h.reference_no is not None and h.reference_no.prov.method == Method.OCR:
        # A letter code one look-alike letter off the code of the province the document names
        # (`พส` read for พล on a Phitsanulok office's letter) is that province's, said in a warning.
        fixed = places.letter_code_misread(reference_no, province)
        if fixed is not None:
            return fixed, f"reference_code_ocr_corrected:{reference_no}->{fixed}"
    return reference_no, None


def document_row(source: SourceInfo, layout: Document, ita: ItaDocument) -> DocumentRow:
    """The documents row, with the warnings its own values give (the stage adds the others)."""
    h = ita.header
    found = _locate(h)
    org, province, place = found.org, found.province, found.place
    fiscal_year_be = years.be_year(_raw(h.fiscal_year))
    overall = numerals.parse_score(_raw(h.overall_score))
    # A scan's grade letter alone is read as a digit (`อยู่ในระดับ 8` for B); the score's band says which.
    grade, grade_corrected = grades.grade_cell(_raw(h.grade), overall)
    reference_no, reference_fixed = _reference_no(h, province)
    warnings = [w for w in (place.warning, "grade_ocr_corrected" if grade_corrected else None,
                            reference_fixed) if w]
    document = DocumentRow(
        doc_id=source.doc_id, source_name=source.source_name, source_path=source.source_path,
        source_kind=layout.source_kind, page_count=layout.page_count, form=h.form,
        doc_type=h.doc_type, title=_text(h.title), department=_text(h.department),
        department_phone=numerals.phone_number(_raw(h.department_phone)),
        subject=_text(h.subject), addressee=_text(h.addressee),
        org_name=org.name if org else None, org_type=org.org_type if org else None,
        district=found.district,
        province=province.name if province else None,
        province_iso=province.iso if province else None,
        province_code=place.province_code, district_code=place.district_code,
        subdistrict_code=place.subdistrict_code,
        fiscal_year_be=fiscal_year_be,
        fiscal_year=years.be_to_ce(fiscal_year_be) if fiscal_year_be else None,
        assessed_year_be=years.be_year(_raw(h.assessed_year)),
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
