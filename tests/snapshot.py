"""Every row of every table of an output folder, in a canonical form, to compare two runs.

A change that is meant to leave the output alone (a refactoring, a speed-up) is checked against
`tests/data/main_job_rows.json.gz`: the rows of the README's main job on `samples/` as they were
before. A change that is meant to change the output writes it anew, deliberately, and the diff
of that file in the commit shows what changed:

    .venv/bin/ita-extract run samples --out outputs && .venv/bin/python tests/snapshot.py outputs
"""
from __future__ import annotations

import datetime as dt
import gzip
import json
import sys
from pathlib import Path

SNAPSHOT = Path(__file__).parent / "data" / "main_job_rows.json.gz"
TABLES = ("documents", "scores", "measures", "owners", "statuses", "findings", "signatories", "listed_scores",
          "errors")
# Not what was extracted, but which build extracted it.
VOLATILE = frozenset({"extractor_version"})


def _plain(value):
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, float):
        return repr(value)  # every bit of it: the same rows, not nearly the same
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def canonical_rows(out: Path) -> dict[str, list[str]]:
    """Each table's rows as sorted JSON lines (read back with pyarrow, partitions included)."""
    import pyarrow.dataset as ds

    rows: dict[str, list[str]] = {}
    for table in TABLES:
        path = Path(out) / table
        if not path.exists():
            rows[table] = []
            continue
        records = ds.dataset(path, format="parquet", partitioning="hive").to_table().to_pylist()
        rows[table] = sorted(json.dumps({k: _plain(v) for k, v in sorted(r.items()) if k not in VOLATILE},
                                        ensure_ascii=False) for r in records)
    return rows


def load_snapshot(path: Path = SNAPSHOT) -> dict[str, list[str]]:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return json.load(f)


def write_snapshot(out: Path, path: Path = SNAPSHOT) -> None:
    data = json.dumps(canonical_rows(out), ensure_ascii=False, indent=0, sort_keys=True)
    # mtime 0: the same rows give the same bytes, so git sees a change only when rows change.
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as f:
        f.write(data.encode("utf-8"))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(f"usage: {sys.argv[0]} OUTPUT_FOLDER_OF_THE_MAIN_JOB")
    write_snapshot(Path(sys.argv[1]))
    counts = {t: len(r) for t, r in load_snapshot().items()}
    print(f"wrote {SNAPSHOT}: {counts}")
