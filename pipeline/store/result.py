"""What one source file yields: a documents row and the rows of every other table."""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field

import pyarrow as pa

from pipeline.store.fingerprints import Fingerprint
from pipeline.store.schema import (
    DocumentRow,
    ErrorRow,
    FindingRow,
    ListedScoreRow,
    MeasureRow,
    OwnerRow,
    ScoreRow,
    SignatoryRow,
    StatusRow,
)


@dataclass(frozen=True)
class WorkerStats:
    """Which process extracted a document, and its memory by then: the manifest's per-worker peaks."""

    pid: int
    peak_rss_mb: float  # the process's peak resident memory so far

    @classmethod
    def here(cls) -> WorkerStats:
        try:
            import resource
        except ImportError:  # Windows
            return cls(os.getpid(), 0.0)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        # Linux counts kilobytes, macOS bytes.
        return cls(os.getpid(), round(peak / (2**20 if sys.platform == "darwin" else 2**10), 1))


@dataclass
class Extraction:
    document: DocumentRow
    scores: list[ScoreRow] = field(default_factory=list)
    measures: list[MeasureRow] = field(default_factory=list)
    owners: list[OwnerRow] = field(default_factory=list)
    statuses: list[StatusRow] = field(default_factory=list)
    findings: list[FindingRow] = field(default_factory=list)
    signatories: list[SignatoryRow] = field(default_factory=list)
    listed_scores: list[ListedScoreRow] = field(default_factory=list)
    errors: list[ErrorRow] = field(default_factory=list)
    # Seconds each stage took (pipeline.process.STAGES), for the manifest and the benchmarks;
    # not an output table.
    stage_seconds: dict[str, float] = field(default_factory=dict)
    worker: WorkerStats | None = None  # the process that extracted it, for the manifest
    # The source's file as its bytes were read (pipeline.store.fingerprints), for the next run.
    fingerprint: Fingerprint | None = None
    # The rows above as Arrow tables, checked, by table name: made once, by the worker
    # (pipeline.store.arrow.arrow_tables), and written as they are.
    arrow: dict[str, pa.Table] = field(default_factory=dict, repr=False, compare=False)

    def tables(self) -> dict[str, list]:
        """Rows per output table name (pipeline.store.schema.TABLES)."""
        return {
            "documents": [self.document],
            "scores": self.scores,
            "measures": self.measures,
            "owners": self.owners,
            "statuses": self.statuses,
            "findings": self.findings,
            "signatories": self.signatories,
            "listed_scores": self.listed_scores,
            "errors": self.errors,
        }
