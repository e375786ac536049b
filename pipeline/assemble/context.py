"""What every table's step shares about one document: where it came from, the columns each row
repeats, a value row's provenance columns, and the one list its warnings gather in."""
from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field

from parsers.ita.records import ItaDocument
from parsers.layout import Document, Provenance
from pipeline.schema import DocumentRow


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


@dataclass
class Assembly:
    """One document on its way to rows, as the steps after its documents row share it: the
    columns every row repeats, the years and date some rows take from the document, and its
    warnings.

    The stage's warnings take one route: the list starts with what the reader, the parser and
    the documents row said, each later step adds its own with `warn` in the order the steps run,
    and the documents row gets them all at the end (`warning_codes`)."""

    keys: DocKeys
    assessed_year_be: int | None
    doc_date: dt.date | None
    warnings: list[str] = field(default_factory=list)

    @classmethod
    def after(cls, document: DocumentRow, layout: Document, ita: ItaDocument) -> Assembly:
        """The document as its documents row names it, with the warnings said so far."""
        keys = DocKeys(doc_id=document.doc_id, org_name=document.org_name, org_id=document.org_id,
                       province=document.province, fiscal_year_be=document.fiscal_year_be)
        return cls(keys, document.assessed_year_be, document.doc_date,
                   warnings=[*document.warnings, *layout.warnings, *ita.warnings])

    def warn(self, *codes: str) -> None:
        self.warnings.extend(codes)

    def warning_codes(self) -> list[str]:
        """documents.warnings: each code once, sorted, so that the same bytes give the same row."""
        return sorted(set(self.warnings))
