"""The five sample reports scanned anew at 300, 200 and 150 dpi, grey and bilevel, upright and
turned by 2°, read by OCR and scored by the shared evaluator (issue 13).

Each cell is made by `scripts/make_sample_scans.py` from `samples/pdf` with its style drawn from
the cell's number (`tests/variants.py`: noise, blur, JPEG quality, speckle as hard as real office
scans). The bars are issue 13's goals: 300 dpi 0.95, 200 dpi 0.92 with scores 0.97, 150 dpi
0.85, bilevel 0.90 (measured 0.981, 0.964 with scores 0.982, 0.866, 0.961: see docs/benchmarks.md).
"""
from __future__ import annotations

import os

import pytest

from variants import EVAL, SCAN_CELLS, evaluate, extract, f1, make_scan_cell

needs_shared = pytest.mark.skipif(not EVAL.exists() and not os.environ.get("CI"),
                                  reason=f"shared evaluator not found at {EVAL}")
pytestmark = [pytest.mark.slow, needs_shared]

# Overall F1 each cell must reach, and the scores section where the goal names one.
FLOORS = {"300dpi": 0.95, "200dpi": 0.92, "150dpi": 0.85, "200dpi-bilevel": 0.90,
          "200dpi-upright": 0.92, "200dpi-skew2": 0.92}
SCORES_FLOORS = {"200dpi": 0.97}
PAIR = ("200dpi-upright", "200dpi-skew2")


def read(cell, folder):
    figures = evaluate(extract(make_scan_cell(cell, folder / "in"), folder / "out" / cell.name))
    scores = f1(figures)
    print(cell.name, cell.style, scores, figures["misses"][:30])
    assert scores["overall"] >= FLOORS[cell.name], (cell.name, scores)
    assert scores["scores"] >= SCORES_FLOORS.get(cell.name, 0.0), (cell.name, scores)
    return scores


@pytest.mark.parametrize("cell", [c for c in SCAN_CELLS if c.name not in PAIR], ids=lambda c: c.name)
def test_a_scan_cell_reaches_its_goal(cell, tmp_path):
    read(cell, tmp_path)


def test_a_page_turned_by_two_degrees_reads_as_well_as_upright(tmp_path):
    """The same scans (noise, blur, JPEG alike), upright and every page turned 2° one way or the
    other: straightening loses no more than 0.02 of F1 (today it gains: the turn's resampling
    softens the JPEG noise)."""
    upright, turned = (read(next(c for c in SCAN_CELLS if c.name == name), tmp_path) for name in PAIR)
    assert turned["overall"] >= upright["overall"] - 0.02, (upright, turned)
