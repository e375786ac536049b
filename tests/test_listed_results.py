"""Results lists of many bodies (issue 14, family 4), from small documents written here: which
tables are lists, how their columns are told, what a dash and a rank mean, and that a list's
scores never become the document's own."""
from __future__ import annotations

from pathlib import Path

import pytest

from parsers.ita.parse import parse_ita
from parsers.markup import read_markup
from pipeline.assemble import SourceInfo, assemble

ISSUER = "ประกาศสำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดสกลนคร"
TITLE = "เรื่อง ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงาน (ITA) ประจำปีงบประมาณ พ.ศ. ๒๕๖๗"


def extract(tmp_path: Path, table: str, head: str = f"{ISSUER}\n{TITLE}\n\n"):
    path = tmp_path / "list.txt"
    path.write_text(head + table, encoding="utf-8")
    layout = read_markup(path)
    ita = parse_ita(layout)
    return ita, assemble(SourceInfo("0" * 64, path.name, str(path), "test"), layout, ita)


def by_body(extraction) -> dict[str, dict[str | None, object]]:
    out: dict[str, dict[str | None, object]] = {}
    for row in extraction.listed_scores:
        out.setdefault(row.listed_name_printed, {})[row.tool] = row
    return out


def test_a_list_gives_each_body_its_scores_and_none_to_the_document(tmp_path):
    ita, ex = extract(tmp_path, """
| ลำดับ | ชื่อ อปท. | อำเภอ | IIT | EIT | OIT | คะแนนรวม | ระดับผลการประเมิน |
|---|---|---|---|---|---|---|---|
| ๑ | เทศบาลตำบลแร่ | พังโคน | ๙๙.๑๐ | ๙๘.๐๐ | ๙๗.๕๐ | ๙๘.๑๘ | AA |
| ๒ | อบต.ไฮหย่อง | พังโคน | - | ๙๐,๕๐ | ๘๐.๐๐ | ๘๔.๕๐ | B |
""")
    assert ex.document.doc_type == "results_announcement"
    assert ex.document.org_name == "สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดสกลนคร"
    assert ex.document.org_type == "other" and ex.document.province == "สกลนคร"
    assert ex.document.overall_score is None and ex.scores == []
    rows = by_body(ex)
    rae = rows["เทศบาลตำบลแร่"]
    assert {t: r.score for t, r in rae.items()} == {None: 98.18, "IIT": 99.1, "EIT": 98.0, "OIT": 97.5}
    assert rae[None].grade == "AA" and rae["IIT"].grade is None
    # placed by the gazetteer from its name and printed district; ranked by its printed order
    assert (rae[None].listed_org_type, rae[None].listed_district, rae[None].listed_subdistrict_code,
            rae[None].rank) == ("subdistrict_municipality", "พังโคน", "470503", 1)
    hai = rows["อบต.ไฮหย่อง"]
    assert hai[None].listed_org_name == "องค์การบริหารส่วนตำบลไฮหย่อง"
    assert hai["IIT"].score is None  # a dash: missing, not zero
    assert hai["EIT"].score == 90.5  # a decimal comma
    assert all(r.assessed_year_be == 2567 and r.page == 1 for r in ex.listed_scores)


def test_rank_only_where_the_document_states_one(tmp_path):
    """Row numbers are a rank only in a list printed best first; an อันดับ column always is."""
    _, unordered = extract(tmp_path, """
| ที่ | ชื่อหน่วยงาน | IIT | EIT | OIT | คะแนนรวม |
|---|---|---|---|---|---|
| 1 | อบต.ไฮหย่อง | 80.00 | 80.00 | 80.00 | 80.00 |
| 2 | เทศบาลตำบลแร่ | 90.00 | 90.00 | 90.00 | 90.00 |
""")
    assert {r.rank for r in unordered.listed_scores} == {None}
    _, ranked = extract(tmp_path, """
| ที่ | ชื่อหน่วยงาน | คะแนนรวม | ระดับ | อันดับ |
|---|---|---|---|---|
| 1 | อบต.ไฮหย่อง | 80.00 | B | 2 |
| 2 | เทศบาลตำบลแร่ | 90.00 | A | 1 |
""")
    assert {r.listed_name_printed: r.rank for r in ranked.listed_scores} == {
        "อบต.ไฮหย่อง": 2, "เทศบาลตำบลแร่": 1}


@pytest.mark.parametrize("headers", [
    "| ที่ | หน่วยงาน | ตัวชี้วัด | คะแนน |",  # an indicator score table: no body beside two scores
    "| ที่ | มาตรการ | ผู้รับผิดชอบ | ระยะเวลา |",  # a measures table
])
def test_other_tables_are_not_lists(tmp_path, headers):
    ita, ex = extract(tmp_path, f"""
{headers}
|---|---|---|---|
| ๑ | การปฏิบัติหน้าที่ | ๑ | ๙๐.๐๐ |
""")
    assert ita.listed == [] and ex.listed_scores == []


def test_a_grade_outside_its_band_is_kept_where_printed_and_warned(tmp_path):
    _, ex = extract(tmp_path, """
| ที่ | ชื่อหน่วยงาน | IIT | EIT | OIT | คะแนนรวม | ระดับผลการประเมิน |
|---|---|---|---|---|---|---|
| 1 | อบต.ไฮหย่อง | 90.00 | 90.00 | 90.00 | 90.00 | C |
""")
    overall = by_body(ex)["อบต.ไฮหย่อง"][None]
    assert overall.grade == "C"
    assert "listed_grade_mismatch:1" in ex.document.warnings


def test_a_repeated_header_row_and_a_body_named_like_a_header_word(tmp_path):
    """`ปากช่อง` holds ช่อง, and ชื่อ without its marks is ชอ: only the header's own text is a
    repeated header."""
    _, ex = extract(tmp_path, """
| ที่ | ชื่อหน่วยงาน | IIT | EIT | OIT | คะแนนรวม |
|---|---|---|---|---|---|
| ที่ | ชื่อหน่วยงาน | IIT | EIT | OIT | คะแนนรวม |
| 1 | องค์การบริหารส่วนตำบลปากช่อง | 90.00 | 90.00 | 90.00 | 90.00 |
""")
    assert {r.listed_name_printed for r in ex.listed_scores} == {"องค์การบริหารส่วนตำบลปากช่อง"}
