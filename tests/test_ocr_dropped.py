"""A line of print the page's reading dropped is read on its own (`parsers/ocr/dropped.py`).

On the real Phitsanulok letter Tesseract's layout drops the ที่ line beside the Garuda. Whether it
drops a line on a page of ours depends on the font and the noise, so these tests take the page's
real reading and leave out the words of one line, as the real page's reading did; the module
must find that line's ink and read it, in several fonts and sizes, and add nothing for a
picture, a scribble or a stamp.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from parsers.ocr.dropped import read_dropped_lines
from parsers.ocr.engine import OcrWord, engine_for
from parsers.ocr.preprocess import ink
from parsers.ocr.settings import DEFAULT

TLWG = Path("/usr/share/fonts/truetype/tlwg")
DPI = 200
MARGIN = 240  # 3 cm
BODY = ["ถึง องค์การบริหารส่วนจังหวัดพิษณุโลก เทศบาลนครพิษณุโลก",
        "ด้วยจังหวัดได้รับแจ้งจากสำนักงานปลัดสำนักนายกรัฐมนตรีว่า สำนักงานคณะกรรมการ",
        "ข้อมูลข่าวสารของราชการ ได้จัดทำเอกสารเผยแพร่ความรู้ รวม ๕ บทความ",
        "จึงเรียนมาเพื่อโปรดทราบ"]
NUMBER = "ที่ พล ๐๐๒๓.๑/ว"

pytestmark = pytest.mark.skipif(not TLWG.exists(), reason="fonts-thai-tlwg is not installed")


def _emblem(draw: ImageDraw.ImageDraw, x: int, y: int, size: int) -> None:
    """A Garuda's place: a big dark shape with holes, taller than any letter."""
    draw.ellipse((x, y, x + size, y + size), fill=0)
    for i in range(4):
        hole = size // 8
        draw.ellipse((x + size // 5 + i * size // 6, y + size // 3, x + size // 5 + i * size // 6 + hole,
                      y + size // 3 + hole), fill=255)


def _scribble(draw: ImageDraw.ImageDraw, x: int, y: int, width: int, rng: np.random.Generator) -> None:
    """Handwriting's place: one connected pen stroke."""
    xs = np.linspace(x, x + width, 40)
    ys = y + 12 * np.sin(np.linspace(0, 5 * np.pi, 40)) + rng.normal(0, 2, 40)
    draw.line(list(zip(xs.tolist(), ys.tolist())), fill=0, width=3)


def _page(font: str, point: float, seed: int, number: bool = True) -> tuple[np.ndarray, tuple[int, int, int, int]]:
    """An A4 letter at 200 dpi: its number line at the margin beside an emblem, a handwritten
    running number after it, the body under them, a stamp's words off the margin; and the
    number line's pixel box."""
    rng = np.random.default_rng(seed)
    image = Image.new("L", (1654, 2339), 255)
    draw = ImageDraw.Draw(image)
    face = ImageFont.truetype(str(TLWG / font), round(point * DPI / 72))
    step = round(point * DPI / 72 * 1.9)
    y = 330
    left, top, right, bottom = draw.textbbox((MARGIN, y), NUMBER, font=face)
    if number:
        draw.text((MARGIN, y), NUMBER, font=face, fill=0)
        _scribble(draw, right + 25, y + (bottom - top) // 2, 90, rng)
    _emblem(draw, 730, 120, 300)
    draw.text((1150, 200), "เลขรับ ๓๖๕ วันที่ ๔ เม.ย. ๒๕๖๘", font=face, fill=0)  # a stamp, off the margin
    for i, text in enumerate(BODY):
        draw.text((MARGIN, y + (i + 1) * step), text, font=face, fill=0)
    _scribble(draw, MARGIN, y + (len(BODY) + 2) * step, 70, rng)  # a routing note's stroke at the margin
    image = image.filter(ImageFilter.GaussianBlur(0.7))
    pixels = np.asarray(image, np.float32) * 0.93 + rng.normal(0, 5, (image.height, image.width))
    return np.clip(pixels, 0, 255).astype(np.uint8), (left - 5, top - 40, right + 140, bottom + 20)


def _outside(words: list[OcrWord], box: tuple[int, int, int, int]) -> list[OcrWord]:
    return [w for w in words if not w.centre_in(box)]


@pytest.mark.parametrize("font, point", [("Norasi.ttf", 16), ("Kinnari.ttf", 15), ("Loma.ttf", 14),
                                         ("Laksaman.ttf", 16), ("Garuda.ttf", 14), ("Waree.ttf", 15),
                                         ("Sawasdee-Bold.ttf", 16), ("Umpush.ttf", 15), ("Kinnari-Bold.ttf", 13)])
def test_a_dropped_number_line_is_read_from_its_own_ink(font, point):
    page, line = _page(font, point, seed=len(font))
    engine = engine_for(DEFAULT)
    read = engine.read_words(page, DPI)
    kept = _outside(read, line)  # the page's reading, less the number line: what the real page gave
    found = read_dropped_lines(kept, page, ink(page), engine, DPI)[len(kept):]
    assert found, "the number line was not read"
    assert all(w.centre_in(line) for w in found), [w.text for w in found]
    # The letter code and office number as printed; the label's tone mark, or the label read as
    # Latin (`n`, `Ni`), is the page cleanup's to mend after, as on any line.
    text = " ".join(w.text for w in found)
    assert "พล" in text and "๐๐๒๓" in text.replace(" ", ""), text


@pytest.mark.parametrize("font, point", [("Norasi.ttf", 16), ("Loma.ttf", 14), ("Kinnari.ttf", 15)])
def test_only_printed_lines_are_added_and_none_twice(font, point):
    """What it adds stands on lines of print the page's reading left out (Tesseract's layout
    drops whole body lines of these pages too), never on the emblem, the stamp off the margin
    or a pen stroke, and never over a word the page read."""
    page, _line = _page(font, point, seed=3, number=False)
    engine = engine_for(DEFAULT)
    read = engine.read_words(page, DPI)
    added = read_dropped_lines(read, page, ink(page), engine, DPI)[len(read):]
    step = round(point * DPI / 72 * 1.9)
    body = [(MARGIN - 10, 330 + i * step - 30, 1654, 330 + i * step + step - 10) for i in range(1, len(BODY) + 1)]
    for word in added:
        assert any(word.centre_in(box) for box in body), (word.text, word.pixels)
        assert not any(_overlap(word, w) for w in read), (word.text, word.pixels)


def _overlap(a: OcrWord, b: OcrWord) -> bool:
    return min(a.pixels[2], b.pixels[2]) > max(a.pixels[0], b.pixels[0]) and \
        min(a.pixels[3], b.pixels[3]) > max(a.pixels[1], b.pixels[1])
