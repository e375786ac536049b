"""The markup reader on the real OCR seeds and on small inline inputs."""
from __future__ import annotations

import copy
from pathlib import Path

import pytest

from parsers.continued.headings import header_key
from parsers.continued.tables import join_continued_tables
from parsers.layout import Cell, Provenance, Table, TextLine
from parsers.markup import NotText, cell_paragraphs, decode_text, parse_markup, read_markup
from parsers.text_grid import infer_header_spans

SEEDS = Path(__file__).parents[1] / "samples" / "text"


def seed(prefix: str):
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return read_markup(path)


def tables(doc) -> list[Table]:
    return list(doc.tables())


def body_rows(table: Table) -> int:
    return len(table.grid) - table.header_rows


def lines(doc) -> list[TextLine]:
    return list(doc.lines())


# --- the seeds -------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "prefix, shape",
    [
        # (columns, header rows, body rows) per table, in document order
        ("000", [(3, 1, 1), (4, 1, 10), (5, 2, 10)]),
        # the IIT part (2 columns) and the EIT/OIT part (score in its own column) are one table
        ("001", [(3, 1, 13), (5, 1, 4)]),
        ("002", [(2, 1, 5), (3, 1, 24)]),
        ("003", [(3, 1, 5), (3, 1, 10)] + [(2, 1, 3)] * 10 + [(5, 1, 20)]),
        ("004", [(5, 1, 4), (6, 1, 6)]),
    ],
)
def test_seed_tables(prefix, shape):
    found = [(t.n_cols, t.header_rows, body_rows(t)) for t in tables(seed(prefix))]
    assert found == shape


def test_seed_document_basics():
    for path in sorted(SEEDS.glob("*.txt")):
        doc = read_markup(path)
        assert doc.source_kind == "text"
        assert doc.source_path == str(path)
        assert doc.page_count == 1
        for block in doc.blocks():
            assert block.prov.method == "markup" and block.prov.page == 1
            if isinstance(block, Table):
                assert all(c.prov.method == "markup" for row in block.grid for c in row)


def test_000_status_table_two_level_header_spans():
    status = tables(seed("000"))[2]
    g = status.grid
    assert g[0][2].text == "สถานะการดำเนินงาน" and g[0][2].col_span == 3
    assert g[0][3].merged_into == (0, 2) and g[0][4].merged_into == (0, 2)
    assert g[0][0].row_span == 2 and g[1][0].merged_into == (0, 0)
    assert g[0][1].row_span == 2 and g[1][1].merged_into == (0, 1)
    assert status.column_headers() == [
        "มาตรการ",
        "ขั้นตอนและวิธีการ",
        "สถานะการดำเนินงาน ยังไม่ดำเนินการ",
        "สถานะการดำเนินงาน อยู่ระหว่างดำเนินการ",
        "สถานะการดำเนินงาน ดำเนินการเรียบร้อยแล้ว",
    ]
    first_body = g[2]
    assert first_body[0].text.startswith("๑. มีแนวทางปฏิบัติ")
    assert [c.text for c in first_body[2:]] == ["-", "-", "✓"]
    last = g[-1]
    assert last[0].text.startswith("๑๐. การสร้างคุณภาพ")
    # body cells never get spans, even where a body cell is empty
    body = [c for _, row in status.body() for c in row]
    assert all(c.row_span == c.col_span == 1 and c.merged_into is None for c in body)


def test_000_measures_joined_from_three_parts_with_p_paragraphs():
    measures = tables(seed("000"))[1]
    numbers = [row[0].text.split(".")[0] for _, row in measures.body()]
    assert numbers == ["๑", "๒", "๓", "๔", "๕", "๖", "๗", "๘", "๙", "๑๐"]
    row5 = measures.grid[5]
    assert row5[0].paragraphs == [
        "๕. การเปิดเผยข้อมูล ข้อเท็จจริงแก่ผู้มาใช้ บริการอย่างถูกต้อง ตรงไปตรงมาติดต่อ อย่าง โปร่งใส"
    ]
    assert row5[2].paragraphs == ["ทุกหน่วยงาน"]
    assert row5[3].is_empty and row5[3].paragraphs == []


def test_000_list_without_li_stays_one_paragraph():
    doc = seed("000")
    indicator, _, status = tables(doc)
    questions = indicator.grid[1][1]
    assert len(questions.paragraphs) == 1
    assert questions.text.startswith("๑. เจ้าหน้าที่ของหน่วยงาน")
    assert "๒. หน่วยงานที่ท่านติดต่อ" in questions.text
    ul = status.grid[8][1]  # measure ๗, written as <ul ...> - a - b (never closed)
    assert len(ul.paragraphs) == 1
    assert ul.text.startswith("- ประชาสัมพันธ์ช่องทางร้องเรียน") and "<" not in ul.text


def test_000_text_lines_keep_thai_digits_and_list_markers():
    doc = seed("000")
    texts = [ln.text for ln in lines(doc)]
    assert "ที่ ปน ๗๖๑๐๑/ - วันที่ ๒๒ มีนาคม ๒๕๖๔" in texts
    items = [ln for ln in lines(doc) if ln.list_marker]
    assert [ln.list_marker for ln in items] == ["๑.", "๒.", "๓.", "๔.", "๕."]
    assert items[0].text == "๑. การปรับปรุงคุณภาพการปฏิบัติงานให้มีการบริการที่ดีขึ้น"


def test_001_parts_with_differently_split_columns_are_joined_and_aligned():
    joined, measures = tables(seed("001"))
    assert joined.column_headers()[:2] == ["ตัวชี้วัดของการประเมิน ITA"] * 2
    assert joined.grid[0][0].col_span == 2 and joined.grid[0][1].merged_into == (0, 0)
    iit = joined.grid[2]  # from the 2-column part: indicator and score in one cell
    assert iit[0].text == "๑. การปฏิบัติหน้าที่ ๙๓.๔๖ คะแนน" and iit[1].is_empty
    assert iit[2].text.startswith("ผลคะแนน IIT")
    eit = joined.grid[8]
    assert [eit[0].text, eit[1].text] == ["๖. คุณภาพการดำเนินงาน", "๘๕.๐๒ คะแนน"]
    assert eit[2].text.startswith("ผลคะแนน EIT")
    # "ระยะเวลาดำเนินการ" vs "ระยะเวลา ดำเนินการ": OCR spacing does not split the table
    assert measures.grid[-1][0].text.startswith("๔. โครงการพัฒนา")


def test_002_running_header_dropped_when_table_continues():
    doc = seed("002")
    first, big = tables(doc)
    assert first.grid[1][0].paragraphs == ["ตัวชี้วัดที่ ๘", "การปรับปรุงระบบการทำงาน"]
    indicators = [row[0].text for _, row in big.body() if not row[0].is_empty]
    assert indicators[0] == "ตัวชี้วัดที่ ๑ การปฏิบัติหน้าที่"
    assert indicators[-1] == "ตัวชี้วัดที่ ๑๐ การป้องกันการทุจริต"
    assert len(indicators) == 9  # ๘ has no row of its own in this table
    running = [ln for ln in lines(doc) if ln.text.startswith("แนวทางดำเนินการเพิ่มเติม")]
    assert len(running) == 1 and running[0].bold  # the first copy stays, bold over two lines
    assert "**" not in running[0].text
    after = lines(doc)[lines(doc).index(running[0]) + 1]
    assert after.text == "ของเทศบาลตำบลบางปลา ประจำปีงบประมาณ พ.ศ.๒๕๖๔" and after.bold


def test_003_markdown_tables_checkboxes_and_header_noise():
    doc = seed("003")
    ts = tables(doc)
    scores = ts[1]
    assert scores.column_headers() == ["ตัวชี้วัดที่", "รายละเอียดตัวชี้วัด", "คะแนน"]
    assert [c.text for c in scores.grid[6]] == ["6", "คุณภาพการดำเนินงาน", "99.10"]
    strengths = ts[2:12]
    assert all(t.column_headers() == ["จุดแข็ง", "จุดอ่อน"] for t in strengths)
    measures = ts[-1]
    # parts whose header differs only by an <input> checkbox vs a printed □ are one table
    assert measures.column_headers()[0] == "มาตรการ/โครงการ/กิจกรรม"
    assert measures.grid[-1][0].text == "มาตรการการสร้างวัฒนธรรมต้านโกงยั่งยืน"
    cell = strengths[5].grid[1][0]  # "... หรือไม่” <input type="checkbox"/>"
    assert cell.text.endswith("หรือไม่”") and "input" not in cell.text
    bold_inline = next(ln for ln in lines(doc) if "ระดับคะแนน ๙๙.๗๘" in ln.text)
    assert "**" not in bold_inline.text and not bold_inline.bold


def test_004_parts_joined_but_different_tables_kept_apart():
    first, second = tables(seed("004"))
    assert first.grid[-1][0].text.startswith("ประกาศนโยบายการงดให้หรือรับของขวัญ")
    group = "มาตรการเพิ่มประสิทธิภาพการดำเนินงานและการสื่อสารกับบุคคลภายนอก"
    assert second.grid[1][0].text == group
    assert all(c.is_empty for c in second.grid[1][1:])


# --- cells -----------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "raw, paragraphs",
    [
        ("ข้อความ  ธรรมดา ", ["ข้อความ ธรรมดา"]),
        ("", []),
        ("<p>หนึ่ง</p> <p>สอง</p>", ["หนึ่ง", "สอง"]),
        ("ก<br>ข<br/>ค", ["ก", "ข", "ค"]),
        ("<ul><li>ก</li><li>ข</li></ul>", ["ก", "ข"]),
        ('<ul style="list-style-type: none"> - ก - ข </ul>', ["- ก - ข"]),
        ("<ol>๑. ก๒. ข</ol>", ["๑. ก๒. ข"]),
        ("A &amp; B &lt;C&gt; &quot;D&quot;", ['A & B <C> "D"']),
        ("<span>ตัว</span><b>หนา</b>", ["ตัวหนา"]),
        ('<input type="checkbox"/> ไม่เลือก', ["ไม่เลือก"]),
        ('<input type="checkbox" checked/> เลือก', ["☑ เลือก"]),
        ('<input type="checkbox" checked="checked" /> เลือก', ["☑ เลือก"]),
        ("ค่า <!-- comment --> ต่อ", ["ค่า ต่อ"]),
        ("๕ < ๘", ["๕ < ๘"]),
    ],
)
def test_cell_paragraphs(raw, paragraphs):
    assert cell_paragraphs(raw) == paragraphs


def test_tsv_rows_padded_to_rectangle():
    doc = parse_markup("ก\tข\tค\n๑\n๒\t๓")  # "๑" has no tab: it ends the table
    assert [len(t.grid) for t in tables(doc)] == [1, 1]
    assert [ln.text for ln in lines(doc)] == ["๑"]
    doc = parse_markup("ก\tข\tค\n๑\t\n๒\t๓")
    (t,) = tables(doc)
    texts = [[c.text for c in row] for row in t.grid]
    assert texts == [["ก", "ข", "ค"], ["๑", "", ""], ["๒", "๓", ""]]


def test_lone_line_with_a_stray_tab_is_text():
    doc = parse_markup("ข้อความ\t\n\nอีกบรรทัด")
    assert tables(doc) == []
    assert [ln.text for ln in lines(doc)] == ["ข้อความ", "อีกบรรทัด"]


def test_tsv_second_header_row_only_under_a_spanning_heading():
    two = parse_markup("A\tB\t\nx\ty\tz\n1\t2\t3")
    assert tables(two)[0].header_rows == 1  # text under the single-column heading A
    two = parse_markup("A\tB\t\n\ty\tz\n1\t2\t3")
    t = tables(two)[0]
    assert t.header_rows == 2 and t.column_headers() == ["A", "B y", "B z"]
    none = parse_markup("A\tB\tC\n\ty\tz\n1\t2\t3")
    assert tables(none)[0].header_rows == 1  # no spanning heading: row 1 is body


def test_single_header_row_gap_becomes_col_span():
    t = tables(parse_markup("A\t\tB\nx\t1\ty"))[0]
    assert t.grid[0][0].col_span == 2 and t.grid[0][1].merged_into == (0, 0)
    assert t.column_headers() == ["A", "A", "B"]


# --- markdown tables -------------------------------------------------------------------------

def test_markdown_separator_marks_header_rows():
    doc = parse_markup("| ก | ข |\n| ค | ง |\n|---|:--:|\n| 1 | 2 |\n| 3 | 4 |")
    (t,) = tables(doc)
    assert t.header_rows == 2 and len(t.grid) == 4
    assert t.column_headers() == ["ก ค", "ข ง"]


def test_markdown_without_separator_has_one_header_row():
    (t,) = tables(parse_markup("| ก | ข |\n| 1 | 2 |"))
    assert t.header_rows == 1 and [c.text for c in t.grid[1]] == ["1", "2"]


def test_markdown_escaped_pipe_and_html_cells():
    (t,) = tables(parse_markup("| ก | ข |\n|--|--|\n| a \\| b | <p>x</p><p>y</p> |"))
    assert t.grid[1][0].text == "a | b"
    assert t.grid[1][1].paragraphs == ["x", "y"]


# --- text lines ------------------------------------------------------------------------------

def test_text_line_markup():
    doc = parse_markup(
        "## หัวข้อ ##\n**ตัวหนา**\nมี **บางส่วน** หนา\n- ข้อ  หนึ่ง\n• ข้อสอง\n๑. ข้อสาม\n"
        "1) four\n๑.๑ ไม่ใช่\n<p>ข้อความ&nbsp;HTML</p>\n85.00 คะแนน"
    )
    got = [(ln.text, ln.heading, ln.bold, ln.list_marker) for ln in lines(doc)]
    assert got == [
        ("หัวข้อ", 2, False, None),
        ("ตัวหนา", 0, True, None),
        ("มี บางส่วน หนา", 0, False, None),
        ("- ข้อ หนึ่ง", 0, False, "-"),
        ("• ข้อสอง", 0, False, "•"),
        ("๑. ข้อสาม", 0, False, "๑."),
        ("1) four", 0, False, "1)"),
        ("๑.๑ ไม่ใช่", 0, False, None),
        ("ข้อความ HTML", 0, False, None),
        ("85.00 คะแนน", 0, False, None),
    ]


def test_bold_does_not_run_over_a_blank_line():
    doc = parse_markup("**เปิด\n\nปกติ")
    assert [ln.bold for ln in lines(doc)] == [True, False]


# --- pages -----------------------------------------------------------------------------------

def test_form_feed_splits_pages_and_sets_provenance():
    doc = parse_markup("หน้าหนึ่ง\fหน้าสอง\n\fหน้าสาม\f")
    assert doc.page_count == 3
    assert [(ln.text, ln.prov.page, ln.prov.method) for ln in lines(doc)] == [
        ("หน้าหนึ่ง", 1, "markup"),
        ("หน้าสอง", 2, "markup"),
        ("หน้าสาม", 3, "markup"),
    ]
    assert [p.number for p in doc.pages] == [1, 2, 3]


@pytest.mark.parametrize("marker", ["<!-- page 2 -->", "<!-- PageBreak -->", "<!-- page break -->"])
def test_page_marker_comments_split_pages(marker):
    doc = parse_markup(f"<!-- Page 1 -->\nหนึ่ง\n{marker}\nสอง")
    assert [(ln.text, ln.prov.page) for ln in lines(doc)] == [("หนึ่ง", 1), ("สอง", 2)]


def test_other_comments_are_not_page_breaks():
    doc = parse_markup('หนึ่ง\n<!-- PageNumber="1" -->\nสอง')
    assert doc.page_count == 1 and [ln.text for ln in lines(doc)] == ["หนึ่ง", "สอง"]


def test_table_continued_over_a_page_break_is_one_table():
    doc = parse_markup("ก\tข\n๑\t๒\n\fก\tข\n๓\t๔")
    (t,) = tables(doc)
    assert t.pages == [1, 2] and t.prov.page == 1
    assert [[c.text for c in row] for row in t.grid] == [["ก", "ข"], ["๑", "๒"], ["๓", "๔"]]
    assert [row[0].prov.page for row in t.grid] == [1, 1, 2]
    assert doc.pages[1].blocks == []


# --- joining ---------------------------------------------------------------------------------

def _table(rows: list[list[str]], page: int = 1, header_rows: int = 1) -> Table:
    prov = Provenance(page=page, method="markup")
    grid = [[Cell(paragraphs=[t] if t else [], prov=prov) for t in row] for row in rows]
    return Table(grid=infer_header_spans(grid, header_rows), header_rows=header_rows, prov=prov)


def _line(text: str, page: int = 1) -> TextLine:
    return TextLine(text=text, prov=Provenance(page=page, method="markup"))


def test_join_only_across_repeated_lines_and_is_pure():
    a = _table([["ก", "ข"], ["1", "2"]])
    b = _table([["ก ", " ข"], ["3", "4"]], page=2)
    before = copy.deepcopy([a, b])
    out = join_continued_tables([_line("หัว"), a, _line("หัว", 2), b])
    assert [type(x).__name__ for x in out] == ["TextLine", "Table"]
    assert [[c.text for c in r] for r in out[1].grid] == [["ก", "ข"], ["1", "2"], ["3", "4"]]
    assert [a, b] == before  # inputs untouched

    out = join_continued_tables([a, _line("ใหม่"), b])
    assert [type(x).__name__ for x in out] == ["Table", "TextLine", "Table"]
    c = _table([["ก", "ค"], ["5", "6"]])
    line = _line("หัว")
    assert join_continued_tables([line, a, line, c]) == [line, a, line, c]


@pytest.mark.parametrize("number", ["- ๒ -", "หน้า 2", "2/5", "(๒)", "-๓่-"])  # the last as OCR read it
def test_join_across_a_bare_page_number(number):
    a = _table([["ก", "ข"], ["1", "2"]])
    b = _table([["ก", "ข"], ["3", "4"]], page=2)
    (t,) = join_continued_tables([a, _line(number, 2), b])
    assert len(t.grid) == 3
    assert len(join_continued_tables([a, _line(number + " ข้อความ", 2), b])) == 3


def test_join_across_a_speck_ocr_doubts_but_not_across_a_line_it_is_sure_of():
    """Regression (scan matrix, 200 dpi): a page number read as `ee` at 29.6% confidence stood
    between a table and its continuation."""
    a = _table([["ก", "ข"], ["1", "2"]])
    b = _table([["ก", "ข"], ["3", "4"]], page=2)
    speck = TextLine(text="ee", prov=Provenance(page=2, method="ocr", confidence=29.6))
    sure = TextLine(text="ee", prov=Provenance(page=2, method="ocr", confidence=91.0))
    (t,) = join_continued_tables([a, speck, b])
    assert len(t.grid) == 3
    assert len(join_continued_tables([a, sure, b])) == 3


def test_join_pads_the_narrower_table_within_the_spanning_heading():
    wide = _table([["A", "", "B"], ["x", "1", "y"]])
    narrow = _table([["A", "B"], ["z", "w"]], page=2)
    assert header_key(wide) == header_key(narrow)
    (t,) = join_continued_tables([narrow, wide])
    assert t.n_cols == 3 and t.grid[0][0].col_span == 2 and t.grid[0][1].merged_into == (0, 0)
    assert [[c.text for c in r] for r in t.grid[1:]] == [["z", "", "w"], ["x", "1", "y"]]
    assert t.pages == [1, 2]


def test_join_two_level_headers_compares_column_headers():
    rows = [["M", "S", "", ""], ["", "a", "b", "c"], ["1", "-", "-", "✓"]]
    first, second = _table(rows, header_rows=2), _table(rows, page=2, header_rows=2)
    (t,) = join_continued_tables([first, second])
    assert t.header_rows == 2 and len(t.grid) == 4


# --- input that is not text ------------------------------------------------------------------

def test_binary_input_raises_not_text(tmp_path):
    pdf = tmp_path / "x.txt"
    pdf.write_bytes(b"%PDF-1.7\n\x00\x01\x02binary")
    with pytest.raises(NotText):
        read_markup(pdf)
    bad = tmp_path / "bad.txt"
    bad.write_bytes("ไทย".encode("tis-620"))
    with pytest.raises(NotText):
        read_markup(bad)
    assert issubclass(NotText, ValueError)
    with pytest.raises(NotText):
        parse_markup("a\x00b")


def test_bom_marked_text_decodes(tmp_path):
    assert decode_text("\ufeffก\tข".encode("utf-8")) == "ก\tข"
    assert decode_text("ก\tข\n1\t2".encode("utf-16")) == "ก\tข\n1\t2"
    path = tmp_path / "u16.txt"
    path.write_bytes("ก\tข\n1\t2".encode("utf-16"))
    (t,) = tables(read_markup(path))
    assert t.column_headers() == ["ก", "ข"]
