"""Readings more than one table's step makes: a body by its name, a list's usual decimals."""
from __future__ import annotations

from collections.abc import Iterable

from normalizers import numerals, orgs


def org_as_named(name: str) -> orgs.Org:
    """A body as its name says: a local administration (or a body `orgs` knows) by its canonical
    name, any other (a provincial office) as printed, with org_type other."""
    return orgs.parse_org(name) or orgs.Org(name, "other")


def usual_decimals(cells: Iterable[str | None]) -> int | None:
    """The decimals nearly every score of a list or table is printed with (19 in 20), if any."""
    counts: dict[int, int] = {}
    for cell in cells:
        places = numerals.decimals(cell)
        if places is not None:
            counts[places] = counts.get(places, 0) + 1
    usual = max(counts, key=lambda k: counts[k], default=None)
    return usual if usual is not None and counts[usual] >= 0.95 * sum(counts.values()) else None
