"""Shared fixtures: the seed reports, a set of bad inputs, a way to run the real CLI, and the
expensive runs every test of a session shares: the README's main job on samples/ (each sample
scan OCR'd once a session) and each real scan read once."""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SEEDS = sorted((REPO / "samples" / "text").glob("*.txt"))
SHARED = Path(os.environ.get("ITA_SHARED", REPO.parent / "shared"))
REAL = SHARED / "real"
TABLE_NAMES = ("documents", "scores", "measures", "owners", "statuses", "findings", "signatories",
               "listed_scores", "errors")

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


# ---- the expensive runs, once a session -------------------------------------------------------
# ---- a fresh clone, as a user has it ----------------------------------------------------------
MAIN_JOB = "./scripts/run_samples.sh"  # the README's main command: set up, then the main job
# What it runs once set up: the fallback where the venv was set up from another pyproject.toml
# (setup.sh would then reinstall the project into this venv, from a clone about to be deleted).
MAIN_JOB_SET_UP = ".venv/bin/ita-extract run samples --out outputs"
# Environment a test run may have set that a user's shell has not.
NOT_A_USERS = ("ITA_EXTRACT_OCR_ENGINE", "ITA_EXTRACT_KILL_AT")


def fresh_clone(dest: Path) -> Path:
    """The project as a fresh clone of it holds it, at `dest`: the files git tracks and the new ones
    it would (so that a change is tested before it is committed; in CI the checkout is a clone), and
    this test's venv linked in as `.venv`, so that `scripts/setup.sh` there takes a second, offline."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                            cwd=REPO, capture_output=True, check=True).stdout.decode()
    for name in filter(None, listed.split("\0")):
        source = REPO / name
        if source.exists() or source.is_symlink():  # a file deleted but not yet staged is listed
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, dest / name, follow_symlinks=False)
    (dest / ".venv").symlink_to(Path(sys.prefix), target_is_directory=True)
    return dest


def setup_stamp(clone: Path, target: str) -> str:
    """The stamp `scripts/setup.sh` leaves for an install of `target` (`.` or `.[test]`)."""
    version = subprocess.run([clone / ".venv" / "bin" / "python", "-V"], capture_output=True,
                             text=True, check=True).stdout
    data = (clone / "pyproject.toml").read_bytes() + f"{target}\n{version}".encode()
    return hashlib.sha256(data).hexdigest()


def venv_is_current(clone: Path) -> bool:
    """Whether setup.sh in the clone would leave the linked venv alone."""
    stamp = clone / ".venv" / ".ita-extract-setup"
    installed = stamp.read_text().strip() if stamp.exists() else ""
    return installed in {setup_stamp(clone, "."), setup_stamp(clone, ".[test]")}


def users_env(clone: Path) -> dict[str, str]:
    """A user's environment in the clone: its own code first on the path (the venv's editable
    install points at the checkout it was made from)."""
    env = {k: v for k, v in os.environ.items() if k not in NOT_A_USERS}
    env["PYTHONPATH"] = str(clone)
    return env


def run_in(clone: Path, command: str, timeout: float = 1800) -> subprocess.CompletedProcess:
    """One command line, run by bash in the clone as a user would type it."""
    return subprocess.run(["bash", "-c", command], cwd=clone, env=users_env(clone),
                          capture_output=True, text=True, timeout=timeout)


@dataclass(frozen=True)
class MainJob:
    """The README's main command run once for the session on a fresh clone (`clone`): the samples
    into `clone/outputs`."""

    out: Path
    done: subprocess.CompletedProcess
    clone: Path
    command: str  # MAIN_JOB, or MAIN_JOB_SET_UP where the venv is not this pyproject's

    def subset(self, folder: str, dest: Path) -> Path:
        """An output folder holding only the rows of the documents read from samples/`folder`
        (as a run over that folder alone would write them), for the evaluator."""
        import pyarrow as pa
        import pyarrow.compute as pc
        import pyarrow.dataset as ds
        import pyarrow.parquet as pq

        documents = ds.dataset(self.out / "documents", partitioning="hive").to_table()
        prefix = f"samples/{folder}/"
        keep = [d for d, p in zip(documents.column("doc_id").to_pylist(),
                                  documents.column("source_path").to_pylist()) if p.startswith(prefix)]
        for name in TABLE_NAMES:
            if not (self.out / name).exists():
                continue
            table = ds.dataset(self.out / name, partitioning="hive").to_table()
            rows = table.filter(pc.is_in(table.column("doc_id"), value_set=pa.array(keep, pa.string())))
            (dest / name).mkdir(parents=True, exist_ok=True)
            pq.write_table(rows, dest / name / "part-0.parquet")
        return dest


@pytest.fixture(scope="session")
def main_job(tmp_path_factory) -> MainJob:
    clone = fresh_clone(tmp_path_factory.mktemp("main_job") / "ita-extract")
    command = MAIN_JOB if venv_is_current(clone) else MAIN_JOB_SET_UP
    return MainJob(clone / "outputs", run_in(clone, command, timeout=1200), clone, command)


@cache
def processed(path: str):
    """`pipeline.process.process_file(path)`, once a session per file: the real scans take
    seconds a page to OCR, and several tests look at what one of them gives."""
    from pipeline.process import process_file

    return process_file(path)


@pytest.fixture(scope="session")
def process_once():
    return processed


# Under pytest-xdist (`scripts/test.sh` runs a worker a core), a session or module fixture is
# made once per worker that needs it: the tests sharing an expensive one are kept on one worker
# (`--dist loadgroup`), so that it is made once. By fixture name: the group it makes.
_SHARED_ONCE = {"main_job": "main_job", "process_once": "process_once", "hostile": "hostile_files",
                "clean": "kill_corpus", "real_extractions": "real_pdfs", "batch": "bad_inputs",
                "reference": "identity_copies"}


@pytest.hookimpl(tryfirst=True)  # before xdist's own hook reads the groups
def pytest_collection_modifyitems(config, items):
    for item in items:
        info = getattr(item, "_fixtureinfo", None)
        for name in getattr(item, "fixturenames", ()):
            defs = info.name2fixturedefs.get(name) if info is not None else None
            if name in _SHARED_ONCE and defs and defs[-1].scope in ("session", "module"):
                item.add_marker(pytest.mark.xdist_group(_SHARED_ONCE[name]))
                break
