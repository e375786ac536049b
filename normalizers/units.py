"""Responsible units (ผู้รับผิดชอบ cells) of a local administrative organisation.

A cell names one or more units; a section (งาน…/ฝ่าย…) printed next to its parent is one
owner with the parent's key. Whatever is not recognised is kept as `other`, never dropped.

    >>> [(o.unit_key, o.section_th) for o in parse_owners("งานนิติการ สำนักปลัดเทศบาล")]
    [('clerk_office', 'งานนิติการ')]
    >>> [o.unit_key for o in parse_owners("ทุกกอง/งาน หน่วยตรวจสอบภายใน")]
    ['all_units', 'internal_audit']
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from normalizers.orgs import find_orgs
from normalizers.thai_text import clean
from thai.chars import CONSONANTS, mark_tolerant

__all__ = ["Owner", "UNIT_NAMES", "parse_owners"]


@dataclass(frozen=True)
class Owner:
    unit_key: str
    unit_th: str
    section_th: str | None
    owner_raw: str


UNIT_NAMES: Mapping[str, str] = MappingProxyType({
    "clerk_office": "สำนักปลัด",
    "finance_division": "กองคลัง",
    "engineering_division": "กองช่าง",
    "education_division": "กองการศึกษา",
    "public_health_division": "กองสาธารณสุขและสิ่งแวดล้อม",
    "social_welfare_division": "กองสวัสดิการสังคม",
    "agriculture_division": "กองส่งเสริมการเกษตร",
    "strategy_division": "กองยุทธศาสตร์และงบประมาณ",
    "personnel_division": "กองการเจ้าหน้าที่",
    "internal_audit": "หน่วยตรวจสอบภายใน",
    "executives": "ผู้บริหาร",
    "all_units": "ทุกหน่วยงาน",
    "working_group": "คณะทำงาน",
})
"""Canonical Thai name per unit_key; `other` keeps the printed name."""

_L = "\u0e01-\u0e2e\u0e30-\u0e3a\u0e40-\u0e45\u0e47-\u0e4e"  # Thai letters and marks
_IS_LETTER = re.compile(f"[{_L}]")
# An org after a unit ("สำนักปลัดเทศบาล", "สำนักปลัด อบต.บ่อระ") belongs to the unit; its
# name stops where a section begins ("สำนักปลัดเทศบาลงานนิติการ").
_ORG_TAIL = (r"(?:\s?(?:เทศบาล(?:ตำบล|เมือง|นคร)?|องค์(?:การ|กร)บริหารส่วน(?:ตำบล|จังหวัด)"
             rf"|อบต\.?|อบจ\.?|ทต\.|ทม\.|ทน\.)(?:[{_L}]*?(?=งาน|ฝ่าย|[^{_L}]|$)))?")
_SECTION_END = (rf"(?=[^{_L}]|$|สำนัก|กอง|หน่วย|ฝ่าย|ทุก"
                r"|ส่วน(?:การ|โยธา|สาธารณสุข|สวัสดิการ|ส่งเสริม))")
_DIVISION = r"(?:กอง|ส่วน)"

# (unit_key, pattern, needs a word start). Order matters: specific names before the
# catch-all กอง… and sections. A word start is needed where the pattern is also the tail
# of ordinary words (ดำเนินงาน, ผ่านปลัด).
_LEXICON: tuple[tuple[str, str, bool], ...] = (
    ("all_units", r"ทุก\s?(?:สำนัก|กอง|ส่วนราชการ|ส่วนงาน|ส่วน|หน่วยงาน|หน่วย|งาน|ฝ่าย)"
                  r"(?:ราชการ|ภายใน|ที่เกี่ยวข้อง)?"
                  rf"(?:\s?/\s?(?:สำนัก|กอง|ส่วน|หน่วยงาน|หน่วย|งาน|ฝ่าย)(?![{_L}]))*", False),
    ("working_group", rf"คณะ(?:อนุ)?(?:กรรมการ|ทำงาน)[{_L}]*|ตามคำสั่ง[{_L}]*", False),
    ("clerk_office", rf"สำนัก(?:งาน)?ปลัด{_ORG_TAIL}", False),
    ("clerk_office", rf"สป\.?(?![{_L}])", True),
    ("finance_division", rf"{_DIVISION}(?:การ)?คลัง", False),
    ("engineering_division", rf"{_DIVISION}(?:ช่าง|โยธา)", False),
    ("education_division", rf"{_DIVISION}การศึกษา(?:\s?,?\s?ศาสนา\s?(?:และ)?\s?วัฒนธรรม)?", False),
    ("public_health_division", rf"{_DIVISION}สาธารณสุข(?:\s?และ\s?สิ่งแวดล้อม)?", False),
    ("social_welfare_division", rf"{_DIVISION}(?:สวัสดิการ(?:และ)?สังคม|สวัสดิการ|สังคมสงเคราะห์)",
     False),
    ("agriculture_division", rf"{_DIVISION}(?:ส่งเสริม)?การเกษตร", False),
    ("strategy_division", r"กอง(?:ยุทธศาสตร์(?:และงบประมาณ)?|วิชาการ(?:และแผนงาน)?"
                          r"|แผนงาน(?:และงบประมาณ)?|นโยบายและแผน(?:งาน)?)", False),
    ("personnel_division", rf"{_DIVISION}การเจ้าหน้าที่", False),
    ("internal_audit", r"หน่วย(?:งาน)?ตรวจสอบภายใน|งานตรวจสอบภายใน"
                       r"|(?:นักวิชาการ|ผู้)ตรวจสอบภายใน", False),
    ("executives", r"(?:คณะ)?ผู้บริหาร(?:ท้องถิ่น)?", False),
    # The chief administrator (ปลัด) is counted with the elected executives as management.
    ("executives", rf"(?:รอง)?(?:นายก|ปลัด)(?:เทศมนตรี)?{_ORG_TAIL}", True),
    ("other", rf"กอง[{_L}]+?{_SECTION_END}", False),
    ("section", rf"(?:งาน|ฝ่าย)[{_L}]+?{_SECTION_END}", True),
)
_COMPILED = tuple((key, re.compile(pattern + "ฯ?"), word_start)
                  for key, pattern, word_start in _LEXICON)

# A unit's name as a scan reads it, its marks dropped (`กองการเจ้าหนาท`): taken where it reads
# longer than what the lexicon found there, or as long as an unknown กอง…; a name the lexicon
# knows longer (`กองการศึกษาศาสนาและวัฒนธรรม`) keeps the lexicon's.
_MARKS_DROPPED = tuple((key, re.compile(mark_tolerant(name))) for key, name in UNIT_NAMES.items()
                       if name.startswith(("กอง", "หน่วย")))

_EMPTY_CELL = re.compile(r"^[\s\-–—.…/]*$")
_SEPARATORS = re.compile(r"[\s,;/、&+()\[\]\-–—•·:ฯ]+")
_FILLERS = frozenset({"และ", "กับ", "ร่วมกับ", "โดย", "หรือ", "ผู้อำนวยการ", "หัวหน้า", "ผอ",
                      "ผอ.", "ผู้รับผิดชอบ", "ฯลฯ", "เทศบาล", "อบต", "อบต.", "อบจ."})
# Gap between a section and its parent: "สำนักปลัด งานนิติการ", "สำนักปลัด (งานนิติการ)".
_ADJACENT_GAP = re.compile(r"^[\s()]*$")

# Which parent a section usually belongs to, to decide between two printed neighbours.
_SECTION_AFFINITY = (
    ("clerk_office", ("นิติการ", "การเจ้าหน้าที่", "บุคคล", "บริหารทั่วไป", "บริหารงานทั่วไป",
                      "ธุรการ", "อำนวยการ", "ป้องกัน", "กิจการสภา", "ประชาสัมพันธ์",
                      "นโยบายและแผน", "สารบรรณ", "ทะเบียนราษฎร", "ปกครอง")),
    ("finance_division", ("พัสดุ", "การเงิน", "บัญชี", "รายได้", "ผลประโยชน์", "ภาษี",
                          "ทรัพย์สิน", "คลัง")),
    ("engineering_division", ("ก่อสร้าง", "ออกแบบ", "สาธารณูปโภค", "ไฟฟ้า", "ประปา", "ผังเมือง",
                              "โยธา")),
    ("education_division", ("การศึกษา", "ศาสนา", "วัฒนธรรม", "กีฬา", "พัฒนาเด็ก")),
    ("public_health_division", ("สาธารณสุข", "สิ่งแวดล้อม", "ความสะอาด", "สุขภาพ", "โรค")),
    ("social_welfare_division", ("สวัสดิการ", "สังคมสงเคราะห์", "พัฒนาชุมชน")),
)


@dataclass
class _Token:
    key: str
    text: str
    start: int
    end: int
    sections: list[str] = field(default_factory=list)


def _match_at(text: str, pos: int, word_start: bool) -> tuple[str, re.Match[str]] | None:
    """The unit, section or other owner word printed at `pos`: the longest reading, a spelling
    with marks lost where it reaches further than the exact one."""
    found = next(((key, m) for key, pattern, needs_word_start in _COMPILED
                  if (word_start or not needs_word_start)
                  and (m := pattern.match(text, pos)) is not None and m.end() > pos), None)
    misread = next(((key, m) for key, pattern in _MARKS_DROPPED
                    if (m := pattern.match(text, pos)) is not None), None)
    if misread is not None and (found is None or misread[1].end() > found[1].end()
                                or (found[0] == "other" and misread[1].end() == found[1].end())):
        found = misread
    return found


def _tokens(text: str) -> list[_Token]:
    """The owner words of `text` in order. OCR can double a word's first letter (a speck before
    it read as the letter: `กกองคลัง`, `งงานนิติการ`); no unit's name starts so, and the stray
    letter goes with the word.

    >>> [(t.key, t.text) for t in _tokens("กกองคลัง สำนักปลัดงงานนิติการ")]
    [('finance_division', 'กองคลัง'), ('clerk_office', 'สำนักปลัด'), ('section', 'งานนิติการ')]
    """
    tokens: list[_Token] = []
    pos, last_end = 0, 0
    while pos < len(text):
        word_start = pos == last_end or not _IS_LETTER.match(text, pos - 1)
        found = _match_at(text, pos, word_start)
        if found is None and word_start and text[pos:pos + 1] in CONSONANTS and text[pos + 1:pos + 2] == text[pos]:
            found = _match_at(text, pos + 1, True)
        if found is None:
            pos += 1
            continue
        key, match = found
        tokens.append(_Token(key, match.group(0).strip(), pos, match.end()))
        pos = last_end = match.end()
    return tokens


def _affinity(section: str) -> str | None:
    return next((key for key, words in _SECTION_AFFINITY if any(w in section for w in words)),
                None)


def _attach_sections(tokens: list[_Token], text: str) -> list[_Token]:
    """Fold each section into the parent printed beside it; the rest stay as tokens."""
    result: list[_Token] = []
    previous_parent: _Token | None = None  # parent whose sections chain up to here
    for i, token in enumerate(tokens):
        if token.key != "section":
            result.append(token)
            previous_parent = token if token.key not in ("other", "working_group") else None
            continue
        before = (previous_parent if previous_parent is not None and i > 0
                  and _ADJACENT_GAP.match(text[tokens[i - 1].end:token.start]) else None)
        after = None
        if i + 1 < len(tokens):
            nxt = tokens[i + 1]
            if (nxt.key not in ("section", "other", "working_group")
                    and _ADJACENT_GAP.match(text[token.end:nxt.start])):
                after = nxt
        parent = after or before
        if before is not None and after is not None:
            preferred = _affinity(token.text)
            parent = before if preferred == before.key and preferred != after.key else after
        if parent is None:
            result.append(_Token("other", token.text, token.start, token.end))
            previous_parent = None
            continue
        parent.sections.append(token.text)
        previous_parent = parent
    return result


def _leftovers(tokens: list[_Token], text: str) -> list[tuple[int, str]]:
    """Printed fragments no pattern recognised, with their positions."""
    chunks, pos = [], 0
    for token in [*tokens, _Token("", "", len(text), len(text))]:
        chunk = text[pos:token.start]
        pos = max(pos, token.end)
        for org in find_orgs(chunk):
            chunk = chunk.replace(org.name, " ")
        chunk = _SEPARATORS.sub(" ", chunk).strip()
        words = [w for w in chunk.split(" ") if w and w not in _FILLERS]
        if words and _IS_LETTER.search(" ".join(words)):
            chunks.append((token.start, " ".join(words)))
    return chunks


def parse_owners(text: str | None) -> list[Owner]:
    """The responsible units named in one cell, in printed order.

    >>> [(o.unit_key, o.unit_th, o.section_th) for o in parse_owners("สำนักปลัดงานนิติการ")]
    [('clerk_office', 'สำนักปลัด', 'งานนิติการ')]
    >>> [o.unit_key for o in parse_owners("สำนักปลัด, กองคลัง")]
    ['clerk_office', 'finance_division']
    >>> parse_owners("-")
    []
    >>> [o.unit_key for o in parse_owners("กองสาธารณสุขและสิงแวดล้อม กองการเจ้าหนาท")]  # as OCR reads them
    ['public_health_division', 'personnel_division']
    """
    raw = clean(text)
    if raw is None or _EMPTY_CELL.match(raw):
        return []
    found = _tokens(raw)
    tokens = _attach_sections(found, raw)
    # A committee or "the people named by order …" is one owner; the words around it
    # (the order's title, the org) describe it rather than name further units.
    has_group = any(t.key == "working_group" for t in tokens)
    positioned: list[tuple[int, str, str, str | None]] = []
    for token in tokens:
        if token.key == "other":
            if not has_group:
                positioned.append((token.start, "other", token.text, None))
            continue
        name = UNIT_NAMES[token.key]
        for section in token.sections or [None]:
            positioned.append((token.start, token.key, name, section))
    if not has_group:
        positioned += [(start, "other", chunk, None) for start, chunk in _leftovers(found, raw)]
    positioned.sort(key=lambda item: item[0])

    with_section = {(key, name) for _, key, name, section in positioned if section}
    owners: list[Owner] = []
    for _, key, name, section in positioned:
        # A unit printed once with a section and once bare is one owner: keep the section.
        if section is None and (key, name) in with_section:
            continue
        owner = Owner(key, name, section, raw)
        if owner not in owners:
            owners.append(owner)
    return owners
