"""Ruled tables on a page image: line morphology → edges → pdfplumber's table chain.

A ruling line is a long straight run of ink: opening the binary image with a long thin kernel
keeps rules and erases letters. Each piece left becomes an edge in page points, and from there
the tables are found exactly as for a PDF's vector lines (`parsers.compose.ruling.find_tables`).

The rules are also erased from the image Tesseract reads, so that borders do not come out as
`|` and `l` glued to the cells' text.
"""
from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from parsers.compose.ruling import TableCells, edge, find_tables
from parsers.ocr.settings import OcrSettings, px


@dataclass
class RuleMasks:
    horizontal: np.ndarray  # 255 where a horizontal rule is
    vertical: np.ndarray

    @property
    def both(self) -> np.ndarray:
        return cv2.bitwise_or(self.horizontal, self.vertical)


def rule_masks(binary: np.ndarray, dpi: int, settings: OcrSettings) -> RuleMasks:
    # Bridge the one-pixel breaks a light scan leaves in a rule before measuring its length.
    bridge = 3
    closed_h = cv2.morphologyEx(binary, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (bridge, 1)))
    closed_v = cv2.morphologyEx(binary, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (1, bridge)))
    horizontal = cv2.morphologyEx(closed_h, cv2.MORPH_OPEN, cv2.getStructuringElement(
        cv2.MORPH_RECT, (px(settings.rules.min_hrule_mm, dpi), 1)))
    vertical = cv2.morphologyEx(closed_v, cv2.MORPH_OPEN, cv2.getStructuringElement(
        cv2.MORPH_RECT, (1, px(settings.rules.min_vrule_mm, dpi))))
    return RuleMasks(_thin(horizontal, dpi, settings, axis=0), _thin(vertical, dpi, settings, axis=1))


def _thin(mask: np.ndarray, dpi: int, settings: OcrSettings, axis: int) -> np.ndarray:
    """Only the pieces thin across their length: a shaded cell is long too, but not a rule."""
    limit = _max_thickness(dpi, settings)
    count, labels, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    thickness = stats[:, cv2.CC_STAT_HEIGHT] if axis == 0 else stats[:, cv2.CC_STAT_WIDTH]
    keep = thickness <= limit
    keep[0] = False
    return np.where(keep[labels], 255, 0).astype(np.uint8)


def _max_thickness(dpi: int, settings: OcrSettings) -> int:
    # Twice a thick PDF rule's width, for the blur and the skew left after straightening.
    return 2 * px(settings.ruling.max_rule_thickness * 25.4 / 72, dpi) + 2


def mask_edges(masks: RuleMasks, dpi: int, settings: OcrSettings) -> list[dict]:
    """Each connected piece of a rule mask as one edge, in page points."""
    to_pt = 72 / dpi
    thick = _max_thickness(dpi, settings)
    edges: list[dict] = []
    for mask, orientation in ((masks.horizontal, "h"), (masks.vertical, "v")):
        count, _, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
        for x, y, w, h, _area in stats[1:count]:
            if orientation == "h" and h <= thick:
                mid = (y + h / 2) * to_pt
                edges.append(edge(x * to_pt, mid, (x + w) * to_pt, mid, "h"))
            elif orientation == "v" and w <= thick:
                mid = (x + w / 2) * to_pt
                edges.append(edge(mid, y * to_pt, mid, (y + h) * to_pt, "v"))
    return edges


def page_tables(binary: np.ndarray, dpi: int, settings: OcrSettings) -> tuple[list[TableCells], RuleMasks]:
    """The ruled tables of a page (boxes in points), and the rule masks that found them."""
    masks = rule_masks(binary, dpi, settings)
    return find_tables(mask_edges(masks, dpi, settings), settings.ruling), masks


def _grown(masks: RuleMasks) -> np.ndarray:
    # A little wider than the rules, over their blur.
    return cv2.dilate(masks.both, cv2.getStructuringElement(cv2.MORPH_RECT, (3, 3))) > 0


def erase_rules(pixels: np.ndarray, masks: RuleMasks) -> np.ndarray:
    """The grey page with its rules painted paper-white."""
    out = pixels.copy()
    out[_grown(masks)] = 255
    return out


def erase_ink(binary: np.ndarray, masks: RuleMasks) -> np.ndarray:
    """The binary page (ink 255) with its rules taken out."""
    out = binary.copy()
    out[_grown(masks)] = 0
    return out
