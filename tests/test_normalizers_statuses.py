"""normalizers.statuses."""
import pytest

from normalizers.statuses import is_tick, status_from_text


@pytest.mark.parametrize("text, expected", [
    ("ยังไม่ดำเนินการ", "not_started"),
    ("ยังไม่ได้ดำเนินการ", "not_started"),
    ("อยู่ระหว่างดำเนินการ", "in_progress"),
    ("อยู่ระหว่าง ดำเนินการ", "in_progress"),
    ("กำลังดำเนินการ", "in_progress"),
    ("ยังไม่แล้วเสร็จ", "in_progress"),
    ("ดำเนินการเรียบร้อยแล้ว", "completed"),
    ("ดำเนินการแล้ว", "completed"),
    ("เสร็จสิ้น", "completed"),
    ("แล้วเสร็จ", "completed"),
    ("สถานะการดำเนินงาน", None),
    ("มาตรการ", None),
    ("", None),
    (None, None),
])
def test_status_from_text(text, expected):
    assert status_from_text(text) == expected


@pytest.mark.parametrize("text", ["✓", "✔", "☑", "☒", "✗", "x", "X", "/", "√", "●", " ✓ ",
                                  "✓ ดำเนินการแล้ว"])
def test_is_tick_marks(text):
    assert is_tick(text) is True


@pytest.mark.parametrize("text", ["-", "–", "—", "", "  ", "☐", "□", None, "xyz", "1/2",
                                  "ดำเนินการ"])
def test_is_tick_not_marks(text):
    assert is_tick(text) is False
