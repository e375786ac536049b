"""Thai script, defined once: character classes (`thai.chars`) and item numbering (`thai.numbering`).

Everything that reasons about Thai characters — the PDF text-layer repair, the OCR clean-up, the
page builder, the normalisers — imports its classes from here, so that one definition of "a
mark" or "a Thai digit" holds for every reader. Nothing here reads files or knows about ITA.
"""
