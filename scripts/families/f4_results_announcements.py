"""Family 4: results announcements covering many bodies (VARIANTS.md).

A parent agency announces the round's results of the bodies under it, one table row a body:
ที่ | ชื่อหน่วยงาน | (อำเภอ | จังหวัด) | IIT | EIT | OIT | คะแนนรวม | ระดับผลการประเมิน, ranked by
the overall score, over as many pages as it takes. What varies: the issuer (a provincial office
of local administration listing its province's bodies, a national office listing colleges with
their provinces), the bodies' names (full or abbreviated, several types), dashes for a tool a
body has no score in, a body not assessed at all, Thai or Arabic digits, the grade scheme, the
page (portrait or landscape), and the size of the list (up to hundreds of bodies).

The gold holds what the evaluator scores (the document; an announcement prints no score of its
own issuer) and, under `listed_bodies`, every body's printed row for the family's own tests.
"""
from __future__ import annotations

import random
from dataclasses import dataclass

import geothai

from families import FamilySample

THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
MONTHS = ("มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม",
          "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม")
LETTER_GRADES = ((95, "AA"), (85, "A"), (75, "B"), (65, "C"), (55, "D"), (50, "E"), (0, "F"))
PASS_GRADES = ((95, "ผ่านดีเยี่ยม", "pass_excellent"), (85, "ผ่านดี", "pass_good"),
               (80, "ผ่าน", "pass"), (70, "ต้องปรับปรุง", "improve"), (0, "ต้องปรับปรุงโดยด่วน", "improve_urgent"))
_SAO = ("องค์การบริหารส่วนตำบล", "อบต.", "sao")
_MUNICIPALITY = ("เทศบาลตำบล", "ทต.", "subdistrict_municipality")
COLLEGE_KINDS = ("วิทยาลัยเทคนิค", "วิทยาลัยอาชีวศึกษา", "วิทยาลัยการอาชีพ", "วิทยาลัยเกษตรและเทคโนโลยี")


@dataclass(frozen=True)
class Body:
    name: str  # as printed
    org_name: str  # canonical
    org_type: str
    district: str | None
    province: str
    scores: dict[str, float | None]  # IIT, EIT, OIT, overall; None where a dash is printed
    grade_printed: str | None
    grade: str | None


def _grade(total: float | None, scheme: str) -> tuple[str | None, str | None]:
    if total is None:
        return None, None
    if scheme == "letter":
        label = next(g for floor, g in LETTER_GRADES if total >= floor)
        return label, label
    printed, key = next((p, k) for floor, p, k in PASS_GRADES if total >= floor)
    return printed, key


def _score(rng: random.Random, low: float) -> float:
    return round(min(100.0, rng.uniform(low, 100.5)), 2)


def _local_bodies(rng: random.Random, province_code: str, count: int, abbreviate: float,
                  unique_names: bool) -> list[tuple[str, str, str, str]]:
    """(printed name, canonical name, org_type, district) of `count` local administrations of a
    province, named after its subdistricts; the district seat a town municipality."""
    bodies = []
    for district in geothai.districts(province_code):
        dname = district.name_th
        for sub in geothai.subdistricts(district.code):
            name = sub.name_th
            # A subdistrict has an SAO, a municipality, or (where a municipality took part of
            # it) both.
            draw = rng.random()
            kinds = [_MUNICIPALITY] if draw < 0.2 else [_SAO] if draw < 0.85 else [_MUNICIPALITY, _SAO]
            for full, short, org_type in kinds:
                printed = (short if rng.random() < abbreviate else full) + name
                bodies.append((printed, full + name, org_type, dname))
    rng.shuffle(bodies)
    if unique_names:
        # Names repeat within a province (two subdistricts called หนองบัว in two districts):
        # only a district column tells them apart, so a list without one keeps one of each.
        seen: set[str] = set()
        bodies = [b for b in bodies if not (b[1] in seen or seen.add(b[1]))]
    return bodies[:count]


def _bodies(rng: random.Random, spec: Spec) -> list[Body]:
    if spec.colleges:
        provinces = rng.sample(list(geothai.provinces()), spec.count)
        names = [f"{rng.choice(COLLEGE_KINDS)}{p.name_th}" for p in provinces]
        named = [(n, n, "other", None, p.name_th) for n, p in zip(names, provinces)]
    else:
        province = spec.province
        code = next(p.code for p in geothai.provinces() if p.name_th == province)
        named = [(p, c, t, d, province) for p, c, t, d in
                 _local_bodies(rng, code, spec.count, spec.abbreviate, not spec.district_column)]
    bodies = []
    for printed, canonical, org_type, district, province in named:
        scores: dict[str, float | None] = {"IIT": _score(rng, 70), "EIT": _score(rng, 72),
                                           "OIT": _score(rng, 35)}
        if rng.random() < spec.missing:
            scores[rng.choice(("IIT", "EIT"))] = None
        present = {k: v for k, v in scores.items() if v is not None}
        weights = {"IIT": 0.3, "EIT": 0.3, "OIT": 0.4}
        total = round(sum(weights[k] * v for k, v in present.items()) / sum(weights[k] for k in present), 2)
        scores["overall"] = total
        if rng.random() < spec.not_assessed:
            scores = dict.fromkeys(scores)
        grade_printed, grade = _grade(scores["overall"], spec.grade_scheme)
        bodies.append(Body(printed, canonical, org_type, district, province, scores, grade_printed, grade))
    # Ranked: the best first, the bodies not assessed last.
    bodies.sort(key=lambda b: -(b.scores["overall"] or -1))
    return bodies


@dataclass(frozen=True)
class Spec:
    stem: str
    seed: int
    count: int
    issuer: str
    province: str | None  # the issuer's province, where its name has one
    year_be: int
    date: tuple[int, int, int]  # day, month, year BE
    digits: str  # thai or arabic
    grade_scheme: str  # letter or pass
    district_column: bool = True
    colleges: bool = False
    abbreviate: float = 0.0
    missing: float = 0.03
    not_assessed: float = 0.01
    landscape: bool = False


SPECS = (
    Spec("f4_onlk_nakhonratchasima_2567", seed=4001, count=310,
         issuer="สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดนครราชสีมา", province="นครราชสีมา",
         year_be=2567, date=(20, 1, 2568), digits="thai", grade_scheme="letter"),
    Spec("f4_onlk_khonkaen_2568", seed=4002, count=45,
         issuer="สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดขอนแก่น", province="ขอนแก่น",
         year_be=2568, date=(3, 10, 2568), digits="arabic", grade_scheme="pass", abbreviate=0.5,
         district_column=False, landscape=True),
    Spec("f4_vec_colleges_2566", seed=4003, count=40,
         issuer="สำนักงานคณะกรรมการการอาชีวศึกษา", province=None,
         year_be=2566, date=(15, 11, 2566), digits="thai", grade_scheme="letter", colleges=True,
         landscape=True),
)


def _fmt(value: float | None, digits: str) -> str:
    text = "-" if value is None else f"{value:.2f}"
    return text.translate(THAI_DIGITS) if digits == "thai" else text


def _num(value: int, digits: str) -> str:
    return str(value).translate(THAI_DIGITS) if digits == "thai" else str(value)


def markup(spec: Spec, bodies: list[Body]) -> str:
    d = spec.digits
    year = _num(spec.year_be, d)
    what = "สถานศึกษา" if spec.colleges else "องค์กรปกครองส่วนท้องถิ่น"
    scope = "ในสังกัด" if spec.colleges else f"ในพื้นที่จังหวัด{spec.province}"
    day, month, year_be = spec.date
    headers = ["ที่", "ชื่อหน่วยงาน"]
    if spec.colleges:
        headers.append("จังหวัด")
    elif spec.district_column:
        headers.append("อำเภอ")
    headers += ["IIT", "EIT", "OIT", "คะแนนรวม", "ระดับผลการประเมิน"]
    rows = []
    for no, b in enumerate(bodies, start=1):
        cells = [_num(no, d), b.name]
        if spec.colleges:
            cells.append(b.province)
        elif spec.district_column:
            cells.append(b.district or "")
        cells += [_fmt(b.scores[k], d) for k in ("IIT", "EIT", "OIT", "overall")]
        cells.append(b.grade_printed or "-")
        rows.append("| " + " | ".join(cells) + " |")
    lines = [
        f"ประกาศ{spec.issuer}",
        f"เรื่อง ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของ{what} (ITA) ประจำปีงบประมาณ พ.ศ. {year}",
        "",
        f"ตามที่ สำนักงาน ป.ป.ช. ได้กำหนดให้{what}เข้ารับการประเมินคุณธรรมและความโปร่งใสในการดำเนินงาน"
        f"ของหน่วยงานภาครัฐ (Integrity and Transparency Assessment : ITA) ประจำปีงบประมาณ พ.ศ. {year} "
        f"บัดนี้ การประเมินได้เสร็จสิ้นแล้ว {spec.issuer} จึงขอประกาศผลการประเมินของ{what}{scope} "
        f"จำนวน {_num(len(bodies), d)} แห่ง ตามบัญชีแนบท้ายประกาศนี้ ทั้งนี้ เครื่องหมาย - หมายถึงไม่มีผลคะแนน",
        "",
        f"ประกาศ ณ วันที่ {_num(day, d)} {MONTHS[month - 1]} พ.ศ. {_num(year_be, d)}",
        "",
        "(นายสมชาย ใจซื่อตรง)",
        f"ผู้อำนวยการ{spec.issuer}" if spec.colleges else f"ท้องถิ่นจังหวัด{spec.province}",
        "",
        f"บัญชีผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของ{what} ประจำปีงบประมาณ พ.ศ. {year}",
        "",
        "| " + " | ".join(headers) + " |",
        "|" + "---|" * len(headers),
        *rows,
        "",
    ]
    return "\n".join(lines)


def sample(spec: Spec) -> FamilySample:
    rng = random.Random(spec.seed)
    bodies = _bodies(rng, spec)
    day, month, year_be = spec.date
    gold = {
        "document": {
            "doc_type": "results_announcement", "org_name": spec.issuer, "org_type": "other",
            "district": None, "province": spec.province, "fiscal_year_be": spec.year_be,
            "assessed_year_be": spec.year_be, "overall_score": None, "grade": None,
            "doc_date": f"{year_be - 543:04d}-{month:02d}-{day:02d}",
        },
        "scores": [],
        "measures": [],
        "listed_bodies": [
            {"no": no, "name": b.name, "org_name": b.org_name, "org_type": b.org_type,
             "district": b.district, "province": b.province,
             "IIT": b.scores["IIT"], "EIT": b.scores["EIT"], "OIT": b.scores["OIT"],
             "overall": b.scores["overall"], "grade": b.grade}
            for no, b in enumerate(bodies, start=1)],
    }
    return FamilySample(stem=spec.stem, markup=markup(spec, bodies), gold=gold,
                        layout={"digits": spec.digits, "landscape": spec.landscape, "min_col_cm": 1.2})


def samples() -> list[FamilySample]:
    return [sample(spec) for spec in SPECS]
