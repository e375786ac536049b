"""The benchmark's corpus scaler: every copy has its own bytes and still reads as the original."""
from __future__ import annotations

import hashlib
import sys

import pypdfium2 as pdfium
from PIL import Image

from conftest import REPO

sys.path.insert(0, str(REPO / "benchmarks"))

from corpus import scale_corpus


def test_copies_are_distinct_and_read_like_their_originals(tmp_path):
    made = scale_corpus(REPO / "samples", 36, tmp_path / "corpus")
    assert len(made) == 36
    assert len({hashlib.sha256(p.read_bytes()).hexdigest() for p in made}) == 36
    for copy in made:
        original = next((REPO / "samples").rglob(copy.name.split("_", 1)[1]))
        if copy.suffix == ".pdf":
            assert len(pdfium.PdfDocument(str(copy))) == len(pdfium.PdfDocument(str(original)))
        elif copy.suffix in (".png", ".jpg", ".tif"):
            with Image.open(copy) as a, Image.open(original) as b:
                assert (a.size, getattr(a, "n_frames", 1)) == (b.size, getattr(b, "n_frames", 1))
                a.load()
        else:
            assert copy.read_text(encoding="utf-8").startswith(original.read_text(encoding="utf-8"))
