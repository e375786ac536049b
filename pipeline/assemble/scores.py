"""The scores rows: each score the document prints of itself (overall, tool, indicator, item),
once, with its indicator and tool named."""
from __future__ import annotations

from dataclasses import dataclass, field

from normalizers import grades, indicators, items, numerals, thai_text
from parsers.ita.records import ItaDocument, PrintedScore
from parsers.layout import Method
from pipeline.assemble.context import Assembly, where
from pipeline.assemble.shared import usual_decimals
from pipeline.schema import ScoreRow


def _indicator_ref(printed_no: str | None, label: str | None, doc: Assembly,
                   read_by_ocr: bool = False) -> indicators.IndicatorRef | None:
    ref = indicators.resolve_indicator(f"ตัวชี้วัดที่ {printed_no} {label or ''}")
    if ref.no is None:
        return None
    named = indicators.indicator_by_name(ref.name_printed)
    if read_by_ocr and named is not None and named != ref.no:
        # As printed, a number wins over a name at odds with it (the report's own slip); as OCR
        # read it, one glyph (๖ read as ๒) is likelier wrong than an indicator's whole name.
        doc.warn(f"indicator_no_misread:{ref.no}->{named}")
        return indicators.IndicatorRef(named, indicators.indicator_by_no(named).name, ref.name_printed)  # type: ignore[union-attr]
    if ref.warning:
        doc.warn(ref.warning)
    return ref


def _read_in_table_by_ocr(printed: PrintedScore) -> bool:
    """An item's or indicator's score as OCR read it: one of the many a report's tables print
    alike, where a lost digit shows."""
    return printed.prov.method == Method.OCR and printed.scope in ("item", "indicator")


def _score_value(printed: PrintedScore, places_read: int | None, doc: Assembly) -> float | None:
    """The printed score as a number, or None (with a warning) for one out of range or, in a
    table OCR read, one that lost a digit."""
    value = numerals.parse_score(printed.value)
    if value is None:
        doc.warn(f"score_out_of_range:{numerals.thai_to_arabic(printed.value)}")
        return None
    if _read_in_table_by_ocr(printed) and (numerals.has_lost_digit(printed.value) or (
            places_read is not None and numerals.decimals(printed.value) != places_read)):
        # OCR lost a digit (`00.00` for 100.00, `30` for 99.30): no score rather than another
        doc.warn(f"score_unread:{numerals.thai_to_arabic(printed.value)}")
        return None
    return value


def _name_indicator(row: ScoreRow, printed: PrintedScore, doc: Assembly) -> bool:
    """An indicator's score: its number, name and tool; False when no indicator is named."""
    ref = _indicator_ref(printed.indicator, printed.label, doc, printed.prov.method == Method.OCR)
    if ref is None:
        return False
    row.indicator_no, row.indicator_name = ref.no, ref.name
    row.tool = indicators.tool_of(ref.no) if ref.no is not None else None
    return True


def _name_item(row: ScoreRow, printed: PrintedScore, doc: Assembly) -> bool:
    """An item's score: its code, tool and, where printed, indicator; False without a code."""
    row.item_code = items.item_code(printed.item_code)
    if row.item_code is None:
        return False
    # The code's letter is its tool's (an `e` item is EIT's), whatever part it is of.
    row.tool = printed.tool if printed.tool in ("EIT1", "EIT2") else items.tool_of_item(row.item_code)
    ref = _indicator_ref(printed.indicator, None, doc) if printed.indicator else None
    if ref is not None and ref.no is not None \
            and indicators.tool_of(ref.no) != items.tool_of_item(row.item_code):
        # A group row above that OCR could not read left the one before it in force.
        doc.warn(f"item_indicator_mismatch:{row.item_code}")
        ref = None
    if ref is not None:
        row.indicator_no, row.indicator_name = ref.no, ref.name
    return True


def _name_by_scope(row: ScoreRow, printed: PrintedScore, doc: Assembly) -> bool:
    """What the score is of, by its scope; False for a score that names nothing to keep."""
    if printed.scope == "indicator":
        return _name_indicator(row, printed, doc)
    if printed.scope == "item":
        return _name_item(row, printed, doc)
    if printed.scope == "tool":
        row.tool = printed.tool
    else:
        row.grade = grades.parse_grade(printed.grade)
    return True


@dataclass
class _KeptScores:
    """The score rows kept so far, and what tells a score already kept."""

    rows: list[ScoreRow] = field(default_factory=list)
    seen: set[tuple] = field(default_factory=set)
    # An item's score printed twice with one value (the per-question section and the action
    # table) is one fact; the printing that says which indicator it is of gives that.
    items: dict[tuple[str | None, float], ScoreRow] = field(default_factory=dict)

    def add(self, row: ScoreRow) -> None:
        if row.scope == "item":
            same = self.items.get((row.item_code, row.score))
            if same is not None:
                if same.indicator_no is None:
                    same.indicator_no, same.indicator_name = row.indicator_no, row.indicator_name
                return
            self.items[(row.item_code, row.score)] = row
        key = (row.scope, row.tool, row.indicator_no, row.item_code, row.score)
        if key in self.seen:  # the same score printed twice (a table and a sentence): one fact
            return
        self.seen.add(key)
        self.rows.append(row)


def score_rows(ita: ItaDocument, doc: Assembly) -> list[ScoreRow]:
    kept = _KeptScores()
    places_read = usual_decimals(s.value for s in ita.scores if _read_in_table_by_ocr(s))
    for printed in ita.scores:
        value = _score_value(printed, places_read, doc)
        if value is None:
            continue
        row = ScoreRow(**doc.keys.fields(), assessed_year_be=doc.assessed_year_be, scope=printed.scope,
                       score=value, **where(printed.prov), name_printed=thai_text.clean(printed.label))
        if _name_by_scope(row, printed, doc):
            kept.add(row)
    return kept.rows
