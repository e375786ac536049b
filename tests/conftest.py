"""Shared fixtures: the seed reports, a set of bad inputs, and a way to run the real CLI."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SEEDS = sorted((REPO / "samples" / "text").glob("*.txt"))

# A paragraph of a Thai recipe (tom yum): Thai text, well formed, and nothing to do with ITA.
RECIPE = """ต้มยำกุ้งน้ำใส

ส่วนผสม กุ้งแม่น้ำ ๕๐๐ กรัม ข่า ๕ แว่น ตะไคร้ ๒ ต้น ใบมะกรูด ๕ ใบ พริกขี้หนู ๑๐ เม็ด น้ำปลา ๓ ช้อนโต๊ะ น้ำมะนาว ๓ ช้อนโต๊ะ

วิธีทำ ตั้งน้ำให้เดือด ใส่ข่า ตะไคร้ และใบมะกรูดลงไปต้มจนหอม จากนั้นใส่กุ้ง ปรุงรสด้วยน้ำปลาและน้ำมะนาว ปิดไฟแล้วโรยผักชี เสิร์ฟร้อน ๆ
"""


def run_cli(*args: str, cwd: Path = REPO, timeout: float = 600,
            extra_env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """The real command, as a user runs it (`python -m pipeline.cli` is what the console script calls)."""
    env = dict(os.environ, **(extra_env or {}))
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO), env.get("PYTHONPATH")) if p)
    return subprocess.run([sys.executable, "-m", "pipeline.cli", *map(str, args)], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=timeout)


@pytest.fixture
def cli():
    return run_cli


@pytest.fixture
def seeds() -> list[Path]:
    assert len(SEEDS) == 5, f"expected the five seed reports under {REPO / 'samples' / 'text'}"
    return SEEDS


@pytest.fixture
def bad_inputs(tmp_path: Path) -> dict[str, Path]:
    return make_bad_inputs(tmp_path / "bad")


def make_bad_inputs(folder: Path) -> dict[str, Path]:
    """One file per kind of bad input, by name."""
    folder.mkdir(parents=True)
    files = {
        "empty": (folder / "empty.txt", b""),
        # NUL bytes and invalid UTF-8, no known magic number: for the text reader to refuse.
        "binary": (folder / "binary.txt", bytes(range(256)) * 8),
        # A PDF saved as .txt: refused at triage, by its magic number.
        "pdf_as_txt": (folder / "report.txt", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n"),
        "not_ita": (folder / "recipe.txt", RECIPE.encode("utf-8")),
        # A PDF with no pages, cross-reference or trailer worth the name: pdfium refuses it.
        "pdf": (folder / "broken.pdf", b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<<>>\n%%EOF\n"),
        # A PNG cut off after its signature: Pillow cannot open it.
        "image": (folder / "scan.png", b"\x89PNG\r\n\x1a\n" + bytes(64)),
        # A Word file: a format we do not read at all.
        "docx": (folder / "report.docx", b"PK\x03\x04" + bytes(64)),
    }
    for path, data in files.values():
        path.write_bytes(data)
    return {name: path for name, (path, _) in files.items()}
