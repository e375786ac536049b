"""normalizers.grades."""
import pytest

from normalizers.grades import letter_grade, parse_grade


@pytest.mark.parametrize("text, expected", [
    ("A", "A"),
    ("AA", "AA"),
    ("ระดับ A", "A"),
    ("ระดับA", "A"),
    ("อยู่ในระดับ A ดังนี้", "A"),
    ("ได้ ๙๐.๗๙ คะแนน ระดับ B", "B"),
    ("ผ่านดีเยี่ยม", "pass_excellent"),
    ("ผ่าน ดีเยี่ยม", "pass_excellent"),
    ("จัดอยู่ในระดับผลการประเมิน ผ่านดีเยี่ยม", "pass_excellent"),
    ("ผ่านดี", "pass_good"),
    ("ผ่าน", "pass"),
    ("ต้องปรับปรุง", "improve"),
    ("ต้องปรับปรุงโดยด่วน", "improve_urgent"),
    ("ITA", None),
    ("ผลการประเมิน ITA", None),
    ("E-Service", None),
    ("ไม่ผ่าน", None),
    ("", None),
    (None, None),
])
def test_parse_grade(text, expected):
    assert parse_grade(text) == expected


@pytest.mark.parametrize("score, expected", [
    (100, "AA"), (95, "AA"), (94.99, "A"), (90.79, "A"), (85, "A"), (84.99, "B"), (75, "B"),
    (74.99, "C"), (65, "C"), (64.99, "D"), (55, "D"), (54.99, "E"), (50, "E"), (49.99, "F"),
    (0, "F"),
])
def test_letter_grade(score, expected):
    assert letter_grade(score) == expected
