"""The measures, owners and statuses rows: a measure printed in a plan table, a status table or
both, joined into one, with its period, its owning units and its status."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from normalizers import dates, indicators, items, numerals, statuses, thai_text, units
from normalizers.statuses import MeasureStatus
from parsers.ita.records import ItaDocument, MeasureKind, PrintedMeasure
from pipeline.assemble.context import Assembly, DocKeys, where
from pipeline.schema import MeasureRow, OwnerRow, ScoreRow, StatusRow
from thai.numbering import split_numbering


@dataclass
class _Measure:
    """A measure on its way to rows: normalised values, and the printed rows it came from."""

    printed: PrintedMeasure
    number: str | None
    title: str
    indicator_no: int | None
    indicator_name: str | None
    item_code: str | None
    owners: list[units.Owner] = field(default_factory=list)
    owner_filled_down: bool = False
    partner: PrintedMeasure | None = None  # the same measure's row in the other table


def _normalise_measure(printed: PrintedMeasure, doc: Assembly) -> _Measure:
    number_printed, title = split_numbering(printed.title)
    number = numerals.canonical_number(printed.number or number_printed)
    ref = indicators.resolve_indicator(printed.indicator) if printed.indicator else None
    if ref is not None and ref.warning:
        doc.warn(ref.warning)
    owner_text = printed.owner.text if printed.owner else None
    return _Measure(printed=printed, number=number, title=thai_text.clean(title) or "",
                    indicator_no=ref.no if ref else None, indicator_name=ref.name if ref else None,
                    item_code=items.item_code(printed.item_code),
                    owners=units.parse_owners(owner_text),
                    owner_filled_down=bool(printed.owner and printed.owner.filled_down))


# OCR reads the same title differently in the two tables (`ทับซ้อน` / `ทับข้อน`, stray marks
# between words), so titles are matched by likeness, not equality.
_SAME_TITLE = 0.85


def _join_plan_and_status(measures: list[_Measure]) -> list[_Measure]:
    """A measure printed in a plan table and again in a status table (same printed number, and
    the same title give or take OCR's slips) is one measure: the report row keeps its status,
    the plan row gives what it lacks."""
    kept: list[_Measure] = []
    for m in measures:
        candidates = [o for o in kept if m.number and o.number == m.number and o.partner is None
                      and o.printed.kind != m.printed.kind]
        other = max(candidates, key=lambda o: thai_text.likeness(o.title, m.title), default=None)
        if other is not None and thai_text.likeness(other.title, m.title) >= _SAME_TITLE:
            plan, report = (other, m) if other.printed.kind == MeasureKind.PLAN else (m, other)
            owners, filled = ((plan.owners, plan.owner_filled_down) if plan.owners
                              else (report.owners, report.owner_filled_down))
            other.printed, other.partner = report.printed, plan.printed
            other.owners, other.owner_filled_down = owners, filled
            other.indicator_no = other.indicator_no or m.indicator_no
            other.indicator_name = other.indicator_name or m.indicator_name
            continue
        kept.append(m)
    return kept


def _pick(m: _Measure, attr: str):
    """A value from the measure's own row, else from its partner row in the other table."""
    value = getattr(m.printed, attr)
    if not value and m.partner is not None:
        value = getattr(m.partner, attr)
    return value


def _status(m: _Measure, as_of: dt.date | None, keys: DocKeys, measure_id: str) -> StatusRow:
    printed = m.printed
    base = dict(**keys.fields(), measure_id=measure_id, as_of=as_of, **where(printed.prov))
    if printed.kind == MeasureKind.PLAN:
        return StatusRow(**base, status=MeasureStatus.PLANNED, evidence="row of a plan table")
    if printed.status_ticked:
        status = statuses.status_from_text(printed.status_ticked) or MeasureStatus.REPORTED
        return StatusRow(**base, status=status, status_th=thai_text.clean(printed.status_ticked),
                         evidence="ticked column of the status table")
    if printed.status_printed:
        status = statuses.status_from_text(printed.status_printed) or MeasureStatus.REPORTED
        return StatusRow(**base, status=status, status_th=thai_text.clean(printed.status_printed),
                         evidence="status cell")
    return StatusRow(**base, status=MeasureStatus.REPORTED, evidence="row of a report table with results")


def _item_indicators(scores: list[ScoreRow]) -> dict[str, int]:
    """The indicator of each item, where the document says it (an item row under its indicator)."""
    found: dict[str, set[int]] = {}
    for s in scores:
        if s.scope == "item" and s.item_code and s.indicator_no is not None:
            found.setdefault(s.item_code, set()).add(s.indicator_no)
    return {code: next(iter(nos)) for code, nos in found.items() if len(nos) == 1}


def _name_indicators_by_item(measures: list[_Measure], scores: list[ScoreRow]) -> None:
    """A measure that names its item but not its indicator takes the indicator the document's
    item scores give that item."""
    item_indicators = _item_indicators(scores)
    for m in measures:
        if m.indicator_no is None and m.item_code in item_indicators:
            m.indicator_no = item_indicators[m.item_code]
            m.indicator_name = indicators.indicator_by_no(m.indicator_no).name  # type: ignore[union-attr]


def _measure_row(m: _Measure, ordinal: int, measure_id: str, doc: Assembly) -> MeasureRow:
    period_text = thai_text.clean(_pick(m, "period"))
    period = dates.parse_period(period_text, default_fiscal_year_be=doc.keys.fiscal_year_be)
    if dates.period_in_doubt(period_text):
        doc.warn(f"period_in_doubt:{measure_id}")
    monitoring = thai_text.clean(_pick(m, "monitoring"))
    steps = [thai_text.clean(split_numbering(s)[1]) for s in _pick(m, "steps") or []]
    return MeasureRow(
        **doc.keys.fields(), measure_id=measure_id, ordinal=ordinal, number=m.number,
        kind=m.printed.kind, indicator_no=m.indicator_no, indicator_name=m.indicator_name,
        item_code=m.item_code, title=m.title, guideline=thai_text.clean(_pick(m, "guideline")),
        rationale=thai_text.clean(_pick(m, "rationale")), steps=[s for s in steps if s],
        period_text=period_text, period_start=period.start if period else None,
        period_end=period.end if period else None, monitoring_text=monitoring,
        monitoring_months=dates.monitoring_months(monitoring),
        result_text=thai_text.clean(m.printed.result), **where(m.printed.prov),
        table_no=m.printed.table_no)


def _owner_rows(m: _Measure, measure_id: str, keys: DocKeys) -> list[OwnerRow]:
    return [OwnerRow(**keys.fields(), measure_id=measure_id, owner_raw=owner.owner_raw,
                     unit_key=owner.unit_key, unit_th=owner.unit_th, section_th=owner.section_th,
                     filled_down=m.owner_filled_down, **where(m.printed.prov))
            for owner in m.owners]


def measure_rows(ita: ItaDocument, doc: Assembly,
                 scores: list[ScoreRow]) -> tuple[list[MeasureRow], list[OwnerRow], list[StatusRow]]:
    measures = _join_plan_and_status([_normalise_measure(p, doc) for p in ita.measures])
    _name_indicators_by_item(measures, scores)
    rows, owners, status_rows = [], [], []
    for ordinal, m in enumerate(measures, start=1):
        measure_id = f"{doc.keys.doc_id[:16]}-{ordinal:03d}"
        rows.append(_measure_row(m, ordinal, measure_id, doc))
        owners.extend(_owner_rows(m, measure_id, doc.keys))
        status_rows.append(_status(m, doc.doc_date, doc.keys, measure_id))
    return rows, owners, status_rows
