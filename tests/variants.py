"""The seed reports laid out anew and scanned anew, for the variation matrices (issue 13).

The generators are the project's own scripts (`scripts/make_sample_pdfs.py`,
five files once a session (in a folder of the session's), runs the real pipeline on them and
scores them with the shared evaluator. What a page's text must never hold, whatever the font,
is checked by `thai_text_faults`.
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from conftest import REPO, SEEDS, SHARED

sys.path.insert(0, str(REPO / "scripts"))
import make_sample_pdfs as pdfs
import make_sample_scans as scans

EVAL = SHARED / "eval" / "ita_eval.py"


@dataclass(frozen=True)
class PdfCell:
    """One cell of the font matrix: a font, regular or bold, portrait or landscape. The rest of
    the geometry (12-16 pt, margins, digits) is drawn from the cell's number."""

    font: str
    bold: bool
    landscape: bool

    @property
    def name(self) -> str:
        return (f"{self.font.replace(' ', '')}-{'bold' if self.bold else 'regular'}"
                f"-{'landscape' if self.landscape else 'portrait'}")

    @property
    def layout(self) -> pdfs.Layout:
        number = (pdfs.MATRIX_FONTS.index(self.font) * 4 + 2 * self.bold + self.landscape)
        return pdfs.variant(number, font=self.font, bold=self.bold, landscape=self.landscape)


def font_cells(font: str) -> list[PdfCell]:
    return [PdfCell(font, bold, landscape) for bold in (False, True) for landscape in (False, True)]


def make_pdf_cells(cells: list[PdfCell], folder: Path) -> dict[PdfCell, Path]:
    """Each cell's five PDFs in `folder/<cell name>/`, all made in one LibreOffice run."""
    jobs = [(seed, cell.layout, folder / cell.name / f"{seed.stem}.pdf") for cell in cells for seed in SEEDS]
    pdfs.make_pdfs(jobs)
    return {cell: folder / cell.name for cell in cells}


@dataclass(frozen=True)
class ScanCell:
    """One cell of the scan matrix: the samples' born-digital PDFs scanned at `dpi`, bilevel or
    grey, skewed by up to 2° (or by exactly `skew_deg` either way); noise, blur, JPEG quality
    and speckle drawn from `number`, so that two cells of one number differ only in what
    they name."""

    name: str
    number: int
    dpi: int
    bilevel: bool = False
    skew_deg: float | None = None

    @property
    def style(self) -> scans.ScanStyle:
        return scans.variant(self.number, dpi=self.dpi, bilevel=self.bilevel, skew_deg=self.skew_deg)


# Numbers whose draws are as hard as the scans users send: skew 1.5-1.9°, JPEG quality 40-58,
# noise 6-9 grey levels, blur 0.65-0.85 px.
SCAN_CELLS = (
    ScanCell("300dpi", 176, 300),
    ScanCell("200dpi", 9, 200),
    ScanCell("150dpi", 14, 150),
    ScanCell("200dpi-bilevel", 101, 200, bilevel=True),
    ScanCell("200dpi-upright", 163, 200, skew_deg=0.0),
    ScanCell("200dpi-skew2", 163, 200, skew_deg=2.0),
)


def make_scan_cell(cell: ScanCell, folder: Path) -> Path:
    """The five sample PDFs scanned in `cell`'s style, in `folder/<cell name>/`."""
    for pdf in sorted((REPO / "samples" / "pdf").glob("*.pdf")):
        scans.scan_file(pdf, cell.style, folder / cell.name / pdf.name)
    return folder / cell.name


def extract(inputs: Path, out: Path) -> Path:
    """The pipeline on a folder, one document after the other (the serial executor)."""
    from pipeline.run import RunSettings, run

    summary = run(RunSettings(inputs=[str(inputs)], out=out, workers=1, executor="serial", quiet=True))
    assert summary.failures == 0, (inputs, summary)
    return out


def evaluate(out: Path) -> dict:
    """The shared evaluator's figures for `out` against the gold."""
    report = out.parent / f"{out.name}-eval.json"
    done = subprocess.run([sys.executable, str(EVAL), "--out", str(out), "--gold", str(SHARED / "gold"),
                           "--json", str(report), "-v"], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    figures = json.loads(report.read_text(encoding="utf-8"))
    figures["misses"] = [line.strip() for line in done.stdout.splitlines() if line.startswith("    - ")]
    return figures


def f1(figures: dict) -> dict[str, float]:
    return {k: round(figures[k]["f1"], 3) for k in ("overall", "document", "scores", "measures")}


# ---- what a page's text must never hold --------------------------------------------------------
_MARK = "\u0e31\u0e34-\u0e3a\u0e47-\u0e4e"
_TEXT_FAULTS = {
    # sara am is one character
    "split_sara_am": re.compile("\u0e4d\u0e32"),
    # a mark stands on a consonant or on the marks over one, never alone or on anything else
    "mark_without_letter": re.compile(f"(?:^|[^\u0e01-\u0e2e{_MARK}])[{_MARK}]"),
    # a tone mark after the vowel above or below it, never before; no mark twice on one letter
    "tone_before_vowel": re.compile("[\u0e48-\u0e4b][\u0e31\u0e34-\u0e3a\u0e47]"),
    "mark_twice": re.compile(f"([{_MARK}])\\1"),
}
_NO_SPACE = re.compile(r"\s+")
_AM_SPACE = re.compile(r"(\S{0,3}) ?\u0e33 ?(\S{0,3})")


def thai_text_faults(text: str, printed: str) -> list[tuple[str, str]]:
    """The faults of one paragraph or cell as read: each with the text around it. `printed` is
    the document's text as the seed has it, whitespace collapsed: a space beside ำ is a fault
    where the seed has none there (จัดทำ แผน is printed so; การดำ เนินงาน is a broken word)."""
    faults = [(name, text[max(m.start() - 12, 0):m.end() + 12])
              for name, pattern in _TEXT_FAULTS.items() for m in pattern.finditer(text)]
    for m in _AM_SPACE.finditer(text):
        if " " in m.group(0) and m.group(0) not in printed:
            faults.append(("space_beside_sara_am", text[max(m.start() - 12, 0):m.end() + 12]))
    return faults


def printed_text(seed: Path) -> str:
    """The seed's text as a reader compares it: Arabic digits, whitespace collapsed, markup gone."""
    from thai.chars import TO_ARABIC_DIGITS

    text = seed.read_text(encoding="utf-8").translate(TO_ARABIC_DIGITS)
    return _NO_SPACE.sub(" ", re.sub(r"[|*#]", " ", text))
