"""What one source file yields: a documents row and the rows of every other table."""
from __future__ import annotations

from dataclasses import dataclass, field

from pipeline.schema import (DocumentRow, ErrorRow, FindingRow, MeasureRow, OwnerRow, ScoreRow,
                             SignatoryRow, StatusRow)


@dataclass
class Extraction:
    document: DocumentRow
    scores: list[ScoreRow] = field(default_factory=list)
    measures: list[MeasureRow] = field(default_factory=list)
    owners: list[OwnerRow] = field(default_factory=list)
    statuses: list[StatusRow] = field(default_factory=list)
    findings: list[FindingRow] = field(default_factory=list)
    signatories: list[SignatoryRow] = field(default_factory=list)
    errors: list[ErrorRow] = field(default_factory=list)

    def tables(self) -> dict[str, list]:
        """Rows per output table name (pipeline.schema.TABLES)."""
        return {
            "documents": [self.document],
            "scores": self.scores,
            "measures": self.measures,
            "owners": self.owners,
            "statuses": self.statuses,
            "findings": self.findings,
            "signatories": self.signatories,
            "errors": self.errors,
        }
