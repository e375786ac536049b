"""Tables as CSV files a spreadsheet opens: UTF-8 with a byte-order mark (so that Excel reads
the Thai), lists as JSON arrays (the Table Schema `array` type)."""
from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa

from pipeline.store.dictionary import write_datapackage


def write_csv(data: dict[str, pa.Table], folder: Path) -> list[Path]:
    """One UTF-8 file per table with a byte-order mark (so that Excel reads the Thai), lists as
    JSON arrays (the Table Schema `array` type), and the datapackage.json describing them."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, table in data.items():
        written.append(write_csv_file(table, folder / f"{name}.csv"))
    written.append(write_datapackage(folder, {name: [f"{name}.csv"] for name in data}, fmt="csv"))
    return written


def write_csv_file(table: pa.Table, path: Path) -> Path:
    frame = table.to_pandas()
    for f in table.schema:
        if pa.types.is_list(f.type):
            frame[f.name] = [None if v is None else json.dumps(v, ensure_ascii=False)
                             for v in table[f.name].to_pylist()]
    path.parent.mkdir(parents=True, exist_ok=True)
    frame.to_csv(path, index=False, encoding="utf-8-sig", lineterminator="\r\n")
    return path
