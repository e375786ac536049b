"""A line of PDF characters into text with the right spaces.

Spaces: a space character that draws nothing is a space, and so is a gap a space wide beyond
the line's own letter spacing: Word's distributed Thai lines spread every letter apart, and
pdfium, which turns such gaps into spaces, writes `หน ว ยงาน`. A gap is measured from where
the word would go on after a glyph (`Spacing`: what the whole document says about its glyphs'
bearings, its spaces and its sara aa), never inside a number at its decimal point. (Which
characters make a line, and which letter each mark is on, is the page builder's:
`parsers.compose.lines`.)
"""
from __future__ import annotations

import statistics
from collections.abc import Mapping
from dataclasses import dataclass, field

from parsers.compose.lines import Line
from parsers.compose.settings import TextLineSettings
from parsers.pdf.chars import Char
from thai.chars import DIGITS, MARKS, SARA_AA, SARA_AM, THAI, THAI_LETTERS, is_mark


def typical_letter(chars: list[Char]) -> Char:
    """A box of the line's usual letter height (median; 10 pt for a line of marks alone) at its
    usual top, to measure other glyphs by."""
    letters = [c for c in chars if not is_mark(c.text) and c.height > 0]
    top = statistics.median(c.top for c in letters or chars)
    height = statistics.median(c.height for c in letters) if letters else 10.0
    return Char("", 0.0, top, 0.0, top + height)


def render_as_layer(chars: list[Char]) -> str:
    """The line as pdfium's own text reads it, its inferred spaces included: the text-layer
    view other tools give, against which repairs are counted."""
    out: list[str] = []
    for ch in chars:
        if ch.text == " " and (not out or out[-1] == " "):
            continue
        out.append(ch.text)
    return "".join(out).strip()


@dataclass(frozen=True)
class Spacing:
    """What the whole document says about its word spaces, in heights of the letter before."""

    # How wide the spaces it writes as characters are (median); None when it writes too few
    # (its producer positions words instead).
    space_em: float | None = None
    # How far short of the next letter of its word a glyph's box stops, for the glyphs that
    # do stop short (lower quartile over the document): ำ in Chakra Petch by 0.1. A gap after
    # such a glyph is measured from there.
    bearing_em: Mapping[str, float] = field(default_factory=dict)
    # How wide its sara aa is (median): the part of ำ missing from a box that holds only the
    # nikhahit, as TLWG Waree's ำ after some letters is drawn and mapped.
    sara_aa_em: float = 0.5


def is_sliver(ch: Char, letter: Char) -> bool:
    """A sara am drawn as its circle alone, high over the letter before it: its box ends above
    the top of a `letter` of its line."""
    return ch.text == SARA_AM and ch.bottom < letter.top + 0.3 * letter.height


_MIN_SPACES = 20
_MIN_GAPS = 8
_MIN_BEARING_EM = 0.05
_MAX_BEARING_EM = 0.25  # more than a quarter of a letter is a word space, not a side bearing


class SpacingTally:
    """Builds a document's `Spacing` from its characters, fed one at a time in stream order
    (a long document is read in bounded memory)."""

    def __init__(self) -> None:
        self.spaces: list[float] = []
        self.gaps: dict[str, list[float]] = {}
        self.aa: list[float] = []
        self.letter: Char | None = None  # the last letter, and how far right its cluster reaches
        self.right = 0.0

    def add(self, ch: Char) -> None:
        letter = self.letter
        if ch.generated:  # pdfium's guess at a space, not the document's
            return
        if ch.text == " ":
            if not ch.inked and letter is not None and ch.x1 > ch.x0:
                self.spaces.append((ch.x1 - ch.x0) / letter.height)
            if not ch.inked:
                self.letter = None  # no gap across a space
            return
        if ch.height <= 0.1:
            return
        if is_mark(ch.text):
            if letter is not None and ch.x0 < self.right:  # a mark over the letter's cluster
                self.right = max(self.right, ch.x1)
            return
        if letter is not None and is_sliver(ch, letter):
            self.letter = None  # where the word goes on is not in the box
            return
        if ch.text == SARA_AA:
            self.aa.append(ch.width / ch.height)
        if letter is not None and ch.top < letter.bottom and ch.bottom > letter.top:
            gap = ch.x0 - self.right
            if 0 <= gap < letter.height:
                self.gaps.setdefault(letter.text, []).append(gap / letter.height)
            self.right = max(self.right, ch.x1) if ch.x0 < self.right else ch.x1
        else:
            self.right = ch.x1
        self.letter = ch

    def spacing(self) -> Spacing:
        bearings = {}
        for text, found in self.gaps.items():
            # Thai letters only, which words run on after; a digit or a Latin letter ends its
            # word as often as not, and its gaps are word spaces a producer did not write.
            if len(found) >= _MIN_GAPS and text in THAI_LETTERS:
                usual = statistics.quantiles(found, n=4)[0]
                if _MIN_BEARING_EM <= usual <= _MAX_BEARING_EM:
                    bearings[text] = usual
        space_em = statistics.median(self.spaces) if len(self.spaces) >= _MIN_SPACES else None
        aa = statistics.median(self.aa) if self.aa else Spacing.sara_aa_em
        return Spacing(space_em, bearings, aa)


def render(chars: list[Char], settings: TextLineSettings, spacing: Spacing = Spacing()) -> str:
    """The text of one line's characters (already left to right), spaced from geometry and
    from what the document's `spacing` says."""
    chars = [c for c in chars if not c.generated]
    if not chars:
        return ""
    # A hot loop (every character of every line): plain locals, one pass per question; each step
    # below is called once a line and walks its characters once.
    letter = typical_letter(chars)
    height = letter.height
    bearing_em, aa = spacing.bearing_em, spacing.sara_aa_em * height
    texts = [c.text for c in chars]
    ends = [c.x1 + bearing_em[t] * height if t in bearing_em else c.x1 for c, t in zip(chars, texts)]
    slivers = {i for i, (c, t) in enumerate(zip(chars, texts)) if t == SARA_AM and is_sliver(c, letter)}
    letter_gap = _letter_gap(*_gaps(chars, texts, ends, slivers, aa))
    threshold = _space_threshold(chars, texts, settings.word_gap_em * height + letter_gap, spacing, height)
    return _spaced_text(chars, texts, ends, slivers, threshold, aa, letter_gap)


def _gaps(chars: list[Char], texts: list[str], ends: list[float], slivers: set[int],
          aa: float) -> tuple[list[float], list[float]]:
    """The gaps between the line's letters, marks and spaces left out, each measured from where
    the word would go on after the letter before (`ends`); and those between two Thai letters."""
    gaps, thai_gaps = [], []
    prev_text = None
    prev_right = 0.0
    for i, ch in enumerate(chars):
        text = texts[i]
        if text in MARKS or text == " ":
            continue
        if i in slivers:
            prev_right = max(prev_right, ch.x1) + aa
            continue
        if prev_text is not None:
            gap = ch.x0 - prev_right
            gaps.append(gap)
            if prev_text in THAI and text in THAI:
                thai_gaps.append(gap)
        prev_text, prev_right = text, max(prev_right, ends[i]) if prev_text is not None else ends[i]
    return gaps, thai_gaps


def _letter_gap(gaps: list[float], thai_gaps: list[float]) -> float:
    """How far apart the line sets its letters (0 where they touch)."""
    # Letters normally touch; in a letter-spaced line they all stand apart by about the same
    # amount, and only a gap wider than that by a space's width is a space. The lower quartile
    # of the gaps is that amount (word gaps are fewer than letter gaps), given gaps enough; of
    # the gaps between Thai letters where there are enough, as a justified line spreads the
    # Thai letters and leaves a Latin name among them tight.
    spread = thai_gaps if len(thai_gaps) >= 8 else gaps
    return max(statistics.quantiles(spread, n=4)[0], 0.0) if len(spread) >= 8 else 0.0


def _space_threshold(chars: list[Char], texts: list[str], threshold: float, spacing: Spacing,
                     height: float) -> float:
    """How wide a gap must be to be a space: `threshold` (a word gap beyond the letter gap), or
    half the width of the line's written spaces, or else of the document's, if wider."""
    # Where the line writes its spaces as characters, a gap is a space only if it is half as
    # wide as they are: a glyph whose box stops short of its advance (ำ in TLWG Norasi, 1.1 pt
    # short at 14 pt) leaves a gap, not a word break.
    spaces = [c.x1 - c.x0 for c, t in zip(chars, texts) if t == " " and not c.inked and c.x1 > c.x0]
    if spaces:
        return max(threshold, 0.5 * statistics.median(spaces))
    if spacing.space_em is not None:  # a line without one: the document's own spaces tell
        return max(threshold, 0.5 * spacing.space_em * height)
    return threshold


def _spaced_text(chars: list[Char], texts: list[str], ends: list[float], slivers: set[int],
                 threshold: float, aa: float, letter_gap: float) -> str:
    """The line's text with a space for each written space and each gap wider than `threshold`
    (none inside a number), never two in a row."""
    out: list[str] = []
    right = None
    for i, ch in enumerate(chars):
        text = texts[i]
        if text == " " and not ch.inked:
            if out and out[-1] != " ":
                out.append(" ")
            continue
        if right is not None and text not in MARKS and ch.x0 - right > threshold \
                and not _inside_number(out, text):
            if out and out[-1] != " ":
                out.append(" ")
        out.append(text)
        # A mark counts too: a vowel set after a tone mark (ต่ำ) starts where the mark ends. A
        # sara am drawn as its circle stands for a letter of its own, and a letter gap more.
        if i in slivers:
            right = max(right if right is not None else ch.x1, ch.x1) + aa + letter_gap
        else:
            right = ends[i] if right is None else max(right, ends[i])
    return "".join(out).strip()


def _inside_number(before: list[str], text: str) -> bool:
    """Whether `text` after the characters `before` goes on a number at its decimal point
    (๙๙|.๗๘, ๙๙.|๗๘): a justified Thai line spreads there too, but no print means a space."""
    if text == "." and before:
        return before[-1] in DIGITS
    return text in DIGITS and len(before) >= 2 and before[-1] == "." and before[-2] in DIGITS


def first_word_width(line: Line[Char]) -> float:
    """How wide the line's first word is: up to its first drawn-nothing space."""
    end = next((c.x0 for c in line.boxes if c.text == " " and not c.inked and not c.generated),
               line.x1)
    return end - line.boxes[0].x0


def unspaced_end(line: Line[Char]) -> bool:
    """Whether the line writes spaces as characters but none at its end (see `ReadLine`)."""
    written = [c for c in line.boxes if c.text == " " and not c.inked and not c.generated]
    return bool(written) and written[-1] is not line.boxes[-1]
