"""The ITA parser: a layout Document in, ItaDocument (what is printed, with provenance) out."""
from parsers.ita.parse import parse_ita

__all__ = ["parse_ita"]
