"""What a page break split, put back together: tables continued over pages (`tables`, their
headings compared by `headings`), rows split over the break (`rows`), paragraphs that run on
(`paragraphs`), with the page furniture between them dropped (`furniture`).

Every reader's document goes through here: the markup reader's tables are joined
(`tables.join_continued_tables`); the PDF and OCR readers' pages, whose rows and paragraphs a
break may also have split, are put together whole (`join_pages`).
"""
from __future__ import annotations

from parsers.continued.paragraphs import join_continued_paragraphs
from parsers.continued.tables import join_continued_tables
from parsers.layout import Block, Page

__all__ = ["join_pages"]


def join_pages(pages: list[Page]) -> None:
    """Tables continued over the page breaks of `pages` become one (the joined table stays on
    the page it starts on), rows split over a break put back together, and so do paragraphs
    (`join_continued_paragraphs`); in place."""
    blocks = join_continued_tables([b for page in pages for b in page.blocks], split_rows=True)
    by_page: dict[int, list[Block]] = {page.number: [] for page in pages}
    for block in blocks:
        by_page[block.prov.page].append(block)
    for page in pages:
        page.blocks = by_page[page.number]
    join_continued_paragraphs(pages)
