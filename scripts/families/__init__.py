"""Generators of the document families of issue 14 (see `scripts/make_family_samples.py`).

One module a family, each with `samples() -> list[FamilySample]`: documents drawn reproducibly
from numbers (organisations, scores, rows, digits, page layout), each with the markup it is typed
from and the gold file the shared evaluator scores it against. The values in the gold are the
generator's own choices, never the tool's output.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class FamilySample:
    """One generated document: `markup` in the seeds' format (text lines, markdown pipe tables),
    laid out by `scripts/make_sample_pdfs.py` with `layout` (a dict of its `Layout` fields, e.g.
    {"digits": "thai", "landscape": True}), scanned at `scan_dpi`; `gold` in the evaluator's
    format (`source`, `document`, `scores`, `measures`); `truth` holds what a family's own tests
    check beyond the evaluator (e.g. every listed body's scores)."""

    stem: str
    markup: str
    gold: dict[str, Any]
    layout: dict[str, Any] = field(default_factory=dict)
    scan_dpi: int = 200
    truth: dict[str, Any] = field(default_factory=dict)
