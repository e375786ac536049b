"""A word's ink cut into glyphs for the Thai-digit reader (`parsers.ocr.digits`).

The connected pieces of ink, left to right, with a letter's marks and a light scan's broken
strokes joined to their glyph and the marks of the lines above and below left out; a piece too
wide for one glyph can be cut in two where least ink crosses it, and a glyph taken without the
specks of the scan merged into it. Dots, commas and dashes are told here by their size and place
on the line: they need no classifier.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

import cv2
import numpy as np


@dataclass(frozen=True)
class Glyph:
    x0: int
    y0: int
    x1: int
    y1: int
    pixels: np.ndarray  # its own ink, 255 on 0, cut to its box
    # Cut by the crop's left or right side: part of a neighbour, never read as a digit.
    partial: bool = False

    @property
    def height(self) -> int:
        return self.y1 - self.y0

    @property
    def width(self) -> int:
        return self.x1 - self.x0


def glyphs(binary: np.ndarray) -> list[Glyph]:
    """The connected pieces of ink, left to right; pieces close one above the other (a glyph
    broken by a light scan, a letter and its marks) are one glyph."""
    count, labels, stats, _ = cv2.connectedComponentsWithStats(binary, connectivity=8)
    boxes = [[int(x), int(y), int(x + w), int(y + h), [i]] for i, (x, y, w, h, area) in
             enumerate(stats) if i > 0 and area >= 2]
    boxes.sort(key=lambda b: b[0])
    merged: list[list] = []
    for box in boxes:
        if merged:
            last = merged[-1]
            overlap = min(last[2], box[2]) - max(last[0], box[0])
            narrower = min(last[2] - last[0], box[2] - box[0])
            # Close above or below: a mark of the line above or below is further away.
            gap = max(box[1] - last[3], last[1] - box[3])
            if overlap > 0.6 * narrower and gap <= 0.3 * max(last[3] - last[1], box[3] - box[1]):
                last[0], last[1] = min(last[0], box[0]), min(last[1], box[1])
                last[2], last[3] = max(last[2], box[2]), max(last[3], box[3])
                last[4].extend(box[4])
                continue
        merged.append(box)
    out = []
    for x0, y0, x1, y1, ids in merged:
        cut = np.isin(labels[y0:y1, x0:x1], ids).astype(np.uint8) * 255
        out.append(Glyph(x0, y0, x1, y1, cut, partial=x0 == 0 or x1 == binary.shape[1]))
    top, height = reference(out)
    edge = binary.shape[0]
    # A small piece cut by the crop's top or bottom, or one wholly above or below the line's
    # band, is a mark of the line above or below (a line's own marks are merged into letters).
    out = [g for g in out if not ((g.y0 == 0 or g.y1 == edge) and g.height < 0.5 * height)
           and g.y0 < top + height + 2 and g.y1 > top - 2]
    return [_trim_to_line(g, top, height, edge) for g in out]


def _trim_to_line(glyph: Glyph, top: int, height: int, crop_height: int) -> Glyph:
    """A glyph that runs out of the crop, far taller than the line, is touching a letter of the
    line above or below (a light scan's bleed): only its part in the line's band is kept."""
    if glyph.height <= 1.5 * height or (glyph.y0 > 0 and glyph.y1 < crop_height):
        return glyph
    a = max(top - height // 4 - glyph.y0, 0)
    b = min(top + height + height // 4 - glyph.y0, glyph.height)
    trimmed = _ink_of(glyph.x0, glyph.y0 + a, glyph.pixels[a:b])
    return replace(trimmed, partial=glyph.partial) if trimmed else glyph


def _ink_of(x0: int, y0: int, pixels: np.ndarray) -> Glyph | None:
    """The glyph of the ink in `pixels` (placed at x0, y0), cut to its box; None if blank."""
    rows = np.flatnonzero(pixels.any(axis=1))
    cols = np.flatnonzero(pixels.any(axis=0))
    if rows.size == 0:
        return None
    return Glyph(x0 + int(cols[0]), y0 + int(rows[0]), x0 + int(cols[-1]) + 1, y0 + int(rows[-1]) + 1,
                 pixels[rows[0]:rows[-1] + 1, cols[0]:cols[-1] + 1])


def halves(glyph: Glyph, cut: int | None = None) -> list[Glyph]:
    """The piece cut in two at column `cut` (default: where least ink crosses its middle);
    [glyph] when nothing is left on one side.

    Only the bridge in that column is cut: each side keeps its whole connected ink, so a
    slash leaning under the digit beside it goes with the slash, not with the digit."""
    if cut is None:
        cuts = cut_columns(glyph)
        if not cuts:
            return [glyph]
        cut = cuts[0]
    bridged = glyph.pixels.copy()
    bridged[:, cut] = 0
    count, labels, stats, centroids = cv2.connectedComponentsWithStats(bridged, connectivity=8)
    left = np.zeros_like(bridged)
    right = np.zeros_like(bridged)
    for i in range(1, count):
        side = left if centroids[i][0] < cut else right
        side[labels == i] = 255
    pieces = [p for p in (_ink_of(glyph.x0, glyph.y0, left), _ink_of(glyph.x0, glyph.y0, right))
              if p is not None]
    return pieces if len(pieces) == 2 else [glyph]


def cut_columns(glyph: Glyph, count: int = 3) -> list[int]:
    """Up to `count` columns in the middle of the piece where least ink crosses it, least
    first, at least two pixels apart."""
    columns = (glyph.pixels > 0).sum(axis=0)
    lo, hi = int(0.25 * glyph.width), int(0.75 * glyph.width)
    chosen: list[int] = []
    for c in sorted(range(lo, hi), key=lambda c: (columns[c], abs(c - glyph.width / 2))):
        if all(abs(c - o) >= 2 for o in chosen):
            chosen.append(c)
        if len(chosen) == count:
            break
    return chosen


def reference(parts: list[Glyph]) -> tuple[int, int]:
    """Top and height of the line's digits: the tall pieces' band (marks and dots are lower).

    Tall is measured against the 80th percentile, not the tallest: a crop can catch a letter
    joined to the line below, or the stroke of a signature, twice the digits' height."""
    if not parts:
        return 0, 1
    tallest = float(np.percentile([g.height for g in parts], 80))
    tall = [g for g in parts if g.height >= 0.6 * tallest]
    top = int(np.median([g.y0 for g in tall]))
    bottom = int(np.median([g.y1 for g in tall]))
    return top, max(bottom - top, 1)


def punctuation(glyph: Glyph, ref_top: int, ref_height: int) -> str | None:
    """A dot, comma or dash, told by size and place; None for anything else."""
    h, w = glyph.height, glyph.width
    if h > 0.45 * ref_height or w > 1.2 * ref_height:
        return None
    mid = (glyph.y0 + glyph.y1) / 2 - ref_top
    if w >= 1.6 * h and w >= 0.25 * ref_height and 0.25 * ref_height <= mid <= 0.8 * ref_height:
        return "-"
    if w <= 0.45 * ref_height and glyph.y0 >= ref_top + 0.55 * ref_height:
        return "," if glyph.y1 > ref_top + ref_height + 0.2 * ref_height else "."
    return None



# A piece of ink this small beside a glyph's own (a share of its area) is a speck of the scan,
# not a mark: the smallest Thai tone mark is some 7% of its letter.
_SPECK_SHARE = 0.03


def without_specks(glyph: Glyph) -> Glyph | None:
    """The glyph's largest piece alone, when every other piece merged into it is a speck;
    None when it has no specks to lose."""
    count, labels, stats, _ = cv2.connectedComponentsWithStats(glyph.pixels, connectivity=8)
    if count <= 2:
        return None
    areas = stats[1:, cv2.CC_STAT_AREA]
    main = int(areas.argmax())
    if any(a > _SPECK_SHARE * areas[main] for i, a in enumerate(areas) if i != main):
        return None
    pixels = np.where(labels == main + 1, 255, 0).astype(np.uint8)
    found = _ink_of(glyph.x0, glyph.y0, pixels)
    return replace(found, partial=glyph.partial) if found else None
