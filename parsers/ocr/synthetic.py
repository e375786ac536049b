"""Numbers printed and scanned, synthetically: what the Thai-digit reader is trained and tested on.

A string is drawn in a TrueType font at a point size and resolution, then damaged as a scan
damages print: a small rotation, blur, sensor noise and JPEG. Used by
`scripts/train_digit_reader.py` (training fonts) and by the tests (other fonts), never by the
pipeline itself.
"""
from __future__ import annotations

import io
from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from thai.chars import ARABIC_DIGITS, THAI_DIGITS

__all__ = ["ARABIC_DIGITS", "THAI_DIGITS", "Print", "random_number", "render"]


@dataclass(frozen=True)
class Print:
    font_path: str
    point_size: float
    dpi: int
    skew_deg: float = 0.0
    blur: float = 0.0  # Gaussian radius, pixels
    noise: float = 0.0  # grey levels
    jpeg_quality: int | None = None
    # How other designs, printers and scanners differ from the font: strokes thicker (+) or
    # thinner (-) by this many pixels, and the glyphs wider (>1) or narrower (<1).
    weight: float = 0.0
    stretch: float = 1.0
    slant: float = 0.0  # horizontal shear, as an oblique design or a skewed scanner line


_FINE = 4  # thickness is changed on a print drawn this many times finer


def _reweigh(image: Image.Image, weight: float) -> Image.Image:
    steps = round(abs(weight) * _FINE)
    if not steps:
        return image
    fine = image.resize((image.width * _FINE, image.height * _FINE), Image.Resampling.BILINEAR)
    grow = ImageFilter.MinFilter if weight > 0 else ImageFilter.MaxFilter  # ink is black
    fine = fine.filter(grow(2 * steps + 1))
    return fine.resize(image.size, Image.Resampling.BOX)


def render(text: str, style: Print, rng: np.random.Generator | None = None) -> np.ndarray:
    """`text` printed and scanned: a grey uint8 image, white paper, some margin around."""
    rng = rng or np.random.default_rng(0)
    size_px = max(6, round(style.point_size * style.dpi / 72))
    font = ImageFont.truetype(style.font_path, size_px)
    left, top, right, bottom = font.getbbox(text)
    margin = size_px // 2
    image = Image.new("L", (right - left + 2 * margin, bottom - top + 2 * margin), 255)
    ImageDraw.Draw(image).text((margin - left, margin - top), text, font=font, fill=0)
    if style.stretch != 1.0:
        image = image.resize((round(image.width * style.stretch), image.height), Image.Resampling.BICUBIC)
    image = _reweigh(image, style.weight)
    if style.slant:
        # x' = x + slant * (y - height/2): the top leans right for a positive slant.
        extra = round(abs(style.slant) * image.height)
        wide = Image.new("L", (image.width + extra, image.height), 255)
        wide.paste(image, (extra // 2, 0))
        image = wide.transform(wide.size, Image.Transform.AFFINE,
                               (1, style.slant, -style.slant * image.height / 2, 0, 1, 0),
                               resample=Image.Resampling.BICUBIC, fillcolor=255)
    if style.skew_deg:
        image = image.rotate(style.skew_deg, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255)
    if style.blur:
        image = image.filter(ImageFilter.GaussianBlur(style.blur))
    pixels = np.asarray(image, dtype=np.float32) * 0.93  # paper is not white
    if style.noise:
        pixels = pixels + rng.normal(0, style.noise, pixels.shape)
    image = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))
    if style.jpeg_quality:
        buffer = io.BytesIO()
        image.save(buffer, format="JPEG", quality=style.jpeg_quality)
        buffer.seek(0)
        image = Image.open(buffer).convert("L")
    return np.asarray(image, dtype=np.uint8)


def random_number(rng: np.random.Generator, digits: str = THAI_DIGITS) -> str:
    """A number as ITA documents print them: a score, a year, a memo or order number, a count."""
    d = lambda n: "".join(digits[int(i)] for i in rng.integers(0, 10, n))  # noqa: E731
    kind = rng.integers(0, 6)
    if kind == 0:  # a score with two decimals
        whole = int(rng.integers(0, 101))
        return "".join(digits[int(c)] for c in str(whole)) + "." + d(2)
    if kind == 1:  # a Buddhist-era year
        return "".join(digits[int(c)] for c in str(int(rng.integers(2540, 2575))))
    if kind == 2:  # a memo number: office code / running number
        return d(int(rng.integers(3, 5))) + "." + d(int(rng.integers(1, 4))) + "/" + d(int(rng.integers(1, 5)))
    if kind == 3:  # a day of the month or a count
        return "".join(digits[int(c)] for c in str(int(rng.integers(1, 32))))
    if kind == 4:  # a date written with slashes
        return (d(1) if rng.random() < 0.5 else d(2)) + "/" + d(int(rng.integers(1, 3))) + "/" + d(4)
    return d(int(rng.integers(1, 7)))  # any digits
