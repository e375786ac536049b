"""The normalise stage: ITA records as printed → canonical output rows.

This is the one place where parser output meets the normalisers: Thai digits become numbers,
Buddhist-era phrases become years, periods become dates, owner cells become unit keys. It also
joins a measure printed twice (once in a plan table, once in a status table) into one measure.

One module per output table (or tables made together): `documents`, `scores`, `measures`
(with owners and statuses), `listed` (listed_scores), `findings`, `signatories`; `stage` runs
them for one document (`assemble`), `context` holds what they share, `plausibility` checks
that the scores read add up (warnings, never corrections).
"""
from pipeline.assemble.context import SourceInfo
from pipeline.assemble.stage import assemble

__all__ = ["SourceInfo", "assemble"]
