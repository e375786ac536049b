"""`ita-extract review OUT --csv FILE`: what a person should check (the review table of
pipeline.commands.outputs), as one CSV file for a spreadsheet."""
from __future__ import annotations

from pathlib import Path

from pipeline.commands.csv_files import write_csv_file
from pipeline.commands.outputs import tables


def write_review(out: Path, path: Path) -> int:
    """`ita-extract review`: the review table as one CSV file; its row count."""
    table = tables(out)["review"]
    write_csv_file(table, path)
    return table.num_rows
