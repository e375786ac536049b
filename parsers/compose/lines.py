"""Glyphs into lines, and lines into paragraphs.

Lines are found by vertical overlap of the glyphs' boxes (every glyph of a font has the same
loose height, so marks above and below do not start lines of their own). Within a line, glyphs
keep the order they came in, which for Thai is the order of the text, but runs drawn out of
order (a page number drawn first) are put left to right: each base glyph sorts by its x and
each mark travels with the base before it.

A glyph is anything with a text and a box (`parsers.layout.TextBox`): a PDF character, an OCR
word. How a line of them becomes text is the reader's business (`ReadLine` is what it returns);
joining the lines that merely wrapped into paragraphs is the same for every reader.
"""
from __future__ import annotations

import bisect
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Generic, TypeVar

from parsers.compose.settings import TextLineSettings
from parsers.layout import BBox, TextBox
from thai.chars import CONSONANTS, DIGIT_CLASS, DIGITS, MARKS, SARA_AM, is_mark, mark_rank, wrap_glue
from thai.numbering import list_marker

T = TypeVar("T", bound=TextBox)


@dataclass
class Line(Generic[T]):
    """The glyphs of one printed line, left to right, and the box they fill."""

    boxes: list[T] = field(default_factory=list)
    bbox: BBox = (0.0, 0.0, 0.0, 0.0)  # set from the glyphs

    def __post_init__(self) -> None:
        drawn = [c for c in self.boxes if c.height > 0.1] or self.boxes
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


def group_lines(boxes: Sequence[T], settings: TextLineSettings) -> list[Line[T]]:
    """Lines, top to bottom, each with its glyphs left to right (marks after their base).

    A glyph joins the most recent of the last few lines whose band it shares by
    `line_overlap` of the smaller height (pdfium's flat generated spaces: whose band holds
    their baseline); marks never widen a band. A mark joins the line of the letter it is drawn
    on, found by geometry, wherever the font stores it: after its letter, after the next one,
    or at the end of the line (TLWG and Noto fonts store a tone mark stacked over a vowel
    there), and however far its box hangs above or below the line. So does a sara am drawn as
    its circle alone, high above the line (TLWG Waree maps ำ to the nikhahit's glyph).
    """
    need = settings.line_overlap
    bands: list[list] = []  # [top, bottom, glyphs]
    base: tuple[T, list] | None = None  # the last base glyph, and the band it went into
    for ch in boxes:
        top, bottom = ch.top, ch.bottom
        height = bottom - top
        target = None
        mark = ch.text in MARKS
        if mark and base is not None and _touches(ch, base[0]) and _near(ch, base[1]):
            target = base[1]
        elif mark:
            target = _band_of_mark(ch, bands[-8:])
        for band in reversed(bands[-6:]) if target is None else ():
            b_top, b_bottom = band[0], band[1]
            if height <= 0.1:
                fits = b_top <= top <= b_bottom
            else:
                shared = min(b_bottom, bottom) - max(b_top, top)
                fits = shared >= need * (min(b_bottom - b_top, height) or 1.0)
            if fits:
                target = band
                break
        if target is None and ch.text == SARA_AM:
            target = _band_of_mark(ch, bands[-8:])
            mark = target is not None
        if target is None:
            target = [top, bottom, []]
            bands.append(target)
        target[2].append(ch)
        if not mark:
            if not ch.text.isspace():
                base = (ch, target)
            if height > 0.1:
                target[0], target[1] = min(target[0], top), max(target[1], bottom)
    return _lines_of(bands)


def _lines_of(bands: list[list]) -> list[Line[T]]:
    """The lines of the bands that hold more than spaces, top to bottom, each left to right."""
    out = [Line(_left_to_right(members)) for _, _, members in bands
           if any(not c.text.isspace() for c in members)]
    return sorted(out, key=lambda line: (round(line.top, 1), line.x0))


def _shared(mark: TextBox, base: TextBox) -> float:
    """How much of the width of `mark` and `base` the two share (negative: the gap between)."""
    return min(mark.x1, base.x1) - max(mark.x0, base.x0)


def _over(mark: TextBox, base: TextBox) -> bool:
    """Whether `mark` is drawn over (or under) `base`: most of the narrower of the two overlaps."""
    return _shared(mark, base) >= 0.5 * min(mark.x1 - mark.x0, base.x1 - base.x0)


def _touches(mark: TextBox, base: TextBox) -> bool:
    """Whether `mark` could be drawn on `base` at all: they overlap, or nearly (a tone mark at
    the right edge of a letter in a justified, letter-spaced line)."""
    return _shared(mark, base) > -0.3


def _near(mark: TextBox, band: list) -> bool:
    """Whether `mark` lies where a mark of a letter in `band` is drawn: within a line height
    above or below the band. Above or below alike: TLWG fonts exported by LibreOffice swap the
    boxes of a lower vowel and a tone mark on one letter (ผู้'s ู has the tone mark's box), so
    which side a mark's box is on does not tell which mark it is."""
    top, bottom = band[0], band[1]
    height = max(bottom - top, 1.0)
    return top - height <= mark.bottom and mark.top <= bottom + height


def _band_of_mark(mark: TextBox, bands: list[list]) -> list | None:
    """The band of the letter `mark` is drawn on: the nearest band the mark lies by (`_near`)
    that holds a base glyph it is drawn over; None when no band does."""
    middle = (mark.top + mark.bottom) / 2
    best, best_distance = None, float("inf")
    for band in bands:
        if not _near(mark, band):
            continue
        if any(not c.text.isspace() and _over(mark, c) for c in band[2]):  # a letter, or a mark on one
            distance = abs(middle - (band[0] + band[1]) / 2)
            if distance < best_distance:
                best, best_distance = band, distance
    return best


def _left_to_right(boxes: list[T]) -> list[T]:
    keyed = []
    key = None
    for i, ch in enumerate(boxes):
        if not is_mark(ch.text) or key is None:
            key = ch.x0
        keyed.append((key, i, ch))
    keyed.sort(key=lambda k: (k[0], k[1]))
    return [ch for _, _, ch in keyed]


def attach_marks(boxes: list[T]) -> list[T]:
    """One line's glyphs with each mark right after the letter it is drawn on, the marks of a
    letter in Unicode's order (`thai.chars.mark_rank`).

    A mark stays with the glyph the text stream put it behind where it is drawn over that glyph
    (most of the narrower of the two overlaps, or the mark's middle is over it). Otherwise it
    goes to the consonant of the line it covers most, counting the marks already on that
    consonant, if it is drawn over it in that sense and has no mark of its kind yet (a
    consonant has one vowel and one tone mark): fonts store a tone mark stacked over a vowel
    after the next letter, or at the end of the line. `boxes` are left to right, each mark
    after the glyph before it in the stream (`group_lines`).
    """
    groups: list[list[T]] = []  # a base glyph (or a line's leading marks) and its marks
    marks: list[tuple[T, list[T]]] = []
    for ch in boxes:
        if ch.text not in MARKS or not groups:
            groups.append([ch])
        else:
            groups[-1].append(ch)
            marks.append((ch, groups[-1]))
    if marks:
        starts = [group[0].x0 for group in groups]
        for mark, where in marks:
            home = _consonant_under(mark, where, groups, starts)
            if home is not None:
                where[:] = [c for c in where if c is not mark]
                home.append(mark)
    out: list[T] = []
    for group in groups:
        if group[0].text in MARKS:
            out.extend(sorted(group, key=lambda m: mark_rank(m.text)))
        else:
            out.append(group[0])
            out.extend(sorted(group[1:], key=lambda m: mark_rank(m.text)))
    return out


def _consonant_under(mark: T, where: list[T], groups: list[list[T]], starts: list[float]) -> list[T] | None:
    """The group of the consonant `mark` is drawn on, if not `where` (the glyph before it)."""
    head = where[0]
    letter = head.text not in MARKS and not head.text.isspace()
    if letter and (_over(mark, head) or head.x0 - 0.3 <= mark.x_mid <= head.x1 + 0.3):
        return None
    here = _shared(mark, head) if letter else -math.inf
    rank = mark_rank(mark.text)
    best, best_shared = None, here
    # Bases lie left to right: those under the mark start before its right edge, and few do.
    last = bisect.bisect_right(starts, mark.x1)
    for group in groups[max(last - 4, 0):last]:
        base = group[0]
        if group is where or base.text not in CONSONANTS:
            continue
        # The letter with the marks already on it: a tone mark stacked on a vowel sits over
        # the vowel, which may hang past the letter's right edge.
        cluster = [c for c in group if c is not mark]
        shared = max(_shared(mark, c) for c in cluster)
        if shared > best_shared and any(_over(mark, c) for c in cluster) \
                and not any(mark_rank(m.text) == rank for m in cluster[1:]):
            best, best_shared = group, shared
    return best


# ---- lines into paragraphs ----------------------------------------------------------------------
# A line ending closer than this (points) to the right edge filled its column: it wrapped.
_PADDING = 6.0
# A first-line indent is a paragraph's start: Thai official style indents 2.5 cm, Word's
# default 1.27 cm; half a centimetre tells it from a ragged scan.
_INDENT = 14.0


@dataclass(frozen=True)
class ReadLine:
    """A printed line as read: its text, where it lies, and how wide its first word is (which
    tells whether that word would have fitted at the end of the line before)."""

    text: str
    bbox: BBox
    first_word_width: float
    confidence: float | None = None  # OCR only: mean word confidence 0–100
    # The producer writes its spaces as characters, and wrote none where this line ends: a wrap
    # there fell inside a word (LibreOffice breaks a number, ๙ | ๐.๗๙, by its Thai dictionary).
    unspaced_end: bool = False
    # Of a paragraph (`paragraphs`): whether its last line ran to the right margin, and whether
    # its first line starts right of the others' left edge (a first-line indent): what tells a
    # paragraph going on over a page break from one that ended there.
    ends_full: bool = False
    indented: bool = False


def room_left(line: ReadLine, right_edge: float) -> float:
    """How much room `line` left before `right_edge`, padding aside."""
    return right_edge - _PADDING - line.bbox[2]


def fits_after(word_width: float, room: float) -> bool:
    """Whether a word `word_width` wide would have fitted in `room`: if so, the line before
    ended where its text did, not where the line was full."""
    return room > word_width + _PADDING


def ends_full(line: ReadLine, right_edge: float) -> bool:
    """Whether `line` ran (nearly) to `right_edge`: less room left than two line heights, the
    width of a short Thai word."""
    return right_edge - _PADDING - line.bbox[2] < 2 * (line.bbox[3] - line.bbox[1])


def _joined_confidence(a: ReadLine, b: ReadLine) -> float | None:
    if a.confidence is None or b.confidence is None:
        return a.confidence if b.confidence is None else b.confidence
    return (a.confidence * len(a.text) + b.confidence * len(b.text)) / (len(a.text) + len(b.text) or 1)


_NUMBER_GOES_ON = re.compile(f"[.]?[{DIGIT_CLASS}]")


def _glue(before: ReadLine, after: ReadLine) -> str:
    """What joins a wrapped line to the next: `thai.chars.wrap_glue`, but nothing between the
    two halves of a number broken where no space was written."""
    if before.unspaced_end and before.text[-1:] in DIGITS and _NUMBER_GOES_ON.match(after.text):
        return ""
    return wrap_glue(before.text, after.text)


def join_wrapped(lines: Sequence[ReadLine], right_edge: float,
                 max_gap: float | None = None, left_edge: float | None = None) -> list[ReadLine]:
    """Paragraphs: each line that merely wrapped is joined to the line before.

    A line starts a paragraph when it opens with a list marker, when the line before stopped
    short of `right_edge` by more than this line's first word (so the word would have fitted),
    when it lies more than `max_gap` below the line before, or when it is indented under a line
    that starts at `left_edge` (a first-line indent: a memo's body under its short เรียน line,
    whose first word would fit after it). Thai wraps between words with no space, so none is put
    between two Thai letters.
    """
    out: list[ReadLine] = []
    ends: list[ReadLine] = []  # the last printed line of each paragraph
    prev: ReadLine | None = None
    for line in lines:
        if not line.text:
            continue
        starts = prev is None or list_marker(line.text) is not None
        if not starts:
            assert prev is not None
            gap = line.bbox[1] - prev.bbox[3]
            starts = fits_after(line.first_word_width, room_left(prev, right_edge)) \
                or (max_gap is not None and gap > max_gap) \
                or (left_edge is not None and prev.bbox[0] <= left_edge + _PADDING
                    and line.bbox[0] > prev.bbox[0] + _INDENT)
        if starts:
            out.append(line)
            ends.append(line)
        else:
            last = out[-1]
            glue = _glue(last, line)
            bbox = (min(last.bbox[0], line.bbox[0]), last.bbox[1], max(last.bbox[2], line.bbox[2]),
                    line.bbox[3])
            out[-1] = ReadLine(last.text + glue + line.text, bbox, last.first_word_width,
                               _joined_confidence(last, line), line.unspaced_end,
                               indented=out[-1].bbox[0] > line.bbox[0] + _PADDING)
            ends[-1] = line
        prev = line
    return [replace(p, ends_full=ends_full(end, right_edge)) for p, end in zip(out, ends)]


def paragraphs(lines: list[ReadLine], tables: Sequence[BBox]) -> list[ReadLine]:
    """Running text into paragraphs, never across a table. The right margin is where most full
    lines end (a page number or a wide table may reach further)."""
    if not lines:
        return []
    ends = sorted(line.bbox[2] for line in lines)
    right = ends[int(0.9 * (len(ends) - 1))]
    # the left margin: where most lines start (a caption or a note in the margin starts further left)
    lefts = Counter(round(line.bbox[0] / 2) for line in lines)
    left = 2.0 * max(lefts, key=lambda x: (lefts[x], -x))
    heights = sorted(line.bbox[3] - line.bbox[1] for line in lines)
    max_gap = heights[len(heights) // 2]
    out: list[ReadLine] = []
    run: list[ReadLine] = []
    for line in lines:
        if run and any(run[-1].bbox[3] <= t[1] <= line.bbox[1] for t in tables):
            out.extend(join_wrapped(run, right, max_gap, left))
            run = []
        run.append(line)
    out.extend(join_wrapped(run, right, max_gap, left))
    return out
