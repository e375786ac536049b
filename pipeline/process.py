"""One file through the pipeline: read → triage → extract → parse → normalise.

`process_file` never raises for bad input: a stage that fails ends the document with a
`documents` row of status `failed` and an `errors` row saying which stage met which problem, so
that a batch of thousands goes on. It runs inside worker processes, so everything it touches
(the per-document context, the result) is plain picklable data. Its last step checks the rows
and converts them to Arrow (pipeline.store.arrow), once: the writer writes those tables as they
are.
"""
from __future__ import annotations

import dataclasses
import errno
import hashlib
import os
import re
import stat
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import PurePath

from parsers.ita import parse_ita
from parsers.ita.records import DocType, ItaDocument
from parsers.layout import Document, Page, SourceKind, Unread
from pipeline import __version__
from pipeline.assemble import SourceInfo, assemble
from pipeline.discovery import as_text
from pipeline.errors import (
    EmptyInput,
    ErrorCode,
    InputProblem,
    InvalidRow,
    ItaError,
    NeedsOcr,
    NotItaReport,
    OutOfMemory,
    TimedOut,
    UnreadableInput,
)
from pipeline.limits import Limits, guard_worker, time_limit
from pipeline.readers import ReadOptions
from pipeline.store.arrow import RowsRefused, arrow_tables
from pipeline.store.fingerprints import Fingerprint, held_still
from pipeline.store.result import Extraction, WorkerStats
from pipeline.store.schema import DocStatus, DocumentRow, ErrorRow, Stage
from pipeline.triage import InputFormat, triage

HEAD_BYTES = 8192  # how much of the file triage looks at


@dataclass
class DocContext:
    """What is known about one document so far; each stage fills in its part."""

    source_path: str  # as the rows show it (see `as_text`)
    source_name: str
    path: str = ""  # as the file system takes it, to open the file
    doc_id: str | None = None
    fingerprint: Fingerprint | None = None  # of the file as its bytes were read
    data: bytes = b""  # the bytes read and hashed, which the reader parses; let go once it has
    head: bytes = b""
    format: InputFormat | None = None
    source_kind: SourceKind | None = None
    layout: Document | None = None
    ita: ItaDocument | None = None
    extraction: Extraction | None = None
    problems: list[ErrorRow] = field(default_factory=list)
    failed: bool = False
    seconds: dict[str, float] = field(default_factory=dict)  # by stage
    limits: Limits = field(default_factory=Limits)

    def problem(self, stage: Stage, exc: BaseException) -> None:
        code, message, page = describe(exc)
        self.problems.append(ErrorRow(source_path=self.source_path, doc_id=self.doc_id,
                                      stage=stage, code=code, message=message, page=page))


def describe(exc: BaseException) -> tuple[ErrorCode, str, int | None]:
    """(code, message, page) for an errors row. A traceback is not a message: for an exception we
    did not foresee, say its class, its text and the line that raised it, enough to find the bug."""
    if isinstance(exc, ItaError):
        return exc.code, str(exc), exc.page
    if _out_of_memory(exc):
        return OutOfMemory.code, ("the document needed more memory than a worker may take "
                                  "(--max-memory-mb)"), None
    message = f"{type(exc).__name__}: {exc}"
    frames = traceback.extract_tb(exc.__traceback__)
    if frames:
        last = frames[-1]
        message += f" (at {_short_path(last.filename)}:{last.lineno} in {last.name})"
    return ErrorCode.UNEXPECTED_ERROR, message, None


# How native code says it could not get memory: OpenCV raises its own error class, and loading a
# library into a full address space fails as OSError or ImportError.
_NO_MEMORY = re.compile(r"failed to map segment|Cannot allocate memory|Insufficient memory")


def _out_of_memory(exc: BaseException) -> bool:
    return (isinstance(exc, MemoryError)
            or (isinstance(exc, OSError) and exc.errno == errno.ENOMEM)
            or bool(_NO_MEMORY.search(str(exc))))


def _short_path(filename: str) -> str:
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    return os.path.relpath(filename, root) if filename.startswith(root) else filename


# ---- stages -------------------------------------------------------------------------------------
def read(ctx: DocContext) -> None:
    data, ctx.fingerprint = read_source(ctx.path)
    ctx.doc_id = hashlib.sha256(data).hexdigest()
    ctx.data, ctx.head = data, data[:HEAD_BYTES]
    if not data.strip():
        raise EmptyInput("the file is empty" if not data else "the file holds only whitespace")


def read_source(path: str) -> tuple[bytes, Fingerprint | None]:
    """The file's bytes, with its fingerprint if it held still while read (for the next run's
    look at it, pipeline.store.fingerprints); UnreadableInput for what cannot be read, and at
    once for what is not a regular file: a named pipe would wait for a writer forever, a device
    never end."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            raise UnreadableInput("not a regular file (a named pipe, a device or a socket)")
        with open(path, "rb") as f:
            before = os.fstat(f.fileno())
            data = f.read()
            return data, held_still(before, os.fstat(f.fileno()), time.time())
    except OSError as exc:
        raise UnreadableInput(f"cannot read the file: {exc.strerror or exc}") from exc


def classify(ctx: DocContext) -> None:
    ctx.format = triage(ctx.source_path, ctx.head)
    ctx.source_kind = ctx.format.source_kind


def extract(ctx: DocContext) -> None:
    assert ctx.format is not None
    options = ReadOptions(page_timeout_s=ctx.limits.page_seconds)
    data, ctx.data = ctx.data, b""
    ctx.layout = ctx.format.reader(ctx.path, data, options)
    ctx.source_kind = ctx.layout.source_kind or ctx.source_kind
    unread = [page for page in ctx.layout.pages if page.needs_ocr]
    problems = [_unread(page, ctx.limits) for page in unread]
    if unread and len(unread) == len(ctx.layout.pages):
        raise problems[0]
    for problem in problems:
        ctx.problem(Stage.EXTRACT, problem)


def _unread(page: Page, limits: Limits) -> InputProblem:
    if page.needs_ocr == Unread.DAMAGED:
        return UnreadableInput(f"page {page.number}: its image frame is damaged and cannot be "
                               "decoded; the page is left unread", page=page.number)
    if page.needs_ocr == Unread.TOO_SMALL:
        return UnreadableInput(f"page {page.number}: the image is too thin to hold a line of "
                               "print (a strip, not a page); the page is left unread",
                               page=page.number)
    if page.needs_ocr == Unread.OCR_TIMED_OUT:
        return TimedOut(f"page {page.number}: OCR stopped after {limits.page_seconds:g} s, the "
                        "limit for one page (--page-timeout); the page is left unread",
                        page=page.number)
    return NeedsOcr(f"page {page.number} has no usable text layer ({page.needs_ocr}); "
                    "it needs OCR, which is not installed here", page=page.number)


def parse(ctx: DocContext) -> None:
    assert ctx.layout is not None
    ctx.ita = parse_ita(ctx.layout)
    if ctx.ita.header.doc_type == DocType.OTHER and not ctx.ita.header.is_official_letter:
        # Not a failure: the file was read and may still name its organisation; the row says why
        # no ITA content came out of it.
        ctx.problem(Stage.PARSE, NotItaReport("no ITA measures, scores or analysis found: "
                                          "not an ITA report, or a layout the parser does not know"))


def normalise(ctx: DocContext) -> None:
    assert ctx.layout is not None and ctx.ita is not None
    source = SourceInfo(doc_id=ctx.doc_id or "", source_name=ctx.source_name,
                        source_path=ctx.source_path, extractor_version=__version__)
    ctx.extraction = assemble(source, ctx.layout, ctx.ita)


# Triage's function is named `classify` only so as not to shadow the imported `triage`.
STAGES: tuple[tuple[Stage, Callable[[DocContext], None]], ...] = (
    (Stage.READ, read), (Stage.TRIAGE, classify), (Stage.EXTRACT, extract), (Stage.PARSE, parse),
    (Stage.NORMALISE, normalise),
)


# ---- the whole file -----------------------------------------------------------------------------
def process_file(path: str, source_name: str | None = None, limits: Limits = Limits()) -> Extraction:
    """Everything one file yields. Never raises for a bad file (only for KeyboardInterrupt and the like).

    `limits` stop a document that takes too long or too much memory (pipeline.limits); it then
    fails with `timeout` or `memory_limit` in the stage it was in."""
    ctx = DocContext(source_path=as_text(path), path=path, limits=limits,
                     source_name=as_text(source_name or PurePath(path).name))
    guard_worker(limits)

    def too_long() -> TimedOut:
        return TimedOut(f"stopped after {limits.document_seconds:g} s, the limit for one document "
                        "(--document-timeout)")

    stage = STAGES[0][0]
    try:
        with time_limit(limits.document_seconds, too_long):
            for stage, step in STAGES:
                started = time.perf_counter()
                try:
                    step(ctx)
                finally:
                    ctx.seconds[stage] = time.perf_counter() - started
    except Exception as exc:
        ctx.problem(stage, exc)
        ctx.failed = True
    return finish(ctx)


def finish(ctx: DocContext) -> Extraction:
    """The document's result, its rows checked and converted to Arrow here, once, for the writer
    to write as they are (pipeline.store.arrow). Rows the schema refuses are a bug, charged to
    this document in the normalise stage that made them instead of stopping the whole batch at
    write time."""
    extraction = outcome(ctx)
    try:
        arrow_tables(extraction)
    except RowsRefused as exc:
        ctx.problem(Stage.NORMALISE, InvalidRow(str(exc)))
        ctx.failed = True
        extraction = outcome(ctx)
        arrow_tables(extraction)
    return extraction


def outcome(ctx: DocContext) -> Extraction:
    """What the stages made of the document: its rows, or a failed documents row; with every
    problem met as an errors row."""
    if ctx.failed or ctx.extraction is None:
        extraction = Extraction(document=failed_document(ctx))
        errors = ctx.problems
    else:
        extraction = ctx.extraction
        errors = ctx.problems + extraction.errors
        if errors and extraction.document.status == DocStatus.SUCCESS:
            extraction.document.status = DocStatus.PARTIAL
    extraction.stage_seconds = dict(ctx.seconds)
    extraction.worker = WorkerStats.here()
    extraction.fingerprint = ctx.fingerprint
    doc = extraction.document
    extraction.errors = [dataclasses.replace(e, doc_id=ctx.doc_id, org_name=doc.org_name,
                                             org_id=doc.org_id, province=doc.province,
                                             fiscal_year_be=doc.fiscal_year_be) for e in errors]
    return extraction


def failed_document(ctx: DocContext) -> DocumentRow:
    layout, ita = ctx.layout, ctx.ita
    return DocumentRow(
        doc_id=ctx.doc_id or unreadable_doc_id(ctx.source_path),
        source_name=ctx.source_name, source_path=ctx.source_path,
        source_kind=ctx.source_kind,
        page_count=layout.page_count if layout is not None else None,
        form=ita.header.form if ita is not None else None,
        doc_type=ita.header.doc_type if ita is not None else None,
        method=layout.method if layout is not None else None, status=DocStatus.FAILED,
        warnings=list(layout.warnings) if layout is not None else [],
        extractor_version=__version__)


def unreadable_doc_id(source_path: str) -> str:
    """documents.doc_id is required, but a file we could not read has no bytes to hash. This
    stands in: stable per path (so a re-run replaces the row) and plainly not a sha256 digest."""
    return "unreadable:" + hashlib.sha256(source_path.encode("utf-8", "surrogateescape")).hexdigest()[:16]
