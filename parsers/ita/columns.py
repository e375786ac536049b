"""What each column of a table holds, read from its header text.

Measure tables come with every column set imaginable (มาตรการ / แนวทาง / ขั้นตอน / ผู้รับผิดชอบ /
ระยะเวลา / การกำกับติดตาม / a status matrix / สรุปผล ...), so columns are recognised by role,
not by position. Rules are tried in order and the first match wins, because headers overlap:
`มาตรการ/แนวทาง` is the measure itself, not a guideline, and `วิธีการดำเนินการ` is steps, not a
status.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from normalizers.dates import names_a_month
from normalizers.items import item_code, leading_digits
from normalizers.statuses import status_from_text
from normalizers.thai_text import fold
from normalizers.units import parse_owners
from parsers.layout import Table
from thai.chars import CONSONANTS, without_marks


class Role(StrEnum):
    NUMBER = "number"
    INDICATOR = "indicator"
    ITEM = "item"  # a questionnaire item: its code (`e1`, `i๑๕`) and its question
    TITLE = "title"
    GUIDELINE = "guideline"
    RATIONALE = "rationale"
    STEPS = "steps"
    OWNER = "owner"
    PERIOD = "period"
    MONITORING = "monitoring"
    RESULT = "result"
    STATUS = "status"  # one column of a status matrix, or a column of printed statuses
    SCORE = "score"
    STRENGTH = "strength"
    WEAKNESS = "weakness"
    OTHER = "other"


# (role, pattern on the folded header). Order matters: see the module docstring.
_RULES: tuple[tuple[Role, re.Pattern[str]], ...] = tuple(
    (role, re.compile(pattern)) for role, pattern in (
        (Role.STATUS, r"สถานะ"),
        (Role.OWNER, r"รับผิดชอบ"),
        (Role.PERIOD, r"ระยะเวลา|ช่วงเวลา|กำหนดเวลา|^เวลา|ห้วงเวลา"),
        (Role.MONITORING, r"กำกับติดตาม|ติดตามผล|การติดตาม|ติดตามประเมิน"),
        (Role.RESULT, r"สรุปผล|ผลลัพธ์|ผลรับ|ผลสัมฤทธิ์|ผลการดำเนิน|ผลการปฏิบัติ|ผลที่ได้|ความสำเร็จ"),
        # The approach of an analysis-to-action table is its measure, though its header names
        # the analysis (`วิธีการนำผลการวิเคราะห์ไปสู่การปฏิบัติ`) or a guideline (`แนวทางการพัฒนา`).
        # OCR drops its marks (`แนวทางการพฒนา`), and the guideline rule would take it then.
        (Role.TITLE, "|".join(p for w in ("ไปสู่การปฏิบัติ", "ไปการปฏิบัติ", "^วิธีการนำผล", "^แนวทางการนำผล",
                                          "^แนวทางการพัฒนา", "^แนวทางการปรับปรุง", "^แนวทางการแก้ไข")
                              for p in dict.fromkeys((w, without_marks(w))))),
        (Role.ITEM, r"^ข้อคำถาม|^ประเด็นคำถาม"),
        (Role.RATIONALE, r"ผลการวิเคราะห์|ข้อค้นพบ|ประเด็น|สภาพปัญหา|สาเหตุ"),
        (Role.STRENGTH, r"^จุดแข็ง"),
        (Role.WEAKNESS, r"^จุดอ่อน|^จุดที่ควรพัฒนา"),
        (Role.SCORE, r"คะแนน"),
        (Role.NUMBER, r"^(ที่|ลำดับ|ลำดับที่|ข้อ|no)$"),
        (Role.INDICATOR, r"^ตัวชี้วัด|^เรื่อง$|^องค์ประกอบ|^ประเด็นการประเมิน"),
        (Role.TITLE, r"^มาตรการ|^โครงการ|^กิจกรรม|^การดำเนินการ$|^ข้อเสนอแนะ|^แผนงาน"),
        (Role.STEPS, r"ขั้นตอน|วิธีการ|วิธีดำเนินการ|การดำเนินการ"),
        (Role.GUIDELINE, r"แนวทาง|แนวปฏิบัติ"),
    )
)


# OCR drops Thai marks from headers (`ตัวชีวัด`, `ผูรบผิดชอบ`): a header no rule matches is tried
# again with the marks taken out of both the header and the rules.
_MARKLESS_RULES = tuple((role, re.compile(without_marks(p.pattern))) for role, p in _RULES)


def column_role(header: str) -> Role:
    """The role of a column from its header text.

    >>> column_role("มาตรการ/แนวทาง")
    <Role.TITLE: 'title'>
    >>> column_role("ขั้นตอน/วิธีการปฏิบัติ")
    <Role.STEPS: 'steps'>
    >>> column_role("สถานะการดำเนินงาน ดำเนินการเรียบร้อยแล้ว")
    <Role.STATUS: 'status'>
    >>> column_role("ตัวชีวัด")  # as OCR reads ตัวชี้วัด
    <Role.INDICATOR: 'indicator'>
    """
    key = fold(header)
    if not key:
        return Role.OTHER
    if status_from_text(header) is not None:
        return Role.STATUS
    for role, pattern in _RULES:
        if pattern.search(key):
            return role
    markless = without_marks(key)
    for role, pattern in _MARKLESS_RULES:
        if pattern.search(markless):
            return role
    for role, word in _LONG_WORDS:
        if _one_letter_off(word, markless):
            return role
    return Role.OTHER


# The rules' plain words of six letters or more, marks taken out: long enough that one letter
# misread by OCR (`ผู้รันผิดชอบ` for ผู้รับผิดชอบ) still names the column and nothing else.
# Anchored words (`^มาตรการ`) keep their anchor's meaning and are left out.
_LONG_WORDS = tuple((role, word) for role, p in _MARKLESS_RULES for word in p.pattern.split("|")
                    if len(word) >= 6 and re.fullmatch(r"[\u0e00-\u0e7f]+", word))


def _one_letter_off(word: str, text: str) -> bool:
    """Whether `text` holds `word` with at most one letter replaced by another.

    >>> _one_letter_off("รบผดชอบ", "ผรนผดชอบ"), _one_letter_off("รบผดชอบ", "ผรนผดชอน")
    (True, False)
    """
    n = len(word)
    return any(sum(a != b for a, b in zip(word, text[i:i + n])) <= 1 for i in range(len(text) - n + 1))


@dataclass(frozen=True)
class Columns:
    """Column roles of one table, with the header text of each status column."""

    roles: tuple[Role, ...]
    headers: tuple[str, ...]

    def first(self, role: Role) -> int | None:
        return next((i for i, r in enumerate(self.roles) if r is role), None)

    def all(self, role: Role) -> list[int]:
        return [i for i, r in enumerate(self.roles) if r is role]

    @property
    def is_measure_table(self) -> bool:
        """A table of measures: a measure column and at least one column that describes one."""
        if self.first(Role.TITLE) is None:
            return False
        describing = {Role.GUIDELINE, Role.STEPS, Role.OWNER, Role.PERIOD, Role.MONITORING,
                      Role.RESULT, Role.STATUS, Role.RATIONALE, Role.INDICATOR, Role.ITEM}
        return any(r in describing for r in self.roles)

    @property
    def is_report_table(self) -> bool:
        """Rows that report a status or a result, rather than intend something."""
        return self.first(Role.STATUS) is not None or self.first(Role.RESULT) is not None

    @property
    def is_findings_table(self) -> bool:
        return self.first(Role.STRENGTH) is not None or self.first(Role.WEAKNESS) is not None


def table_columns(headers: list[str]) -> Columns:
    roles = [column_role(h) for h in headers]
    # The title column is the leftmost measure column; a second "มาตรการ..." column further
    # right describes it (e.g. `มาตรการ | แนวทางการปฏิบัติ | ...` never has two).
    seen_title = False
    for i, role in enumerate(roles):
        if role is Role.TITLE:
            if seen_title:
                roles[i] = Role.GUIDELINE
            seen_title = True
    # Without a measure column, a steps-like "การดำเนินการ" column beside an indicator column is
    # the measure itself (ตัวชี้วัด | การดำเนินการ | ผู้รับผิดชอบ).
    if not seen_title and Role.INDICATOR in roles:
        steps = [i for i, r in enumerate(roles) if r is Role.STEPS]
        if steps:
            roles[steps[0]] = Role.TITLE
    return Columns(roles=tuple(roles), headers=tuple(headers))


# Headers of an item column vary (`ประเด็น`, `ประเด็นการประเมิน`, `ข้อ`) and name other columns
# too; the cells tell: most of them open with an item code.
_ITEM_SHARE = 0.6


_LIST_NUMBER = re.compile(r"^[๐-๙0-9]{1,2}[.)]")


def _garbled_code(text: str) -> bool:
    """Whether a cell opens with digits and a question, as an item code reads when OCR lost its
    letter (`๑๔ การประเมินผล...` for i14, `๐ ๓ แผน...` for o3); a numbered line (`๑. ...`) is not.

    >>> _garbled_code("๑๔ การประเมินผล"), _garbled_code("๐ ๓ แผนการดำเนินงาน"), _garbled_code("๑. ยังไม่มี"), _garbled_code("๘๒.๓๙")
    (True, True, False, False)
    """
    digits, rest = leading_digits(text)
    return bool(digits) and text[:1].isdigit() and not _LIST_NUMBER.match(text) \
        and any(ch in CONSONANTS for ch in rest)


def columns_of(table: Table) -> Columns:
    """The roles of a table's columns from its headers, and an item column from its cells.

    >>> from parsers.layout import Cell, Provenance
    >>> cell = lambda text: Cell([text], Provenance(1, "markup"))
    >>> grid = [[cell(h) for h in ("ประเด็น", "ข้อค้นพบ", "แนวทางการพัฒนา")],
    ...         [cell("e๑ เจ้าหน้าที่ให้บริการ"), cell("ล่าช้า"), cell("ติดป้ายขั้นตอน")]]
    >>> columns_of(Table(grid=grid, header_rows=1, prov=Provenance(1, "markup"))).roles
    (<Role.ITEM: 'item'>, <Role.RATIONALE: 'rationale'>, <Role.TITLE: 'title'>)
    """
    columns = table_columns(table.column_headers())
    roles = list(columns.roles)
    for col, role in enumerate(roles):
        if role in (Role.ITEM, Role.TITLE, Role.SCORE, Role.OWNER, Role.PERIOD):
            continue
        texts = [cells[col].text.strip() for _, cells in table.body()
                 if col < len(cells) and cells[col].merged_into is None and cells[col].text.strip()]
        coded = sum(item_code(t) is not None for t in texts)
        garbled = sum(item_code(t) is None and _garbled_code(t) for t in texts)
        if coded and coded + garbled >= _ITEM_SHARE * len(texts):
            roles[col] = Role.ITEM
        elif role is Role.OTHER:
            told = _role_by_cells(texts)
            if told is not None and told not in roles:
                roles[col] = told
    return Columns(roles=tuple(roles), headers=columns.headers)


# A column whose heading OCR garbled past reading (`หน่ว ผิดชอบ ยงานรับ` for หน่วยงานรับผิดชอบ,
# `คดำเนินงาน` for ระยะเวลาดำเนินงาน) is told by its cells: short ones that name a month are a
# period, short ones that name a known unit are its owners. A result column that prints a date
# in a sentence is no period: its cells are long.
_SHORT_CELL = 80
_MIN_CELLS = 2


def _role_by_cells(texts: list[str]) -> Role | None:
    """PERIOD or OWNER for a column of these cell texts, or None.

    >>> _role_by_cells(["สำนักปลัด", "กองคลัง"]), _role_by_cells(["เดือนตุลาคม๖๖ ถึง เดือนมีนาคม o๗", "ต.ค. ๖๖ - มี.ค. ๖๗"])
    (<Role.OWNER: 'owner'>, <Role.PERIOD: 'period'>)
    >>> _role_by_cells(["สำนักปลัด"]), _role_by_cells(["ติดป้ายประกาศ", "เผยแพร่เมื่อเดือนตุลาคม"])
    (None, None)
    """
    if len(texts) < _MIN_CELLS:
        return None
    short = [t for t in texts if len(t) <= _SHORT_CELL]
    if sum(names_a_month(t) for t in short) >= _ITEM_SHARE * len(texts):
        return Role.PERIOD
    if sum(any(o.unit_key != "other" for o in parse_owners(t)) for t in short) >= _ITEM_SHARE * len(texts):
        return Role.OWNER
    return None


def continuing(columns: Columns, before: Columns | None) -> Columns:
    """`columns` of a table that may go on from the table `before` it (the next page, its header
    repeated): a heading OCR garbled past reading (`gry ผด yet` for ผู้รับผิดชอบ) takes the role
    of the heading above it, where the two tables have as many columns and agree on the most.

    >>> before = table_columns(["ประเด็น", "ผู้รับผิดชอบ", "ระยะเวลา"])
    >>> continuing(table_columns(["ประเด็น", "gry ผด yet", "ระยะเวลา"]), before).roles[1]
    <Role.OWNER: 'owner'>
    """
    if before is None or len(before.roles) != len(columns.roles):
        return columns
    pairs = list(zip(columns.roles, before.roles))
    if 2 * sum(a is b for a, b in pairs) <= len(pairs):
        return columns
    return Columns(roles=tuple(b if a is Role.OTHER else a for a, b in pairs), headers=columns.headers)


# Every ITA table that gives the tools a column each prints them in this order.
TOOLS_IN_PRINT_ORDER = ("IIT", "EIT", "OIT")


def tools_by_place(kinds: list[str | None], start: int) -> list[str | None]:
    """`kinds` (what each column holds, None where its header was not read) with the three
    columns from `start` named IIT, EIT and OIT, where their headers were lost to OCR (IIT read
    as Thai `เห`) and those that were read agree with that order.

    >>> tools_by_place(["label", "overall", None, "EIT", None, "grade"], 2)
    ['label', 'overall', 'IIT', 'EIT', 'OIT', 'grade']
    >>> tools_by_place(["label", "overall", None, "OIT", None], 2)  # out of order: left alone
    ['label', 'overall', None, 'OIT', None]
    """
    span = kinds[start:start + 3]
    if len(span) != 3 or any(k not in (None, tool) for k, tool in zip(span, TOOLS_IN_PRINT_ORDER)):
        return kinds
    return kinds[:start] + list(TOOLS_IN_PRINT_ORDER) + kinds[start + 3:]
