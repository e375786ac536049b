"""The characters of one PDF page, as pdfium reads them, in the page's upright orientation.

pdfium (through pypdfium2) honours `/ActualText` and reads Thai in content order, which keeps
marks with their consonant where pdfplumber's x-sorting would not (`เพ่อื`); it is also some
fifty times faster. Coordinates are turned into the page as displayed, top-down, so that a
page with `/Rotate 90`, or a landscape table drawn sideways on a portrait page, reads in lines
like any other.

Only what later stages need is asked of pdfium per character (each call costs about a
microsecond through ctypes): its loose box, whether pdfium generated it, and, for the few
characters whose meaning depends on the font (digits, sara aa, sara am), the font name.
"""
from __future__ import annotations

import ctypes
import math
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

# Characters whose font matters for repair: TH SarabunIT๙ draws ASCII digits as Thai ones, and
# some fonts map sara aa to sara am.
FONT_SENSITIVE = frozenset("0123456789\u0e32\u0e33")


@dataclass(frozen=True, slots=True)
class Char:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    # For a space: whether a glyph is drawn for it. A nikhahit (the circle of ำ) whose font maps
    # it to U+0020 is a "space" with ink; a real space has none.
    inked: bool = True
    font: str = ""
    # A space or line break pdfium inferred from a gap; kept so that the text "as the layer
    # reads" (what other tools give) can be compared with ours, which decides spaces itself.
    generated: bool = False

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.bottom - self.top

    @property
    def x_mid(self) -> float:
        return (self.x0 + self.x1) / 2


@dataclass(frozen=True)
class PageFrame:
    """How to turn PDF user space into the upright page: crop box and quarter turns."""

    left: float
    bottom: float
    width: float  # of the unrotated crop box
    height: float
    rotation: int  # 0, 90, 180, 270: clockwise, as displayed

    @property
    def upright_size(self) -> tuple[float, float]:
        return (self.height, self.width) if self.rotation in (90, 270) else (self.width, self.height)

    def point(self, x: float, y: float) -> tuple[float, float]:
        u, v = x - self.left, self.bottom + self.height - y  # top-down, unrotated
        if self.rotation == 90:
            return v, self.width - u
        if self.rotation == 180:
            return self.width - u, self.height - v
        if self.rotation == 270:
            return self.height - v, u
        return u, v

    def box(self, left: float, bottom: float, right: float, top: float) -> tuple[float, float, float, float]:
        """(x0, top, x1, bottom) upright, from a PDF-space rectangle."""
        if self.rotation == 0:  # nearly every page: spare the general case's calls
            flip = self.bottom + self.height
            return left - self.left, flip - top, right - self.left, flip - bottom
        xa, ya = self.point(left, bottom)
        xb, yb = self.point(right, top)
        return min(xa, xb), min(ya, yb), max(xa, xb), max(ya, yb)


def page_frame(page: pdfium.PdfPage, text_angle: int | None = None) -> PageFrame:
    """The frame of `page`, turned so that its text reads left to right.

    `text_angle` is how far most of the text is turned in PDF space (degrees, counter-clockwise).
    A page meant for landscape reading carries `/Rotate 90` *and* text drawn at 90°; a sideways
    table on a portrait page has text at 90° and no `/Rotate`. Either way, turning by the text's
    angle makes lines horizontal; `/Rotate` decides only when the page has no text.
    """
    left, bottom, right, top = page.get_cropbox()
    # pdfium measures the angle clockwise in PDF space (y up), the same sense as `/Rotate`.
    rotation = (page.get_rotation() if text_angle is None else text_angle) % 360
    return PageFrame(left=left, bottom=bottom, width=right - left, height=top - bottom,
                     rotation=rotation)


# Line breaks pdfium adds, and format characters that draw nothing (zero-width spaces some
# producers put between Thai words as break hints).
_NOT_DRAWN = frozenset("\r\n\ufffe\x02\u200b\u200c\u200d\ufeff\u00ad")


def _font_name(textpage, index: int, buf: ctypes.Array) -> str:
    n = pdfium_c.FPDFText_GetFontInfo(textpage, index, buf, len(buf), None)
    raw = buf.raw[:max(n - 1, 0)]
    # Subset prefixes aside, names are ASCII, except Thai fonts named in TIS-620 (`SarabunIT\xf9`
    # is TH SarabunIT๙) or UTF-8.
    for encoding in ("utf-8", "cp874"):
        try:
            return raw.decode(encoding).split("+", 1)[-1]
        except UnicodeDecodeError:
            continue
    return raw.decode("latin-1").split("+", 1)[-1]


def dominant_text_angle(textpage, count: int, sample: int = 40) -> int | None:
    """0, 90, 180 or 270: how far most of the page's text is turned (counter-clockwise), or
    None for a page without text."""
    if count == 0:
        return None
    votes: dict[int, int] = {}
    step = max(1, count // sample)
    for i in range(0, count, step):
        angle = pdfium_c.FPDFText_GetCharAngle(textpage, i)
        if angle < 0:
            continue
        quarter = int(round(math.degrees(angle) / 90)) % 4 * 90
        votes[quarter] = votes.get(quarter, 0) + 1
    return max(votes, key=votes.get) if votes else None


def page_chars(page: pdfium.PdfPage) -> tuple[list[Char], PageFrame]:
    """The characters of `page` in content order, and the frame they were turned by.

    pdfium's generated line breaks are left out, its generated spaces kept but flagged:
    spacing is decided from geometry by `parsers.pdf.lines`, which knows about letter-spaced
    Thai lines.
    """
    textpage = page.get_textpage()
    tp = textpage.raw
    count = pdfium_c.FPDFText_CountChars(tp)
    frame = page_frame(page, dominant_text_angle(tp, count))
    if count <= 0:
        return [], frame
    text = textpage.get_text_range(0, count)
    if len(text) != count:  # characters outside the BMP come back as surrogate pairs
        text = "".join(chr(pdfium_c.FPDFText_GetUnicode(tp, i)) for i in range(count))
    rect = pdfium_c.FS_RECTF()
    prect = ctypes.byref(rect)
    loose_box = pdfium_c.FPDFText_GetLooseCharBox
    is_generated = pdfium_c.FPDFText_IsGenerated
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    tight = (ctypes.byref(left), ctypes.byref(right), ctypes.byref(bottom), ctypes.byref(top))
    buf = ctypes.create_string_buffer(128)
    text_object = pdfium_c.FPDFText_GetTextObject
    fonts: dict[int | None, str] = {}  # by text object: one font each, and sara aa is frequent
    upright = frame.rotation == 0
    flip = frame.bottom + frame.height
    shift = frame.left
    chars: list[Char] = []
    append = chars.append
    for i, ch in enumerate(text):
        if ch in _NOT_DRAWN:
            continue
        inked, generated = True, False
        if ch == " ":
            generated = bool(is_generated(tp, i))
            pdfium_c.FPDFText_GetCharBox(tp, i, *tight)
            inked = not generated and top.value - bottom.value > 0.1 and right.value - left.value > 0.1
        loose_box(tp, i, prect)
        if upright:
            x0, y0, x1, y1 = rect.left - shift, flip - rect.top, rect.right - shift, flip - rect.bottom
        else:
            x0, y0, x1, y1 = frame.box(rect.left, rect.bottom, rect.right, rect.top)
        font = ""
        if ch in FONT_SENSITIVE:
            key = ctypes.cast(text_object(tp, i), ctypes.c_void_p).value
            font = fonts.get(key)
            if font is None:
                font = fonts[key] = _font_name(tp, i, buf)
        append(Char(ch, x0, y0, x1, y1, inked, font, generated))
    return chars, frame
