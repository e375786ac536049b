"""A run: find the input files (pipeline.discovery), process each on an executor, write the
datasets, sum up."""
from __future__ import annotations

import datetime as dt
import os
import sys
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from functools import partial
from hashlib import sha256
from pathlib import Path
from typing import TextIO

from pipeline import __version__
from pipeline.corrections import FILE_NAME as CORRECTIONS_FILE
from pipeline.corrections import read_corrections
from pipeline.discovery import InputFile, as_text, discover
from pipeline.errors import ErrorCode, ExitCode, OutputError, UnreadableInput, UsageError
from pipeline.executors import EXECUTORS, check_dask_address, make_executor, usable_cpus, worker_died
from pipeline.faults import kill_point
from pipeline.limits import Limits
from pipeline.preflight import check_dependencies
from pipeline.process import describe, process_file, read_source, unreadable_doc_id
from pipeline.progress import JsonLog, ProgressBar
from pipeline.stopping import StopSignals
from pipeline.store.dictionary import write_datapackage
from pipeline.store.fingerprints import Fingerprint, SeenSources
from pipeline.store.part_index import SeenHashes, key_hashes
from pipeline.store.result import Extraction
from pipeline.store.schema import DocStatus, DocumentRow, ErrorRow, Stage
from pipeline.store.transaction import DEFAULT_LOCK_SECONDS, Lock
from pipeline.store.versions import versions
from pipeline.store.writer import (
    DatasetWriter,
    WriteReport,
    extracted_before,
    recover,
    table_files,
    write_manifest,
)


@dataclass
class RunSettings:
    inputs: list[str]
    out: Path = Path("outputs")
    workers: int = field(default_factory=lambda: os.cpu_count() or 1)
    executor: str = "processes"
    # The Dask scheduler's address (tcp://host:8786), or 'local' for a LocalCluster of `workers`
    # processes; for executor 'dask' only.
    dask_address: str | None = None
    quiet: bool = False  # no progress bar (shown only on a terminal anyway), no per-file failure lines
    log_json: bool = False  # JSON lines on the log stream instead (pipeline.progress)
    # Extract again a file whose bytes this extractor version already extracted into `out`.
    force: bool = False
    # Follow symbolic links under an input folder that lead outside the input folders (by
    # default they are skipped: a link in a shared folder must not feed /etc/passwd to the rows).
    follow_symlinks: bool = False
    # Finished documents are written to `out` at least this often (whichever comes first), so
    # that a run killed after hours loses minutes: the next run skips what was written. Each
    # checkpoint adds a part file to each table (pipeline.store.writer), whatever the dataset's size.
    checkpoint_documents: int = 200
    checkpoint_seconds: float = 300.0
    # How long and how much memory one document may take before it fails (pipeline.limits).
    limits: Limits = field(default_factory=Limits)
    # How long a write waits for another run's write into `out` (None: as long as it takes).
    lock_timeout: float | None = DEFAULT_LOCK_SECONDS
    # A person's corrections (pipeline.corrections); None: `<out>/corrections.csv` if there is one.
    corrections: Path | None = None

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
        if self.lock_timeout is not None and self.lock_timeout < 0:
            raise UsageError(f"the lock timeout must be 0 or more seconds, got {self.lock_timeout}")
        if self.checkpoint_documents < 1 or self.checkpoint_seconds <= 0:
            raise UsageError("checkpoints need at least 1 document and more than 0 seconds")
        if self.executor not in EXECUTORS:
            raise UsageError(f"executor must be one of {EXECUTORS}, got {self.executor!r}")
        if self.executor == "dask":
            if not self.dask_address:
                raise UsageError("the dask executor needs an address: 'local' or tcp://host:8786")
            check_dask_address(self.dask_address)
        elif self.dask_address is not None:
            raise UsageError(f"a Dask address is for the dask executor, not {self.executor!r}")


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
    exit_code: ExitCode
    out: Path
    write: WriteReport | None = None
    skipped: int = 0  # files already extracted, unchanged, by this version

    def line(self) -> str:
        unchanged = f", {self.skipped} unchanged skipped (--force redoes them)" if self.skipped else ""
        return (f"{self.documents} documents ({self.failures} failed, {self.partial} partial), "
                f"{self.pages} pages, {self.scores} scores, {self.measures} measures, "
                f"{self.owners} owners in {self.seconds:.1f} s{unchanged} → {self.out}")


# ---- the run ------------------------------------------------------------------------------------
def process_input(item: InputFile, limits: Limits = Limits()) -> Extraction:
    """The unit of work sent to a worker (a top-level function, so that it pickles)."""
    return process_file(item.path, item.name, limits)


def not_processed(item: InputFile, exc: BaseException) -> Extraction:
    """What a file gets when the executor, not process_file, failed it: mostly a worker process
    that died under it (a crash in a native library, the OOM killer)."""
    code, message, _ = describe(exc)
    if worker_died(exc):
        code = ErrorCode.WORKER_DIED
        message = "the worker process died while reading this file; run it alone with --serial to see why"
    doc_id, _ = _digest(item)
    path = as_text(item.path)
    document = DocumentRow(doc_id=doc_id or unreadable_doc_id(path), source_name=as_text(item.name),
                           source_path=path, status=DocStatus.FAILED, extractor_version=__version__)
    error = ErrorRow(source_path=path, doc_id=doc_id, stage=Stage.EXTRACT, code=code, message=message)
    return Extraction(document=document, errors=[error])


def run(settings: RunSettings, log: TextIO | None = None) -> RunSummary:
    """Process every input and write the datasets. Bad files become rows, not exceptions; this
    raises only for the run as a whole (UsageError, OutputError) and on KeyboardInterrupt, after
    writing the documents finished so far."""
    log = log if log is not None else sys.stderr
    started = time.monotonic()
    links_skipped: list[str] = []

    def warn(message: str) -> None:
        print(f"ita-extract: {message}", file=log)

    files = discover(settings.inputs, warn=warn, follow_symlinks=settings.follow_symlinks,
                     links_skipped=links_skipped)
    # Before hours of work, not after: the output folder must be writable.
    try:
        settings.out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create --out {settings.out}: {exc}") from exc
    if not os.access(settings.out, os.W_OK):
        raise OutputError(f"--out {settings.out} is not writable")
    progress = JsonLog(log) if settings.log_json else ProgressBar(log, quiet=settings.quiet)
    lock = Lock(settings.lock_timeout,
                waiting=partial(progress.waiting, str(settings.out), settings.lock_timeout))
    _guard_output(settings.out, recover, settings.out, lock)  # a killed run's last write, finished or undone
    corrections = read_corrections(settings.corrections or settings.out / CORRECTIONS_FILE)
    seen = SeenSources(settings.out)
    files, skipped = (files, []) if settings.force else _unchanged(files, settings.out, lock,
                                                                   corrections.documents, seen)
    check_dependencies(item.path for item in files)  # not charged to the files, should OCR be missing
    # More workers than files or CPUs would only cost memory: 250-300 MB each, and `--workers
    # 3000` started 3000 processes for 5 files.
    workers = max(1, min(settings.workers, len(files), usable_cpus()))
    executor_name = settings.executor
    if executor_name == "processes" and workers == 1:
        executor_name = "serial"  # a pool would only add start-up time
    executor = make_executor(executor_name, workers, settings.dask_address,
                             isolated=settings.limits.per_process)
    tally = Tally(files=len(files), skipped=skipped, workers=workers, links_skipped=links_skipped)
    checkpoint = Checkpoint(settings, lock)
    progress.started(len(files), len(skipped), inputs=settings.inputs, out=str(settings.out),
                     executor=executor.name, workers=workers, version=__version__)
    stop_signals = StopSignals()

    def save() -> None:
        with stop_signals.writing():
            report, seconds = checkpoint.write()
        tally.wrote(report, seconds)
        progress.checkpoint(report.rows_written, seconds)

    with stop_signals:
        try:
            for extraction in executor.map(partial(process_input, limits=settings.limits), files,
                                           on_error=not_processed):
                kill_point("document_done")
                corrections.apply(extraction)
                seen.saw(extraction.document.source_path, _content_id(extraction), extraction.fingerprint)
                tally.add(extraction)
                checkpoint.pending.append(extraction)
                progress.document(extraction)
                if checkpoint.due():
                    save()
                    kill_point("checkpoint_done")
            # Written even when nothing was extracted: every table exists after a run, if empty.
            save()
        except KeyboardInterrupt:  # Ctrl-C, and SIGTERM (pipeline.stopping)
            progress.close()
            save()  # what is finished is kept: the next run goes on from there
            raise
        finally:
            progress.close()
        summary = tally.summary(time.monotonic() - started, settings.out)
        about = manifest(settings, summary, tally)
        about["corrections_applied"] = corrections.applied
        with stop_signals.writing():
            _guard_output(settings.out, write_manifest, settings.out, about)
            _guard_output(settings.out, write_datapackage, settings.out, table_files(settings.out))
            _guard_output(settings.out, seen.write, lock)
    progress.finished(about)
    return summary


class Checkpoint:
    """The finished documents not yet written, and when they should be."""

    def __init__(self, settings: RunSettings, lock: Lock):
        self.settings = settings
        self.writer = DatasetWriter(settings.out, lock)
        self.pending: list[Extraction] = []
        self.last = time.monotonic()

    def due(self) -> bool:
        return (len(self.pending) >= self.settings.checkpoint_documents
                or time.monotonic() - self.last >= self.settings.checkpoint_seconds)

    def write(self) -> tuple[WriteReport, float]:
        started = time.perf_counter()
        report = _guard_output(self.settings.out, self.writer.write, self.pending)
        self.pending, self.last = [], time.monotonic()
        return report, time.perf_counter() - started


def _guard_output(out: Path, write, *args):
    try:
        return write(*args)
    except OSError as exc:  # read-only, disk full...: the folder's problem, not a bug
        raise OutputError(f"cannot write to {out}: {exc}") from exc


def _unchanged(files: list[InputFile], out: Path, lock: Lock, corrected: frozenset[str],
               seen: SeenSources) -> tuple[list[InputFile], list[str]]:
    """(files to extract, stored statuses of those skipped): a file whose path holds the bytes
    this version already extracted into `out` for that path is skipped, unless that extraction
    failed (it is tried again: a failure may be the machine's, such as Tesseract missing). The
    same bytes at another path are another source, extracted for its own row."""
    done = extracted_before(out, lock)
    if not done:
        return files, []
    todo, skipped = [], []
    for item in files:
        stored = done.get(as_text(item.path))
        if (stored is not None and stored.extractor_version == __version__
                and stored.status != DocStatus.FAILED and stored.doc_id[:16] not in corrected
                and _holds(item, stored.doc_id, seen)):
            skipped.append(stored.status)
        else:
            todo.append(item)  # new, changed, or unreadable (process_file reports why)
    return todo, skipped


def _holds(item: InputFile, doc_id: str, seen: SeenSources) -> bool:
    """Whether the file at `item.path` holds the bytes `doc_id`: by its fingerprint alone when
    the last run read those bytes from the file as it is now, else by reading and hashing it
    (and then its fingerprint is kept for the next run)."""
    source_path = as_text(item.path)
    if seen.holds(item.path, source_path, doc_id):
        return True
    found, fingerprint = _digest(item)
    if found != doc_id:
        return False
    seen.saw(source_path, doc_id, fingerprint)
    return True


def _digest(item: InputFile) -> tuple[str | None, Fingerprint | None]:
    """The sha256 of the file's bytes (None where it cannot be read) and its fingerprint as read."""
    try:
        data, fingerprint = read_source(item.path)
    except UnreadableInput:
        return None, None
    return sha256(data).hexdigest(), fingerprint


def _content_id(extraction: Extraction) -> str | None:
    """The doc_id of the bytes an extraction read, None when it failed (it is tried again)."""
    return None if extraction.document.status == DocStatus.FAILED else extraction.document.doc_id


@dataclass
class Tally:
    """What the run has done, as counts: a run of thousands keeps no results in memory once
    they are written."""

    files: int
    skipped: list[str]  # the stored statuses of the files skipped as unchanged
    statuses: Counter[str] = field(default_factory=Counter)  # of the documents extracted
    pages: int = 0
    scores: int = 0
    measures: int = 0
    owners: int = 0
    rows_written: dict[str, int] = field(default_factory=dict)
    rows_total: dict[str, int] = field(default_factory=dict)
    stage_seconds: dict[str, float] = field(default_factory=dict)  # summed over documents
    write_seconds: float = 0.0
    # Rows of earlier parts a checkpoint read to replace them: 0 while the run only adds.
    rows_reread: int = 0
    checkpoints: int = 0
    peak_rss_mb: dict[int, float] = field(default_factory=dict)  # by process id
    workers: int | None = None  # the processes the run took, after capping --workers
    links_skipped: list[str] = field(default_factory=list)  # symbolic links not followed
    # The doc_ids whose scores, measures and owners are counted, as 64-bit hashes (a national
    # crawl holds 100,000): two copies of one file are two documents but, as in the tables, one
    # set of those rows.
    counted: SeenHashes = field(default_factory=SeenHashes)

    def add(self, extraction: Extraction) -> None:
        if extraction.worker is not None:
            worker = extraction.worker
            self.peak_rss_mb[worker.pid] = max(worker.peak_rss_mb, self.peak_rss_mb.get(worker.pid, 0))
        for stage, seconds in extraction.stage_seconds.items():
            self.stage_seconds[stage] = self.stage_seconds.get(stage, 0.0) + seconds
        self.statuses[extraction.document.status] += 1
        self.pages += extraction.document.page_count or 0
        if extraction.document.status == DocStatus.FAILED:
            return
        if not self.counted.add(int(key_hashes([extraction.document.doc_id])[0])):
            return
        self.scores += len(extraction.scores)
        self.measures += len(extraction.measures)
        self.owners += len(extraction.owners)

    def wrote(self, report: WriteReport, seconds: float) -> None:
        self.write_seconds += seconds
        self.rows_reread += report.rows_read
        self.checkpoints += 1
        for table, rows in report.rows_written.items():
            self.rows_written[table] = self.rows_written.get(table, 0) + rows
        self.rows_total = dict(report.rows_total)

    def summary(self, seconds: float, out: Path) -> RunSummary:
        # A resumed run ends with the exit code the uninterrupted run would have had: the files
        # skipped count with the status stored for them.
        statuses = self.statuses + Counter(self.skipped)
        failures, partial = statuses[DocStatus.FAILED], statuses[DocStatus.PARTIAL]
        if failures and failures == statuses.total():
            code = ExitCode.ALL_FAILED
        elif failures or partial:
            code = ExitCode.PARTIAL
        else:
            code = ExitCode.OK
        return RunSummary(files=self.files + len(self.skipped), documents=self.statuses.total(),
                          skipped=len(self.skipped), pages=self.pages, scores=self.scores,
                          measures=self.measures, owners=self.owners, failures=failures,
                          partial=partial, seconds=round(seconds, 3), exit_code=code, out=out,
                          write=WriteReport(self.rows_written, self.rows_total))


def manifest(settings: RunSettings, summary: RunSummary, tally: Tally | None = None) -> dict:
    """What `<out>/manifest.json` says about the last run (the tables may hold earlier runs' rows).

    `stage_seconds` add up the documents' stages, so with several workers they exceed `seconds`,
    the run's wall-clock time; `pages_per_second` is the run's, by the wall clock."""
    stage_seconds = {stage: round(seconds, 3) for stage, seconds in tally.stage_seconds.items()} \
        if tally else {}
    return {
        "tool": "ita-extract",
        "version": __version__,
        "written_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
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
        "workers": tally.workers if tally and tally.workers else settings.workers,
        "workers_asked": settings.workers,
        "dask_address": settings.dask_address,
        "pages": summary.pages,
        "pages_per_second": round(summary.pages / summary.seconds, 3) if summary.seconds else None,
        "stage_seconds": stage_seconds,
        "write_seconds": round(tally.write_seconds, 3) if tally else None,
        "rows_reread_by_writes": tally.rows_reread if tally else None,
        # Peak resident memory of each process that extracted documents (this one, when serial).
        "worker_peak_rss_mb": sorted(tally.peak_rss_mb.values(), reverse=True) if tally else [],
        "checkpoints": tally.checkpoints if tally else None,
        "symlinks_skipped": tally.links_skipped if tally else [],
        "limits": asdict(settings.limits),
        "versions": versions(),
    }
