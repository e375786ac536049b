"""normalizers.units: responsible units of one cell."""
import pytest

from normalizers.units import UNIT_NAMES, Owner, parse_owners

CELL_BANGPLA = ("ผู้รับผิดชอบการดำเนินการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของ"
                "เทศบาลตำบลบางปลา ประจำปีงบประมาณ พ.ศ.๒๕๖๔ ตามคำสั่งเทศบาลตำบลบางปลา")


@pytest.mark.parametrize("cell, expected", [
    ("สำนักปลัด", [("clerk_office", None)]),
    ("สำนักปลัดเทศบาล", [("clerk_office", None)]),
    ("สำนักปลัด อบต.", [("clerk_office", None)]),
    ("หัวหน้าสำนักปลัด", [("clerk_office", None)]),
    ("สำนักปลัด, หน่วยงานตรวจสอบภายใน", [("clerk_office", None), ("internal_audit", None)]),
    ("สำนักปลัด, กองคลัง", [("clerk_office", None), ("finance_division", None)]),
    ("สำนักปลัด และ กองคลัง", [("clerk_office", None), ("finance_division", None)]),
    ("สำนักปลัดงานนิติการ", [("clerk_office", "งานนิติการ")]),
    ("สำนักปลัด งานนิติการ", [("clerk_office", "งานนิติการ")]),
    ("สำนักปลัด (งานนิติการ)", [("clerk_office", "งานนิติการ")]),
    ("งานนิติการ สำนักปลัดเทศบาล", [("clerk_office", "งานนิติการ")]),
    ("งานนิติการ สำนักปลัดองค์การบริหารส่วนตำบลโป่งน้ำร้อน", [("clerk_office", "งานนิติการ")]),
    ("ฝ่ายอำนวยการ สำนักปลัดเทศบาล", [("clerk_office", "ฝ่ายอำนวยการ")]),
    ("งานการเจ้าหน้าที่ สำนักปลัดเทศบาล", [("clerk_office", "งานการเจ้าหน้าที่")]),
    ("สำนักปลัด งานการเจ้าหน้าที่", [("clerk_office", "งานการเจ้าหน้าที่")]),
    ("สำนักปลัด งานนิติการ งานการเจ้าหน้าที่",
     [("clerk_office", "งานนิติการ"), ("clerk_office", "งานการเจ้าหน้าที่")]),
    ("กองการเจ้าหน้าที่", [("personnel_division", None)]),
    ("กองคลัง", [("finance_division", None)]),
    ("ผู้อำนวยการกองคลัง", [("finance_division", None)]),
    ("กองคลัง งานพัสดุและทรัพย์สิน", [("finance_division", "งานพัสดุและทรัพย์สิน")]),
    ("สำนักปลัด งานนิติการ กองคลัง งานพัสดุ",
     [("clerk_office", "งานนิติการ"), ("finance_division", "งานพัสดุ")]),
    ("ทุกกอง/งาน หน่วยตรวจสอบภายใน", [("all_units", None), ("internal_audit", None)]),
    ("หน่วยตรวจสอบภายใน งานนิติการ สำนักปลัดเทศบาล",
     [("internal_audit", None), ("clerk_office", "งานนิติการ")]),
    ("ทุกกอง/งาน", [("all_units", None)]),
    ("ทุกกอง", [("all_units", None)]),
    ("ทุกสำนัก / กอง", [("all_units", None)]),
    ("ทุกหน่วยงาน", [("all_units", None)]),
    ("ทุกส่วนราชการ", [("all_units", None)]),
    ("ผู้บริหาร", [("executives", None)]),
    ("ผู้บริหารท้องถิ่น", [("executives", None)]),
    ("นายกองค์การบริหารส่วนตำบล", [("executives", None)]),
    (CELL_BANGPLA, [("working_group", None)]),
    ("คณะกรรมการ ITA", [("working_group", None)]),
    ("คณะทำงานตามคำสั่ง", [("working_group", None)]),
    ("กองการศึกษา ศาสนาและวัฒนธรรม", [("education_division", None)]),
    ("กองวิชาการและแผนงาน", [("strategy_division", None)]),
    ("กองยุทธศาสตร์และงบประมาณ", [("strategy_division", None)]),
    ("สป.", [("clerk_office", None)]),
    ("กองช่าง", [("engineering_division", None)]),
    ("กองสาธารณสุขฯ", [("public_health_division", None)]),
    ("กองสาธารณสุขและสิ่งแวดล้อม", [("public_health_division", None)]),
    ("กองสวัสดิการสังคม", [("social_welfare_division", None)]),
    ("กองส่งเสริมการเกษตร", [("agriculture_division", None)]),
    ("สำนักปลัด, สำนักปลัด", [("clerk_office", None)]),
    ("-", []),
    ("–", []),
    ("", []),
    ("  ", []),
    (None, []),
])
def test_parse_owners_keys_and_sections(cell, expected):
    assert [(o.unit_key, o.section_th) for o in parse_owners(cell)] == expected


@pytest.mark.parametrize("cell, expected_th", [
    ("สำนักปลัด", ["สำนักปลัด"]),
    ("สป.", ["สำนักปลัด"]),
    ("กองการศึกษา ศาสนาและวัฒนธรรม", ["กองการศึกษา"]),
    ("กองวิชาการและแผนงาน", ["กองยุทธศาสตร์และงบประมาณ"]),
    ("กองสาธารณสุขฯ", ["กองสาธารณสุขและสิ่งแวดล้อม"]),
    ("หน่วยงานตรวจสอบภายใน", ["หน่วยตรวจสอบภายใน"]),
    ("ทุกกอง/งาน", ["ทุกหน่วยงาน"]),
    (CELL_BANGPLA, ["คณะทำงาน"]),
    ("ผู้บริหารท้องถิ่น", ["ผู้บริหาร"]),
])
def test_parse_owners_canonical_names(cell, expected_th):
    assert [o.unit_th for o in parse_owners(cell)] == expected_th


@pytest.mark.parametrize("cell, expected", [
    ("เจ้าหน้าที่ผู้รับผิดชอบ", [("other", "เจ้าหน้าที่ผู้รับผิดชอบ")]),
    ("กองกิจการสภา", [("other", "กองกิจการสภา")]),
    ("งานนิติการ", [("other", "งานนิติการ")]),
    ("สำนักปลัด, งานนิติการ", [("clerk_office", "สำนักปลัด"), ("other", "งานนิติการ")]),
    ("กองคลัง ศูนย์ข้อมูลข่าวสาร", [("finance_division", "กองคลัง"),
                                   ("other", "ศูนย์ข้อมูลข่าวสาร")]),
])
def test_parse_owners_keeps_unknown_units(cell, expected):
    assert [(o.unit_key, o.unit_th) for o in parse_owners(cell)] == expected


def test_owner_raw_is_whole_cell_whitespace_normalised():
    owners = parse_owners("  สำนักปลัด,\n  กองคลัง ")
    assert [o.owner_raw for o in owners] == ["สำนักปลัด, กองคลัง"] * 2


def test_owner_is_frozen():
    owner = parse_owners("กองคลัง")[0]
    assert owner == Owner("finance_division", "กองคลัง", None, "กองคลัง")
    with pytest.raises(AttributeError):
        owner.unit_key = "other"


def test_unit_names_cover_every_key_but_other():
    from pipeline.store.schema import UNIT_KEYS
    assert set(UNIT_NAMES) == set(UNIT_KEYS) - {"other"}


@pytest.mark.parametrize("key", sorted(k for k in UNIT_NAMES if k not in ("other", "section", "working_group")))
def test_a_units_first_letter_doubled_by_ocr_is_still_that_unit(key):
    """Regression (seeds' 002 and 003 scans): `กกองคลัง`, `งงานนิติการ` (a speck before the word
    read as its first letter) gave an owner `ก` or `งงานนิติการ` of unit `other`."""
    name = UNIT_NAMES[key]
    doubled = name[0] + name
    assert [o.unit_key for o in parse_owners(doubled)] == [key]
    assert [(o.unit_key, o.section_th) for o in parse_owners(f"{doubled} งงานนิติการ")] == [
        (key, "งานนิติการ")]
