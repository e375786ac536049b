"""The header of an ITA document, as printed: one entry point, `read_header`, and one module per
form of head.

- `reader`: `read_header`, the one call: the head by its form, the common fields, what it is;
- `memo`: a memo's labelled lines (ส่วนราชการ / ที่ / วันที่ / เรื่อง / เรียน);
- `letter`: an external letter's head, a stamped letter's ถึง line and foot;
- `issued`: an announcement's or an order's subject, number, issuer and date of issue;
- `common`: the title, organisation, places and years every form prints;
- `doctype`: the document's form and type (`form_of`, `classify`, `neighbour_type`, `is_ita_text`);
- `labels`, `handwritten`: what the heads share: loose labels, leaders, dates, and the parts a
  clerk writes in by hand.
"""
from __future__ import annotations

from parsers.ita.header.doctype import is_neighbour
from parsers.ita.header.handwritten import handwritten_gaps
from parsers.ita.header.reader import read_header

__all__ = ["handwritten_gaps", "is_neighbour", "read_header"]
