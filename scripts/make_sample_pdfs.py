#!/usr/bin/env python3
"""Build born-digital PDFs of the seed reports, as an office would export them from a word processor.

    .venv/bin/python scripts/make_sample_pdfs.py            # samples/text/*.txt -> samples/pdf/*.pdf
    .venv/bin/python scripts/make_sample_pdfs.py a.txt ...  # only these seeds

Each seed's OCR text is read with the project's own markup reader; its text lines and tables are
written as a flat ODF text document (.fodt: A4, Thai font, ruled tables whose header rows repeat
on every page, merged header cells, one line per cell paragraph / list item; `typeset.py`) and
LibreOffice converts it to PDF. The PDF keeps the seed's stem.

Needs `soffice` (Debian: libreoffice-writer-nogui) and the Sarabun font (pip: fontpkg-sarabun,
the OFL Google-Fonts Sarabun: the same design as TH Sarabun New, the font Thai government
documents use). Sarabun is also what makes the text layer right: the TLWG Thai fonts in Debian
(Laksaman ...) swap mark glyphs in GSUB, and LibreOffice then writes wrong ToUnicode entries
(ผู้ reads back as ผ้่). `--font NAME` picks an installed font instead.

Deterministic: same input, same LibreOffice, same bytes. LibreOffice stamps the export time into
the PDF (its date, file /ID and /DocChecksum), so those are rewritten afterwards to fixed values
of the same length (the cross-reference offsets stay valid).
"""
from __future__ import annotations

import argparse
import hashlib
import random
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from typeset import FONT, Digits, Layout, document_xml, x  # noqa: E402

from parsers.markup import read_markup  # noqa: E402

FIXED_DATE = "20250101000000"  # written as the PDF's creation/modification date (UTC)


# --- PDF -------------------------------------------------------------------------------------

def fix_pdf(data: bytes, seed: bytes) -> bytes:
    """Replace the export time, the /ID and the /DocChecksum with fixed same-length values."""
    def date(m: re.Match[bytes]) -> bytes:  # D:YYYYMMDDHHmmSS then the zone, kept as written
        return m.group(1) + FIXED_DATE.encode()

    data = re.sub(rb"(/(?:CreationDate|ModDate)\s*\(D:)\d{14}", date, data)
    digest = hashlib.md5(seed).hexdigest().upper().encode()

    def ident(m: re.Match[bytes]) -> bytes:
        return re.sub(rb"<[0-9A-Fa-f]{32}>", b"<" + digest + b">", m.group(0))

    data = re.sub(rb"/ID\s*\[[^\]]*\]", ident, data)
    # LibreOffice's /DocChecksum covers the export time too: recompute it over the fixed bytes
    body = re.sub(rb"/DocChecksum\s*/[0-9A-F]{32}", b"", data)
    checksum = hashlib.md5(body).hexdigest().upper().encode()
    return re.sub(rb"(/DocChecksum\s*/)[0-9A-F]{32}", lambda m: m.group(1) + checksum, data)


def convert(fodts: list[Path], outdir: Path, work: Path, font_dirs: list[Path]) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        sys.exit("soffice not found: apt-get install libreoffice-writer-nogui")
    profile = work / "profile"  # a fresh profile: no user settings leak into the output
    env = {"PATH": "/usr/bin:/bin", "TZ": "UTC", "HOME": str(work), "LANG": "C.UTF-8"}
    if font_dirs:  # fonts shipped in a Python package: add their folders to fontconfig
        conf = work / "fonts.conf"
        dirs = "".join(f"<dir>{x(str(d))}</dir>" for d in font_dirs)
        conf.write_text(f'<?xml version="1.0"?><fontconfig><include ignore_missing="yes">'
                        f'/etc/fonts/fonts.conf</include>{dirs}'
                        f'<cachedir>{x(str(work / "fc-cache"))}</cachedir></fontconfig>')
        env["FONTCONFIG_FILE"] = str(conf)
    subprocess.run(
        [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
         "--convert-to", "pdf:writer_pdf_Export", "--outdir", str(outdir), *map(str, fodts)],
        check=True, stdout=subprocess.DEVNULL, env=env,
    )


# --- fonts and variants ------------------------------------------------------------------------
# Thai fonts a user can install here, by family: from Python packages (the module's `files/`
# folder is added to fontconfig for the conversion) or from Debian (fonts-thai-tlwg,
# fonts-noto-core). They differ where it matters to a reader: where marks sit, whether a stacked
# tone mark is stored after the next glyph, whether ำ is one glyph, how wide a space is.
PIP_FONTS = {"Sarabun": "fontpkg_sarabun", "Chakra Petch": "fontpkg_chakra_petch",
             "Kanit": "fontpkg_kanit", "Prompt": "fontpkg_prompt"}
SYSTEM_FONTS = ("Norasi", "Garuda", "Kinnari", "Laksaman", "Loma", "Waree", "Umpush", "Sawasdee",
                "Noto Sans Thai", "Noto Serif Thai")
# The families the variation matrix covers (tests/test_font_matrix.py): one of each design
# that Thai offices print in — the TH Sarabun look, a national font, the TLWG family
# LibreOffice falls back to, Noto's sans and serif.
MATRIX_FONTS = ("Sarabun", "Chakra Petch", "Norasi", "Garuda", "Kinnari", "Laksaman", "Loma",
                "Waree", "Umpush", "Sawasdee", "Noto Sans Thai", "Noto Serif Thai")


def font_dir(family: str) -> Path | None:
    """The folder of `family`'s files where a Python package ships it; None for an installed
    (system) font. Exits with what to install when the package is missing."""
    module = PIP_FONTS.get(family)
    if module is None:
        return None
    try:
        package = __import__(module)
    except ImportError:
        sys.exit(f"{family} not found: .venv/bin/pip install {module.replace('_', '-')} (or pass --font)")
    return Path(package.ROOT) / "files"


def variant(number: int, font: str | None = None, bold: bool | None = None,
            landscape: bool | None = None) -> Layout:
    """Layout number `number`: font, weight, 12-16 pt, portrait or landscape, margins of
    1.5-3 cm and the digit style drawn from a generator seeded by the number, so the same number
    gives the same layout on every machine; a named argument fixes that choice.

    >>> variant(7) == variant(7), variant(7) == variant(8)
    (True, False)
    >>> v = variant(3, font="Norasi", landscape=True)
    >>> v.font, v.landscape, 12 <= v.body_pt <= 16, 1.5 <= v.margin_left_cm <= 3
    ('Norasi', True, True, True)
    """
    rng = random.Random(f"layout:{number}")
    margins = [round(rng.uniform(1.5, 3.0), 1) for _ in range(4)]
    picked = Layout(
        font=rng.choice(MATRIX_FONTS), bold=rng.random() < 0.5, body_pt=rng.choice([12, 13, 14, 15, 16]),
        landscape=rng.random() < 0.3, margin_left_cm=margins[0], margin_right_cm=margins[1],
        margin_top_cm=margins[2], margin_bottom_cm=margins[3],
        digits=rng.choice([Digits.AS_SEED, Digits.THAI, Digits.ARABIC]))
    fixed = {k: v for k, v in (("font", font), ("bold", bold), ("landscape", landscape)) if v is not None}
    return replace(picked, **fixed)


def make_pdfs(jobs: list[tuple[Path, Layout, Path]], keep_fodt: bool = False) -> list[Path]:
    """Typeset each (seed, layout, target PDF) and convert them all in one LibreOffice run."""
    font_dirs = sorted({d for _, layout, _ in jobs if (d := font_dir(layout.font)) is not None})
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        src, pdfs = work / "src", work / "pdf"
        src.mkdir()
        fodts = []
        for n, (seed, layout, target) in enumerate(jobs):
            fodt = src / f"{n:05d}.fodt"  # LibreOffice names its output by the source's stem
            fodt.write_text(document_xml(read_markup(seed), layout), encoding="utf-8")
            fodts.append(fodt)
            if keep_fodt:
                shutil.copy(fodt, target.with_suffix(".fodt"))
        convert(fodts, pdfs, work, font_dirs)
        for fodt, (_, _, target) in zip(fodts, jobs):
            data = fix_pdf((pdfs / f"{fodt.stem}.pdf").read_bytes(), fodt.read_bytes())
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
    return [target for _, _, target in jobs]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("seeds", nargs="*", type=Path,
                    default=sorted((ROOT / "samples" / "text").glob("*.txt")))
    ap.add_argument("--out", type=Path, default=ROOT / "samples" / "pdf")
    ap.add_argument("--font", default=None, help=f"a font family instead of {FONT} ({', '.join(MATRIX_FONTS)}"
                    " or any installed one)")
    ap.add_argument("--bold", action="store_true", help="body text in bold")
    ap.add_argument("--size", type=float, default=None, help="body text size in points (tables 7/8 of it)")
    ap.add_argument("--landscape", action="store_true", help="A4 landscape pages")
    ap.add_argument("--margins", type=float, nargs=4, metavar=("LEFT", "RIGHT", "TOP", "BOTTOM"),
                    help="page margins in cm")
    ap.add_argument("--digits", choices=[d.value for d in Digits], default=None,
                    help="print every number in Thai or Arabic digits")
    ap.add_argument("--variant", type=int, metavar="N",
                    help="layout number N (font, weight, size, page, margins, digits drawn from N);"
                         " the options above override its choices")
    ap.add_argument("--keep-fodt", action="store_true", help="also write the .fodt next to the PDF")
    args = ap.parse_args()
    layout = variant(args.variant) if args.variant is not None else Layout()
    chosen = {"font": args.font, "body_pt": args.size, "digits": Digits(args.digits) if args.digits else None,
              "bold": args.bold or None, "landscape": args.landscape or None}
    if args.margins:
        chosen.update(zip(("margin_left_cm", "margin_right_cm", "margin_top_cm", "margin_bottom_cm"),
                          args.margins))
    layout = replace(layout, **{k: v for k, v in chosen.items() if v is not None})
    jobs = [(seed, layout, args.out / f"{seed.stem}.pdf") for seed in args.seeds]
    for target in make_pdfs(jobs, keep_fodt=args.keep_fodt):
        print(f"{target}  {target.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
