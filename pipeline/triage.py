"""Triage: decide what a file is, and which reader turns it into a layout `Document`.

The decision is by file name first (cheap, and what a user expects), then a look at the first
bytes, so that a PDF or an image saved as `.txt` is refused with a message that says what it is,
rather than "not valid UTF-8".

Each format names its reader (pipeline.readers), which imports its parser only when a file
needs it: the PDF and OCR readers pull in pdfium, OpenCV and Tesseract, and a run over text
files should not pay for them (nor fail when Tesseract is missing). To add a format, add an
`InputFormat` to `FORMATS`.
"""
from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import PurePath

from parsers.layout import SourceKind
from pipeline.errors import NotPdf, NotText, UnsupportedInput
from pipeline.readers import Reader, read_image, read_pdf, read_text


@dataclass(frozen=True)
class InputFormat:
    name: str
    suffixes: tuple[str, ...]  # lower case, with the dot
    reader: Reader  # pipeline.readers: it imports its parser only when a file needs it
    # The documents.source_kind known from triage alone; None when only the reader can tell
    # (a PDF is pdf_text, pdf_scanned or pdf_mixed once its pages have been looked at).
    source_kind: SourceKind | None
    # Whether its pages may have to be read by OCR: a run given such a file checks at start
    # that OCR is installed (pipeline.preflight).
    may_need_ocr: bool = False


FORMATS: tuple[InputFormat, ...] = (
    InputFormat("text", (".txt", ".md", ".markdown"), read_text, SourceKind.TEXT),
    InputFormat("pdf", (".pdf",), read_pdf, None, may_need_ocr=True),
    InputFormat("image", (".png", ".jpg", ".jpeg", ".tif", ".tiff"), read_image, SourceKind.IMAGE,
                may_need_ocr=True),
)

SUPPORTED_SUFFIXES: frozenset[str] = frozenset(s for f in FORMATS for s in f.suffixes)

# Leading bytes of binary formats that turn up under a wrong name.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF"), (b"\x89PNG\r\n\x1a\n", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"),
    (b"II*\x00", "a TIFF image"), (b"MM\x00*", "a TIFF image"), (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or .docx/.xlsx)"), (b"\xd0\xcf\x11\xe0", "an old Office file"),
)
# A PDF's header may follow up to 1 KB of junk (a mail or HTTP header left in front); pdfium and
# Acrobat look no further.
PDF_HEADER_WITHIN = 1024


def format_of(path: str | PurePath) -> InputFormat | None:
    """The format a file's name says it is, or None for a name of no supported type.

    >>> format_of("รายงาน.PDF").name
    'pdf'
    """
    suffix = PurePath(path).suffix.lower()
    return next((f for f in FORMATS if suffix in f.suffixes), None)


def is_supported(path: str | PurePath) -> bool:
    return format_of(path) is not None


def may_need_ocr(path: str | PurePath) -> bool:
    """Whether reading the file at `path` may need OCR, by its name (a scan or an image).

    >>> may_need_ocr("scan.pdf"), may_need_ocr("page.tif"), may_need_ocr("report.txt")
    (True, True, False)
    """
    fmt = format_of(path)
    return fmt is not None and fmt.may_need_ocr


def triage(path: str, head: bytes) -> InputFormat:
    """The format of the file at `path` whose first bytes are `head`; raise when we cannot read it."""
    suffix = PurePath(path).suffix.lower()
    fmt = format_of(path)
    if fmt is None:
        raise UnsupportedInput(f"unknown file type {suffix or '(no extension)'!r}; "
                               f"supported: {', '.join(sorted(SUPPORTED_SUFFIXES))}")
    if fmt.source_kind == SourceKind.TEXT:
        for magic, what in _MAGIC:
            if head.startswith(magic):
                raise NotText(f"named {suffix} but the bytes are {what}")
        # Other binary or undecodable bytes are the text reader's to refuse (it knows the encodings).
    if fmt.name == "pdf" and b"%PDF-" not in head[:PDF_HEADER_WITHIN]:
        raise NotPdf(f"named {suffix} but the bytes are {what_bytes(head)}, not a PDF")
    return fmt


def what_bytes(head: bytes) -> str:
    """What a file that starts with `head` is, as far as its first bytes tell.

    >>> what_bytes(b"\\x89PNG\\r\\n\\x1a\\n...")
    'a PNG image'
    >>> what_bytes(b"  <!DOCTYPE html><html><body>404</body></html>")
    'a web page (HTML)'
    >>> what_bytes("ต้มยำกุ้ง".encode())
    'plain text'
    """
    for magic, what in _MAGIC:
        if head.startswith(magic):
            return what
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:64].lower()
    if start.startswith((b"<!doctype html", b"<html", b"<head", b"<body")):
        return "a web page (HTML)"
    if start.startswith(b"<?xml"):
        return "an XML document"
    try:  # incrementally, since the head may end inside a character
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
    except UnicodeDecodeError:
        return "of no format this reader knows"
    return "plain text"
