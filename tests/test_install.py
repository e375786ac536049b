"""ita-extract as pip installs it from a wheel, not as the source tree runs it, and a run on a
machine where a part of OCR is missing.

The wheel is built from a clean copy of the packages (a stale `*.egg-info` in the tree can list
files the configuration no longer declares) with this venv's setuptools, offline, and installed
into a fresh venv that sees this one's dependencies but not its editable install: the modules
come from the wheel, run from a folder that is not the source tree.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pyarrow.dataset as ds
import pytest

from pipeline.errors import ExitCode

from conftest import REPO, run_cli

PACKAGES = sorted(p.name for p in REPO.iterdir() if (p / "__init__.py").is_file())
SCAN = REPO / "samples" / "scan" / "001_abf31e34acd1eb53.pdf"  # 3 scanned pages, 11 scores
TEXT = sorted((REPO / "samples" / "text").glob("*.txt"))[0]
BORN_DIGITAL = REPO / "samples" / "pdf" / "001_abf31e34acd1eb53.pdf"  # the same report with its text layer
DIGIT_MODEL = Path("parsers") / "ocr" / "models" / "digits.npz"
# Only what the command needs: no PYTHONPATH (the source tree), no plugged-in OCR engine.
CLEAN_ENV = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "ITA_EXTRACT_OCR_ENGINE")}


def _package_files(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for package in PACKAGES for p in (root / package).rglob("*")
            if p.is_file() and "__pycache__" not in p.parts}


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    src = tmp_path_factory.mktemp("src")
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(REPO / name, src / name)
    for package in PACKAGES:
        shutil.copytree(REPO / package, src / package, ignore=shutil.ignore_patterns("__pycache__"))
    dist = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                    "--no-index", "--quiet", "--wheel-dir", str(dist), str(src)],
                   check=True, capture_output=True, text=True)
    [built] = dist.glob("ita_extract-*.whl")
    return built


@dataclass(frozen=True)
class Venv:
    root: Path
    site: Path  # its site-packages

    @property
    def python(self) -> Path:
        return self.root / "bin" / "python"

    @property
    def command(self) -> Path:
        return self.root / "bin" / "ita-extract"


def install(wheel: Path, root: Path) -> Venv:
    """A fresh venv at `root` with the wheel in it; this venv's site-packages on its path for the
    dependencies (a path line of a .pth: the .pth files there, the editable install's among them,
    are not run)."""
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(root)], check=True)
    venv = Venv(root, Path(subprocess.run(
        [root / "bin" / "python", "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
        check=True, capture_output=True, text=True).stdout.strip()))
    (venv.site / "test-venv-dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n")
    subprocess.run([sys.executable, "-m", "pip", "--python", str(venv.python), "install", "--no-deps",
                    "--no-index", "--quiet", str(wheel)], check=True, capture_output=True, text=True)
    return venv


def _where_modules_come_from(python: Path, cwd: Path) -> dict[str, str]:
    code = ("import importlib, json, sys; print(json.dumps({m: importlib.import_module(m).__file__ "
            "for m in sys.argv[1:]}))")
    modules = [*PACKAGES, "parsers.ocr.digits", "parsers.ocr.digit_model", "pipeline.cli"]
    done = subprocess.run([python, "-c", code, *modules], cwd=cwd, env=CLEAN_ENV, check=True,
                          capture_output=True, text=True)
    return json.loads(done.stdout)


def _rows(out: Path, table: str) -> list[dict]:
    return sorted(ds.dataset(out / table, partitioning="hive").to_table().to_pylist(),
                  key=lambda r: json.dumps(r, sort_keys=True, default=str))


def test_the_wheel_holds_every_file_of_the_packages(wheel):
    with zipfile.ZipFile(wheel) as z:
        packed = set(z.namelist())
    assert DIGIT_MODEL.as_posix() in packed
    assert _package_files(REPO) - packed == set()


@pytest.mark.slow  # about 17 s on an idle 2-core machine, two runs of a 3-page scan
def test_a_wheel_install_in_a_fresh_venv_reads_a_scan(wheel, tmp_path):
    venv = install(wheel, tmp_path / "venv")
    elsewhere = tmp_path / "cwd"
    elsewhere.mkdir()
    for module, file in _where_modules_come_from(venv.python, elsewhere).items():
        assert Path(file).is_relative_to(venv.site), (module, file)

    out = elsewhere / "out"
    done = subprocess.run([venv.command, "run", SCAN, "--out", out,
                           "--serial", "-q"], cwd=elsewhere, env=CLEAN_ENV, capture_output=True,
                          text=True, timeout=600)
    assert done.returncode == ExitCode.OK, done.stderr
    [document] = _rows(out, "documents")
    assert (document["status"], document["source_kind"]) == ("success", "pdf_scanned")
    scores = _rows(out, "scores")
    assert scores and any(r["scope"] == "overall" for r in scores)
    # The same rows as from the source tree: the install lost nothing the scan path reads.
    reference = tmp_path / "from-source"
    assert run_cli("run", SCAN, "--out", reference, "--serial", "-q").returncode == ExitCode.OK
    assert scores == _rows(reference, "scores")

    versions = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["versions"]
    model_hash = hashlib.sha256((REPO / DIGIT_MODEL).read_bytes()).hexdigest()[:16]
    assert versions["digit_model_sha256"] == model_hash
    assert versions["tesseract"] is not None


def _stopped_at_start(done: subprocess.CompletedProcess, out: Path, hint: str) -> None:
    """Exit code 6, one line on stderr that says how to install what is missing, and no row
    charged to any input (nothing written: no table, no manifest)."""
    assert done.returncode == ExitCode.MISSING_DEPENDENCY, done.stderr
    [line] = done.stderr.splitlines()
    assert line.startswith("ita-extract: error: ") and "needs OCR (and maybe more of the inputs), which cannot " \
        "run here" in line and hint in line
    assert not list(out.glob("*/*.parquet")) and not list(out.glob("*/*/*.parquet"))
    assert not (out / "manifest.json").exists()


def test_a_wheel_install_without_the_digit_model_stops_at_start(wheel, tmp_path):
    venv = install(wheel, tmp_path / "venv")
    (venv.site / DIGIT_MODEL).unlink()  # as the wheels built before it was declared package data
    out = tmp_path / "out"
    done = subprocess.run([venv.command, "run", SCAN, TEXT, "--out", out, "-q"], cwd=tmp_path,
                          env=CLEAN_ENV, capture_output=True, text=True, timeout=600)
    _stopped_at_start(done, out, f"digit reader's weights cannot be read from {venv.site / DIGIT_MODEL}")
    assert "reinstall ita-extract" in done.stderr
    # Text needs no OCR: the same install reads it.
    done = subprocess.run([venv.command, "run", TEXT, "--out", out, "-q"], cwd=tmp_path, env=CLEAN_ENV,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == ExitCode.OK, done.stderr


@pytest.mark.parametrize("hidden", ["folder", "language"])
def test_without_tesseracts_models_the_run_stops_at_start(tmp_path, hidden):
    # TESSDATA_PREFIX names the folder Tesseract's models are read from: an empty one hides them
    # all; one holding only the English model hides the Thai one.
    tessdata = tmp_path / "tessdata"
    tessdata.mkdir()
    if hidden == "language":
        from parsers.ocr.settings import DEFAULT

        shutil.copy2(Path(DEFAULT.tessdata) / "eng.traineddata", tessdata)
    env = {"TESSDATA_PREFIX": str(tessdata)}
    out = tmp_path / "out"
    done = run_cli("run", SCAN, TEXT, "--out", out, "--workers", "2", "-q", extra_env=env)
    missing = "tha+eng" if hidden == "folder" else "tha"
    _stopped_at_start(done, out, f"no Tesseract model for {missing} in {tessdata}: install Tesseract's "
                                 "models (Debian, Ubuntu: apt-get install tesseract-ocr tesseract-ocr-tha)")
    # A run of text files does not ask for Tesseract, nor one of born-digital PDFs: their text
    # layers are read without it.
    done = run_cli("run", TEXT, "--out", out, "-q", extra_env=env)
    assert done.returncode == ExitCode.OK, done.stderr
    done = run_cli("run", BORN_DIGITAL, "--out", tmp_path / "pdf_out", "-q", extra_env=env)
    assert done.returncode == ExitCode.OK, done.stderr
