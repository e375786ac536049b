"""Scores as printed: overall (with its grade), per tool, per indicator, per questionnaire item.

Reports print scores in score tables (`ตัวชี้วัดที่ | รายละเอียด | คะแนน`, or `๑. การปฏิบัติหน้าที่
๙๓.๔๖ คะแนน` in a label cell) and in sentences (`ตัวชี้วัดที่ ๘ ... ได้คะแนนเท่ากับร้อยละ ๘๓.๙๙`,
`ในภาพรวมมีระดับคะแนน ๙๙.๗๘ ... ผ่านดีเยี่ยม`, `(IIT) คะแนนรวม ๑๐๐ คะแนน`). A number is taken as a
score only where the text says it is one (คะแนน / ร้อยละ, or a score column), never a criterion
(`มากกว่า ๙๕`, `๘๕ คะแนนขึ้นไป`). A summary table is read down (a row a tool, an indicator, the
overall score, its grade) or across (a column each); the items of a per-question section and of
an analysis-to-action table are scores of `item` scope, with their codes as printed.

One module per concern: `words` (the words that make a number a score and name what it is of),
`lines` (sentences and headings), `tables` (score tables, down and across), `items` (an item's
code found again by its question).
"""
from __future__ import annotations

from parsers.ita.scores.items import code_by_question, number_key
from parsers.ita.scores.lines import indicator_heading, scores_from_line
from parsers.ita.scores.tables import scores_from_table

__all__ = ["code_by_question", "indicator_heading", "number_key", "scores_from_line", "scores_from_table"]
