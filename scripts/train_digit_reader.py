#!/usr/bin/env python3
"""Train the Thai-digit reader (`parsers/ocr/digits.py`) on synthetic prints; write its weights.

    .venv/bin/python scripts/train_digit_reader.py          # -> parsers/ocr/models/digits.npz

Numbers as ITA documents print them (scores, years, memo numbers, dates; Thai and Arabic
digits), some with a Thai word glued on, and Thai words alone, are drawn in the TRAINING_FONTS
at 12–22 pt and 150–300 dpi, with strokes thickened or thinned and glyphs widened, narrowed or
slanted (other designs), then blurred, noised, skewed and JPEG-compressed
(`parsers.ocr.synthetic`).
Each print is cut into glyphs exactly as the pipeline cuts a word (`parsers.ocr.glyphs`; prints whose
glyphs touch are left out); glyphs of digits and `/` are labelled with their character, glyphs
of Thai letters and marks with the reject class. Dots and dashes are not learnt (the reader
tells them by size and place) but are counted, to check that rule.

The fonts: TLWG (Debian fonts-thai-tlwg), Arundina (fonts-arundina), Noto Thai
(fonts-noto-core) and Sarabun (pip fontpkg-sarabun); those not installed are skipped. About
20 minutes on one core for 44 fonts.

The network is one hidden layer (ReLU) and a softmax, trained with Adam in numpy; the weights
are stored as plain arrays (`np.savez_compressed`, loaded with allow_pickle=False). The fonts in
TEST_FONTS are never used here: the tests read numbers printed in them. Deterministic for a
given numpy and font set: every random draw comes from one seeded generator.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from parsers.ocr import digits  # noqa: E402
from parsers.ocr.glyphs import Glyph, glyphs, punctuation, reference  # noqa: E402
from parsers.ocr.preprocess import ink  # noqa: E402
from parsers.ocr.synthetic import ARABIC_DIGITS, THAI_DIGITS, Print, random_number, render  # noqa: E402

TLWG = Path("/usr/share/fonts/truetype/tlwg")
TRAINING_FONTS = [TLWG / f for f in (
    "Garuda.ttf", "Garuda-Bold.ttf", "Garuda-Oblique.ttf", "Loma.ttf", "Loma-Bold.ttf",
    "Loma-Oblique.ttf", "Norasi.ttf", "Norasi-Bold.ttf", "Norasi-Italic.ttf", "Kinnari.ttf",
    "Kinnari-Bold.ttf", "Kinnari-Italic.ttf", "Umpush.ttf", "Umpush-Bold.ttf", "Umpush-Light.ttf",
    "TlwgTypo.ttf", "TlwgTypo-Bold.ttf", "TlwgTypist.ttf", "Purisa.ttf", "Purisa-Bold.ttf",
    "TlwgTypewriter.ttf", "Sawasdee.ttf", "Sawasdee-Bold.ttf")]
# Other designs, when installed: Debian's fonts-arundina and fonts-noto-core.
ARUNDINA = Path("/usr/share/fonts/truetype/arundina")
NOTO = Path("/usr/share/fonts/truetype/noto")
TRAINING_FONTS += [ARUNDINA / f for f in (
    "ArundinaSans.ttf", "ArundinaSans-Bold.ttf", "ArundinaSerif.ttf", "ArundinaSerif-Bold.ttf",
    "ArundinaSansMono.ttf", "ArundinaSansMono-Bold.ttf")]
TRAINING_FONTS += [NOTO / f for f in (
    "NotoSansThai-Regular.ttf", "NotoSansThai-Bold.ttf", "NotoSerifThai-Regular.ttf",
    "NotoSerifThai-Bold.ttf", "NotoLoopedThai-Regular.ttf", "NotoLoopedThai-Bold.ttf")]
# Sarabun (the design of TH Sarabun New, the government's font) when installed:
# pip install fontpkg-sarabun.
try:
    import fontpkg_sarabun

    _sarabun = Path(fontpkg_sarabun.__file__).parent / "files"
    TRAINING_FONTS += [_sarabun / f"Sarabun-{w}.ttf" for w in (
        "Thin", "Light", "Regular", "Medium", "SemiBold", "Bold", "ExtraBold", "Italic", "BoldItalic")]
except ImportError:
    pass
# The tests print numbers in these; no variant of them (Waree-Oblique ...) is trained on.
TEST_FONTS = [TLWG / f for f in ("Laksaman.ttf", "Laksaman-Bold.ttf", "Waree.ttf", "Waree-Bold.ttf",
                                 "TlwgMono.ttf", "TlwgMono-Bold.ttf")]
_TEST_FAMILIES = ("Laksaman", "Waree", "TlwgMono")
assert not [f for f in TRAINING_FONTS if f.name.startswith(_TEST_FAMILIES)]

THAI_LETTERS = "กขคฆงจฉชซฌญฎฏฐฑฒณดตถทธนบปผฝพฟภมยรลวศษสหฬอฮ"
VOWELS_AFTER = ["า", "ะ", "ำ", ""]
MARKS_ABOVE = ["ิ", "ี", "ึ", "ื", "ั", "่", "้", "็", "์", ""]
MARKS_BELOW = ["ุ", "ู", ""]
LEADING = ["เ", "แ", "โ", "ใ", "ไ", ""]
WORDS = ["คะแนน", "ร้อยละ", "ปีงบประมาณ", "ตัวชี้วัดที่", "ข้อ", "ที่", "วันที่", "เรื่อง", "พ.ศ.",
         "ครั้ง", "ระดับ", "คน", "บาท", "ลงวันที่", "ศูนย์", "ดำเนินการ", "ผ่าน"]


def thai_word(rng: np.random.Generator) -> str:
    if rng.random() < 0.4:
        return str(rng.choice(WORDS))
    out = ""
    for _ in range(int(rng.integers(1, 5))):
        out += (str(rng.choice(LEADING)) + str(rng.choice(list(THAI_LETTERS)))
                + str(rng.choice(MARKS_ABOVE if rng.random() < 0.6 else MARKS_BELOW))
                + str(rng.choice(VOWELS_AFTER)))
    return out


def random_print(font: Path, rng: np.random.Generator) -> Print:
    return Print(str(font), point_size=float(rng.uniform(12, 22)), dpi=int(rng.choice([150, 200, 250, 300])),
                 skew_deg=float(rng.uniform(-2, 2)), blur=float(rng.uniform(0, 1.2)),
                 noise=float(rng.uniform(0, 12)),
                 jpeg_quality=int(rng.integers(30, 95)) if rng.random() < 0.7 else None,
                 weight=float(rng.uniform(-0.4, 0.8)) if rng.random() < 0.6 else 0.0,
                 stretch=float(rng.uniform(0.85, 1.15)) if rng.random() < 0.6 else 1.0,
                 slant=float(rng.uniform(-0.2, 0.2)) if rng.random() < 0.4 else 0.0)


def random_text(rng: np.random.Generator) -> tuple[str, str]:
    """A number to print and the Thai word glued after it (either may be empty, not both)."""
    number = random_number(rng, THAI_DIGITS if rng.random() < 0.7 else ARABIC_DIGITS)
    tail = thai_word(rng) if rng.random() < 0.3 else ""
    if rng.random() < 0.15:
        number, tail = "", thai_word(rng)
    return number, tail


def number_end(style: Print, text: str, number: str) -> float:
    """Where the number ends in the print of `text`, in pixels: the tail's glyphs lie beyond it."""
    from PIL import ImageFont

    size_px = max(6, round(style.point_size * style.dpi / 72))
    margin = size_px // 2
    font_obj = ImageFont.truetype(style.font_path, size_px)
    left = font_obj.getbbox(text)[0]
    return (margin - left + (font_obj.getlength(number) if number else 0)) * style.stretch


def count(stats: dict, key: str) -> None:
    stats[key] = stats.get(key, 0) + 1


def labelled(number: str, head: list[Glyph], rest: list[Glyph], top: int, height: int,
             stats: dict) -> tuple[list[np.ndarray], list[int]]:
    """The features and classes of a print's glyphs: the number's `head` labelled with its
    characters (its dots and dashes only counted, to check the rule that tells them), the
    `rest` with the reject class."""
    xs, ys = [], []
    for g, ch in zip(head, number):
        rule = punctuation(g, top, height)
        if ch in ".,-":
            count(stats, "punct_ok" if rule == ch else "punct_wrong")
            continue
        if rule is not None:
            count(stats, "digit_taken_as_punct")
            continue
        xs.append(digits.features(g, top, height))
        ys.append(digits.CLASSES.index(ch))
    for g in rest:
        if punctuation(g, top, height) is None:
            xs.append(digits.features(g, top, height))
            ys.append(digits.CLASSES.index(digits.REJECT))
    return xs, ys


def samples(font: Path, n: int, rng: np.random.Generator, stats: dict) -> tuple[list[np.ndarray], list[int]]:
    xs, ys = [], []
    for _ in range(n):
        style = random_print(font, rng)
        number, tail = random_text(rng)
        text = number + tail
        binary = ink(render(text, style, rng))
        parts = glyphs(binary)
        top, height = reference(parts)
        split = number_end(style, text, number)
        if (abs(style.skew_deg) > 0.5 or style.slant) and tail:
            continue  # a rotated or slanted print moves the boundary; skip rather than mislabel
        head = [g for g in parts if (g.x0 + g.x1) / 2 < split] if number else []
        rest = [g for g in parts if (g.x0 + g.x1) / 2 >= split] if number else parts
        if number and len(head) != len(number):
            count(stats, "unaligned")
            continue
        fx, fy = labelled(number, head, rest, top, height, stats)
        xs += fx
        ys += fy
    return xs, ys


def train(x: np.ndarray, y: np.ndarray, hidden: int, epochs: int, rng: np.random.Generator) -> dict:
    n_classes = len(digits.CLASSES)
    mean = x.mean(axis=0)
    scale = x.std(axis=0) + 1e-3
    xn = (x - mean) / scale
    params = {"w1": rng.normal(0, np.sqrt(2 / x.shape[1]), (x.shape[1], hidden)).astype(np.float32),
              "b1": np.zeros(hidden, np.float32),
              "w2": rng.normal(0, np.sqrt(2 / hidden), (hidden, n_classes)).astype(np.float32),
              "b2": np.zeros(n_classes, np.float32)}
    moments = {k: (np.zeros_like(v), np.zeros_like(v)) for k, v in params.items()}
    lr, beta1, beta2, step, batch = 1e-3, 0.9, 0.999, 0, 256
    for epoch in range(epochs):
        order = rng.permutation(len(xn))
        loss_sum = 0.0
        for start in range(0, len(order), batch):
            idx = order[start:start + batch]
            xb, yb = xn[idx], y[idx]
            h = np.maximum(xb @ params["w1"] + params["b1"], 0)
            logits = h @ params["w2"] + params["b2"]
            logits -= logits.max(axis=1, keepdims=True)
            p = np.exp(logits)
            p /= p.sum(axis=1, keepdims=True)
            loss_sum += -np.log(p[np.arange(len(yb)), yb] + 1e-9).sum()
            d = p
            d[np.arange(len(yb)), yb] -= 1
            d /= len(yb)
            grads = {"w2": h.T @ d, "b2": d.sum(axis=0)}
            dh = (d @ params["w2"].T) * (h > 0)
            grads["w1"] = xb.T @ dh + 1e-5 * params["w1"]
            grads["b1"] = dh.sum(axis=0)
            step += 1
            for k in params:
                m, v = moments[k]
                m[:] = beta1 * m + (1 - beta1) * grads[k]
                v[:] = beta2 * v + (1 - beta2) * grads[k] ** 2
                params[k] -= (lr * (m / (1 - beta1 ** step)) / (np.sqrt(v / (1 - beta2 ** step)) + 1e-8)).astype(np.float32)
        if epoch == epochs * 2 // 3:
            lr /= 5
        print(f"epoch {epoch + 1}: loss {loss_sum / len(xn):.4f}", file=sys.stderr)
    params["mean"], params["scale"] = mean.astype(np.float32), scale.astype(np.float32)
    return params


def aspect_limits(fonts: list[Path]) -> np.ndarray:
    """Per class, how wide its glyph may be (width / height): the 95th percentile over the
    fonts, with a tenth more for blur; the reject class has no limit."""
    from PIL import ImageFont

    limits = np.full(len(digits.CLASSES), np.inf, dtype=np.float32)
    for i, char in enumerate(digits.CLASSES):
        if char == digits.REJECT:
            continue
        aspects = []
        for font in fonts:
            x0, y0, x1, y1 = ImageFont.truetype(str(font), 100).getbbox(char)
            aspects.append((x1 - x0) / max(y1 - y0, 1))
        limits[i] = 1.1 * float(np.percentile(aspects, 95))
    return limits


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--per-font", type=int, default=1500, help="prints per training font")
    ap.add_argument("--hidden", type=int, default=256)
    ap.add_argument("--epochs", type=int, default=18)
    ap.add_argument("--out", type=Path, default=digits.MODEL_PATH)
    args = ap.parse_args(argv)
    rng = np.random.default_rng(20261122)
    fonts = [f for f in TRAINING_FONTS if f.exists()]
    if not fonts:
        sys.exit("no training fonts found (Debian: apt-get install fonts-thai-tlwg)")
    started = time.time()
    stats: dict = {}
    xs, ys = [], []
    for font in fonts:
        fx, fy = samples(font, args.per_font, rng, stats)
        xs += fx
        ys += fy
    x, y = np.stack(xs).astype(np.float32), np.asarray(ys)
    print(f"{len(fonts)} fonts, {len(x)} glyphs in {time.time() - started:.0f} s; {stats}", file=sys.stderr)
    held = rng.random(len(x)) < 0.05
    params = train(x[~held], y[~held], args.hidden, args.epochs, rng)
    model = digits.Model(params["w1"], params["b1"], params["w2"], params["b2"], params["mean"],
                         params["scale"], digits.CLASSES, aspect_limits(fonts))
    accuracy = float((model.probabilities(x[held]).argmax(axis=1) == y[held]).mean())
    print(f"held-out glyph accuracy {accuracy:.4f} ({held.sum()} glyphs)", file=sys.stderr)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(args.out, w1=params["w1"].astype(np.float16), b1=params["b1"],
                        w2=params["w2"].astype(np.float16), b2=params["b2"], mean=params["mean"],
                        scale=params["scale"], classes=np.array(digits.CLASSES),
                        max_aspect=aspect_limits(fonts))
    print(f"wrote {args.out} ({args.out.stat().st_size // 1024} KB)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
