"""Header fields as printed: title, organisation, place, years, and a memo's labelled lines.

Reports open with a title block (`มาตรการส่งเสริมคุณธรรมและความโปร่งใส` / `ประจำปีงบประมาณ ๒๕๖๕` /
`เทศบาลตำบลแร่` / `อำเภอพังโคน จังหวัดสกลนคร`); memos (บันทึกข้อความ) open with labelled lines
(ส่วนราชการ / ที่ / วันที่ / เรื่อง / เรียน) whose values may run on to the next line.
"""
from __future__ import annotations

import re

from normalizers.thai_text import fold
from parsers.ita.records import DocType, Form, Header, PrintedField
from parsers.layout import TextLine
from thai.chars import LETTER_CLASS, MARK_CLASS, is_mark, without_marks
from thai.letter_number import is_unprinted_running, running_number

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
# Marks above and below the letters: OCR of a memo's big bold labels drops them (`วนท` for
# วันที่, `เรอง` for เรื่อง, `บนทกขอความ`), so labels match with their marks optional.


def _loose(label: str) -> str:
    """A pattern for `label` whose marks may be missing.

    >>> bool(re.fullmatch(_loose("เรื่อง"), "เรอง"))
    True
    """
    return "".join(f"{re.escape(c)}?" if is_mark(c) else re.escape(c) for c in label)


_MEMO_LABEL = re.compile(rf"^(?P<label>{_loose('ส่วนราชการ')}|ที่(?=\s)|{_loose('วันที่')}|"
                         rf"{_loose('เรื่อง')}|{_loose('เรียน')})\s*(?P<value>.*)$")
_INLINE_DATE = re.compile(rf"\s(?P<label>{_loose('วันที่')})\s*(?P<value>.*)$")
_MEMO_TITLE = re.compile(_loose("บันทึกข้อความ"))
# The line under ส่วนราชการ is `ที่ <number> วันที่ <date>`; OCR can lose both labels of it (bold
# print) and leave the number and the date, the date last.
_DATE_AT_END = re.compile(r"(?P<value>[๐-๙0-9]{1,2}\s*[ก-๙.]{3,12}\s*(?:พ\.?\s*ศ\.?\s*)?[๐-๙0-9]{4})\s*$")
_NUMBER_LABEL = re.compile(rf"^{_loose('ที่')}\.?\s*")
# The telephone printed after the department on the ส่วนราชการ line (`... โทร ๐-๕๕๘๓-๒๑๐๐`).
_PHONE = re.compile(rf"\s*(?:{_loose('โทร')}(?:ศัพท์)?|tel)\.?\s*:?\s*(?P<phone>[๐-๙0-9][๐-๙0-9\s\-–,/]*[๐-๙0-9])\s*$",
                    re.IGNORECASE)

_MEMO_FIELDS = {without_marks(label): field for label, field in (
    ("ส่วนราชการ", "department"), ("ที่", "reference_no"), ("วันที่", "doc_date"),
    ("เรื่อง", "subject"), ("เรียน", "addressee"))}


def _field(text: str, line: TextLine) -> PrintedField:
    return PrintedField(text=text.strip(), prov=line.prov)


# The dotted lines a memo form prints after its labels, typed over or read by OCR as dots.
_DOTS = re.compile(r"\s*[.…_]{3,}\s*")


def without_leaders(text: str) -> str:
    """A memo field's value without the form's dotted leader lines.

    >>> without_leaders("มค ๘๑๕๐๑/๑๒๔ ........ ")
    'มค ๘๑๕๐๑/๑๒๔'
    >>> without_leaders("สำนักปลัด ...... โทร ๐-๔๓๗๙-๑๐๔๕")
    'สำนักปลัด โทร ๐-๔๓๗๙-๑๐๔๕'
    """
    return _DOTS.sub(" ", text).strip()


def is_memo(lines: list[TextLine]) -> bool:
    return any(_MEMO_TITLE.search(fold(line.text)) for line in lines[:6])


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
    header.department_phone = _field(m.group("phone"), line)
    header.department = _field(header.department.text[:m.start()], line)


# The labels a memo prints in this order, each found inside a line where a short line before it
# was joined to it as a wrapped paragraph (`... โทร ๐-๕๔๒๘-๙๐๓๓ที่ ลป ๐๐๓๓.๓๐๑/`): the number's
# ที่ (its mark lost to OCR too) only before a letter code or a number, not the ที่ of ครั้งที่
# or วันที่.
_LABELS_IN_ORDER = (
    ("ส่วนราชการ", re.compile(rf"(?<![{LETTER_CLASS}]){_loose('ส่วนราชการ')}\s")),
    ("ที่", re.compile(rf"{_loose('ที่')}\s+(?=[ก-ฮ]{{2}}\s)|(?<![{LETTER_CLASS}])ที่\s*(?=[๐-๙0-9])")),
    ("เรื่อง", re.compile(rf"(?:\s|(?<=[๐-๙0-9])){_loose('เรื่อง')}\s")),
    ("เรียน", re.compile(rf"(?:\s|(?<=[๐-๙0-9])){_loose('เรียน')}\s")),
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
    m = _MEMO_LABEL.match(text)
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
    return [(i, piece, line) for i, line in enumerate(lines[:25])
            for piece in split_labelled(without_leaders(line.text))]


def read_memo_fields(lines: list[TextLine], header: Header) -> int:
    """Fill the memo fields; return the index of the first body line."""
    current: str | None = None
    for i, text, line in _memo_lines(lines):
        if _MEMO_TITLE.search(fold(text)):
            continue
        m = _MEMO_LABEL.match(text)
        inline = _INLINE_DATE.search(text) if m is None and header.subject is None else None
        if inline and header.doc_date is None:
            # The ที่ label unread (OCR of a bold label), the date after it read: the number is
            # what lies between them, less the garbled label.
            header.doc_date = _field(inline.group("value"), line)
            number = _reference_before(text[:inline.start()])
            if number and header.reference_no is None:
                header.reference_no = _field(number, line)
            current = "reference_no"
            continue
        unlabelled = (_DATE_AT_END.search(text) if m is None and current == "department"
                      and header.doc_date is None else None)
        if unlabelled:
            header.doc_date = _field(unlabelled.group("value"), line)
            number = _reference_before(text[:unlabelled.start()])
            if number and header.reference_no is None:
                header.reference_no = _field(number, line)
            current = "reference_no"
            continue
        if m is None:
            if current == "subject" and header.subject is not None:
                # the subject runs on to the next line until เรียน
                header.subject = _field(f"{header.subject.text} {text}", line)
                continue
            if current is not None and header.addressee is not None:
                return i
            continue
        label, value = m.group("label"), m.group("value")
        inline = _INLINE_DATE.search(value) if label == "ที่" else None
        if inline:
            value = value[:inline.start()]
            header.doc_date = _field(inline.group("value"), line)
        current = _MEMO_FIELDS[without_marks(label)]
        setattr(header, current, _field(value, line))
        if current == "department":
            _split_phone(header, line)
        if current == "addressee":
            return i + 1
    return 0


# An external letter's head: `ที่ <number>` at the top left, the sender's address on the lines
# after it, the date alone on its line, then เรื่อง and เรียน. A receipt stamp printed over the
# head has a number and a date of its own (`รับที่ ๒๔๕ วันที่ ๒๐ ม.ค. ๒๕๖๘ เวลา ...`), on a line
# that is neither.
_LETTER_NUMBER = re.compile(rf"^{_loose('ที่')}\s+(?P<value>\S.*)$")
_DATE_LINE = re.compile(r"^[๐-๙0-9]{1,2}\s*[ก-๙.]{3,12}\s*(?:พ\.?\s*ศ\.?\s*)?[๐-๙0-9]{4}$")


# A stamped letter (หนังสือประทับตรา) to many bodies names them on a ถึง line under its number,
# in place of เรียน; its date is at its foot, under the sending body's name, over the seal. Its
# list of bodies wraps onto a line starting with และ, which OCR can run into the body's opening
# (`ด้วย...`).
_STAMPED_TO = re.compile(r"^ถึง\s+(?P<value>\S.*)$")
_LIST_GOES_ON = re.compile(r"^และ\S")
_BODY_OPENING = re.compile(r"(?:ด้วย|ตามที่|เนื่องจาก|อนุสนธิ)")


def is_letter(lines: list[TextLine]) -> bool:
    """An external letter: its number (ที่) among the first lines, then a date line and a เรียน
    line before the body, or (a stamped letter) a ถึง line right under the number.

    >>> from parsers.layout import Provenance
    >>> line = lambda t: TextLine(text=t, prov=Provenance(page=1, method="ocr"))
    >>> is_letter([line("๔ เม.ย. ๒๕๖๘"), line("ที่ พล ๐๐๒๓.๑/ว ๗๑๔"), line("ถึง องค์การบริหารส่วนจังหวัดพิษณุโลก")])
    True
    """
    texts = [without_leaders(line.text) for line in lines[:20]]
    numbered = [i for i, t in enumerate(texts[:3]) if _LETTER_NUMBER.match(t)]
    if not numbered:
        return False
    stamped = any(_STAMPED_TO.match(t) for t in texts[numbered[0] + 1:numbered[0] + 3])
    return stamped or (any(_DATE_LINE.match(t) for t in texts) and any(t.startswith("เรียน") for t in texts))


def _bodies_addressed(lines: list[TextLine], at: int) -> tuple[str, int]:
    """The bodies a stamped letter's ถึง line at `at` names, with a wrapped `และ...` line cut at
    the body's opening, and the index of the line after them."""
    value = _STAMPED_TO.match(without_leaders(lines[at].text)).group("value")  # type: ignore[union-attr]
    if at + 1 < len(lines) and _LIST_GOES_ON.match(lines[at + 1].text.strip()):
        rest = lines[at + 1].text.strip()
        opening = _BODY_OPENING.search(rest)
        return f"{value} {rest[:opening.start()].strip() if opening else rest}", at + 1 + (opening is None)
    return value, at + 1


def read_letter_fields(lines: list[TextLine], header: Header) -> tuple[int, list[TextLine]]:
    """Number, date, subject and addressee of an external letter; return the index of the first
    body line and the sender's address lines (between the number and the date).

    >>> from parsers.layout import Provenance
    >>> line = lambda t: TextLine(text=t, prov=Provenance(page=1, method="text"))
    >>> h = Header()
    >>> end, address = read_letter_fields([line("ที่ บก ๗๓๙๐๑/ว ๑๕๖"), line("รับที่ ๒๔๕ วันที่ ๒๐ ม.ค. ๒๕๖๘"),
    ...     line("องค์การบริหารส่วนตำบลศรีชมภู"), line("อำเภอโซ่พิสัย จังหวัดบึงกาฬ ๓๘๑๗๐"),
    ...     line("๑๕ มกราคม ๒๕๖๘"), line("เรื่อง ขอความร่วมมือ"), line("เรียน ผู้ใหญ่บ้าน"), line("ด้วย...")], h)
    >>> h.reference_no.text, h.doc_date.text, h.subject.text, h.addressee.text, end, len(address)
    ('บก ๗๓๙๐๑/ว ๑๕๖', '๑๕ มกราคม ๒๕๖๘', 'ขอความร่วมมือ', 'ผู้ใหญ่บ้าน', 7, 3)
    """
    number_at: int | None = None
    address: list[TextLine] = []
    for i, line in enumerate(lines[:25]):
        text = without_leaders(line.text)
        number = _LETTER_NUMBER.match(text)
        label = _MEMO_LABEL.match(text)
        if number and number_at is None and header.subject is None:
            header.reference_no = _field(number.group("value"), line)
            number_at = i
        elif _DATE_LINE.match(text) and header.doc_date is None and header.subject is None:
            header.doc_date = _field(text, line)
            address = lines[number_at + 1 if number_at is not None else 0:i]
        elif label and without_marks(label.group("label")) == without_marks("เรื่อง"):
            header.subject = _field(label.group("value"), line)
        elif label and without_marks(label.group("label")) == without_marks("เรียน"):
            header.addressee = _field(label.group("value"), line)
            return i + 1, address
        elif _STAMPED_TO.match(text) and number_at is not None and i - number_at <= 2:
            bodies, after = _bodies_addressed(lines, i)
            header.addressee = _field(bodies, line)
            # The body begins on the line after them, or on the wrapped line itself when the
            # opening was run into it (the index of that line: it holds the body's first words).
            return after, address
        elif header.subject is not None:  # the subject runs on to the next line until เรียน
            header.subject = _field(f"{header.subject.text} {text}", line)
    return 0, address


# What a clerk writes in by hand after printing is not read as print (issue 14): a memo's
# running number after the slash, the day of its date. What is printed stays, and a warning
# says what is missing.
# OCR reads the ink as letters (`อต ๐๐๓๓.๓๐๖ ปตอง`, `ฆ ส่ ศิ๒ พฤศจกายน ๒๕๖๗`): a number with no
# digit after its letter code's number, a date whose month and year are not led by a clean day.
# A dash typed after the slash (`ปน ๗๖๑๐๑/ -`) is print: no number, nothing missing; a number
# with neither its slash nor ink after it (`ปน ๗๖๑๐๑`, OCR lost `/ -`) says nothing either way.
_NUMBER_WITHOUT_RUNNING = re.compile(r"^[ก-ฮ]{2}\s*[๐-๙0-9.]+(?:/|/?\s+[^๐-๙0-9/\-\s][^๐-๙0-9/]*)$")
_CODED_NUMBER = re.compile(r"^[ก-ฮ]{2}\s*\.?\s*[๐-๙0-9]")
_MONTH_YEAR = r"[ก-๙]{3,12}\s*(?:พ\.?\s*ศ\.?\s*)?[๐-๙0-9]{4}$"
_DATE_WITH_DAY = re.compile(rf"^[๐-๙0-9]{{1,2}}\s*{_MONTH_YEAR}")
_DATE_WITHOUT_DAY = re.compile(rf"(?:^|\s){_MONTH_YEAR}")


def _running_number_missing(number: str) -> bool:
    """Whether a coded number (`อต ๐๐๓๓.๓๐๖/...`) lacks its running number, or has handwriting
    read as one (`/ว ๓8ซ่`).

    >>> [_running_number_missing(n) for n in ("พส ๐๐๒๓.๑/ ว ๓8ซ่", "พล ๐๐๒๓.๑/ว", "บก ๗๓๙๐๑/ว ๑๕๖", "๑๕๐/๒๕๖๓")]
    [True, True, False, False]
    """
    if _NUMBER_WITHOUT_RUNNING.match(number):
        return True
    split = running_number(number)
    return split is not None and _CODED_NUMBER.match(split[0]) is not None and (
        not split[1] or is_unprinted_running(split[1]))


_FOOT_MONTH_YEAR = re.compile(rf"^{_MONTH_YEAR}")


def foot_date(foot: list[TextLine]) -> PrintedField | None:
    """A stamped letter's date, printed at its foot under the sending body's name (and over its
    seal): the first of `foot` (`sender_foot`'s lines) that is a date, or a month and year whose
    day is written in by hand (`handwritten_gaps` says so).

    >>> from parsers.layout import Provenance
    >>> line = lambda t: TextLine(text=t, prov=Provenance(page=1, method="ocr"))
    >>> foot_date([line("สำนักปลัด"), line("๑๒ กุมภาพันธ์ ๒๕๖๘"), line("องค์การบริหารส่วนตำบลแม่แรม")]).text
    '๑๒ กุมภาพันธ์ ๒๕๖๘'
    >>> foot_date([line("ฝ่ายบริหารทั่วไป"), line("สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดพิษณุโลก")]) is None
    True
    """
    for line in foot:
        text = without_leaders(line.text).strip()
        if _DATE_LINE.match(text) or _FOOT_MONTH_YEAR.match(text):
            return _field(text, line)
    return None


def handwritten_gaps(header: Header) -> list[str]:
    """`handwritten:<field>` for each header field printed without its handwritten part.

    >>> from parsers.layout import Provenance
    >>> at = Provenance(page=1, method="ocr")
    >>> handwritten_gaps(Header(reference_no=PrintedField("อต ๐๐๓๓.๓๐๖/", at), doc_date=PrintedField("พฤศจิกายน ๒๕๖๗", at)))
    ['handwritten:reference_no', 'handwritten:doc_date']
    >>> handwritten_gaps(Header(reference_no=PrintedField("อต ๐๐๓๓.๓๐๖/๘๑๔๐", at), doc_date=PrintedField("๑ ธันวาคม ๒๕๖๗", at)))
    []
    >>> handwritten_gaps(Header(reference_no=PrintedField("ปน ๗๖๑๐๑/ -", at))), handwritten_gaps(Header(
    ...     reference_no=PrintedField("ปน ๗๖๑๐๑", at)))
    ([], [])
    >>> handwritten_gaps(Header(reference_no=PrintedField("อต ๐๐๓๓.๓๐๖ ปตอง", at), doc_date=PrintedField("ฆ ส่ ศิ๒ พฤศจกายน ๒๕๖๗", at)))
    ['handwritten:reference_no', 'handwritten:doc_date']
    """
    gaps = []
    if header.reference_no is not None and _running_number_missing(header.reference_no.text.strip()):
        gaps.append("handwritten:reference_no")
    date = header.doc_date.text.strip() if header.doc_date is not None else ""
    if _DATE_WITHOUT_DAY.search(date) and not _DATE_WITH_DAY.match(date):
        gaps.append("handwritten:doc_date")
    return gaps


# An announcement's or an order's own header: `ประกาศ<issuer>` / `คำสั่ง<issuer>`, `ที่ ๑๕๐/๒๕๖๓`
# (orders), `เรื่อง ...`, and at its end `ประกาศ ณ วันที่ ...` / `สั่ง ณ วันที่ ...`.
_SUBJECT_LINE = re.compile(rf"^{_loose('เรื่อง')}\s*(?P<value>\S.*)$")
_NUMBER_LINE = re.compile(rf"^{_loose('ที่')}\s*(?P<value>[๐-๙0-9][๐-๙0-9/.\- ]*)$")
# The date line can be run into the paragraph before it (`...ขอซื้อหรือขอจ้างประกาศ ณ วันที่ ๑
# ตุลาคม พ.ศ. ๒๕๖๒`): the date is taken to its year.
_ISSUED_ON = re.compile(rf"(?:ประกาศ|สั่ง|ให้ไว้)\s*ณ\s*{_loose('วันที่')}\s*"
                        r"(?P<value>[๐-๙0-9]{1,2}\s*[ก-๙.]{2,12}\s*(?:พ\.?\s*ศ\.?\s*)?[๐-๙0-9]{4})")
# The date line with its day written in by hand (OCR reads the ink as `99พ`, or nothing): the
# printed month and year are kept, and the day is missing (`handwritten_gaps`).
_ISSUED_IN_MONTH = re.compile(rf"(?:ประกาศ|สั่ง|ให้ไว้)\s*ณ\s*{_loose('วันที่')}\s*(?:\S+\s+)?"
                              r"(?P<value>[ก-๙]{3,12}\s*(?:พ\.?\s*ศ\.?\s*)?[๐-๙0-9]{4})")
# A dotted or ruled line under the header, run into the subject's last line.
_LEADER = re.compile(r"\s*[.\-_…]{3,}\s*$")


def read_issued_fields(lines: list[TextLine], header: Header) -> None:
    """Subject, number and date of an announcement or an order, where printed.

    >>> from parsers.layout import Provenance
    >>> line = lambda t: TextLine(text=t, prov=Provenance(page=1, method="text"))
    >>> h = Header()
    >>> read_issued_fields([line("คำสั่งสำนักงานสาธารณสุขอำเภอหนองใหญ่"), line("ที่ ๑๕๐/๒๕๖๓"),
    ...     line("เรื่อง มอบหมายการดำเนินการ"), line("ข้อ ๑ ..."), line("สั่ง ณ วันที่ ๙ ธันวาคม พ.ศ.๒๕๖๓")], h)
    >>> h.reference_no.text, h.subject.text, h.doc_date.text
    ('๑๕๐/๒๕๖๓', 'มอบหมายการดำเนินการ', '๙ ธันวาคม พ.ศ.๒๕๖๓')
    >>> h = Header(); read_issued_fields([line("ประกาศ ณ วันที่ 99พ ตุลาคม พ.ศ. ๒๕๖๐")], h); h.doc_date.text
    'ตุลาคม พ.ศ. ๒๕๖๐'
    """
    for line in lines[:8]:
        text = line.text.strip()
        subject = _SUBJECT_LINE.match(text)
        number = _NUMBER_LINE.match(text)
        if subject and header.subject is None:
            header.subject = _field(_LEADER.sub("", subject.group("value")), line)
        elif number and header.reference_no is None and header.subject is None:
            header.reference_no = _field(number.group("value"), line)
    for line in reversed(lines):
        issued = _ISSUED_ON.search(line.text) or _ISSUED_IN_MONTH.search(line.text)
        if issued:
            header.doc_date = _field(issued.group("value"), line)
            return


# The issuer's name ends where the title goes on with the subject (`ว่าด้วย...`, `เรื่อง ...`),
# a number, an edition or a year.
# OCR drops the marks of เรื่อง (`เรือง`).
_ISSUER = re.compile(r"^\s*(?:ประกาศ|คำสั่ง)\s*(?P<issuer>\S.*?)\s*"
                     rf"(?={_loose('เรื่อง')}|{_loose('ว่าด้วย')}|ที่\s|ฉบับที่|\(ฉบับ|ประจำปี|พ\.\s*ศ\.|$)")


def issuer_of(title: PrintedField) -> PrintedField | None:
    """Who issues an announcement or an order: its title's words after ประกาศ / คำสั่ง, up to
    its number or subject.

    >>> from parsers.layout import Provenance
    >>> t = PrintedField("ประกาศสำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดขอนแก่น เรื่อง ผลการประเมิน", Provenance(1, "text"))
    >>> issuer_of(t).text
    'สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดขอนแก่น'
    >>> issuer_of(PrintedField("ประกาศสำนักงานปลัดกระทรวงสาธารณสุขว่าด้วยแนวทางปฏิบัติงาน", t.prov)).text
    'สำนักงานปลัดกระทรวงสาธารณสุข'
    >>> issuer_of(PrintedField("ประกาศสำนักงานคณะกรรมการการอาชีวศึกษา เรือง ผลการประเมิน", t.prov)).text
    'สำนักงานคณะกรรมการการอาชีวศึกษา'
    """
    m = _ISSUER.match(title.text)
    return PrintedField(text=m.group("issuer"), prov=title.prov) if m else None


# An act's or a royal instrument's date of issue, printed under its title (`ให้ไว้ ณ วันที่ ๑๕ เมษายน
# พ.ศ. ๒๕๖๒`): the document's date whatever its form.
_GIVEN_ON = re.compile(rf"ให้ไว้\s*ณ\s*{_loose('วันที่')}\s*"
                       r"(?P<value>[๐-๙0-9]{1,2}\s*[ก-๙.]{2,12}\s*(?:พ\.?\s*ศ\.?\s*)?[๐-๙0-9]{4})")


def read_given_on(lines: list[TextLine]) -> PrintedField | None:
    """The `ให้ไว้ ณ วันที่` date among the first lines.

    >>> from parsers.layout import Provenance
    >>> read_given_on([TextLine("ให้ไว้ ณ วันที่ ๑๕ เมษายน พ.ศ. ๒๕๖๒", Provenance(page=1, method="text"))]).text
    '๑๕ เมษายน พ.ศ. ๒๕๖๒'
    """
    for line in lines[:15]:
        given = _GIVEN_ON.search(line.text)
        if given:
            return _field(given.group("value"), line)
    return None


def read_title(lines: list[TextLine]) -> tuple[PrintedField | None, int]:
    """The title block: the first lines up to the one carrying the year (at most four)."""
    if not lines:
        return None, 0
    for end in range(min(4, len(lines))):
        if _YEAR_PHRASE.search(lines[end].text):
            text = " ".join(line.text.strip() for line in lines[:end + 1])
            return _field(text, lines[0]), end + 1
    return _field(lines[0].text, lines[0]), 1


def find_year_phrase(text: str) -> str | None:
    m = _YEAR_PHRASE.search(text)
    return m.group(0) if m else None


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
                return _field(line.text[m.start():m.start() + 120], line)
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
    >>> most_printed_spelling(_field("องค์การบริหารส่วนตำบลโป่งนำร้อน", lines[0]), lines).text
    'องค์การบริหารส่วนตำบลโป่งน้ำร้อน'
    """
    words = org.text.split()
    if not words:
        return org
    name = words[0]
    skeleton = without_marks(name)
    if len(skeleton) < 4:
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
        if len(line.text) > 160:
            continue
        if district is None and re.search(r"อำเภอ|(?<![ก-๙])อ\.\s*\S", line.text):
            district = _field(line.text, line)
        if province is None and re.search(r"จังหวัด|(?<![ก-๙])จ\.\s*\S", line.text):
            province = _field(line.text, line)
    return district, province


# A letter's foot names the office that sent it, above its telephone: `สำนักงาน...จังหวัดพิษณุโลก`,
# `ฝ่ายบริหารทั่วไป`, `โทร. ๐ ๕๕๒๓ ๒๔๙๐`. A stamped letter, no address at its head, has only this.
_PHONE_LINE = re.compile(rf"^{_loose('โทร')}(?:ศัพท์)?\.?\s*[๐-๙0-9]")
_FOOT_LINE_CHARS = 80  # an office's name and unit, not a paragraph's last line
_FOOT_LINES = 3


def sender_foot(lines: list[TextLine]) -> list[TextLine]:
    """The short lines naming a letter's sending office above the first telephone line of
    `lines` (the letter's body on its first page), nearest first.

    >>> from parsers.layout import Provenance
    >>> line = lambda t: TextLine(text=t, prov=Provenance(page=1, method="ocr"))
    >>> [l.text for l in sender_foot([line("ด้วย" + "ก" * 100), line("สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดพิษณุโลก"),
    ...     line("ฝ่ายบริหารทั่วไป"), line("โทร. ๐ ๕๕๒๓ ๒๔๙๐")])]
    ['ฝ่ายบริหารทั่วไป', 'สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดพิษณุโลก']
    """
    phone = next((i for i, line in enumerate(lines) if _PHONE_LINE.match(line.text.strip())), None)
    out: list[TextLine] = []
    for line in reversed(lines[:phone] if phone is not None else []):
        if len(line.text) > _FOOT_LINE_CHARS or len(out) == _FOOT_LINES:
            break
        out.append(line)
    return out


def find_places_after_org(lines: list[TextLine], org_text: str) -> tuple[PrintedField | None, PrintedField | None]:
    """Places printed right after the organisation's name in running text
    (`องค์การบริหารส่วนตำบลศรีธาตุอำเภอศรีธาตุ จังหวัดอุดรธานี`)."""
    head = org_text.split()[0] if org_text.split() else org_text
    for line in lines:
        at = line.text.find(head)
        if at < 0:
            continue
        tail = line.text[at + len(head):at + len(head) + 60]
        if re.match(r"\s*(อำเภอ|อ\.)", tail):
            district = _field(tail, line)
            province = _field(tail, line) if "จังหวัด" in tail or re.search(r"จ\.\s*\S", tail) else None
            return district, province
    return None, None


def find_assessed_year(lines: list[TextLine]) -> PrintedField | None:
    for line in lines:
        text = line.text
        for m in _ASSESSMENT.finditer(text):
            if _PURPOSE_BEFORE.search(text[max(0, m.start() - 12):m.start()]):
                continue
            window = text[m.end():m.end() + 220]
            year = _ANY_YEAR.search(window)
            if year:
                return _field(year.group(0), line)
    return None


_NAMES_ASSESSMENT = re.compile(r"ประเมิน|คุณธรรม|ita")
_PROCUREMENT = re.compile(r"จัดซื้อ|จัดจ้าง|จัดหาพัสดุ")
# Neighbouring documents by their titles, first match first: they are ITA evidence of their own,
# whatever words of the assessment they also use (a plan against corruption names ตัวชี้วัด).
_ANTI_CORRUPTION_PLAN = re.compile(r"แผน(?:ปฏิบัติการ)?(?:ด้าน)?(?:การ)?ป้องกัน(?:และปราบปราม)?การทุจริต")
_DECLARATION = re.compile(r"เจตจำนง")
# What a procurement plan, table or report calls itself.
_PROCUREMENT_RECORD = re.compile(r"รายงาน|ผลการ|แผน|สรุป|วิเคราะห์|สขร")
# A project's report, or its own form headed by its name (`โครงการเสริมสร้างคุณธรรม ...`).
_PROJECT_REPORT = re.compile(r"(?:รายงาน|สรุป)ผล(?:การดำเนิน(?:งาน|การ)?)?(?:ตาม)?\s*โครงการ|แบบรายงานโครงการ|^โครงการ")


def neighbour_type(title: str) -> DocType | None:
    """The kind of neighbouring document a title names, if it names one.

    >>> neighbour_type("แผนปฏิบัติการป้องกันการทุจริต ๔ ปี (พ.ศ. ๒๕๖๘ - ๒๕๗๑)")
    <DocType.ANTI_CORRUPTION_PLAN: 'anti_corruption_plan'>
    >>> neighbour_type("คำกล่าวแสดงเจตจำนงของผู้บริหาร"), neighbour_type("รายงานผลการดำเนินโครงการอบรมคุณธรรม")
    (<DocType.INTEGRITY_DECLARATION: 'integrity_declaration'>, <DocType.PROJECT_REPORT: 'project_report'>)
    >>> neighbour_type("รายงานผลการวิเคราะห์การจัดซื้อจัดจ้าง ประจำปีงบประมาณ ๒๕๖๒")
    <DocType.PROCUREMENT_REPORT: 'procurement_report'>
    >>> neighbour_type("ประกาศสำนักงานสาธารณสุขว่าด้วยแนวทางปฏิบัติงานเพื่อตรวจสอบบุคลากรด้านการจัดซื้อจัดจ้าง")
    <DocType.OTHER: 'other'>
    >>> neighbour_type("รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรม") is None
    True
    """
    key = fold(title)
    if _ANTI_CORRUPTION_PLAN.search(key):
        return DocType.ANTI_CORRUPTION_PLAN
    if _DECLARATION.search(key):
        return DocType.INTEGRITY_DECLARATION
    if "มาตรการ" in key or "ประเมิน" in key:
        return None
    # A report on procurement (`รายงานผลการวิเคราะห์การจัดซื้อจัดจ้าง`) is neither an analysis of
    # the assessment nor a report on measures; nor is a rule for procurement staff (`ประกาศ ...
    # ว่าด้วยแนวทางปฏิบัติงาน ... ด้านการจัดซื้อจัดจ้าง`) a plan of measures or a procurement report.
    if _PROCUREMENT.search(key) and not _NAMES_ASSESSMENT.search(key):
        return DocType.PROCUREMENT_REPORT if _PROCUREMENT_RECORD.search(key) else DocType.OTHER
    if _PROJECT_REPORT.search(key):
        return DocType.PROJECT_REPORT
    return None


_REQUEST = re.compile(r"ขอ(?:อนุญาต|อนุมัติ|ความเห็นชอบ)")


# What a neighbouring document is never read for: it prints no ITA score, grade or round.
NEIGHBOURS = frozenset({DocType.ANTI_CORRUPTION_PLAN, DocType.INTEGRITY_DECLARATION, DocType.PROJECT_REPORT,
                        DocType.PROCUREMENT_REPORT})


def classify(title: str, body: str, has_measures: bool, has_reports: bool, has_scores: bool) -> DocType:
    """doc_type from the title (or memo subject), else from what the document contains."""
    neighbour = neighbour_type(title)
    if neighbour is not None:
        return neighbour
    if not is_ita_text(title + " " + body):
        return DocType.OTHER
    # A memo asking leave to publish a report (`ขออนุญาตเผยแพร่รายงานผลการติดตาม...`) is not that
    # report: what it is comes from what it carries.
    key = "" if _REQUEST.match(fold(title)) else fold(title)
    if "วิเคราะห์ผลการประเมิน" in key or "ผลการวิเคราะห์" in key or "วิเคราะห์การประเมิน" in key:
        return DocType.ASSESSMENT_ANALYSIS
    if any(k in key for k in ("รายงานผล", "ผลการดำเนิน", "การดำเนินการตามมาตรการ", "ติดตามผล")):
        return DocType.MEASURES_REPORT
    if any(k in key for k in ("มาตรการ", "แนวทาง", "แผนปฏิบัติ")):
        return DocType.MEASURES_PLAN
    if has_reports:
        return DocType.MEASURES_REPORT
    if has_measures:
        return DocType.MEASURES_PLAN
    if has_scores:
        return DocType.ASSESSMENT_ANALYSIS
    return DocType.OTHER


def is_ita_text(text: str) -> bool:
    key = fold(text)
    return any(k in key for k in ("คุณธรรมและความโปร่งใส", "ita", "ตัวชี้วัด", "ปปช"))


def form_of(title: str, memo: bool, lines: list[TextLine]) -> Form:
    if memo:
        return Form.MEMO
    key = fold(title)
    if key.startswith("ประกาศ"):
        return Form.ANNOUNCEMENT
    if key.startswith("คำสั่ง"):
        return Form.ORDER
    if is_letter(lines) or any(_MEMO_LABEL.match(line.text.strip()) and line.text.strip().startswith("เรียน")
                               for line in lines[:15]):
        return Form.LETTER
    return Form.REPORT
