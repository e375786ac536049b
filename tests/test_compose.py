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


def test_a_stacked_tone_mark_stored_at_the_end_of_the_line_goes_back_to_its_letter():
    """Regression (issue 13, TLWG Garuda, Laksaman, Noto Sans Thai): a tone mark stacked over an
    upper vowel (ครั้งนี้) is stored after the line's last letter, its box high above the line:
    it went to a line of its own (`้้`) or stayed at the end (`ครังนี้้`)."""
    from parsers.compose.lines import attach_marks

    def at(text, x0, x1, top=290.1, bottom=299.6):
        return Char(text, x0, top, x1, bottom)

    chars = [at("ค", 499.1, 508.9), at("ร", 509.9, 517.9), at("ั", 512.8, 520.1, 284.6),
             at("ง", 519.2, 527.1), at("น", 528.0, 538.7), at("ี", 530.5, 539.3, 284.3),
             Char("้", 514.6, 280.3, 520.1, 283.9), Char("้", 534.1, 280.3, 539.6, 283.9)]
    [line] = group_lines(chars, TextLineSettings())
    assert "".join(c.text for c in attach_marks(line.boxes)) == "ครั้งนี้"


def test_a_mark_over_the_edge_of_its_letter_stays_with_it():
    """A tone mark at the right edge of its letter (คู่มือ in a real TH Sarabun layer, ่ over
    the join of ค and ม) stays with the letter the stream puts it after."""
    from parsers.compose.lines import attach_marks

    line = [Char("ค", 501.7, 722.8, 508.0, 740.4), Char("ู", 502.6, 722.8, 508.0, 740.5),
            Char("่", 507.5, 722.8, 508.5, 740.4), Char("ม", 507.8, 722.8, 514.4, 740.4),
            Char("ื", 509.8, 722.8, 514.9, 740.4), Char("อ", 514.3, 722.8, 520.5, 740.4)]
    assert "".join(c.text for c in attach_marks(line)) == "คู่มือ"


def test_swapped_mark_boxes_keep_the_stream_order():
    """TLWG fonts exported by LibreOffice swap the boxes of ู and ้ on one letter (ผู้: the ู
    has the tone mark's box above the line, the ้ the vowel's below it); both are over ผ, so
    the text stays ผู้ and neither leaves the line."""
    from parsers.compose.lines import attach_marks

    chars = [Char("ผ", 243.8, 430.9, 254.0, 440.4), Char("ู", 247.9, 424.8, 254.1, 429.4),
             Char("้", 247.4, 441.0, 252.2, 445.3), Char("ร", 254.1, 430.9, 262.1, 440.4)]
    [line] = group_lines(chars, TextLineSettings())
    assert "".join(c.text for c in attach_marks(line.boxes)) == "ผู้ร"
