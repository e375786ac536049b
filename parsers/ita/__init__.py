"""The ITA parser: a layout Document in, ItaDocument (what is printed, with provenance) out.

`parse_ita` is imported on first use: the output schema reads this package's vocabularies
(`parsers.ita.records`), and `ita-extract --help` should not pay for the parser to print them.
"""
from __future__ import annotations

__all__ = ["parse_ita"]


def __getattr__(name: str):
    if name == "parse_ita":
        from parsers.ita.parse import parse_ita

        return parse_ita
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
