"""The data dictionary shipped with the data: every table and column with its Thai label, type,
unit, allowed values (Thai and English) and description.

The types, descriptions and vocabularies are pipeline.store.schema's (one place for every column);
this adds what a Thai reader of a spreadsheet needs, and writes the lot as a Frictionless Data
Package (`datapackage.json`, Table Schema): the `frictionless` package validates it, and
pipeline.commands.export turns it into Excel headers and DuckDB comments.
"""
from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pyarrow as pa

from normalizers.indicators import INDICATORS
from normalizers.statuses import MeasureStatus
from normalizers.units import UNIT_NAMES
from pipeline import __version__
from pipeline.store.schema import DERIVED_TABLES, TABLES, DocStatus
from pipeline.store.transaction import write_json

# The tables a run writes, and those an export derives from them.
ALL_TABLES = {**TABLES, **DERIVED_TABLES}

# What one row of each table is: (English, Thai).
TABLE_ROWS: Mapping[str, tuple[str, str]] = {
    "documents": ("one row per source file (path), failed ones included",
                  "หนึ่งแถวต่อไฟล์ต้นฉบับ (รวมไฟล์ที่อ่านไม่สำเร็จ)"),
    "scores": ("long format, one row per printed score", "หนึ่งแถวต่อคะแนนที่พิมพ์ในเอกสาร"),
    "measures": ("one row per measure (a logical table row)", "หนึ่งแถวต่อมาตรการ"),
    "owners": ("one row per measure × responsible unit", "หนึ่งแถวต่อมาตรการ × หน่วยงานที่รับผิดชอบ"),
    "statuses": ("one row per measure status", "หนึ่งแถวต่อสถานะของมาตรการ"),
    "findings": ("strengths, weaknesses and suggestions per indicator",
                 "จุดแข็ง จุดอ่อน และข้อเสนอแนะ รายตัวชี้วัด"),
    "signatories": ("name, position and role of each person who signed",
                    "ชื่อ ตำแหน่ง และบทบาทของผู้ลงนาม"),
    "listed_scores": ("the bodies a results announcement lists: one row per body and score column",
                      "หน่วยงานในประกาศผลการประเมิน: หนึ่งแถวต่อหน่วยงานและคะแนน"),
    "errors": ("one row per problem met", "หนึ่งแถวต่อปัญหาที่พบ"),
    "organisations": ("one row per organisation (org_id), from the documents and the announcements",
                      "หนึ่งแถวต่อหน่วยงาน"),
    "review": ("one row per value or document a person should look at, with where to look",
               "รายการที่ควรตรวจทาน พร้อมหน้าและตำแหน่งในเอกสาร"),
    "vocabularies": ("every coded value with its order and Thai and English labels",
                     "ค่ารหัสทั้งหมด พร้อมลำดับและคำอธิบายภาษาไทยและอังกฤษ"),
}

# Thai column headers: one name means one thing in every table.
COLUMN_TH: Mapping[str, str] = {
    "doc_id": "รหัสเอกสาร (sha256)", "source_name": "ชื่อไฟล์", "source_path": "ที่อยู่ไฟล์",
    "source_kind": "ชนิดไฟล์", "page_count": "จำนวนหน้า", "form": "รูปแบบเอกสาร",
    "doc_type": "ประเภทเอกสาร", "title": "ชื่อเรื่องตามที่พิมพ์", "department": "ส่วนราชการ",
    "department_phone": "โทรศัพท์ส่วนราชการ", "subject": "เรื่อง", "addressee": "เรียน",
    "org_name": "ชื่อหน่วยงาน", "org_id": "รหัสหน่วยงาน", "org_type": "ประเภทหน่วยงาน",
    "report_key": "รหัสรายงาน", "listed_org_id": "รหัสหน่วยงานที่ประกาศ",
    "province_en": "จังหวัด (อังกฤษ)", "district_th": "อำเภอ", "district_en": "อำเภอ (อังกฤษ)",
    "subdistrict_th": "ตำบล", "subdistrict_en": "ตำบล (อังกฤษ)", "documents": "จำนวนเอกสาร",
    "reports": "จำนวนรายงาน", "listed_in": "จำนวนประกาศที่ระบุ", "vocabulary": "คอลัมน์",
    "value": "ค่า", "sort_order": "ลำดับ", "label_th": "คำอธิบาย (ไทย)", "label_en": "คำอธิบาย (อังกฤษ)",
    "grade_scale": "มาตราระดับผล", "reason": "เหตุที่ควรตรวจ", "detail": "รายละเอียด",
    "table_name": "ตาราง", "column_name": "คอลัมน์ที่ควรตรวจ", "value_id": "รหัสค่า",
    "bbox": "ตำแหน่งบนหน้า", "confidence": "ความเชื่อมั่น OCR ของค่า",
    "corrected": "คอลัมน์ที่แก้ไขโดยผู้ตรวจ", "district": "อำเภอ",
    "province": "จังหวัด", "province_iso": "รหัสจังหวัด ISO", "province_code": "รหัสจังหวัด",
    "district_code": "รหัสอำเภอ", "subdistrict_code": "รหัสตำบล",
    "fiscal_year_be": "ปีงบประมาณ (พ.ศ.)", "fiscal_year": "ปีงบประมาณ (ค.ศ.)",
    "assessed_year_be": "ปีที่ประเมิน (พ.ศ.)", "overall_score": "คะแนนรวม", "grade": "ระดับผลการประเมิน",
    "doc_date": "วันที่ของเอกสาร", "reference_no": "เลขที่หนังสือ", "method": "วิธีอ่านข้อความ",
    "ocr_confidence": "ความเชื่อมั่น OCR", "status": "สถานะ", "warnings": "คำเตือน",
    "extractor_version": "รุ่นของโปรแกรม", "scope": "ระดับของคะแนน", "tool": "เครื่องมือประเมิน",
    "indicator_no": "ตัวชี้วัดที่", "item_code": "รหัสข้อคำถาม", "indicator_name": "ชื่อตัวชี้วัด",
    "name_printed": "ชื่อตามที่พิมพ์", "score": "คะแนน", "page": "หน้า", "measure_id": "รหัสมาตรการ",
    "ordinal": "ลำดับในเอกสาร", "number": "เลขที่มาตรการ", "kind": "ชนิดแถว",
    "guideline": "แนวทางการปฏิบัติ", "rationale": "ผลการวิเคราะห์/ข้อค้นพบ", "steps": "ขั้นตอนการดำเนินการ",
    "period_text": "ระยะเวลาตามที่พิมพ์", "period_start": "วันเริ่ม", "period_end": "วันสิ้นสุด",
    "monitoring_text": "การกำกับติดตาม", "monitoring_months": "รอบการรายงาน (เดือน)",
    "result_text": "ผลการดำเนินการ", "table_no": "ตารางที่", "owner_raw": "ผู้รับผิดชอบตามที่พิมพ์",
    "unit_key": "รหัสหน่วยงานรับผิดชอบ", "unit_th": "หน่วยงานรับผิดชอบ", "section_th": "งาน/ฝ่าย",
    "filled_down": "เติมจากเซลล์ที่ผสาน", "status_th": "สถานะตามที่พิมพ์", "evidence": "ที่มาของสถานะ",
    "as_of": "ณ วันที่", "text": "ข้อความ", "name": "ชื่อ", "position": "ตำแหน่ง", "role": "บทบาท",
    "row_no": "ลำดับที่", "rank": "อันดับ", "listed_name_printed": "ชื่อหน่วยงานตามที่พิมพ์",
    "listed_org_name": "ชื่อหน่วยงานที่ประกาศ", "listed_org_type": "ประเภทหน่วยงานที่ประกาศ",
    "listed_district": "อำเภอของหน่วยงานที่ประกาศ", "listed_province": "จังหวัดของหน่วยงานที่ประกาศ",
    "listed_province_code": "รหัสจังหวัดของหน่วยงานที่ประกาศ",
    "listed_district_code": "รหัสอำเภอของหน่วยงานที่ประกาศ",
    "listed_subdistrict_code": "รหัสตำบลของหน่วยงานที่ประกาศ",
    "stage": "ขั้นตอนที่พบปัญหา", "code": "รหัสปัญหา", "message": "คำอธิบาย",
}

# Units of the measured columns.
UNITS: Mapping[str, str] = {
    "overall_score": "points (0–100)", "score": "points (0–100)", "ocr_confidence": "percent",
    "page_count": "pages", "page": "page number", "fiscal_year_be": "Buddhist-era year",
    "fiscal_year": "Common-Era year", "assessed_year_be": "Buddhist-era year",
    "monitoring_months": "months",
}

# Thai labels of vocabulary values, where a reader needs one (the rest are plain English codes).
VALUE_TH: Mapping[str, Mapping[str, str]] = {
    "org_type": {"sao": "องค์การบริหารส่วนตำบล", "pao": "องค์การบริหารส่วนจังหวัด",
                 "subdistrict_municipality": "เทศบาลตำบล", "town_municipality": "เทศบาลเมือง",
                 "city_municipality": "เทศบาลนคร", "bangkok": "กรุงเทพมหานคร", "pattaya": "เมืองพัทยา",
                 "other": "อื่น ๆ"},
    "grade": {"AA": "AA", "A": "A", "B": "B", "C": "C", "D": "D", "E": "E", "F": "F",
              "pass_excellent": "ผ่านในระดับดีเยี่ยม", "pass_good": "ผ่านในระดับดี", "pass": "ผ่าน",
              "improve": "ควรปรับปรุง", "improve_urgent": "ต้องปรับปรุงเร่งด่วน"},
    "status": {MeasureStatus.PLANNED: "ตามแผน (ยังไม่รายงาน)", MeasureStatus.NOT_STARTED: "ยังไม่ดำเนินการ",
               MeasureStatus.IN_PROGRESS: "อยู่ระหว่างดำเนินการ", MeasureStatus.COMPLETED: "ดำเนินการแล้ว",
               MeasureStatus.REPORTED: "รายงานผลแล้ว",
               DocStatus.SUCCESS: "สำเร็จ", DocStatus.PARTIAL: "บางส่วน", DocStatus.FAILED: "ไม่สำเร็จ"},
    "unit_key": {**UNIT_NAMES, "other": "อื่น ๆ (ตามที่พิมพ์)"},
    "scope": {"overall": "คะแนนรวม", "tool": "รายเครื่องมือ", "indicator": "รายตัวชี้วัด",
              "item": "รายข้อคำถาม"},
    "tool": {"IIT": "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน",
             "EIT": "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก",
             "EIT1": "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก ส่วนที่ 1",
             "EIT2": "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก ส่วนที่ 2",
             "OIT": "แบบตรวจการเปิดเผยข้อมูลสาธารณะ"},
    "indicator_no": {str(i.no): i.name for i in INDICATORS},
}

INDICATOR_EN: Mapping[int, str] = {
    1: "Performance of duties", 2: "Use of the budget", 3: "Use of authority",
    4: "Use of government property", 5: "Solving corruption problems", 6: "Quality of operations",
    7: "Effectiveness of communication", 8: "Improvement of working systems",
    9: "Disclosure of information", 10: "Prevention of corruption",
}
# The two grade scales the reports print, each in its order, best first: letters (AA–F) in
# the older rounds, pass bands in the newer ones.
GRADE_SCALES: Mapping[str, tuple[str, ...]] = {
    "letter": ("AA", "A", "B", "C", "D", "E", "F"),
    "pass_band": ("pass_excellent", "pass_good", "pass", "improve", "improve_urgent"),
}
GRADE_EN: Mapping[str, str] = {"pass_excellent": "pass, excellent", "pass_good": "pass, good",
                               "pass": "pass", "improve": "to improve",
                               "improve_urgent": "to improve urgently"}


def vocabularies() -> list[dict[str, Any]]:
    """Every coded column's values with their order and labels: the lookup table of exports.
    Grades carry their scale and their order within it (1 best); indicators their tool."""
    rows: list[dict[str, Any]] = []
    seen: set[str] = set()
    for row_type in TABLES.values():
        for f in dataclasses.fields(row_type):
            if not f.metadata["allowed"] or f.name in seen:
                continue
            seen.add(f.name)
            labels = VALUE_TH.get(f.name, {})
            for order, value in enumerate(f.metadata["allowed"], start=1):
                scale = next((name for name, grades in GRADE_SCALES.items() if value in grades), None)
                if f.name == "grade" and scale:
                    order = GRADE_SCALES[scale].index(value) + 1
                rows.append({"vocabulary": f.name, "value": str(value), "sort_order": order,
                             "label_th": labels.get(value), "label_en": GRADE_EN.get(value, str(value)),
                             "grade_scale": scale if f.name == "grade" else None, "tool": None})
    for indicator in INDICATORS:
        rows.append({"vocabulary": "indicator_no", "value": str(indicator.no), "sort_order": indicator.no,
                     "label_th": indicator.name, "label_en": INDICATOR_EN[indicator.no],
                     "grade_scale": None, "tool": indicator.tool})
    return rows


_FRICTIONLESS_TYPES = (
    (pa.types.is_boolean, "boolean"), (pa.types.is_integer, "integer"),
    (pa.types.is_floating, "number"), (pa.types.is_date, "date"),
    (pa.types.is_list, "array"), (pa.types.is_string, "string"),
)


def frictionless_type(arrow_type: pa.DataType) -> str:
    """
    >>> frictionless_type(pa.int32()), frictionless_type(pa.list_(pa.string()))
    ('integer', 'array')
    """
    return next(name for test, name in _FRICTIONLESS_TYPES if test(arrow_type))


def field_descriptor(f: dataclasses.Field) -> dict[str, Any]:
    """One column as a Table Schema field."""
    field: dict[str, Any] = {"name": f.name, "title": COLUMN_TH.get(f.name, f.name),
                             "type": frictionless_type(f.metadata["arrow_type"]),
                             "description": f.metadata["description"]}
    required = f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
    constraints: dict[str, Any] = {"required": True} if required else {}
    if f.metadata["allowed"]:
        constraints["enum"] = list(f.metadata["allowed"])
    if constraints:
        field["constraints"] = constraints
    if f.name in UNITS:
        field["unit"] = UNITS[f.name]
    labels = VALUE_TH.get(f.name)
    if labels:
        values = f.metadata["allowed"] or tuple(labels)
        field["valueLabels"] = {str(v): {"th": labels[v], "en": str(v)} for v in values if v in labels}
    return field


def datapackage(resources: Mapping[str, list[str]], fmt: str = "parquet") -> dict[str, Any]:
    """The Data Package of the tables, each a resource of the files listed (relative paths)."""
    return {
        "name": "ita-extract-output",
        "title": "Thai ITA reports as data (ita-extract)",
        "description": "Integrity and transparency assessment (ITA) reports of Thai public bodies, "
                       "extracted by ita-extract: one table per kind of row.",
        "version": __version__,
        "resources": [{
            "name": name, "title": TABLE_ROWS[name][1], "description": TABLE_ROWS[name][0],
            "path": files if len(files) != 1 else files[0], "format": fmt,
            **({"encoding": "utf-8-sig"} if fmt == "csv" else {}),
            "schema": {"fields": [field_descriptor(f) for f in dataclasses.fields(ALL_TABLES[name])]},
        } for name, files in resources.items()],
    }


def write_datapackage(folder: Path, resources: Mapping[str, list[str]], fmt: str = "parquet") -> Path:
    return write_json(Path(folder) / "datapackage.json", datapackage(resources, fmt))
