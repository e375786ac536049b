"""An external letter's head and a stamped letter's foot, as printed.

An external letter's head: `ที่ <number>` at the top left, the sender's address on the lines after
it, the date alone on its line, then เรื่อง and เรียน. A stamped letter (หนังสือประทับตรา) names
the bodies it is to on a ถึง line instead, and prints its sender and date at its foot.
"""
from __future__ import annotations

import re

from parsers.ita.header.common import on_first_page
from parsers.ita.header.labels import (
    DATE_LINE,
    HEAD_LINES,
    MEMO_LABEL,
    MONTH_YEAR,
    loose,
    printed_field,
    without_leaders,
)
from parsers.ita.records import Header, PrintedField
from parsers.layout import TextLine
from thai.chars import without_marks

# A receipt stamp printed over the head has a number and a date of its own (`รับที่ ๒๔๕ วันที่
# ๒๐ ม.ค. ๒๕๖๘ เวลา ...`), on a line that is neither.
_LETTER_NUMBER = re.compile(rf"^{loose('ที่')}\s+(?P<value>\S.*)$")


# A stamped letter (หนังสือประทับตรา) to many bodies names them on a ถึง line under its number,
# in place of เรียน; its date is at its foot, under the sending body's name, over the seal. Its
# list of bodies wraps onto a line starting with และ, which OCR can run into the body's opening
# (`ด้วย...`).
_STAMPED_TO = re.compile(r"^ถึง\s+(?P<value>\S.*)$")
_LIST_GOES_ON = re.compile(r"^และ\S")
_BODY_OPENING = re.compile(r"(?:ด้วย|ตามที่|เนื่องจาก|อนุสนธิ)")

# The number tops the letter, among its first lines (a stamp's or the date's may print above
# it); further down, `ที่ ...` is a line of the body.
_NUMBER_LINES = 3
# A letter's date and เรียน line come before its body's first paragraphs.
_LETTER_HEAD_LINES = 20
# A stamped letter's ถึง line is right under its number, or one line lower (a wrapped number).
_TO_LINE_REACH = 2


def is_letter(lines: list[TextLine]) -> bool:
    """An external letter: its number (ที่) among the first lines, then a date line and a เรียน
    line before the body, or (a stamped letter) a ถึง line right under the number.

    >>> from parsers.layout import Provenance
    >>> line = lambda t: TextLine(text=t, prov=Provenance(page=1, method="ocr"))
    >>> is_letter([line("๔ เม.ย. ๒๕๖๘"), line("ที่ พล ๐๐๒๓.๑/ว ๗๑๔"), line("ถึง องค์การบริหารส่วนจังหวัดพิษณุโลก")])
    True
    """
    texts = [without_leaders(line.text) for line in lines[:_LETTER_HEAD_LINES]]
    numbered = [i for i, t in enumerate(texts[:_NUMBER_LINES]) if _LETTER_NUMBER.match(t)]
    if not numbered:
        return False
    stamped = any(_STAMPED_TO.match(t) for t in texts[numbered[0] + 1:numbered[0] + 1 + _TO_LINE_REACH])
    return stamped or (any(DATE_LINE.match(t) for t in texts) and any(t.startswith("เรียน") for t in texts))


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
    for i, line in enumerate(lines[:HEAD_LINES]):
        text = without_leaders(line.text)
        number = _LETTER_NUMBER.match(text)
        label = MEMO_LABEL.match(text)
        if number and number_at is None and header.subject is None:
            header.reference_no = printed_field(number.group("value"), line)
            number_at = i
        elif DATE_LINE.match(text) and header.doc_date is None and header.subject is None:
            header.doc_date = printed_field(text, line)
            address = lines[number_at + 1 if number_at is not None else 0:i]
        elif label and without_marks(label.group("label")) == without_marks("เรื่อง"):
            header.subject = printed_field(label.group("value"), line)
        elif label and without_marks(label.group("label")) == without_marks("เรียน"):
            header.addressee = printed_field(label.group("value"), line)
            return i + 1, address
        elif _STAMPED_TO.match(text) and number_at is not None and i - number_at <= _TO_LINE_REACH:
            bodies, after = _bodies_addressed(lines, i)
            header.addressee = printed_field(bodies, line)
            # The body begins on the line after them, or on the wrapped line itself when the
            # opening was run into it (the index of that line: it holds the body's first words).
            return after, address
        elif header.subject is not None:  # the subject runs on to the next line until เรียน
            header.subject = printed_field(f"{header.subject.text} {text}", line)
    return 0, address


# A letter's foot names the office that sent it, above its telephone: `สำนักงาน...จังหวัดพิษณุโลก`,
# `ฝ่ายบริหารทั่วไป`, `โทร. ๐ ๕๕๒๓ ๒๔๙๐`. A stamped letter, no address at its head, has only this.
_PHONE_LINE = re.compile(rf"^{loose('โทร')}(?:ศัพท์)?\.?\s*[๐-๙0-9]")
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


_FOOT_MONTH_YEAR = re.compile(rf"^{MONTH_YEAR}")


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
        if DATE_LINE.match(text) or _FOOT_MONTH_YEAR.match(text):
            return printed_field(text, line)
    return None


def read_letter(lines: list[TextLine], header: Header) -> tuple[int, list[TextLine]]:
    """Fill an external letter's fields; return the index of its first body line and the lines
    naming its sender: the address under its number or, a stamped letter's, its foot, where
    its date is too when its head has none.

    >>> from parsers.layout import Provenance
    >>> line = lambda t: TextLine(text=t, prov=Provenance(page=1, method="ocr"))
    >>> h = Header()
    >>> end, sender = read_letter([line("ที่ พล ๐๐๒๓.๑/ว ๗๑๔"), line("ถึง องค์การบริหารส่วนจังหวัดพิษณุโลก"),
    ...     line("ด้วย" + "ก" * 100), line("สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดพิษณุโลก"),
    ...     line("๔ เมษายน ๒๕๖๘"), line("โทร. ๐ ๕๕๒๓ ๒๔๙๐")], h)
    >>> end, [l.text for l in sender][1], h.doc_date.text
    (2, 'สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดพิษณุโลก', '๔ เมษายน ๒๕๖๘')
    """
    body_start, sender = read_letter_fields(lines, header)
    if not sender:  # a stamped letter addressed with ถึง: its sender and date are at its foot
        sender = sender_foot(on_first_page(lines[body_start:], lines))
        header.doc_date = header.doc_date or foot_date(sender)
    return body_start, sender
