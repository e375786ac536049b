"""Scores printed in sentences and the indicator a heading names.

`ตัวชี้วัดที่ ๘ ... ได้คะแนนเท่ากับร้อยละ ๘๓.๙๙` is an indicator's score, `(IIT) คะแนนรวม ๑๐๐ คะแนน`
a tool's, `ในภาพรวมมีระดับคะแนน ๙๙.๗๘ ... ผ่านดีเยี่ยม` the overall score with its grade; a heading
right above a table of items (`ตัวชี้วัดที่ ๑ การปฏิบัติหน้าที่`) names the indicator they belong to.
"""
from __future__ import annotations

import re

from normalizers.indicators import parse_tool
from parsers.ita.records import PrintedScore
from parsers.ita.scores.words import (
    INDICATOR_MENTION,
    INDICATOR_WORD,
    INDICATOR_WORD_MARKLESS,
    NUM,
    POINTS,
    label_of,
    named_indicators,
    score_in,
)
from parsers.layout import Provenance, TextLine
from thai.chars import without_marks

_OVERALL = re.compile(r"ผลคะแนน|ระดับคะแนน|คะแนนรวม|ภาพรวม|คะแนนเฉลี่ย|ผลการประเมิน")
# An overall score is the assessment's: a sentence with only a share in it (`ผลการประเมินความเสี่ยง
# ... ในภาพรวม ... ร้อยละ ๕๐ ของกระบวนงาน`, a four-year plan's) gives one only where it says คะแนน or
# names the assessment.
_NAMES_THE_ASSESSMENT = re.compile(rf"{POINTS}|คุณธรรม|โปร่งใส|ITA|ไอทีเอ", re.IGNORECASE)
_EIT_PART = re.compile(r"ส่วนที่?\s*(?P<part>[๑๒12])")  # OCR drops the tone mark
_GRADE_AFTER = re.compile(r"ระดับ")
_LEADING_MARKER = re.compile(r"^[\s\-•]*(?:[๐-๙0-9]{1,2}[.)])?\s*")
_TRAILING_NUMBER = re.compile(rf"\s*{NUM}\s*(?:{POINTS})?\s*$")


def _line_label(text: str) -> str | None:
    """What a sentence says a score is of: the words before it, without list numbering."""
    label = _LEADING_MARKER.sub("", text).strip(" :-")
    return label[-80:] or None


_HEADING_INDICATOR = re.compile(INDICATOR_WORD.pattern + r"\s*(?P<no>[๐-๙0-9]{1,2})")
_HEADING_CHARS = 120  # a heading line is shorter than this
_BEFORE_NAME = 20  # characters a garbled ตัวชี้วัดที่ leaves before a heading's number


def indicator_heading(text: str) -> str | None:
    """The number of the indicator a heading line names (`ตัวชี้วัดที่ ๗ ประสิทธิภาพการสื่อสาร
    (94.89 คะแนน)`), as printed, also where OCR garbled the word ตัวชี้วัดที่ (`ตว ขี้วัดที่ ที 7
    ประสิทธิภาพการสื่อสาร`) but the number and the indicator's name agree.

    >>> indicator_heading("ตัวชี้วัดที่ ๕ การแก้ไขปัญหาการทุจริต (๙๔.๘๑ คะแนน)"), indicator_heading("ตว ขี้วัดที่ ที 7 ประสิทธิภาพการสื่อสาร 94.89 คะแนน) ๒")
    ('๕', '7')
    >>> indicator_heading("ตว ขี้วัดที่ ที 6 ประสิทธิภาพการสื่อสาร"), indicator_heading("ผลคะแนน 7 ประสิทธิภาพการสื่อสาร")
    (None, None)
    >>> indicator_heading("- ตัวชี้วัดที่ ๗ ประสิทธิภาพการสื่อสาร"), indicator_heading("๑. ตัวชี้วัดที่ ๙ การเปิดเผยข้อมูล")
    (None, None)
    """
    m = _HEADING_INDICATOR.match(text)
    if m is not None:
        return m.group("no")
    if len(text) >= _HEADING_CHARS or _LEADING_MARKER.match(text).group(0).strip():
        return None  # a list of the indicators (`- ตัวชี้วัดที่ ๑ ...`) is no heading
    named = next(iter(named_indicators(text)), None)
    if named is None or named.start() > _BEFORE_NAME \
            or not INDICATOR_WORD_MARKLESS.search(without_marks(text[:named.start()])):
        return None
    return named.group("no")


def scores_from_line(line: TextLine, context_tool: str | None) -> tuple[list[PrintedScore], str | None]:
    """Scores printed in one line of text, and the tool the line leaves in context (a line naming
    EIT is followed by `ส่วนที่ ๑ ...` lines that are its parts).

    >>> from parsers.layout import Provenance
    >>> at = Provenance(page=1, method="text")
    >>> [s.value for s in scores_from_line(TextLine("ในภาพรวมมีระดับคะแนน ๙๙.๗๘ ผ่านดีเยี่ยม", at), None)[0]]
    ['๙๙.๗๘']
    >>> scores_from_line(TextLine("ผลการประเมินความเสี่ยงในภาพรวม พบว่าคิดเป็นร้อยละ ๕๐ ของกระบวนงาน", at), None)[0]
    []
    """
    text = line.text
    scores: list[PrintedScore] = []
    mentions = list(INDICATOR_MENTION.finditer(text)) or named_indicators(text)
    for i, m in enumerate(mentions):
        segment = text[m.end():mentions[i + 1].start() if i + 1 < len(mentions) else len(text)]
        found = score_in(segment)
        if found:
            scores.append(PrintedScore(scope="indicator", value=found[0], prov=line.prov,
                                       indicator=m.group("no"), label=label_of(segment)))
    if mentions:
        return scores, context_tool
    tool = parse_tool(text)
    part = _EIT_PART.search(text)
    if tool is None and part and context_tool in ("EIT", "EIT1", "EIT2"):
        tool = "EIT" + ("1" if part.group("part") in "๑1" else "2")
    found = score_in(text)
    if tool is not None:
        if found:
            scores.append(PrintedScore(scope="tool", value=found[0], prov=line.prov, tool=tool,
                                       label=_line_label(text[:found[1]])))
        return scores, "EIT" if tool.startswith("EIT") else tool
    overall = _overall_in_sentence(text, found, line.prov) if found else None
    if overall is not None:
        scores.append(overall)
    return scores, context_tool


def _overall_in_sentence(text: str, found: tuple[str, int, int], prov: Provenance) -> PrintedScore | None:
    """The overall score a sentence gives (`found`: its score phrase), with the grade printed
    after the word ระดับ that follows it, where a word of the overall score comes before it."""
    # the label starts at the last keyword before the number ("...ในภาพรวมมีระดับคะแนน ๙๙.๗๘")
    keywords = [k.start() for k in _OVERALL.finditer(text) if k.start() <= found[1]
                and _NAMES_THE_ASSESSMENT.search(text)]
    if not keywords:
        return None
    label_start = keywords[-1]
    rest = text[found[2]:]
    grade = rest[_GRADE_AFTER.search(rest).end():].strip() if _GRADE_AFTER.search(rest) else None
    return PrintedScore(scope="overall", value=found[0], prov=prov, grade=grade,
                        label=_line_label(_TRAILING_NUMBER.sub("", text[label_start:found[2]])))
