"""The PDF extractor's parts: repairs (table-driven), page health, settings, rotated pages."""
from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest

from parsers.compose.lines import attach_marks
from parsers.compose.settings import RulingSettings, TextLineSettings
from parsers.layout import Table, TextLine
from parsers.pdf import PdfSettings, read_pdf
from parsers.pdf.chars import Char
from parsers.pdf.health import page_health
from parsers.pdf.repair import (
    fix_private_use,
    fix_sara_aa,
    fix_sara_am,
    fix_split_words,
    fix_thai_digits,
    font_profile,
    is_it9_font,
)
from parsers.pdf.settings import PdfLimits, TextLayerChecks

from conftest import REPO

SAMPLE = REPO / "samples" / "pdf" / "001_abf31e34acd1eb53.pdf"


def chars(text: str, font: str = "TH SarabunPSK", inked_spaces: bool = True) -> list[Char]:
    """One character per letter, 5 pt apart; marks sit over the letter before them."""
    out, x = [], 0.0
    for ch in text:
        if ch in "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4d":
            out.append(Char(ch, x - 4, 0, x - 1, 10, True, font))
            continue
        inked = inked_spaces if ch == " " else True
        out.append(Char(ch, x, 0, x + 5, 10, inked, font))
        x += 5
    return out


def text(cs: list[Char]) -> str:
    return "".join(c.text for c in cs)


@pytest.mark.parametrize("layer, printed", [
    ("ส านักงาน", "สำนักงาน"),         # the nikhahit mapped to a space
    ("อ าเภอ", "อำเภอ"),
    ("น้ า", "น้ำ"),                    # after a tone mark
    ("ค ำน ำ", "คำนำ"),                 # nikhahit-space before a whole sara am
    ("อํานวย", "อำนวย"),                # nikhahit + sara aa as two characters
    ("การ", "การ"),                     # nothing to repair
])
def test_sara_am(layer, printed):
    assert text(fix_sara_am(chars(layer))) == printed


def test_a_real_space_before_sara_aa_is_not_a_nikhahit():
    assert text(fix_sara_am(chars("ส านักงาน", inked_spaces=False))) == "ส านักงาน"


def test_sara_aa_drawn_as_sara_am_is_known_by_the_font_and_repaired():
    swapped = chars("กำรพัฒนำคุณภำพ ต ำบล ยุทธศำสตร์", font="kt_smarn")
    normal = chars("คำนำ การพัฒนา", font="TH SarabunPSK")
    profile = font_profile(swapped + normal)
    assert profile.sara_aa_as_am == frozenset({"kt_smarn"})
    fixed = fix_sara_am(fix_sara_aa(swapped, profile))
    assert text(fixed) == "การพัฒนาคุณภาพ ตำบล ยุทธศาสตร์"
    assert fix_sara_aa(normal, profile) == normal  # a correct font's ำ stays


def test_a_font_with_few_sara_am_is_not_taken_for_a_swapped_one():
    assert font_profile(chars("คำนำ ทำ", font="Bold")).sara_aa_as_am == frozenset()


@pytest.mark.parametrize("font, layer, printed", [
    ("TH SarabunIT๙", "พ.ศ. 25๖๒", "พ.ศ. ๒๕๖๒"),
    ("THSarabunIT๙-Bold", "88.34", "๘๘.๓๔"),
    ("TH SarabunPSK", "88.34", "88.34"),       # an ordinary font draws what it says
])
def test_thai_digits_of_th_sarabun_it9(font, layer, printed):
    assert text(fix_thai_digits(chars(layer, font=font))) == printed


@pytest.mark.parametrize("name, it9", [("TH SarabunIT๙", True), ("TH SarabunIT9 Bold", True),
                                       ("THSarabunIT๙,Italic", True), ("TH Sarabun New", False)])
def test_it9_font_names(name, it9):
    assert is_it9_font(name) is it9


@pytest.mark.parametrize("layer, printed", [
    ("เจ้ า หน้ า ที่", "เจ้าหน้าที่"),        # spaces before a following vowel
    ("หน ว ยงาน", "หนวยงาน"),               # a lone consonant is no word
    ("ระด ับ", "ระดับ"),                      # space before a mark
    ("เ ป็น", "เป็น"),                        # space after a leading vowel
    ("ณ วันที่ ๑", "ณ วันที่ ๑"),              # ณ stands alone
    ("การประชุม ครั้งที่ ๑", "การประชุม ครั้งที่ ๑"),  # word spaces stay
    ("ITA (ร้อยละ 90)", "ITA (ร้อยละ 90)"),
])
def test_split_words(layer, printed):
    assert fix_split_words(layer) == printed


def test_a_mark_written_after_the_next_letter_goes_back_over_its_own():
    # สู่เมือง drawn as ส เ ู ่ ...: the marks sit over ส, not เ
    s = Char("ส", 0, 0, 8, 10)
    e = Char("เ", 8, 0, 12, 10)
    u = Char("\u0e39", 4, 0, 8, 10)
    tone = Char("\u0e48", 5, 0, 8, 10)
    assert text(attach_marks([s, e, u, tone])) == "สู่เ"
    assert attach_marks([s, u, tone, e]) == [s, u, tone, e]  # right already


def test_private_use_tone_marks():
    assert text(fix_private_use(chars("ผู\uf70bอำนวยการ หัวหน\uf70bา"))) == "ผู้อำนวยการ หัวหน้า"


@pytest.mark.parametrize("page_text, trusted, reason", [
    ("ประกาศองค์การบริหารส่วนตำบล เรื่อง มาตรการส่งเสริมคุณธรรม", True, None),
    ("", False, "no_text"),
    ("- ๑ -", False, "no_text"),
    ("¡ÒÃ»ÃÐàÁÔ¹¤Ø³¸ÃÃÁáÅÐ¤ÇÒÁâ»Ãè§ãÊ ¢Í§Ë¹èÇÂ§Ò¹", False, "unreadable_text"),
    ("\ufffd" * 30 + "การ", False, "unreadable_text"),
])
def test_page_health(page_text, trusted, reason):
    health = page_health(page_text)
    assert (health.trusted, health.reason) == (trusted, reason)


@pytest.mark.parametrize("concern, bad", [
    (RulingSettings, {"snap_tolerance": -1}), (TextLineSettings, {"line_overlap": 0}),
    (TextLineSettings, {"line_overlap": 1.5}), (TextLayerChecks, {"min_readable_share": 2}),
    (TextLineSettings, {"word_gap_em": "wide"}), (PdfLimits, {"max_pages": 0}),
    (PdfSettings, {"repair": "yes"})])
def test_settings_are_checked_when_made(concern, bad):
    with pytest.raises(ValueError):
        concern(**bad)


# ---- rotated pages --------------------------------------------------------------------------
def rotated_copy(src: Path, dest: Path, turn: int) -> Path:
    """`src` with page 1's content turned `turn` degrees counter-clockwise and `/Rotate` set so
    that a viewer shows it upright again: how landscape sections and scans-turned-PDF arrive."""
    pdf = pdfium.PdfDocument(str(src))
    page = pdf[0]
    w, h = page.get_size()
    matrix = pdfium.PdfMatrix().rotate(turn, ccw=True)
    matrix = matrix.translate(*{90: (h, 0), 180: (w, h), 270: (0, w)}[turn])
    for obj in list(page.get_objects(max_depth=1)):
        obj.transform(matrix)
    if turn in (90, 270):
        page.set_mediabox(0, 0, h, w)
        page.set_cropbox(0, 0, h, w)
    page.set_rotation((360 - turn) % 360)
    page.gen_content()
    pdf.save(str(dest))
    pdf.close()
    return dest


@pytest.mark.parametrize("turn", [90, 180, 270])
def test_a_rotated_page_reads_like_the_upright_one(tmp_path, turn):
    upright = read_pdf(SAMPLE).pages[0]
    turned = read_pdf(rotated_copy(SAMPLE, tmp_path / f"turned{turn}.pdf", turn)).pages[0]
    lines = [b.text for b in upright.blocks if isinstance(b, TextLine)]
    assert [b.text for b in turned.blocks if isinstance(b, TextLine)] == lines
    assert (round(turned.width), round(turned.height)) == (round(upright.width), round(upright.height))
    headers = [b.column_headers() for b in upright.blocks if isinstance(b, Table)]
    assert [b.column_headers() for b in turned.blocks if isinstance(b, Table)] == headers


def test_a_pdf_with_a_blank_page_is_not_a_scan(tmp_path):
    pdf = pdfium.PdfDocument(str(SAMPLE))
    pdf.new_page(595, 842)  # blank: nothing drawn, nothing to OCR
    pdf.save(str(tmp_path / "blank_last_page.pdf"))
    doc = read_pdf(tmp_path / "blank_last_page.pdf")
    assert doc.source_kind == "pdf_text" and doc.pages[-1].needs_ocr is None


def test_a_glyph_stopping_short_of_its_advance_leaves_no_space():
    """Regression (issue 13, TLWG Norasi): the box of ำ ends 1.1–1.3 pt before its advance,
    a gap past the 0.15-em threshold, so every ำ was followed by a space (`สำ นักปลัด`). A line
    that writes its spaces as characters (4.3 pt here) shows what a space is."""
    from parsers.compose.settings import TextLineSettings
    from parsers.pdf.lines import render

    def at(text, x0, x1):
        return Char(text, x0, 105.0, x1, 112.4)

    line = [at("ส", 144.3, 151.5), at("ำ", 148.6, 155.0), at("น", 156.3, 164.3),
            at("ั", 159.2, 164.2), at("ก", 164.4, 171.5), Char(" ", 171.5, 111.8, 175.8, 112.4, inked=False),
            at("ป", 175.8, 183.0), at("ล", 183.0, 189.6), at("ั", 185.1, 190.0), at("ด", 189.7, 196.4),
            at("ก", 199.4, 206.5)]  # a gap of 3 pt, more than half a space: a space
    assert render(line, TextLineSettings()) == "สำนัก ปลัด ก"


def test_a_line_without_spaces_takes_the_documents_space_width():
    """Regression (issue 13, TLWG Norasi): a title line with no space character in it
    (`เทศบาลตำบลแร่`) still got a space after ำ; the spaces the rest of the document writes
    (about 0.58 of a letter's height in Norasi) say how wide a space is."""
    from parsers.compose.settings import TextLineSettings
    from parsers.pdf.lines import render
    from parsers.pdf.repair import font_profile

    def at(text, x0, x1):
        return Char(text, x0, 105.0, x1, 112.4)

    body = [c for i in range(25) for c in (at("ก", 10.0 * i, 10.0 * i + 7.1),
                                           Char(" ", 10.0 * i + 7.1, 111.8, 10.0 * i + 11.4, 112.4,
                                                inked=False))]
    profile = font_profile(body)
    space_em = profile.spacing.space_em
    assert space_em is not None and abs(space_em - 4.3 / 7.4) < 0.01
    title = [at("ต", 144.3, 151.5), at("ำ", 148.6, 155.0), at("บ", 156.3, 163.6), at("ล", 163.6, 170.2)]
    assert render(title, TextLineSettings()) == "ตำ บล"  # what the line alone says
    assert render(title, TextLineSettings(), profile.spacing) == "ตำบล"


def test_a_sara_am_drawn_as_its_circle_alone_is_no_word_break():
    """Regression (issue 13, TLWG Waree): ำ after some letters is mapped to the nikhahit's glyph
    alone, a sliver high over the letter, and the sara aa's advance after it drew a gap that
    read as a space (`นำ เทคโนโลยี`)."""
    from parsers.pdf.lines import Spacing, render

    def at(text, x0, x1, top=771.2, bottom=782.0):
        return Char(text, x0, top, x1, bottom)

    line = [at("น", 155.7, 165.5), at("ำ", 160.5, 163.8, 767.1, 770.4), at("เ", 173.2, 178.3),
            at("ท", 178.3, 188.0), at("ค", 188.0, 197.1)]
    assert render(line, TextLineSettings()) == "นำ เทค"  # the gap alone says space
    assert render(line, TextLineSettings(), Spacing(sara_aa_em=0.7)) == "นำเทค"


def test_a_glyph_that_always_stops_short_is_measured_from_where_its_word_goes_on():
    """Chakra Petch's ำ box stops about 0.1 of a letter short of the next letter of its word:
    the document's own gaps after ำ say so (`SpacingTally`), and `การดำ เนินงาน` reads whole."""
    from parsers.pdf.lines import SpacingTally, render

    def at(text, x0, x1):
        return Char(text, x0, 94.0, x1, 101.8)

    tally = SpacingTally()
    for i in range(12):  # ดำเ ... twelve times over the document
        for ch in (at("ด", 100 * i, 100 * i + 8.7), at("ำ", 100 * i + 5.7, 100 * i + 15.1),
                   at("เ", 100 * i + 16.3, 100 * i + 20.6)):
            tally.add(ch)
    spacing = tally.spacing()
    assert 0.1 < spacing.bearing_em["ำ"] < 0.2
    line = [at("ด", 453.1, 461.8), at("ำ", 458.8, 468.2), at("เ", 469.4, 473.7), at("น", 473.5, 482.1)]
    assert render(line, TextLineSettings(word_gap_em=0.1)) == "ดำ เน"
    assert render(line, TextLineSettings(word_gap_em=0.1), spacing) == "ดำเน"


def test_a_justified_line_spreading_a_number_at_its_point_keeps_it_whole():
    """Regression (issue 13, TLWG Kinnari bold): LibreOffice's justified Thai line put its
    extra width at the decimal point of `๙๙.๗๘`, a gap wide as a space; read as one, the
    overall score came out 99 (`ระดับคะแนน ๙๙ .๗๘`)."""
    from parsers.pdf.lines import render

    def at(text, x0, x1):
        return Char(text, x0, 381.0, x1, 388.3)

    line = [at("น", 675.4, 683.3), Char(" ", 683.3, 382.4, 688.8, 388.2, inked=False),
            at("๙", 688.9, 696.6), at("๙", 696.6, 704.4), at(".", 709.2, 712.2), at("๗", 712.2, 719.9),
            at("๘", 719.9, 727.6), Char(" ", 727.7, 382.4, 733.2, 388.2, inked=False), at("จ", 734.0, 741.0),
            at("ก", 746.0, 753.0)]
    assert render(line, TextLineSettings()) == "น ๙๙.๗๘ จ ก"


def test_a_paragraph_going_on_over_a_page_break_is_one_paragraph():
    """Regression (issue 13, TLWG Waree): `ระดับคะแนน 99.` ended page 6 and `78 จัดอยู่ใน...`
    began page 7; read apart, the first half gave an overall score of 99."""
    from parsers.continued import join_pages
    from parsers.layout import Method, Page, Provenance, TextLine

    def line(page, text, **kw):
        return TextLine(text, Provenance(page, Method.TEXT), **kw)

    pages = [Page(6, [line(6, "ในภาพรวมมี ระดับคะแนน 99.", ends_full=True)], Method.TEXT),
             Page(7, [line(7, "- 7 -"), line(7, "78 จัดอยู่ในระดับผลการประเมิน ผ่านดีเยี่ยม"),
                      line(7, "1. แบบวัด")], Method.TEXT),
             Page(8, [line(8, "ต่อ", indented=True)], Method.TEXT)]
    join_pages(pages)
    assert [b.text for b in pages[0].blocks] == ["ในภาพรวมมี ระดับคะแนน 99.78 จัดอยู่ในระดับผลการประเมิน ผ่านดีเยี่ยม"]
    assert [b.text for b in pages[1].blocks] == ["- 7 -", "1. แบบวัด"]
    assert [b.text for b in pages[2].blocks] == ["ต่อ"]  # after a list item that did not end full
