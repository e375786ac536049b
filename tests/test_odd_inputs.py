"""Odd inputs (issue 15): an image that is a strip, a TIFF with one damaged frame.
Real runs of the command, rows read back from Parquet; OCR is a fake engine that reads nothing
(tests/fake_engines.py), as only what comes before and around it is at stake."""
from __future__ import annotations

import os
import random
from pathlib import Path

import numpy as np
import pyarrow.dataset as ds
from PIL import Image

from pipeline.errors import ExitCode

from conftest import REPO, run_cli

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
