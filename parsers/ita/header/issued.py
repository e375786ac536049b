"""An announcement's or an order's head and date of issue, as printed.

An announcement's or an order's own header: `ประกาศ<issuer>` / `คำสั่ง<issuer>`, `ที่ ๑๕๐/๒๕๖๓`
(orders), `เรื่อง ...`, and at its end `ประกาศ ณ วันที่ ...` / `สั่ง ณ วันที่ ...`. An act or a
royal instrument prints its date of issue under its title (`ให้ไว้ ณ วันที่ ...`).
"""
from __future__ import annotations

import re

from parsers.ita.header.common import most_printed_spelling
from parsers.ita.header.labels import loose, printed_field
from parsers.ita.records import Header, PrintedField
from parsers.layout import TextLine

_SUBJECT_LINE = re.compile(rf"^{loose('เรื่อง')}\s*(?P<value>\S.*)$")
_NUMBER_LINE = re.compile(rf"^{loose('ที่')}\s*(?P<value>[๐-๙0-9][๐-๙0-9/.\- ]*)$")
# The date line can be run into the paragraph before it (`...ขอซื้อหรือขอจ้างประกาศ ณ วันที่ ๑
# ตุลาคม พ.ศ. ๒๕๖๒`): the date is taken to its year.
_ISSUED_ON = re.compile(rf"(?:ประกาศ|สั่ง|ให้ไว้)\s*ณ\s*{loose('วันที่')}\s*"
                        r"(?P<value>[๐-๙0-9]{1,2}\s*[ก-๙.]{2,12}\s*(?:พ\.?\s*ศ\.?\s*)?[๐-๙0-9]{4})")
# The date line with its day written in by hand (OCR reads the ink as `99พ`, or nothing): the
# printed month and year are kept, and the day is missing (`handwritten_gaps`).
_ISSUED_IN_MONTH = re.compile(rf"(?:ประกาศ|สั่ง|ให้ไว้)\s*ณ\s*{loose('วันที่')}\s*(?:\S+\s+)?"
                              r"(?P<value>[ก-๙]{3,12}\s*(?:พ\.?\s*ศ\.?\s*)?[๐-๙0-9]{4})")
# A dotted or ruled line under the header, run into the subject's last line.
_LEADER = re.compile(r"\s*[.\-_…]{3,}\s*$")
# The title, the number and the subject head the first page; further down, `เรื่อง` and `ที่`
# start lines of the body (its clauses, a list of who does what).
_HEAD_LINES = 8


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
    for line in lines[:_HEAD_LINES]:
        text = line.text.strip()
        subject = _SUBJECT_LINE.match(text)
        number = _NUMBER_LINE.match(text)
        if subject and header.subject is None:
            header.subject = printed_field(_LEADER.sub("", subject.group("value")), line)
        elif number and header.reference_no is None and header.subject is None:
            header.reference_no = printed_field(number.group("value"), line)
    for line in reversed(lines):
        issued = _ISSUED_ON.search(line.text) or _ISSUED_IN_MONTH.search(line.text)
        if issued:
            header.doc_date = printed_field(issued.group("value"), line)
            return


# The issuer's name ends where the title goes on with the subject (`ว่าด้วย...`, `เรื่อง ...`),
# a number, an edition or a year.
# OCR drops the marks of เรื่อง (`เรือง`).
_ISSUER = re.compile(r"^\s*(?:ประกาศ|คำสั่ง)\s*(?P<issuer>\S.*?)\s*"
                     rf"(?={loose('เรื่อง')}|{loose('ว่าด้วย')}|ที่\s|ฉบับที่|\(ฉบับ|ประจำปี|พ\.\s*ศ\.|$)")


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
_GIVEN_ON = re.compile(rf"ให้ไว้\s*ณ\s*{loose('วันที่')}\s*"
                       r"(?P<value>[๐-๙0-9]{1,2}\s*[ก-๙.]{2,12}\s*(?:พ\.?\s*ศ\.?\s*)?[๐-๙0-9]{4})")
# The date of issue is printed right under the title: past the first lines, `ให้ไว้ ณ วันที่`
# is another instrument's, quoted in the body.
_GIVEN_ON_LINES = 15


def read_given_on(lines: list[TextLine]) -> PrintedField | None:
    """The `ให้ไว้ ณ วันที่` date among the first lines.

    >>> from parsers.layout import Provenance
    >>> read_given_on([TextLine("ให้ไว้ ณ วันที่ ๑๕ เมษายน พ.ศ. ๒๕๖๒", Provenance(page=1, method="text"))]).text
    '๑๕ เมษายน พ.ศ. ๒๕๖๒'
    """
    for line in lines[:_GIVEN_ON_LINES]:
        given = _GIVEN_ON.search(line.text)
        if given:
            return printed_field(given.group("value"), line)
    return None


def read_issued(lines: list[TextLine], header: Header) -> None:
    """Fill an announcement's or an order's fields: its subject, number and date, and its
    issuer, spelt as the document prints it most often.

    >>> from parsers.layout import Provenance
    >>> line = lambda t: TextLine(text=t, prov=Provenance(page=1, method="text"))
    >>> h = Header(title=PrintedField("ประกาศเทศบาลตำบลแร่ เรื่อง มาตรการ", Provenance(page=1, method="text")))
    >>> read_issued([line("ประกาศเทศบาลตำบลแร่"), line("เรื่อง มาตรการ")], h); h.issuer.text, h.subject.text
    ('เทศบาลตำบลแร่', 'มาตรการ')
    """
    read_issued_fields(lines, header)
    if header.title is not None:
        header.issuer = issuer_of(header.title)
        if header.issuer is not None:
            header.issuer = most_printed_spelling(header.issuer, lines)
