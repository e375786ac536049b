"""Exit codes and the exceptions that carry them.

A run over thousands of reports must finish even when some files are bad, so problems with one
file become rows of the `errors` table (see `pipeline.process`), never a crash. The exceptions
here are how a stage says *which* problem it met: `code` is what goes into `errors.code`, and
`exit_code` is what the command exits with when the problem stops the whole run (bad usage,
an output folder that is not ours).
"""
from __future__ import annotations

from enum import IntEnum, StrEnum


class ExitCode(IntEnum):
    """What the command exits with. argparse already exits 2 on bad arguments, so USAGE shares
    it; 1 is left to Python itself (an uncaught exception before our handler is installed), so
    that 1 never means one of ours."""

    OK = 0  # every document was extracted
    USAGE = 2  # bad arguments, or no inputs found
    PARTIAL = 3  # the run finished, but some documents failed or are partial
    ALL_FAILED = 4  # the run finished, and every document failed
    INTERNAL = 5  # a bug: the run stopped on something it did not expect
    # OCR (Tesseract, its Thai model, the digit model) is missing where the inputs may need it:
    # found before any file is read, so that no file is charged with the machine's fault.
    MISSING_DEPENDENCY = 6
    INTERRUPTED = 130  # Ctrl-C (128 + SIGINT, as shells report it); what was finished is written
    TERMINATED = 143  # SIGTERM (128 + 15: systemd, Docker, Kubernetes stopping it); as Ctrl-C


class ErrorCode(StrEnum):
    """`errors.code`: which problem a stage met."""

    ERROR = "error"
    BAD_INPUT = "bad_input"
    UNREADABLE = "unreadable"
    TRUNCATED = "truncated"
    ENCRYPTED = "encrypted"
    TOO_LARGE = "too_large"
    EMPTY_FILE = "empty_file"
    UNSUPPORTED_INPUT = "unsupported_input"
    NOT_PDF = "not_pdf"
    NOT_TEXT = "not_text"
    NEEDS_OCR = "needs_ocr"
    NOT_ITA_REPORT = "not_ita_report"
    TIMEOUT = "timeout"
    MEMORY_LIMIT = "memory_limit"
    INVALID_ROW = "invalid_row"
    USAGE = "usage"
    OUTPUT_ERROR = "output_error"
    # Not raised as an exception of ours: an exception nobody foresaw (a bug), and a worker
    # process that died under a file (a crash in a native library, the OOM killer).
    UNEXPECTED_ERROR = "unexpected_error"
    WORKER_DIED = "worker_died"


class ItaError(Exception):
    """Base of the problems the pipeline knows by name."""

    code: ErrorCode = ErrorCode.ERROR
    exit_code: ExitCode = ExitCode.INTERNAL

    def __init__(self, message: str, *, code: ErrorCode | None = None, page: int | None = None):
        super().__init__(message)
        if code is not None:
            self.code = code
        self.page = page  # 1-based page the problem is on, where it is on one

    @property
    def message(self) -> str:
        return str(self)


# ---- problems with one input file (they become `errors` rows) ---------------------------------
class InputProblem(ItaError):
    """Something about one input file; the run goes on with the others."""

    code = ErrorCode.BAD_INPUT
    exit_code = ExitCode.PARTIAL


class UnreadableInput(InputProblem):
    code = ErrorCode.UNREADABLE


class Truncated(UnreadableInput):
    """A PDF cut short (an interrupted download): it ends before its end-of-file marker."""

    code = ErrorCode.TRUNCATED


class Encrypted(UnreadableInput):
    """A PDF that needs a password to be opened. One encrypted with an owner password only (no
    copying, no printing) opens without one and is read like any other."""

    code = ErrorCode.ENCRYPTED


class TooLarge(InputProblem):
    """More pages, or bigger images, than any report has: read, it would take hours or all the
    memory. The message names the limit and the setting that holds it."""

    code = ErrorCode.TOO_LARGE


class EmptyInput(InputProblem):
    code = ErrorCode.EMPTY_FILE


class UnsupportedInput(InputProblem):
    code = ErrorCode.UNSUPPORTED_INPUT


class NotPdf(InputProblem):
    """Named .pdf but the bytes are something else (an image, a Word file, a web page)."""

    code = ErrorCode.NOT_PDF


class NotText(InputProblem):
    """Named as text (.txt, .md) but the bytes are not text."""

    code = ErrorCode.NOT_TEXT


class NeedsOcr(InputProblem):
    """Pages (or a whole file) without a text layer that can be trusted, and no OCR to read them."""

    code = ErrorCode.NEEDS_OCR


class NotItaReport(InputProblem):
    """The file was read, but it is not an ITA report (the parser found doc_type `other`)."""

    code = ErrorCode.NOT_ITA_REPORT


class TimedOut(InputProblem):
    """The document, or one page's OCR, ran past its time limit (pipeline.limits)."""

    code = ErrorCode.TIMEOUT


class OutOfMemory(InputProblem):
    """The document needed more memory than a worker may take (pipeline.limits)."""

    code = ErrorCode.MEMORY_LIMIT


class InvalidRow(ItaError):
    """A row that the schema refuses: a bug in a parser or normaliser, met on one document."""

    code = ErrorCode.INVALID_ROW


# ---- problems that stop the run ---------------------------------------------------------------
class UsageError(ItaError):
    code = ErrorCode.USAGE
    exit_code = ExitCode.USAGE


class OutputError(ItaError):
    """The output folder cannot be written, or holds something we cannot safely merge with."""

    code = ErrorCode.OUTPUT_ERROR
    exit_code = ExitCode.USAGE


class MissingDependency(ItaError):
    """Something the inputs need is not installed here; the message says how to install it (as
    OCRmyPDF's MissingDependencyError)."""

    exit_code = ExitCode.MISSING_DEPENDENCY
