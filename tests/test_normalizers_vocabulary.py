"""Every value a normaliser returns for a vocabulary column is in pipeline.store.schema's tuples. (The
normalisers' docstring examples run with every other module's: see test_docstrings.)"""

from normalizers.grades import parse_grade
from normalizers.orgs import parse_org
from normalizers.statuses import status_from_text
from normalizers.units import parse_owners
from pipeline.store.schema import GRADES, MEASURE_STATUSES, ORG_TYPES, UNIT_KEYS

ORG_TEXTS = ["เทศบาลตำบลแร่", "องค์การบริหารส่วนตำบลบ่อระ", "อบต.ศรีธาตุ", "ทต.แร่", "ทม.สกลนคร",
             "ทน.อุดรธานี", "อบจ.อุดรธานี", "องค์การบริหารส่วนจังหวัดอุดรธานี", "กรุงเทพมหานคร",
             "เมืองพัทยา", "เทศบาลเมืองบ้านไผ่", "เทศบาลนครขอนแก่น"]
OWNER_CELLS = ["สำนักปลัด", "กองคลัง", "กองช่าง", "กองการศึกษา", "กองสาธารณสุขฯ",
               "กองสวัสดิการสังคม", "กองส่งเสริมการเกษตร", "กองวิชาการและแผนงาน",
               "กองการเจ้าหน้าที่", "หน่วยตรวจสอบภายใน", "ผู้บริหาร", "ทุกกอง/งาน",
               "คณะทำงาน", "ศูนย์ข้อมูลข่าวสาร", "งานนิติการ สำนักปลัดเทศบาล"]
GRADE_TEXTS = ["AA", "A", "B", "C", "D", "E", "F", "ผ่านดีเยี่ยม", "ผ่านดี", "ผ่าน",
               "ต้องปรับปรุง", "ต้องปรับปรุงโดยด่วน"]
STATUS_TEXTS = ["ยังไม่ดำเนินการ", "อยู่ระหว่างดำเนินการ", "ดำเนินการเรียบร้อยแล้ว"]


def test_org_types_in_vocabulary():
    types = {parse_org(text).org_type for text in ORG_TEXTS}
    assert types <= set(ORG_TYPES)
    assert types == set(ORG_TYPES) - {"other"}


def test_unit_keys_in_vocabulary():
    keys = {owner.unit_key for cell in OWNER_CELLS for owner in parse_owners(cell)}
    assert keys <= set(UNIT_KEYS)
    assert keys == set(UNIT_KEYS)


def test_grades_in_vocabulary():
    grades = {parse_grade(text) for text in GRADE_TEXTS}
    assert grades == set(GRADES)


def test_statuses_in_vocabulary():
    statuses = {status_from_text(text) for text in STATUS_TEXTS}
    assert statuses <= set(MEASURE_STATUSES)
    assert len(statuses) == 3
