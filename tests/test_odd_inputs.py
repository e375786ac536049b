"""Odd inputs and the world outside `--out` (issue 15): an image that is a strip, a TIFF with one
damaged frame, symbolic links that lead out of the input folders, a HOME that cannot be written.
Real runs of the command, rows read back from Parquet; OCR is a fake engine that reads nothing
(tests/fake_engines.py), as only what comes before and around it is at stake."""
from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pyarrow.dataset as ds
import pytest
from PIL import Image

from pipeline.errors import ExitCode

from conftest import REPO, SEEDS, run_cli

LINUX = sys.platform.startswith("linux")
PAGE = REPO / "samples" / "images" / "001_abf31e34acd1eb53_p1.png"


def blank_engine() -> dict[str, str]:
    return {"ITA_EXTRACT_OCR_ENGINE": "fake_engines:Blank", "PYTHONPATH": str(REPO / "tests")}


def rows(out: Path, table: str) -> list[dict]:
    return ds.dataset(out / table, partitioning="hive").to_table().to_pylist()


def by_name(out: Path, table: str) -> dict[str, list[dict]]:
    found: dict[str, list[dict]] = {}
    for row in rows(out, table):
        found.setdefault(os.path.basename(row["source_path"]), []).append(row)
    return found


# ---- odd images ---------------------------------------------------------------------------------
def half_damaged_tiff(path: Path) -> None:
    """Two frames of a real page, the second's compressed data overwritten with noise."""
    page = Image.open(PAGE).convert("L")
    page.save(path, save_all=True, append_images=[page], compression="tiff_deflate")
    with Image.open(path) as tiff:
        tiff.seek(1)
        second = tiff.tag_v2[273][0]  # StripOffsets of frame 2
    data = bytearray(path.read_bytes())
    noise = random.Random(15)
    for i in range(second, len(data) - 2000):
        data[i] = noise.randrange(256)
    path.write_bytes(bytes(data))


def test_a_strip_image_and_a_tiff_with_a_damaged_frame_give_clean_rows(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    # 60000 × 10 taken to be A4 wide is 1654 × 0.3 pixels at 200 dpi: OpenCV refused to shrink it.
    Image.fromarray(np.full((10, 60000), 255, np.uint8)).save(folder / "strip.png")
    half_damaged_tiff(folder / "half.tif")
    out = tmp_path / "out"
    done = run_cli("run", folder, "--out", out, "-q", extra_env=blank_engine())
    assert done.returncode == ExitCode.PARTIAL, done.stderr
    assert "Traceback" not in done.stderr
    documents = {name: docs[0] for name, docs in by_name(out, "documents").items()}
    errors = by_name(out, "errors")
    strip = documents["strip.png"]
    assert (strip["status"], strip["page_count"]) == ("failed", 1)
    assert [(e["code"], e["page"]) for e in errors["strip.png"]] == [("unreadable", 1)]
    assert "too thin to hold a line of print" in errors["strip.png"][0]["message"]
    # The good frame is read; the damaged one is left unread, with its row.
    half = documents["half.tif"]
    assert (half["status"], half["page_count"]) == ("partial", 2)
    extract = [(e["code"], e["page"]) for e in errors["half.tif"] if e["stage"] == "extract"]
    assert extract == [("unreadable", 2)]
    assert "damaged" in errors["half.tif"][0]["message"]


# ---- symbolic links -----------------------------------------------------------------------------
@pytest.fixture
def linked(tmp_path) -> Path:
    """An input folder with a seed, and links: to /etc/passwd, to a folder outside holding a
    second seed, and to a third seed inside the folder (in a hidden folder, not walked)."""
    folder = tmp_path / "in"
    (folder / ".archive").mkdir(parents=True)
    shutil.copy(SEEDS[0], folder / "report.txt")
    (folder / "x.txt").symlink_to("/etc/passwd")
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    shutil.copy(SEEDS[1], outside / "other.txt")
    (folder / "more").symlink_to(outside, target_is_directory=True)
    shutil.copy(SEEDS[2], folder / ".archive" / "kept.txt")
    (folder / "kept_link.txt").symlink_to(Path(".archive") / "kept.txt")
    return folder


@pytest.mark.skipif(not LINUX or not Path("/etc/passwd").is_file(), reason="/etc/passwd")
def test_links_out_of_the_input_folders_are_skipped_and_said(linked, tmp_path):
    out = tmp_path / "out"
    done = run_cli("run", linked, "--out", out, "-q")
    assert done.returncode == ExitCode.OK, done.stderr
    assert sorted(by_name(out, "documents")) == ["kept_link.txt", "report.txt"]
    passwd = Path("/etc/passwd").read_text(encoding="utf-8", errors="replace").splitlines()[0]
    assert not any(passwd in json.dumps(row, ensure_ascii=False, default=str)
                   for table in ("documents", "errors") for row in rows(out, table))
    assert f"skipped {linked / 'x.txt'}: a symbolic link to a file outside" in done.stderr
    assert f"skipped {linked / 'more'}: a symbolic link to a folder outside" in done.stderr
    manifest = json.loads((out / "manifest.json").read_text())
    assert sorted(manifest["symlinks_skipped"]) == [str(linked / "more"), str(linked / "x.txt")]


@pytest.mark.skipif(not LINUX or not Path("/etc/passwd").is_file(), reason="/etc/passwd")
def test_follow_symlinks_follows_them_all(linked, tmp_path):
    out = tmp_path / "out"
    done = run_cli("run", linked, "--out", out, "-q", "--follow-symlinks")
    assert done.returncode == ExitCode.PARTIAL, done.stderr  # /etc/passwd is no ITA report
    assert sorted(by_name(out, "documents")) == ["kept_link.txt", "other.txt", "report.txt", "x.txt"]
    assert "skipped" not in done.stderr


# ---- a HOME that cannot be written --------------------------------------------------------------
def snapshot(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*")}


@pytest.fixture
def read_only_home(tmp_path):
    """An empty HOME nobody may write: for root, whom permissions do not stop, also immutable
    where the file system allows (chattr +i); the test checks that it stays empty either way."""
    home = tmp_path / "home"
    home.mkdir()
    home.chmod(0o555)
    immutable = (os.geteuid() == 0 and shutil.which("chattr") is not None
                 and subprocess.run(["chattr", "+i", str(home)], capture_output=True).returncode == 0)
    yield home
    if immutable:
        subprocess.run(["chattr", "-i", str(home)], check=True)
    home.chmod(0o755)


@pytest.mark.skipif(not LINUX, reason="a POSIX HOME")
@pytest.mark.parametrize("home, how", [
    ("read-only", ["--workers", "2"]),
    ("read-only", ["--serial"]),  # in one worker process
    # in this process: no limit wants a process of its own
    ("read-only", ["--serial", "--max-memory-mb", "0", "--document-timeout", "0"]),
    ("missing", ["--serial"]),
], ids=["workers", "serial", "in-process", "missing-home"])
def test_a_read_only_or_missing_home_is_left_alone_and_the_run_works(read_only_home, tmp_path,
                                                                     home, how):
    """PyThaiNLP made ~/pythainlp-data when imported; with a HOME it could not write, the run
    ended with exit 5 before reading a file. Nothing may appear outside --out: not in HOME, not
    in the temporary folder, not in the working folder."""
    temp = tmp_path / "temp"
    temp.mkdir()
    out = tmp_path / "out"
    before = snapshot(tmp_path)
    environ = {"HOME": str(read_only_home if home == "read-only" else tmp_path / "no-home"),
               "TMPDIR": str(temp)}
    environ = {k: v for k, v in os.environ.items()
               if not k.startswith(("PYTHAINLP_", "XDG_"))} | environ
    done = subprocess.run([sys.executable, "-m", "pipeline.cli", "run", *map(str, SEEDS[:3]),
                           "--out", str(out), "-q", *how], cwd=tmp_path, capture_output=True,
                          text=True, timeout=300, env=environ | {"PYTHONPATH": str(REPO)})
    assert done.returncode == ExitCode.OK, done.stderr
    assert len(rows(out, "documents")) == 3
    assert not list(read_only_home.iterdir())
    new = {path for path in snapshot(tmp_path) - before if not path.startswith("out")}
    assert new == set(), sorted(new)
