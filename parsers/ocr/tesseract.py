"""Tesseract, in process (tesserocr), behind the `OcrEngine` interface.

tesserocr keeps one engine per process with its models loaded, where pytesseract starts a
`tesseract` process per call (~100 ms each before any reading: see benchmarks/scan.py).
"""
from __future__ import annotations

import os
from functools import lru_cache

import numpy as np

from parsers.ocr.engine import OcrUnavailable, OcrWord, Orientation
from parsers.ocr.settings import OcrSettings

# One Tesseract thread per worker: the pipeline runs one worker per core, and Tesseract's own
# OpenMP threads would only fight them for the same cores.
os.environ.setdefault("OMP_THREAD_LIMIT", "1")


def _installed(tessdata: str, languages: str):
    """tesserocr, once it and the models of `languages` are known to be there; `OcrUnavailable`
    saying how to install what is not."""
    try:
        import tesserocr
    except ImportError as exc:  # a dependency of the package, but its wheel may not fit the system
        raise OcrUnavailable(f"tesserocr cannot be imported ({exc}): pip install tesserocr") from exc
    missing = [lang for lang in languages.split("+")
               if not os.path.exists(os.path.join(tessdata, f"{lang}.traineddata"))]
    if missing:
        files = " and ".join(f"{lang}.traineddata" for lang in missing)
        raise OcrUnavailable(f"no Tesseract model for {'+'.join(missing)} in {tessdata}: install "
                             "Tesseract's models (Debian, Ubuntu: apt-get install tesseract-ocr "
                             f"tesseract-ocr-tha), or set TESSDATA_PREFIX to the folder holding {files}")
    return tesserocr


# One per page segmentation mode used: words, one word, one line, orientation.
@lru_cache(maxsize=4)
def _api(tessdata: str, languages: str, psm: str = "AUTO"):
    tesserocr = _installed(tessdata, languages)
    return tesserocr.PyTessBaseAPI(path=tessdata, lang=languages, psm=getattr(tesserocr.PSM, psm))


class TesseractEngine:
    name = "tesseract"

    def __init__(self, settings: OcrSettings):
        self.tessdata, self.languages = settings.tessdata, settings.languages
        _api(self.tessdata, self.languages)  # the models are there, or OcrUnavailable now

    @staticmethod
    def check(settings: OcrSettings) -> None:
        """`OcrUnavailable` where the engine could not be made, without loading its models (a
        run checks before it forks its workers: `parsers.ocr.engine.check_engine`)."""
        _installed(settings.tessdata, settings.languages)

    def read_words(self, pixels: np.ndarray, dpi: int) -> list[OcrWord]:
        """Tesseract's Thai "words" are single letters or syllables (Thai has no spaces between
        words); the pieces between two blanks are joined into one word with one box."""
        return self._words(_api(self.tessdata, self.languages), pixels, dpi)

    def _words(self, api, pixels: np.ndarray, dpi: int) -> list[OcrWord]:
        import tesserocr
        from PIL import Image

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

    def read_word(self, pixels: np.ndarray, languages: str = "tha") -> tuple[str, float]:
        return self._read_alone(pixels, languages, "SINGLE_WORD")

    def read_latin_letter(self, pixels: np.ndarray) -> tuple[str, float]:
        return self._read_alone(pixels, "eng", "SINGLE_CHAR")

    def _read_alone(self, pixels: np.ndarray, languages: str, psm: str) -> tuple[str, float]:
        from PIL import Image

        api = _api(self.tessdata, languages, psm)
        api.SetImage(Image.fromarray(pixels))
        text = (api.GetUTF8Text() or "").strip()
        confidence = float(api.MeanTextConf())
        api.Clear()
        return text, confidence

    def read_line(self, pixels: np.ndarray, dpi: int) -> tuple[str, float]:
        # Word by word, as a page: the line's own text puts a space between every syllable.
        words = self._words(_api(self.tessdata, self.languages, "SINGLE_LINE"), pixels, dpi)
        if not words:
            return "", 0.0
        return " ".join(w.text for w in words), sum(w.confidence for w in words) / len(words)

    def orientation(self, pixels: np.ndarray, dpi: int) -> Orientation | None:
        from PIL import Image

        try:
            api = _api(self.tessdata, "osd", "OSD_ONLY")
        except OcrUnavailable:
            return None
        api.SetImage(Image.fromarray(np.ascontiguousarray(pixels)))
        api.SetSourceResolution(dpi)
        found = api.DetectOrientationScript()
        api.Clear()
        if not found:
            return None
        return Orientation(int(found["orient_deg"]) % 360, float(found["orient_conf"]))


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
