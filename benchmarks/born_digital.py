#!/usr/bin/env python3
"""Born-digital throughput, end to end into Parquet, on one core, against pypdfium2's bare text.

    .venv/bin/python benchmarks/born_digital.py                 # samples/pdf, 10 copies each
    .venv/bin/python benchmarks/born_digital.py --copies 40 ../shared/real/nongyai_*.pdf

The same files are read twice in one process (`--runs N`: N times, each pair back to back,
medians reported): by pypdfium2 alone (open, text of every page:
the fastest a Thai text layer can be read at all, the baseline), then by `ita-extract run`'s own
code (serial executor, one core: triage, characters, ruled tables, repair, ITA parser,
normalise, Parquet write). Copies are byte-identical files under different names, so every one
is a document of its own. Peak memory is this process's maximum resident set size.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import pypdfium2 as pdfium

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.run import RunSettings, run  # noqa: E402


def replicate(files: list[Path], copies: int, folder: Path) -> list[Path]:
    out = []
    for n in range(copies):
        for f in files:
            dest = folder / f"{f.stem}__{n:03d}.pdf"
            shutil.copyfile(f, dest)
            out.append(dest)
    return out


def bare_pdfium(files: list[Path]) -> int:
    pages = 0
    for f in files:
        pdf = pdfium.PdfDocument(str(f))
        for page in pdf:
            page.get_textpage().get_text_range()
            pages += 1
        pdf.close()
    return pages


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pdfs", nargs="*", type=Path, help="default: samples/pdf/*.pdf")
    parser.add_argument("--copies", type=int, default=10)
    parser.add_argument("--runs", type=int, default=1,
                        help="measure this many times, each pair back to back, and report the medians")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args(argv)
    files = args.pdfs or sorted((ROOT / "samples" / "pdf").glob("*.pdf"))
    ratios, bases, ourses = [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        inputs = replicate(files, args.copies, folder)
        for n in range(args.runs):
            t0 = time.perf_counter()
            pages = bare_pdfium(inputs)
            base_s = time.perf_counter() - t0
            mem_base = peak_mb()
            settings = RunSettings(inputs=[str(p) for p in inputs], out=Path(tmp) / f"out{n}", workers=1,
                                   executor="serial", quiet=True)
            t0 = time.perf_counter()
            summary = run(settings)
            ours_s = time.perf_counter() - t0
            mem_ours = peak_mb()
            bases.append(base_s)
            ourses.append(ours_s)
            ratios.append(ours_s / base_s)
            if args.runs > 1:
                print(f"  run {n + 1}: {ours_s / base_s:.1f}× (load {os.getloadavg()[0]:.2f})")
    base_s, ours_s = statistics.median(bases), statistics.median(ourses)
    figures = {
        "documents": len(inputs), "pages": pages,
        "baseline_pypdfium2_text": {"seconds": round(base_s, 3), "pages_per_s": round(pages / base_s, 1),
                                    "s_per_page": round(base_s / pages, 5)},
        "ita_extract_to_parquet": {"seconds": round(ours_s, 3), "pages_per_s": round(pages / ours_s, 1),
                                   "s_per_page": round(ours_s / pages, 5),
                                   "failed": summary.failures, "exit_code": summary.exit_code},
        "slowdown_vs_baseline": round(statistics.median(ratios), 1),
        "slowdown_each_run": [round(r, 2) for r in ratios],
        "load_average_1min": round(os.getloadavg()[0], 2),
        "peak_rss_mb": {"after_baseline": round(mem_base, 1), "after_pipeline": round(mem_ours, 1)},
    }
    print(f"{len(inputs)} PDFs, {pages} pages, one core"
          + (f", median of {args.runs} runs" if args.runs > 1 else ""))
    print(f"  pypdfium2 bare text   {pages / base_s:8.1f} pages/s  {1000 * base_s / pages:7.2f} ms/page")
    print(f"  ita-extract → Parquet {pages / ours_s:8.1f} pages/s  {1000 * ours_s / pages:7.2f} ms/page"
          f"  ({figures['slowdown_vs_baseline']}× the baseline's time)")
    print(f"  peak RSS {mem_ours:.0f} MB")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2), encoding="utf-8")
    return 0 if summary.failures == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
