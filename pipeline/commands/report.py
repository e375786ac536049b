"""`ita-extract report OUT --province P --html F`: one province's bodies compared, as one HTML file.

The file stands alone: no script, no request leaves it (the charts are Vega-Lite, drawn by
Altair and rendered to inline SVG by vl-convert; a Thai font is embedded where the machine has
one), so it can be mailed to a provincial office and opened anywhere. What it shows:

* the ranking of the province's bodies in each round: from their own reports and from the
  results announcements that list them (a body's own report first where both give a score);
* an indicator heatmap, bodies × the ten indicators, for the round shown;
* the change of each body's overall score from its previous round;
* the status of the measures of each body, and the units that own them;
* the subdistricts of the province (gazetteer) that no local administration in the data is
  named after: the bodies with no report here.
"""
from __future__ import annotations

import base64
import datetime as dt
import html
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa

from normalizers import gazetteer, places
from normalizers.indicators import INDICATORS
from pipeline import __version__
from pipeline.commands.outputs import tables
from pipeline.commands.views import VIEWS
from pipeline.errors import UsageError
from pipeline.store.dictionary import GRADE_SCALES, VALUE_TH

# Fonts tried for the embedded Thai face (Debian fonts-thai-tlwg); the page names them in its
# font stack in any case, so a machine with none of them falls back to its own Thai font.
THAI_FONTS = (Path("/usr/share/fonts/truetype/tlwg/Garuda.ttf"),
              Path("/usr/share/fonts/truetype/tlwg/Loma.ttf"))
FONT_FAMILY = "Garuda"
SOURCE_TH = {"report": "รายงานของหน่วยงาน", "announcement": "ประกาศผลการประเมิน"}
_LOCAL_TYPES = ("sao", "subdistrict_municipality", "town_municipality", "city_municipality")


@dataclass(frozen=True)
class Province:
    name: str
    code: str


def resolve_province(given: str) -> Province:
    """A province by Thai name (with or without จังหวัด) or DOPA code.

    >>> resolve_province("40"), resolve_province("จังหวัดขอนแก่น").code
    (Province(name='ขอนแก่น', code='40'), '40')
    """
    text = given.strip()
    parsed = None if text.isdigit() else places.parse_province(text)
    code = text if text.isdigit() else gazetteer.province_code(parsed.name) if parsed else None
    name = gazetteer.province_name(code) if code else None
    if not code or not name:
        raise UsageError(f"no province {given!r}: give its Thai name (ขอนแก่น) or its code (40)")
    return Province(name=name, code=code)


def province_report(out: Path, province: str, html_file: Path, round_be: int | None = None) -> Path:
    import duckdb

    where = resolve_province(province)
    data = tables(out)
    db = duckdb.connect()
    for name, table in data.items():
        db.register(name, table)
    for sql in VIEWS.values():
        db.execute(sql)
    rounds = [r for (r,) in db.execute(
        "SELECT DISTINCT assessed_year_be FROM org_rounds WHERE province = ? ORDER BY 1 DESC",
        [where.name]).fetchall()]
    if not rounds:
        raise UsageError(f"no scores of bodies in {where.name} in {out}")
    shown = round_be if round_be is not None else rounds[0]
    if shown not in rounds:
        raise UsageError(f"no scores of bodies in {where.name} for the {shown} round "
                         f"(rounds: {', '.join(map(str, rounds))})")
    ranking = db.sql("""
        SELECT rank_in_province, org_name, overall, grade, iit, eit, oit, source
        FROM org_rounds WHERE province = ? AND assessed_year_be = ?
        ORDER BY rank_in_province NULLS LAST, org_name""", params=[where.name, shown]).to_arrow_table()
    heat = db.sql("""
        SELECT org_name, indicator, score FROM (
          SELECT org_name, """ + ", ".join(f"i{n}" for n in range(1, 11)) + """
          FROM org_rounds WHERE province = ? AND assessed_year_be = ?)
        UNPIVOT (score FOR indicator IN (""" + ", ".join(f"i{n}" for n in range(1, 11)) + """))
        """, params=[where.name, shown]).to_arrow_table()
    change = db.sql("""
        WITH o AS (SELECT org_id, org_name, assessed_year_be, overall,
                          lag(overall) OVER (PARTITION BY org_id ORDER BY assessed_year_be) AS before,
                          lag(assessed_year_be) OVER (PARTITION BY org_id ORDER BY assessed_year_be) AS round_before
                   FROM org_rounds WHERE province = ? AND overall IS NOT NULL)
        SELECT org_name, round_before, before, assessed_year_be, overall,
               round(overall - before, 2) AS change
        FROM o WHERE before IS NOT NULL ORDER BY change DESC""", params=[where.name]).to_arrow_table()
    statuses = db.sql("""
        SELECT m.org_name, s.status, count(*) AS measures
        FROM statuses s JOIN current_documents d USING (doc_id)
        JOIN measures m ON m.doc_id = s.doc_id AND m.measure_id = s.measure_id
        WHERE d.province = ? GROUP BY ALL ORDER BY 1, 2""", params=[where.name]).to_arrow_table()
    owners = db.sql("""
        SELECT coalesce(o.unit_th, o.owner_raw) AS unit, count(DISTINCT o.measure_id) AS measures
        FROM owners o JOIN current_documents d USING (doc_id)
        WHERE d.province = ? GROUP BY ALL ORDER BY measures DESC, unit""", params=[where.name]).to_arrow_table()
    named = {code for (code,) in db.execute(
        "SELECT DISTINCT subdistrict_code FROM organisations WHERE province_code = ? "
        "AND org_type IN (SELECT unnest(?)) AND subdistrict_code IS NOT NULL",
        [where.code, list(_LOCAL_TYPES)]).fetchall()}
    missing = _subdistricts_without(where.code, named)
    page = _page(where, shown, rounds, ranking, heat, change, statuses, owners, missing, out)
    html_file.parent.mkdir(parents=True, exist_ok=True)
    html_file.write_text(page, encoding="utf-8")
    return html_file


def _subdistricts_without(province_code: str, named: set[str]) -> list[tuple[str, str, str]]:
    """(code, subdistrict, district) of the province's subdistricts no body in the data is
    named after."""
    return sorted(place for place in gazetteer.subdistricts_of(province_code) if place[0] not in named)


# ---- the page -------------------------------------------------------------------------------------
def _page(where: Province, shown: int, rounds: list[int], ranking: pa.Table, heat: pa.Table,
          change: pa.Table, statuses: pa.Table, owners: pa.Table,
          missing: list[tuple[str, str, str]], out: Path) -> str:
    indicator_names = {f"i{i.no}": f"{i.no}. {i.name}" for i in INDICATORS}
    heat_rows = [dict(r, indicator=indicator_names[r["indicator"]]) for r in heat.to_pylist()]
    sections = [
        ("ranking", f"อันดับในจังหวัด รอบการประเมิน {shown}", _table(
            ranking, {"rank_in_province": "อันดับ", "org_name": "หน่วยงาน", "overall": "คะแนนรวม",
                      "grade": "ระดับ", "iit": "IIT", "eit": "EIT", "oit": "OIT", "source": "ที่มา"},
            labels={"grade": VALUE_TH["grade"], "source": SOURCE_TH})
         + _chart(_bar_chart(ranking.to_pylist()[:40]))),
        ("heatmap", f"คะแนนรายตัวชี้วัด (หน่วยงาน × ๑๐ ตัวชี้วัด) รอบ {shown}",
         _chart(_heatmap(heat_rows)) if heat_rows else "<p>ไม่มีคะแนนรายตัวชี้วัด</p>"),
        ("change", "การเปลี่ยนแปลงของคะแนนรวมจากรอบก่อน", _table(
            change, {"org_name": "หน่วยงาน", "round_before": "รอบก่อน", "before": "คะแนน",
                     "assessed_year_be": "รอบนี้", "overall": "คะแนน", "change": "เปลี่ยนแปลง"})),
        ("statuses", "สถานะของมาตรการ รายหน่วยงาน", _chart(_status_chart(statuses.to_pylist()))
         if statuses.num_rows else "<p>ไม่มีมาตรการในข้อมูล</p>"),
        ("owners", "หน่วยงานที่รับผิดชอบมาตรการ", _table(owners, {"unit": "หน่วยงาน", "measures": "มาตรการ"})),
        ("missing", f"ตำบลที่ไม่มีรายงานขององค์กรปกครองส่วนท้องถิ่นในข้อมูล ({len(missing)})",
         _table(pa.table({"code": [m[0] for m in missing], "subdistrict": [m[1] for m in missing],
                          "district": [m[2] for m in missing]}),
                {"code": "รหัส", "subdistrict": "ตำบล", "district": "อำเภอ"})),
    ]
    body = "\n".join(f'<section id="{key}"><h2>{html.escape(title)}</h2>\n{content}</section>'
                     for key, title, content in sections)
    return f"""<!DOCTYPE html>
<html lang="th"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:">
<title>ITA จังหวัด{html.escape(where.name)} รอบ {shown}</title>
<style>{_font_face()}
body {{ font-family: "{FONT_FAMILY}", "Noto Sans Thai", "Loma", sans-serif; margin: 2em; color: #222; }}
table {{ border-collapse: collapse; margin: 0.5em 0 1.5em; font-size: 0.9em; }}
th, td {{ border: 1px solid #ccc; padding: 0.25em 0.6em; text-align: left; }}
td.n {{ text-align: right; font-variant-numeric: tabular-nums; }}
th {{ background: #eef3f8; }}
section {{ margin-bottom: 2em; }}
footer {{ color: #777; font-size: 0.8em; }}
</style></head>
<body>
<h1>ผลการประเมินคุณธรรมและความโปร่งใส (ITA) จังหวัด{html.escape(where.name)}</h1>
<p>รอบการประเมินในข้อมูล: {", ".join(map(str, rounds))} · แสดงรอบ {shown}</p>
{body}
<footer>ita-extract {__version__} · {html.escape(str(out))} · {dt.date.today().isoformat()}</footer>
</body></html>
"""


def _font_face() -> str:
    font = next((p for p in THAI_FONTS if p.exists()), None)
    if font is None:
        return ""
    data = base64.b64encode(font.read_bytes()).decode("ascii")
    return (f'@font-face {{ font-family: "{FONT_FAMILY}"; '
            f'src: url(data:font/ttf;base64,{data}) format("truetype"); }}')


def _table(table: pa.Table, headers: dict[str, str], labels: dict[str, dict] | None = None) -> str:
    if table.num_rows == 0:
        return "<p>ไม่มีข้อมูล</p>"
    labels = labels or {}
    head = "".join(f"<th>{html.escape(headers.get(c, c))}</th>" for c in table.column_names)
    rows = []
    for row in table.to_pylist():
        cells = []
        for column, value in row.items():
            text = "" if value is None else labels.get(column, {}).get(value, value)
            number = isinstance(value, (int, float)) and not isinstance(value, bool)
            if isinstance(value, float):
                text = f"{value:.2f}"  # as the reports print scores
            cells.append(f'<td{" class=n" if number else ""}>{html.escape(str(text))}</td>')
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


# ---- charts (Altair → Vega-Lite → SVG) ------------------------------------------------------------
def _chart(chart) -> str:
    import vl_convert

    svg = vl_convert.vegalite_to_svg(chart.to_dict())
    return f'<figure class="chart">{svg}</figure>'


def _config(chart):
    return chart.configure(font=FONT_FAMILY).configure_view(stroke=None)


def _bar_chart(rows: list[dict]):
    import altair as alt

    scored = [dict(r, grade_th=VALUE_TH["grade"].get(r["grade"], r["grade"])) for r in rows
              if r["overall"] is not None]
    grades = [VALUE_TH["grade"][g] for scale in GRADE_SCALES.values() for g in scale]
    return _config(alt.Chart(alt.Data(values=scored)).mark_bar().encode(
        x=alt.X("overall:Q", title="คะแนนรวม", scale=alt.Scale(domain=[0, 100])),
        y=alt.Y("org_name:N", title=None, sort="-x"),
        color=alt.Color("grade_th:N", title="ระดับ", sort=grades),
    ).properties(width=520, height=max(60, 16 * len(scored)), title="คะแนนรวม (สูงสุด 40 อันดับ)"))


def _heatmap(rows: list[dict]):
    import altair as alt

    bodies = len({r["org_name"] for r in rows})
    return _config(alt.Chart(alt.Data(values=rows)).mark_rect().encode(
        x=alt.X("indicator:N", title="ตัวชี้วัด", sort=None, axis=alt.Axis(labelAngle=-40)),
        y=alt.Y("org_name:N", title=None),
        color=alt.Color("score:Q", title="คะแนน", scale=alt.Scale(scheme="redyellowgreen", domain=[50, 100])),
        tooltip=["org_name:N", "indicator:N", "score:Q"],
    ).properties(width=520, height=max(60, 16 * bodies)))


def _status_chart(rows: list[dict]):
    import altair as alt

    labels = VALUE_TH["status"]
    for r in rows:
        r["status_th"] = labels.get(r["status"], r["status"])
    bodies = len({r["org_name"] for r in rows})
    return _config(alt.Chart(alt.Data(values=rows)).mark_bar().encode(
        x=alt.X("sum(measures):Q", title="มาตรการ"),
        y=alt.Y("org_name:N", title=None),
        color=alt.Color("status_th:N", title="สถานะ"),
    ).properties(width=520, height=max(60, 20 * bodies)))
