"""A run: find the input files, process each on an executor, write the datasets, sum up."""
from __future__ import annotations

import datetime as dt
import glob
import os
import sys
import time
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from hashlib import sha256
from pathlib import Path
from typing import Callable, TextIO

from tqdm import tqdm

from pipeline import __version__
from pipeline.errors import ALL_FAILED, OK, PARTIAL, OutputError, UsageError
from pipeline.executors import EXECUTORS, make_executor
from pipeline.process import describe, process_file, unreadable_doc_id
from pipeline.result import Extraction
from pipeline.schema import DocumentRow, ErrorRow
from pipeline.triage import SUPPORTED_SUFFIXES, is_supported
from pipeline.writer import WriteReport, extracted_before, write_dataset, write_manifest

_GLOB_CHARS = frozenset("*?[")


@dataclass
class RunSettings:
    inputs: list[str]
    out: Path = Path("outputs")
    workers: int = field(default_factory=lambda: os.cpu_count() or 1)
    executor: str = "processes"
    quiet: bool = False  # no progress bar (shown only on a terminal anyway), no per-file failure lines
    # Extract again a file whose bytes this extractor version already extracted into `out`.
    force: bool = False

    def __post_init__(self) -> None:
        if isinstance(self.inputs, (str, os.PathLike)):
            self.inputs = [self.inputs]
        self.inputs = [os.fspath(p) for p in self.inputs]
        if not self.inputs:
            raise UsageError("no input paths given")
        self.out = Path(self.out)
        if self.out.exists() and not self.out.is_dir():
            raise UsageError(f"--out {self.out} exists and is not a folder")
        if not isinstance(self.workers, int) or self.workers < 1:
            raise UsageError(f"workers must be a whole number ≥ 1, got {self.workers!r}")
        if self.executor not in EXECUTORS:
            raise UsageError(f"executor must be one of {EXECUTORS}, got {self.executor!r}")


@dataclass(frozen=True)
class InputFile:
    path: str  # as given, or as found under a folder given
    name: str  # file name, the documents.source_name


@dataclass
class RunSummary:
    files: int
    documents: int
    pages: int
    scores: int
    measures: int
    owners: int
    failures: int
    partial: int
    seconds: float
    exit_code: int
    out: Path
    write: WriteReport | None = None
    skipped: int = 0  # files already extracted, unchanged, by this version

    def line(self) -> str:
        unchanged = f", {self.skipped} unchanged skipped (--force redoes them)" if self.skipped else ""
        return (f"{self.documents} documents ({self.failures} failed, {self.partial} partial), "
                f"{self.pages} pages, {self.scores} scores, {self.measures} measures, "
                f"{self.owners} owners in {self.seconds:.1f} s{unchanged} → {self.out}")


# ---- input discovery ----------------------------------------------------------------------------
def discover(inputs: list[str], warn: Callable[[str], None] = lambda _: None) -> list[InputFile]:
    """The files to process, each once, in a stable order.

    A file named on the command line is always processed (an unsupported one gets a failed row,
    so that the user sees why it gave nothing); under a folder only supported files are taken,
    since folders of reports hold scans and spreadsheets that this version cannot read. Globs are
    expanded here too, for shells that do not (Windows) and for quoted patterns.
    """
    found: list[InputFile] = []
    seen: set[str] = set()
    missing: list[str] = []

    def add(path: str) -> None:
        key = os.path.realpath(path)
        if key not in seen:
            seen.add(key)
            found.append(InputFile(path=path, name=os.path.basename(path)))

    for given in inputs:
        if os.path.isdir(given):
            before = len(found)
            for path in _walk(given):
                add(path)
            if len(found) == before:
                warn(f"no {'/'.join(sorted(SUPPORTED_SUFFIXES))} files under {given}")
        elif os.path.exists(given):
            add(given)
        elif _GLOB_CHARS & set(given) and (matches := sorted(glob.glob(given, recursive=True))):
            for match in matches:
                for path in _walk(match) if os.path.isdir(match) else [match]:
                    add(path)
        else:
            missing.append(given)
    if missing:
        # A typo should stop the run before it spends hours on the rest.
        raise UsageError("no such file or folder: " + ", ".join(missing))
    if not found:
        raise UsageError(f"no input files found in {', '.join(inputs)} "
                         f"(supported: {', '.join(sorted(SUPPORTED_SUFFIXES))})")
    return found


def _walk(folder: str) -> list[str]:
    paths = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        paths.extend(os.path.join(root, f) for f in sorted(files)
                     if not f.startswith(".") and is_supported(f))
    return paths


# ---- the run ------------------------------------------------------------------------------------
def process_input(item: InputFile) -> Extraction:
    """The unit of work sent to a worker (a top-level function, so that it pickles)."""
    return process_file(item.path, item.name)


def not_processed(item: InputFile, exc: BaseException) -> Extraction:
    """What a file gets when the executor, not process_file, failed it: mostly a worker process
    that died under it (a crash in a native library, the OOM killer)."""
    code, message, _ = describe(exc)
    if isinstance(exc, BrokenProcessPool):
        code = "worker_died"
        message = "the worker process died while reading this file; run it alone with --serial to see why"
    try:
        doc_id = sha256(Path(item.path).read_bytes()).hexdigest()
    except OSError:
        doc_id = None
    document = DocumentRow(doc_id=doc_id or unreadable_doc_id(item.path), source_name=item.name,
                           source_path=item.path, status="failed", extractor_version=__version__)
    error = ErrorRow(source_path=item.path, doc_id=doc_id, stage="extract", code=code, message=message)
    return Extraction(document=document, errors=[error])


def run(settings: RunSettings, log: TextIO | None = None) -> RunSummary:
    """Process every input and write the datasets. Bad files become rows, not exceptions; this
    raises only for the run as a whole (UsageError, OutputError)."""
    log = log if log is not None else sys.stderr
    started = time.monotonic()
    files = discover(settings.inputs, warn=lambda msg: print(f"ita-extract: {msg}", file=log))
    # Before hours of work, not after: the output folder must be writable.
    try:
        settings.out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create --out {settings.out}: {exc}") from exc
    if not os.access(settings.out, os.W_OK):
        raise OutputError(f"--out {settings.out} is not writable")
    files, skipped = (files, []) if settings.force else _unchanged(files, settings.out)
    executor = make_executor(settings.executor, settings.workers)
    if settings.executor == "processes" and (len(files) == 1 or settings.workers == 1):
        executor = make_executor("serial")  # a pool would only add start-up time
    extractions: list[Extraction] = []
    bar = tqdm(total=len(files), unit="file", file=log, dynamic_ncols=True,
               disable=settings.quiet or not _isatty(log))
    with bar:
        for extraction in executor.map(process_input, files, on_error=not_processed):
            extractions.append(extraction)
            bar.update()
            if extraction.document.status == "failed" and not settings.quiet:
                first = extraction.errors[0] if extraction.errors else None
                why = f"{first.code}: {first.message}" if first else "failed"
                bar.write(f"ita-extract: {extraction.document.source_path}: {why}", file=log)
    try:
        report = write_dataset(settings.out, extractions)
        summary = summarise(files, extractions, time.monotonic() - started, settings.out, report,
                            skipped)
        write_manifest(settings.out, manifest(settings, summary))
    except OSError as exc:  # read-only, disk full...: the folder's problem, not a bug
        raise OutputError(f"cannot write to {settings.out}: {exc}") from exc
    return summary


def _unchanged(files: list[InputFile], out: Path) -> tuple[list[InputFile], list[str]]:
    """(files to extract, stored statuses of those skipped): a file whose bytes this version
    already extracted into `out` is skipped, unless that extraction failed (it is tried
    again: a failure may be the machine's, such as Tesseract missing)."""
    done = extracted_before(out)
    if not done:
        return files, []
    todo, skipped = [], []
    for item in files:
        try:
            digest = sha256(Path(item.path).read_bytes()).hexdigest()
        except OSError:
            todo.append(item)  # process_file reports why it cannot be read
            continue
        version, status = done.get(digest, (None, None))
        if version == __version__ and status not in (None, "failed"):
            skipped.append(status)
        else:
            todo.append(item)
    return todo, skipped


def summarise(files: list[InputFile], extractions: list[Extraction], seconds: float, out: Path,
              report: WriteReport | None = None, skipped: list[str] | None = None) -> RunSummary:
    skipped = skipped or []
    # A resumed run ends with the exit code the uninterrupted run would have had: the files
    # skipped count with the status stored for them.
    statuses = [e.document.status for e in extractions] + skipped
    failures, partial = statuses.count("failed"), statuses.count("partial")
    if not statuses:
        code = OK
    elif failures == len(statuses):
        code = ALL_FAILED
    elif failures or partial:
        code = PARTIAL
    else:
        code = OK
    return RunSummary(files=len(files) + len(skipped), documents=len(extractions), skipped=len(skipped),
                      pages=sum(e.document.page_count or 0 for e in extractions),
                      scores=sum(len(e.scores) for e in extractions),
                      measures=sum(len(e.measures) for e in extractions),
                      owners=sum(len(e.owners) for e in extractions),
                      failures=failures, partial=partial, seconds=round(seconds, 3),
                      exit_code=code, out=out, write=report)


def manifest(settings: RunSettings, summary: RunSummary) -> dict:
    """What `<out>/manifest.json` says about the last run (the tables may hold earlier runs' rows)."""
    return {
        "tool": "ita-extract",
        "version": __version__,
        "written_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "inputs": settings.inputs,
        "files": summary.files,
        "skipped_unchanged": summary.skipped,
        "force": settings.force,
        "documents": {"total": summary.documents, "failed": summary.failures,
                      "partial": summary.partial,
                      "success": summary.documents - summary.failures - summary.partial},
        "rows_written": summary.write.rows_written if summary.write else {},
        "rows_in_dataset": summary.write.rows_total if summary.write else {},
        "seconds": summary.seconds,
        "exit_code": summary.exit_code,
        "executor": settings.executor,
        "workers": settings.workers,
    }


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
