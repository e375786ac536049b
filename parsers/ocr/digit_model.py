"""The Thai-digit reader's weights (`parsers.ocr.digits`), apart from the reader: numpy only, so
that a run checks they are installed before it starts (`parsers.ocr.reader.check_installed`)
without loading OpenCV into the process its workers fork from."""
from __future__ import annotations

import zipfile
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from parsers.ocr.engine import OcrUnavailable
from parsers.ocr.settings import DIGIT_MODEL_PATH


@dataclass(frozen=True)
class Model:
    w1: np.ndarray
    b1: np.ndarray
    w2: np.ndarray
    b2: np.ndarray
    mean: np.ndarray
    scale: np.ndarray
    classes: str
    # Per class, the widest (width / height) its glyph is drawn in the training fonts, with a
    # margin: a piece read as ๖ but wider than any ๖ is ๕ and / touching.
    max_aspect: np.ndarray

    def probabilities(self, x: np.ndarray) -> np.ndarray:
        hidden = np.maximum((x - self.mean) / self.scale @ self.w1 + self.b1, 0)
        logits = hidden @ self.w2 + self.b2
        logits -= logits.max(axis=1, keepdims=True)
        p = np.exp(logits)
        return p / p.sum(axis=1, keepdims=True)


@lru_cache(maxsize=1)
def model(path: str = str(DIGIT_MODEL_PATH)) -> Model:
    """The weights at `path`; `OcrUnavailable` where they cannot be read, as for a missing engine:
    the install is broken (a wheel built without them), not the document."""
    try:
        with np.load(path, allow_pickle=False) as data:
            f32 = lambda k: data[k].astype(np.float32)  # noqa: E731 - stored as float16 to keep it small
            return Model(f32("w1"), f32("b1"), f32("w2"), f32("b2"), f32("mean"), f32("scale"),
                         str(data["classes"]), f32("max_aspect"))
    except (OSError, ValueError, KeyError, zipfile.BadZipFile) as exc:
        why = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc  # the path once
        raise OcrUnavailable(f"the Thai-digit reader's weights cannot be read from {path} ({why}): "
                             "reinstall ita-extract, whose wheel carries them") from exc
