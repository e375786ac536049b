"""What a document is: its form (memo, letter, announcement, order, report) and its type
(a plan of measures, a report on them, an analysis of the assessment, or a neighbouring
document that is no ITA report), told by its title, else by what it carries.
"""
from __future__ import annotations

import re

from normalizers.thai_text import fold
from parsers.ita.header.labels import MEMO_LABEL
from parsers.ita.header.letter import is_letter
from parsers.ita.records import DocType, Form, Header
from parsers.layout import TextLine

_NAMES_ASSESSMENT = re.compile(r"ประเมิน|คุณธรรม|ita")
_PROCUREMENT = re.compile(r"จัดซื้อ|จัดจ้าง|จัดหาพัสดุ")
# Neighbouring documents by their titles, first match first: they are ITA evidence of their own,
# whatever words of the assessment they also use (a plan against corruption names ตัวชี้วัด).
_ANTI_CORRUPTION_PLAN = re.compile(r"แผน(?:ปฏิบัติการ)?(?:ด้าน)?(?:การ)?ป้องกัน(?:และปราบปราม)?การทุจริต")
_DECLARATION = re.compile(r"เจตจำนง")
# What a procurement plan, table or report calls itself.
_PROCUREMENT_RECORD = re.compile(r"รายงาน|ผลการ|แผน|สรุป|วิเคราะห์|สขร")
# A project's report, or its own form headed by its name (`โครงการเสริมสร้างคุณธรรม ...`).
_PROJECT_REPORT = re.compile(r"(?:รายงาน|สรุป)ผล(?:การดำเนิน(?:งาน|การ)?)?(?:ตาม)?\s*โครงการ|แบบรายงานโครงการ|^โครงการ")


def neighbour_type(title: str) -> DocType | None:
    """The kind of neighbouring document a title names, if it names one.

    >>> neighbour_type("แผนปฏิบัติการป้องกันการทุจริต ๔ ปี (พ.ศ. ๒๕๖๘ - ๒๕๗๑)")
    <DocType.ANTI_CORRUPTION_PLAN: 'anti_corruption_plan'>
    >>> neighbour_type("คำกล่าวแสดงเจตจำนงของผู้บริหาร"), neighbour_type("รายงานผลการดำเนินโครงการอบรมคุณธรรม")
    (<DocType.INTEGRITY_DECLARATION: 'integrity_declaration'>, <DocType.PROJECT_REPORT: 'project_report'>)
    >>> neighbour_type("รายงานผลการวิเคราะห์การจัดซื้อจัดจ้าง ประจำปีงบประมาณ ๒๕๖๒")
    <DocType.PROCUREMENT_REPORT: 'procurement_report'>
    >>> neighbour_type("ประกาศสำนักงานสาธารณสุขว่าด้วยแนวทางปฏิบัติงานเพื่อตรวจสอบบุคลากรด้านการจัดซื้อจัดจ้าง")
    <DocType.OTHER: 'other'>
    >>> neighbour_type("รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรม") is None
    True
    """
    key = fold(title)
    if _ANTI_CORRUPTION_PLAN.search(key):
        return DocType.ANTI_CORRUPTION_PLAN
    if _DECLARATION.search(key):
        return DocType.INTEGRITY_DECLARATION
    if "มาตรการ" in key or "ประเมิน" in key:
        return None
    # A report on procurement (`รายงานผลการวิเคราะห์การจัดซื้อจัดจ้าง`) is neither an analysis of
    # the assessment nor a report on measures; nor is a rule for procurement staff (`ประกาศ ...
    # ว่าด้วยแนวทางปฏิบัติงาน ... ด้านการจัดซื้อจัดจ้าง`) a plan of measures or a procurement report.
    if _PROCUREMENT.search(key) and not _NAMES_ASSESSMENT.search(key):
        return DocType.PROCUREMENT_REPORT if _PROCUREMENT_RECORD.search(key) else DocType.OTHER
    if _PROJECT_REPORT.search(key):
        return DocType.PROJECT_REPORT
    return None


_REQUEST = re.compile(r"ขอ(?:อนุญาต|อนุมัติ|ความเห็นชอบ)")


# What a neighbouring document is never read for: it prints no ITA score, grade or round.
NEIGHBOURS = frozenset({DocType.ANTI_CORRUPTION_PLAN, DocType.INTEGRITY_DECLARATION, DocType.PROJECT_REPORT,
                        DocType.PROCUREMENT_REPORT})


def classify(title: str, body: str, has_measures: bool, has_reports: bool, has_scores: bool) -> DocType:
    """doc_type from the title (or memo subject), else from what the document contains."""
    neighbour = neighbour_type(title)
    if neighbour is not None:
        return neighbour
    if not is_ita_text(title + " " + body):
        return DocType.OTHER
    # A memo asking leave to publish a report (`ขออนุญาตเผยแพร่รายงานผลการติดตาม...`) is not that
    # report: what it is comes from what it carries.
    key = "" if _REQUEST.match(fold(title)) else fold(title)
    if "วิเคราะห์ผลการประเมิน" in key or "ผลการวิเคราะห์" in key or "วิเคราะห์การประเมิน" in key:
        return DocType.ASSESSMENT_ANALYSIS
    if any(k in key for k in ("รายงานผล", "ผลการดำเนิน", "การดำเนินการตามมาตรการ", "ติดตามผล")):
        return DocType.MEASURES_REPORT
    if any(k in key for k in ("มาตรการ", "แนวทาง", "แผนปฏิบัติ")):
        return DocType.MEASURES_PLAN
    if has_reports:
        return DocType.MEASURES_REPORT
    if has_measures:
        return DocType.MEASURES_PLAN
    if has_scores:
        return DocType.ASSESSMENT_ANALYSIS
    return DocType.OTHER


def is_neighbour(header: Header) -> bool:
    """A neighbouring document, told by its title: never read for the assessment's scores,
    whatever else its rows then make it (a results list).

    >>> from parsers.ita.records import PrintedField
    >>> from parsers.layout import Provenance
    >>> is_neighbour(Header(title=PrintedField("คำกล่าวแสดงเจตจำนงของผู้บริหาร", Provenance(1, "text")))), is_neighbour(Header())
    (True, False)
    """
    return neighbour_type(header.title.text if header.title else "") is not None


def is_ita_text(text: str) -> bool:
    """Whether a text speaks of the ITA: its name, its indicators or the NACC (ปปช).

    >>> is_ita_text("การประเมินคุณธรรมและความโปร่งใสในการดำเนินงาน"), is_ita_text("แผนพัฒนาท้องถิ่น")
    (True, False)
    """
    key = fold(text)
    return any(k in key for k in ("คุณธรรมและความโปร่งใส", "ita", "ตัวชี้วัด", "ปปช"))


# A letter's เรียน line is in its head; lower down, a line starting with เรียน is the body's.
_ADDRESSEE_LINES = 15


def form_of(title: str, memo: bool, lines: list[TextLine]) -> Form:
    """The document's form: a memo (told by its head), an announcement or an order (told by
    its title), a letter (its number, date and เรียน), else a report.

    >>> form_of("ประกาศเทศบาลตำบลแร่ เรื่อง มาตรการ", False, []), form_of("มาตรการ", False, [])
    (<Form.ANNOUNCEMENT: 'announcement'>, <Form.REPORT: 'report'>)
    """
    if memo:
        return Form.MEMO
    key = fold(title)
    if key.startswith("ประกาศ"):
        return Form.ANNOUNCEMENT
    if key.startswith("คำสั่ง"):
        return Form.ORDER
    if is_letter(lines) or any(MEMO_LABEL.match(line.text.strip()) and line.text.strip().startswith("เรียน")
                               for line in lines[:_ADDRESSEE_LINES]):
        return Form.LETTER
    return Form.REPORT
