"""Exit codes and the exceptions that carry them.

A run over thousands of reports must finish even when some files are bad, so problems with one
file become rows of the `errors` table (see `pipeline.process`), never a crash. The exceptions
here are how a stage says *which* problem it met: `code` is what goes into `errors.code`, and
`exit_code` is what the command exits with when the problem stops the whole run (bad usage,
an output folder that is not ours).
"""
from __future__ import annotations

# ---- exit codes -------------------------------------------------------------------------------
# argparse already exits 2 on bad arguments, so USAGE shares it; 1 is left to Python itself
# (an uncaught exception before our handler is installed), so that 1 never means one of ours.
OK = 0  # every document was extracted
USAGE = 2  # bad arguments, or no inputs found
PARTIAL = 3  # the run finished, but some documents failed or are partial
ALL_FAILED = 4  # the run finished, and every document failed
INTERNAL = 5  # a bug: the run stopped on something it did not expect

EXIT_CODES: dict[str, int] = {"OK": OK, "USAGE": USAGE, "PARTIAL": PARTIAL,
                              "ALL_FAILED": ALL_FAILED, "INTERNAL": INTERNAL}


class ItaError(Exception):
    """Base of the problems the pipeline knows by name."""

    code: str = "error"
    exit_code: int = INTERNAL

    def __init__(self, message: str, *, code: str | None = None, page: int | None = None):
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

    code = "bad_input"
    exit_code = PARTIAL


class UnreadableInput(InputProblem):
    code = "unreadable"


class Truncated(UnreadableInput):
    """A PDF cut short (an interrupted download): it ends before its end-of-file marker."""

    code = "truncated"


class Encrypted(UnreadableInput):
    """A PDF that needs a password to be opened. One encrypted with an owner password only (no
    copying, no printing) opens without one and is read like any other."""

    code = "encrypted"


class TooLarge(InputProblem):
    """More pages, or bigger images, than any report has: read, it would take hours or all the
    memory. The message names the limit and the setting that holds it."""

    code = "too_large"


class EmptyInput(InputProblem):
    code = "empty_file"


class UnsupportedInput(InputProblem):
    code = "unsupported_input"


class NotPdf(InputProblem):
    """Named .pdf but the bytes are something else (an image, a Word file, a web page)."""

    code = "not_pdf"


class NotText(InputProblem):
    """Named as text (.txt, .md) but the bytes are not text."""

    code = "not_text"


class NeedsOcr(InputProblem):
    """Pages (or a whole file) without a text layer that can be trusted, and no OCR to read them."""

    code = "needs_ocr"


class NotItaReport(InputProblem):
    """The file was read, but it is not an ITA report (the parser found doc_type `other`)."""

    code = "not_ita_report"


class TimedOut(InputProblem):
    """The document, or one page's OCR, ran past its time limit (pipeline.limits)."""

    code = "timeout"


class OutOfMemory(InputProblem):
    """The document needed more memory than a worker may take (pipeline.limits)."""

    code = "memory_limit"


class InvalidRow(ItaError):
    """A row that the schema refuses: a bug in a parser or normaliser, met on one document."""

    code = "invalid_row"


# ---- problems that stop the run ---------------------------------------------------------------
class UsageError(ItaError):
    code = "usage"
    exit_code = USAGE


class OutputError(ItaError):
    """The output folder cannot be written, or holds something we cannot safely merge with."""

    code = "output_error"
    exit_code = USAGE
