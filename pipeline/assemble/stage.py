"""The normalise stage's entry point: one document's rows, table by table, and its warnings.

The documents row comes first, for it names the keys every other row repeats; then each table's
step runs on the document's `Assembly`, which gathers the warnings of all of them."""
from __future__ import annotations

from parsers.ita.records import ItaDocument
from parsers.layout import Document
from pipeline.assemble import plausibility
from pipeline.assemble.context import Assembly, SourceInfo
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
    by_measure: list[MeasureRow | StatusRow] = [*measures, *status_rows]
    for row in by_measure:
        row.value_id = row.measure_id
    per_measure: dict[str, int] = {}
    for owner in owners:
        per_measure[owner.measure_id] = per_measure.get(owner.measure_id, 0) + 1
        owner.value_id = f"{owner.measure_id}-o{per_measure[owner.measure_id]}"


def assemble(source: SourceInfo, layout: Document, ita: ItaDocument) -> Extraction:
    document = document_row(source, layout, ita)
    doc = Assembly.after(document, layout, ita)
    scores = score_rows(ita, doc)
    doc.warn(*plausibility.score_arithmetic(scores))
    doc.warn(*plausibility.score_conflicts(scores))
    measures, owners, status_rows = measure_rows(ita, doc, scores)
    listed = listed_score_rows(ita, doc)
    _name_values(scores, measures, owners, status_rows)
    document.warnings = doc.warning_codes()
    return Extraction(document=document, scores=scores, measures=measures, owners=owners,
                      statuses=status_rows, findings=finding_rows(ita, doc),
                      signatories=signatory_rows(ita, doc), listed_scores=listed)
