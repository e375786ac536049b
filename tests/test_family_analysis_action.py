"""Family 2 (issue 14): analyses of last round's result with an analysis-to-action table.

The generated samples (`scripts/families/f2_analysis_action.py`) as read by the session's main
job, scored by the shared evaluator against their own gold; the parser on small tables written
for one behaviour each (item codes, numbered steps, a table continued over a page, one score
printed twice); and one sample laid out anew in another font.
"""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
from family_samples import GOLD, evaluate, family_figures

from parsers.ita import parse_ita
from parsers.markup import parse_markup
from pipeline.assemble import SourceInfo, assemble
from pipeline.run import RunSettings, run

from conftest import REPO

SOURCE = SourceInfo(doc_id="a" * 64, source_name="t.txt", source_path="t.txt", extractor_version="test")


def generated(*numbers: int) -> list[dict]:
    """The generator's documents of these numbers (`dataclasses.asdict` of each sample). Run
    apart: `scripts/families` is a package named as this folder's `families` module."""
    code = ("import dataclasses, json, sys; sys.path.insert(0, 'scripts');"
            "from families.f2_analysis_action import document;"
            f"print(json.dumps([dataclasses.asdict(document(n)) for n in {list(numbers)!r}]))")
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True,
                          timeout=120, check=True)
    return json.loads(done.stdout)


COMMITTED = range(4)  # the samples() of the generator, committed under samples/families


def extract(text: str):
    layout = parse_markup(text, "t.txt")
    return assemble(SOURCE, layout, parse_ita(layout))


# ---- the samples, by the evaluator ------------------------------------------------------------
# 200 dpi scans lose the letter of an item code (`i๒` read as `๒`, `e12` as `๒๑๒`), the number of
# an indicator's group row (`ตัวชีวัดที wide ซ`), tool names over a summary's columns (IIT as
# แห) and a grade's letter (B as 8). The item codes come back from the rows around them and from
# the per-question table (the same question with the same score); what the document does not
# show stays null. A scan's misreadings may cost recall, hardly ever a wrong score.
SCAN_SCORE_PRECISION = 0.99


@pytest.mark.parametrize("kind, bar", [("text", 0.97), ("pdf", 0.97), ("scan", 0.92)])
def test_family_2_samples_meet_the_bar(main_job, tmp_path, kind, bar):
    figures = family_figures(main_job, kind, "f2_", tmp_path)
    assert figures["overall"]["f1"] >= bar, figures["overall"]
    assert figures["scores"]["precision"] >= SCAN_SCORE_PRECISION, figures["scores"]


def test_every_action_row_is_a_measure_with_its_item_code(main_job, tmp_path):
    import pyarrow.dataset as ds

    out = main_job.subset("families/text", tmp_path / "out")
    measures = ds.dataset(out / "measures", partitioning="hive").to_table().to_pylist()
    documents = ds.dataset(out / "documents", partitioning="hive").to_table().to_pylist()
    stem_of = {d["doc_id"]: d["source_name"].rsplit(".", 1)[0] for d in documents}
    for sample in generated(*COMMITTED):
        got = [m["item_code"] for m in measures if stem_of[m["doc_id"]] == sample["stem"]]
        assert got == sample["truth"]["item_codes"], sample["stem"]


# ---- the parser on small tables -----------------------------------------------------------------
ACTION_HEADER = ("| ประเด็น | ผลการประเมิน (คะแนน) | ข้อค้นพบ | วิธีการนำผลการวิเคราะห์ไปสู่การปฏิบัติ | "
                 "ขั้นตอน/วิธีการ | ผู้รับผิดชอบ/ผู้ที่เกี่ยวข้อง | ระยะเวลาดำเนินการ | การติดตามประเมินผล |\n"
                 "|---|---|---|---|---|---|---|---|\n")
TITLE = "รายงานการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใส\nของเทศบาลเมืองบ้านไผ่\nประจำปีงบประมาณ พ.ศ. ๒๕๖๗\n\n"


def test_an_action_row_is_a_measure_tied_to_its_item():
    text = TITLE + ACTION_HEADER + (
        "| i๑๕ ท่านเชื่อมั่นในกระบวนการจัดการเรื่องร้องเรียน | ๘๑.๒๕ | บุคลากรบางส่วนไม่มั่นใจ | "
        "ปรับปรุงระบบคุ้มครองผู้แจ้งเบาะแส | ๑. ทบทวนคู่มือ ๒. อบรมเจ้าหน้าที่ ๓. รายงานผู้บริหาร | "
        "สำนักปลัด งานนิติการ | ต.ค. ๖๖ - มี.ค. ๖๗ | รายงานผลรอบ ๖ เดือน และรอบ ๑๒ เดือน |\n"
        "| E 3 เจ้าหน้าที่ให้ข้อมูลอย่างตรงไปตรงมา | 90.10 | ข้อมูลไม่ครบ | ติดป้ายขั้นตอนการให้บริการ | "
        "ติดตั้งป้าย | กองคลัง | ตลอดปีงบประมาณ พ.ศ. ๒๕๖๗ | ติดตามผลทุกไตรมาส |\n")
    result = extract(text)
    first, second = result.measures
    assert (first.item_code, first.title, first.rationale) == (
        "i15", "ปรับปรุงระบบคุ้มครองผู้แจ้งเบาะแส", "บุคลากรบางส่วนไม่มั่นใจ")
    assert first.steps == ["ทบทวนคู่มือ", "อบรมเจ้าหน้าที่", "รายงานผู้บริหาร"]
    assert first.kind == "plan" and first.monitoring_months == [6, 12]
    assert str(first.period_start) == "2023-10-01" and str(first.period_end) == "2024-03-31"
    # No section of the document says which indicator i15 is of: none is guessed.
    assert first.indicator_no is None and second.indicator_no is None
    assert second.item_code == "e3" and second.steps == ["ติดตั้งป้าย"]
    assert [(o.unit_key, o.section_th) for o in result.owners] == [
        ("clerk_office", "งานนิติการ"), ("finance_division", None)]
    items = {(s.item_code, s.tool, s.score) for s in result.scores if s.scope == "item"}
    assert items == {("i15", "IIT", 81.25), ("e3", "EIT", 90.10)}


PER_QUESTION = ("| ข้อ | ข้อคำถาม | คะแนน |\n|---|---|---|\n"
                "| ตัวชี้วัดที่ ๕ การแก้ไขปัญหาการทุจริต | | |\n"
                "| i๑๕ | ท่านเชื่อมั่นในกระบวนการจัดการเรื่องร้องเรียน | {score} |\n\n")


def test_the_per_question_section_says_the_indicator_and_a_repeated_score_is_one_fact():
    text = TITLE + PER_QUESTION.format(score="๘๑.๒๕") + ACTION_HEADER + (
        "| i15 ท่านเชื่อมั่นในกระบวนการ | 81.25 | ไม่มั่นใจ | ปรับปรุงระบบคุ้มครองผู้แจ้งเบาะแส | ทบทวน | "
        "สำนักปลัด | ตลอดปีงบประมาณ พ.ศ. ๒๕๖๗ | รายงานผล |\n")
    result = extract(text)
    assert [m.indicator_no for m in result.measures] == [5]
    items = [s for s in result.scores if s.scope == "item"]
    assert [(s.item_code, s.indicator_no, s.score) for s in items] == [("i15", 5, 81.25)]
    assert not any(w.startswith("score_conflict") for w in result.document.warnings)


def test_an_item_printed_twice_with_two_values_keeps_both_and_warns():
    text = TITLE + PER_QUESTION.format(score="๘๑.๒๕") + ACTION_HEADER + (
        "| i15 ท่านเชื่อมั่นในกระบวนการ | 82.15 | ไม่มั่นใจ | ปรับปรุงระบบคุ้มครองผู้แจ้งเบาะแส | ทบทวน | "
        "สำนักปลัด | ตลอดปีงบประมาณ พ.ศ. ๒๕๖๗ | รายงานผล |\n")
    result = extract(text)
    items = sorted((s.score, s.page) for s in result.scores if s.item_code == "i15")
    assert [score for score, _ in items] == [81.25, 82.15]
    assert "score_conflict:i15" in result.document.warnings


def test_an_action_table_continued_over_a_page_is_one_table():
    row = ("| e{n} ข้อคำถามที่ {n} | 8{n}.00 | ข้อค้นพบ {n} | แนวทางที่ {n} ของหน่วยงาน | ๑. ขั้นแรก ๒. ขั้นที่สอง | "
           "กองช่าง | ตลอดปีงบประมาณ พ.ศ. ๒๕๖๗ | รายงานผล |\n")
    text = (TITLE + ACTION_HEADER + row.format(n=1) + row.format(n=2) + "\n<!-- PageBreak -->\n\n"
            + ACTION_HEADER + row.format(n=3))
    result = extract(text)
    assert [m.item_code for m in result.measures] == ["e1", "e2", "e3"]
    assert {m.table_no for m in result.measures} == {1}
    assert [m.page for m in result.measures] == [1, 1, 2]
    assert all(m.steps == ["ขั้นแรก", "ขั้นที่สอง"] for m in result.measures)


def test_summary_tables_give_the_tools_their_own_scores():
    down = TITLE + ("| เครื่องมือ | คะแนน |\n|---|---|\n"
                    "| แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (IIT) | 95.10 |\n"
                    "| แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก (EIT) | 97.00 |\n"
                    "| แบบตรวจการเปิดเผยข้อมูลสาธารณะ (OIT) | 96.50 |\n"
                    "| คะแนนภาพรวม (IIT + EIT + OIT) | 96.22 |\n| ระดับผลการประเมิน | AA |\n")
    across = TITLE + ("| ผลการประเมิน | คะแนนภาพรวม | IIT | EIT | OIT | ระดับผลการประเมิน |\n"
                      "|---|---|---|---|---|---|\n| คะแนน | ๙๖.๒๒ | ๙๕.๑๐ | ๙๗.๐๐ | ๙๖.๕๐ | ผ่านดีเยี่ยม |\n")
    for text, grade in ((down, "AA"), (across, "pass_excellent")):
        result = extract(text)
        tools = {s.tool: s.score for s in result.scores if s.scope == "tool"}
        assert tools == {"IIT": 95.10, "EIT": 97.00, "OIT": 96.50}
        assert (result.document.overall_score, result.document.grade) == (96.22, grade)


def test_rounds_side_by_side_are_not_read_as_one():
    text = TITLE + ("| ปี | คะแนนภาพรวม | IIT | EIT | OIT |\n|---|---|---|---|---|\n"
                    "| 2565 | 90.00 | 91.00 | 92.00 | 88.00 |\n| 2566 | 96.22 | 95.10 | 97.00 | 96.50 |\n")
    assert not [s for s in extract(text).scores if s.scope in ("tool", "overall")]


# ---- another layout of the samples --------------------------------------------------------------
def extracted_and_scored(settings: RunSettings, gold) -> dict:
    """Run the extraction, then the shared evaluator on its output against `gold`: its figures."""
    summary = run(settings)
    assert summary.failures == 0
    return evaluate(settings.out, gold, settings.out.parent / "eval.json")


def test_a_sample_in_another_font_meets_the_bar(tmp_path):
    from variants import pdfs  # scripts/make_sample_pdfs.py, as the font matrix loads it

    sample = generated(5)[0]  # not one of the committed samples: a sixth organisation and draw
    stem = sample["stem"]
    text = tmp_path / f"{stem}.txt"
    text.write_text(sample["markup"], encoding="utf-8")
    layout = pdfs.variant(7, font="Norasi", landscape=True)
    inputs = tmp_path / "in"
    pdfs.make_pdfs([(text, layout, inputs / f"{stem}.pdf")])
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / f"{stem}.json").write_text(json.dumps(dict(sample["gold"], source=stem), ensure_ascii=False),
                                       encoding="utf-8")
    figures = extracted_and_scored(RunSettings(inputs=[str(inputs)], out=tmp_path / "out", workers=1,
                                               executor="serial", quiet=True), gold)
    assert figures["overall"]["f1"] >= 0.97


@pytest.mark.slow
def test_samples_in_another_font_scanned_noisier_meet_the_bar(tmp_path):
    """Variation the committed scans do not cover: two other documents of the generator laid
    out in TLWG Kinnari and scanned noisier than the samples (200 dpi, noise 12, blur 0.9,
    JPEG 30, skew up to 1.5°). The bar of a scan, and hardly a wrong score: OCR's misreadings
    are mostly left null. Measured: 0.928, scores precision 0.977 (two digits misread: 77.47 as
    1.47, 77.72 as 77.73; an action row's e13 at odds with the per-question e13, both kept with
    `score_conflict:e13`); the committed four so laid out 0.953, scores precision 0.993."""
    import dataclasses

    from variants import pdfs, scans

    samples = generated(6, 7)
    gold = tmp_path / "gold"
    gold.mkdir()
    jobs = []
    for sample in samples:
        stem = sample["stem"]
        text = tmp_path / f"{stem}.txt"
        text.write_text(sample["markup"], encoding="utf-8")
        (gold / f"{stem}.json").write_text(json.dumps(dict(sample["gold"], source=stem), ensure_ascii=False),
                                           encoding="utf-8")
        layout = dataclasses.replace(pdfs.Layout(), **{k: v for k, v in sample["layout"].items() if k != "digits"},
                                     font="Kinnari")
        jobs.append((text, layout, tmp_path / "pdf" / f"{stem}.pdf"))
    pdfs.make_pdfs(jobs)
    style = dataclasses.replace(scans.DEFAULT_STYLE, noise_sigma=12, blur_radius=0.9, jpeg_quality=30,
                                max_skew_deg=1.5)
    for _, _, pdf in jobs:
        scans.scan_file(pdf, style, tmp_path / "scan" / pdf.name)
    figures = extracted_and_scored(RunSettings(inputs=[str(tmp_path / "scan")], out=tmp_path / "out",
                                               workers=2, quiet=True), gold)
    assert figures["overall"]["f1"] >= 0.92, figures["overall"]
    assert figures["scores"]["precision"] >= 0.97, figures["scores"]


def test_the_committed_samples_are_the_generators():
    """The files under samples/families are what the generator draws (regenerate with
    `scripts/make_family_samples.py f2` after changing it)."""
    for sample in generated(*COMMITTED):
        stem = sample["stem"]
        assert (REPO / "samples" / "families" / "text" / f"{stem}.txt").read_text(
            encoding="utf-8") == sample["markup"]
        assert json.loads((GOLD / f"{stem}.json").read_text(encoding="utf-8")) == dict(
            sample["gold"], source=stem)
