"""The document families of `samples/families` (issue 14), scored by the shared evaluator.

`scripts/make_family_samples.py` writes each family's generated documents there: the source as
markup (`text/`), born-digital PDFs (`pdf/`), 200 dpi scans (`scan/`) and one gold file per
document (`gold/`, the evaluator's format). Stems start with the family: `f2_` analyses with
plans to act on them, `f4_` results announcements, `f5_` memos and letters, `f6_` neighbouring
documents. The README's main job reads them with the seeds' samples; a family's figures are its
rows of that one run, scored against its own gold files only.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO, SHARED

FAMILIES = REPO / "samples" / "families"
GOLD = FAMILIES / "gold"
EVAL = SHARED / "eval" / "ita_eval.py"


def evaluate(out: Path, gold: Path, report: Path) -> dict:
    """The shared evaluator's figures for the output folder `out` against the gold files in
    `gold` (its JSON report written to `report`). A clone with no ../shared beside it skips the
    test, saying why; CI, which always has it, fails instead."""
    if not EVAL.exists() and not os.environ.get("CI"):
        pytest.skip(f"shared evaluator not found at {EVAL}")
    done = subprocess.run([sys.executable, str(EVAL), "--out", str(out), "--gold", str(gold),
                           "--json", str(report), "-v"], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    print(done.stdout)
    return json.loads(report.read_text(encoding="utf-8"))


def family_figures(main_job, kind: str, family: str, tmp_path: Path) -> dict:
    """The evaluator's figures for the documents of `family` (a stem prefix such as "f2_") read
    from `samples/families/<kind>` (text, pdf or scan) by the session's main job."""
    assert main_job.done.returncode in (0, 3), main_job.done.stderr
    gold = tmp_path / f"gold_{family}{kind}"
    gold.mkdir()
    stems = [p for p in sorted(GOLD.glob(f"{family}*.json"))]
    assert stems, f"no gold files for {family} under {GOLD}"
    for path in stems:
        shutil.copy(path, gold / path.name)
    out = main_job.subset(f"families/{kind}", tmp_path / f"out_{family}{kind}")
    figures = evaluate(out, gold, tmp_path / f"eval_{family}{kind}.json")
    scored = {Path(d["source"]).stem for d in figures["documents"] if not d["source"].endswith("(no output)")}
    assert scored == {p.stem for p in stems}, ("documents without output", scored)
    return figures
