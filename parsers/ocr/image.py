"""Page images for the scan path: from image files (PNG, JPEG, multi-page TIFF) and from PDF pages,
as 8-bit grey at the working resolution.

A scanner records its resolution in the file; a phone photo or a stripped PNG often does not,
and then the page is taken to be A4 wide (the paper of Thai official documents), which gives
the resolution from the image's width.
"""
from __future__ import annotations

import io
import math
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PIL import Image, ImageSequence, UnidentifiedImageError

from parsers.layout import Unread
from parsers.ocr.settings import OcrLimits

A4_WIDTH_INCH = 210 / 25.4
# Pillow refuses larger images as possible decompression bombs (~89 Mpx); an A3 page at 600 dpi
# is 70 Mpx, so this default is kept.


class ImageTooLarge(ValueError):
    """An image file of more frames (pages) than `OcrLimits.max_pages`."""


# The fewest pixels a page image may have each way: fewer hold no line of print (8 pt print is
# 22 pixels high at 200 dpi), and the page steps that work on a reduced copy (an eighth of it)
# would be left with no pixels at all.
MIN_PAGE_SIDE = 64


@dataclass
class FrameLeftUnread:
    """A frame (page) of an image file that is not read, in place of its `PageImage`; the other
    frames of a multi-page TIFF are still read."""

    number: int  # 1-based
    why: Unread  # DAMAGED (cannot be decoded) or TOO_SMALL (a sliver, fewer than MIN_PAGE_SIDE)


@dataclass
class PageImage:
    number: int  # 1-based
    pixels: np.ndarray  # uint8 grey, white paper, at `dpi`
    dpi: int
    # The resolution the page was scanned at, where known: the image file's, or that of the
    # largest image a PDF page draws.
    source_dpi: float | None = None
    warnings: tuple[str, ...] = ()  # e.g. page_scaled_down:3, for the page read from it

    @property
    def size_points(self) -> tuple[float, float]:
        height, width = self.pixels.shape
        return width * 72 / self.dpi, height * 72 / self.dpi


def to_dpi(pixels: np.ndarray, source_dpi: float, dpi: int) -> np.ndarray:
    """`pixels` at `dpi`; an image at least one pixel each way, however thin.

    >>> to_dpi(np.full((10, 60000), 255, np.uint8), 60000 / A4_WIDTH_INCH, 200).shape
    (1, 1654)
    """
    if abs(source_dpi - dpi) < 1:
        return pixels
    scale = dpi / source_dpi
    interpolation = cv2.INTER_AREA if scale < 1 else cv2.INTER_CUBIC
    height, width = pixels.shape[:2]
    if round(height * scale) < 1 or round(width * scale) < 1:
        # A sliver (a 60000 × 10 strip taken to be A4 wide) would shrink to no pixels, which
        # OpenCV refuses with an assertion.
        size = (max(1, round(width * scale)), max(1, round(height * scale)))
        return cv2.resize(pixels, size, interpolation=interpolation)
    return cv2.resize(pixels, None, fx=scale, fy=scale, interpolation=interpolation)


def recorded_dpi(frame: Image.Image) -> float | None:
    dpi = frame.info.get("dpi")
    if not dpi:
        return None
    value = float(dpi[0])
    # Some writers store 1 or 72 to mean "unknown".
    return value if 100 <= value <= 1200 else None


def grey(frame: Image.Image) -> np.ndarray:
    if frame.mode in ("1", "P", "RGBA", "LA", "I;16", "I", "F", "CMYK", "RGB"):
        frame = frame.convert("L")
    return np.asarray(frame, dtype=np.uint8)


def capped_dpi(width_inch: float, height_inch: float, dpi: int, max_pixels: int) -> int:
    """The resolution to take a page of this size at: `dpi`, or as much less as keeps its image
    within `max_pixels`.

    >>> capped_dpi(8.27, 11.69, 200, 64_000_000)  # A4
    200
    >>> capped_dpi(200, 200, 200, 64_000_000)  # the largest page a PDF may have: 8000 × 8000
    40
    """
    pixels = width_inch * dpi * height_inch * dpi
    if pixels <= max_pixels:
        return dpi
    return max(1, math.floor(dpi * math.sqrt(max_pixels / pixels)))


def image_pages(path: str | Path, dpi: int, max_pages: int = OcrLimits.max_pages,
                max_pixels: int = OcrLimits.max_page_pixels,
                data: bytes | None = None) -> Iterator[PageImage | FrameLeftUnread]:
    """Each frame of an image file (a TIFF may hold a whole report) at `dpi`, or less for a frame
    that would be more than `max_pixels` at it; a frame that cannot be decoded or is too thin to
    read as a `FrameLeftUnread`. An image whose only frame cannot be decoded raises, as one that
    cannot be opened. From the file's bytes `data` where they were read already."""
    with _open_image(path, data) as image:
        frames = getattr(image, "n_frames", 1)
        if frames > max_pages:
            raise ImageTooLarge(f"the image has {frames:,} frames (pages), more than the "
                                f"{max_pages:,} this reader takes (OcrLimits.max_pages)")
        for number, frame in enumerate(ImageSequence.Iterator(image), start=1):
            try:
                pixels = grey(frame)
            except OSError:  # Pillow's word for bad data: "decoder error", "truncated"
                if frames == 1:
                    raise
                yield FrameLeftUnread(number, Unread.DAMAGED)
                continue
            source_dpi = recorded_dpi(frame) or pixels.shape[1] / A4_WIDTH_INCH
            height, width = pixels.shape
            at = capped_dpi(width / source_dpi, height / source_dpi, dpi, max_pixels)
            page = to_dpi(pixels, source_dpi, at)
            if min(page.shape) < MIN_PAGE_SIDE:
                yield FrameLeftUnread(number, Unread.TOO_SMALL)
                continue
            yield PageImage(number, page, at, source_dpi)


def _open_image(path: str | Path, data: bytes | None) -> Image.Image:
    if data is None:
        return Image.open(path)
    try:
        return Image.open(io.BytesIO(data))
    except UnidentifiedImageError:  # named by its file, as Pillow names one it opens itself
        raise UnidentifiedImageError(f"cannot identify image file {str(path)!r}") from None


def render_pdf_page(page: pdfium.PdfPage, number: int, dpi: int,
                    max_pixels: int = OcrLimits.max_page_pixels) -> PageImage:
    """The page as a grey image at `dpi`; a page too big for that (a poster, or the 200-inch page
    a hostile PDF may declare: 1.6 gigapixels at 200 dpi) at less, with the warning
    `page_scaled_down:<number>` for the document's warnings."""
    width, height = page.get_size()
    wanted = dpi
    dpi = capped_dpi(width / 72, height / 72, dpi, max_pixels)
    notes = (f"page_scaled_down:{number}",) if dpi < wanted else ()
    bitmap = page.render(scale=dpi / 72, grayscale=True)
    pixels = np.array(bitmap.to_numpy(), dtype=np.uint8, copy=True)
    if pixels.ndim == 3:
        pixels = cv2.cvtColor(pixels, cv2.COLOR_BGR2GRAY if pixels.shape[2] == 3 else cv2.COLOR_BGRA2GRAY)
    return PageImage(number, pixels, dpi, scanned_dpi(page), notes)


def scanned_dpi(page: pdfium.PdfPage) -> float | None:
    """The resolution of the largest image `page` draws (its pixels over its drawn width), or
    None for a page that draws none."""
    best: tuple[int, float] | None = None
    for image in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2):
        try:
            width_px, height_px = image.get_px_size()
            left, _bottom, right, _top = image.get_bounds()
        except pdfium.PdfiumError:
            continue
        if right - left > 1 and (best is None or width_px * height_px > best[0]):
            best = (width_px * height_px, width_px / ((right - left) / 72))
    return best[1] if best else None
