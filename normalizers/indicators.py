"""The ten ITA indicators (framework 2564–2568) and the assessment tools.

    >>> indicator_by_name("การปรับปรุงระบบการทำงาน")
    8
    >>> resolve_indicator("ตัวชี้วัดที่ ๘ ประสิทธิภาพการสื่อสาร").warning
    'indicator_name_mismatch:8'
    >>> parse_tool("EIT ส่วนที่ ๑")
    'EIT1'
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from normalizers.numerals import thai_to_arabic
from normalizers.thai_text import clean, fold
from thai.chars import mark_tolerant, without_marks
from thai.numbering import split_numbering

__all__ = ["Indicator", "INDICATORS", "TOOL_WEIGHTS", "indicator_by_no", "tool_of", "indicator_by_name",
           "IndicatorRef", "resolve_indicator", "parse_tool"]


@dataclass(frozen=True)
class Indicator:
    no: int
    tool: str
    name: str
    variants: tuple[str, ...] = ()


INDICATORS: tuple[Indicator, ...] = (
    Indicator(1, "IIT", "การปฏิบัติหน้าที่", ("การปฏิบัติงาน",)),
    Indicator(2, "IIT", "การใช้งบประมาณ"),
    Indicator(3, "IIT", "การใช้อำนาจ"),
    Indicator(4, "IIT", "การใช้ทรัพย์สินของราชการ", ("การใช้ทรัพย์สินของทางราชการ",)),
    Indicator(5, "IIT", "การแก้ไขปัญหาการทุจริต"),
    Indicator(6, "EIT", "คุณภาพการดำเนินงาน"),
    Indicator(7, "EIT", "ประสิทธิภาพการสื่อสาร"),
    Indicator(8, "EIT", "การปรับปรุงระบบการทำงาน", ("การปรับปรุงการทำงาน",)),
    Indicator(9, "OIT", "การเปิดเผยข้อมูล"),
    Indicator(10, "OIT", "การป้องกันการทุจริต"),
)
_BY_NO = {indicator.no: indicator for indicator in INDICATORS}
# A tool's score is the mean of its indicators' scores, and the overall score these shares of
# the tools' (checked on the seeds: 0.3 × 89.55 + 0.3 × 81.23 + 0.4 × 98.89 = 90.79).
TOOL_WEIGHTS: dict[str, float] = {"IIT": 0.3, "EIT": 0.3, "OIT": 0.4}
# Folded label -> number, longest label first so that a longer label wins the search.
_LABELS: tuple[tuple[str, int], ...] = tuple(sorted(
    ((fold(label), indicator.no)
     for indicator in INDICATORS for label in (indicator.name, *indicator.variants)),
    key=lambda pair: -len(pair[0])))
_MARKLESS_LABELS = tuple((without_marks(label), no) for label, no in _LABELS)


def indicator_by_no(no: int) -> Indicator | None:
    """The indicator numbered `no`, or None outside 1–10.

    >>> indicator_by_no(9).name
    'การเปิดเผยข้อมูล'
    """
    return _BY_NO.get(no)


def tool_of(no: int) -> str | None:
    """The tool (IIT, EIT, OIT) that measures indicator `no`.

    >>> tool_of(7)
    'EIT'
    """
    indicator = _BY_NO.get(no)
    return indicator.tool if indicator else None


def indicator_by_name(name: str | None) -> int | None:
    """Number of the indicator whose name (or printed variant) the text contains.

    The longest contained name wins, so a name that embeds a shorter one is not misread.

    >>> indicator_by_name("การใช้ทรัพย์สินของทางราชการ")
    4
    >>> indicator_by_name("ประสิทธิภาพการสื่อสาร")
    7
    >>> indicator_by_name("ตัวชีวัดที่ ฆ ๑ การปฏิบัติหน้าที")
    1
    >>> indicator_by_name("อื่น ๆ") is None
    True
    """
    key = fold(name)
    if not key:
        return None
    for label, no in _LABELS:
        if label in key:
            return no
    # As OCR reads a poor scan: the marks dropped (`การปฏิบัติหน้าที`).
    markless = without_marks(key)
    for label, no in _MARKLESS_LABELS:
        if label in markless:
            return no
    return None


@dataclass(frozen=True)
class IndicatorRef:
    """An indicator label as read: number, its canonical name, the printed name, a warning."""
    no: int | None
    name: str | None
    name_printed: str | None
    warning: str | None = None


_DIGIT = r"[0-9๐-๙]"
# As printed, and as OCR reads it with marks lost (`ตัวชีวัดที ๘`).
_LABELLED_NO = re.compile(
    rf"{mark_tolerant('ตัวชี้วัด')}\s*(?:{mark_tolerant('ย่อย')})?\s*(?:{mark_tolerant('ที่')}|{mark_tolerant('ข้อที่')}|ข้อ)?\s*"
    rf"(?P<no>{_DIGIT}+)(?:\s*\.\s*{_DIGIT}+)*")
# Scores printed after the name: "๙๓.๔๖ คะแนน", "(๙๙.๑๐ คะแนน)", "= 88.49", "ร้อยละ 80".
_TRAILING_SCORE = re.compile(
    rf"[\s:=\-–]*\(?\s*(?:ร้อยละ\s*|คะแนน\s*)?{_DIGIT}+(?:[.,]{_DIGIT}+)?\s*(?:คะแนน|%)?\s*\)?\s*$")
_TRAILING_WORD = re.compile(r"\s*\(?\s*คะแนน\s*\)?\s*$")
_LEADING_PUNCT = re.compile(r"^[\s:.\-–—)]+")


def _strip_scores(name: str) -> str:
    previous = None
    while previous != name:
        previous = name
        name = _TRAILING_SCORE.sub("", name)
        name = _TRAILING_WORD.sub("", name)
    return name.strip()


def resolve_indicator(text: str | None) -> IndicatorRef:
    """Read a printed indicator label; the printed number wins over the printed name.

    >>> resolve_indicator("๑. การปฏิบัติหน้าที่ ๙๓.๔๖ คะแนน")
    IndicatorRef(no=1, name='การปฏิบัติหน้าที่', name_printed='การปฏิบัติหน้าที่', warning=None)
    >>> resolve_indicator("ตัวชี้วัดย่อยที่ ๙.๑").no
    9
    """
    cleaned = clean(text)
    if cleaned is None:
        return IndicatorRef(None, None, None)
    printed_no: int | None = None
    rest = cleaned
    labelled = _LABELLED_NO.search(cleaned)
    if labelled is not None:
        printed_no = int(thai_to_arabic(labelled.group("no")))
        rest = cleaned[labelled.end():]
        if not _strip_scores(_LEADING_PUNCT.sub("", rest)):
            # The name may precede the label: "การเปิดเผยข้อมูล (ตัวชี้วัดที่ ๙)".
            rest = split_numbering(cleaned[:labelled.start()].rstrip(" ("))[1]
    else:
        number, remainder = split_numbering(cleaned)
        if number is not None:
            digits = re.match(r"\(?\s*(\d+)", thai_to_arabic(number))
            if digits is not None:
                printed_no, rest = int(digits.group(1)), remainder
        else:
            rest = remainder
    name_printed = _strip_scores(_LEADING_PUNCT.sub("", rest)) or None
    name_no = indicator_by_name(name_printed)

    if printed_no is None:
        return IndicatorRef(name_no, _canonical(name_no), name_printed)
    if printed_no not in _BY_NO:
        # Only a number printed as an indicator number is worth a warning; "๑๒." is
        # simply the twelfth item of some list.
        warning = f"indicator_no_out_of_range:{printed_no}" if labelled else None
        return IndicatorRef(None, None, name_printed, warning)
    warning = (f"indicator_name_mismatch:{printed_no}"
               if name_no is not None and name_no != printed_no else None)
    return IndicatorRef(printed_no, _canonical(printed_no), name_printed, warning)


def _canonical(no: int | None) -> str | None:
    return _BY_NO[no].name if no in _BY_NO else None


_CODE = re.compile(r"(?<![A-Za-z])(IIT|EIT|OIT)(?![A-Za-z])", re.IGNORECASE)
_EIT_PART = re.compile(r"(?<![A-Za-z])EIT\s*[-_]?\s*([12])(?![\d.])", re.IGNORECASE)
_PART = re.compile(r"ส่วนที่\s*([12])(?!\d)")
_THAI_TOOLS = (
    ("เปิดเผยข้อมูลสาธารณะ", "OIT"),
    ("ภายนอก", "EIT"),
    ("ภายใน", "IIT"),
)


def parse_tool(text: str | None) -> str | None:
    """The assessment tool a header names: IIT, EIT, EIT1, EIT2 or OIT.

    >>> parse_tool("แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (IIT)")
    'IIT'
    >>> parse_tool("แบบตรวจการเปิดเผยข้อมูลสาธารณะ")
    'OIT'
    >>> parse_tool("ส่วนที่ ๒") is None
    True
    """
    cleaned = clean(text)
    if cleaned is None:
        return None
    cleaned = thai_to_arabic(cleaned)
    code = _CODE.search(cleaned)
    tool = code.group(1).upper() if code else None
    if tool is None:
        compact = re.sub(r"\s+", "", cleaned)
        tool = next((t for phrase, t in _THAI_TOOLS if phrase in compact), None)
    if tool == "EIT":
        part = _EIT_PART.search(cleaned) or _PART.search(cleaned)
        if part is not None:
            tool = f"EIT{part.group(1)}"
    return tool
