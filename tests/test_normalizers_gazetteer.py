"""normalizers.gazetteer: where an organisation lies, with DOPA codes, from geothai."""
import pytest

from normalizers.gazetteer import Place, locate, province_code
from normalizers.orgs import parse_org
from normalizers.places import PROVINCES


def test_every_province_has_the_gazetteers_code_as_its_iso_number():
    # ISO 3166-2:TH numbers provinces as DOPA does: two sources, one code.
    assert {p.name: p.iso[3:] for p in PROVINCES} == {p.name: province_code(p.name) for p in PROVINCES}


def _place(org: str, district: str | None = None, province: str | None = None) -> Place:
    parsed = parse_org(org)
    assert parsed is not None, org
    return locate(parsed.name, parsed.org_type, district, province)


@pytest.mark.parametrize("org, district, province, expected", [
    # a subdistrict municipality with its district and province printed (sample 001)
    ("เทศบาลตำบลแร่", "พังโคน", "สกลนคร", ("สกลนคร", "47", "4705", "470503")),
    # district printed, no province: the district tells which แร่
    ("เทศบาลตำบลแร่", "พังโคน", None, ("สกลนคร", "47", "4705", "470503")),
    ("อบต.ศรีธาตุ", "ศรีธาตุ", "อุดรธานี", ("อุดรธานี", "41", "4109", "410901")),
    # a city municipality named after its province: the province (issue 14's city report)
    ("เทศบาลนครอุดรธานี", None, None, ("อุดรธานี", "41", None, None)),
    ("ทน.ขอนแก่น", None, None, ("ขอนแก่น", "40", None, None)),
    # a town municipality named after its district
    ("เทศบาลเมืองบ้านไผ่", None, None, ("ขอนแก่น", "40", "4010", None)),
    ("อบจ.สกลนคร", None, None, ("สกลนคร", "47", None, None)),
    ("กรุงเทพมหานคร", None, None, ("กรุงเทพมหานคร", "10", None, None)),
])
def test_a_place_the_document_determines(org, district, province, expected):
    place = _place(org, district, province)
    assert (place.province, place.province_code, place.district_code, place.subdistrict_code) == expected
    assert place.warning is None


@pytest.mark.parametrize("org, province", [
    ("เทศบาลตำบลบางปลา", None),  # Samut Prakan and Nakhon Pathom
    ("องค์การบริหารส่วนตำบลหนองบัว", None),  # 28 of them
    ("องค์การบริหารส่วนตำบลโป่งน้ำร้อน", None),
])
def test_an_ambiguous_name_stays_unplaced_with_a_warning(org, province):
    place = _place(org, province=province)
    assert (place.province_code, place.district_code, place.subdistrict_code) == (None, None, None)
    assert place.warning == f"place_ambiguous:{parse_org(org).name.split('ตำบล', 1)[1]}"


def test_a_printed_province_is_never_overridden_by_a_namesake():
    # เทศบาลนครอุดรธานี "in" Khon Kaen: the document says Khon Kaen, so no Udon Thani code.
    place = _place("เทศบาลนครอุดรธานี", province="ขอนแก่น")
    assert (place.province, place.province_code) == ("ขอนแก่น", "40")
    # บางปลา with its province printed is the one there
    place = _place("เทศบาลตำบลบางปลา", province="นครปฐม")
    assert (place.province_code, place.district_code, place.subdistrict_code) == ("73", "7305", "730502")


def test_a_name_the_gazetteer_lacks_keeps_the_printed_province_only():
    place = _place("องค์การบริหารส่วนตำบลบ่อระ", province="ปัตตานี")  # sample 000: not in geothai
    assert place == Place(province="ปัตตานี", province_code="94")
