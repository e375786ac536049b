"""Repair of damaged Thai text layers, and a count of what was repaired.

Word and PowerPoint exports with the TH Sarabun family and older Thai fonts write text layers
that read differently from the page. Each fault has its own repair, applied to one line's
characters (where the evidence is geometry or the font) or to its text:

- `sara_am`: the nikhahit of ำ maps to U+0020, so `สำนักงาน` reads `ส านักงาน`. The "space" has
  ink (a small circle above the line); a real space has none. Inked space + า → ำ.
- `sara_aa`: some fonts (Tahoma Bold, kt_smarn in PowerPoint exports) map the sara aa glyph to
  ำ, so `การ` reads `กำร`; their real sara am is then inked space + ำ. A font is known by its
  counts over the whole document: many ำ and (almost) no า.
- `thai_digits`: TH SarabunIT๙ draws the ASCII digits as Thai digits; its text says `2562`
  where the page shows `๒๕๖๒`.
- `mark_order`: marks written after the following consonant or vowel (`สเู่` for `สู่เ`); a mark
  belongs to the base character it is drawn over.
- `split_words`: spaces no Thai word can have: before a following vowel or a mark, after a
  leading vowel, or around a lone consonant (`เจ้ า หน้ า ที่`, `หน ว ยงาน`).

- `private_use`: Thai fonts from the Windows era draw shifted tone marks and vowels (lowered for
  a consonant without ascender, moved left under ป) from private-use code points U+F700–U+F71A,
  which some producers write into the text layer; they map back to the standard marks.

A repair changes nothing that is not evidently broken: the checks are on glyph geometry, font
statistics and Thai spelling rules, so correct text passes through unchanged.
"""
from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace

from normalizers.pythainlp_data import keep_pythainlp_out_of_home
from parsers.compose.lines import attach_marks
from parsers.pdf.chars import Char
from parsers.pdf.lines import Spacing, SpacingTally, render_as_layer
from thai.chars import (
    CONSONANT_CLASS,
    CONSONANTS,
    FOLLOWING_VOWEL_CLASS,
    LEADING_VOWEL_CLASS,
    LETTER_CLASS,
    MARK_CLASS,
    MARKS,
    NIKHAHIT,
    SARA_AA,
    SARA_AM,
    TO_THAI_DIGITS,
)

FAULTS = ("sara_am", "sara_aa", "thai_digits", "mark_order", "split_words", "private_use")

# A font is "sara aa drawn as sara am" when this many ำ come with at most this share of า.
_MIN_SARA_AM = 5
_MAX_SARA_AA_SHARE = 0.1


def is_it9_font(font: str) -> bool:
    """TH SarabunIT๙ and its bold/italic faces, however the producer spelled the name.

    >>> is_it9_font("TH SarabunIT๙,Bold"), is_it9_font("THSarabunIT๙"), is_it9_font("TH SarabunPSK")
    (True, True, False)
    """
    compact = font.replace(" ", "").lower()
    return "sarabunit๙" in compact or "sarabunit9" in compact


@dataclass(frozen=True)
class FontProfile:
    """What the whole document says about its fonts."""

    sara_aa_as_am: frozenset[str] = frozenset()
    spacing: Spacing = Spacing()


def font_profile(chars: Iterable[Char]) -> FontProfile:
    aa: Counter[str] = Counter()
    am: Counter[str] = Counter()
    tally = SpacingTally()
    for ch in chars:
        tally.add(ch)
        if ch.text == SARA_AA:
            aa[ch.font] += 1
        elif ch.text == SARA_AM:
            am[ch.font] += 1
    swapped = frozenset(f for f, n in am.items()
                        if n >= _MIN_SARA_AM and aa[f] <= _MAX_SARA_AA_SHARE * n)
    return FontProfile(sara_aa_as_am=swapped, spacing=tally.spacing())


@dataclass(frozen=True)
class RepairedWord:
    fault: str
    page: int
    before: str
    after: str


@dataclass
class RepairLog:
    """Words repaired per fault, with the words themselves for tests and debugging."""

    counts: Counter[str] = field(default_factory=Counter)
    words: list[RepairedWord] = field(default_factory=list)

    def add(self, fault: str, page: int, before: str, after: str) -> None:
        changed = _changed_words(before, after)
        if fault == "split_words":
            # Spacing repairs join pieces of words; a space we add (a gap pdfium missed) is not one.
            changed = [(b, a) for b, a in changed
                       if b.replace(" ", "") == a.replace(" ", "") and b.count(" ") > a.count(" ")]
        self.counts[fault] += len(changed)
        self.words.extend(RepairedWord(fault, page, b, a) for b, a in changed)

    def warnings(self) -> list[str]:
        return [f"text_layer_repaired_{fault}:{self.counts[fault]}" for fault in FAULTS
                if self.counts[fault]]


def _changed_words(before: str, after: str) -> list[tuple[str, str]]:
    a, b = before.split(), after.split()
    pairs = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op != "equal":
            pairs.append((" ".join(a[i1:i2]), " ".join(b[j1:j2])))
    return pairs


# ---- repairs of characters ----------------------------------------------------------------------
def _inked_space(ch: Char | None) -> bool:
    return ch is not None and ch.text == " " and ch.inked


def fix_sara_am(chars: list[Char]) -> list[Char]:
    """Inked space + า → ำ and inked space + ำ → ำ (the nikhahit mapped to a space); nikhahit +
    า → ำ (the two glyphs of ำ each mapped to its own character)."""
    out: list[Char] = []
    for ch in chars:
        prev = out[-1] if out else None
        if ch.text in (SARA_AA, SARA_AM) and prev is not None and len(out) >= 2 \
                and (_inked_space(prev) or (prev.text == NIKHAHIT and ch.text == SARA_AA)) \
                and (out[-2].text in CONSONANTS or out[-2].text in MARKS):
            out[-1] = replace(ch, text=SARA_AM, x0=prev.x0)
            continue
        out.append(ch)
    return out


def fix_sara_aa(chars: list[Char], profile: FontProfile) -> list[Char]:
    """In a font that draws sara aa as ำ, a lone ำ → า; its real sara am (inked space + ำ) is left
    for `fix_sara_am`, which must run after this."""
    if not profile.sara_aa_as_am:
        return chars
    out: list[Char] = []
    for i, ch in enumerate(chars):
        if ch.text == SARA_AM and ch.font in profile.sara_aa_as_am \
                and not (i and _inked_space(chars[i - 1])):
            ch = replace(ch, text=SARA_AA)
        out.append(ch)
    return out


# The usual Thai private-use glyph assignments (Microsoft/Apple/WTT), to their standard marks.
_PRIVATE_USE = str.maketrans({
    0xF700: "\u0e10", 0xF701: "\u0e34", 0xF702: "\u0e35", 0xF703: "\u0e36", 0xF704: "\u0e37",
    0xF705: "\u0e48", 0xF706: "\u0e49", 0xF707: "\u0e4a", 0xF708: "\u0e4b", 0xF709: "\u0e4c",
    0xF70A: "\u0e48", 0xF70B: "\u0e49", 0xF70C: "\u0e4a", 0xF70D: "\u0e4b", 0xF70E: "\u0e4c",
    0xF70F: "\u0e0d", 0xF710: "\u0e31", 0xF711: "\u0e4d", 0xF712: "\u0e47", 0xF713: "\u0e48",
    0xF714: "\u0e49", 0xF715: "\u0e4a", 0xF716: "\u0e4b", 0xF717: "\u0e4c", 0xF718: "\u0e38",
    0xF719: "\u0e39", 0xF71A: "\u0e3a",
})


def fix_private_use(chars: list[Char]) -> list[Char]:
    return [replace(c, text=c.text.translate(_PRIVATE_USE)) if "\uf700" <= c.text <= "\uf71a" else c
            for c in chars]


def fix_thai_digits(chars: list[Char]) -> list[Char]:
    return [replace(c, text=c.text.translate(TO_THAI_DIGITS)) if c.text.isascii()
            and c.text.isdigit() and is_it9_font(c.font) else c for c in chars]


# ---- repairs of text ----------------------------------------------------------------------------
_SPACE_BEFORE_DEPENDENT = re.compile(
    rf"(?<=[{CONSONANT_CLASS}{MARK_CLASS}{FOLLOWING_VOWEL_CLASS}]) +(?=[{FOLLOWING_VOWEL_CLASS}{MARK_CLASS}])")
_SPACE_AFTER_LEADING = re.compile(rf"(?<=[{LEADING_VOWEL_CLASS}]) +(?=[{CONSONANT_CLASS}])")
# A consonant standing alone between Thai letters: no Thai word is one bare consonant, except
# these (ณ "at", ธ royal "he", ฯ is not a consonant).
_STANDALONE_OK = frozenset("ณธ")
_LONE_CONSONANT = re.compile(rf"(?<=[{LETTER_CLASS}]) ([{CONSONANT_CLASS}][{MARK_CLASS}]*) (?=[{LETTER_CLASS}])")


def fix_split_words(text: str) -> str:
    """Remove the spaces no Thai word can have; in a line that had such spaces (so its spacing
    is known to be broken), also join runs of pieces that make one dictionary word.

    >>> fix_split_words("เจ้ า หน้ า ที่")
    'เจ้าหน้าที่'
    >>> fix_split_words("การประชุม ครั้งที่ ๑")
    'การประชุม ครั้งที่ ๑'
    """
    original = text
    text = _SPACE_BEFORE_DEPENDENT.sub("", text)
    text = _SPACE_AFTER_LEADING.sub("", text)

    def join(m: re.Match) -> str:
        return m.group(0) if m.group(1) in _STANDALONE_OK else m.group(1)

    previous = None
    while previous != text:  # `หน ว ย` joins one lone consonant per pass
        previous, text = text, _LONE_CONSONANT.sub(join, text)
    if text != original:
        text = _join_dictionary_runs(text)
    return text


_MAX_RUN = 4


def _join_dictionary_runs(text: str) -> str:
    keep_pythainlp_out_of_home()
    from pythainlp.corpus import thai_words  # loaded once by PyThaiNLP, only for broken lines

    words = thai_words()
    pieces = text.split(" ")
    out: list[str] = []
    i = 0
    while i < len(pieces):
        for n in range(min(_MAX_RUN, len(pieces) - i), 1, -1):
            joined = "".join(pieces[i:i + n])
            if joined in words:
                out.append(joined)
                i += n
                break
        else:
            out.append(pieces[i])
            i += 1
    return " ".join(out)


# ---- one line ------------------------------------------------------------------------------------
def repair_line(chars: list[Char], page: int, profile: FontProfile, log: RepairLog,
                render: Callable[[list[Char]], str]) -> tuple[list[Char], str]:
    """The repaired characters of one line and its repaired text; what changed goes to `log`."""
    # Each step runs only where its fault can be: most lines of most files need none.
    letters = {c.text for c in chars}
    fonts = {c.font for c in chars if c.font}
    steps: list[tuple[str, Callable[[list[Char]], list[Char]]]] = []
    if any("\uf700" <= t <= "\uf71a" for t in letters):
        steps.append(("private_use", fix_private_use))
    if letters & MARKS:
        steps.append(("mark_order", attach_marks))
    if SARA_AM in letters and fonts & profile.sara_aa_as_am:
        steps.append(("sara_aa", lambda cs: fix_sara_aa(cs, profile)))
    if NIKHAHIT in letters or any(c.text == " " and c.inked for c in chars):
        steps.append(("sara_am", fix_sara_am))
    if any(is_it9_font(f) for f in fonts):
        steps.append(("thai_digits", fix_thai_digits))
    # Each character repair is counted on the text as the layer reads it (pdfium's spaces),
    # then spacing itself: our geometry-based spaces and Thai spelling rules against pdfium's.
    text = render_as_layer(chars)
    for fault, step in steps:
        fixed = step(chars)
        if fixed != chars:
            new_text = render_as_layer(fixed)
            if new_text != text:
                log.add(fault, page, text, new_text)
            chars, text = fixed, new_text
    spaced = fix_split_words(render(chars))
    if spaced != text:
        log.add("split_words", page, text, spaced)
    return chars, spaced
