"""What every table's step shares about one document: where it came from, the columns each row
repeats, and a value row's provenance columns."""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from parsers.layout import Provenance


@dataclass(frozen=True)
class SourceInfo:
    doc_id: str  # sha256 hex of the file's bytes
    source_name: str
    source_path: str
    extractor_version: str


@dataclass(frozen=True)
class DocKeys:
    """The columns every table repeats so that a flat table is useful without joins."""

    doc_id: str
    org_name: str | None
    org_id: str | None
    province: str | None
    fiscal_year_be: int | None

    def fields(self) -> dict:
        return dataclasses.asdict(self)


def where(prov: Provenance) -> dict:
    """A value row's provenance columns: page, how it was read, its box, its OCR confidence."""
    return {"page": prov.page, "method": prov.method,
            "bbox": [round(v, 1) for v in prov.bbox] if prov.bbox else None,
            "confidence": round(prov.confidence, 1) if prov.confidence is not None else None}
