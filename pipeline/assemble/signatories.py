"""The signatories rows: who signed the document, in the order they sign."""
from __future__ import annotations

from normalizers import thai_text
from parsers.ita.records import ItaDocument
from pipeline.assemble.context import Assembly
from pipeline.schema import SignatoryRow


def signatory_rows(ita: ItaDocument, doc: Assembly) -> list[SignatoryRow]:
    return [SignatoryRow(**doc.keys.fields(), ordinal=i, name=thai_text.clean(s.name) or s.name,
                         position=thai_text.clean(s.position), role=s.role, page=s.prov.page)
            for i, s in enumerate(ita.signatories, start=1)]
