"""Provinces (name, ISO 3166-2 code, letter code of official letters), districts, memo numbers.

    >>> parse_province("อำเภอพังโคน จังหวัดสกลนคร").iso
    'TH-47'
    >>> province_from_reference("ที่ ปน ๗๖๑๐๑/ -").name
    'ปัตตานี'
    >>> parse_district("อ.ศรีธาตุ")
    'ศรีธาตุ'
    >>> canonical_reference_no("ที่ สน ๐๐๒๓.๓/ว ๑๒๓")
    'สน 0023.3/ว 123'
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from normalizers.gazetteer import district_prefix
from normalizers.numerals import thai_to_arabic
from normalizers.thai_text import clean
from thai.chars import OCR_LOOKALIKE_PAIRS
from thai.letter_number import is_unprinted_running, running_number

__all__ = ["Province", "PROVINCES", "parse_province", "province_from_letter_code",
           "province_from_reference", "parse_district", "canonical_reference_no", "letter_code_misread"]


@dataclass(frozen=True)
class Province:
    name: str
    iso: str
    letter_code: str


# The 77 provinces in ISO 3166-2:TH order. Letter codes are the อักษรย่อจังหวัด that begin
# memo numbers (ที่ สน ...); Bangkok writes กท there, not the กทม of everyday use.
# Pattaya (TH-S) has an ISO code but is not a province.
PROVINCES: tuple[Province, ...] = tuple(Province(*row) for row in (
    ("กรุงเทพมหานคร", "TH-10", "กท"),
    ("สมุทรปราการ", "TH-11", "สป"),
    ("นนทบุรี", "TH-12", "นบ"),
    ("ปทุมธานี", "TH-13", "ปท"),
    ("พระนครศรีอยุธยา", "TH-14", "อย"),
    ("อ่างทอง", "TH-15", "อท"),
    ("ลพบุรี", "TH-16", "ลบ"),
    ("สิงห์บุรี", "TH-17", "สห"),
    ("ชัยนาท", "TH-18", "ชน"),
    ("สระบุรี", "TH-19", "สบ"),
    ("ชลบุรี", "TH-20", "ชบ"),
    ("ระยอง", "TH-21", "รย"),
    ("จันทบุรี", "TH-22", "จบ"),
    ("ตราด", "TH-23", "ตร"),
    ("ฉะเชิงเทรา", "TH-24", "ฉช"),
    ("ปราจีนบุรี", "TH-25", "ปจ"),
    ("นครนายก", "TH-26", "นย"),
    ("สระแก้ว", "TH-27", "สก"),
    ("นครราชสีมา", "TH-30", "นม"),
    ("บุรีรัมย์", "TH-31", "บร"),
    ("สุรินทร์", "TH-32", "สร"),
    ("ศรีสะเกษ", "TH-33", "ศก"),
    ("อุบลราชธานี", "TH-34", "อบ"),
    ("ยโสธร", "TH-35", "ยส"),
    ("ชัยภูมิ", "TH-36", "ชย"),
    ("อำนาจเจริญ", "TH-37", "อจ"),
    ("บึงกาฬ", "TH-38", "บก"),
    ("หนองบัวลำภู", "TH-39", "นภ"),
    ("ขอนแก่น", "TH-40", "ขก"),
    ("อุดรธานี", "TH-41", "อด"),
    ("เลย", "TH-42", "ลย"),
    ("หนองคาย", "TH-43", "นค"),
    ("มหาสารคาม", "TH-44", "มค"),
    ("ร้อยเอ็ด", "TH-45", "รอ"),
    ("กาฬสินธุ์", "TH-46", "กส"),
    ("สกลนคร", "TH-47", "สน"),
    ("นครพนม", "TH-48", "นพ"),
    ("มุกดาหาร", "TH-49", "มห"),
    ("เชียงใหม่", "TH-50", "ชม"),
    ("ลำพูน", "TH-51", "ลพ"),
    ("ลำปาง", "TH-52", "ลป"),
    ("อุตรดิตถ์", "TH-53", "อต"),
    ("แพร่", "TH-54", "พร"),
    ("น่าน", "TH-55", "นน"),
    ("พะเยา", "TH-56", "พย"),
    ("เชียงราย", "TH-57", "ชร"),
    ("แม่ฮ่องสอน", "TH-58", "มส"),
    ("นครสวรรค์", "TH-60", "นว"),
    ("อุทัยธานี", "TH-61", "อน"),
    ("กำแพงเพชร", "TH-62", "กพ"),
    ("ตาก", "TH-63", "ตก"),
    ("สุโขทัย", "TH-64", "สท"),
    ("พิษณุโลก", "TH-65", "พล"),
    ("พิจิตร", "TH-66", "พจ"),
    ("เพชรบูรณ์", "TH-67", "พช"),
    ("ราชบุรี", "TH-70", "รบ"),
    ("กาญจนบุรี", "TH-71", "กจ"),
    ("สุพรรณบุรี", "TH-72", "สพ"),
    ("นครปฐม", "TH-73", "นฐ"),
    ("สมุทรสาคร", "TH-74", "สค"),
    ("สมุทรสงคราม", "TH-75", "สส"),
    ("เพชรบุรี", "TH-76", "พบ"),
    ("ประจวบคีรีขันธ์", "TH-77", "ปข"),
    ("นครศรีธรรมราช", "TH-80", "นศ"),
    ("กระบี่", "TH-81", "กบ"),
    ("พังงา", "TH-82", "พง"),
    ("ภูเก็ต", "TH-83", "ภก"),
    ("สุราษฎร์ธานี", "TH-84", "สฎ"),
    ("ระนอง", "TH-85", "รน"),
    ("ชุมพร", "TH-86", "ชพ"),
    ("สงขลา", "TH-90", "สข"),
    ("สตูล", "TH-91", "สต"),
    ("ตรัง", "TH-92", "ตง"),
    ("พัทลุง", "TH-93", "พท"),
    ("ปัตตานี", "TH-94", "ปน"),
    ("ยะลา", "TH-95", "ยล"),
    ("นราธิวาส", "TH-96", "นธ"),
))
_BY_NAME = {p.name: p for p in PROVINCES}
_BY_CODE = {p.letter_code: p for p in PROVINCES}
_BY_CODE["กทม"] = _BY_NAME["กรุงเทพมหานคร"]

_ALIASES = {p.name: p for p in PROVINCES}
_ALIASES.update({alias: _BY_NAME["กรุงเทพมหานคร"]
                 for alias in ("กรุงเทพฯ", "กรุงเทพ ฯ", "กรุงเทพ", "กทม.")})
# Names that are also common words (เลย "at all", ตาก "to dry", แพร่ in เผยแพร่) count
# only after จังหวัด/จ. or as the whole text.
_COMMON_WORDS = frozenset({"เลย", "ตาก", "แพร่", "น่าน", "ตรัง"})

_THAI = "\u0e01-\u0e4e"
_ALIAS_RE = "|".join(re.escape(a) for a in sorted(_ALIASES, key=len, reverse=True))
_AFTER_PREFIX = re.compile(rf"(?:จังหวัด|(?<![{_THAI}.])จ\s?\.)\s*(?P<name>{_ALIAS_RE})")
_STANDALONE = re.compile(rf"(?<![{_THAI}])(?P<name>{_ALIAS_RE})(?![{_THAI}])")


def parse_province(text: str | None) -> Province | None:
    """The province named in the text, preferring one after จังหวัด or จ.

    >>> parse_province("จ. สกลนคร").name
    'สกลนคร'
    >>> parse_province("กรุงเทพฯ").iso
    'TH-10'
    >>> parse_province("เผยแพร่ข้อมูล") is None
    True
    """
    cleaned = clean(text)
    if cleaned is None:
        return None
    prefixed = _AFTER_PREFIX.search(cleaned)
    if prefixed is not None:
        return _ALIASES[prefixed.group("name")]
    if cleaned in _ALIASES:
        return _ALIASES[cleaned]
    for match in _STANDALONE.finditer(cleaned):
        if match.group("name") not in _COMMON_WORDS:
            return _ALIASES[match.group("name")]
    return None


def province_from_letter_code(code: str) -> Province | None:
    """The province whose letter code (อักษรย่อ) this is, dots and spaces ignored.

    >>> province_from_letter_code("อด.").name
    'อุดรธานี'
    >>> province_from_letter_code("มท") is None
    True
    """
    return _BY_CODE.get(re.sub(r"[\s.]", "", code or ""))


# Letter codes of the ministries and the Prime Minister's office (their offices' numbers begin
# with them): no province's, and never a misreading of one.
_MINISTRY_CODES = frozenset({"นร", "กห", "กค", "กต", "กก", "พม", "กษ", "คค", "ทส", "ดศ", "พน",
                             "พณ", "มท", "ยธ", "รง", "วธ", "อว", "ศธ", "สธ", "อก"})


def letter_code_misread(number: str | None, province: Province | None) -> str | None:
    """`number` (as `canonical_reference_no` gives it) with the letter code of `province`, the
    document's by other evidence, where OCR read one letter of that code as its look-alike and
    the code it read is no province's or ministry's; else None.

    >>> phitsanulok = parse_province("จังหวัดพิษณุโลก")
    >>> letter_code_misread("พส 0023.1/ว", phitsanulok)
    'พล 0023.1/ว'
    >>> letter_code_misread("พล 0023.1/ว", phitsanulok), letter_code_misread("มท 0808.2/ว", phitsanulok)
    (None, None)
    >>> letter_code_misread("พร 0023.1/ว", phitsanulok)  # แพร่'s own code: another sender, or no look-alike
    """
    read = _REFERENCE_CODE.match(number or "")
    if province is None or read is None:
        return None
    code, own = read.group("code"), province.letter_code
    if code == own or code in _BY_CODE or code in _MINISTRY_CODES or len(code) != len(own):
        return None
    differ = [frozenset(pair) for pair in zip(code, own) if pair[0] != pair[1]]
    if len(differ) != 1 or differ[0] not in OCR_LOOKALIKE_PAIRS:
        return None
    return own + number[read.end("code"):]  # type: ignore[index]


# Memo numbers: ที่ <letter code> <digits>...; ministries use codes of their own (มท, นร),
# which are not in the province table and so give None.
_REFERENCE_CODE = re.compile(r"^\s*(?:ที่\s*[:.]?\s*)?(?P<code>[ก-ฮ]{2,3})\s*\.?\s*(?=\d)")


def province_from_reference(ref: str | None) -> Province | None:
    """The province whose letter code begins a memo number.

    >>> province_from_reference("อด.๗๑๒๐๑").name
    'อุดรธานี'
    >>> province_from_reference("ที่ ๑๒๓/๒๕๖๕") is None
    True
    """
    cleaned = clean(ref)
    if cleaned is None:
        return None
    match = _REFERENCE_CODE.match(thai_to_arabic(cleaned))
    return province_from_letter_code(match.group("code")) if match else None


_DISTRICT = re.compile(rf"(?:อำเภอ|(?<![{_THAI}.])อ\s?\.)\s*(?P<name>[{_THAI}]+)")
_DISTRICT_STOP = re.compile(r"จังหวัด|ตำบล")


def parse_district(text: str | None) -> str | None:
    """The district (อำเภอ) name without its prefix.

    อำเภอเมือง is completed with the province when one is named (เมืองสกลนคร).

    >>> parse_district("องค์การบริหารส่วนตำบลศรีธาตุ อำเภอศรีธาตุ จังหวัดอุดรธานี")
    'ศรีธาตุ'
    >>> parse_district("อำเภอเมือง จังหวัดสกลนคร")
    'เมืองสกลนคร'
    >>> parse_district("สำนักงานสาธารณสุขอำเภอหนองใหญ่สำนักงานสาธารณสุขจังหวัดชลบุรี")
    'หนองใหญ่'
    """
    cleaned = clean(text)
    if cleaned is None:
        return None
    for match in _DISTRICT.finditer(cleaned):
        name = match.group("name")
        # "อ.ศรีธาตุจ.อุดรธานี" leaves a trailing จ before the dot.
        if cleaned[match.end():match.end() + 1] == "." and name.endswith("จ"):
            name = name[:-1]
        stop = _DISTRICT_STOP.search(name, 1)
        if stop is not None:
            name = name[:stop.start()]
        name = district_prefix(name) or name
        if name:
            if name == "เมือง":
                province = parse_province(cleaned[match.end():])
                if province is not None:
                    return name + province.name
            return name
    return None


_SPACE_AROUND_SLASH = re.compile(r"\s*/\s*")
_DATE_TAIL = re.compile(r"\s*(?:ลง)?วันที่.*$")


# A memo number ends in digits (or a slash, or ว for a circular); a word of letters after it
# is no part of it (handwriting read as print, a stamp).
_WORD_AFTER_NUMBER = re.compile(r"(\d[\d./-]*)\s+[ก-๎]{3,}$")


def canonical_reference_no(text: str | None) -> str | None:
    """A memo number with Arabic digits, tidy spaces and no leading ที่.

    >>> canonical_reference_no("ที่ ปน ๗๖๑๐๑/ -")
    'ปน 76101/-'
    >>> canonical_reference_no("ที่ ปน ๗๖๑๐๑/ - วันที่ ๒๒ มีนาคม ๒๕๖๔")
    'ปน 76101/-'
    >>> canonical_reference_no("อต ๐๐๓๓.๓๐๖ ปตอง")  # a handwritten running number read as letters
    'อต 0033.306'
    >>> canonical_reference_no("มท ๐๘๐๘.๒/ว ๑๒๓๔")
    'มท 0808.2/ว 1234'
    >>> canonical_reference_no("ที่ พล ๐๐๒๓.๑/ ว ๓8ซ่")  # a handwritten ๗๑๔
    'พล 0023.1/ว'
    """
    cleaned = clean(text)
    if cleaned is None:
        return None
    number = _DATE_TAIL.sub("", re.sub(r"^ที่\s*[:.]?\s*", "", cleaned))
    # Before the digits are made Arabic: a handwritten `๗๑๔` read as `๓8ซ่` is told by its mixed scripts.
    running = running_number(number)
    if running is not None and is_unprinted_running(running[1]):
        number = running[0]
    number = thai_to_arabic(number)
    number = _WORD_AFTER_NUMBER.sub(r"\1", number)
    number = _SPACE_AROUND_SLASH.sub("/", number).strip()
    return number or None
