"""A line of PDF characters into text with the right spaces.

Spaces: a space character that draws nothing is a space, and so is a gap a space wide beyond
the line's own letter spacing: Word's distributed Thai lines spread every letter apart, and
pdfium, which turns such gaps into spaces, writes `หน ว ยงาน`. (Which characters make a line
is the page builder's: `parsers.compose.lines`.)
"""
from __future__ import annotations

import statistics

from parsers.compose.lines import Line
from parsers.compose.settings import TextLineSettings
from parsers.pdf.chars import Char
from thai.chars import is_mark


def line_height(chars: list[Char]) -> float:
    heights = [c.height for c in chars if not is_mark(c.text) and c.height > 0]
    return statistics.median(heights) if heights else 10.0


def render_as_layer(chars: list[Char]) -> str:
    """The line as pdfium's own text reads it, its inferred spaces included: the text-layer
    view other tools give, against which repairs are counted."""
    out: list[str] = []
    for ch in chars:
        if ch.text == " " and (not out or out[-1] == " "):
            continue
        out.append(ch.text)
    return "".join(out).strip()


def render(chars: list[Char], settings: TextLineSettings, space_em: float | None = None) -> str:
    """The text of one line's characters (already left to right), spaced from geometry;
    `space_em` is how wide the document's written spaces are (`repair.FontProfile`)."""
    chars = [c for c in chars if not c.generated]
    if not chars:
        return ""
    height = line_height(chars)
    gaps = []
    prev_right = None
    for ch in chars:
        if is_mark(ch.text) or ch.text == " ":
            continue
        if prev_right is not None:
            gaps.append(ch.x0 - prev_right)
        prev_right = ch.x1
    # Letters normally touch; in a letter-spaced line they all stand apart by about the same
    # amount, and only a gap wider than that by a space's width is a space. The lower quartile
    # of the gaps is that amount (word gaps are fewer than letter gaps), given gaps enough.
    letter_gap = statistics.quantiles(gaps, n=4)[0] if len(gaps) >= 8 else 0.0
    threshold = settings.word_gap_em * height + max(letter_gap, 0.0)
    # Where the line writes its spaces as characters, a gap is a space only if it is half as
    # wide as they are: a glyph whose box stops short of its advance (ำ in TLWG Norasi, 1.1 pt
    # short at 14 pt) leaves a gap, not a word break.
    spaces = [c.x1 - c.x0 for c in chars if c.text == " " and not c.inked and c.x1 > c.x0]
    if spaces:
        threshold = max(threshold, 0.5 * statistics.median(spaces))
    elif space_em is not None:  # a line without one: the document's own spaces tell
        threshold = max(threshold, 0.5 * space_em * height)
    out: list[str] = []
    prev_right = None
    for ch in chars:
        if ch.text == " " and not ch.inked:
            if out and out[-1] != " ":
                out.append(" ")
            continue
        if prev_right is not None and not is_mark(ch.text) and ch.x0 - prev_right > threshold:
            if out and out[-1] != " ":
                out.append(" ")
        out.append(ch.text)
        # A mark counts too: a vowel set after a tone mark (ต่ำ) starts where the mark ends.
        prev_right = ch.x1 if prev_right is None else max(prev_right, ch.x1)
    return "".join(out).strip()


def first_word_width(line: Line[Char]) -> float:
    """How wide the line's first word is: up to its first drawn-nothing space."""
    end = next((c.x0 for c in line.boxes if c.text == " " and not c.inked and not c.generated),
               line.x1)
    return end - line.boxes[0].x0
