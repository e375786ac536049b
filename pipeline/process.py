"""One file through the pipeline: read → triage → extract → parse → normalise.

`process_file` never raises for bad input: a stage that fails ends the document with a
`documents` row of status `failed` and an `errors` row saying which stage met which problem, so
that a batch of thousands goes on. It runs inside worker processes, so everything it touches
(the per-document context, the result) is plain picklable data.
"""
from __future__ import annotations

import dataclasses
import hashlib
import os
import traceback
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Callable

from parsers.ita import parse_ita
from parsers.ita.records import ItaDocument
from parsers.layout import Document
from pipeline import __version__
from pipeline.assemble import SourceInfo, assemble
from pipeline.errors import (EmptyInput, InvalidRow, ItaError, NeedsOcr, NotItaReport,
                             UnreadableInput)
from pipeline.result import Extraction
from pipeline.schema import SOURCE_KINDS, TABLES, DocumentRow, ErrorRow, check_row
from pipeline.triage import InputFormat, triage
from pipeline.writer import rows_to_arrow

HEAD_BYTES = 8192  # how much of the file triage looks at


@dataclass
class DocContext:
    """What is known about one document so far; each stage fills in its part."""

    source_path: str
    source_name: str
    doc_id: str | None = None
    head: bytes = b""
    format: InputFormat | None = None
    source_kind: str | None = None
    layout: Document | None = None
    ita: ItaDocument | None = None
    extraction: Extraction | None = None
    problems: list[ErrorRow] = field(default_factory=list)
    failed: bool = False

    def problem(self, stage: str, exc: BaseException) -> None:
        code, message, page = describe(exc)
        self.problems.append(ErrorRow(source_path=self.source_path, doc_id=self.doc_id,
                                      stage=stage, code=code, message=message, page=page))


def describe(exc: BaseException) -> tuple[str, str, int | None]:
    """(code, message, page) for an errors row. A traceback is not a message: for an exception we
    did not foresee, say its class, its text and the line that raised it, enough to find the bug."""
    if isinstance(exc, ItaError):
        return exc.code, str(exc), exc.page
    message = f"{type(exc).__name__}: {exc}"
    frames = traceback.extract_tb(exc.__traceback__)
    if frames:
        last = frames[-1]
        message += f" (at {_short_path(last.filename)}:{last.lineno} in {last.name})"
    return "unexpected_error", message, None


def _short_path(filename: str) -> str:
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    return os.path.relpath(filename, root) if filename.startswith(root) else filename


# ---- stages -------------------------------------------------------------------------------------
def read(ctx: DocContext) -> None:
    try:
        with open(ctx.source_path, "rb") as f:
            data = f.read()
    except OSError as exc:
        raise UnreadableInput(f"cannot read the file: {exc.strerror or exc}") from exc
    ctx.doc_id = hashlib.sha256(data).hexdigest()
    ctx.head = data[:HEAD_BYTES]
    if not data.strip():
        raise EmptyInput("the file is empty" if not data else "the file holds only whitespace")


def classify(ctx: DocContext) -> None:
    ctx.format = triage(ctx.source_path, ctx.head)
    ctx.source_kind = ctx.format.source_kind


def extract(ctx: DocContext) -> None:
    assert ctx.format is not None
    ctx.layout = ctx.format.load_reader()(ctx.source_path)
    ctx.source_kind = ctx.layout.source_kind or ctx.source_kind
    unread = [page for page in ctx.layout.pages if page.needs_ocr]
    if unread and len(unread) == len(ctx.layout.pages):
        raise NeedsOcr(f"no page has a usable text layer ({unread[0].needs_ocr}): a scan, "
                       "which needs OCR", page=unread[0].number)
    for page in unread:
        ctx.problem("extract", NeedsOcr(f"page {page.number} has no usable text layer "
                                        f"({page.needs_ocr}); it needs OCR", page=page.number))


def parse(ctx: DocContext) -> None:
    assert ctx.layout is not None
    ctx.ita = parse_ita(ctx.layout)
    if ctx.ita.header.doc_type == "other":
        # Not a failure: the file was read and may still name its organisation; the row says why
        # no ITA content came out of it.
        ctx.problem("parse", NotItaReport("no ITA measures, scores or analysis found: "
                                          "not an ITA report, or a layout the parser does not know"))


def normalise(ctx: DocContext) -> None:
    assert ctx.layout is not None and ctx.ita is not None
    source = SourceInfo(doc_id=ctx.doc_id or "", source_name=ctx.source_name,
                        source_path=ctx.source_path, extractor_version=__version__)
    extraction = assemble(source, ctx.layout, ctx.ita)
    validate(extraction)
    ctx.extraction = extraction


# The stage names are pipeline.schema.ERROR_STAGES; triage's function is named `classify` only
# so as not to shadow the imported `triage`.
STAGES: tuple[tuple[str, Callable[[DocContext], None]], ...] = (
    ("read", read), ("triage", classify), ("extract", extract), ("parse", parse),
    ("normalise", normalise),
)


def validate(extraction: Extraction) -> None:
    """Refuse rows the writer would refuse, here, so that the bug is charged to this document
    instead of stopping the whole batch at write time."""
    for table, rows in extraction.tables().items():
        try:
            for row in rows:
                check_row(row)
            rows_to_arrow(rows, TABLES[table])
        except (ValueError, TypeError, OverflowError, ArithmeticError) as exc:
            raise InvalidRow(f"{table}: {exc}") from exc


# ---- the whole file -----------------------------------------------------------------------------
def process_file(path: str, source_name: str | None = None) -> Extraction:
    """Everything one file yields. Never raises for a bad file (only for KeyboardInterrupt and the like)."""
    ctx = DocContext(source_path=path, source_name=source_name or PurePath(path).name)
    for stage, step in STAGES:
        try:
            step(ctx)
        except Exception as exc:  # noqa: BLE001 - every failure of a file becomes an errors row
            ctx.problem(stage, exc)
            ctx.failed = True
            break
    return finish(ctx)


def finish(ctx: DocContext) -> Extraction:
    if ctx.failed or ctx.extraction is None:
        extraction = Extraction(document=failed_document(ctx))
        errors = ctx.problems
    else:
        extraction = ctx.extraction
        errors = ctx.problems + extraction.errors
        if errors and extraction.document.status == "success":
            extraction.document.status = "partial"
    doc = extraction.document
    extraction.errors = [dataclasses.replace(e, doc_id=ctx.doc_id, org_name=doc.org_name,
                                             province=doc.province,
                                             fiscal_year_be=doc.fiscal_year_be) for e in errors]
    return extraction


def failed_document(ctx: DocContext) -> DocumentRow:
    layout, ita = ctx.layout, ctx.ita
    return DocumentRow(
        doc_id=ctx.doc_id or unreadable_doc_id(ctx.source_path),
        source_name=ctx.source_name, source_path=ctx.source_path,
        source_kind=ctx.source_kind if ctx.source_kind in SOURCE_KINDS else None,
        page_count=layout.page_count if layout is not None else None,
        form=ita.header.form if ita is not None else None,
        doc_type=ita.header.doc_type if ita is not None else None,
        method=read_method(layout), status="failed",
        warnings=list(layout.warnings) if layout is not None else [],
        extractor_version=__version__)


def unreadable_doc_id(source_path: str) -> str:
    """documents.doc_id is required, but a file we could not read has no bytes to hash. This
    stands in: stable per path (so a re-run replaces the row) and plainly not a sha256 digest."""
    return "unreadable:" + hashlib.sha256(source_path.encode("utf-8", "surrogateescape")).hexdigest()[:16]


def read_method(layout: Document | None) -> str | None:
    """documents.method: the one method every page was read with, or `mixed`."""
    methods = {page.method for page in layout.pages} if layout is not None else set()
    if not methods:
        return None
    return methods.pop() if len(methods) == 1 else "mixed"
