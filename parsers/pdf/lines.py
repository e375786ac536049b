"""Characters into lines, and a line's characters into text with the right spaces.

Lines are found by vertical overlap of the characters' loose boxes (every glyph of a font has
the same loose height, so marks above and below do not start lines of their own). Within a line,
characters keep content order, which for Thai is the order of the text, but runs drawn out of
order (a page number drawn first) are put left to right: each base character sorts by its x and
each mark travels with the base before it.

Spaces: a space character that draws nothing is a space, and so is a gap a space wide beyond
the line's own letter spacing: Word's distributed Thai lines spread every letter apart, and
pdfium, which turns such gaps into spaces, writes `หน ว ยงาน`.
"""
from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from typing import Sequence

from parsers.pdf.chars import Char
from parsers.pdf.settings import PdfSettings
from parsers.markup import list_marker
from parsers.pdf.thai import MARKS, is_mark, is_thai


@dataclass
class Line:
    chars: list[Char] = field(default_factory=list)
    bbox: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)  # set from the characters

    def __post_init__(self) -> None:
        drawn = [c for c in self.chars if c.height > 0.1] or self.chars
        self.bbox = (min(c.x0 for c in drawn), min(c.top for c in drawn),
                     max(c.x1 for c in drawn), max(c.bottom for c in drawn))

    @property
    def x0(self) -> float:
        return self.bbox[0]

    @property
    def top(self) -> float:
        return self.bbox[1]

    @property
    def x1(self) -> float:
        return self.bbox[2]

    @property
    def bottom(self) -> float:
        return self.bbox[3]


def group_lines(chars: list[Char], settings: PdfSettings) -> list[Line]:
    """Lines, top to bottom, each with its characters left to right (marks after their base).

    A character joins the most recent of the last few lines whose band it shares by
    `line_overlap` of the smaller height (pdfium's flat generated spaces: whose band holds
    their baseline); marks never widen a band.
    """
    need = settings.line_overlap
    bands: list[list] = []  # [top, bottom, chars]
    for ch in chars:
        top, bottom = ch.top, ch.bottom
        height = bottom - top
        target = None
        for band in reversed(bands[-6:]):
            b_top, b_bottom = band[0], band[1]
            if height <= 0.1:
                fits = b_top <= top <= b_bottom
            else:
                shared = min(b_bottom, bottom) - max(b_top, top)
                fits = shared >= need * (min(b_bottom - b_top, height) or 1.0)
            if fits:
                target = band
                break
        if target is None:
            bands.append([top, bottom, [ch]])
            continue
        target[2].append(ch)
        if ch.text not in MARKS and height > 0.1:
            if top < target[0]:
                target[0] = top
            if bottom > target[1]:
                target[1] = bottom
    out = [Line(_left_to_right(members)) for _, _, members in bands
           if any(not c.text.isspace() for c in members)]
    return sorted(out, key=lambda line: (round(line.top, 1), line.x0))


def _left_to_right(chars: list[Char]) -> list[Char]:
    keyed = []
    key = None
    for i, ch in enumerate(chars):
        if not is_mark(ch.text) or key is None:
            key = ch.x0
        keyed.append((key, i, ch))
    keyed.sort(key=lambda k: (k[0], k[1]))
    return [ch for _, _, ch in keyed]


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


def render(chars: list[Char], settings: PdfSettings) -> str:
    """The text of one line's characters (already left to right), spaced from geometry."""
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


# ---- lines into paragraphs ----------------------------------------------------------------------
# A line ending closer than this (points) to the right edge filled its column: it wrapped.
_PADDING = 6.0


@dataclass(frozen=True)
class ReadLine:
    """A printed line as read: its (repaired) text, where it lies, and how wide its first word is
    (which tells whether that word would have fitted at the end of the line before)."""

    text: str
    bbox: tuple[float, float, float, float]
    first_word_width: float
    confidence: float | None = None  # OCR only: mean word confidence 0–100


def first_word_width(line: Line) -> float:
    end = next((c.x0 for c in line.chars if c.text == " " and not c.inked and not c.generated),
               line.x1)
    return end - line.chars[0].x0


def ends_full(line: ReadLine, right_edge: float) -> bool:
    """Whether `line` ran (nearly) to `right_edge`: less room left than two line heights, the
    width of a short Thai word."""
    return right_edge - _PADDING - line.bbox[2] < 2 * (line.bbox[3] - line.bbox[1])


def _joined_confidence(a: ReadLine, b: ReadLine) -> float | None:
    if a.confidence is None or b.confidence is None:
        return a.confidence if b.confidence is None else b.confidence
    return (a.confidence * len(a.text) + b.confidence * len(b.text)) / (len(a.text) + len(b.text) or 1)


def join_wrapped(lines: Sequence[ReadLine], right_edge: float,
                 max_gap: float | None = None) -> list[ReadLine]:
    """Paragraphs: each line that merely wrapped is joined to the line before.

    A line starts a paragraph when it opens with a list marker, when the line before stopped
    short of `right_edge` by more than this line's first word (so the word would have fitted),
    or when it lies more than `max_gap` below the line before. Thai wraps between words with no
    space, so none is put between two Thai letters.
    """
    out: list[ReadLine] = []
    prev: ReadLine | None = None
    for line in lines:
        if not line.text:
            continue
        starts = prev is None or list_marker(line.text) is not None
        if not starts:
            room = right_edge - _PADDING - prev.bbox[2]
            gap = line.bbox[1] - prev.bbox[3]
            starts = room > line.first_word_width + _PADDING or (max_gap is not None and gap > max_gap)
        if starts:
            out.append(line)
        else:
            last = out[-1]
            glue = "" if is_thai(last.text[-1]) and is_thai(line.text[0]) else " "
            bbox = (min(last.bbox[0], line.bbox[0]), last.bbox[1], max(last.bbox[2], line.bbox[2]),
                    line.bbox[3])
            out[-1] = ReadLine(last.text + glue + line.text, bbox, last.first_word_width,
                               _joined_confidence(last, line))
        prev = line
    return out
