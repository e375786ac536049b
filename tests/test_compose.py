"""The page builder on glyph boxes as fonts draw them."""
from __future__ import annotations

from parsers.compose.lines import group_lines
from parsers.compose.settings import TextLineSettings
from parsers.pdf.chars import Char


def test_a_lower_vowel_hanging_below_the_line_stays_with_its_letter():
    """Regression (issue 13, TLWG Norasi): the box of ุ hangs under the baseline by most of its
    height, so it shared too little of the line's band and went to a line of its own or to
    the end of the line (`คณธรรม...ุ`). It belongs to the letter it is drawn under."""
    chars = [Char("ค", 10.0, 100.0, 17.0, 108.0), Char("ุ", 12.5, 106.0, 16.0, 116.0),
             Char("ณ", 17.0, 100.0, 25.0, 108.0), Char("ธ", 25.0, 100.0, 31.0, 108.0),
             # the next line, a line height below
             Char("ก", 10.0, 114.0, 17.0, 122.0), Char("า", 17.0, 114.0, 22.0, 122.0)]
    lines = group_lines(chars, TextLineSettings())
    assert ["".join(c.text for c in line.boxes) for line in lines] == ["คุณธ", "กา"]


def test_a_mark_not_over_the_letter_before_it_is_placed_by_its_band():
    """A tone mark a font stores after the next letter is not pulled onto that letter's band
    by the rule above; it keeps its own (the repair puts it on its letter)."""
    chars = [Char("ก", 10.0, 100.0, 17.0, 108.0), Char("ล", 17.0, 100.0, 24.0, 108.0),
             Char("้", 13.0, 97.0, 16.0, 108.0)]
    [line] = group_lines(chars, TextLineSettings())
    assert [c.text for c in line.boxes] == ["ก", "ล", "้"]
