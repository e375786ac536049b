"""Marks alone in scanned table cells, and the scraps of stray Thai marks, on synthetic ink and
on the scanned sample whose status table Tesseract leaves empty."""
from __future__ import annotations

import numpy as np
import pytest

from parsers.ocr.cleanup import drop_mark_junk
from parsers.ocr.engine import OcrWord
from parsers.ocr.marks import DASH, TICK, mark_in
from pipeline.readers import read_pdf

from conftest import REPO


def _stroke(cell: np.ndarray, points: list[tuple[int, int]], width: int = 2) -> None:
    for (y0, x0), (y1, x1) in zip(points, points[1:]):
        for t in np.linspace(0, 1, 60):
            y, x = round(y0 + t * (y1 - y0)), round(x0 + t * (x1 - x0))
            cell[y:y + width, x:x + width] = 255


@pytest.mark.parametrize("draw, expected", [
    (lambda c: c.__setitem__((slice(30, 33), slice(40, 52)), 255), DASH),
    (lambda c: _stroke(c, [(28, 40), (40, 48), (18, 66)]), TICK),
    (lambda c: None, None),  # an empty cell
    (lambda c: c.__setitem__((slice(30, 31), slice(40, 42)), 255), None),  # a speck
    (lambda c: c.__setitem__((slice(10, 50), slice(20, 60)), 255), None),  # a filled box
    (lambda c: (_stroke(c, [(28, 40), (40, 48), (18, 66)]),
                c.__setitem__((slice(30, 33), slice(80, 92)), 255)), None),  # two marks
])
def test_mark_alone_in_a_cell(draw, expected):
    cell = np.zeros((60, 120), np.uint8)
    draw(cell)
    assert mark_in(cell, 200) == expected


def _word(text: str, x0: int, y0: int, x1: int, y1: int, confidence: float = 90.0) -> OcrWord:
    to_pt = 72 / 200
    return OcrWord(text, x0 * to_pt, y0 * to_pt, x1 * to_pt, y1 * to_pt, confidence, (x0, y0, x1, y1))


def test_stray_mark_scraps_are_dropped_but_not_latin_misreadings_of_words():
    line = [_word(t, 100 + 200 * i, 100, 280 + 200 * i, 146)
            for i, t in enumerate("ให้ความรู้ เรื่อง การประเมิน คุณธรรม และ".split())]
    words = line + [
        _word("va", 330, 84, 360, 99),    # the marks of เรื่อง, above it: dropped
        _word("=", 700, 300, 710, 306),   # a speck of marks under an erased rule: dropped
        _word("y", 740, 298, 750, 307),
        _word("AY", 1110, 126, 1150, 146),  # ละ read as Latin, on the line's baseline: kept
        _word("ITA", 1160, 110, 1220, 146),  # printed Latin: kept
        _word("-", 1230, 128, 1240, 131),    # punctuation: kept
        _word("es", 530, 88, 552, 119, 22.8),  # a doubtful scrap inside the top of a word: dropped
        _word("2", 900, 96, 912, 110, 36.5),
        _word("๒๕๖๗", 100, 40, 180, 70, 35.0),  # a doubtful number on its own line: kept
    ]
    assert [w.text for w in drop_mark_junk(words)] == [w.text for w in line] + ["AY", "ITA", "-", "๒๕๖๗"]


def test_status_ticks_and_dashes_tesseract_drops_are_read_from_the_scan(tmp_path):
    """Sample 000's status table (its pages 3 and 4, taken out of the scan so that only they
    are OCR'd) prints ✓ in the done column and - in the two others; Tesseract returns nothing
    for those cells."""
    import pypdfium2 as pdfium

    scan = pdfium.PdfDocument(str(next((REPO / "samples" / "scan").glob("000_*.pdf"))))
    excerpt = pdfium.PdfDocument.new()
    excerpt.import_pages(scan, [2, 3])
    excerpt.save(tmp_path / "status_pages.pdf")
    pages = tmp_path / "status_pages.pdf"
    doc = read_pdf(str(pages), pages.read_bytes())
    status = [t for t in doc.tables() if "สถานะ" in " ".join(t.column_headers())]
    assert status
    rows = [[c.text for c in cells[-3:]] for t in status for _, cells in t.body()
            if cells[0].text.strip()[:1] in "๑๒๓๔๕๖๗๘๙"]
    assert len(rows) == 10
    assert sum(r == [DASH, DASH, TICK] for r in rows) >= 9, rows


def test_a_words_upper_marks_read_again_as_words_are_dropped():
    """Regression (scan matrix, 300 dpi): Tesseract read the marks of ตัวชี้วัดที่ a second time,
    as `บ 50 4` inside the top of the word's box, and the indicator's number no longer followed
    its label. Boxes as Tesseract gave them; the digit beside the word, lower down, stays."""
    words = [
        _word("บ", 244, 1527, 260, 1535, 40.8),
        _word("50", 277, 1516, 314, 1536, 35.9),
        _word("4", 335, 1517, 351, 1535, 78.9),
        _word("ตัวชีวัดที", 238, 1521, 361, 1568, 94.0),
        _word("๒", 375, 1537, 383, 1558, 96.5),
        _word("การใช้งบประมาณ", 395, 1521, 600, 1568, 94.0),
        # the next line's word, whose marks reach into this line's bottom: not a scrap
        _word("ปี", 240, 1560, 270, 1610, 93.0),
    ]
    assert [w.text for w in drop_mark_junk(words)] == ["ตัวชีวัดที", "๒", "การใช้งบประมาณ", "ปี"]
