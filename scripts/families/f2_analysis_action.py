"""Family 2: an analysis of last round's ITA result with a plan to act on it (VARIANTS.md).

Each document prints a summary of the round (overall score, grade, IIT / EIT / OIT and the ten
indicators, as a table down or across the page), a per-question section (items `i1`…, `e1`…,
`o1`… with their scores, grouped under their indicators or not) and the analysis-to-action table
"แนวทางการนำผลการวิเคราะห์ไปสู่การปฏิบัติ": one row per weak item, with its printed score, a
finding, the approach (the measure), numbered steps, owners, period and follow-up, continued over
pages with its header repeated. Everything is drawn from the sample's number; the gold holds the
generator's own choices, and only what the document prints.
"""
from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from typing import Any

from families import FamilySample

_TO_THAI = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")

# (org_type, name, district, province): real local administrations, so that the printed places agree.
ORGS = (
    ("sao", "องค์การบริหารส่วนตำบลหนองแวง", "โนนสัง", "หนองบัวลำภู"),
    ("subdistrict_municipality", "เทศบาลตำบลบ้านโฮ่ง", "บ้านโฮ่ง", "ลำพูน"),
    ("town_municipality", "เทศบาลเมืองบ้านไผ่", "บ้านไผ่", "ขอนแก่น"),
    ("city_municipality", "เทศบาลนครพิษณุโลก", "เมืองพิษณุโลก", "พิษณุโลก"),
    ("subdistrict_municipality", "เทศบาลตำบลเชียงกลาง", "เชียงกลาง", "น่าน"),
    ("city_municipality", "เทศบาลนครยะลา", "เมืองยะลา", "ยะลา"),
)
INDICATOR_NAMES = {1: "การปฏิบัติหน้าที่", 2: "การใช้งบประมาณ", 3: "การใช้อำนาจ",
                   4: "การใช้ทรัพย์สินของราชการ", 5: "การแก้ไขปัญหาการทุจริต", 6: "คุณภาพการดำเนินงาน",
                   7: "ประสิทธิภาพการสื่อสาร", 8: "การปรับปรุงระบบการทำงาน", 9: "การเปิดเผยข้อมูล",
                   10: "การป้องกันการทุจริต"}
TOOL_OF = {no: "IIT" if no <= 5 else "EIT" if no <= 8 else "OIT" for no in INDICATOR_NAMES}
TOOL_TITLES = {"IIT": "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (IIT)",
               "EIT": "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก (EIT)",
               "OIT": "แบบตรวจการเปิดเผยข้อมูลสาธารณะ (OIT)"}

# The questions of each indicator, in item order (i1–i30, e1–e15, o1–o12).
QUESTIONS: dict[int, tuple[str, ...]] = {
    1: ("เจ้าหน้าที่ปฏิบัติงานตามขั้นตอนและระยะเวลาที่กำหนด", "เจ้าหน้าที่ให้บริการผู้มาติดต่ออย่างเท่าเทียมกัน",
        "เจ้าหน้าที่มีการเรียกรับสินบนเพื่อแลกกับการปฏิบัติงาน", "เจ้าหน้าที่ปฏิบัติงานโดยมุ่งผลสำเร็จของงาน",
        "เจ้าหน้าที่ให้ข้อมูลเกี่ยวกับการดำเนินงานอย่างตรงไปตรงมา", "เจ้าหน้าที่ปฏิบัติงานโดยคำนึงถึงประโยชน์ของประชาชน"),
    2: ("หน่วยงานใช้จ่ายงบประมาณตรงตามวัตถุประสงค์", "เจ้าหน้าที่มีการเบิกจ่ายเงินเป็นเท็จ",
        "การจัดซื้อจัดจ้างเอื้อประโยชน์ให้บุคคลใดบุคคลหนึ่ง", "หน่วยงานเปิดเผยแผนการใช้จ่ายงบประมาณให้ทราบ",
        "บุคลากรมีส่วนร่วมในการตรวจสอบการใช้งบประมาณ", "หน่วยงานใช้งบประมาณอย่างคุ้มค่า"),
    3: ("ผู้บังคับบัญชามอบหมายงานอย่างเป็นธรรม", "การประเมินผลการปฏิบัติงานเป็นไปอย่างโปร่งใส",
        "การคัดเลือกบุคลากรเพื่อให้สิทธิประโยชน์เป็นไปอย่างเป็นธรรม", "ผู้บังคับบัญชาสั่งการให้ทำธุระส่วนตัว",
        "ผู้บังคับบัญชาสั่งการให้ทำสิ่งที่ไม่ถูกต้อง", "มีการซื้อขายตำแหน่งหรือเรียกรับผลประโยชน์"),
    4: ("บุคลากรนำทรัพย์สินของราชการไปใช้ประโยชน์ส่วนตัว", "การขออนุญาตยืมทรัพย์สินของราชการมีความสะดวก",
        "บุคลากรรู้แนวทางการใช้ทรัพย์สินของราชการที่ถูกต้อง", "หน่วยงานกำกับดูแลการใช้ทรัพย์สินของราชการ",
        "บุคลากรยืมทรัพย์สินของราชการไปใช้โดยไม่ขออนุญาต", "หน่วยงานมีแนวปฏิบัติการใช้ทรัพย์สินที่ชัดเจน"),
    5: ("ผู้บริหารให้ความสำคัญกับการแก้ไขปัญหาการทุจริต", "หน่วยงานมีการเฝ้าระวังการทุจริตอย่างต่อเนื่อง",
        "ปัญหาการทุจริตในหน่วยงานได้รับการแก้ไข", "บุคลากรเชื่อมั่นในกระบวนการจัดการเรื่องร้องเรียน",
        "ผู้ร้องเรียนได้รับการคุ้มครองจากหน่วยงาน", "บุคลากรกล้าแจ้งเบาะแสการทุจริต"),
    6: ("เจ้าหน้าที่ให้บริการตามขั้นตอนและระยะเวลา", "เจ้าหน้าที่ให้บริการอย่างเท่าเทียมกัน",
        "เจ้าหน้าที่เรียกรับสินบนเพื่อแลกกับการให้บริการ", "เจ้าหน้าที่ให้ข้อมูลอย่างตรงไปตรงมา",
        "เจ้าหน้าที่ปฏิบัติงานโดยคำนึงถึงประโยชน์ของประชาชน"),
    7: ("ข้อมูลที่เผยแพร่เข้าถึงได้ง่ายและไม่ซับซ้อน", "หน่วยงานมีช่องทางเผยแพร่ข้อมูลที่หลากหลาย",
        "หน่วยงานชี้แจงและตอบคำถามได้อย่างชัดเจน", "หน่วยงานมีช่องทางรับฟังคำติชมความคิดเห็น",
        "หน่วยงานมีช่องทางร้องเรียนการทุจริตที่เข้าถึงง่าย"),
    8: ("เจ้าหน้าที่ปรับปรุงคุณภาพการให้บริการให้ดีขึ้น", "หน่วยงานปรับปรุงวิธีการและขั้นตอนการให้บริการ",
        "หน่วยงานนำเทคโนโลยีมาใช้ให้การบริการสะดวกขึ้น", "หน่วยงานเปิดโอกาสให้ประชาชนมีส่วนร่วมปรับปรุงการทำงาน",
        "หน่วยงานปรับปรุงการทำงานให้มีความโปร่งใสมากขึ้น"),
    9: ("ข้อมูลพื้นฐานของหน่วยงาน", "ข่าวประชาสัมพันธ์", "แผนการดำเนินงานประจำปี", "รายงานผลการใช้จ่ายงบประมาณ",
        "แผนการจัดซื้อจัดจ้าง", "รายงานผลการจัดซื้อจัดจ้าง", "การบริหารทรัพยากรบุคคล", "การจัดการเรื่องร้องเรียน"),
    10: ("เจตจำนงสุจริตของผู้บริหาร", "การประเมินความเสี่ยงการทุจริต", "แผนป้องกันการทุจริต",
         "มาตรการส่งเสริมคุณธรรมและความโปร่งใส"),
}
_PREFIX = {"IIT": "i", "EIT": "e", "OIT": "o"}

# Approaches (the measures' titles), by tool; a document takes each at most once.
APPROACHES = {
    "IIT": ("จัดทำคู่มือการปฏิบัติงานที่ระบุขั้นตอนและระยะเวลาให้บริการอย่างชัดเจน",
            "ส่งเสริมการให้บริการอย่างเท่าเทียมโดยไม่เลือกปฏิบัติ",
            "ประกาศแนวทางการเบิกจ่ายงบประมาณและเผยแพร่รายงานการใช้จ่ายรายไตรมาส",
            "เปิดโอกาสให้บุคลากรมีส่วนร่วมตรวจสอบการจัดซื้อจัดจ้าง",
            "กำหนดหลักเกณฑ์การมอบหมายงานและการประเมินผลที่เป็นธรรม",
            "ประกาศแนวปฏิบัติการยืมและการใช้ทรัพย์สินของราชการ",
            "จัดอบรมให้ความรู้เรื่องผลประโยชน์ทับซ้อนแก่บุคลากร",
            "ปรับปรุงระบบรับเรื่องร้องเรียนและคุ้มครองผู้แจ้งเบาะแส",
            "สื่อสารนโยบายต่อต้านการทุจริตของผู้บริหารให้บุคลากรรับทราบ",
            "จัดกิจกรรมเสริมสร้างวัฒนธรรมองค์กรที่ไม่ทนต่อการทุจริต",
            "ตรวจสอบและควบคุมการใช้รถยนต์ส่วนกลางผ่านสมุดบันทึกการใช้"),
    "EIT": ("ติดตั้งป้ายแสดงขั้นตอนและระยะเวลาการให้บริการทุกจุดบริการ",
            "จัดทำสื่ออินโฟกราฟิกเผยแพร่ข้อมูลการให้บริการที่เข้าใจง่าย",
            "เพิ่มช่องทางการสื่อสารผ่านไลน์ทางการและเฟซบุ๊กของหน่วยงาน",
            "จัดเวทีรับฟังความคิดเห็นของประชาชนต่อการปรับปรุงการทำงาน",
            "พัฒนาระบบบริการอิเล็กทรอนิกส์ให้ยื่นคำร้องผ่านออนไลน์ได้",
            "สำรวจความพึงพอใจของผู้รับบริการและรายงานผลต่อผู้บริหาร",
            "ปรับปรุงช่องทางร้องเรียนการทุจริตให้เข้าถึงได้สะดวก",
            "ประชาสัมพันธ์มาตรการไม่รับของขวัญแก่ผู้มาติดต่อราชการ"),
    "OIT": ("ตรวจสอบลิงก์ข้อมูลบนเว็บไซต์ให้เป็นปัจจุบันทุกเดือน",
            "เผยแพร่แผนและรายงานผลการจัดซื้อจัดจ้างบนเว็บไซต์ตามกำหนด",
            "จัดทำรายงานการประเมินความเสี่ยงการทุจริตประจำปีและเผยแพร่",
            "ทบทวนแผนป้องกันการทุจริตและรายงานผลการดำเนินงานรอบหกเดือน",
            "แต่งตั้งคณะทำงานตรวจสอบการเปิดเผยข้อมูลสาธารณะ",
            "จัดทำหมวดหมู่ข้อมูลบนหน้าเว็บไซต์ให้ค้นหาได้ง่าย"),
}
STEPS = ("ประชุมชี้แจงบุคลากรที่เกี่ยวข้อง", "แต่งตั้งผู้รับผิดชอบการดำเนินการ", "จัดทำแผนการดำเนินงาน",
         "ประชาสัมพันธ์ให้ประชาชนทราบผ่านเว็บไซต์", "จัดอบรมให้ความรู้แก่เจ้าหน้าที่",
         "ติดตามผลการดำเนินการทุกไตรมาส", "รายงานผลการดำเนินการต่อผู้บริหาร",
         "ทบทวนและปรับปรุงแนวทางให้เหมาะสม", "เผยแพร่ผลการดำเนินการบนเว็บไซต์หน่วยงาน",
         "สำรวจความคิดเห็นของผู้เกี่ยวข้อง", "จัดทำหนังสือแจ้งเวียนทุกส่วนราชการ",
         "ตรวจสอบความครบถ้วนของข้อมูลก่อนเผยแพร่")
FINDINGS = ("คะแนนต่ำกว่าข้ออื่นในตัวชี้วัดเดียวกัน", "ผู้ตอบบางส่วนยังไม่มั่นใจในประเด็นนี้",
            "ยังไม่มีการสื่อสารแนวทางให้ผู้เกี่ยวข้องรับทราบอย่างทั่วถึง",
            "การดำเนินการที่ผ่านมายังไม่ต่อเนื่อง", "ยังไม่มีหลักฐานการดำเนินการเผยแพร่ที่ชัดเจน")
# (owner cell as printed, unit keys): the SCHEMA vocabulary, one printed with its section, one two units.
OWNERS = (("สำนักปลัด", ["clerk_office"]), ("กองคลัง", ["finance_division"]),
          ("กองช่าง", ["engineering_division"]), ("กองการศึกษา", ["education_division"]),
          ("กองสาธารณสุขและสิ่งแวดล้อม", ["public_health_division"]), ("ทุกกอง/งาน", ["all_units"]),
          ("หน่วยตรวจสอบภายใน", ["internal_audit"]), ("สำนักปลัด งานนิติการ", ["clerk_office"]),
          ("กองคลัง งานพัสดุและทรัพย์สิน", ["finance_division"]),
          ("สำนักปลัด, กองคลัง", ["clerk_office", "finance_division"]),
          ("กองการเจ้าหน้าที่", ["personnel_division"]), ("กองสวัสดิการสังคม", ["social_welfare_division"]))
MONITORING = ("รายงานผลรอบ 6 เดือน และรอบ 12 เดือน", "ติดตามผลทุกไตรมาส", "รายงานผลต่อผู้บริหารทุกเดือน",
              "ประเมินผลเมื่อสิ้นปีงบประมาณ")
MONTHS = ("ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.")
MONTHS_FULL = ("มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม", "สิงหาคม",
               "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม")

# Header variants of the action table's columns (VARIANTS.md), by column.
HEADERS = {
    "item": ("ประเด็น", "ข้อคำถาม", "ประเด็นการประเมิน"),
    "score": ("ผลการประเมิน (คะแนน)", "คะแนน", "ผลคะแนน"),
    "finding": ("ข้อค้นพบ", "ผลการวิเคราะห์", "สภาพปัญหา/ข้อค้นพบ"),
    "approach": ("วิธีการนำผลการวิเคราะห์ไปสู่การปฏิบัติ", "แนวทางการนำผลการวิเคราะห์ไปสู่การปฏิบัติ",
                 "มาตรการ/แนวทางการพัฒนา", "แนวทางการพัฒนา"),
    "steps": ("ขั้นตอน/วิธีการ", "ขั้นตอนการดำเนินการ", "วิธีการดำเนินการ"),
    "owner": ("ผู้รับผิดชอบ/ผู้ที่เกี่ยวข้อง", "ผู้รับผิดชอบ", "หน่วยงานที่รับผิดชอบ"),
    "period": ("ระยะเวลาดำเนินการ", "ระยะเวลา", "ห้วงเวลา"),
    "monitoring": ("การติดตามประเมินผล", "การกำกับติดตาม", "การติดตามผล"),
}


@dataclass(frozen=True)
class Item:
    code: str  # e.g. "i7", Arabic digits
    indicator: int
    question: str
    score: float


@dataclass(frozen=True)
class Style:
    """The choices that make one document look unlike the others."""

    thai_digits: bool  # numbers in running text and tables
    thai_item_codes: bool  # `i๑๕` rather than `i15`
    summary_across: bool  # overall / IIT / EIT / OIT / grade as columns, else rows
    items_grouped: str  # "rows": indicator rows in the items table; "lines": a heading a table; "": none
    pass_grades: bool  # ผ่านดีเยี่ยม ... rather than AA ...
    number_column: bool  # a ที่ column in the action table
    overall_sentence: bool  # the overall score also in a sentence
    rows_per_page: int


def _fmt(value: float, thai: bool) -> str:
    text = f"{value:.2f}"
    return text.translate(_TO_THAI) if thai else text


def _digits(text: str, thai: bool) -> str:
    return text.translate(_TO_THAI) if thai else text


def _code(item: Item, thai: bool) -> str:
    return item.code[0] + _digits(item.code[1:], thai)


def _grade(overall: float, tools: dict[str, float], pass_scheme: bool) -> tuple[str, str]:
    """(printed grade, gold grade) of an overall score."""
    if pass_scheme:
        if overall >= 95 and min(tools.values()) >= 95:
            return "ผ่านดีเยี่ยม", "pass_excellent"
        if overall >= 85 and min(tools.values()) >= 85:
            return "ผ่านดี", "pass_good"
        if overall >= 85:
            return "ผ่าน", "pass"
        return ("ต้องปรับปรุง", "improve") if overall >= 70 else ("ต้องปรับปรุงโดยด่วน", "improve_urgent")
    for floor, letter in ((95, "AA"), (85, "A"), (75, "B"), (65, "C"), (55, "D"), (50, "E")):
        if overall >= floor:
            return letter, letter
    return "F", "F"


def _items(rng: random.Random, quality: float) -> list[Item]:
    items: list[Item] = []
    counters = {"IIT": 0, "EIT": 0, "OIT": 0}
    for no, questions in QUESTIONS.items():
        tool = TOOL_OF[no]
        for question in questions:
            counters[tool] += 1
            if tool == "OIT":  # an open-data item is there or not
                score = 100.0 if rng.random() < (quality - 40) / 60 else 0.0
            else:
                score = round(min(100.0, max(55.0, rng.gauss(quality, 6))), 2)
            items.append(Item(f"{_PREFIX[tool]}{counters[tool]}", no, question, score))
    return items


def _period(rng: random.Random, fy: int, thai: bool) -> tuple[str, dt.date, dt.date]:
    """A period as printed, with its first and last day (fiscal year `fy` BE: Oct fy-1 … Sep fy)."""
    ce = fy - 543
    kind = rng.randrange(4)
    if kind == 0:
        return _digits(f"ตลอดปีงบประมาณ พ.ศ. {fy}", thai), dt.date(ce - 1, 10, 1), dt.date(ce, 9, 30)
    if kind == 1:  # a range over the new year, two-digit years
        start, end = rng.choice(((10, 3), (11, 4), (12, 6)))
        text = f"{MONTHS[start - 1]} {(fy - 1) % 100} - {MONTHS[end - 1]} {fy % 100}"
        return _digits(text, thai), dt.date(ce - 1, start, 1), _month_end(ce, end)
    start, end = rng.choice(((1, 6), (2, 9), (4, 9), (1, 9), (3, 8)))
    if kind == 2:
        text = f"{MONTHS_FULL[start - 1]} - {MONTHS_FULL[end - 1]} {fy}"
    else:
        text = f"{MONTHS[start - 1]} - {MONTHS[end - 1]} {fy % 100}"
    return _digits(text, thai), dt.date(ce, start, 1), _month_end(ce, end)


def _month_end(year: int, month: int) -> dt.date:
    following = dt.date(year + (month == 12), month % 12 + 1, 1)
    return following - dt.timedelta(days=1)


def _table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def _summary(style: Style, overall: float, tools: dict[str, float], indicators: dict[int, float],
             grade: str) -> str:
    t = style.thai_digits
    if style.summary_across:
        across = _table(["ผลการประเมิน", "คะแนนภาพรวม", "IIT", "EIT", "OIT", "ระดับผลการประเมิน"],
                        [["คะแนนที่ได้", _fmt(overall, t)] + [_fmt(tools[k], t) for k in ("IIT", "EIT", "OIT")]
                         + [grade]])
        down = _table(["ตัวชี้วัดที่", "ชื่อตัวชี้วัด", "คะแนน"],
                      [[_digits(str(no), t), INDICATOR_NAMES[no], _fmt(indicators[no], t)] for no in INDICATOR_NAMES])
        return across + "\n\nคะแนนรายตัวชี้วัด\n\n" + down
    rows = []
    for tool in ("IIT", "EIT", "OIT"):
        rows.append([TOOL_TITLES[tool], _fmt(tools[tool], t)])
        rows += [[_digits(f"ตัวชี้วัดที่ {no} {INDICATOR_NAMES[no]}", t), _fmt(indicators[no], t)]
                 for no in INDICATOR_NAMES if TOOL_OF[no] == tool]
    rows.append(["คะแนนภาพรวม (IIT + EIT + OIT)", _fmt(overall, t)])
    rows.append(["ระดับผลการประเมิน", grade])
    return _table(["เครื่องมือ/ตัวชี้วัด", "คะแนน"], rows)


def _per_question(style: Style, items: list[Item], indicators: dict[int, float]) -> str:
    t, tc = style.thai_digits, style.thai_item_codes
    parts = []
    if style.items_grouped == "rows":
        rows = []
        for no in INDICATOR_NAMES:
            rows.append([_digits(f"ตัวชี้วัดที่ {no} {INDICATOR_NAMES[no]}", t), "", ""])
            rows += [[_code(i, tc), i.question, _fmt(i.score, t)] for i in items if i.indicator == no]
        parts.append(_table(["ข้อ", "ประเด็นคำถาม", "คะแนน"], rows))
    elif style.items_grouped == "lines":
        for no in INDICATOR_NAMES:
            parts.append(_digits(f"ตัวชี้วัดที่ {no} {INDICATOR_NAMES[no]} ({_fmt(indicators[no], t)} คะแนน)", t))
            parts.append(_table(["ข้อ", "ข้อคำถาม", "คะแนน"],
                                [[_code(i, tc), i.question, _fmt(i.score, t)] for i in items if i.indicator == no]))
    else:
        for tool in ("IIT", "EIT", "OIT"):
            parts.append(TOOL_TITLES[tool])
            parts.append(_table(["ข้อคำถาม", "คะแนน"],
                                [[f"{_code(i, tc)} {i.question}", _fmt(i.score, t)]
                                 for i in items if TOOL_OF[i.indicator] == tool]))
    return "\n\n".join(parts)


def _steps(rng: random.Random, thai: bool) -> str:
    chosen = rng.sample(STEPS, rng.randint(1, 4))
    if len(chosen) == 1:
        return chosen[0]
    numbered = [f"{_digits(str(n), thai)}. {s}" for n, s in enumerate(chosen, start=1)]
    # Word users type the steps as one paragraph or one line each; both are read as a list.
    return " ".join(numbered) if rng.random() < 0.5 else "<br>".join(numbered)


@dataclass(frozen=True)
class Org:
    org_type: str
    name: str
    district: str
    province: str


@dataclass(frozen=True)
class Result:
    """Last round's result as the document prints it: per indicator, per tool, overall, the grade."""

    indicators: dict[int, float]
    tools: dict[str, float]
    overall: float
    grade_printed: str
    grade_gold: str


def _result(items: list[Item], pass_grades: bool) -> Result:
    indicators = {no: round(sum(i.score for i in items if i.indicator == no)
                            / sum(1 for i in items if i.indicator == no), 2) for no in INDICATOR_NAMES}
    tool_means = {tool: sum(indicators[no] for no in INDICATOR_NAMES if TOOL_OF[no] == tool)
                  / sum(1 for no in INDICATOR_NAMES if TOOL_OF[no] == tool) for tool in ("IIT", "EIT", "OIT")}
    tools = {tool: round(v, 2) for tool, v in tool_means.items()}
    overall = round(0.3 * tool_means["IIT"] + 0.3 * tool_means["EIT"] + 0.4 * tool_means["OIT"], 2)
    grade_printed, grade_gold = _grade(overall, tools, pass_grades)
    return Result(indicators, tools, overall, grade_printed, grade_gold)


def _weakest(rng: random.Random, items: list[Item]) -> list[Item]:
    """The action rows' items: the weakest, at most as many per tool as there are approaches."""
    n_rows = rng.randint(5, 12)
    weakest = sorted(items, key=lambda i: (i.score, rng.random()))
    chosen: list[Item] = []
    per_tool = {tool: 0 for tool in APPROACHES}
    for item in weakest:
        tool = TOOL_OF[item.indicator]
        if per_tool[tool] < len(APPROACHES[tool]) and len(chosen) < n_rows:
            chosen.append(item)
            per_tool[tool] += 1
    chosen.sort(key=lambda i: (i.indicator, int(i.code[1:])))
    return chosen


def _action_plan(rng: random.Random, style: Style, chosen: list[Item], fy: int) -> tuple[str, list[dict]]:
    """The analysis-to-action table (its header repeated on every page) and the gold's measures."""
    t = style.thai_digits
    approaches = {tool: rng.sample(APPROACHES[tool], len(APPROACHES[tool])) for tool in APPROACHES}
    header_keys = ["item", "score", "finding", "approach", "steps", "owner", "period", "monitoring"]
    header = [rng.choice(HEADERS[k]) for k in header_keys]
    if style.number_column:
        header = ["ที่"] + header
    rows, measures = [], []
    for number, item in enumerate(chosen, start=1):
        title = approaches[TOOL_OF[item.indicator]].pop()
        owner_printed, owner_keys = rng.choice(OWNERS)
        period_text, start, end = _period(rng, fy, t)
        finding = rng.choice(FINDINGS)
        row = [f"{_code(item, style.thai_item_codes)} {item.question}", _fmt(item.score, t), finding, title,
               _steps(rng, t), owner_printed, period_text, _digits(rng.choice(MONITORING), t)]
        if style.number_column:
            row = [_digits(str(number), t)] + row
        rows.append(row)
        # The document ties an item to its indicator only where the per-question section groups
        # the items under their indicators.
        measures.append({"number": str(number) if style.number_column else None,
                         "indicator_no": item.indicator if style.items_grouped else None,
                         "kind": "plan", "title": title, "owners": owner_keys, "status": "planned",
                         "period_start": start.isoformat(), "period_end": end.isoformat()})
    chunks = [rows[i:i + style.rows_per_page] for i in range(0, len(rows), style.rows_per_page)]
    return "\n\n<!-- PageBreak -->\n\n".join(_table(header, chunk) for chunk in chunks), measures


def _markup(rng: random.Random, style: Style, org: Org, assessed: int, fy: int, items: list[Item],
            result: Result, action: str) -> str:
    t = style.thai_digits
    title_line = rng.choice(("รายงานการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงาน",
                             "การวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ"))
    intro = (f"ตามที่สำนักงาน ป.ป.ช. ได้ดำเนินการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ "
             f"(Integrity and Transparency Assessment : ITA) ประจำปีงบประมาณ พ.ศ. {_digits(str(assessed), t)} "
             f"{org.name} ได้นำผลการประเมินมาวิเคราะห์เพื่อหาจุดที่ต้องพัฒนา และจัดทำแนวทางการนำผลการวิเคราะห์ไปสู่การปฏิบัติ "
             f"ในปีงบประมาณ พ.ศ. {_digits(str(fy), t)} ดังนี้")
    parts = [title_line, f"ของ{org.name}", _digits(f"ประจำปีงบประมาณ พ.ศ. {fy}", t),
             f"อำเภอ{org.district} จังหวัด{org.province}", "", "๑. ผลการประเมิน", "", intro, ""]
    if style.overall_sentence:
        parts += [f"ผลการประเมินในภาพรวมได้คะแนน {_fmt(result.overall, t)} คะแนน อยู่ในระดับ {result.grade_printed}", ""]
    summary = _summary(style, result.overall, result.tools, result.indicators, result.grade_printed)
    parts += ["ตารางสรุปผลการประเมิน", "", summary, "",
              "<!-- PageBreak -->", "", "๒. ผลคะแนนรายข้อคำถาม", "", _per_question(style, items, result.indicators), "",
              "<!-- PageBreak -->", "", "๓. แนวทางการนำผลการวิเคราะห์ไปสู่การปฏิบัติ", "",
              f"{org.name} ได้นำข้อคำถามที่มีคะแนนต่ำมาวิเคราะห์และกำหนดแนวทางการปฏิบัติ ดังนี้", "", action, ""]
    return "\n".join(parts) + "\n"


def _gold(style: Style, org: Org, assessed: int, fy: int, items: list[Item], result: Result,
          measures: list[dict]) -> dict[str, Any]:
    tools, indicators = result.tools, result.indicators
    scores: list[dict[str, Any]] = [{"scope": "overall", "tool": None, "indicator_no": None, "score": result.overall}]
    scores += [{"scope": "tool", "tool": tool, "indicator_no": None, "score": tools[tool]} for tool in tools]
    scores += [{"scope": "indicator", "tool": TOOL_OF[no], "indicator_no": no, "score": indicators[no]}
               for no in INDICATOR_NAMES]
    scores += [{"scope": "item", "tool": TOOL_OF[i.indicator], "item_code": i.code,
                "indicator_no": i.indicator if style.items_grouped else None, "score": i.score} for i in items]
    return {"document": {"doc_type": "assessment_analysis", "org_name": org.name, "org_type": org.org_type,
                         "district": org.district, "province": org.province, "fiscal_year_be": fy,
                         "assessed_year_be": assessed, "overall_score": result.overall,
                         "grade": result.grade_gold, "doc_date": None},
            "scores": scores, "measures": measures}


def document(n: int) -> FamilySample:
    rng = random.Random(f"f2-{n}")
    org = Org(*ORGS[n % len(ORGS)])
    assessed = rng.choice((2565, 2566, 2567))
    fy = assessed + 1
    style = Style(thai_digits=n % 2 == 1, thai_item_codes=n == 3, summary_across=n % 2 == 0,
                  items_grouped=("rows", "", "lines", "rows")[n % 4], pass_grades=rng.random() < 0.5,
                  number_column=n == 2, overall_sentence=n != 1, rows_per_page=rng.randint(3, 5))
    items = _items(rng, quality=rng.uniform(80, 95))
    result = _result(items, style.pass_grades)
    chosen = _weakest(rng, items)
    action, measures = _action_plan(rng, style, chosen, fy)
    markup = _markup(rng, style, org, assessed, fy, items, result, action)
    gold = _gold(style, org, assessed, fy, items, result, measures)
    landscape = n in (1, 3)
    return FamilySample(stem=f"f2_{n:02d}_{org.org_type}", markup=markup, gold=gold,
                        layout={"landscape": landscape, "body_pt": rng.choice((11.0, 12.0, 13.0))},
                        truth={"item_codes": [i.code for i in chosen]})


def samples() -> list[FamilySample]:
    return [document(n) for n in range(4)]
