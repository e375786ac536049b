"""Header fields every form prints: title, organisation, places and years, as printed.

Reports open with a title block (`มาตรการส่งเสริมคุณธรรมและความโปร่งใส` / `ประจำปีงบประมาณ ๒๕๖๕` /
`เทศบาลตำบลแร่` / `อำเภอพังโคน จังหวัดสกลนคร`); memos and letters name their sender, its place and
the year they are about in their head and their body's opening.
"""
from __future__ import annotations

import re

from parsers.ita.header.labels import printed_field
from parsers.ita.records import PrintedField
from parsers.layout import TextLine
from thai.chars import MARK_CLASS, without_marks

_YEAR = r"[๐-๙0-9]{4}"
# A plan of several years prints them in brackets: `แผน ... ๔ ปี (พ.ศ. ๒๕๖๘ - ๒๕๗๑)`.
_YEAR_PHRASE = re.compile(rf"(?:ปีงบประมาณ|ประจำปี|ปี)\s*\(?\s*(?:พ\s*\.\s*ศ\s*\.?)?\s*{_YEAR}")
# OCR splits a year after its first digit (`พ.ศ. 2 566`) and reads พ.ศ. as Latin (`W.A.`).
_ANY_YEAR = re.compile(rf"(?:พ\s*\.\s*ศ\s*\.?|ปีงบประมาณ(?:\s*[A-Za-z]\.[A-Za-z]\.)?|ในปี|ปี)\s*"
                       rf"(?:{_YEAR}|[2๒] [5๕][๐-๙0-9]{{2}}(?![๐-๙0-9]))")
_ORG = re.compile(r"องค์การบริหารส่วน|เทศบาล|อบต\.|อบจ\.|ทต\.|ทม\.|ทน\.|กรุงเทพมหานคร|เมืองพัทยา")
# Bodies that are not local administrations, looked for where no local administration is named.
_OTHER_BODY = re.compile(r"โรงพยาบาล|สำนักงานสาธารณสุข|วิทยาลัย|โรงเรียน")
# The ITA round a document reports: "(วิเคราะห์)ผลการประเมิน ... ปี ๒๕๖๔", "การประเมิน ITA ... ๒๕๖๘",
# but not a purpose ("เพื่อยกระดับผลการประเมิน ... ประจำปี ๒๕๖๔" is the plan's own year).
_ASSESSMENT = re.compile(r"ผลการประเมิน|วิเคราะห์การประเมิน|การประเมินคุณธรรม|การประเมิน\s*ITA|โครงการประเมิน")
_PURPOSE_BEFORE = re.compile(r"(?:ยกระดับ|พัฒนา|เพื่อ|ปรับปรุง)\s*$")

# A title block is at most four lines (name, year, body, place); a year phrase lower down is
# the body's, not the title's.
_TITLE_LINES = 4
# A line longer than this is a paragraph's, not a title block's or an address's.
_PARAGRAPH_CHARS = 160
# The short lines under a report's title: its body, district and province, a date; lower down,
# short lines are the body's headings.
_FRONT_MATTER_LINES = 6
# An organisation's name and the place printed after it, not the rest of a running paragraph.
_ORG_CHARS = 120
# A district and a province printed after an organisation's name in running text, not the
# sentence that goes on after them.
_PLACE_CHARS = 60
# The words of a purpose (`เพื่อยกระดับ`) right before an assessment's name, in characters.
_PURPOSE_REACH = 12
# How far after an assessment's name its year is looked for, in characters: the name can be
# long (`การประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ ...`) before the year.
_YEAR_REACH = 220
# A name's letters, its marks aside, at least: a shorter one is found inside other words.
_SHORTEST_NAME = 4


def on_first_page(some: list[TextLine], lines: list[TextLine] | None = None) -> list[TextLine]:
    """The lines of `some` on the first page of `lines` (by default `some`'s own): a document
    names its organisation there; a later page may be another paper filed with it (a receiver's
    routing note on a letter it got)."""
    first = (lines or some)[0].prov.page if (lines or some) else None
    return [line for line in some if line.prov.page == first]


def read_title(lines: list[TextLine]) -> tuple[PrintedField | None, int]:
    """The title block: the first lines up to the one carrying the year (at most four)."""
    if not lines:
        return None, 0
    for end in range(min(_TITLE_LINES, len(lines))):
        if _YEAR_PHRASE.search(lines[end].text):
            text = " ".join(line.text.strip() for line in lines[:end + 1])
            return printed_field(text, lines[0]), end + 1
    return printed_field(lines[0].text, lines[0]), 1


def find_year_phrase(text: str) -> str | None:
    """The first year phrase a text prints, as printed.

    >>> find_year_phrase("มาตรการส่งเสริมคุณธรรม ประจำปีงบประมาณ ๒๕๖๕ เทศบาลตำบลแร่")
    'ปีงบประมาณ ๒๕๖๕'
    >>> find_year_phrase("แผนปฏิบัติการป้องกันการทุจริต ๔ ปี (พ.ศ. ๒๕๖๘ - ๒๕๗๑)")
    'ปี (พ.ศ. ๒๕๖๘'
    """
    m = _YEAR_PHRASE.search(text)
    return m.group(0) if m else None


def fiscal_year_of(title: PrintedField | None, lines: list[TextLine]) -> PrintedField | None:
    """The year phrase the title prints, else the first of `lines` does.

    >>> from parsers.layout import Provenance
    >>> at = Provenance(page=1, method="text")
    >>> fiscal_year_of(PrintedField("มาตรการส่งเสริมคุณธรรม", at), [TextLine("ประจำปี พ.ศ. ๒๕๖๘", at)]).text
    'ประจำปี พ.ศ. ๒๕๖๘'
    """
    phrase = find_year_phrase(title.text) if title is not None else None
    if title is not None and phrase:
        return PrintedField(text=phrase, prov=title.prov)
    for line in lines:
        phrase = find_year_phrase(line.text)
        if phrase:
            return PrintedField(text=phrase, prov=line.prov)
    return None


def front_matter(lines: list[TextLine], start: int) -> list[TextLine]:
    """The short lines after the title block, up to the first long paragraph."""
    out = []
    for line in lines[start:start + _FRONT_MATTER_LINES]:
        if len(line.text) > _PARAGRAPH_CHARS:
            break
        out.append(line)
    return out

# Who a letter is to (`ถึง ...`, `เรียน ...`) and who stamped it received (`เทศบาลนครพิษณุโลก
# เลขรับ ...`, `... รับที่ ...`): organisations named there are not the document's.
_TO_LINE = re.compile(r"^\s*(?:ถึง|เรียน)\s")
_RECEIPT_STAMP = re.compile(r"เลขรับ|รับที่|ลงรับ")
_STAMP_REACH = 40  # characters between a receipt stamp's word and the receiver's name


def find_org(lines: list[TextLine], pattern: re.Pattern[str] = _ORG) -> PrintedField | None:
    """The first organisation the lines name, but for an addressee's and a receipt stamp's.

    >>> from parsers.layout import Provenance
    >>> at = Provenance(1, "ocr")
    >>> lines = [TextLine(t, at) for t in ("กองยุทธศาสตร์ รับที่ เทศบาลนครพิษณุโลก 9", "ถึง องค์การบริหารส่วนจังหวัดพิษณุโลก",
    ...                                    "เทศบาลตำบลบ้านไผ่ ขอรายงาน")]
    >>> find_org(lines).text
    'เทศบาลตำบลบ้านไผ่ ขอรายงาน'
    """
    for line in lines:
        if _TO_LINE.match(line.text):
            continue
        stamps = [m.start() for m in _RECEIPT_STAMP.finditer(line.text)]
        for m in pattern.finditer(line.text):
            if not any(abs(m.start() - at) <= _STAMP_REACH for at in stamps):
                return printed_field(line.text[m.start():m.start() + _ORG_CHARS], line)
    return None


def find_other_body(lines: list[TextLine]) -> PrintedField | None:
    """A hospital, health office, college or school named in the lines (`โรงพยาบาลพิชัย`)."""
    return find_org(lines, _OTHER_BODY)


def most_printed_spelling(org: PrintedField, lines: list[TextLine]) -> PrintedField:
    """`org` with its name spelt as the document prints it most often. OCR loses a mark in
    one place (a bold title's `โป่งนำร้อน`) and reads it in seven others (`โป่งน้ำร้อน`); of
    two spellings as frequent, the one with more marks.

    >>> from parsers.layout import Provenance
    >>> lines = [TextLine(t, Provenance(1, "ocr")) for t in (
    ...     "รายงานขององค์การบริหารส่วนตำบลโป่งนำร้อน", "องค์การบริหารส่วนตำบลโป่งน้ำร้อน ได้",
    ...     "ขององค์การบริหารส่วนตำบลโป่งน้ำร้อน")]
    >>> most_printed_spelling(printed_field("องค์การบริหารส่วนตำบลโป่งนำร้อน", lines[0]), lines).text
    'องค์การบริหารส่วนตำบลโป่งน้ำร้อน'
    """
    words = org.text.split()
    if not words:
        return org
    name = words[0]
    skeleton = without_marks(name)
    if len(skeleton) < _SHORTEST_NAME:
        return org
    pattern = re.compile("".join(re.escape(c) + f"[{MARK_CLASS}]*" for c in skeleton))
    counts: dict[str, int] = {}
    for line in lines:
        for found in pattern.findall(line.text):
            counts[found] = counts.get(found, 0) + 1
    # OCR drops marks far more often than it adds them: of two spellings printed as often, the
    # one with more marks.
    best = max(counts, key=lambda spelling: (counts[spelling], len(spelling), spelling == name), default=name)
    if best == name or counts.get(best, 0) < counts.get(name, 0):
        return org
    return PrintedField(text=org.text.replace(name, best, 1), prov=org.prov)


def find_places(lines: list[TextLine]) -> tuple[PrintedField | None, PrintedField | None]:
    """(district line, province line) from the short lines of the front matter."""
    district = province = None
    for line in lines:
        if len(line.text) > _PARAGRAPH_CHARS:
            continue
        if district is None and re.search(r"อำเภอ|(?<![ก-๙])อ\.\s*\S", line.text):
            district = printed_field(line.text, line)
        if province is None and re.search(r"จังหวัด|(?<![ก-๙])จ\.\s*\S", line.text):
            province = printed_field(line.text, line)
    return district, province


def find_places_after_org(lines: list[TextLine], org_text: str) -> tuple[PrintedField | None, PrintedField | None]:
    """Places printed right after the organisation's name in running text
    (`องค์การบริหารส่วนตำบลศรีธาตุอำเภอศรีธาตุ จังหวัดอุดรธานี`)."""
    head = org_text.split()[0] if org_text.split() else org_text
    for line in lines:
        at = line.text.find(head)
        if at < 0:
            continue
        tail = line.text[at + len(head):at + len(head) + _PLACE_CHARS]
        if re.match(r"\s*(อำเภอ|อ\.)", tail):
            district = printed_field(tail, line)
            province = printed_field(tail, line) if "จังหวัด" in tail or re.search(r"จ\.\s*\S", tail) else None
            return district, province
    return None, None


def find_assessed_year(lines: list[TextLine]) -> PrintedField | None:
    """The year of the ITA round the lines report: the first year printed after the
    assessment's name, but for one a purpose names.

    >>> from parsers.layout import Provenance
    >>> at = Provenance(page=1, method="ocr")
    >>> find_assessed_year([TextLine("เพื่อยกระดับผลการประเมิน ประจำปี ๒๕๖๔", at),
    ...                     TextLine("ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. 2 566", at)]).text
    'พ.ศ. 2 566'
    """
    for line in lines:
        text = line.text
        for m in _ASSESSMENT.finditer(text):
            if _PURPOSE_BEFORE.search(text[max(0, m.start() - _PURPOSE_REACH):m.start()]):
                continue
            window = text[m.end():m.end() + _YEAR_REACH]
            year = _ANY_YEAR.search(window)
            if year:
                return printed_field(year.group(0), line)
    return None

