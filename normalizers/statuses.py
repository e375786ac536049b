"""Measure statuses: printed status phrases and tick marks in status-matrix cells.

    >>> status_from_text("ยังไม่ดำเนินการ")
    <MeasureStatus.NOT_STARTED: 'not_started'>
    >>> status_from_text("ดำเนินการเรียบร้อยแล้ว") == "completed"
    True
    >>> is_tick("✓"), is_tick("-")
    (True, False)
"""
from __future__ import annotations

import re
from enum import StrEnum

from normalizers.thai_text import clean

__all__ = ["MeasureStatus", "status_from_text", "is_tick"]


class MeasureStatus(StrEnum):
    """`statuses.status`: where a measure stands."""

    PLANNED = "planned"  # a row of a plan table: nothing reported yet
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    REPORTED = "reported"  # a row of a report table whose status is not printed

# Checked in this order: every not-started and in-progress phrase contains ดำเนินการ or
# เสร็จ, which would otherwise read as completed.
_STATUS_PHRASES: tuple[tuple[MeasureStatus, tuple[str, ...]], ...] = (
    (MeasureStatus.NOT_STARTED, ("ยังไม่ได้ดำเนินการ", "ยังไม่ดำเนินการ", "ไม่ได้ดำเนินการ", "ยังไม่เริ่ม")),
    (MeasureStatus.IN_PROGRESS, ("อยู่ระหว่างดำเนินการ", "อยู่ระหว่างการดำเนินการ", "ระหว่างดำเนินการ",
                     "กำลังดำเนินการ", "ยังไม่แล้วเสร็จ", "ยังไม่เสร็จ", "ดำเนินการบางส่วน")),
    (MeasureStatus.COMPLETED, ("ดำเนินการเรียบร้อยแล้ว", "ดำเนินการแล้วเสร็จ", "ดำเนินการเสร็จสิ้น",
                   "ดำเนินการแล้ว", "เรียบร้อยแล้ว", "เสร็จสิ้น", "แล้วเสร็จ")),
)


def status_from_text(text: str | None) -> MeasureStatus | None:
    """not_started, in_progress or completed for a printed status, else None.

    >>> status_from_text("อยู่ระหว่าง ดำเนินการ") == MeasureStatus.IN_PROGRESS
    True
    >>> status_from_text("สถานะการดำเนินงาน") is None
    True
    """
    cleaned = clean(text)
    if cleaned is None:
        return None
    compact = re.sub(r"\s+", "", cleaned)
    for status, phrases in _STATUS_PHRASES:
        if any(phrase in compact for phrase in phrases):
            return status
    return None


_TICKS = frozenset("✓✔☑☒✗✘xX/√●")
_NOT_TICKS = frozenset("-–—☐□▢")


def is_tick(text: str | None) -> bool:
    """Whether a status-matrix cell holds a mark (✓ ✔ ☑ ☒ ✗ x / √ ●) rather than -, ☐ or nothing.

    >>> is_tick(" / ")
    True
    >>> is_tick("☐")
    False
    >>> is_tick("xyz")
    False
    """
    if not text:
        return False
    stripped = text.strip()
    if not stripped or stripped[0] in _NOT_TICKS or stripped[0] not in _TICKS:
        return False
    # A Latin x or a slash counts only standing alone, not as the start of a word or date.
    return len(stripped) == 1 or stripped[1].isspace() or stripped[0] not in "xX/"
