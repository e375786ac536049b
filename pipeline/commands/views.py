"""The DuckDB views a provincial office asks for, over an output folder's tables: an export's
DuckDB file holds them, and the province report queries them, so that a comparison is a query,
not a dedupe script."""
from __future__ import annotations

# One current copy per report: the same report as text, PDF, scan and image is four documents;
# the views count it once, from the copy read best (a text layer or text before OCR, then the
# fewest warnings), so that counts need no dedupe rules of the user's own.
_CURRENT = """
CREATE VIEW current_documents AS
SELECT * EXCLUDE (copy_rank) FROM (
  SELECT *, row_number() OVER (
      PARTITION BY report_key
      ORDER BY status = 'failed', CASE source_kind WHEN 'text' THEN 0 WHEN 'pdf_text' THEN 0
               WHEN 'pdf_mixed' THEN 1 ELSE 2 END, len(coalesce(warnings, [])), doc_id) AS copy_rank
  FROM documents WHERE status <> 'failed' AND report_key IS NOT NULL)
WHERE copy_rank = 1
"""
VIEWS = {
    "current_documents": _CURRENT,
    # Every score of a body and round: from the current copy of its own reports, and from
    # the results announcements that list it (priority 2: its own report says it first).
    "round_scores": """
CREATE VIEW round_scores AS
SELECT s.org_id, s.org_name, s.province, s.assessed_year_be, s.scope, s.tool, s.indicator_no,
       s.score, s.grade, 'report' AS source, 1 AS priority
FROM scores s JOIN current_documents d USING (doc_id)
WHERE s.org_id IS NOT NULL AND s.assessed_year_be IS NOT NULL
UNION ALL
SELECT l.listed_org_id, l.listed_org_name, l.listed_province, l.assessed_year_be, l.scope, l.tool,
       NULL, l.score, l.grade, 'announcement', 2
FROM listed_scores l JOIN current_documents d USING (doc_id)
WHERE l.listed_org_id IS NOT NULL AND l.assessed_year_be IS NOT NULL
""",
    # One row per organisation per round: overall, the tools, the ten indicators, grade, and
    # rank within its province in that round.
    "org_rounds": """
CREATE VIEW org_rounds AS
WITH best AS (SELECT org_id, assessed_year_be, min(priority) AS priority FROM round_scores GROUP BY ALL),
s AS (SELECT r.* FROM round_scores r JOIN best USING (org_id, assessed_year_be, priority)),
r AS (
  SELECT org_id, any_value(org_name) AS org_name, any_value(province) AS province, assessed_year_be,
         any_value(source) AS source,
         max(score) FILTER (WHERE scope = 'overall') AS overall,
         max(grade) FILTER (WHERE scope = 'overall') AS grade,
         max(score) FILTER (WHERE scope = 'tool' AND tool = 'IIT') AS iit,
         max(score) FILTER (WHERE scope = 'tool' AND tool = 'EIT') AS eit,
         max(score) FILTER (WHERE scope = 'tool' AND tool = 'OIT') AS oit,
         """ + ",\n         ".join(
        f"max(score) FILTER (WHERE scope = 'indicator' AND indicator_no = {n}) AS i{n}"
        for n in range(1, 11)) + """
  FROM s GROUP BY org_id, assessed_year_be)
SELECT *, CASE WHEN overall IS NOT NULL THEN rank() OVER (
    PARTITION BY province, assessed_year_be ORDER BY overall DESC NULLS LAST) END AS rank_in_province
FROM r
""",
    # Measures with their owners and statuses, one row per measure.
    "measures_owners_statuses": """
CREATE VIEW measures_owners_statuses AS
SELECT m.org_id, m.org_name, m.province, m.fiscal_year_be, m.measure_id, m.number, m.title, m.indicator_no,
       m.period_start, m.period_end,
       (SELECT list(DISTINCT o.unit_th ORDER BY o.unit_th) FROM owners o
         WHERE o.measure_id = m.measure_id AND o.doc_id = m.doc_id) AS owners,
       (SELECT list(DISTINCT st.status ORDER BY st.status) FROM statuses st
         WHERE st.measure_id = m.measure_id AND st.doc_id = m.doc_id) AS statuses,
       m.doc_id, m.page
FROM measures m JOIN current_documents d USING (doc_id)
""",
    # Indicator scores of each organisation and round, one column per indicator.
    "indicator_pivot": """
CREATE VIEW indicator_pivot AS
SELECT org_id, org_name, province, assessed_year_be, """ + ", ".join(f"i{n}" for n in range(1, 11)) + """
FROM org_rounds
""",
}
