"""Stable identities: an organisation across documents and years, a report across formats.

Names are not keys: 28 subdistricts are called หนองบัว, บางปลา is in two provinces, and one
body's report comes as text, PDF, scan and image. An organisation is the most precise official
code its place has (pipeline.assemble fills them from the gazetteer: a subdistrict
administration's subdistrict, a town's district, else the province) with its type and
canonical name; a report is its organisation, kind, years and date.
"""
from __future__ import annotations

from hashlib import blake2b


def _digest(*parts: object, size: int = 5) -> str:
    text = "\x1f".join("" if p is None else str(p) for p in parts)
    return blake2b(text.encode("utf-8"), digest_size=size).hexdigest()


def org_id(org_name: str | None, org_type: str | None, province_code: str | None = None,
           district_code: str | None = None, subdistrict_code: str | None = None) -> str | None:
    """`<code>-<type>-<digest of the name>`: the code sorts a province's bodies together and
    tells namesakes apart, the name tells apart the bodies that share a place; `00` where
    no place is known. None without a name.

    >>> org_id("องค์การบริหารส่วนตำบลแร่", "sao", "47", "4705", "470503")
    '470503-sao-363cb81a31'
    >>> org_id("องค์การบริหารส่วนตำบลแร่", "sao", "47", "4705", "470503") == org_id(
    ...     "องค์การบริหารส่วนตำบลแร่", "sao", "47", "4705", "470503")
    True
    >>> org_id("องค์การบริหารส่วนตำบลหนองบัว", "sao", "41").startswith("41-sao-")
    True
    >>> org_id(None, None) is None
    True
    """
    if not org_name:
        return None
    code = subdistrict_code or district_code or province_code or "00"
    return f"{code}-{org_type or 'other'}-{_digest(org_name)}"


def report_key(org: str | None, doc_type: str | None, fiscal_year_be: int | None,
               assessed_year_be: int | None, doc_date: object | None) -> str | None:
    """The same for one report whatever its format (the copies read alike); None where the
    organisation is unknown, since a report of nobody in particular cannot be matched.

    >>> report_key("470503-sao-363cb81a31", "assessment_analysis", 2565, 2564, None)
    'r-461cdc1efbe26d5b'
    """
    if org is None:
        return None
    return "r-" + _digest(org, doc_type, fiscal_year_be, assessed_year_be, doc_date, size=8)
