"""Issue 14, families 5 and 6: memos, letters and announcements; neighbouring documents.

The samples are `scripts/families/f5_memos_letters.py`'s and `f6_neighbours.py`'s, written to
`samples/families` by `scripts/make_family_samples.py` and read by the session's main job. The
evaluator scores the document fields; the memo fields it does not score (department, telephone,
number, subject, addressee, date, form) and the handwritten warnings are checked here against
the generators' own truth.
"""
from __future__ import annotations

import json
import subprocess
import sys
from types import SimpleNamespace

import pyarrow.dataset as ds
import pytest
from family_samples import family_figures

from conftest import REPO


def _generated(*modules: str) -> dict[str, SimpleNamespace]:
    """The generators' samples by stem. They are imported in a process of their own: their
    package (scripts/families) and this suite's helper module (tests/families.py) share a name."""
    code = ("import json, importlib; print(json.dumps({s.stem: {'truth': s.truth, 'gold': s.gold, "
            f"'markup': s.markup}} for m in {modules!r} for s in importlib.import_module('families.' + m)"
            ".samples()}, ensure_ascii=False))")
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO / "scripts", capture_output=True, text=True,
                          check=True, timeout=120)
    return {stem: SimpleNamespace(**fields) for stem, fields in json.loads(done.stdout).items()}


F5 = _generated("f5_memos_letters")
F6 = _generated("f6_neighbours")
# Issue 14's goals: born-digital and text 0.97, 200 dpi scans 0.92.
GOAL = {"text": 0.97, "pdf": 0.97, "scan": 0.92}


@pytest.mark.parametrize("family", ["f5_", "f6_"])
@pytest.mark.parametrize("kind", ["text", "pdf", "scan"])
def test_a_familys_samples_score_the_goal(main_job, kind, family, tmp_path):
    figures = family_figures(main_job, kind, family, tmp_path)
    assert figures["overall"]["f1"] >= GOAL[kind], figures["overall"]


def _documents(main_job) -> dict[tuple[str, str], dict]:
    table = ds.dataset(main_job.out / "documents", partitioning="hive").to_table().to_pylist()
    out = {}
    for row in table:
        path = row["source_path"]
        if path.startswith("samples/families/"):
            kind, name = path.split("/")[2], path.split("/")[3]
            out[(kind, name.rsplit(".", 1)[0])] = row
    return out


HEADER_FIELDS = ("form", "department", "department_phone", "reference_no", "subject", "addressee")
# What OCR still gets wrong on the 200 dpi scans (held as failures, so that a fix shows).
OCR_MISSES = {
    ("scan", "f5_letter_sri_chomphu"): "a speck read as ๐ in the subject (ประจำ ๐ปีงบประมาณ)",
    ("scan", "f5_announcement_ban_phai"): "พ.ศ. in the subject read as WA.",
}


def _header_cases():
    for stem in sorted(F5):
        for kind in ("text", "pdf", "scan"):
            miss = OCR_MISSES.get((kind, stem))
            marks = [pytest.mark.xfail(strict=True, reason=miss)] if miss else []
            yield pytest.param(stem, kind, marks=marks, id=f"{stem}-{kind}")


@pytest.mark.parametrize("stem, kind", list(_header_cases()))
def test_a_memo_letter_or_announcement_gives_its_printed_header(main_job, kind, stem):
    """Every printed header field as the generator printed it, the handwritten ones missing
    with a warning that says so, never invented."""
    truth = F5[stem].truth
    row = _documents(main_job)[(kind, stem)]
    got = {f: row[f] for f in HEADER_FIELDS}
    got["doc_date"] = row["doc_date"].isoformat() if row["doc_date"] else None
    expected = {f: truth[f] for f in (*HEADER_FIELDS, "doc_date")}
    if kind == "scan":
        # OCR drops an upper mark here and there (นาโพธิ → นาโพธิ์): compared without marks
        from thai.chars import without_marks

        key = lambda v: without_marks("".join(v.split())) if isinstance(v, str) else v  # noqa: E731
        got, expected = {k: key(v) for k, v in got.items()}, {k: key(v) for k, v in expected.items()}
    assert got == expected
    handwritten = sorted(w for w in row["warnings"] if w.startswith("handwritten:"))
    assert handwritten == sorted(truth["warnings"])


@pytest.mark.parametrize("kind", ["text", "pdf", "scan"])
@pytest.mark.parametrize("stem", sorted(F6))
def test_a_neighbouring_document_is_classified_with_no_score(main_job, kind, stem):
    row = _documents(main_job)[(kind, stem)]
    gold = F6[stem].gold["document"]
    assert row["doc_type"] == gold["doc_type"]
    assert (row["overall_score"], row["grade"], row["assessed_year_be"]) == (None, None, None)
    scores = ds.dataset(main_job.out / "scores", partitioning="hive").to_table().to_pylist()
    assert not [s for s in scores if s["doc_id"] == row["doc_id"]]
    measures = ds.dataset(main_job.out / "measures", partitioning="hive").to_table().to_pylist()
    assert not [m for m in measures if m["doc_id"] == row["doc_id"]]


def test_the_plans_fifty_and_the_projects_satisfaction_are_no_scores(main_job):
    """Regression (issue 14): a four-year plan was an assessment analysis with an overall score
    of 50.0, read from `ในภาพรวม ... ร้อยละ ๕๐` (a share of risky processes); a project report's
    `ผลการประเมินความพึงพอใจ ... ร้อยละ ๘๗.๐๐` is its participants' satisfaction."""
    for stem in ("f6_anti_corruption_plan_mae_tha", "f6_project_report_ban_klang"):
        assert "๕๐" in F6[stem].markup or "๘๗.๐๐" in F6[stem].markup
        row = _documents(main_job)[("text", stem)]
        assert row["doc_type"] != "assessment_analysis" and row["overall_score"] is None


# The families whose documents print scores: f2 analyses, f4 results announcements.
PRINT_SCORES = ("f2_", "f4_")


def test_no_family_document_without_a_printed_score_yields_a_score_row(main_job):
    """Issue 14: a score or grade only from a table or sentence that states one. Every family
    sample but the analyses and the results announcements prints none (the real files are held
    to it in test_pdf_real)."""
    documents = [row for row in _documents(main_job).items() if not row[0][1].startswith(PRINT_SCORES)]
    assert documents
    scores = ds.dataset(main_job.out / "scores", partitioning="hive").to_table().to_pylist()
    scored = {s["doc_id"] for s in scores}
    wrong = [(kind, stem, row["overall_score"], row["grade"]) for (kind, stem), row in documents
             if row["doc_id"] in scored or row["overall_score"] is not None or row["grade"] is not None]
    assert not wrong
