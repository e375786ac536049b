#!/usr/bin/env python3
"""Make scanned copies of the born-digital sample PDFs, as an office scanner would give them.

    .venv/bin/python scripts/make_sample_scans.py      # samples/pdf/*.pdf -> samples/scan/, samples/images/

Each page of `samples/pdf/<stem>.pdf` is rendered to grey at the seed's resolution, then degraded
the way paper and a scanner degrade it: a small rotation (the sheet fed askew), uneven paper
tone, sensor noise, a slight blur, and lossy JPEG. The result has no text layer at all.

- `samples/scan/<stem>.pdf`: every seed as an image-only PDF (one JPEG per page), the stem kept so
  that `ita_eval.py` scores it against the same gold as the text and the born-digital PDF.
- `samples/images/`: the other image formats a user gets from a scanner or a phone:
  a multi-page CCITT G4 TIFF (bilevel, the fax-style format of document scanners) of one seed
  under its stem, and single pages as a bilevel PNG and a grey JPEG (stems with `_p<N>`, so the evaluator does not
  score a one-page image against a whole report).

Deterministic: the random generator is seeded from the file's stem and page number, and Pillow
writes no timestamps, so running it again gives the same bytes.
"""
from __future__ import annotations

import argparse
import hashlib
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
from PIL import Image, ImageFilter

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class ScanStyle:
    """How a scanner degrades a page. A page's skew is drawn between `min_skew_deg` and
    `max_skew_deg`, either way; `bilevel` pages are written black and white, CCITT G4 in the PDF
    (a document scanner's fax mode), the others as grey JPEG of `jpeg_quality`; `speckle` is the
    share of pixels turned to dust (black) or drop-outs (white)."""

    dpi: int
    max_skew_deg: float
    noise_sigma: float  # grey levels
    blur_radius: float  # pixels
    jpeg_quality: int
    min_skew_deg: float = 0.0
    bilevel: bool = False
    speckle: float = 0.0

    def __post_init__(self) -> None:
        if not 50 <= self.dpi <= 1200 or not 1 <= self.jpeg_quality <= 95:
            raise ValueError(f"dpi {self.dpi} or JPEG quality {self.jpeg_quality} out of range")
        if not 0 <= self.min_skew_deg <= self.max_skew_deg <= 10 or not 0 <= self.speckle < 0.2:
            raise ValueError(f"skew {self.min_skew_deg}-{self.max_skew_deg} or speckle {self.speckle}")


# One style per seed, so that the samples cover the range the issue names (200-300 dpi).
STYLES = {
    "000_d7eb5a9932c3bc4c": ScanStyle(dpi=200, max_skew_deg=1.2, noise_sigma=6, blur_radius=0.6, jpeg_quality=45),
    "001_abf31e34acd1eb53": ScanStyle(dpi=300, max_skew_deg=0.8, noise_sigma=8, blur_radius=0.9, jpeg_quality=40),
    "002_93ffecfbf81c93e2": ScanStyle(dpi=250, max_skew_deg=1.5, noise_sigma=6, blur_radius=0.7, jpeg_quality=45),
    "003_134161e6f44ebae1": ScanStyle(dpi=200, max_skew_deg=1.0, noise_sigma=6, blur_radius=0.7, jpeg_quality=45),
    "004_346206aeb6d58d2d": ScanStyle(dpi=300, max_skew_deg=0.6, noise_sigma=6, blur_radius=0.8, jpeg_quality=40),
}
DEFAULT_STYLE = ScanStyle(dpi=200, max_skew_deg=1.0, noise_sigma=6, blur_radius=0.6, jpeg_quality=45)
FIXED_DATE = time.strptime("2025-01-01", "%Y-%m-%d")  # Pillow would stamp the current time
TIFF_SEED = "004_346206aeb6d58d2d"
SINGLE_PAGES = {"png": ("001_abf31e34acd1eb53", 1), "jpg": ("000_d7eb5a9932c3bc4c", 2)}


def rng_for(stem: str, page: int) -> np.random.Generator:
    digest = hashlib.sha256(f"{stem}:{page}".encode()).digest()
    return np.random.default_rng(int.from_bytes(digest[:8], "big"))


def scan_page(page: pdfium.PdfPage, style: ScanStyle, rng: np.random.Generator) -> Image.Image:
    """One page as the scanner sees it: grey, askew, noisy, soft."""
    image = page.render(scale=style.dpi / 72, grayscale=True).to_pil().convert("L")
    if style.min_skew_deg:
        angle = float(rng.uniform(style.min_skew_deg, style.max_skew_deg)) * float(rng.choice([-1, 1]))
    else:  # the samples' draw, kept so that they are made again byte for byte
        angle = float(rng.uniform(-style.max_skew_deg, style.max_skew_deg))
    image = image.rotate(angle, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=255)
    pixels = np.asarray(image, dtype=np.float32)
    height, width = pixels.shape
    # Paper is never white: a tone a little grey, darker towards one edge.
    tone = 232 + 14 * np.linspace(0, 1, width, dtype=np.float32)[None, :] * rng.uniform(0.3, 1.0)
    pixels = pixels * (np.minimum(tone, 250) / 255.0)
    # Sensor noise, softened by the optics as a real scanner's is (and so JPEG can still pack it).
    pixels += rng.normal(0, style.noise_sigma, size=pixels.shape).astype(np.float32)
    noisy = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8), mode="L")
    soft = noisy.filter(ImageFilter.GaussianBlur(style.blur_radius))
    if style.speckle:
        grey = np.asarray(soft).copy()
        hit = rng.random(grey.shape)
        grey[hit < style.speckle / 2] = 0
        grey[(hit >= style.speckle / 2) & (hit < style.speckle)] = 255
        soft = Image.fromarray(grey, mode="L")
    return bilevel(soft) if style.bilevel else soft


def scan_pdf(path: Path, style: ScanStyle | None = None) -> tuple[list[Image.Image], ScanStyle]:
    """Every page of `path` scanned in `style` (by default the seed's own)."""
    style = style or STYLES.get(path.stem, DEFAULT_STYLE)
    pdf = pdfium.PdfDocument(path)
    try:
        pages = [scan_page(pdf[i], style, rng_for(path.stem, i + 1)) for i in range(len(pdf))]
    finally:
        pdf.close()
    return pages, style


def variant(number: int, dpi: int | None = None, bilevel: bool | None = None,
            skew_deg: float | None = None) -> ScanStyle:
    """Scan style number `number`: 150, 200 or 300 dpi, skew up to 2°, noise, blur, JPEG
    quality 40-90 or bilevel, speckle, drawn from a generator seeded by the number (the same
    number, the same style everywhere); a named argument fixes that choice (`skew_deg`: every
    page turned by that much, either way).

    >>> variant(4) == variant(4), variant(4, dpi=150).dpi, variant(5, skew_deg=2.0).min_skew_deg
    (True, 150, 2.0)
    """
    rng = np.random.default_rng(number)
    skew = float(rng.uniform(0.0, 2.0)) if skew_deg is None else skew_deg
    return ScanStyle(
        dpi=int(rng.choice([150, 200, 300])) if dpi is None else dpi,
        max_skew_deg=skew, min_skew_deg=0.0 if skew_deg is None else skew_deg,
        noise_sigma=float(rng.uniform(3, 9)), blur_radius=float(rng.uniform(0.3, 0.9)),
        jpeg_quality=int(rng.integers(40, 91)),
        bilevel=bool(rng.random() < 0.25) if bilevel is None else bilevel,
        speckle=float(rng.choice([0.0, 0.0005, 0.002])))


def scan_file(path: Path, style: ScanStyle, target: Path) -> Path:
    """`path` (a born-digital PDF) scanned in `style` into the image-only PDF `target`."""
    pages, _ = scan_pdf(path, style)
    target.parent.mkdir(parents=True, exist_ok=True)
    write_image_pdf(pages, style, target)
    return target


def write_image_pdf(pages: list[Image.Image], style: ScanStyle, target: Path) -> None:
    first, *rest = pages
    lossy = {} if style.bilevel else {"quality": style.jpeg_quality}  # CCITT G4 has no quality
    first.save(target, format="PDF", save_all=True, append_images=rest, resolution=float(style.dpi),
               creationDate=FIXED_DATE, modDate=FIXED_DATE, **lossy)


def bilevel(image: Image.Image) -> Image.Image:
    """What a scanner set to black-and-white writes: a fixed threshold, no dithering."""
    return image.point(lambda v: 255 if v > 150 else 0).convert("1", dither=Image.Dither.NONE)


def write_tiff(pages: list[Image.Image], style: ScanStyle, target: Path) -> None:
    first, *rest = [bilevel(p) for p in pages]
    first.save(target, format="TIFF", save_all=True, append_images=rest, compression="group4",
               dpi=(style.dpi, style.dpi))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("pdfs", nargs="*", type=Path, help="born-digital PDFs (default: samples/pdf/*.pdf)")
    ap.add_argument("--scan-dir", type=Path, default=ROOT / "samples" / "scan")
    ap.add_argument("--image-dir", type=Path, default=ROOT / "samples" / "images")
    args = ap.parse_args(argv)
    pdfs = args.pdfs or sorted((ROOT / "samples" / "pdf").glob("*.pdf"))
    args.scan_dir.mkdir(parents=True, exist_ok=True)
    args.image_dir.mkdir(parents=True, exist_ok=True)
    for path in pdfs:
        pages, style = scan_pdf(path)
        write_image_pdf(pages, style, args.scan_dir / f"{path.stem}.pdf")
        if path.stem == TIFF_SEED:
            write_tiff(pages, style, args.image_dir / f"{path.stem}.tif")
        for ext, (stem, page_no) in SINGLE_PAGES.items():
            if path.stem == stem:
                page = pages[page_no - 1]
                target = args.image_dir / f"{stem}_p{page_no}.{ext}"
                if ext == "png":
                    bilevel(page).save(target, format="PNG", dpi=(style.dpi,) * 2, optimize=True)
                else:
                    page.save(target, format="JPEG", quality=style.jpeg_quality, dpi=(style.dpi,) * 2)
        print(f"{path.name}: {len(pages)} pages at {style.dpi} dpi", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
