"""The scan path on real images: Tesseract, the Thai-digit reader, table rules on scans, memos.

Everything here runs the real engine on real pixels (renders of the seed PDFs, the scanned
samples, real memo scans in ../shared/real).
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
import pytest

from parsers.compose.ruling import find_tables
from parsers.ocr import OcrSettings, OcrUnavailable, pdf_page_reader, read_image
from parsers.ocr.cleanup import clean_text, is_misread_tick
from parsers.ocr.digits import read_number
from parsers.ocr.image import render_pdf_page
from parsers.ocr.preprocess import ink, rotate, skew_angle
from parsers.ocr.rules import page_tables
from parsers.ocr.synthetic import ARABIC_DIGITS, THAI_DIGITS, Print, random_number, render
from parsers.pdf.chars import page_chars
from parsers.pdf.rules import page_edges
from parsers.pdf.settings import DEFAULT as PDF_DEFAULT
from pipeline.process import process_file
from thai.chars import without_marks

from conftest import REAL, REPO

TLWG = Path("/usr/share/fonts/truetype/tlwg")
# Never used in training (scripts/train_digit_reader.py keeps them out).
UNSEEN_FONTS = ["Laksaman.ttf", "Laksaman-Bold.ttf", "Waree.ttf", "Waree-Bold.ttf", "TlwgMono.ttf",
                "TlwgMono-Bold.ttf"]


@pytest.mark.parametrize("raw, expected", [
    ("ประจําปี", "ประจำปี"), ("ต่ํา", "ต่ำ"), ("เเละ", "และ"), ("| ตัวชี้วัด |", "ตัวชี้วัด"),
    ("กองคลัง", "กองคลัง"), ("  a   b ", "a b"), ("โป่งน้้าร้อน", "โป่งน้ำร้อน"),
])
def test_clean_text(raw, expected):
    assert clean_text(raw) == expected


@pytest.mark.parametrize("text, tick", [("“i", True), ("v", True), ("✓", True), ("/", True),
                                        ("-", False), ("ดำเนินการ", False), ("๙", False), ("", False)])
def test_ticks(text, tick):
    assert is_misread_tick(text) is tick


def test_unseen_fonts_exist():
    missing = [f for f in UNSEEN_FONTS if not (TLWG / f).exists()]
    assert not missing, f"install fonts-thai-tlwg (missing {missing})"


def test_digit_reader_on_numbers_printed_in_fonts_it_was_not_trained_on():
    """600 numbers (scores, years, memo numbers, dates; 80% Thai digits) in six unseen fonts, at
    200 and 300 dpi, skewed, blurred, noised and JPEG-compressed: the issue's goal is 99%.

    Measured: 596 of these 600; 598 and 598 with two other seeds (99.56% of 1800). The misses
    are Waree's ๙ at 200 dpi read as ๔ or ๓."""
    rng = np.random.default_rng(2026)
    right, wrong = 0, []
    for i in range(600):
        number = random_number(rng, THAI_DIGITS if rng.random() < 0.8 else ARABIC_DIGITS)
        style = Print(str(TLWG / UNSEEN_FONTS[i % len(UNSEEN_FONTS)]), float(rng.uniform(13, 20)),
                      dpi=(200, 300)[i % 2], skew_deg=float(rng.uniform(-1.5, 1.5)),
                      blur=float(rng.uniform(0.3, 1.0)), noise=float(rng.uniform(4, 12)),
                      jpeg_quality=int(rng.integers(40, 90)))
        got = read_number(ink(render(number, style, rng)))
        if got == number:
            right += 1
        else:
            wrong.append((UNSEEN_FONTS[i % len(UNSEEN_FONTS)], number, got))
    assert right / 600 >= 0.99, wrong


def test_tesseract_alone_cannot_read_thai_digits_the_reader_can():
    """Why the reader exists: the same crop through Tesseract and through the reader."""
    import tesserocr
    from PIL import Image

    settings = OcrSettings()
    image = render("๙๐.๗๙", Print(str(TLWG / "Laksaman.ttf"), 16, 300))
    with tesserocr.PyTessBaseAPI(path=settings.tessdata, lang="tha+eng", psm=tesserocr.PSM.SINGLE_LINE) as api:
        api.SetImage(Image.fromarray(image))
        tesseract = api.GetUTF8Text().strip()
    assert tesseract != "๙๐.๗๙"
    assert read_number(ink(image)) == "๙๐.๗๙"


def test_skew_is_found_and_undone():
    pdf = pdfium.PdfDocument(REPO / "samples" / "pdf" / "001_abf31e34acd1eb53.pdf")
    page = render_pdf_page(pdf[0], 1, 150).pixels
    for angle in (-2.0, -0.7, 1.3):
        found = skew_angle(ink(rotate(page, angle, fill=255)), 4.0, 0.1)
        assert abs(found + angle) <= 0.2, (angle, found)


@pytest.mark.parametrize("stem, page", [("001_abf31e34acd1eb53", 1), ("003_134161e6f44ebae1", 3),
                                        ("000_d7eb5a9932c3bc4c", 3)])
def test_table_cells_on_the_scan_match_the_pdfs_vector_rules(stem, page):
    """The scanned sample and its born-digital original: the same tables, the same cells."""
    pdf = pdfium.PdfDocument(REPO / "samples" / "pdf" / f"{stem}.pdf")
    chars, frame = page_chars(pdf[page - 1])
    vector = find_tables(page_edges(pdf[page - 1], frame, PDF_DEFAULT.ruling), PDF_DEFAULT.ruling)
    scan = pdfium.PdfDocument(REPO / "samples" / "scan" / f"{stem}.pdf")
    image = render_pdf_page(scan[page - 1], page, 200)
    from parsers.ocr.preprocess import deskew
    straight, _ = deskew(image.pixels, 4.0, 0.1)
    found, _ = page_tables(ink(straight), 200, OcrSettings())
    assert [len(t.cells) for t in found] == [len(t.cells) for t in vector]


def test_missing_models_are_reported_not_crashed(tmp_path):
    with pytest.raises(OcrUnavailable):
        pdf_page_reader(OcrSettings(tessdata=str(tmp_path)))


def test_multipage_tiff_is_one_document_read_by_ocr():
    doc = read_image(REPO / "samples" / "images" / "004_346206aeb6d58d2d.tif")
    assert doc.source_kind == "image" and doc.page_count == 4
    assert all(page.method == "ocr" for page in doc.pages)
    tables = list(doc.tables())
    assert tables and all(t.prov.method == "ocr" for t in tables)
    assert all(c.prov.confidence is not None for t in tables for row in t.grid for c in row if not c.is_empty)
    assert any("มาตรการ" in line.text for line in doc.lines())


PAGE_IMAGE = REPO / "samples" / "images" / "001_abf31e34acd1eb53_p1.png"


def test_a_scanned_page_image_through_the_pipeline(process_once):
    result = process_once(str(PAGE_IMAGE))
    doc = result.document
    assert doc.source_kind == "image" and doc.method == "ocr" and doc.page_count == 1
    assert doc.ocr_confidence is not None and 50 < doc.ocr_confidence <= 100
    assert doc.overall_score == pytest.approx(90.79)  # printed ๙๐.๗๙: Tesseract alone says ๕๐.๕๑
    assert all(s.page == 1 for s in result.scores)


@pytest.mark.parametrize("turned", [90, 180, 270])
def test_a_page_scanned_sideways_or_upside_down_is_read_upright(tmp_path, turned, process_once):
    from PIL import Image

    source = Image.open(PAGE_IMAGE)
    path = tmp_path / f"turned_{turned}.png"
    source.rotate(turned, expand=True).save(path, dpi=source.info["dpi"])  # counter-clockwise
    scores = lambda r: [(s.scope, s.indicator_no, s.score) for s in r.scores]  # noqa: E731
    upright = process_once(str(PAGE_IMAGE))
    result = process_file(str(path))
    assert result.document.overall_score == pytest.approx(90.79)
    assert scores(result) == scores(upright) and len(result.scores) == 8


# Read by eye from the page images (rendered at 220 dpi).
MEMOS = {
    "phichai_memo_moit2-19.pdf": {
        "department": "โรงพยาบาลพิชัย อำเภอพิชัย จังหวัดอุตรดิตถ์",
        "department_phone": "0-5583-2100",  # printed โทร ๐-๕๕๘๓-๒๑๐๐
        "doc_date": dt.date(2024, 12, 19),  # printed ๑๙ ธันวาคม ๒๕๖๗; OCR reads จันวาคม
        "reference_no": "อต 0033.306/8140",  # printed อต ๐๐๓๓.๓๐๖/๘๑๔๐
        "subject": "ขออนุญาตนำข้อมูลพื้นฐานของโรงพยาบาลพิชัย เผยแพร่ผ่านทางเว็บไซต์ของโรงพยาบาลพิชัย "
                   "ประจำปีงบประมาณ ๒๕๖๘",
    },
    "phichai_memo_moit1-2-68.pdf": {
        "department": "โรงพยาบาลพิชัย อำเภอพิชัย จังหวัดอุตรดิตถ์",
        "department_phone": "0-5583-2100",  # printed โทร ๐-๕๕๘๓-๒๑๐๐
        # printed "   พฤศจิกายน ๒๕๖๗" with the day written in by hand: no date is made up
        "doc_date": None,
        "reference_no": "อต 0033.306/",  # printed up to the slash; the running number is handwritten
        "subject": "ขออนุญาตเผยแพร่รายงานผลการติดตามการดำเนินงานและสรุปปัญหาและอุปสรรค",
    },
}


@pytest.mark.skipif(not REAL.exists(), reason="../shared/real is not beside the project")
@pytest.mark.parametrize("name", sorted(MEMOS))
def test_real_memo_scans_give_their_header(name, process_once):
    expected = MEMOS[name]
    result = process_once(str(REAL / name))
    doc = result.document
    # Both memos are signed by the same two people, names printed in brackets under the
    # signature (read by eye).
    signers = {s.name: s.position for s in result.signatories}
    assert {"นางสาวรัชนี ไชยดิษฐ์", "นายเบญจวุฒิ ครุฑเมือง"} <= set(signers)
    assert signers["นายเบญจวุฒิ ครุฑเมือง"].startswith("ผู้อำนวยการโรงพยาบาลพิชัย")
    assert doc.source_kind == "pdf_scanned" and doc.method == "ocr" and doc.form == "memo"
    assert doc.department == expected["department"]
    assert doc.department_phone == expected["department_phone"]
    assert doc.doc_date == expected["doc_date"]
    assert doc.reference_no == expected["reference_no"]
    # As printed, but for the marks OCR drops and the space at the line break (พื้นฐาน is
    # read พืนฐาน: only a dictionary could put the tone mark back).
    key = lambda text: without_marks("".join(text.split()))  # noqa: E731
    assert key(doc.subject) == key(expected["subject"])


def test_the_resolution_a_pdf_page_was_scanned_at_is_its_largest_images():
    """What decides whether a scan is read flattened (`OcrSettings.flatten_below_dpi`): the
    sample scans were made at 200-300 dpi, the born-digital samples draw no image."""
    from parsers.ocr.image import scanned_dpi

    scans = {p.stem: round(scanned_dpi(pdfium.PdfDocument(p)[0]))
             for p in sorted((REPO / "samples" / "scan").glob("*.pdf"))}
    assert scans == {"000_d7eb5a9932c3bc4c": 200, "001_abf31e34acd1eb53": 300, "002_93ffecfbf81c93e2": 250,
                     "003_134161e6f44ebae1": 200, "004_346206aeb6d58d2d": 300}
    assert scanned_dpi(pdfium.PdfDocument(REPO / "samples" / "pdf" / "001_abf31e34acd1eb53.pdf")[0]) is None


def test_shaded_header_cells_of_a_noisy_200dpi_scan_are_read_and_the_table_joins(tmp_path):
    """Regression (scan matrix, 200 dpi): on sample 002's measure table, printed over four pages
    with its header on grey, Tesseract read the header of page 2 as `4๙ 6 | การดำเนินการ 7 fe
    7 | ผู้รับผิดชอบ` and of page 4 as nothing; those pages' tables stood alone, their owners
    unnamed. Each shaded cell read alone, the tables join. The scan is made here, as the matrix
    makes its 200 dpi cell."""
    import sys

    sys.path.insert(0, str(REPO / "scripts"))
    import make_sample_scans as scans

    from pipeline.readers import read_pdf

    from variants import SCAN_CELLS

    cell = next(c for c in SCAN_CELLS if c.name == "200dpi")
    source = pdfium.PdfDocument(str(REPO / "samples" / "pdf" / "002_93ffecfbf81c93e2.pdf"))
    excerpt = pdfium.PdfDocument.new()
    excerpt.import_pages(source, [1, 2, 3])  # pages 2-4: the table's continuations
    excerpt.save(tmp_path / "table.pdf")
    scans.scan_file(tmp_path / "table.pdf", cell.style, tmp_path / "scan.pdf")
    scan = tmp_path / "scan.pdf"
    tables = list(read_pdf(str(scan), scan.read_bytes()).tables())
    measures = [t for t in tables if "ผู้รับผิดชอบ" in " ".join(t.column_headers())]
    assert len(measures) == 1, [t.column_headers() for t in tables]
    assert measures[0].pages == [1, 2, 3]
    assert [without_marks(h) for h in measures[0].column_headers()] == \
        [without_marks(h) for h in ("ตัวชี้วัด", "การดำเนินการ", "ผู้รับผิดชอบ")]
