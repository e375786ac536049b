"""The readers: one adapter per input format from its parser (`parsers.markup`, `parsers.pdf`,
`parsers.ocr`) to the layout `Document`, and one table of the parsers' exceptions that the
pipeline foresees, each with the pipeline error it becomes (its `errors.code`).

A parser is imported only when a file needs it: the PDF and OCR readers pull in pdfium, OpenCV
and Tesseract, and a run over text files should not pay for them (nor fail when Tesseract is
missing); a parser's own failure to import is then a stage failure of the files that need it,
not of the whole program. The table follows the same rule: only the parser of the reader that
failed is looked at.
"""
from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass

from parsers.layout import Document
from pipeline.errors import (
    Encrypted,
    InputProblem,
    NeedsOcr,
    NotText,
    TooLarge,
    Truncated,
    UnreadableInput,
)


@dataclass(frozen=True)
class ReadOptions:
    """What a reader is told besides the file."""

    page_timeout_s: float | None = None  # for the OCR of one page (pipeline.limits)


# A reader takes the file's path (its name in the rows and messages) and the bytes the worker read
# and hashed: it parses those, never the path again, so that a file replaced while it was read
# cannot give one version's doc_id to the other's rows, and a file is read once.
Reader = Callable[[str, bytes, ReadOptions], Document]


# ---- the parsers' exceptions, as the pipeline's -------------------------------------------------
@dataclass(frozen=True)
class Foreseen:
    """A parser's exception that a reader foresees, and the pipeline error it is recorded as."""

    raised: type[BaseException] | tuple[type[BaseException], ...]
    becomes: type[InputProblem]
    message: str = "{}"  # the error's message; {} is the exception's own text
    with_page: bool = False  # the exception says which page it is on (`page`)

    def error(self, exc: BaseException) -> InputProblem:
        page = getattr(exc, "page", None) if self.with_page else None
        return self.becomes(self.message.format(exc), page=page)


def foreseen(reader: str) -> tuple[Foreseen, ...]:
    """The table: the exceptions of the parser behind `reader` (a format's name), looked up in
    this order (a subclass before its base). Only that parser is imported, once it has failed."""
    if reader == "text":
        from parsers import markup

        return (Foreseen(markup.NotText, NotText),)
    if reader == "pdf":
        from parsers.pdf.reader import PdfEncrypted, PdfTooLarge, PdfTruncated, PdfUnreadable

        return (Foreseen(PdfTruncated, Truncated), Foreseen(PdfEncrypted, Encrypted),
                Foreseen(PdfUnreadable, UnreadableInput, with_page=True),
                Foreseen(PdfTooLarge, TooLarge, with_page=True))
    from PIL import Image, UnidentifiedImageError

    from parsers.ocr.engine import OcrUnavailable
    from parsers.ocr.image import ImageTooLarge

    return (Foreseen(OcrUnavailable, NeedsOcr, "this image needs OCR, which is not installed here: {}"),
            Foreseen(Image.DecompressionBombError, TooLarge, "the image is too large to read: {}"),
            Foreseen(ImageTooLarge, TooLarge),
            Foreseen((UnidentifiedImageError, OSError), UnreadableInput, "cannot open the image: {}"))


def _reader(name: str) -> Callable[[Reader], Reader]:
    """A reader whose parser's foreseen exceptions leave it as the pipeline's (see `foreseen`),
    so that process.py records each with its own code; any other is a bug, and left as it is."""

    def wrap(read: Reader) -> Reader:
        @functools.wraps(read)
        def reading(path: str, data: bytes, options: ReadOptions = ReadOptions()) -> Document:
            try:
                return read(path, data, options)
            except Exception as exc:
                match = next((f for f in foreseen(name) if isinstance(exc, f.raised)), None)
                if match is None:
                    raise
                raise match.error(exc) from exc

        return reading

    return wrap


# ---- the readers --------------------------------------------------------------------------------
@_reader("text")
def read_text(path: str, data: bytes, options: ReadOptions = ReadOptions()) -> Document:
    """The text reader: OCR-text / markdown input through `parsers.markup`."""
    from parsers import markup

    return markup.read_markup(path, data)


@_reader("pdf")
def read_pdf(path: str, data: bytes, options: ReadOptions = ReadOptions()) -> Document:
    """The PDF reader: the text layer through `parsers.pdf`; pages without a usable layer go
    through OCR (`parsers.ocr`), or, where Tesseract is not installed, stay marked for it."""
    from parsers import ocr, pdf

    try:
        page_ocr = ocr.pdf_page_reader(_ocr_settings(options))
    except ocr.OcrUnavailable:
        page_ocr = None
    return pdf.read_pdf(path, ocr=page_ocr, data=data)


@_reader("image")
def read_image(path: str, data: bytes, options: ReadOptions = ReadOptions()) -> Document:
    """The image reader: every frame through OCR (`parsers.ocr`)."""
    from parsers import ocr

    return ocr.read_image(path, _ocr_settings(options), data)


def _ocr_settings(options: ReadOptions):
    from parsers.ocr.settings import OcrLimits, OcrSettings

    return OcrSettings(limits=OcrLimits(page_timeout_s=options.page_timeout_s))
