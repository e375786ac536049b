"""Review and corrections (issue 16, part 5): what a person should check, and fixes that survive.

The seed texts and a text that is no report are run; `ita-extract review` lists every warning
and error with the file to open; a corrections file keyed by value_id changes a score and an
owner, and the change is still there after the next run, after a --force run, and is said in
the rows' `corrected`. A bad corrections file stops the run before anything is extracted.
"""
from __future__ import annotations

import csv
import json

import pyarrow.dataset as ds
import pytest

from conftest import RECIPE, REPO, run_cli

SEEDS = REPO / "samples" / "text"


def _rows(out, table):
    return ds.dataset(out / table).to_table().to_pylist()


@pytest.fixture
def out(tmp_path):
    (tmp_path / "in").mkdir()
    for seed in SEEDS.glob("*.txt"):
        (tmp_path / "in" / seed.name).write_bytes(seed.read_bytes())
    (tmp_path / "in" / "recipe.txt").write_text(RECIPE, encoding="utf-8")
    out = tmp_path / "out"
    assert run_cli("run", tmp_path / "in", "--out", out, "-q").returncode == 3  # the recipe: partial
    return out


def test_review_lists_every_warning_and_error_with_its_file(out, tmp_path):
    done = run_cli("review", out, "--csv", tmp_path / "review.csv")
    assert done.returncode == 0, done.stderr
    with open(tmp_path / "review.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    warnings = sum(len(d["warnings"]) for d in _rows(out, "documents"))
    errors = _rows(out, "errors")
    assert errors and warnings
    assert len([r for r in rows if r["table_name"] == "" and r["page"] == ""]) >= warnings
    assert {e["code"] for e in errors} <= {r["reason"] for r in rows}
    assert all(r["source_path"] for r in rows)
    others = [o for o in _rows(out, "owners") if o["unit_key"] == "other"]
    assert len([r for r in rows if r["reason"] == "unknown_owner"]) == len(others)


def test_a_correction_survives_the_next_runs_and_says_so(out, tmp_path):
    rae = next(s for s in _rows(out, "scores") if s["org_name"] == "เทศบาลตำบลแร่" and s["scope"] == "overall")
    assert rae["score"] == 90.79 and rae["value_id"] and rae["corrected"] == []
    owner = next(o for o in _rows(out, "owners") if o["org_name"] == "เทศบาลตำบลแร่")
    (out / "corrections.csv").write_text(
        "table,value_id,column,value,note\n"
        f"scores,{rae['value_id']},score,90.97,a test's correction\n"
        f"owners,{owner['value_id']},section_th,งานนิติการ,\n", encoding="utf-8")
    for options in ((), ("--force",)):
        done = run_cli("run", tmp_path / "in", "--out", out, "-q", *options)
        assert done.returncode == 3, done.stderr
        score = next(s for s in _rows(out, "scores") if s["value_id"] == rae["value_id"])
        assert (score["score"], score["corrected"]) == (90.97, ["score"]), options
        fixed = next(o for o in _rows(out, "owners") if o["value_id"] == owner["value_id"])
        assert (fixed["section_th"], fixed["corrected"]) == ("งานนิติการ", ["section_th"])
        assert sum(1 for s in _rows(out, "scores") if s["corrected"]) == 1
        assert json.loads((out / "manifest.json").read_text(encoding="utf-8"))["corrections_applied"] == 2


@pytest.mark.parametrize("line, says", [
    ("scores,abc-s001,score,ninety,", "line 2"),
    ("scores,abc-s001,doc_id,x,", "no column 'doc_id'"),
    ("tables,abc-s001,score,1,", "table must be"),
    ("statuses,abc-001,status,finished,", "status must be one of"),
])
def test_a_bad_correction_stops_the_run_before_it_starts(tmp_path, line, says):
    corrections = tmp_path / "fixes.csv"
    corrections.write_text("table,value_id,column,value,note\n" + line + "\n", encoding="utf-8")
    done = run_cli("run", SEEDS, "--out", tmp_path / "out", "--corrections", corrections, "-q")
    assert done.returncode == 2 and says in done.stderr, done.stderr
    assert not (tmp_path / "out" / "documents").exists()
