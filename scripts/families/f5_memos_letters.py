"""Family 5 of issue 14: memos, external letters and announcements that carry ITA evidence.

Each document is drawn from its fields (organisation, place, number, date, subject, addressee,
signer), so the markup and the gold say the same thing. What a clerk writes in by hand after
printing (a memo's running number, the day of its date) is left blank, as a scan's printed part
is: the gold holds the printed part only (no date without its day) and `truth["warnings"]` the
`handwritten:<field>` warning the tool should give. The phone after a department and the receipt
stamp over a letter's head are printed as real ones are; dotted leader lines run after the
labelled fields of some memos.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from typeset import Digits, in_digits

from families import FamilySample

MONTHS = ("มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม", "สิงหาคม",
          "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม")
LEADER = " " + "." * 18


def thai_date(day: dt.date, with_day: bool = True, era_label: bool = False) -> str:
    """A date as a Thai official document prints it (Buddhist era); the day left out where it
    is written in by hand."""
    era = "พ.ศ. " if era_label else ""
    head = f"{day.day} " if with_day else "        "
    return f"{head}{MONTHS[day.month - 1]} {era}{day.year + 543}"


@dataclass(frozen=True)
class Org:
    name: str  # canonical, as the gold holds it
    org_type: str
    unit: str  # the department (ส่วนราชการ) inside it, or "" for the organisation itself
    district: str | None  # printed on the department or address line, else None
    province: str  # printed, or told by the letter code or the organisation's own name
    letter_code: str  # the province's two letters in the reference number (ที่ มค ...)
    head: str  # the position the memo is addressed to
    phone: str | None  # as printed, in Thai digits before the document's digits are applied
    phone_arabic: str | None  # the same telephone as the tool writes it (Arabic digits)


@dataclass(frozen=True)
class Memo:
    stem: str
    org: Org
    number: str  # after the letter code: `๘๑๕๐๑/๑๒๔`, or `๐๐๓๓.๓๐๑/` when the rest is handwritten
    date: dt.date
    subject: str  # one logical line; a long one wraps in the PDF
    fiscal_year_be: int
    signer: tuple[str, str]  # (name, position)
    digits: Digits
    leaders: bool = False  # dotted leader lines after the fields
    day_handwritten: bool = False
    number_handwritten: bool = False

    @property
    def printed_place(self) -> str:
        parts = [f"อำเภอ{self.org.district}" if self.org.district else "", f"จังหวัด{self.org.province}"
                 if self.org.district else ""]
        return " ".join(p for p in parts if p)

    @property
    def department(self) -> str:
        return " ".join(p for p in (self.org.unit, self.org.name, self.printed_place) if p)

    def markup(self) -> str:
        lead = LEADER if self.leaders else ""
        phone = f" โทร {self.org.phone}" if self.org.phone else ""
        date = thai_date(self.date, with_day=not self.day_handwritten)
        body = (f"ตามที่{self.org.name} ได้เข้ารับการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ "
                f"(Integrity and Transparency Assessment : ITA) ประจำปีงบประมาณ พ.ศ. {self.fiscal_year_be} "
                "ซึ่งกำหนดให้หน่วยงานเผยแพร่ข้อมูลต่อสาธารณะผ่านเว็บไซต์ของหน่วยงานตามแบบตรวจการเปิดเผยข้อมูลสาธารณะ "
                "นั้น ในการนี้ จึงขออนุญาตนำข้อมูลดังกล่าวเผยแพร่บนเว็บไซต์ของหน่วยงาน รายละเอียดตามเอกสารที่แนบมาพร้อมนี้")
        lines = [
            "บันทึกข้อความ",
            f"ส่วนราชการ {self.department}{lead}{phone}",
            f"ที่ {self.org.letter_code} {self.number}{lead} วันที่ {date}{lead}",
            f"เรื่อง {self.subject}",
            f"เรียน {self.org.head}",
            body,
            "จึงเรียนมาเพื่อโปรดพิจารณา หากเห็นชอบโปรดอนุญาต",
            f"({self.signer[0]})",
            self.signer[1],
        ]
        return in_digits("\n\n".join(lines) + "\n", self.digits)

    def sample(self) -> FamilySample:
        reference = in_digits(f"{self.org.letter_code} {self.number}", Digits.ARABIC)
        warnings = [f"handwritten:{field}" for field, hand in
                    (("doc_date", self.day_handwritten), ("reference_no", self.number_handwritten)) if hand]
        truth = {"form": "memo", "department": in_digits(self.department, self.digits),
                 "department_phone": self.org.phone_arabic, "reference_no": reference,
                 "subject": in_digits(self.subject, self.digits), "addressee": self.org.head,
                 "doc_date": None if self.day_handwritten else self.date.isoformat(),
                 "warnings": warnings, "signatory": self.signer}
        return FamilySample(stem=self.stem, markup=self.markup(), gold=gold(self.org, self.fiscal_year_be,
                            truth["doc_date"], district=self.org.district),
                            layout={"digits": self.digits.value}, truth=truth)


def gold(org: Org, fiscal_year_be: int, doc_date: str | None, district: str | None) -> dict:
    """The evaluator's document fields: no score, grade or measure in this family. The ITA round
    is the one the document's evidence is for, which each of them names with its year."""
    return {"document": {"doc_type": "other", "org_name": org.name, "org_type": org.org_type,
                         "district": district, "province": org.province, "fiscal_year_be": fiscal_year_be,
                         "assessed_year_be": fiscal_year_be, "overall_score": None, "grade": None,
                         "doc_date": doc_date},
            "scores": [], "measures": []}


NAPHO = Org("องค์การบริหารส่วนตำบลนาโพธิ์", "sao", "สำนักปลัด", "กุดรัง", "มหาสารคาม", "มค",
            "นายกองค์การบริหารส่วนตำบลนาโพธิ์", "๐-๔๓๗๙-๑๐๔๕", "0-4379-1045")
BAN_THI = Org("เทศบาลตำบลบ้านธิ", "subdistrict_municipality", "กองคลัง", None, "ลำพูน", "ลพ",
              "นายกเทศมนตรีตำบลบ้านธิ", "๐ ๕๓๐๙ ๑๒๓๔", "053091234")
MAE_THA_HOSPITAL = Org("โรงพยาบาลแม่ทะ", "other", "", "แม่ทะ", "ลำปาง", "ลป", "ผู้อำนวยการโรงพยาบาลแม่ทะ",
                       "๐-๕๔๒๘-๙๐๓๓", "0-5428-9033")
SRI_CHOMPHU = Org("องค์การบริหารส่วนตำบลศรีชมภู", "sao", "", "โซ่พิสัย", "บึงกาฬ", "บก",
                  "กำนัน ผู้ใหญ่บ้าน และผู้มีส่วนได้ส่วนเสียทุกท่าน", None, None)
BAN_PHAI = Org("เทศบาลเมืองบ้านไผ่", "town_municipality", "", None, "ขอนแก่น", "ขก", "", None, None)

MEMOS = (
    Memo("f5_memo_napho", NAPHO, "๘๑๕๐๑/๑๒๔", dt.date(2024, 8, 29),
         "ขออนุญาตเผยแพร่ข้อมูลข่าวสารบนเว็บไซต์ของหน่วยงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๗", 2567,
         ("นางสาวพรทิพย์ แก้วมณี", "หัวหน้าสำนักปลัด"), Digits.THAI, leaders=True),
    Memo("f5_memo_ban_thi", BAN_THI, "๕๒๑๐๑/๓๔๕", dt.date(2024, 10, 3),
         "ส่งข้อมูลการเปิดเผยข้อมูลสาธารณะ (Open Data Integrity and Transparency Assessment : OIT) "
         "ของกองคลัง เพื่อเผยแพร่ ประจำปีงบประมาณ พ.ศ. ๒๕๖๘", 2568,
         ("นายวิชัย ปัญญาดี", "ผู้อำนวยการกองคลัง"), Digits.ARABIC),
    Memo("f5_memo_mae_tha_hospital", MAE_THA_HOSPITAL, "๐๐๓๓.๓๐๑/", dt.date(2025, 1, 15),
         "ขออนุมัติเผยแพร่ข้อมูลตามแบบวัดการเปิดเผยข้อมูลสาธารณะ (MOIT) ประจำปีงบประมาณ พ.ศ. ๒๕๖๘", 2568,
         ("นางกาญจนา ทองคำ", "นักจัดการงานทั่วไปชำนาญการ"), Digits.THAI, leaders=True,
         day_handwritten=True, number_handwritten=True),
)


def letter() -> FamilySample:
    """An external letter: its number at the top left, the sender's address and the date on
    their own lines, a receipt stamp of the unit that received it printed over the head."""
    org, day = SRI_CHOMPHU, dt.date(2025, 1, 15)
    subject = ("ขอความร่วมมือตอบแบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก (EIT) "
               "ประจำปีงบประมาณ พ.ศ. ๒๕๖๘")
    lines = [
        "ที่ บก ๗๓๙๐๑/ว ๑๕๖",
        "งานธุรการ รับที่ ๒๔๕ วันที่ ๒๐ ม.ค. ๒๕๖๘ เวลา ๑๐.๓๐ น.",
        org.name,
        f"อำเภอ{org.district} จังหวัด{org.province} ๓๘๑๗๐",
        thai_date(day),
        f"เรื่อง {subject}",
        f"เรียน {org.head}",
        "สิ่งที่ส่งมาด้วย คิวอาร์โค้ดแบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก จำนวน ๑ แผ่น",
        f"ด้วย{org.name} ได้เข้ารับการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ "
        "ประจำปีงบประมาณ พ.ศ. ๒๕๖๘ ซึ่งผู้มีส่วนได้ส่วนเสียภายนอกเป็นผู้ตอบแบบวัดการรับรู้ "
        "จึงขอความร่วมมือจากท่านตอบแบบวัดผ่านคิวอาร์โค้ดตามสิ่งที่ส่งมาด้วย ภายในวันที่ ๒๘ กุมภาพันธ์ ๒๕๖๘",
        "จึงเรียนมาเพื่อโปรดพิจารณาให้ความร่วมมือ",
        "ขอแสดงความนับถือ",
        "(นายสมพงษ์ ศรีสุข)",
        f"นายก{org.name}",
        "สำนักปลัด",
        "โทร. ๐ ๔๒๔๙ ๑๑๒๒",
    ]
    truth = {"form": "letter", "department": None, "department_phone": None,
             "reference_no": "บก 73901/ว 156", "subject": subject, "addressee": org.head,
             "doc_date": day.isoformat(), "warnings": [], "signatory": ("นายสมพงษ์ ศรีสุข", f"นายก{org.name}")}
    return FamilySample(stem="f5_letter_sri_chomphu", markup=in_digits("\n\n".join(lines) + "\n", Digits.THAI),
                        gold=gold(org, 2568, day.isoformat(), district=org.district),
                        layout={"digits": Digits.THAI.value}, truth=truth)


MAE_RAEM = Org("องค์การบริหารส่วนตำบลแม่แรม", "sao", "สำนักปลัด", None, "เชียงใหม่", "ชม",
               "กำนัน ผู้ใหญ่บ้าน ผู้นำชุมชน", None, None)


def stamped_letter() -> FamilySample:
    """A stamped letter (หนังสือประทับตรา) to many, as the Phitsanulok one in ../shared/real: its
    number (the running number after `/ว` left for the clerk's pen), ถึง and the bodies it goes
    to, wrapping onto a line that starts with และ, the body, then at its foot the sending body's
    name and the date (over the seal), the unit and its telephone. No เรื่อง, no เรียน, and no
    address but the letter code and the name."""
    org, day = MAE_RAEM, dt.date(2025, 2, 12)
    addressee = f"{org.head} และผู้มีส่วนได้ส่วนเสียในเขตตำบลแม่แรม ทุกท่าน"
    lines = [
        f"ที่ {org.letter_code} ๘๐๒๐๑/ว",
        f"ถึง {org.head}",
        "และผู้มีส่วนได้ส่วนเสียในเขตตำบลแม่แรม ทุกท่าน",
        f"ด้วย{org.name} ได้เข้ารับการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ "
        "ประจำปีงบประมาณ พ.ศ. ๒๕๖๘ ซึ่งผู้มีส่วนได้ส่วนเสียภายนอกเป็นผู้ตอบแบบวัดการรับรู้ "
        "จึงขอความร่วมมือตอบแบบวัดผ่านคิวอาร์โค้ดท้ายหนังสือนี้ ภายในวันที่ ๓๑ มีนาคม ๒๕๖๘",
        org.name,
        thai_date(day),
        org.unit,
        "โทร. ๐ ๕๓๐๔ ๔๑๒๓",
    ]
    truth = {"form": "letter", "department": None, "department_phone": None,
             "reference_no": "ชม 80201/ว", "subject": None, "addressee": addressee,
             "doc_date": day.isoformat(), "warnings": ["handwritten:reference_no"], "signatory": None}
    return FamilySample(stem="f5_stamped_letter_mae_raem", markup=in_digits("\n\n".join(lines) + "\n", Digits.THAI),
                        gold=gold(org, 2568, day.isoformat(), district=None),
                        layout={"digits": Digits.THAI.value}, truth=truth)


def announcement() -> FamilySample:
    """An announcement: the issuer in its title, เรื่อง, numbered clauses, `ประกาศ ณ วันที่`."""
    org, day = BAN_PHAI, dt.date(2024, 10, 1)
    subject = "การเผยแพร่ข้อมูลต่อสาธารณะผ่านเว็บไซต์ของหน่วยงาน ประจำปีงบประมาณ พ.ศ. 2568"
    lines = [
        f"**ประกาศ{org.name}**",
        f"**เรื่อง {subject}**",
        "-" * 24,
        f"เพื่อให้การดำเนินงานของ{org.name} เป็นไปด้วยความโปร่งใส ตรวจสอบได้ "
        "และเป็นไปตามเกณฑ์การประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ ประจำปีงบประมาณ พ.ศ. 2568 "
        "จึงประกาศให้ทุกกองถือปฏิบัติ ดังนี้",
        "ข้อ 1. ให้ทุกกองส่งข้อมูลที่ต้องเผยแพร่ต่อสาธารณะถึงงานประชาสัมพันธ์ภายในวันที่ 5 ของทุกเดือน",
        "ข้อ 2. ให้งานประชาสัมพันธ์ตรวจสอบความถูกต้องของข้อมูลก่อนเผยแพร่ผ่านเว็บไซต์ของหน่วยงาน",
        "ข้อ 3. ให้ผู้อำนวยการกองรายงานผลการเผยแพร่ต่อนายกเทศมนตรีทุกไตรมาส",
        "จึงประกาศให้ทราบโดยทั่วกัน",
        f"ประกาศ ณ วันที่ {thai_date(day, era_label=True)}",
        "(นายประเสริฐ บุญมา)",
        "นายกเทศมนตรีเมืองบ้านไผ่",
    ]
    truth = {"form": "announcement", "department": None, "department_phone": None, "reference_no": None,
             "subject": subject, "addressee": None, "doc_date": day.isoformat(), "warnings": [],
             "signatory": ("นายประเสริฐ บุญมา", "นายกเทศมนตรีเมืองบ้านไผ่")}
    return FamilySample(stem="f5_announcement_ban_phai", markup=in_digits("\n\n".join(lines) + "\n", Digits.ARABIC),
                        gold=gold(org, 2568, day.isoformat(), district=None),
                        layout={"digits": Digits.ARABIC.value}, truth=truth)


def samples() -> list[FamilySample]:
    return [m.sample() for m in MEMOS] + [letter(), stamped_letter(), announcement()]
