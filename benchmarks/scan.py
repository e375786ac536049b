#!/usr/bin/env python3
"""Seconds per scanned page, one core, 300 dpi, against plain `tesseract` on the same page.

    .venv/bin/python benchmarks/scan.py                # 8 pages of samples/scan
    .venv/bin/python benchmarks/scan.py --pages 26 --json

Each page of the scanned samples is rendered to a 300 dpi grey PNG (what a scanner hands over),
then read, in this order, by:
  tesseract     the `tesseract` command, `-l tha+eng --psm 3`, text out (the baseline)
  pytesseract   pytesseract.image_to_data on the page our path prepares (a process per call)
  tesserocr     our engine alone (the Tesseract `OcrEngine`'s read_words) on that same prepared page
  ocr_path      our whole scan path (parsers.ocr.read_image: scale to 200 dpi, straighten,
                tables, Tesseract in process, Thai-digit reader, clean-up, layout)
  pipeline      process_file end to end (triage, scan path, ITA parser, normalise)
OMP_THREAD_LIMIT=1 everywhere: one core. Peak memory is this process's maximum resident set.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ["OMP_THREAD_LIMIT"] = "1"

import pypdfium2 as pdfium

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from parsers.ocr import read_image  # noqa: E402
from parsers.ocr.engine import engine_for  # noqa: E402
from parsers.ocr.image import image_pages  # noqa: E402
from parsers.ocr.preprocess import deskew, ink  # noqa: E402
from parsers.ocr.rules import erase_rules, page_tables  # noqa: E402
from parsers.ocr.settings import DEFAULT  # noqa: E402
from pipeline.process import process_file  # noqa: E402


def page_images(count: int, folder: Path) -> list[Path]:
    out = []
    for pdf_path in sorted((ROOT / "samples" / "scan").glob("*.pdf")):
        pdf = pdfium.PdfDocument(pdf_path)
        for i in range(len(pdf)):
            if len(out) >= count:
                return out
            target = folder / f"{pdf_path.stem}_p{i + 1}.png"
            pdf[i].render(scale=300 / 72, grayscale=True).to_pil().convert("L").save(target, dpi=(300, 300))
            out.append(target)
    return out


def timed(fn, items) -> float:
    start = time.perf_counter()
    for item in items:
        fn(item)
    return (time.perf_counter() - start) / len(items)


def prepared(path: Path):
    image = next(image_pages(path, DEFAULT.dpi))
    straight, _ = deskew(image.pixels, DEFAULT.max_skew_deg, DEFAULT.skew_step_deg)
    _, masks = page_tables(ink(straight), image.dpi, DEFAULT)
    return erase_rules(straight, masks)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=8)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    if shutil.which("tesseract") is None:
        sys.exit("the tesseract command is needed for the baseline (apt-get install tesseract-ocr)")
    with tempfile.TemporaryDirectory() as tmp:
        pages = page_images(args.pages, Path(tmp))
        ready = [prepared(p) for p in pages]
        import pytesseract
        from PIL import Image

        engine = engine_for(DEFAULT)  # the models loaded once, as a worker does
        engine.read_words(ready[0], DEFAULT.dpi)
        results = {
            "tesseract": timed(lambda p: subprocess.run(
                ["tesseract", str(p), "-", "-l", "tha+eng", "--psm", "3"], capture_output=True,
                check=True), pages),
            "pytesseract": timed(lambda a: pytesseract.image_to_data(
                Image.fromarray(a), lang="tha+eng", config="--psm 3"), ready),
            "tesserocr": timed(lambda a: engine.read_words(a, DEFAULT.dpi), ready),
            "ocr_path": timed(read_image, pages),
            "pipeline": timed(lambda p: process_file(str(p)), pages),
        }
    base = results["tesseract"]
    report = {"pages": len(pages), "dpi": 300, "seconds_per_page": {k: round(v, 3) for k, v in results.items()},
              "vs_tesseract": {k: round(v / base, 2) for k, v in results.items()},
              "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print(f"{len(pages)} scanned pages at 300 dpi, one core")
        for name, seconds in results.items():
            print(f"  {name:12s} {seconds:6.2f} s/page  {seconds / base:5.2f}× tesseract")
        print(f"  peak RSS {report['peak_rss_mb']} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
