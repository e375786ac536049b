"""ruff, with the rules in pyproject.toml, finds nothing in the code or the tests."""
from __future__ import annotations

import subprocess
import sys

from conftest import REPO


def test_ruff_finds_nothing():
    done = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", str(REPO)],
                          cwd=REPO, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_page_builder_and_both_readers_type_check(tmp_path):
    """mypy over the page builder, the two readers that adapt to it and the Thai classes: a PDF
    character and an OCR word both satisfy `layout.TextBox`, with no `type: ignore`."""
    checked = ["parsers/compose", "parsers/pdf/reader.py", "parsers/ocr/reader.py", "thai"]
    done = subprocess.run([sys.executable, "-m", "mypy", *checked, "--ignore-missing-imports",
                           "--follow-imports=silent", "--cache-dir", str(tmp_path)],
                          cwd=REPO, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
