"""Signatories: a name in parentheses, the position on the line below.

    (ลงชื่อ)
    (นางสาวนุรไอนี ตาโอะ)
    หัวหน้าสำนักปลัด

The role comes from the words printed near the signature (ผู้จัดทำ, ผู้ตรวจ, ความเห็นชอบ...)
and, failing that, is left to the position: the executive approves, the clerk reviews.
"""
from __future__ import annotations

import re

from parsers.ita.records import PrintedSignatory
from parsers.layout import TextLine

_NAME = re.compile(r"^\(\s*(?P<name>[^()]{3,60}?)\s*\)\s*(?P<after>.*)$")
_TITLES = ("นาย", "นาง", "นางสาว", "น.ส.", "ว่าที่", "จ.อ.", "ด.ต.", "ร.ต.", "พ.ต.", "ดร.", "ส.อ.")
_POSITION_PREFIX = re.compile(r"^ตำแหน่ง\s*")
_ROLE_WORDS = (("ผู้จัดทำ", "preparer"), ("ผู้รายงาน", "preparer"), ("ผู้ตรวจ", "reviewer"),
               ("ผู้เห็นชอบ", "approver"), ("ผู้อนุมัติ", "approver"), ("ผู้สั่งการ", "approver"))


def _looks_like_name(text: str) -> bool:
    words = text.split()
    return (len(words) in (1, 2, 3) and not text.startswith("ลงชื่อ")
            and not any(ch.isdigit() or "๐" <= ch <= "๙" for ch in text)
            and (text.startswith(_TITLES) or len(words) >= 2))


def _role(context: str, position: str | None) -> str:
    for word, role in _ROLE_WORDS:
        if word in context:
            return role
    if position and "นายก" in position:
        return "approver"
    if position and "ปลัด" in position and "หัวหน้าสำนักปลัด" not in position:
        return "reviewer"
    return "signer"


def signatories_from_lines(lines: list[TextLine]) -> list[PrintedSignatory]:
    found: list[PrintedSignatory] = []
    for i, line in enumerate(lines):
        m = _NAME.match(line.text.strip())
        if not m or not _looks_like_name(m.group("name")):
            continue
        position = m.group("after").strip() or None
        if position is None and i + 1 < len(lines) and not _NAME.match(lines[i + 1].text.strip()):
            candidate = lines[i + 1].text.strip()
            if len(candidate) <= 80:
                position = candidate
        if position:
            position = _POSITION_PREFIX.sub("", position).strip() or None
        context = " ".join(line.text for line in lines[max(0, i - 2):i + 1])
        found.append(PrintedSignatory(name=m.group("name"), prov=line.prov, position=position,
                                      role=_role(context, position)))
    return found
