#!/usr/bin/env python3
"""Make the family samples of issue 14: markup, born-digital PDF, 200 dpi scan and gold of each.

    .venv/bin/python scripts/make_family_samples.py            # every family
    .venv/bin/python scripts/make_family_samples.py f4 f2      # only these families

Each module `scripts/families/<family>_*.py` draws its documents (`samples()`); this writes
`samples/families/text/<stem>.txt` (the markup), `gold/<stem>.json`, then lays every document out
in one LibreOffice run (`pdf/<stem>.pdf`, see `make_sample_pdfs.py`) and scans it
(`scan/<stem>.pdf`, `make_sample_scans.py`'s 200 dpi style unless the sample says otherwise).
Deterministic: the same generators give the same bytes.
"""
from __future__ import annotations

import argparse
import importlib
import json
import sys
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import make_sample_pdfs as pdfs  # noqa: E402
import make_sample_scans as scans  # noqa: E402
from families import FamilySample  # noqa: E402

FAMILIES_DIR = ROOT / "samples" / "families"


def family_modules(only: list[str]) -> list[str]:
    names = sorted(p.stem for p in (ROOT / "scripts" / "families").glob("f*_*.py"))
    return [n for n in names if not only or n.split("_")[0] in only]


def samples_of(module: str) -> list[FamilySample]:
    return importlib.import_module(f"families.{module}").samples()


def layout_of(sample: FamilySample) -> pdfs.Layout:
    fields = dict(sample.layout)
    if "digits" in fields:
        fields["digits"] = pdfs.Digits(fields["digits"])
    return replace(pdfs.Layout(), **fields)


def write(samples: list[FamilySample], folder: Path = FAMILIES_DIR) -> None:
    """Markup, gold, PDF and scan of each sample under `folder`."""
    for sub in ("text", "gold", "pdf", "scan"):
        (folder / sub).mkdir(parents=True, exist_ok=True)
    jobs = []
    for sample in samples:
        text = folder / "text" / f"{sample.stem}.txt"
        text.write_text(sample.markup, encoding="utf-8")
        gold = dict(sample.gold, source=sample.stem)
        (folder / "gold" / f"{sample.stem}.json").write_text(
            json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        jobs.append((text, layout_of(sample), folder / "pdf" / f"{sample.stem}.pdf"))
    pdfs.make_pdfs(jobs)
    for sample, (_, _, pdf) in zip(samples, jobs):
        style = replace(scans.DEFAULT_STYLE, dpi=sample.scan_dpi)
        scans.scan_file(pdf, style, folder / "scan" / f"{sample.stem}.pdf")
        print(f"{sample.stem}: pdf and {style.dpi} dpi scan", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("families", nargs="*", help="family prefixes (f2, f4, ...); default: all")
    args = ap.parse_args(argv)
    samples = [s for m in family_modules(args.families) for s in samples_of(m)]
    if not samples:
        print("no family generators found", file=sys.stderr)
        return 1
    write(samples)
    return 0


if __name__ == "__main__":
    sys.exit(main())
