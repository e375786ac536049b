#!/usr/bin/env python3
"""Bulk throughput: the samples replicated into a corpus, run with one worker, then with all.

    .venv/bin/python benchmarks/corpus.py                    # 10 scanned documents, 1 and 2 workers
    .venv/bin/python benchmarks/corpus.py --docs 40 --source samples --workers 1 2 --json

`scale_corpus` copies the files of `--source` round-robin until there are `--docs` of them. Each
copy gets a different tail (a PDF comment after %%EOF, a trailing newline, bytes after an
image's end), so that every copy has its own content hash and is extracted as its own document,
as thousands of different reports would be. Each worker count runs `ita-extract run` afresh
(`--force`, a new --out) in a child process; the figures are wall-clock seconds, pages per
second, the speed-up over one worker, pages per second of each stage (from the run's manifest:
pages over the seconds the workers spent in that stage, and in writing), the peak resident
memory of each worker (the manifest's) and of the biggest process of the run.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CLI = [sys.executable, "-m", "pipeline.cli"]
# Each run goes through a fresh wrapper process, so that the peak memory it reports (the largest
# of the processes it waited for: ita-extract and its workers) is this run's alone.
_WRAPPER = ("import resource, subprocess, sys; done = subprocess.run(sys.argv[1:]); "
            "print('PEAK_KB', resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr); "
            "sys.exit(done.returncode)")
SUFFIXES = {".pdf", ".txt", ".md", ".png", ".jpg", ".jpeg", ".tif", ".tiff"}


def _tail(suffix: str, n: int) -> bytes:
    # What each format ignores after its end: a PDF comment, a text line, bytes after an image.
    if suffix == ".pdf":
        return f"\n%copy {n}\n".encode()
    if suffix in (".txt", ".md"):
        return f"\n<!-- copy {n} -->\n".encode()
    return f"copy {n}".encode()


def scale_corpus(source: Path, docs: int, dest: Path) -> list[Path]:
    """`docs` files in `dest`, copies of the files under `source`, each with distinct bytes."""
    originals = sorted(p for p in source.rglob("*") if p.suffix.lower() in SUFFIXES)
    if not originals:
        raise SystemExit(f"no inputs under {source}")
    dest.mkdir(parents=True, exist_ok=True)
    made = []
    for n in range(docs):
        original = originals[n % len(originals)]
        copy = dest / f"{n:05d}_{original.name}"
        shutil.copyfile(original, copy)
        with copy.open("ab") as handle:
            handle.write(_tail(original.suffix.lower(), n))
        made.append(copy)
    return made


def run_once(corpus: Path, workers: int, out: Path) -> dict:
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-c", _WRAPPER, *CLI, "run", str(corpus), "--out", str(out),
                           "--workers", str(workers), "--force", "--quiet"],
                          cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, "OMP_THREAD_LIMIT": "1"})
    seconds = time.monotonic() - started
    lines = done.stderr.strip().splitlines()
    peak_kb = next((int(line.split()[1]) for line in reversed(lines) if line.startswith("PEAK_KB")), 0)
    manifest = json.loads((out / "manifest.json").read_text()) if (out / "manifest.json").exists() else {}
    pages = _pages(out)
    stages = manifest.get("stage_seconds", {})
    return {"workers": workers, "exit_code": done.returncode, "seconds": round(seconds, 2),
            "documents": manifest.get("documents", {}).get("total"), "pages": pages,
            "pages_per_s": round(pages / seconds, 3) if seconds else None,
            # A stage's pages per second of one worker's time (the stages' seconds are summed
            # over the workers), and the write's in the parent.
            "stage_pages_per_s": {stage: round(pages / t, 2) if t else None
                                  for stage, t in [*stages.items(),
                                                   ("write", manifest.get("write_seconds"))]},
            "peak_rss_mb": round(peak_kb / 1024, 1),
            "worker_peak_rss_mb": manifest.get("worker_peak_rss_mb", []),
            "summary": [line for line in lines if line.startswith("ita-extract")][-1:]}


def _pages(out: Path) -> int:
    import pyarrow.dataset as ds

    table = ds.dataset(out / "documents", partitioning="hive").to_table(columns=["page_count"])
    return sum(v or 0 for v in table.column("page_count").to_pylist())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--source", type=Path, default=ROOT / "samples" / "scan")
    ap.add_argument("--docs", type=int, default=10)
    ap.add_argument("--workers", type=int, nargs="+", default=[1, os.cpu_count() or 1])
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        scale_corpus(args.source, args.docs, corpus)
        results = [run_once(corpus, w, Path(tmp) / f"out_{w}") for w in args.workers]
    base = results[0]["seconds"]
    for r in results:
        r["speedup"] = round(base / r["seconds"], 2) if r["seconds"] else None
    if args.json:
        print(json.dumps(results, indent=2, ensure_ascii=False))
        return 0
    print(f"{args.docs} documents from {args.source.relative_to(ROOT) if args.source.is_relative_to(ROOT) else args.source}")
    for r in results:
        print(f"  {r['workers']} worker(s): {r['seconds']:7.1f} s  {r['pages']} pages  "
              f"{r['pages_per_s']:.2f} pages/s  {r['speedup']:.2f}× one worker  "
              f"exit {r['exit_code']}")
        print(f"    peak RSS of each worker: {', '.join(f'{mb:.0f}' for mb in r['worker_peak_rss_mb'])} MB; "
              f"of the biggest process of the run: {r['peak_rss_mb']:.0f} MB")
        print("    pages/s per stage (one worker's time): " + ", ".join(
            f"{stage} {rate if rate is not None else '-'}" for stage, rate in r["stage_pages_per_s"].items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
