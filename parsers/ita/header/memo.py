"""A memo's head (บันทึกข้อความ): its labelled lines, as printed.

Memos open with labelled lines (ส่วนราชการ / ที่ / วันที่ / เรื่อง / เรียน) whose values may run on
to the next line; OCR of their bold labels drops marks, loses labels, and joins a short line to
the next.
"""
from __future__ import annotations

import re

from normalizers.thai_text import fold
from parsers.ita.header.labels import HEAD_LINES, MEMO_LABEL, loose, printed_field, without_leaders
from parsers.ita.records import Header
from parsers.layout import TextLine
from thai.chars import LETTER_CLASS, without_marks

_INLINE_DATE = re.compile(rf"\s(?P<label>{loose('วันที่')})\s*(?P<value>.*)$")
_MEMO_TITLE = re.compile(loose("บันทึกข้อความ"))
# The line under ส่วนราชการ is `ที่ <number> วันที่ <date>`; OCR can lose both labels of it (bold
# print) and leave the number and the date, the date last.
_DATE_AT_END = re.compile(r"(?P<value>[๐-๙0-9]{1,2}\s*[ก-๙.]{3,12}\s*(?:พ\.?\s*ศ\.?\s*)?[๐-๙0-9]{4})\s*$")
_NUMBER_LABEL = re.compile(rf"^{loose('ที่')}\.?\s*")
# The telephone printed after the department on the ส่วนราชการ line (`... โทร ๐-๕๕๘๓-๒๑๐๐`).
_PHONE = re.compile(rf"\s*(?:{loose('โทร')}(?:ศัพท์)?|tel)\.?\s*:?\s*(?P<phone>[๐-๙0-9][๐-๙0-9\s\-–,/]*[๐-๙0-9])\s*$",
                    re.IGNORECASE)

_MEMO_FIELDS = {without_marks(label): field for label, field in (
    ("ส่วนราชการ", "department"), ("ที่", "reference_no"), ("วันที่", "doc_date"),
    ("เรื่อง", "subject"), ("เรียน", "addressee"))}

# The form's title heads its first page; further down, บันทึกข้อความ is another paper's, quoted
# or filed with it.
_TITLE_LINES = 6


def is_memo(lines: list[TextLine]) -> bool:
    """A memo: the form's title (บันทึกข้อความ, its marks lost or not) at the top.

    >>> from parsers.layout import Provenance
    >>> is_memo([TextLine("บนทกขอความ", Provenance(page=1, method="ocr"))])
    True
    """
    return any(_MEMO_TITLE.search(fold(line.text)) for line in lines[:_TITLE_LINES])


_TYPED_DASH = re.compile(r"/\s*-$")


def _reference_before(text: str) -> str | None:
    """The memo number in what precedes the date on the ที่ line: the ที่ label taken off,
    even glued to the number (`ทีปน ๗๖๑๐๑`), or else the first word, a label OCR garbled.

    >>> _reference_before("ทีปน ๗๖๑๐๑/ - "), _reference_before("Sn. อต ๐๐๓๓.๓๐๖/๘๑๔๐ - ")
    ('ปน ๗๖๑๐๑/ -', 'อต ๐๐๓๓.๓๐๖/๘๑๔๐')
    """
    if _NUMBER_LABEL.match(text):
        number = _NUMBER_LABEL.sub("", text)
    else:
        words = text.split()
        number = " ".join(words[1:]) if len(words) > 1 else ""
    # A dash typed after the slash (`/ -`: no running number) is the number's; one elsewhere is
    # the line's.
    number = number.strip().lstrip("- ")
    return (number if _TYPED_DASH.search(number) else number.rstrip("- ")) or None


def _split_phone(header: Header, line: TextLine) -> None:
    """The telephone at the end of the department line into a field of its own.

    >>> from parsers.ita.records import PrintedField
    >>> from parsers.layout import Provenance
    >>> line = TextLine(text="", prov=Provenance(page=1, method="text"))
    >>> h = Header(department=PrintedField("โรงพยาบาลพิชัย อำเภอพิชัย จังหวัดอุตรดิตถ์ โทร ๐-๕๕๘๓-๒๑๐๐", line.prov))
    >>> _split_phone(h, line); h.department.text, h.department_phone.text
    ('โรงพยาบาลพิชัย อำเภอพิชัย จังหวัดอุตรดิตถ์', '๐-๕๕๘๓-๒๑๐๐')
    """
    assert header.department is not None
    m = _PHONE.search(header.department.text)
    if m is None:
        return
    header.department_phone = printed_field(m.group("phone"), line)
    header.department = printed_field(header.department.text[:m.start()], line)


# The labels a memo prints in this order, each found inside a line where a short line before it
# was joined to it as a wrapped paragraph (`... โทร ๐-๕๔๒๘-๙๐๓๓ที่ ลป ๐๐๓๓.๓๐๑/`): the number's
# ที่ (its mark lost to OCR too) only before a letter code or a number, not the ที่ of ครั้งที่
# or วันที่.
_LABELS_IN_ORDER = (
    ("ส่วนราชการ", re.compile(rf"(?<![{LETTER_CLASS}]){loose('ส่วนราชการ')}\s")),
    ("ที่", re.compile(rf"{loose('ที่')}\s+(?=[ก-ฮ]{{2}}\s)|(?<![{LETTER_CLASS}])ที่\s*(?=[๐-๙0-9])")),
    ("เรื่อง", re.compile(rf"(?:\s|(?<=[๐-๙0-9])){loose('เรื่อง')}\s")),
    ("เรียน", re.compile(rf"(?:\s|(?<=[๐-๙0-9])){loose('เรียน')}\s")),
)


def split_labelled(text: str) -> list[str]:
    """A labelled memo line cut where a later label of the memo's order was joined to it.

    >>> split_labelled("ส่วนราชการ โรงพยาบาลแม่ทะ โทร ๐-๕๔๒๘-๙๐๓๓ที่ ลป ๐๐๓๓.๓๐๑/ วันที่ มกราคม ๒๕๖๘")
    ['ส่วนราชการ โรงพยาบาลแม่ทะ โทร ๐-๕๔๒๘-๙๐๓๓', 'ที่ ลป ๐๐๓๓.๓๐๑/ วันที่ มกราคม ๒๕๖๘']
    >>> split_labelled("เรื่อง ขอเชิญประชุมครั้งที่ ๑ เรื่อง งบประมาณ เรียน นายก")
    ['เรื่อง ขอเชิญประชุมครั้งที่ ๑ เรื่อง งบประมาณ', 'เรียน นายก']
    >>> split_labelled("บันทึกข้อความส่วนราชการ โรงพยาบาลพิชัย จังหวัดอุตรดิตถ์ที่ อต ๐๐๓๓/๕ วันที่ ๑ มกราคม ๒๕๖๘เรื่อง ก")
    ['บันทึกข้อความ', 'ส่วนราชการ โรงพยาบาลพิชัย จังหวัดอุตรดิตถ์', 'ที่ อต ๐๐๓๓/๕ วันที่ ๑ มกราคม ๒๕๖๘', 'เรื่อง ก']
    """
    title = _MEMO_TITLE.match(text)
    if title is not None and text[title.end():].strip():  # the memo's title joined to its first line
        return [text[:title.end()], *split_labelled(text[title.end():].strip())]
    m = MEMO_LABEL.match(text)
    if m is None:
        return [text]
    own = next((i for i, (label, _) in enumerate(_LABELS_IN_ORDER)
                if without_marks(label) == without_marks(m.group("label"))), len(_LABELS_IN_ORDER))
    for _, later in _LABELS_IN_ORDER[own + 1:]:
        cut = later.search(text, m.end("label"))
        if cut is not None:
            at = cut.start() + (1 if text[cut.start()].isspace() else 0)
            return [text[:at].strip(), *split_labelled(text[at:].strip())]
    return [text]


def _memo_lines(lines: list[TextLine]) -> list[tuple[int, str, TextLine]]:
    """(index, text, line) of the memo's first lines, leaders taken off, joined labels cut."""
    return [(i, piece, line) for i, line in enumerate(lines[:HEAD_LINES])
            for piece in split_labelled(without_leaders(line.text))]


def _date_without_label(text: str, labelled: bool, current: str | None, header: Header) -> re.Match[str] | None:
    """The date on a line whose labels OCR lost: after an unread ที่ label's number (`... วันที่
    <date>`) before the subject, or at the end of the line under ส่วนราชการ, both labels lost.

    >>> _date_without_label("Sn. อต ๐๐๓๓.๓๐๖/๘๑๔๐ วันที่ ๑ ธันวาคม ๒๕๖๗", False, None, Header()).group("value")
    '๑ ธันวาคม ๒๕๖๗'
    >>> _date_without_label("อต ๐๐๓๓.๓๐๖/๘๑๔๐ ๑ ธันวาคม ๒๕๖๗", False, "department", Header()).group("value")
    '๑ ธันวาคม ๒๕๖๗'
    """
    if labelled or header.doc_date is not None:
        return None
    inline = _INLINE_DATE.search(text) if header.subject is None else None
    if inline is not None:
        return inline
    return _DATE_AT_END.search(text) if current == "department" else None


def _take_number_and_date(header: Header, text: str, date: re.Match[str], line: TextLine) -> None:
    """The date found on a line whose labels OCR lost, and the memo number before it."""
    # The ที่ label unread (OCR of a bold label), the date after it read: the number is what
    # lies between them, less the garbled label.
    header.doc_date = printed_field(date.group("value"), line)
    number = _reference_before(text[:date.start()])
    if number and header.reference_no is None:
        header.reference_no = printed_field(number, line)


def _take_labelled(header: Header, labelled: re.Match[str], line: TextLine) -> str:
    """Fill the field a labelled line names (a date run into the ที่ line taken apart, the
    telephone off the ส่วนราชการ line); return that field's name."""
    label, value = labelled.group("label"), labelled.group("value")
    inline = _INLINE_DATE.search(value) if label == "ที่" else None
    if inline:
        value = value[:inline.start()]
        header.doc_date = printed_field(inline.group("value"), line)
    field = _MEMO_FIELDS[without_marks(label)]
    setattr(header, field, printed_field(value, line))
    if field == "department":
        _split_phone(header, line)
    return field


def read_memo_fields(lines: list[TextLine], header: Header) -> int:
    """Fill the memo fields; return the index of the first body line.

    >>> from parsers.layout import Provenance
    >>> line = lambda t: TextLine(text=t, prov=Provenance(page=1, method="text"))
    >>> h = Header()
    >>> read_memo_fields([line("บันทึกข้อความ"), line("ส่วนราชการ สำนักปลัด โทร ๐-๔๓๗๙-๑๐๔๕"),
    ...     line("ที่ มค ๘๑๕๐๑/๑๒๔ วันที่ ๑ มกราคม ๒๕๖๘"), line("เรื่อง รายงานผล"), line("การดำเนินงาน"),
    ...     line("เรียน นายก"), line("ตามที่...")], h)
    6
    >>> h.department.text, h.department_phone.text, h.reference_no.text, h.doc_date.text, h.subject.text
    ('สำนักปลัด', '๐-๔๓๗๙-๑๐๔๕', 'มค ๘๑๕๐๑/๑๒๔', '๑ มกราคม ๒๕๖๘', 'รายงานผล การดำเนินงาน')
    """
    current: str | None = None  # the field the last labelled line filled
    for i, text, line in _memo_lines(lines):
        if _MEMO_TITLE.search(fold(text)):
            continue
        labelled = MEMO_LABEL.match(text)
        date = _date_without_label(text, labelled is not None, current, header)
        if date is not None:
            _take_number_and_date(header, text, date, line)
            current = "reference_no"
        elif labelled is not None:
            current = _take_labelled(header, labelled, line)
            if current == "addressee":
                return i + 1
        elif current == "subject" and header.subject is not None:
            # the subject runs on to the next line until เรียน
            header.subject = printed_field(f"{header.subject.text} {text}", line)
        elif current is not None and header.addressee is not None:
            return i
    return 0
