"""The scores rows: each score the document prints of itself (overall, tool, indicator, item),
once, with its indicator and tool named."""
from __future__ import annotations

from normalizers import grades, indicators, items, numerals, thai_text
from parsers.ita.records import ItaDocument, PrintedScore
from parsers.layout import Method
from pipeline.assemble.context import DocKeys, where
from pipeline.assemble.shared import usual_decimals
from pipeline.schema import ScoreRow


def _indicator_ref(printed_no: str | None, label: str | None, warnings: list[str],
                   read_by_ocr: bool = False) -> indicators.IndicatorRef | None:
    ref = indicators.resolve_indicator(f"ตัวชี้วัดที่ {printed_no} {label or ''}")
    if ref.no is None:
        return None
    named = indicators.indicator_by_name(ref.name_printed)
    if read_by_ocr and named is not None and named != ref.no:
        # As printed, a number wins over a name at odds with it (the report's own slip); as OCR
        # read it, one glyph (๖ read as ๒) is likelier wrong than an indicator's whole name.
        warnings.append(f"indicator_no_misread:{ref.no}->{named}")
        return indicators.IndicatorRef(named, indicators.indicator_by_no(named).name, ref.name_printed)  # type: ignore[union-attr]
    if ref.warning:
        warnings.append(ref.warning)
    return ref


def _read_in_table_by_ocr(printed: PrintedScore) -> bool:
    """An item's or indicator's score as OCR read it: one of the many a report's tables print
    alike, where a lost digit shows."""
    return printed.prov.method == Method.OCR and printed.scope in ("item", "indicator")


def score_rows(ita: ItaDocument, keys: DocKeys, assessed_year_be: int | None,
               warnings: list[str]) -> list[ScoreRow]:
    rows: list[ScoreRow] = []
    seen: set[tuple] = set()
    # An item's score printed twice with one value (the per-question section and the action
    # table) is one fact; the printing that says which indicator it is of gives that.
    item_rows: dict[tuple[str, float], ScoreRow] = {}
    places_read = usual_decimals(s.value for s in ita.scores if _read_in_table_by_ocr(s))
    for printed in ita.scores:
        value = numerals.parse_score(printed.value)
        if value is None:
            warnings.append(f"score_out_of_range:{numerals.thai_to_arabic(printed.value)}")
            continue
        if _read_in_table_by_ocr(printed) and (numerals.has_lost_digit(printed.value) or (
                places_read is not None and numerals.decimals(printed.value) != places_read)):
            # OCR lost a digit (`00.00` for 100.00, `30` for 99.30): no score rather than another
            warnings.append(f"score_unread:{numerals.thai_to_arabic(printed.value)}")
            continue
        row = ScoreRow(**keys.fields(), assessed_year_be=assessed_year_be, scope=printed.scope,
                       score=value, **where(printed.prov), name_printed=thai_text.clean(printed.label))
        if printed.scope == "indicator":
            ref = _indicator_ref(printed.indicator, printed.label, warnings, printed.prov.method == Method.OCR)
            if ref is None:
                continue
            row.indicator_no, row.indicator_name = ref.no, ref.name
            row.tool = indicators.tool_of(ref.no) if ref.no is not None else None
        elif printed.scope == "item":
            row.item_code = items.item_code(printed.item_code)
            if row.item_code is None:
                continue
            # The code's letter is its tool's (an `e` item is EIT's), whatever part it is of.
            row.tool = printed.tool if printed.tool in ("EIT1", "EIT2") else items.tool_of_item(row.item_code)
            ref = _indicator_ref(printed.indicator, None, warnings) if printed.indicator else None
            if ref is not None and ref.no is not None \
                    and indicators.tool_of(ref.no) != items.tool_of_item(row.item_code):
                # A group row above that OCR could not read left the one before it in force.
                warnings.append(f"item_indicator_mismatch:{row.item_code}")
                ref = None
            if ref is not None:
                row.indicator_no, row.indicator_name = ref.no, ref.name
            same = item_rows.get((row.item_code, value))
            if same is not None:
                if same.indicator_no is None:
                    same.indicator_no, same.indicator_name = row.indicator_no, row.indicator_name
                continue
            item_rows[(row.item_code, value)] = row
        elif printed.scope == "tool":
            row.tool = printed.tool
        else:
            row.grade = grades.parse_grade(printed.grade)
        key = (row.scope, row.tool, row.indicator_no, row.item_code, row.score)
        if key in seen:  # the same score printed twice (a table and a sentence): one fact
            continue
        seen.add(key)
        rows.append(row)
    return rows
