"""The one page builder: positioned glyphs or words, and the ruled tables found on the page,
into a layout `Page` of text lines and tables.

Both readers are adapters over it. The PDF reader gives it pdfium's characters and the tables
found from the vector lines; the OCR reader gives it Tesseract's words and the tables found from
the image's rules. Anything with a box and a text (`parsers.layout.TextBox`) goes through the
same steps: split by table (`page`), lines by vertical overlap (`lines`), the table finder's
chain of pure functions (`ruling`), cells with their spans (`grid`), wrapped lines joined into
paragraphs (`lines`). What differs between the readers — how a line of glyphs becomes text, a
table's finishing touches — comes in as functions.
"""
from __future__ import annotations

__all__ = ["compose_page", "split_by_tables"]


def __getattr__(name: str):
    # On first use: the readers' settings import `parsers.compose.settings`, and a run over text
    # files should not load pdfplumber's table finder for that.
    if name in __all__:
        from parsers.compose import page

        return getattr(page, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
