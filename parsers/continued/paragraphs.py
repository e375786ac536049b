"""Paragraphs continued over a page break, joined into one."""
from __future__ import annotations

from dataclasses import replace

from parsers.continued.furniture import is_page_number
from parsers.layout import Page, TextLine
from thai.chars import wrap_glue


def join_continued_paragraphs(pages: list[Page]) -> None:
    """A paragraph that runs to the right margin at the end of a page and goes on at the top of
    the next (no list marker, no heading, no first-line indent) is one paragraph, kept on the
    page it starts on; in place. Word breaks a paragraph over pages anywhere, a number too
    (`ระดับคะแนน ๙๙.` | `๗๘`), and read apart its halves say what the page does not."""
    for before, after in zip(pages, pages[1:]):
        body = [b for b in before.blocks if not is_page_number(b)]
        nxt = [b for b in after.blocks if not is_page_number(b)]
        if not body or not nxt:
            continue
        last, first = body[-1], nxt[0]
        if not (isinstance(last, TextLine) and isinstance(first, TextLine)) or not last.ends_full \
                or first.list_marker or first.heading or first.indented or last.heading:
            continue
        joined = replace(last, text=last.text + wrap_glue(last.text, first.text) + first.text,
                         ends_full=first.ends_full)
        before.blocks[before.blocks.index(last)] = joined
        after.blocks.remove(first)
