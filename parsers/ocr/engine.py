"""Tesseract, in process (tesserocr): a page image in, words with boxes and confidences out.

tesserocr keeps one engine per process with its models loaded, where pytesseract starts a
`tesseract` process per call (~100 ms each before any reading: see benchmarks/scan.py).
The engine is made once per worker process and reused for every page.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, replace
from functools import lru_cache

import numpy as np

from parsers.ocr.settings import OcrSettings

# One Tesseract thread per worker: the pipeline runs one worker per core, and Tesseract's own
# OpenMP threads would only fight them for the same cores.
os.environ.setdefault("OMP_THREAD_LIMIT", "1")


class OcrUnavailable(RuntimeError):
    """Tesseract or its Thai model is not installed."""


@dataclass(frozen=True, slots=True)
class OcrWord:
    """One word as Tesseract read it; the box in page points, `pixels` in the working image."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    confidence: float  # 0–100
    pixels: tuple[int, int, int, int]  # x0, y0, x1, y1

    @property
    def x_mid(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def height(self) -> float:
        return self.bottom - self.top


@lru_cache(maxsize=3)
def _engine(tessdata: str, languages: str, psm: str = "AUTO"):
    try:
        import tesserocr
    except ImportError as exc:  # pragma: no cover - a dependency of the package
        raise OcrUnavailable(f"tesserocr is not installed: {exc}") from exc
    missing = [lang for lang in languages.split("+")
               if not os.path.exists(os.path.join(tessdata, f"{lang}.traineddata"))]
    if missing:
        raise OcrUnavailable(f"no Tesseract model for {', '.join(missing)} in {tessdata} "
                             "(Debian: apt-get install tesseract-ocr-tha)")
    return tesserocr.PyTessBaseAPI(path=tessdata, lang=languages, psm=getattr(tesserocr.PSM, psm))


def check_available(settings: OcrSettings) -> None:
    _engine(settings.tessdata, settings.languages)


def read_words(pixels: np.ndarray, dpi: int, settings: OcrSettings) -> list[OcrWord]:
    """The space-delimited words of a grey page image, in Tesseract's reading order.

    Tesseract's Thai "words" are single letters or syllables (Thai has no spaces between
    words); the pieces between two blanks are joined into one word with one box.
    """
    import tesserocr
    from PIL import Image

    api = _engine(settings.tessdata, settings.languages)
    api.SetImage(Image.fromarray(pixels))
    api.SetSourceResolution(dpi)
    api.Recognize()
    iterator = api.GetIterator()
    pieces: list[tuple[str, tuple[int, int, int, int], float, bool]] = []
    if iterator is not None:
        for item in tesserocr.iterate_level(iterator, tesserocr.RIL.WORD):
            try:
                text = (item.GetUTF8Text(tesserocr.RIL.WORD) or "").strip()
            except RuntimeError:  # tesserocr's "No text returned": a blank page has no words
                continue
            box = item.BoundingBox(tesserocr.RIL.WORD)
            if not text or box is None:
                continue
            spaced = item.IsAtBeginningOf(tesserocr.RIL.TEXTLINE) or item.BlanksBeforeWord() > 0
            pieces.append((text, box, float(item.Confidence(tesserocr.RIL.WORD)), spaced))
    api.Clear()
    return _join_pieces(pieces, 72 / dpi)


def _join_pieces(pieces, to_pt: float) -> list[OcrWord]:
    words: list[OcrWord] = []
    group: list = []

    def flush() -> None:
        if not group:
            return
        x0 = min(p[1][0] for p in group)
        y0 = min(p[1][1] for p in group)
        x1 = max(p[1][2] for p in group)
        y1 = max(p[1][3] for p in group)
        confidence = sum(p[2] for p in group) / len(group)
        words.append(OcrWord("".join(p[0] for p in group), x0 * to_pt, y0 * to_pt, x1 * to_pt,
                             y1 * to_pt, round(confidence, 2), (x0, y0, x1, y1)))
        group.clear()

    for piece in pieces:
        if group:
            prev_box, box = group[-1][1], piece[1]
            height = max(prev_box[3] - prev_box[1], box[3] - box[1], 1)
            # A wide gap is a column break even where Tesseract's line runs on without a space.
            apart = box[0] - prev_box[2] > 0.6 * height or box[2] < prev_box[0]
            if piece[3] or apart:
                flush()
        group.append(piece)
    flush()
    return words


# Latin that ITA reports print among Thai: grades and tool names. Any other Latin word of one to
# three letters in a Thai line is a Thai word the `eng` model won (ละ read as `AY`).
PRINTED_LATIN = frozenset({"A", "AA", "B", "C", "D", "E", "F", "IIT", "EIT", "OIT", "ITA", "PDF", "CD"})
_SHORT_LATIN = re.compile(r"^[A-Za-z]{1,3}$")
_THAI = re.compile("[\u0e01-\u0e2e]")


def reread_in_thai(words: list[OcrWord], pixels: np.ndarray, settings: OcrSettings) -> list[OcrWord]:
    """`words` with each short Latin word that stands next to Thai read again by the Thai model
    alone, kept where that reading is Thai and Tesseract is at least as sure of it."""
    from PIL import Image

    out = list(words)
    for i, word in enumerate(words):
        if not _SHORT_LATIN.match(word.text) or word.text.upper() in PRINTED_LATIN:
            continue
        neighbours = [w.text for w in words[max(i - 5, 0):i + 6] if w is not word]
        if not any(_THAI.search(t) for t in neighbours):
            continue
        x0, y0, x1, y1 = word.pixels
        pad = 4  # a wider margin takes in the neighbours' marks and lowers the confidence
        crop = pixels[max(y0 - pad, 0):y1 + pad, max(x0 - pad, 0):x1 + pad]
        api = _engine(settings.tessdata, "tha", "SINGLE_WORD")
        api.SetImage(Image.fromarray(crop))
        text = (api.GetUTF8Text() or "").strip()
        confidence = float(api.MeanTextConf())
        api.Clear()
        if _THAI.search(text) and " " not in text and confidence >= word.confidence:
            out[i] = replace(word, text=text, confidence=confidence)
    return out


def page_orientation(pixels: np.ndarray, settings: OcrSettings) -> int:
    """Degrees (0, 90, 180, 270) the page must turn counter-clockwise to stand upright; 0 when
    Tesseract's orientation model is missing or not sure enough."""
    from PIL import Image

    if settings.min_orientation_confidence <= 0:
        return 0
    try:
        api = _engine(settings.tessdata, "osd", "OSD_ONLY")
    except OcrUnavailable:
        return 0
    # At the working resolution (0.3 s a page): at half of it Thai is taken for Cyrillic and a
    # sideways page is not seen.
    api.SetImage(Image.fromarray(np.ascontiguousarray(pixels)))
    api.SetSourceResolution(settings.dpi)
    found = api.DetectOrientationScript()
    api.Clear()
    if not found or found["orient_conf"] < settings.min_orientation_confidence:
        return 0
    return int(found["orient_deg"]) % 360
