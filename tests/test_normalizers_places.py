"""normalizers.places: provinces, districts, memo numbers."""
import pytest

from normalizers.places import (
    PROVINCES,
    canonical_reference_no,
    letter_code_misread,
    parse_district,
    parse_province,
    province_from_letter_code,
    province_from_reference,
)


def test_77_provinces_unique():
    assert len(PROVINCES) == 77
    assert len({p.name for p in PROVINCES}) == 77
    assert len({p.iso for p in PROVINCES}) == 77
    assert len({p.letter_code for p in PROVINCES}) == 77
    assert "TH-S" not in {p.iso for p in PROVINCES}
    assert "พัทยา" not in {p.name for p in PROVINCES}


def test_names_and_letter_codes_agree_with_pythainlp():
    from pythainlp.corpus.common import provinces
    theirs = {row["name_th"]: row["abbr_th"] for row in provinces(details=True)}
    ours = {p.name: p.letter_code for p in PROVINCES}
    assert set(ours) == set(theirs)
    # Official letters write กท for Bangkok; pythainlp lists the everyday กทม.
    assert {n for n in ours if ours[n] != theirs[n]} == {"กรุงเทพมหานคร"}


@pytest.mark.parametrize("name, iso, code", [
    ("กรุงเทพมหานคร", "TH-10", "กท"), ("สมุทรปราการ", "TH-11", "สป"), ("นนทบุรี", "TH-12", "นบ"),
    ("ปทุมธานี", "TH-13", "ปท"), ("พระนครศรีอยุธยา", "TH-14", "อย"), ("นครราชสีมา", "TH-30", "นม"),
    ("บึงกาฬ", "TH-38", "บก"), ("หนองบัวลำภู", "TH-39", "นภ"), ("ขอนแก่น", "TH-40", "ขก"),
    ("อุดรธานี", "TH-41", "อด"), ("หนองคาย", "TH-43", "นค"), ("สกลนคร", "TH-47", "สน"),
    ("เชียงใหม่", "TH-50", "ชม"), ("พิษณุโลก", "TH-65", "พล"), ("สงขลา", "TH-90", "สข"),
    ("ปัตตานี", "TH-94", "ปน"), ("ยะลา", "TH-95", "ยล"), ("นราธิวาส", "TH-96", "นธ"),
])
def test_province_codes(name, iso, code):
    province = parse_province(name)
    assert (province.name, province.iso, province.letter_code) == (name, iso, code)
    assert province_from_letter_code(code) == province


def test_iso_codes_are_well_formed():
    assert all(p.iso.startswith("TH-") and 10 <= int(p.iso[3:]) <= 96 for p in PROVINCES)


@pytest.mark.parametrize("text, expected", [
    ("จังหวัดสกลนคร", "สกลนคร"),
    ("จ.สกลนคร", "สกลนคร"),
    ("จ. สกลนคร", "สกลนคร"),
    ("สกลนคร", "สกลนคร"),
    ("กรุงเทพฯ", "กรุงเทพมหานคร"),
    ("กรุงเทพมหานคร", "กรุงเทพมหานคร"),
    ("อำเภอพังโคน จังหวัดสกลนคร", "สกลนคร"),
    ("องค์การบริหารส่วนตำบลศรีธาตุ อำเภอศรีธาตุ จังหวัดอุดรธานี", "อุดรธานี"),
    ("องค์การบริหารส่วนจังหวัดอุดรธานี", "อุดรธานี"),
    ("ศรีธาตุ อุดรธานี", "อุดรธานี"),
    ("ขอนแก่น จังหวัดอุดรธานี", "อุดรธานี"),
    ("จังหวัดเลย", "เลย"),
    ("เลย", "เลย"),
    ("เผยแพร่ข้อมูล", None),
    ("ไม่ทราบเลย", None),
    ("นายสุรินทร์ ใจดี", None),
    ("ไม่มีจังหวัด", None),
    ("", None),
    (None, None),
])
def test_parse_province(text, expected):
    province = parse_province(text)
    assert (province.name if province else None) == expected


@pytest.mark.parametrize("code, expected", [
    ("ปน", "ปัตตานี"), ("สน", "สกลนคร"), ("อด", "อุดรธานี"), ("อด.", "อุดรธานี"),
    ("กท", "กรุงเทพมหานคร"), ("ชม", "เชียงใหม่"), ("พล", "พิษณุโลก"), ("นม", "นครราชสีมา"),
    ("อย", "พระนครศรีอยุธยา"), ("นค", "หนองคาย"), ("นภ", "หนองบัวลำภู"), ("บก", "บึงกาฬ"),
    ("มท", None), ("นร", None), ("", None),
])
def test_province_from_letter_code(code, expected):
    province = province_from_letter_code(code)
    assert (province.name if province else None) == expected


@pytest.mark.parametrize("ref, expected", [
    ("ที่ ปน ๗๖๑๐๑/ -", "ปัตตานี"),
    ("สน ๕๔๑๐๓/๑๒๓", "สกลนคร"),
    ("อด.๗๑๒๐๑", "อุดรธานี"),
    ("ที่ อด ๗๑๒๐๑/๑๒๓", "อุดรธานี"),
    ("ที่สน๕๔๑๐๓", "สกลนคร"),
    ("ที่ พล 0032.1/123", "พิษณุโลก"),
    ("ที่ มท ๐๘๐๘.๒/ว ๑๒๓", None),
    ("ที่ ๑๒๓/๒๕๖๕", None),
    ("ปน", None),
    ("", None),
    (None, None),
])
def test_province_from_reference(ref, expected):
    province = province_from_reference(ref)
    assert (province.name if province else None) == expected


@pytest.mark.parametrize("text, expected", [
    ("อำเภอพังโคน", "พังโคน"),
    ("อ.ศรีธาตุ", "ศรีธาตุ"),
    ("อ. ศรีธาตุ", "ศรีธาตุ"),
    ("องค์การบริหารส่วนตำบลศรีธาตุ อำเภอศรีธาตุ จังหวัดอุดรธานี", "ศรีธาตุ"),
    ("อำเภอศรีธาตุจังหวัดอุดรธานี", "ศรีธาตุ"),
    ("อ.ศรีธาตุ จ.อุดรธานี", "ศรีธาตุ"),
    ("อ.ศรีธาตุจ.อุดรธานี", "ศรีธาตุ"),
    ("อำเภอเมือง จังหวัดสกลนคร", "เมืองสกลนคร"),
    ("อำเภอเมืองสกลนคร", "เมืองสกลนคร"),
    ("ม.อ. ปัตตานี", None),
    ("จังหวัดสกลนคร", None),
    ("", None),
    (None, None),
])
def test_parse_district(text, expected):
    assert parse_district(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("ที่ ปน ๗๖๑๐๑/ -", "ปน 76101/-"),
    ("ที่ สน ๐๐๒๓.๓/ว ๑๒๓", "สน 0023.3/ว 123"),
    ("ที่  สน   ๐๐๒๓.๓ / ว ๑๒๓", "สน 0023.3/ว 123"),
    ("อด.๗๑๒๐๑", "อด.71201"),
    ("ที่ ปน ๗๖๑๐๑/ - วันที่ ๒๒ มีนาคม ๒๕๖๔", "ปน 76101/-"),
    ("ที่", None),
    ("", None),
    (None, None),
])
def test_canonical_reference_no(text, expected):
    assert canonical_reference_no(text) == expected


def _misreadings(code: str):
    """Every code OCR could give for `code` by taking one letter for its look-alike."""
    from thai.chars import OCR_LOOKALIKE_PAIRS

    for i, letter in enumerate(code):
        for pair in OCR_LOOKALIKE_PAIRS:
            if letter in pair:
                (other,) = pair - {letter}
                yield code[:i] + other + code[i + 1:]


def test_a_misread_letter_code_is_put_right_only_by_its_own_province():
    """Over every province's code and every one-look-alike misreading of it: the province the
    document names elsewhere puts it right where the misreading is no code of its own; no other
    province does, nor does a code read right."""
    codes = {p.letter_code for p in PROVINCES}
    fixed = 0
    for province in PROVINCES:
        assert letter_code_misread(f"{province.letter_code} 0023.1/ว", province) is None
        for read in _misreadings(province.letter_code):
            number = f"{read} 0023.1/ว 714"
            got = letter_code_misread(number, province)
            if read in codes or read in {"มท", "นร", "ศธ", "สธ"}:
                assert got is None, (read, province.name)
                continue
            assert got == f"{province.letter_code} 0023.1/ว 714"
            fixed += 1
            others = [p for p in PROVINCES if p is not province and letter_code_misread(number, p)]
            # another province whose code is one look-alike off the same misreading (rare): the
            # document's own province still decides, as each gives its own code
            assert all(sum(a != b for a, b in zip(read, p.letter_code)) == 1 for p in others)
    assert fixed > 40


def test_a_handwritten_running_number_is_cut_from_a_circulars_number():
    assert canonical_reference_no("ที่ พส ๐๐๒๓.๑/ ว ๓8ซ่") == "พส 0023.1/ว"
    assert canonical_reference_no("ที่ บก ๗๓๙๐๑/ว ๑๕๖") == "บก 73901/ว 156"  # printed: kept
    assert canonical_reference_no("ที่ อต ๐๐๓๓.๓๐๖/ ปตอง") == "อต 0033.306/"
