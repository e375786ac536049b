"""The normalise stage's entry point: one document's rows, table by table, and its warnings."""
from __future__ import annotations

from parsers.ita.records import ItaDocument
from parsers.layout import Document
from pipeline import plausibility
from pipeline.assemble.context import DocKeys, SourceInfo
from pipeline.assemble.documents import document_row
from pipeline.assemble.findings import finding_rows
from pipeline.assemble.listed import listed_score_rows
from pipeline.assemble.measures import measure_rows
from pipeline.assemble.scores import score_rows
from pipeline.assemble.signatories import signatory_rows
from pipeline.result import Extraction
from pipeline.schema import MeasureRow, OwnerRow, ScoreRow, StatusRow


def _name_values(scores: list[ScoreRow], measures: list[MeasureRow], owners: list[OwnerRow],
                 status_rows: list[StatusRow]) -> None:
    """Every value row's value_id: by its order in the document, which the same bytes and
    version always give, so that a correction keyed by it finds it again."""
    for n, score in enumerate(scores, start=1):
        score.value_id = f"{score.doc_id[:16]}-s{n:03d}"
    for row in (*measures, *status_rows):
        row.value_id = row.measure_id
    per_measure: dict[str, int] = {}
    for owner in owners:
        per_measure[owner.measure_id] = per_measure.get(owner.measure_id, 0) + 1
        owner.value_id = f"{owner.measure_id}-o{per_measure[owner.measure_id]}"


def assemble(source: SourceInfo, layout: Document, ita: ItaDocument) -> Extraction:
    document = document_row(source, layout, ita)
    keys = DocKeys(doc_id=source.doc_id, org_name=document.org_name, org_id=document.org_id,
                   province=document.province,
                   fiscal_year_be=document.fiscal_year_be)
    warnings: list[str] = list(document.warnings) + list(layout.warnings) + list(ita.warnings)
    scores = score_rows(ita, keys, document.assessed_year_be, warnings)
    warnings.extend(plausibility.score_arithmetic(scores))
    warnings.extend(plausibility.score_conflicts(scores))
    measures, owners, status_rows = measure_rows(ita, keys, document.doc_date, warnings, scores)
    listed = listed_score_rows(ita, keys, document.assessed_year_be, warnings)
    _name_values(scores, measures, owners, status_rows)
    document.warnings = sorted(set(warnings))
    return Extraction(document=document, scores=scores, measures=measures, owners=owners,
                      statuses=status_rows, findings=finding_rows(ita, keys),
                      signatories=signatory_rows(ita, keys), listed_scores=listed)
