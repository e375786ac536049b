"""Where an organisation lies, with the official (DOPA) codes, from the `geothai` gazetteer.

Province, district and subdistrict come from what the document prints: its province and
district (`places`), and the organisation's own name, which for a local administration is a
place: a provincial administration (อบจ.) is named after its province, a city or town
municipality after its province, district or subdistrict, a subdistrict administration (อบต.)
or subdistrict municipality after its subdistrict. A name that fits more than one place of the
gazetteer, and nothing printed that tells them apart, stays unplaced with a warning: 28
subdistricts are called หนองบัว, two are called บางปลา.

    >>> locate("เทศบาลตำบลแร่", "subdistrict_municipality", district="พังโคน", province="สกลนคร")
    Place(province='สกลนคร', province_code='47', district_code='4705', subdistrict_code='470503', warning=None)
    >>> locate("เทศบาลนครอุดรธานี", "city_municipality").province_code
    '41'
    >>> locate("เทศบาลตำบลบางปลา", "subdistrict_municipality").warning
    'place_ambiguous:บางปลา'
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

import geothai

from thai.chars import without_marks

__all__ = ["Place", "district_prefix", "locate", "province_code"]

# The canonical prefixes of `normalizers.orgs`, each with the level of place its name is.
_NAMED_AFTER = {
    "pao": ("องค์การบริหารส่วนจังหวัด", "province"),
    "city_municipality": ("เทศบาลนคร", "town"),
    "town_municipality": ("เทศบาลเมือง", "town"),
    "sao": ("องค์การบริหารส่วนตำบล", "subdistrict"),
    "subdistrict_municipality": ("เทศบาลตำบล", "subdistrict"),
}

# Bodies whose whole name is their place: Bangkok is a province; Pattaya lies in Bang Lamung,
# Chon Buri.
_WHOLE = {"bangkok": ("10", None), "pattaya": ("20", "2004")}


@dataclass(frozen=True)
class Place:
    province: str | None = None  # Thai name, as the gazetteer spells it
    province_code: str | None = None  # two digits
    district_code: str | None = None  # four digits
    subdistrict_code: str | None = None  # six digits
    warning: str | None = None


@lru_cache(maxsize=1)
def _provinces() -> dict[str, geothai.Province]:
    return {geothai.normalize(p.name_th): p for p in geothai.provinces()}


def province_code(name: str | None) -> str | None:
    """The two-digit code of a province named in full (no จังหวัด).

    >>> province_code("อุดรธานี"), province_code("กรุงเทพมหานคร"), province_code("ศรีธาตุ")
    ('41', '10', None)
    """
    found = _provinces().get(geothai.normalize(name)) if name else None
    return found.code if found else None


@lru_cache(maxsize=1)
def _all_districts() -> tuple[geothai.District, ...]:
    return tuple(d for p in _provinces().values() for d in geothai.districts(p.code))


@lru_cache(maxsize=1)
def _district_names() -> frozenset[str]:
    return frozenset(d.name_th for d in _all_districts())


def district_prefix(name: str) -> str | None:
    """The longest district name `name` starts with, when `name` itself is none: a district's
    name run into the next words of a line (`หนองใหญ่สำนักงานสาธารณสุข`).

    >>> district_prefix("หนองใหญ่สำนักงานสาธารณสุข"), district_prefix("ศรีธาตุ"), district_prefix("เมือง")
    ('หนองใหญ่', None, None)
    """
    names = _district_names()
    if name in names:
        return None
    return next((name[:n] for n in range(len(name) - 1, 1, -1) if name[:n] in names), None)


def _districts(name: str, in_province: str | None) -> list[geothai.District]:
    """The districts of that name (in the province, where known). Within a province, a name OCR
    read without a tone mark or vowel above (`สีคิว` for สีคิ้ว, `วังนำเขียว` for วังน้ำเขียว) is
    its district where no other district of the province reads the same without them.

    >>> [d.code for d in _districts("สีคิว", "30")], _districts("สีคิว", None)
    (['3020'], [])
    """
    key = geothai.normalize(name)
    candidates = geothai.districts(in_province) if in_province else _all_districts()
    exact = [d for d in candidates if geothai.normalize(d.name_th) == key]
    if exact or not in_province:
        return exact
    bare = without_marks(key)
    return [d for d in candidates if without_marks(geothai.normalize(d.name_th)) == bare]


def _province_of(code: str, **more: str) -> Place:
    province = geothai.province(code)
    return Place(province=province.name_th if province else None, province_code=code, **more)


@dataclass(frozen=True)
class _Printed:
    """What the document prints of its place: the place that alone gives, the province as printed
    and its code, and the district as the gazetteer spells it (None when not printed or misread)."""
    place: Place
    province: str | None
    province_code: str | None
    district: str | None


def _printed(district: str | None, province: str | None) -> _Printed:
    printed = province_code(province)
    base = _province_of(printed) if printed else Place()
    # The printed district, where the gazetteer has one of that name (in the printed province).
    named_districts = _districts(district, printed) if district else []
    if len(named_districts) == 1:
        base = _province_of(named_districts[0].province_code, district_code=named_districts[0].code)
        district = named_districts[0].name_th  # as the gazetteer spells it (OCR may drop a mark)
    elif printed and district and not named_districts:
        district = None  # no district of the province reads so: misread, it cannot narrow the search
    return _Printed(base, province, printed, district)


def locate(org_name: str | None, org_type: str | None, district: str | None = None,
           province: str | None = None) -> Place:
    """The place of an organisation (its canonical name and type, `normalizers.orgs`), given the
    district and province the document prints (canonical names, or None).

    >>> locate("องค์การบริหารส่วนจังหวัดขอนแก่น", "pao").province
    'ขอนแก่น'
    >>> locate("เทศบาลเมืองบ้านไผ่", "town_municipality")
    Place(province='ขอนแก่น', province_code='40', district_code='4010', subdistrict_code=None, warning=None)
    >>> locate("สำนักงานสาธารณสุขอำเภอหนองใหญ่", "other", province="ชลบุรี").province_code
    '20'
    >>> locate(None, None, district="หนองใหญ่", province="ชลบุรี").district_code
    '2003'
    >>> locate("องค์การบริหารส่วนตำบลหนองบัว", "sao").warning
    'place_ambiguous:หนองบัว'
    >>> locate("เมืองพัทยา", "pattaya").district_code
    '2004'
    """
    printed = _printed(district, province)
    base = printed.place
    if org_type in _WHOLE:
        code, district_code = _WHOLE[org_type]
        return _province_of(code, district_code=district_code) if printed.province_code in (None, code) else base
    prefix, level = _NAMED_AFTER.get(org_type or "", ("", None))
    name = org_name[len(prefix):] if org_name and prefix and org_name.startswith(prefix) else None
    if not name or level is None:
        return base
    named = province_code(name)
    if level == "province" or (level == "town" and named is not None):
        # A name that is a province, unless the document prints another one.
        return _province_of(named) if named is not None and printed.province_code in (None, named) else base
    if level == "town":  # named after its district (เทศบาลเมืองบ้านไผ่)
        districts = _districts(name, printed.province_code)
        if len(districts) == 1:
            return _province_of(districts[0].province_code, district_code=districts[0].code)
        if len(districts) > 1:
            return replace(base, warning=f"place_ambiguous:{name}")
    return _subdistrict_named(name, level == "town", printed)


def _subdistrict_named(name: str, town: bool, printed: _Printed) -> Place:
    """A subdistrict's name (a town's too, when no district has it), placed only where the
    printed district or province says which of its namesakes it is."""
    district, base = printed.district, printed.place
    found = (geothai.match(name, district=district, province=printed.province)
             if district or printed.province_code else [])
    if len(found) == 1:
        address = found[0]
        if town:  # a town spans several subdistricts: its district is what is known
            return _province_of(address.province.code, district_code=address.district.code)
        return Place(province=address.province.name_th, province_code=address.province.code,
                     district_code=address.district.code, subdistrict_code=address.subdistrict.code)
    if len(found) > 1 or (not found and not (district or printed.province_code)
                          and len(geothai.match(name)) > 1):
        return replace(base, warning=f"place_ambiguous:{name}")
    return base


def names(district_code: str | None = None, subdistrict_code: str | None = None,
          province_code: str | None = None) -> dict[str, str | None]:
    """English names of a place's levels, and Thai names of the district and subdistrict.

    >>> names("4705", "470503", "47")["subdistrict_en"]
    'Rae'
    """
    province = geothai.province(province_code) if province_code else None
    district = geothai.district(district_code) if district_code else None
    subdistrict = geothai.subdistrict(subdistrict_code) if subdistrict_code else None
    return {"province_en": province.name_en if province else None,
            "district_th": district.name_th if district else None,
            "district_en": district.name_en if district else None,
            "subdistrict_th": subdistrict.name_th if subdistrict else None,
            "subdistrict_en": subdistrict.name_en if subdistrict else None}


def province_name(code: str) -> str | None:
    """The Thai name of the province of that DOPA code.

    >>> province_name("40"), province_name("99")
    ('ขอนแก่น', None)
    """
    province = geothai.province(code)
    return province.name_th if province else None


def subdistricts_of(province_code: str) -> list[tuple[str, str, str]]:
    """(code, Thai name, district's Thai name) of every subdistrict of a province.

    >>> subdistricts_of("47")[0][:2]
    ('470101', 'ธาตุเชิงชุม')
    """
    return [(sub.code, sub.name_th, district.name_th)
            for district in geothai.districts(province_code)
            for sub in geothai.subdistricts(district.code)]
