"""Every output column, defined once: its Arrow type, its description and its allowed values.

Each output table is a dataclass of rows; each field is declared with `column(...)`, which stores
the Arrow type, the description and the vocabulary in the field's metadata. The Parquet schemas
are built from these (pipeline.store.arrow: the description goes into the Parquet field metadata), the
normalisers' vocabularies are checked against them in tests, and the README's table listing is
generated from them. The contract itself is `../shared/spec/SCHEMA.md`.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, ClassVar

import pyarrow as pa

from normalizers.statuses import MeasureStatus
from parsers.ita.records import DocType, Form, MeasureKind
from parsers.layout import Method, SourceKind


class DocStatus(StrEnum):
    """`documents.status`: how the extraction of a file went."""

    SUCCESS = "success"
    PARTIAL = "partial"  # read, but something is missing or doubtful: see `errors`
    FAILED = "failed"  # nothing could be read: see `errors`


class Stage(StrEnum):
    """`errors.stage`: the pipeline stage that met a problem."""

    READ = "read"
    TRIAGE = "triage"
    EXTRACT = "extract"
    PARSE = "parse"
    NORMALISE = "normalise"
    WRITE = "write"


# ---- vocabularies -------------------------------------------------------------------------
# The enums are defined where their values are decided (the reader, the parser, a
# normaliser, the pipeline); these are the columns' allowed values, in the order listed.
SOURCE_KINDS = tuple(SourceKind)
FORMS = tuple(Form)
DOC_TYPES = tuple(DocType)
ORG_TYPES = ("sao", "pao", "subdistrict_municipality", "town_municipality", "city_municipality",
             "bangkok", "pattaya", "other")
GRADES = ("AA", "A", "B", "C", "D", "E", "F",
          "pass_excellent", "pass_good", "pass", "improve", "improve_urgent")
DOC_METHODS = tuple(Method)
ITEM_METHODS = tuple(m for m in Method if m != Method.MIXED)
DOC_STATUSES = tuple(DocStatus)
SCORE_SCOPES = ("overall", "tool", "indicator", "item")
TOOLS = ("IIT", "EIT", "EIT1", "EIT2", "OIT")
MEASURE_KINDS = tuple(MeasureKind)
UNIT_KEYS = ("clerk_office", "finance_division", "engineering_division", "education_division",
             "public_health_division", "social_welfare_division", "agriculture_division",
             "strategy_division", "personnel_division", "internal_audit", "executives",
             "all_units", "working_group", "other")
MEASURE_STATUSES = tuple(MeasureStatus)
FINDING_KINDS = ("strength", "weakness", "positive_factor", "negative_factor", "issue", "suggestion")
SIGNATORY_ROLES = ("preparer", "reviewer", "approver", "signer")
ERROR_STAGES = tuple(Stage)

# The year every table carries (an earlier version partitioned the tables on it).
YEAR_COLUMN = "fiscal_year_be"


def column(arrow_type: pa.DataType, description: str, allowed: tuple[str, ...] | None = None,
           required: bool = False) -> Any:
    """Declare an output column. Required columns have no default; the rest default to null."""
    metadata = {"arrow_type": arrow_type, "description": description, "allowed": allowed}
    if required:
        return dataclasses.field(metadata=metadata)
    if arrow_type == pa.list_(pa.string()) or arrow_type == pa.list_(pa.int8()):
        return dataclasses.field(default_factory=list, metadata=metadata)
    return dataclasses.field(default=None, metadata=metadata)


# Columns that every table but `documents` repeats, so a flat table is useful without joins.
def _doc_id():
    return column(pa.string(), "sha256 hex of the source file's bytes: the version of its source "
                  "(source_path); copies at other paths share it", required=True)


def _org_name():
    return column(pa.string(), "canonical full name of the organisation, e.g. เทศบาลตำบลแร่")


def _org_id():
    return column(pa.string(), "stable id of the organisation, the same in every document and year: "
                  "<gazetteer code>-<org_type>-<digest of the name> (normalizers.identity)")


# Where a value was read (parsers.layout.Provenance), on every value row: a person checking it
# opens that page at that box.
def _method():
    return column(pa.string(), "how the value was read: text layer, OCR or markup", ITEM_METHODS)


def _bbox():
    return column(pa.list_(pa.float64()), "where on the page: x0, top, x1, bottom in page points "
                  "(y down); null for text files")


def _confidence():
    return column(pa.float64(), "mean OCR word confidence 0–100 of what the value was read from; "
                  "null without OCR")


def _value_id():
    return column(pa.string(), "stable id of the value, the same whenever these bytes are extracted "
                  "by this version: the key of a correction (ita-extract review)")


def _corrected():
    return column(pa.list_(pa.string()), "columns a person's correction set (corrections.csv); "
                  "empty when the row is as extracted")


def _province():
    return column(pa.string(), "canonical Thai province name, no จังหวัด prefix")


def _fiscal_year():
    return column(pa.int32(), "Buddhist-era fiscal year the document is about (its title year)")


# A score and a measure name the same questionnaire item the same way.
def _item_code():
    return column(pa.string(), "questionnaire item (of a score, or that a measure acts on), lowercase "
                  "letter and Arabic digits, e.g. i7, e10, o1")


@dataclass(kw_only=True)
class DocumentRow:
    TABLE: ClassVar[str] = "documents"
    doc_id: str = _doc_id()
    source_name: str = column(pa.string(), "file name as given", required=True)
    source_path: str = column(pa.string(), "path as given (or found under a folder given), normalised: "
                              "the source, one row each; a new version replaces the row", required=True)
    source_kind: str | None = column(pa.string(), "what the file is", SOURCE_KINDS)
    page_count: int | None = column(pa.int32(), "pages read from the file")
    form: str | None = column(pa.string(), "document form", FORMS)
    doc_type: str | None = column(pa.string(), "what the document is about", DOC_TYPES)
    title: str | None = column(pa.string(), "title as printed, whitespace normalised")
    department: str | None = column(pa.string(), "memo ส่วนราชการ line, without the telephone printed after it")
    department_phone: str | None = column(pa.string(), "telephone printed after the department, Arabic digits, e.g. 0-5583-2100")
    subject: str | None = column(pa.string(), "memo, announcement or order เรื่อง line")
    addressee: str | None = column(pa.string(), "memo เรียน line")
    org_name: str | None = _org_name()
    org_id: str | None = _org_id()
    org_type: str | None = column(pa.string(), "type of organisation", ORG_TYPES)
    district: str | None = column(pa.string(), "canonical Thai district name, no อำเภอ prefix")
    province: str | None = _province()
    province_iso: str | None = column(pa.string(), "ISO 3166-2 code of the province, e.g. TH-41")
    province_code: str | None = column(pa.string(), "DOPA code of the province (2 digits, e.g. 41), from the gazetteer")
    district_code: str | None = column(
        pa.string(), "DOPA code of the district (4 digits) the organisation lies in, from the gazetteer: "
        "from its name or the printed district; set where `district` (as printed) may be null")
    subdistrict_code: str | None = column(
        pa.string(), "DOPA code of the subdistrict (6 digits) a subdistrict administration or "
        "municipality is named after, where the printed district or province tells which")
    fiscal_year_be: int | None = _fiscal_year()
    fiscal_year: int | None = column(pa.int32(), "fiscal_year_be in the Common Era (BE − 543)")
    assessed_year_be: int | None = column(pa.int32(), "ITA round whose results the document reports")
    overall_score: float | None = column(pa.float64(), "overall ITA score of that round, 0–100")
    grade: str | None = column(pa.string(), "grade as printed, in the vocabulary", GRADES)
    doc_date: dt.date | None = column(pa.date32(), "date printed on the document (a memo's วันที่, an announcement's or order's ประกาศ/สั่ง ณ วันที่)")
    reference_no: str | None = column(pa.string(), "number (ที่ ...) of a memo or an order, Arabic digits")
    report_key: str | None = column(
        pa.string(), "the same for one report in any format (text, PDF, scan, image): its "
        "organisation, doc_type, years and date (normalizers.identity); null without an organisation")
    method: str | None = column(pa.string(), "how the text was read", DOC_METHODS)
    ocr_confidence: float | None = column(pa.float64(), "mean OCR word confidence 0–100; null without OCR")
    status: str = column(pa.string(), "extraction outcome", DOC_STATUSES, required=True)
    warnings: list[str] = column(pa.list_(pa.string()), "machine-readable warning codes, e.g. indicator_name_mismatch:3")
    extractor_version: str = column(pa.string(), "version of ita-extract that wrote the row", required=True)


@dataclass(kw_only=True)
class ScoreRow:
    TABLE: ClassVar[str] = "scores"
    doc_id: str = _doc_id()
    org_name: str | None = _org_name()
    org_id: str | None = _org_id()
    province: str | None = _province()
    fiscal_year_be: int | None = _fiscal_year()
    assessed_year_be: int | None = column(pa.int32(), "ITA round the score belongs to")
    scope: str = column(pa.string(), "what the score measures", SCORE_SCOPES, required=True)
    tool: str | None = column(pa.string(), "assessment tool; null for overall", TOOLS)
    indicator_no: int | None = column(pa.int8(), "ITA indicator 1–10 (for indicator and item scores)")
    item_code: str | None = _item_code()
    indicator_name: str | None = column(pa.string(), "canonical Thai name of indicator_no")
    name_printed: str | None = column(pa.string(), "the label as printed")
    score: float = column(pa.float64(), "score 0–100", required=True)
    grade: str | None = column(pa.string(), "grade printed with an overall score", GRADES)
    page: int | None = column(pa.int32(), "1-based page the score was read from")
    method: str | None = _method()
    bbox: list[float] | None = _bbox()
    confidence: float | None = _confidence()
    value_id: str | None = _value_id()
    corrected: list[str] = _corrected()


@dataclass(kw_only=True)
class MeasureRow:
    TABLE: ClassVar[str] = "measures"
    measure_id: str = column(pa.string(), "stable id: <doc_id[:16]>-<ordinal:03d>", required=True)
    doc_id: str = _doc_id()
    org_name: str | None = _org_name()
    org_id: str | None = _org_id()
    province: str | None = _province()
    fiscal_year_be: int | None = _fiscal_year()
    ordinal: int = column(pa.int32(), "1-based order of the measure in the document", required=True)
    number: str | None = column(pa.string(), "printed number in Arabic digits, no trailing dot (3, 3.2)")
    kind: str = column(pa.string(), "plan table row or report/status table row", MEASURE_KINDS, required=True)
    indicator_no: int | None = column(pa.int8(), "ITA indicator the row belongs to, else null")
    indicator_name: str | None = column(pa.string(), "canonical Thai name of indicator_no")
    item_code: str | None = _item_code()
    title: str = column(pa.string(), "the measure/project/action, numbering stripped", required=True)
    guideline: str | None = column(pa.string(), "แนวทาง / แนวทางการปฏิบัติ column")
    rationale: str | None = column(pa.string(), "ผลการวิเคราะห์ / ข้อค้นพบ column")
    steps: list[str] = column(pa.list_(pa.string()), "ขั้นตอน / วิธีการ items, numbering stripped")
    period_text: str | None = column(pa.string(), "period as printed")
    period_start: dt.date | None = column(pa.date32(), "first day of the resolved period")
    period_end: dt.date | None = column(pa.date32(), "last day of the resolved period")
    monitoring_text: str | None = column(pa.string(), "การกำกับติดตาม column as printed")
    monitoring_months: list[int] = column(pa.list_(pa.int8()), "reporting rounds in months, e.g. [6, 12]")
    result_text: str | None = column(pa.string(), "reported results (สรุปผล / ผลลัพธ์)")
    page: int | None = column(pa.int32(), "1-based page of the measure's row")
    method: str | None = _method()
    bbox: list[float] | None = _bbox()
    confidence: float | None = _confidence()
    value_id: str | None = _value_id()
    corrected: list[str] = _corrected()
    table_no: int | None = column(pa.int32(), "1-based number of the table in the document")


@dataclass(kw_only=True)
class OwnerRow:
    TABLE: ClassVar[str] = "owners"
    measure_id: str = column(pa.string(), "the measure", required=True)
    doc_id: str = _doc_id()
    org_name: str | None = _org_name()
    org_id: str | None = _org_id()
    province: str | None = _province()
    fiscal_year_be: int | None = _fiscal_year()
    owner_raw: str = column(pa.string(), "the cell as printed, whitespace normalised", required=True)
    unit_key: str = column(pa.string(), "responsible unit", UNIT_KEYS, required=True)
    unit_th: str = column(pa.string(), "canonical Thai unit name (as printed for other)", required=True)
    section_th: str | None = column(pa.string(), "sub-unit (งาน/ฝ่าย), e.g. งานนิติการ")
    filled_down: bool | None = column(pa.bool_(), "true when the cell was empty and took the merged value above")
    page: int | None = column(pa.int32(), "1-based page of the measure's row")
    method: str | None = _method()
    bbox: list[float] | None = _bbox()
    confidence: float | None = _confidence()
    value_id: str | None = _value_id()
    corrected: list[str] = _corrected()


@dataclass(kw_only=True)
class StatusRow:
    TABLE: ClassVar[str] = "statuses"
    measure_id: str = column(pa.string(), "the measure", required=True)
    doc_id: str = _doc_id()
    org_name: str | None = _org_name()
    org_id: str | None = _org_id()
    province: str | None = _province()
    fiscal_year_be: int | None = _fiscal_year()
    status: str = column(pa.string(), "status of the measure", MEASURE_STATUSES, required=True)
    status_th: str | None = column(pa.string(), "the printed status or the ticked column header")
    evidence: str | None = column(pa.string(), "what the status was read from")
    as_of: dt.date | None = column(pa.date32(), "doc_date where known")
    page: int | None = column(pa.int32(), "1-based page the status was read from")
    method: str | None = _method()
    bbox: list[float] | None = _bbox()
    confidence: float | None = _confidence()
    value_id: str | None = _value_id()
    corrected: list[str] = _corrected()


@dataclass(kw_only=True)
class FindingRow:
    TABLE: ClassVar[str] = "findings"
    doc_id: str = _doc_id()
    org_name: str | None = _org_name()
    org_id: str | None = _org_id()
    province: str | None = _province()
    fiscal_year_be: int | None = _fiscal_year()
    indicator_no: int | None = column(pa.int8(), "ITA indicator the finding is about")
    kind: str = column(pa.string(), "strength, weakness, ...", FINDING_KINDS, required=True)
    text: str = column(pa.string(), "the finding as printed, whitespace normalised", required=True)
    page: int | None = column(pa.int32(), "1-based page")


@dataclass(kw_only=True)
class SignatoryRow:
    TABLE: ClassVar[str] = "signatories"
    doc_id: str = _doc_id()
    org_name: str | None = _org_name()
    org_id: str | None = _org_id()
    province: str | None = _province()
    fiscal_year_be: int | None = _fiscal_year()
    ordinal: int = column(pa.int32(), "1-based order on the document", required=True)
    name: str = column(pa.string(), "name as printed, without parentheses", required=True)
    position: str | None = column(pa.string(), "position line as printed, without ตำแหน่ง")
    role: str | None = column(pa.string(), "role on the document", SIGNATORY_ROLES)
    page: int | None = column(pa.int32(), "1-based page")


@dataclass(kw_only=True)
class ListedScoreRow:
    """A results announcement's list of many bodies, long format: for each body listed, one row
    per score column the list prints (overall, IIT, EIT, OIT), a dash kept as a null score.
    `org_name` and `province` are the issuer's, as in `documents`; the body's are `listed_*`."""

    TABLE: ClassVar[str] = "listed_scores"
    doc_id: str = _doc_id()
    org_name: str | None = _org_name()
    org_id: str | None = _org_id()
    province: str | None = _province()
    fiscal_year_be: int | None = _fiscal_year()
    assessed_year_be: int | None = column(pa.int32(), "ITA round the scores belong to")
    row_no: int | None = column(pa.int32(), "the body's printed row number (ที่ / ลำดับ)")
    rank: int | None = column(pa.int32(), "the body's printed rank: an อันดับ column, or the row number of a list printed best score first")
    listed_name_printed: str = column(pa.string(), "the body's name as printed", required=True)
    listed_org_name: str | None = column(pa.string(), "canonical full name of the body listed (as printed where not a local administration)")
    listed_org_id: str | None = column(pa.string(), "stable id of the body listed, as org_id")
    listed_org_type: str | None = column(pa.string(), "type of the body listed", ORG_TYPES)
    listed_district: str | None = column(pa.string(), "the body's district (printed column), no อำเภอ prefix")
    listed_province: str | None = column(pa.string(), "the body's province: a printed column, else its name (gazetteer), else the issuer's own province")
    listed_province_code: str | None = column(pa.string(), "DOPA code of the body's province, from the gazetteer")
    listed_district_code: str | None = column(pa.string(), "DOPA code of the body's district, from the gazetteer")
    listed_subdistrict_code: str | None = column(pa.string(), "DOPA code of the subdistrict a local administration is named after, where its district or province tells which")
    scope: str = column(pa.string(), "which score of the body: overall or one tool", SCORE_SCOPES, required=True)
    tool: str | None = column(pa.string(), "assessment tool; null for overall", TOOLS)
    score: float | None = column(pa.float64(), "score 0–100; null where the list prints a dash (missing, not zero)")
    grade: str | None = column(pa.string(), "the body's grade as printed, on its overall row", GRADES)
    page: int | None = column(pa.int32(), "1-based page of the body's row")


@dataclass(kw_only=True)
class ErrorRow:
    TABLE: ClassVar[str] = "errors"
    source_path: str = column(pa.string(), "path as given (or found under a folder given), normalised: "
                              "the source, one row each; a new version replaces the row", required=True)
    doc_id: str | None = column(pa.string(), "sha256 of the file's bytes; null if it could not be read")
    org_name: str | None = _org_name()
    org_id: str | None = _org_id()
    province: str | None = _province()
    fiscal_year_be: int | None = _fiscal_year()
    stage: str = column(pa.string(), "pipeline stage that met the problem", ERROR_STAGES, required=True)
    code: str = column(pa.string(), "machine-readable problem code", required=True)
    message: str = column(pa.string(), "human-readable explanation", required=True)
    page: int | None = column(pa.int32(), "1-based page, where the problem is on one page")


@dataclass(kw_only=True)
class OrganisationRow:
    """An export's table (pipeline.commands.outputs), derived from documents and listed_scores."""

    TABLE: ClassVar[str] = "organisations"
    org_id: str = column(pa.string(), "stable id of the organisation (as org_id in every table)", required=True)
    org_name: str | None = _org_name()
    org_type: str | None = column(pa.string(), "type of organisation", ORG_TYPES)
    province: str | None = _province()
    province_code: str | None = column(pa.string(), "DOPA code of the province, from the gazetteer")
    province_en: str | None = column(pa.string(), "English name of the province, from the gazetteer")
    district_code: str | None = column(pa.string(), "DOPA code of the district, from the gazetteer")
    district_th: str | None = column(pa.string(), "Thai name of the district, from the gazetteer")
    district_en: str | None = column(pa.string(), "English name of the district, from the gazetteer")
    subdistrict_code: str | None = column(pa.string(), "DOPA code of the subdistrict, from the gazetteer")
    subdistrict_th: str | None = column(pa.string(), "Thai name of the subdistrict, from the gazetteer")
    subdistrict_en: str | None = column(pa.string(), "English name of the subdistrict, from the gazetteer")
    documents: int = column(pa.int32(), "documents of the organisation (each copy of a report counted)",
                            required=True)
    reports: int = column(pa.int32(), "distinct reports of the organisation (report_key)", required=True)
    listed_in: int = column(pa.int32(), "results announcements that list the organisation", required=True)


@dataclass(kw_only=True)
class VocabularyRow:
    """An export's lookup table (pipeline.store.dictionary.vocabularies): every coded value."""

    TABLE: ClassVar[str] = "vocabularies"
    vocabulary: str = column(pa.string(), "the column whose values these are", required=True)
    value: str = column(pa.string(), "the value as stored", required=True)
    sort_order: int = column(pa.int32(), "order of the value in its vocabulary; for grades, within "
                             "their scale, 1 the best", required=True)
    label_th: str | None = column(pa.string(), "Thai label")
    label_en: str | None = column(pa.string(), "English label")
    grade_scale: str | None = column(pa.string(), "grades: letter (AA–F) or pass_band (the newer rounds)")
    tool: str | None = column(pa.string(), "indicators: the assessment tool (IIT, EIT, OIT)")


@dataclass(kw_only=True)
class ReviewRow:
    """What a person should look at (pipeline.commands.outputs.review_table): a value in doubt,
    with the place on the page to look at and the value_id a correction takes."""

    TABLE: ClassVar[str] = "review"
    reason: str = column(pa.string(), "why: low_ocr_confidence, unknown_owner, a warning code of the "
                         "document (score_conflict, handwritten, period_in_doubt, ...) or an error code",
                         required=True)
    detail: str | None = column(pa.string(), "the warning or error as written, or the confidence")
    source_path: str | None = column(pa.string(), "the file to open")
    doc_id: str | None = column(pa.string(), "the document")
    org_name: str | None = _org_name()
    page: int | None = column(pa.int32(), "1-based page to look at, where known")
    bbox: list[float] | None = column(pa.list_(pa.float64()), "where on the page, where known")
    table_name: str | None = column(pa.string(), "the table of the value, for a value in doubt")
    value_id: str | None = column(pa.string(), "the value's id, the key of a correction")
    column_name: str | None = column(pa.string(), "the column in doubt")
    value: str | None = column(pa.string(), "the value as extracted")


ROW_TYPES: tuple[type, ...] = (DocumentRow, ScoreRow, MeasureRow, OwnerRow, StatusRow,
                               FindingRow, SignatoryRow, ListedScoreRow, ErrorRow)
TABLES: dict[str, type] = {t.TABLE: t for t in ROW_TYPES}
# Tables an export derives from those a run writes.
DERIVED_TABLES: dict[str, type] = {OrganisationRow.TABLE: OrganisationRow,
                                   VocabularyRow.TABLE: VocabularyRow, ReviewRow.TABLE: ReviewRow}
