"""Findings of an analysis report: strengths and weaknesses per indicator.

    ตัวชี้วัดที่ ๑ การปฏิบัติหน้าที่ (๑๐๐ คะแนน)
    | จุดแข็ง | จุดอ่อน |
    | ความซื่อสัตย์ ... | ... |
    | ปัจจัยเชิงบวก : ... | |

The indicator is the nearest `ตัวชี้วัดที่` line above the table.
"""
from __future__ import annotations

from parsers.ita.columns import Role, table_columns
from parsers.ita.records import PrintedFinding
from parsers.layout import Table

_FACTORS = (("ปัจจัยเชิงบวก", "positive_factor"), ("ปัจจัยเชิงลบ", "negative_factor"))


def findings_from_table(table: Table, indicator: str | None) -> list[PrintedFinding]:
    columns = table_columns(table.column_headers())
    if not columns.is_findings_table:
        return []
    findings: list[PrintedFinding] = []
    for _, cells in table.body():
        for col, role in enumerate(columns.roles):
            text = cells[col].text.strip()
            if not text or role not in (Role.STRENGTH, Role.WEAKNESS):
                continue
            kind = "strength" if role is Role.STRENGTH else "weakness"
            for prefix, factor in _FACTORS:
                if text.startswith(prefix):
                    kind = factor
                    text = text[len(prefix):].lstrip(" :：")
            if text and text not in ("ไม่มี", "-"):
                findings.append(PrintedFinding(kind=kind, text=text, prov=cells[col].prov,
                                               indicator=indicator))
    return findings
