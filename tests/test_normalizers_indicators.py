"""normalizers.indicators."""
import pytest

from normalizers.indicators import (
    INDICATORS,
    IndicatorRef,
    indicator_by_name,
    indicator_by_no,
    parse_tool,
    resolve_indicator,
    tool_of,
)
from pipeline.store.schema import TOOLS

CANONICAL = {
    1: ("IIT", "การปฏิบัติหน้าที่"), 2: ("IIT", "การใช้งบประมาณ"), 3: ("IIT", "การใช้อำนาจ"),
    4: ("IIT", "การใช้ทรัพย์สินของราชการ"), 5: ("IIT", "การแก้ไขปัญหาการทุจริต"),
    6: ("EIT", "คุณภาพการดำเนินงาน"), 7: ("EIT", "ประสิทธิภาพการสื่อสาร"),
    8: ("EIT", "การปรับปรุงระบบการทำงาน"), 9: ("OIT", "การเปิดเผยข้อมูล"),
    10: ("OIT", "การป้องกันการทุจริต"),
}


def test_ten_indicators_in_order():
    assert [i.no for i in INDICATORS] == list(range(1, 11))


@pytest.mark.parametrize("no", range(1, 11))
def test_indicator_table(no):
    tool, name = CANONICAL[no]
    indicator = indicator_by_no(no)
    assert (indicator.tool, indicator.name) == (tool, name)
    assert tool_of(no) == tool
    assert indicator_by_name(name) == no
    assert all(indicator_by_name(v) == no for v in indicator.variants)


@pytest.mark.parametrize("no", [0, 11, -1])
def test_unknown_numbers(no):
    assert indicator_by_no(no) is None
    assert tool_of(no) is None


@pytest.mark.parametrize("text, expected", [
    ("การปรับปรุงระบบการทำงาน", 8),
    ("การปรับปรุงการทำงาน", 8),
    ("การใช้ทรัพย์สินของทางราชการ", 4),
    ("การใช้ทรัพย์สินของราชการ", 4),
    ("ประสิทธิภาพการสื่อสาร", 7),
    ("การปฏิบัติงาน", 1),
    ("การ ป้องกัน การทุจริต", 10),
    ("ตัวชี้วัดที่ ๙ การเปิดเผยข้อมูล (OIT)", 9),
    ("อื่น ๆ", None),
    ("", None),
    (None, None),
])
def test_indicator_by_name(text, expected):
    assert indicator_by_name(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("ตัวชี้วัดที่ ๘ การปรับปรุงระบบการทำงาน",
     IndicatorRef(8, "การปรับปรุงระบบการทำงาน", "การปรับปรุงระบบการทำงาน", None)),
    ("ตัวชี้วัดที่ ๘", IndicatorRef(8, "การปรับปรุงระบบการทำงาน", None, None)),
    ("๑. การปฏิบัติหน้าที่ ๙๓.๔๖ คะแนน",
     IndicatorRef(1, "การปฏิบัติหน้าที่", "การปฏิบัติหน้าที่", None)),
    ("ตัวชี้วัดที่ ๘ ประสิทธิภาพการสื่อสาร",
     IndicatorRef(8, "การปรับปรุงระบบการทำงาน", "ประสิทธิภาพการสื่อสาร",
                  "indicator_name_mismatch:8")),
    ("การเปิดเผยข้อมูล", IndicatorRef(9, "การเปิดเผยข้อมูล", "การเปิดเผยข้อมูล", None)),
    ("ตัวชี้วัดย่อยที่ ๙.๑", IndicatorRef(9, "การเปิดเผยข้อมูล", None, None)),
    ("ตัวชี้วัดที่ ๖ คุณภาพการดำเนินงาน (๙๙.๑๐ คะแนน)",
     IndicatorRef(6, "คุณภาพการดำเนินงาน", "คุณภาพการดำเนินงาน", None)),
    ("ตัวชี้วัดที่ ๘ การปรับปรุงการทำงาน (๙๙.๓๗ คะแนน)",
     IndicatorRef(8, "การปรับปรุงระบบการทำงาน", "การปรับปรุงการทำงาน", None)),
    ("๖. คุณภาพการดำเนินงาน\t๘๕.๐๒ คะแนน",
     IndicatorRef(6, "คุณภาพการดำเนินงาน", "คุณภาพการดำเนินงาน", None)),
    ("๔. การใช้ทรัพย์สินของราชการ ๘๘.๔๙ คะแนน",
     IndicatorRef(4, "การใช้ทรัพย์สินของราชการ", "การใช้ทรัพย์สินของราชการ", None)),
    ("- ตัวชี้วัดที่ ๖ คุณภาพการดำเนินงาน",
     IndicatorRef(6, "คุณภาพการดำเนินงาน", "คุณภาพการดำเนินงาน", None)),
    ("ตัวชี้วัดที่ 8: การปรับปรุงระบบการทำงาน",
     IndicatorRef(8, "การปรับปรุงระบบการทำงาน", "การปรับปรุงระบบการทำงาน", None)),
    ("การเปิดเผยข้อมูล (ตัวชี้วัดที่ ๙)",
     IndicatorRef(9, "การเปิดเผยข้อมูล", "การเปิดเผยข้อมูล", None)),
    ("๓. การใช้อำนาจ", IndicatorRef(3, "การใช้อำนาจ", "การใช้อำนาจ", None)),
    ("ตัวชี้วัดที่ ๑๑ การเปิดเผยข้อมูล",
     IndicatorRef(None, None, "การเปิดเผยข้อมูล", "indicator_no_out_of_range:11")),
    ("ตัวชี้วัดที่ ๐", IndicatorRef(None, None, None, "indicator_no_out_of_range:0")),
    ("๑๒. การใช้อำนาจ", IndicatorRef(None, None, "การใช้อำนาจ", None)),
    ("สรุปผลการดำเนินงาน", IndicatorRef(None, None, "สรุปผลการดำเนินงาน", None)),
    ("", IndicatorRef(None, None, None, None)),
    (None, IndicatorRef(None, None, None, None)),
])
def test_resolve_indicator(text, expected):
    assert resolve_indicator(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (IIT)", "IIT"),
    ("แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก (EIT)", "EIT"),
    ("EIT ส่วนที่ ๑", "EIT1"),
    ("แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก (EIT) ส่วนที่ ๒", "EIT2"),
    ("EIT2", "EIT2"),
    ("(OIT)", "OIT"),
    ("แบบตรวจการเปิดเผยข้อมูลสาธารณะ", "OIT"),
    ("แบบวัดการเปิดเผยข้อมูลสาธารณะ (OIT)", "OIT"),
    ("ภายนอก", "EIT"),
    ("ภายใน", "IIT"),
    ("ส่วนที่ ๒", None),
    ("ITA", None),
    ("", None),
    (None, None),
])
def test_parse_tool(text, expected):
    assert parse_tool(text) == expected


@pytest.mark.parametrize("text", ["IIT", "EIT ส่วนที่ 1", "EIT ส่วนที่ 2", "OIT", "ภายนอก"])
def test_parse_tool_in_vocabulary(text):
    assert parse_tool(text) in TOOLS
