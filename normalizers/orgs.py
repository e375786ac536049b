"""Organisations: local administrations with their canonical full name and org_type, other
bodies (hospitals, offices, colleges, schools) as printed, org_type other.

    >>> parse_org("อบต. ศรีธาตุ")
    Org(name='องค์การบริหารส่วนตำบลศรีธาตุ', org_type='sao')
    >>> parse_org("ของเทศบาลตำบลบางปลา ประจำปีงบประมาณ").name
    'เทศบาลตำบลบางปลา'
    >>> parse_org("นายกเทศมนตรีตำบลแร่") is None
    True
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from normalizers.thai_text import clean

__all__ = ["Org", "parse_org", "find_orgs", "other_body"]


@dataclass(frozen=True)
class Org:
    name: str
    org_type: str


_THAI_LETTERS = "\u0e01-\u0e2e\u0e30-\u0e3a\u0e40-\u0e45\u0e47-\u0e4e"  # no ฯ, ๆ or digits

# (printed prefix, canonical prefix, org_type, is an abbreviation). Full forms need the
# name attached; abbreviations may be followed by a space ("อบต. ศรีธาตุ"). "องค์กร" is a
# frequent misspelling of "องค์การ".
_PREFIXES = (
    (r"องค์(?:การ|กร)บริหารส่วนตำบล", "องค์การบริหารส่วนตำบล", "sao", False),
    (r"องค์(?:การ|กร)บริหารส่วนจังหวัด", "องค์การบริหารส่วนจังหวัด", "pao", False),
    (r"เทศบาลตำบล", "เทศบาลตำบล", "subdistrict_municipality", False),
    (r"เทศบาลเมือง", "เทศบาลเมือง", "town_municipality", False),
    (r"เทศบาลนคร", "เทศบาลนคร", "city_municipality", False),
    (r"อบต\.?\s?", "องค์การบริหารส่วนตำบล", "sao", True),
    (r"อบจ\.?\s?", "องค์การบริหารส่วนจังหวัด", "pao", True),
    # Without their dot, ทน ("to endure") and ทม are ordinary words.
    (r"ทต\.\s?", "เทศบาลตำบล", "subdistrict_municipality", True),
    (r"ทม\.\s?", "เทศบาลเมือง", "town_municipality", True),
    (r"ทน\.\s?", "เทศบาลนคร", "city_municipality", True),
)
# Bangkok and Pattaya are organisations whose name is the whole phrase.
_WHOLE_NAMES = (
    (r"กรุงเทพมหานคร|(?<![\u0e01-\u0e4e])กทม\.", "กรุงเทพมหานคร", "bangkok"),
    (r"เมืองพัทยา", "เมืองพัทยา", "pattaya"),
)
# An abbreviation must start a word: not the อบต of "ขออบต" (but "ของ อบต." is fine).
_WORD_START = r"(?<![\u0e01-\u0e4e])"
_ORG_RE = re.compile("|".join(
    [f"(?P<p{i}>{_WORD_START if abbreviation else ''}{pattern})(?P<n{i}>[{_THAI_LETTERS}]*)"
     for i, (pattern, _, _, abbreviation) in enumerate(_PREFIXES)]
    + [f"(?P<w{i}>{pattern})" for i, (pattern, _, _) in enumerate(_WHOLE_NAMES)]))

# Where a name ends when nothing but letters follows it: the words that come after an org
# name in addresses, titles and prose ("…โป่งน้ำร้อนได้รับผลการประเมิน").
_NAME_STOP = re.compile(r"อำเภอ|จังหวัด|ตำบล|ประจำ|จึง|ซึ่ง|โดย|เพื่อ|และ|มีการ|ในการ|ในเขต|ว่าด้วย|เรื่อง"
                        r"|ได้(?:รับ|ดำเนิน|จัด|มี|ทำ|ประกาศ|กำหนด|รายงาน|เข้า)")


def _name(raw: str, text: str, end: int) -> str:
    stop = _NAME_STOP.search(raw, 1)
    if stop is not None:
        raw = raw[:stop.start()]
    # "…ศรีธาตุอ.ศรีธาตุ" and "…แร่จ.สกลนคร": the letter before the dot abbreviates อำเภอ/จังหวัด.
    elif text[end:end + 1] == "." and raw[-1:] in ("อ", "จ") and len(raw) > 1:
        raw = raw[:-1]
    return raw


def find_orgs(text: str | None) -> list[Org]:
    """Every organisation mentioned, in order of first mention, without repeats.

    >>> [o.name for o in find_orgs("สำนักปลัดองค์การบริหารส่วนตำบลบ่อระ และ ทต.แร่")]
    ['องค์การบริหารส่วนตำบลบ่อระ', 'เทศบาลตำบลแร่']
    """
    cleaned = clean(text)
    if cleaned is None:
        return []
    found: list[Org] = []
    for match in _ORG_RE.finditer(cleaned):
        org = _org(match, cleaned)
        if org is not None and org not in found:
            found.append(org)
    return found


def _org(match: re.Match[str], text: str) -> Org | None:
    group = match.lastgroup or ""
    if group.startswith("w"):
        _, canonical, org_type = _WHOLE_NAMES[int(group[1:])]
        return Org(canonical, org_type)
    index = int(group[1:])
    _, canonical, org_type, _ = _PREFIXES[index]
    name = _name(match.group(f"n{index}"), text, match.end())
    return Org(canonical + name, org_type) if name else None


# Bodies that are not local administrations (hospitals, health offices, colleges, schools):
# org_type other, the name as printed, to the first space or the first word that ends a name.
_BODY_KIND = r"(?:โรงพยาบาล(?:ส่งเสริมสุขภาพตำบล)?|สำนักงานสาธารณสุข(?:อำเภอ|จังหวัด)?|วิทยาลัย|โรงเรียน)"
_OTHER_BODY = re.compile(rf"{_BODY_KIND}(?P<n>[{_THAI_LETTERS}]+)")
# Where a name runs into the next body's (two lines of a cover joined): it ends there.
_NEXT_BODY = re.compile(_BODY_KIND)


def other_body(text: str | None) -> Org | None:
    """The first body named in the text that is not a local administration.

    >>> other_body("โรงพยาบาลแม่ทะ อำเภอแม่ทะ จังหวัดลำปาง")
    Org(name='โรงพยาบาลแม่ทะ', org_type='other')
    >>> other_body("สำนักงานสาธารณสุขอำเภอหนองใหญ่จังหวัดชลบุรี").name
    'สำนักงานสาธารณสุขอำเภอหนองใหญ่'
    >>> other_body("สำนักงานสาธารณสุขอำเภอหนองใหญ่สำนักงานสาธารณสุขจังหวัดชลบุรี").name
    'สำนักงานสาธารณสุขอำเภอหนองใหญ่'
    >>> other_body("กองคลัง") is None
    True
    """
    cleaned = clean(text)
    m = _OTHER_BODY.search(cleaned) if cleaned else None
    if m is None or cleaned is None:
        return None
    name = _name(m.group("n"), cleaned, m.end())
    following = _NEXT_BODY.search(name, 1)
    if following is not None:
        name = name[:following.start()]
    return Org(cleaned[m.start():m.start("n")] + name, "other") if name else None


def parse_org(text: str | None) -> Org | None:
    """The first organisation mentioned in the text, with its canonical name and type; a body
    that is not a local administration only where the text names none.

    >>> parse_org("เทศบาลเทศบาลตำบลแร่")
    Org(name='เทศบาลตำบลแร่', org_type='subdistrict_municipality')
    >>> parse_org("ทน.อุดรธานี").org_type
    'city_municipality'
    >>> parse_org("โรงพยาบาลพิชัย อำเภอพิชัย")
    Org(name='โรงพยาบาลพิชัย', org_type='other')
    """
    orgs = find_orgs(text)
    return orgs[0] if orgs else other_body(text)
