"""The ITA parser and the normalise stage on small documents written for one behaviour each."""
from __future__ import annotations

import datetime as dt

import pytest

from parsers.ita import parse_ita
from parsers.ita.cells import split_items, title_and_subitems
from parsers.ita.columns import Role, column_role
from parsers.markup import parse_markup
from pipeline.assemble import SourceInfo, assemble

SOURCE = SourceInfo(doc_id="f" * 64, source_name="t.txt", source_path="t.txt", extractor_version="test")


def extract(text: str):
    layout = parse_markup(text, "t.txt")
    return assemble(SOURCE, layout, parse_ita(layout))


@pytest.mark.parametrize("header, role", [
    ("มาตรการ", Role.TITLE),
    ("มาตรการ/แนวทาง", Role.TITLE),
    ("มาตรการ/โครงการ/กิจกรรม □", Role.TITLE),
    ("แนวทางการปฏิบัติ", Role.GUIDELINE),
    ("ขั้นตอนและวิธีการ", Role.STEPS),
    ("วิธีการดำเนินการ", Role.STEPS),
    ("ผู้รับผิดชอบ", Role.OWNER),
    ("หน่วยงานรับผิดชอบ", Role.OWNER),
    ("ระยะเวลาดำเนินการ", Role.PERIOD),
    ("ช่วงระยะเวลาในการดำเนินการ", Role.PERIOD),
    ("การกำกับติดตาม", Role.MONITORING),
    ("การติดตามผล", Role.MONITORING),
    ("สรุปผลการดำเนินงาน", Role.RESULT),
    ("ผลการวิเคราะห์ตัวชี้วัดตามหลักเกณฑ์การประเมิน ITA", Role.RATIONALE),
    ("สถานะการดำเนินงาน ดำเนินการเรียบร้อยแล้ว", Role.STATUS),
    ("ยังไม่ดำเนินการ", Role.STATUS),
    ("ตัวชี้วัด", Role.INDICATOR),
    ("คะแนน", Role.SCORE),
    ("จุดแข็ง", Role.STRENGTH),
    ("", Role.OTHER),
])
def test_column_roles(header, role):
    assert column_role(header) is role


@pytest.mark.parametrize("paragraphs, items", [
    (["- จัดทำแนวทาง - เผยแพร่ให้ทราบ"], ["- จัดทำแนวทาง", "- เผยแพร่ให้ทราบ"]),
    (["๑. ทบทวนคู่มือ ๒. อบรมเจ้าหน้าที่ ๓. สุ่มตรวจ"], ["๑. ทบทวนคู่มือ", "๒. อบรมเจ้าหน้าที่", "๓. สุ่มตรวจ"]),
    (["ตามมาตรา ๙ ของพระราชบัญญัติ"], ["ตามมาตรา ๙ ของพระราชบัญญัติ"]),
    (["จัดเวทีเสวนา Online /On – Site รับฟัง"], ["จัดเวทีเสวนา Online /On – Site รับฟัง"]),
    ([], []),
])
def test_split_items(paragraphs, items):
    assert split_items(paragraphs) == items


def test_title_keeps_unnumbered_continuation_and_takes_subitems_as_steps():
    assert title_and_subitems(["๒. พัฒนาระบบ", "เว็บไซต์", "๒.๑ จัดสรรงบ", "๒.๒ จัดคน"]) == (
        "๒. พัฒนาระบบ เว็บไซต์", ["๒.๑ จัดสรรงบ", "๒.๒ จัดคน"])


PLAN_AND_STATUS = """รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. ๒๕๖๖
องค์การบริหารส่วนตำบลทดสอบ อำเภอเมือง จังหวัดขอนแก่น

มาตรการ\tขั้นตอน\tผู้รับผิดชอบ\tระยะเวลา
๑. จัดทำคู่มือ\t- ร่าง - เผยแพร่\tกองคลัง งานพัสดุ\tม.ค. - มี.ค. ๖๖
๒. เปิดเผยข้อมูล\t- ลงเว็บไซต์\t\t
๓. อบรม\t- จัดอบรม\t-\tตลอดปีงบประมาณ

มาตรการ\tสถานะ\t\t
\tยังไม่ดำเนินการ\tอยู่ระหว่างดำเนินการ\tดำเนินการแล้ว
๑. จัดทำคู่มือ\t-\t-\t✓
๒. เปิดเผยข้อมูล\t-\t✓\t-
๔. ไม่มีในแผน\t✓\t-\t-
"""


def test_plan_and_status_tables_join_into_one_measure_per_number_and_title():
    result = extract(PLAN_AND_STATUS)
    measures = {m.number: m for m in result.measures}
    assert sorted(measures) == ["1", "2", "3", "4"]
    statuses = {s.measure_id: s.status for s in result.statuses}
    assert statuses[measures["1"].measure_id] == "completed"
    assert statuses[measures["2"].measure_id] == "in_progress"
    assert statuses[measures["3"].measure_id] == "planned"
    assert statuses[measures["4"].measure_id] == "not_started"
    assert measures["1"].kind == "report" and measures["3"].kind == "plan"
    assert measures["1"].steps == ["ร่าง", "เผยแพร่"]
    assert (measures["1"].period_start, measures["1"].period_end) == (dt.date(2023, 1, 1), dt.date(2023, 3, 31))
    # no year printed: the document's fiscal year 2566
    assert (measures["3"].period_start, measures["3"].period_end) == (dt.date(2022, 10, 1), dt.date(2023, 9, 30))


# The owner and period headings as OCR has read them on real scans, and some worse.
GARBLED_OWNER = ["หน่ว ผิดชอบ ยงานรับ", "gry ผด yet", "ผู้", "๕๐44 6 => เดชอบ"]
GARBLED_PERIOD = ["คดำเนินงาน", "กร์ว", "", "ระยะ"]


@pytest.mark.parametrize("owner_heading", GARBLED_OWNER)
@pytest.mark.parametrize("period_heading", GARBLED_PERIOD)
def test_columns_whose_headings_ocr_garbled_are_told_by_their_cells(owner_heading, period_heading):
    """Regression (seeds' 004 scan, page 3): `หน่ว ผิดชอบ ยงานรับ` and `คดำเนินงาน` named no role,
    and two measures lost their owner and period; short cells naming a unit or a month tell."""
    text = ("รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. ๒๕๖๗\n"
            "องค์การบริหารส่วนตำบลทดสอบ อำเภอเมือง จังหวัดขอนแก่น\n\n"
            f"มาตรการ/ แนวทาง\tขั้นตอน/วิธีการปฏิบัติ\t{owner_heading}\t{period_heading}\tสรุปผลการดำเนินงาน\n"
            "มาตรการตรวจสอบการใช้ดุลพินิจ\tจัดทำมาตรการ เผยแพร่เมื่อวันที่ ๑ ตุลาคม ๒๕๖๖\tสำนักปลัด\t"
            "เดือนตุลาคม๖๖ ถึง เดือนมีนาคม ๖๗\tการใช้ดุลพินิจเป็นไปตามกฎหมาย\n"
            "มาตรการเผยแพร่ข้อมูลต่อสาธารณะ\tจัดทำมาตรการ เผยแพร่บนเว็บไซต์หลัก\tกองคลัง\t"
            "ต.ค. ๖๖ - มี.ค. ๖๗\tรายงานผลการดำเนินงานตามมาตรการ\n")
    result = extract(text)
    assert [(m.period_start, m.period_end) for m in result.measures] == [
        (dt.date(2023, 10, 1), dt.date(2024, 3, 31))] * 2
    owners = {m.measure_id: m.title for m in result.measures}
    assert sorted((owners[o.measure_id], o.unit_key) for o in result.owners) == [
        ("มาตรการตรวจสอบการใช้ดุลพินิจ", "clerk_office"), ("มาตรการเผยแพร่ข้อมูลต่อสาธารณะ", "finance_division")]


def test_a_result_column_that_dates_its_sentences_is_no_period():
    text = ("รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. ๒๕๖๗\n\n"
            "มาตรการ\tผู้รับผิดชอบ\tคดำเนินงาน\n"
            "มาตรการตรวจสอบการใช้ดุลพินิจ\tสำนักปลัด\tได้จัดทำมาตรการและเผยแพร่บนเว็บไซต์หลักของหน่วยงานแล้ว "
            "เมื่อวันที่ ๑ เดือนตุลาคม พ.ศ. ๒๕๖๖ ทั้งประกาศให้เจ้าหน้าที่ทุกคนรับทราบและถือปฏิบัติ\n"
            "มาตรการเผยแพร่ข้อมูลต่อสาธารณะ\tกองคลัง\tเผยแพร่ข้อมูลครบถ้วนตามแนวทางของสำนักงาน ป.ป.ช. "
            "ตั้งแต่เดือนตุลาคม ๒๕๖๖ และปรับปรุงให้เป็นปัจจุบันทุกเดือนตลอดปีงบประมาณ\n")
    assert [(m.period_start, m.period_end) for m in extract(text).measures] == [(None, None)] * 2


@pytest.mark.parametrize("group_row, indicator", [
    ("ตัวชีวัดที่ ๔ การใช้ทรัพย์สินของราชการ", 4), ("ตัวชีวัดที่๖ คุณภาพการดำเนินงาน", 6),
    ("ตัวชีวัดที wide ๑๐ การป้องกันการทุจริต", 10), ("ตัวชี้วัดที่ ๙ การเปิดเผยข้อมูล", 9),
    ("MBIAN vwdw a ๙ การเปิดเผยข้อมูล", 9)])
def test_an_indicator_group_row_read_without_its_marks_still_heads_its_measures(group_row, indicator):
    """Regression (seeds' 003 scan, page 7): group rows OCR read without a mark (`ตัวชีวัด`)
    were no group rows, and six measures lost their indicator."""
    text = ("แผนปฏิบัติการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. ๒๕๖๙\n\n"
            "มาตรการ/ โครงการ/กิจกรรม\tขั้นตอน/วิธีการปฏิบัติ\tช่วงระยะเวลาในการดำเนินการ\tผู้รับผิดชอบ\n"
            f"{group_row}\t\t\t\n"
            "มาตรการเสริมสร้างความรู้ความเข้าใจ\t๑. จัดทำแนวทาง\tม.ค. - ก.ย. ๖๙\tกองคลัง\n")
    assert [m.indicator_no for m in extract(text).measures] == [indicator]


def test_a_group_row_that_names_no_indicator_gives_none():
    text = ("แผนปฏิบัติการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. ๒๕๖๙\n\n"
            "มาตรการ/ โครงการ/กิจกรรม\tขั้นตอน/วิธีการปฏิบัติ\tช่วงระยะเวลาในการดำเนินการ\tผู้รับผิดชอบ\n"
            "ด้านการพัฒนาบุคลากร\t\t\t\n"
            "มาตรการเสริมสร้างความรู้ความเข้าใจ\t๑. จัดทำแนวทาง\tม.ค. - ก.ย. ๖๙\tกองคลัง\n")
    assert [m.indicator_no for m in extract(text).measures] == [None]


def test_empty_owner_cell_takes_the_merged_value_above_but_a_dash_is_no_owner():
    result = extract(PLAN_AND_STATUS)
    by_measure = {}
    for o in result.owners:
        by_measure.setdefault(o.measure_id, []).append(o)
    ids = {m.number: m.measure_id for m in result.measures}
    first, second = by_measure[ids["1"]], by_measure[ids["2"]]
    assert [(o.unit_key, o.section_th, o.filled_down) for o in first] == [("finance_division", "งานพัสดุ", False)]
    assert [(o.unit_key, o.filled_down) for o in second] == [("finance_division", True)]
    assert ids["3"] not in by_measure


def test_document_header_fields():
    doc = extract(PLAN_AND_STATUS).document
    assert (doc.org_name, doc.org_type) == ("องค์การบริหารส่วนตำบลทดสอบ", "sao")
    assert (doc.district, doc.province, doc.province_iso) == ("เมืองขอนแก่น", "ขอนแก่น", "TH-40")
    assert (doc.fiscal_year_be, doc.fiscal_year, doc.doc_type, doc.form) == (2566, 2023, "measures_report", "report")


GROUPED = """มาตรการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ ๒๕๖๗
เทศบาลตำบลทดสอบ

| มาตรการ | ขั้นตอน | ผู้รับผิดชอบ |
|---|---|---|
| ตัวชี้วัดที่ ๒ การใช้งบประมาณ | | |
| เผยแพร่แผนการใช้จ่าย | ๑. ทำแผน ๒. เผยแพร่ | กองคลัง |
| ตัวชี้วัดที่ ๙ การใช้อำนาจ | | |
| ตรวจลิงก์ | - ทุกเดือน | |
"""


def test_group_rows_set_the_indicator_and_stop_the_fill_down():
    result = extract(GROUPED)
    assert [(m.title, m.indicator_no) for m in result.measures] == [
        ("เผยแพร่แผนการใช้จ่าย", 2), ("ตรวจลิงก์", 9)]
    assert result.measures[0].steps == ["ทำแผน", "เผยแพร่"]
    assert [o.measure_id for o in result.owners] == [result.measures[0].measure_id]
    # the group row printed indicator 9 with the name of indicator 3: the number wins, warned
    assert "indicator_name_mismatch:9" in result.document.warnings
    assert result.document.org_type == "subdistrict_municipality"


SCORES = """รายงานการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. ๒๕๖๕
ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. ๒๕๖๕ ในภาพรวมได้คะแนน ๘๗.๕๐ คะแนน อยู่ในระดับ A
๑. แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (IIT) คะแนนรวม ๘๘.๑๒ คะแนน
๒. แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก (EIT)
- ส่วนที่ ๑ คะแนนรวม ๘๐.๐๐ คะแนน
- ส่วนที่ ๒ คะแนนรวม ๗๐.๕๐ คะแนน
ตัวชี้วัดที่ ๘ การปรับปรุงระบบการทำงาน ได้คะแนนเท่ากับร้อยละ ๖๑.๒๕ ซึ่งต่ำที่สุด
หน่วยงานต้องได้คะแนนมากกว่า ๙๕ คะแนน ทุกตัวชี้วัด

| ตัวชี้วัดที่ | รายละเอียด | คะแนน |
|---|---|---|
| 1 | การปฏิบัติหน้าที่ | 93.46 |
| 10 | การป้องกันการทุจริต | 100.00 |
"""


def test_scores_from_sentences_and_tables():
    result = extract(SCORES)
    got = {(s.scope, s.tool, s.indicator_no): s.score for s in result.scores}
    assert got == {
        ("overall", None, None): 87.5,
        ("tool", "IIT", None): 88.12,
        ("tool", "EIT1", None): 80.0,
        ("tool", "EIT2", None): 70.5,
        ("indicator", "EIT", 8): 61.25,
        ("indicator", "IIT", 1): 93.46,
        ("indicator", "OIT", 10): 100.0,
    }
    labels = {(s.scope, s.tool, s.indicator_no): s.name_printed for s in result.scores}
    assert labels[("overall", None, None)] == "ภาพรวมได้คะแนน"
    assert labels[("tool", "IIT", None)] == "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (IIT)"
    assert labels[("tool", "EIT1", None)] == "ส่วนที่ ๑"
    assert labels[("indicator", "EIT", 8)] == "การปรับปรุงระบบการทำงาน"
    doc = result.document
    assert (doc.overall_score, doc.grade, doc.assessed_year_be, doc.doc_type) == (87.5, "A", 2565, "assessment_analysis")
    assert all(s.page == 1 for s in result.scores)


MEMO = """บันทึกข้อความ
ส่วนราชการ สำนักปลัด องค์การบริหารส่วนตำบลทดสอบ
ที่ สน ๗๖๑๐๑/๑๒ วันที่ ๕ ตุลาคม ๒๕๖๗
เรื่อง รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรม
ประจำปีงบประมาณ พ.ศ. ๒๕๖๘
เรียน นายกองค์การบริหารส่วนตำบลทดสอบ
ตามที่ได้กำหนดมาตรการส่งเสริมคุณธรรมและความโปร่งใส จึงเรียนมาเพื่อโปรดทราบ
(นางสาวทดสอบ ใจดี)
หัวหน้าสำนักปลัด
"""


def test_memo_fields_and_province_from_the_letter_code():
    result = extract(MEMO)
    doc = result.document
    assert doc.form == "memo"
    assert doc.department == "สำนักปลัด องค์การบริหารส่วนตำบลทดสอบ"
    assert doc.reference_no == "สน 76101/12"
    assert doc.doc_date == dt.date(2024, 10, 5)
    assert doc.subject == "รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรม ประจำปีงบประมาณ พ.ศ. ๒๕๖๘"
    assert doc.addressee == "นายกองค์การบริหารส่วนตำบลทดสอบ"
    assert (doc.fiscal_year_be, doc.province, doc.province_iso) == (2568, "สกลนคร", "TH-47")
    assert [(s.name, s.position) for s in result.signatories] == [("นางสาวทดสอบ ใจดี", "หัวหน้าสำนักปลัด")]


STAMPED_LETTER = "\n\n".join([
    "ที่ {code} ๐๐๒๓.๑/ว ๗๑๔",
    "ถึง องค์การบริหารส่วนจังหวัดพิษณุโลก เทศบาลนครพิษณุโลก",
    "และสำนักงานส่งเสริมการปกครองท้องถิ่นอำเภอ ทุกอำเภอ",
    "ด้วยจังหวัดพิษณุโลกได้รับแจ้งจากสำนักงานปลัดสำนักนายกรัฐมนตรีว่า ได้จัดทำเอกสารเผยแพร่ความรู้ รวม ๕ บทความ",
    "จังหวัดพิษณุโลก",
    "๑ เมษายน ๒๕๖๘",
    "สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดพิษณุโลก",
    "ฝ่ายบริหารทั่วไป",
    "โทร. ๐ ๕๕๒๓ ๒๔๙๐"]) + "\n"


def test_a_stamped_letter_gives_its_number_addressees_sender_place_and_foot_date():
    doc = extract(STAMPED_LETTER.format(code="พล")).document
    assert (doc.form, doc.reference_no, doc.province, doc.doc_date) == (
        "letter", "พล 0023.1/ว 714", "พิษณุโลก", dt.date(2025, 4, 1))
    assert doc.addressee == ("องค์การบริหารส่วนจังหวัดพิษณุโลก เทศบาลนครพิษณุโลก "
                             "และสำนักงานส่งเสริมการปกครองท้องถิ่นอำเภอ ทุกอำเภอ")
    assert doc.warnings == []


def test_a_letter_code_printed_in_a_text_layer_is_never_put_right():
    """Only OCR's look-alike letters are mended: a text layer's `พส` is what was typed."""
    doc = extract(STAMPED_LETTER.format(code="พส")).document
    assert doc.reference_no == "พส 0023.1/ว 714" and doc.province == "พิษณุโลก"
    assert not [w for w in doc.warnings if w.startswith("reference_code")]


def test_a_text_that_is_not_an_ita_report_is_doc_type_other():
    result = extract("สูตรแกงเขียวหวาน\nใส่พริกแกง กะทิ และไก่ ต้มให้เดือด\n")
    assert result.document.doc_type == "other"
    assert result.measures == [] and result.scores == []


def test_a_score_is_found_where_ocr_garbled_its_words():
    """Regression (issue 13, scans at 200 dpi): `ค่ะแนน` (a stray tone mark), `ตัวชีวัดที`
    (marks dropped) and a label so garbled that only the indicator's number and its own name are
    left (`ตวช an ๔ การใช้ทรัพย์สินของราชการ`) still say which indicator a score is of; a number
    before another indicator's name is not taken."""
    from parsers.ita.scores import scores_from_line
    from parsers.layout import Provenance, TextLine

    def read(text):
        found, _ = scores_from_line(TextLine(text, Provenance(1, "ocr")), None)
        return [(s.scope, s.indicator, s.value) for s in found]

    assert read("ตวช an ๔ การใช้ทรัพย์สินของราชการ (๑๐๐ คะแนน)") == [("indicator", "๔", "๑๐๐")]
    assert read("ตัวชีวัดที ๗ ประสิทธิภาพการสือสาร ๙๙.๓๓ คะแนน)") == [("indicator", "๗", "๙๙.๓๓")]
    assert read("ตวช an ๕ การใช้ทรัพย์สินของราชการ (๑๐๐ คะแนน)") == []
    assert read("เทศบาลตำบลแร่ พบว่า มีผลคะแนน ๙๐.๗๙ ค่ะแนน") == [("overall", None, "๙๐.๗๙")]


# A per-question table and an analysis-to-action table as a 200 dpi scan reads them (family 2):
# item letters lost or read as digits, group rows with their number garbled, the grade read as 8.
GARBLED_ITEMS = """การวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใส ของเทศบาลนครพิษณุโลก ประจำปีงบประมาณ พ.ศ. ๒๕๖๖
ผลการประเมินในภาพรวมได้คะแนน ๘๒.๓๘ คะแนน อยู่ในระดับ 8

| ข้อ | ประเด็นคำถาม | คะแนน |
|---|---|---|
| ew AVIAN dey ๑ การปฏิบัติหน้าที่ | | |
| i๑ | เจ้าหน้าที่ปฏิบัติงานตามขั้นตอนและระยะเวลา | ๘๕.๐๙ |
| ๒ | เจ้าหน้าที่ให้บริการผู้มาติดต่ออย่างเท่าเทียม | ๘๒.๙๓ |
| i๓ | เจ้าหน้าที่มีการเรียกรับสินบน | ๘๖.๙๒ |
| ตว ชวดท๔ การใช้ทรัพย์สินของราชการม สย a | | |
| i๑๙ | บุคลากรนำทรัพย์สินของราชการไปใช้ประโยชน์ส่วนตัว | ๘๑.๙๗ |
| ๒๐ | การขออนุญาตยืมทรัพย์สินของราชการมีความสะดวก | ๘๑.๒๔ |
| วชี้วัดที่'๖ คุณภาพการดำเนินงาน | | |
| ๒๑ | เจ้าหน้าที่ให้บริการตามขั้นตอนและระยะเวลา | ๘๖.๙๕ |
| e๒ | เจ้าหน้าที่ให้บริการอย่างเท่าเทียมกัน | ๙๗.๖๔ |
| อฒ | เจ้าหน้าที่เรียกรับสินบนเพื่อแลกกับการให้บริการ | ๘๖.๔๓ |
| e๔ | เจ้าหน้าที่ให้ข้อมูลอย่างตรงไปตรงมา | ๗๒.๓๙ |
| ๕ | เจ้าหน้าที่ปฏิบัติงานโดยคำนึงถึงประโยชน์ของประชาชน | ๗๐.๐๐ |

| ประเด็นการประเมิน | ผลคะแนน | แนวทางการพัฒนา | หน่วยงานที่รับผิดชอบ |
|---|---|---|---|
| ๒๐ การขออนุญาตยืมทรัพย์สินของราชการมีความสะดวก | ๘๑.๒๔ | จัดทำคู่มือการยืมทรัพย์สิน | กองการเจ้าหนาท |
| e๔ เจ้าหน้าที่ให้ข้อมูลอย่างตรงไปตรงมา | ๗๒.๓๙ | ปรับปรุงช่องทางร้องเรียน | กองช่าง |
"""


def test_items_whose_code_ocr_garbled_are_told_by_their_rows_and_questions():
    """Regression (issue 14, family 2 scans at 0.887): `๒` for i2, `๒๑` for e1, `อฒ` for e3 are
    told by the codes of the rows around them; `๕` after e4 with no code after it is e5 by the
    count from e4 and its digit; the action row `๒๐ การขออนุญาต...` is i20 by the per-question
    item with its question and score; group rows whose number OCR garbled are told by their
    indicator's name; `ระดับ 8` is B by the overall score's band. Warnings say what was told."""
    result = extract(GARBLED_ITEMS)
    items = {s.item_code: (s.score, s.indicator_no) for s in result.scores if s.scope == "item"}
    assert items == {"i1": (85.09, 1), "i2": (82.93, 1), "i3": (86.92, 1), "i19": (81.97, 4),
                     "i20": (81.24, 4), "e1": (86.95, 6), "e2": (97.64, 6), "e3": (86.43, 6),
                     "e4": (72.39, 6), "e5": (70.0, 6)}
    assert [(m.item_code, m.indicator_no) for m in result.measures] == [("i20", 4), ("e4", 6)]
    assert [o.unit_key for o in result.owners] == ["personnel_division", "engineering_division"]
    assert result.document.grade == "B"
    warnings = result.document.warnings
    assert {"item_code_from_row_order:i2", "item_code_from_row_order:e3", "item_code_from_question:i20",
            "grade_ocr_corrected"} <= set(warnings)


def test_an_item_row_no_neighbour_accounts_for_gets_no_code():
    """A bare number that does not count on from the code before it nor to the one after it
    (`๗` between i1 and i3) is no item of the document: no row, rather than a guessed code."""
    text = GARBLED_ITEMS.replace("| ๒ | เจ้าหน้าที่ให้บริการผู้มาติดต่อ", "| ๗ | เจ้าหน้าที่ให้บริการผู้มาติดต่อ")
    items = {s.item_code for s in extract(text).scores if s.scope == "item"}
    assert "i2" not in items and "i7" not in items and {"i1", "i3"} <= items


def test_an_indicator_number_ocr_misread_yields_to_its_name_but_a_printed_one_wins():
    """Regression (f2 in TLWG Loma, scanned bilevel): `ตัวชี้วัดที่ ๖ คุณภาพการดำเนินงาน` read as
    `๒` gave a second indicator 2. Read by OCR, the name wins over one glyph (warned); as
    printed, the number wins over a name at odds with it (the report's own slip, warned)."""
    import dataclasses

    from parsers.layout import Method

    text = """รายงานการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. ๒๕๖๗

| เครื่องมือ/ตัวชี้วัด | คะแนน |
|---|---|
| ตัวชี้วัดที่ ๒ การใช้งบประมาณ | ๙๓.๐๕ |
| ตัวชี้วัดที่ ๒ คุณภาพการดำเนินงาน | ๙๒.๕๓ |
"""
    layout = parse_markup(text, "t.txt")
    printed = assemble(SOURCE, layout, parse_ita(layout))
    assert sorted((s.indicator_no, s.score) for s in printed.scores) == [(2, 92.53), (2, 93.05)]
    assert "indicator_name_mismatch:2" in printed.document.warnings
    ita = parse_ita(layout)
    for score in ita.scores:
        score.prov = dataclasses.replace(score.prov, method=Method.OCR)
    read = assemble(SOURCE, layout, ita)
    assert sorted((s.indicator_no, s.score) for s in read.scores) == [(2, 93.05), (6, 92.53)]
    assert "indicator_no_misread:2->6" in read.document.warnings
