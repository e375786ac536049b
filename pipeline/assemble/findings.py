"""The findings rows: what the analysis tables say of each indicator, strengths and weaknesses."""
from __future__ import annotations

from normalizers import indicators, thai_text
from parsers.ita.records import ItaDocument
from pipeline.assemble.context import Assembly
from pipeline.schema import FindingRow


def finding_rows(ita: ItaDocument, doc: Assembly) -> list[FindingRow]:
    rows = []
    for f in ita.findings:
        ref = indicators.resolve_indicator(f.indicator) if f.indicator else None
        rows.append(FindingRow(**doc.keys.fields(), indicator_no=ref.no if ref else None, kind=f.kind,
                               text=thai_text.clean(f.text) or "", page=f.prov.page))
    return rows
