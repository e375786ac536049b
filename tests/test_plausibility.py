"""Scores that do not add up are flagged: one misread digit in a real report (seed 001)."""
from __future__ import annotations

from pathlib import Path

from pipeline.process import process_file

SEED = Path(__file__).resolve().parent.parent / "samples" / "text" / "001_abf31e34acd1eb53.txt"


def test_the_seed_as_printed_adds_up():
    assert not [w for w in process_file(str(SEED)).document.warnings if "arithmetic" in w]


def test_a_misread_indicator_score_is_flagged(tmp_path):
    # ๘๖.๓๔ read as ๘๙.๓๔ (the ๖/๙ confusion): IIT's mean moves by 0.6, the overall by 0.18.
    text = SEED.read_text(encoding="utf-8").replace("๘๖.๓๔", "๘๙.๓๔")
    misread = tmp_path / SEED.name
    misread.write_text(text, encoding="utf-8")
    warnings = process_file(str(misread)).document.warnings
    assert "score_arithmetic_mismatch:overall" in warnings
