"""An output folder's tables as the reading commands see them: those `ita-extract run` wrote,
read through the store, and those derived from them (organisations, vocabularies, review) with
the fragments of a report linked to it."""
from __future__ import annotations

from pathlib import Path

import pyarrow as pa

from normalizers import gazetteer, thai_text
from pipeline.errors import UsageError
from pipeline.store.arrow import rows_to_arrow
from pipeline.store.dictionary import vocabularies
from pipeline.store.schema import TABLES, OrganisationRow, ReviewRow, VocabularyRow
from pipeline.store.writer import read_table, recover
from thai.chars import without_marks


def tables(out: Path) -> dict[str, pa.Table]:
    """Every table of `out`, as written by `ita-extract run`, and those derived from them."""
    out = Path(out)
    if not (out / "documents").is_dir():
        raise UsageError(f"{out} holds no ita-extract output (no documents table); run "
                         "`ita-extract run ... --out` first")
    recover(out)
    data = {name: read_table(out, name) for name in TABLES}
    data["documents"] = link_fragments(data["documents"], data["measures"])
    data["organisations"] = organisations(data["documents"], data["listed_scores"])
    data["vocabularies"] = rows_to_arrow([VocabularyRow(**row) for row in vocabularies()], VocabularyRow)
    data["review"] = review_table(data)
    return data


# Below this mean OCR confidence a value is listed for review.
LOW_CONFIDENCE = 70.0
_VALUE_COLUMNS = {"scores": "score", "measures": "title", "owners": "owner_raw", "statuses": "status"}


def review_table(data: dict[str, pa.Table]) -> pa.Table:
    """What a person should look at: values read by OCR with low confidence, owners that are no
    known unit, every warning of a document, every error; with the page and box to look at."""
    import duckdb

    values = " UNION ALL ".join(f"""
        SELECT 'low_ocr_confidence' AS reason, printf('%.1f', confidence) AS detail, doc_id,
               org_name, page, bbox, '{table}' AS table_name, value_id, '{column}' AS column_name,
               CAST({column} AS VARCHAR) AS value
        FROM data_{table} WHERE confidence < {LOW_CONFIDENCE}""" for table, column in _VALUE_COLUMNS.items())
    db = duckdb.connect()
    for name, table in data.items():
        db.register(f"data_{name}", table)
    rows = db.sql(f"""
        WITH v AS ({values}
          UNION ALL
          SELECT 'unknown_owner', NULL, doc_id, org_name, page, bbox, 'owners', value_id, 'unit_key',
                 owner_raw FROM data_owners WHERE unit_key = 'other'
          UNION ALL
          SELECT split_part(w, ':', 1), w, doc_id, org_name, NULL, NULL, NULL, NULL, NULL, NULL
          FROM (SELECT doc_id, org_name, unnest(warnings) AS w FROM data_documents)
          UNION ALL
          SELECT code, message, doc_id, org_name, page, NULL, NULL, NULL, NULL, NULL FROM data_errors)
        SELECT v.*, d.source_path FROM v LEFT JOIN (
            SELECT doc_id, min(source_path) AS source_path FROM data_documents GROUP BY doc_id) d
        USING (doc_id) ORDER BY source_path, page NULLS FIRST, reason""").fetchall()
    columns = ("reason", "detail", "doc_id", "org_name", "page", "bbox", "table_name", "value_id",
               "column_name", "value", "source_path")
    return rows_to_arrow([ReviewRow(**dict(zip(columns, r))) for r in rows], ReviewRow)


# A document that prints no organisation (a page photographed alone) belongs to the report


# found in that report's copies (and in no other report's).
FRAGMENT_MIN_MEASURES = 3
FRAGMENT_SHARE = 0.8


def link_fragments(documents: pa.Table, measures: pa.Table) -> pa.Table:
    """`documents` with a report_key for each keyless document whose measure titles (compared
    without marks or punctuation, as OCR varies them) are those of one report, and the warning
    `report_key_by_content:<found>/<titles>` on it. Only exports do this: it needs the other
    documents, which a run's incremental write does not read."""
    titles: dict[str, set[str]] = {}
    for doc_id, title in zip(measures["doc_id"].to_pylist(), measures["title"].to_pylist()):
        if title:
            titles.setdefault(doc_id, set()).add(without_marks(thai_text.fold(title)))
    rows = documents.to_pylist()
    by_report: dict[str, set[str]] = {}
    for row in rows:
        if row["report_key"] and row["status"] != "failed":
            by_report.setdefault(row["report_key"], set()).update(titles.get(row["doc_id"], ()))
    linked = False
    for row in rows:
        mine = titles.get(row["doc_id"], set())
        if row["report_key"] or len(mine) < FRAGMENT_MIN_MEASURES:
            continue
        found = {key: len(mine & theirs) for key, theirs in by_report.items()
                 if len(mine & theirs) >= FRAGMENT_SHARE * len(mine)}
        if len(found) == 1:
            (key, shared), = found.items()
            row["report_key"] = key
            row["warnings"] = sorted([*row["warnings"], f"report_key_by_content:{shared}/{len(mine)}"])
            linked = True
    return pa.Table.from_pylist(rows, schema=documents.schema) if linked else documents


def organisations(documents: pa.Table, listed_scores: pa.Table) -> pa.Table:
    """One row per org_id: the name, type and place most of its rows give, the gazetteer's
    names of that place, and how many documents, reports and announcements it is in."""
    import duckdb

    found = duckdb.sql("""
        WITH seen AS (
          SELECT org_id, org_name, org_type, province, province_code, district_code,
                 subdistrict_code, doc_id, report_key, false AS listed
          FROM documents WHERE org_id IS NOT NULL AND status <> 'failed'
          UNION ALL
          SELECT listed_org_id, listed_org_name, listed_org_type, listed_province,
                 listed_province_code, listed_district_code, listed_subdistrict_code, doc_id,
                 NULL, true
          FROM listed_scores WHERE listed_org_id IS NOT NULL)
        SELECT org_id, mode(org_name) AS org_name, mode(org_type) AS org_type,
               mode(province) AS province, mode(province_code) AS province_code,
               mode(district_code) AS district_code, mode(subdistrict_code) AS subdistrict_code,
               count(DISTINCT doc_id) FILTER (WHERE NOT listed)::INTEGER AS documents,
               count(DISTINCT report_key) FILTER (WHERE NOT listed)::INTEGER AS reports,
               count(DISTINCT doc_id) FILTER (WHERE listed)::INTEGER AS listed_in
        FROM seen GROUP BY org_id ORDER BY org_id""").fetchall()
    columns = ("org_id", "org_name", "org_type", "province", "province_code", "district_code",
               "subdistrict_code", "documents", "reports", "listed_in")
    rows = []
    for values in found:
        row = dict(zip(columns, values))
        row.update(gazetteer.names(row["district_code"], row["subdistrict_code"], row["province_code"]))
        rows.append(OrganisationRow(**row))
    return rows_to_arrow(rows, OrganisationRow)
