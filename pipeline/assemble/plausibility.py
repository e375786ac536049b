"""Checks that the scores a report prints add up, as warnings (never corrections).

A misread digit (OCR's ๙ for ๔) makes an indicator score that no longer agrees with the tool
and overall scores printed beside it; the warning `score_arithmetic_mismatch:<what>` marks the
document for a look. A check runs only when every score it needs was read. One score printed
twice with two values (`score_conflict:<what>`) keeps both rows.
"""
from __future__ import annotations

from normalizers.indicators import INDICATORS, TOOL_WEIGHTS
from pipeline.schema import ScoreRow

# Printed scores have two decimals; means of rounded scores may differ from the printed
# (rounded) tool score by a few hundredths.
TOLERANCE = 0.05


def _tool_means(indicators: dict[int, float]) -> dict[str, float]:
    means = {}
    for tool in TOOL_WEIGHTS:
        nos = [i.no for i in INDICATORS if i.tool == tool]
        if all(no in indicators for no in nos):
            means[tool] = sum(indicators[no] for no in nos) / len(nos)
    return means


def score_arithmetic(rows: list[ScoreRow]) -> list[str]:
    """Warnings for tool scores that are not the mean of their indicators, and an overall score
    that is not the weighted sum of the tools.

    >>> row = lambda scope, score, **k: ScoreRow(doc_id="d", scope=scope, score=score, page=1, **k)
    >>> ind = [row("indicator", s, indicator_no=i + 1) for i, s in enumerate(
    ...     [93.46, 86.34, 91.77, 88.49, 87.71, 85.02, 82.54, 76.12, 97.78, 100.0])]
    >>> score_arithmetic(ind + [row("overall", 90.79), row("tool", 98.89, tool="OIT")])
    []
    >>> score_arithmetic(ind + [row("overall", 90.97), row("tool", 89.98, tool="OIT")])
    ['score_arithmetic_mismatch:OIT', 'score_arithmetic_mismatch:overall']
    """
    indicators = {r.indicator_no: r.score for r in rows
                  if r.scope == "indicator" and r.indicator_no is not None and r.score is not None}
    means = _tool_means(indicators)
    warnings = []
    for r in rows:
        if r.scope == "tool" and r.tool in means and abs(r.score - means[r.tool]) > TOLERANCE:
            warnings.append(f"score_arithmetic_mismatch:{r.tool}")
    if len(means) == len(TOOL_WEIGHTS):
        expected = sum(TOOL_WEIGHTS[tool] * mean for tool, mean in means.items())
        if any(r.scope == "overall" and abs(r.score - expected) > TOLERANCE for r in rows):
            warnings.append("score_arithmetic_mismatch:overall")
    return sorted(set(warnings))


def score_conflicts(rows: list[ScoreRow]) -> list[str]:
    """Warnings for one score printed (or read) twice with two values: both rows are kept, with
    their pages, for a person to decide (a scan's misread digit, or a report at odds with itself).

    >>> row = lambda score, page, **k: ScoreRow(doc_id="d", scope="indicator", score=score, page=page, **k)
    >>> score_conflicts([row(99.33, 4, indicator_no=7), row(99.23, 6, indicator_no=7), row(100.0, 4, indicator_no=1)])
    ['score_conflict:indicator_7']
    >>> score_conflicts([row(99.33, 4, indicator_no=7), row(99.33, 6, indicator_no=7)])
    []
    """
    values: dict[str, set[float]] = {}
    for r in rows:
        what = r.item_code or (f"indicator_{r.indicator_no}" if r.indicator_no is not None else None) \
            or r.tool or r.scope
        values.setdefault(what, set()).add(r.score)
    return sorted(f"score_conflict:{what}" for what, found in values.items() if len(found) > 1)
