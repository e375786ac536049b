"""Reading the inside of a table cell: item lists, a measure's own title and its sub-items.

Cells arrive as paragraphs (a `<p>`, a list item, a line of a PDF cell). A paragraph may still
hold a whole list run together (`- a - b`, `๑. a ๒. b`) because OCR and Word exports flatten
lists; these functions split such runs back into items, keeping each item's printed numbering.
"""
from __future__ import annotations

import re

from normalizers.numerals import thai_to_arabic
from thai.numbering import split_numbering

# A bullet that starts an item: at the start, or after whitespace (not inside `On–Site`).
_BULLET_SPLIT = re.compile(r"(?:^|\s)[-•▪●◦*]\s*(?=\S)")
_NUMBER_TOKEN = re.compile(r"(?:^|(?<=\s))([๐-๙0-9]{1,2}(?:[.][๐-๙0-9]{1,2})*)[.)]?\s+(?=\S)")


def _split_bullets(text: str) -> list[str] | None:
    stripped = text.strip()
    if not stripped or stripped[0] not in "-•▪●◦*":
        return None
    items = [p.strip() for p in _BULLET_SPLIT.split(stripped)]
    return [p for p in items if p]


def _split_sequential_numbers(text: str) -> list[str] | None:
    """Split `๑. a ๒. b ๓. c` where the numbers count up by one from 1 (so that a stray number in
    the text, `มาตรา ๙`, is not mistaken for an item)."""
    stripped = text.strip()
    starts: list[int] = []
    expected = 1
    for m in _NUMBER_TOKEN.finditer(stripped):
        token = thai_to_arabic(m.group(1))
        head = token.split(".")[0]
        if "." in token:
            continue  # sub-items (๑.๑) stay inside their parent item
        if head.isdigit() and int(head) == expected:
            starts.append(m.start())
            expected += 1
    if len(starts) < 2 or starts[0] != 0:
        return None
    bounds = starts + [len(stripped)]
    return [stripped[a:b].strip() for a, b in zip(bounds, bounds[1:]) if stripped[a:b].strip()]


def split_items(paragraphs: list[str]) -> list[str]:
    """Items of a list cell, numbering and bullets kept as printed.

    >>> split_items(["- จัดทำแนวทาง - เผยแพร่"])
    ['- จัดทำแนวทาง', '- เผยแพร่']
    >>> split_items(["๑. ทบทวนคู่มือ ๒. อบรมเจ้าหน้าที่"])
    ['๑. ทบทวนคู่มือ', '๒. อบรมเจ้าหน้าที่']
    """
    items: list[str] = []
    for para in paragraphs:
        para = para.strip()
        if not para:
            continue
        bullets = _split_bullets(para)
        if bullets:
            items.extend(f"- {b}" for b in bullets)
            continue
        numbered = _split_sequential_numbers(para)
        items.extend(numbered or [para])
    return items


def _is_item(paragraph: str) -> bool:
    number, _ = split_numbering(paragraph)
    return number is not None or paragraph.lstrip()[:1] in "-•▪●◦*"


def title_and_subitems(paragraphs: list[str]) -> tuple[str, list[str]]:
    """A measure cell: its title (first paragraph and any unnumbered continuation lines) and the
    numbered or bulleted sub-items below it, which are the measure's steps.

    >>> title_and_subitems(["๑. จัดให้มีการอำนวยความสะดวก", "๑.๑ มีเก้าอี้", "๑.๒ มีป้าย"])
    ('๑. จัดให้มีการอำนวยความสะดวก', ['๑.๑ มีเก้าอี้', '๑.๒ มีป้าย'])
    """
    paragraphs = [p.strip() for p in paragraphs if p and p.strip()]
    if not paragraphs:
        return "", []
    title_parts = [paragraphs[0]]
    rest = paragraphs[1:]
    while rest and not _is_item(rest[0]):
        title_parts.append(rest.pop(0))
    return " ".join(title_parts), split_items(rest)
