#!/usr/bin/env python3
"""A national crawl's bulk run: memory, time and checkpoint cost as the dataset grows.

    .venv/bin/python benchmarks/national.py                   # 100,000 text documents (~40 min)
    .venv/bin/python benchmarks/national.py --docs 4000 --repeat 3 --json

The sample text reports are copied into `--docs` files of distinct bytes (benchmarks/corpus.py's
`scale_corpus`) and run once by `ita-extract run --log-json`. While it runs, the parent's
resident memory is sampled from /proc every 0.2 s beside the number of documents it has
finished, and every checkpoint's write time is taken from its `checkpoint` event. Reported, each
as the median of `--repeat` runs:

* the parent's peak RSS while the first half of the documents finished, and the second half
  (flat memory: the second no more than the first), with the process's own high-water mark;
* the seconds each half took (linear time: the second half no slower than 1.1× the first);
* the median write time of the first tenth of the checkpoints and of the last tenth, the
  baseline of the same run (a write that rewrote the dataset grew with it; these must not).
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import ROOT, scale_corpus

_SAMPLE_SECONDS = 0.2


def _rss_mb(pid: int) -> tuple[float, float] | None:
    """(resident, high-water mark) of a process in MB, None once it is gone."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
    try:
        return (int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024)
    except (KeyError, ValueError):
        return None


def run_once(corpus: Path, out: Path, docs: int, workers: int, checkpoint_every: int) -> dict:
    command = [sys.executable, "-m", "pipeline.cli", "run", str(corpus), "--out", str(out),
               "--workers", str(workers), "--checkpoint-every", str(checkpoint_every), "--log-json"]
    done_at: list[float] = []  # monotonic time each document finished
    checkpoints: list[tuple[int, float]] = []  # (documents finished, write seconds)
    started = time.monotonic()
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               text=True, env={**os.environ, "OMP_THREAD_LIMIT": "1"})

    def read_log() -> None:
        assert process.stderr is not None
        for line in process.stderr:
            try:
                event = json.loads(line)
            except ValueError:
                continue
            if event.get("event") == "document":
                done_at.append(time.monotonic())
            elif event.get("event") == "checkpoint":
                checkpoints.append((len(done_at), event["seconds"]))

    reader = threading.Thread(target=read_log, daemon=True)
    reader.start()
    half = docs // 2
    peak = [0.0, 0.0]  # parent RSS while the first half finished, the second half
    high_water = 0.0
    while process.poll() is None:
        sample = _rss_mb(process.pid)
        if sample:
            rss, high_water = sample[0], max(high_water, sample[1])
            which = 0 if len(done_at) < half else 1
            peak[which] = max(peak[which], rss)
        time.sleep(_SAMPLE_SECONDS)
    reader.join(timeout=60)
    seconds = time.monotonic() - started
    tenth = max(1, len(checkpoints) // 10)
    write_first = [s for _, s in checkpoints[:tenth]]
    write_last = [s for _, s in checkpoints[-tenth:]]
    first_half = done_at[half - 1] - started if len(done_at) >= half else None
    second_half = done_at[-1] - done_at[half - 1] if len(done_at) >= half else None
    return {
        "exit_code": process.returncode, "documents": len(done_at), "seconds": round(seconds, 1),
        "first_half_s": round(first_half, 1) if first_half else None,
        "second_half_s": round(second_half, 1) if second_half else None,
        "parent_peak_rss_mb_first_half": round(peak[0], 1),
        "parent_peak_rss_mb_second_half": round(peak[1], 1),
        "parent_high_water_mb": round(high_water, 1),
        "checkpoints": len(checkpoints),
        "checkpoint_s_first_tenth": round(statistics.median(write_first), 3) if write_first else None,
        "checkpoint_s_last_tenth": round(statistics.median(write_last), 3) if write_last else None,
        "part_files_per_table": len(list((out / "measures").glob("part-*.parquet"))),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=100_000)
    ap.add_argument("--source", type=Path, default=ROOT / "samples" / "text")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--checkpoint-every", type=int, default=200)
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        scale_corpus(args.source, args.docs, corpus)
        runs = [run_once(corpus, Path(tmp) / f"out_{n}", args.docs, args.workers, args.checkpoint_every)
                for n in range(args.repeat)]
    median = {key: statistics.median(r[key] for r in runs) if all(
        isinstance(r[key], (int, float)) for r in runs) else runs[0][key] for key in runs[0]}
    result = {"docs": args.docs, "workers": args.workers, "checkpoint_every": args.checkpoint_every,
              "repeat": args.repeat, "median": median, "runs": runs}
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    m = median
    print(f"{args.docs} text documents, {args.workers} workers, a checkpoint every "
          f"{args.checkpoint_every} (median of {args.repeat} run(s)); exit {m['exit_code']}")
    print(f"  time: {m['seconds']} s; first half {m['first_half_s']} s, second half "
          f"{m['second_half_s']} s")
    print(f"  parent RSS: peak {m['parent_peak_rss_mb_first_half']} MB in the first half, "
          f"{m['parent_peak_rss_mb_second_half']} MB in the second; high-water {m['parent_high_water_mb']} MB")
    print(f"  checkpoint write: {m['checkpoint_s_first_tenth']} s (first tenth of {m['checkpoints']}), "
          f"{m['checkpoint_s_last_tenth']} s (last tenth); {m['part_files_per_table']} parts per table")
    return 0


if __name__ == "__main__":
    sys.exit(main())
