"""What the ITA parser finds in a document, as printed.

These records hold text exactly as it stands on the page (Thai digits, Buddhist-era years,
unit names as written) plus where it was read. Turning them into canonical values is the
normalisers' job, done by `pipeline.assemble`. Three codes are the exception, because the page
does not print them whole and the parser has to recognise them to read the table at all: a
score's `tool` (`EIT1`), and the `item_code` of a per-question table's row or of an
analysis-to-action row matched to its question (`i14`); `parsers.ita.parse` says where each is set.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from parsers.layout import Provenance


class DocType(StrEnum):
    """What a document is about (`documents.doc_type`)."""

    MEASURES_PLAN = "measures_plan"  # a plan of measures (มาตรการ)
    MEASURES_REPORT = "measures_report"  # a report on the measures' progress
    ASSESSMENT_ANALYSIS = "assessment_analysis"  # an analysis of the assessment's scores
    RESULTS_ANNOUNCEMENT = "results_announcement"  # a parent agency's list of many bodies' results
    # Neighbouring documents a crawl brings in with the reports (issue 14, family 6): told by
    # their titles, never read for scores.
    ANTI_CORRUPTION_PLAN = "anti_corruption_plan"  # แผนปฏิบัติการป้องกันการทุจริต (often four years)
    INTEGRITY_DECLARATION = "integrity_declaration"  # an executive's เจตจำนงสุจริต
    PROJECT_REPORT = "project_report"  # a report on one project (รายงานผลการดำเนินโครงการ)
    PROCUREMENT_REPORT = "procurement_report"  # a procurement plan, table or analysis (จัดซื้อจัดจ้าง)
    OTHER = "other"  # not an ITA report, or a layout the parser does not know


class Form(StrEnum):
    """The document's form (`documents.form`)."""

    MEMO = "memo"  # บันทึกข้อความ
    REPORT = "report"
    ANNOUNCEMENT = "announcement"  # ประกาศ
    ORDER = "order"  # คำสั่ง
    LETTER = "letter"
    OTHER = "other"


class MeasureKind(StrEnum):
    """Whether a measure was read from a plan table or a report/status table (`measures.kind`)."""

    PLAN = "plan"
    REPORT = "report"


@dataclass
class PrintedField:
    """A header value as printed, with where it was read."""

    text: str
    prov: Provenance


@dataclass
class Header:
    form: Form = Form.OTHER
    doc_type: DocType = DocType.OTHER
    title: PrintedField | None = None
    org_name: PrintedField | None = None  # e.g. "เทศบาลเทศบาลตำบลแร่", "องค์การบริหารส่วนตำบลบ่อระ"
    issuer: PrintedField | None = None  # who announces or orders: ประกาศ<issuer> / คำสั่ง<issuer>
    district: PrintedField | None = None  # e.g. "อำเภอพังโคน"
    province: PrintedField | None = None  # e.g. "จังหวัดสกลนคร"
    fiscal_year: PrintedField | None = None  # the title's year phrase, e.g. "ประจำปีงบประมาณ ๒๕๖๕"
    assessed_year: PrintedField | None = None  # the year phrase of the ITA round reported
    overall_score: PrintedField | None = None  # e.g. "๙๐.๗๙"
    grade: PrintedField | None = None  # e.g. "A", "ผ่านดีเยี่ยม"
    # memo (บันทึกข้อความ) fields
    department: PrintedField | None = None  # ส่วนราชการ line, without its telephone
    department_phone: PrintedField | None = None  # the telephone after it, e.g. "๐-๕๕๘๓-๒๑๐๐"
    reference_no: PrintedField | None = None  # ที่ line, e.g. "ปน ๗๖๑๐๑/ -"
    doc_date: PrintedField | None = None  # วันที่ line, e.g. "๒๒ มีนาคม ๒๕๖๔"
    subject: PrintedField | None = None  # เรื่อง line
    addressee: PrintedField | None = None  # เรียน line

    @property
    def is_official_letter(self) -> bool:
        """A memo, letter, announcement or order whose own header was read: a layout the parser
        knows, ITA evidence even where it carries no measures or scores (issue 14, family 5)."""
        return (self.form in (Form.MEMO, Form.LETTER, Form.ANNOUNCEMENT, Form.ORDER)
                and any(f is not None for f in (self.subject, self.reference_no, self.doc_date)))


@dataclass
class PrintedScore:
    scope: str  # overall, tool, indicator, item
    value: str  # as printed, e.g. "๙๓.๔๖"
    prov: Provenance
    tool: str | None = None  # IIT, EIT, EIT1, EIT2, OIT where the document says
    indicator: str | None = None  # the indicator number as printed, e.g. "๘"
    item_code: str | None = None  # canonical, e.g. "i15" (recognised by the parser: see above)
    label: str | None = None  # the label as printed, e.g. "การปฏิบัติหน้าที่"
    grade: str | None = None  # grade printed beside an overall score
    # An item whose code OCR garbled, told by the codes of the rows around it: `item_code` is
    # then canonical (`e7`), and the document gets an `item_code_from_row_order` warning.
    code_from_row_order: bool = False


@dataclass
class PrintedOwner:
    text: str  # the owner cell as printed
    filled_down: bool = False  # empty cell that took the value of a merged cell above


@dataclass
class PrintedMeasure:
    """One logical row of a measures table."""

    kind: MeasureKind
    title: str
    prov: Provenance
    table_no: int  # 1-based number of the table in the document
    number: str | None = None  # printed numbering, e.g. "๑.", "๓.๒"
    indicator: str | None = None  # group label as printed, e.g. "ตัวชี้วัดที่ ๘ การปรับปรุงระบบการทำงาน"
    item_code: str | None = None  # questionnaire item the row acts on, e.g. "e๑"; canonical ("e1") where matched to its question
    item: str | None = None  # the item cell as printed, code and question
    item_score: str | None = None  # the item's score printed on the row, e.g. "๘๒.๓๙"
    guideline: str | None = None
    rationale: str | None = None
    steps: list[str] = field(default_factory=list)  # as printed, numbering kept
    period: str | None = None
    monitoring: str | None = None
    owner: PrintedOwner | None = None
    result: str | None = None
    status_printed: str | None = None  # a status cell's text, e.g. "ดำเนินการแล้ว"
    status_ticked: str | None = None  # header of the ticked column of a status matrix


@dataclass
class PrintedFinding:
    kind: str  # strength, weakness, positive_factor, negative_factor, issue, suggestion
    text: str
    prov: Provenance
    indicator: str | None = None  # the indicator label as printed


@dataclass
class PrintedSignatory:
    name: str  # without parentheses
    prov: Provenance
    position: str | None = None
    role: str | None = None  # preparer, reviewer, approver, signer


@dataclass
class PrintedListedResult:
    """One body's row of a results list (a results announcement of many bodies), as printed."""

    name: str  # the body's name as printed, e.g. "อบต.หนองบัว"
    prov: Provenance
    table_no: int
    number: str | None = None  # the row's ที่ / ลำดับ
    rank: str | None = None  # an อันดับ column
    body_type: str | None = None  # a ประเภท column
    district: str | None = None  # an อำเภอ column
    province: str | None = None  # a จังหวัด column
    scores: dict[str, str | None] = field(default_factory=dict)  # IIT / EIT / OIT / total -> as printed, "-" kept
    grade: str | None = None


@dataclass
class ItaDocument:
    header: Header
    scores: list[PrintedScore] = field(default_factory=list)
    measures: list[PrintedMeasure] = field(default_factory=list)
    findings: list[PrintedFinding] = field(default_factory=list)
    signatories: list[PrintedSignatory] = field(default_factory=list)
    listed: list[PrintedListedResult] = field(default_factory=list)  # bodies of a results list
    warnings: list[str] = field(default_factory=list)
