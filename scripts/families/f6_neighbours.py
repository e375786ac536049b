"""Family 6 of issue 14: neighbouring documents a crawl brings in with the ITA reports.

A four-year anti-corruption action plan (มิติ / ภารกิจ / โครงการ / a budget per year: numbers that
are budgets, targets and counts, never scores, one of them a 50 and one sentence that calls a
share "ในภาพรวม ร้อยละ ๕๐"), an executive's integrity declaration, a project report (with its
participants' satisfaction, which is no ITA score) and a procurement table (แบบ สขร.๑). None of
them prints an ITA score or grade: the gold holds none, nor measures (the plan's projects are
not the ITA measures of มาตรการส่งเสริมคุณธรรม), nor an ITA round (none reports one).
"""
from __future__ import annotations

from dataclasses import dataclass

from typeset import Digits, in_digits

from families import FamilySample


@dataclass(frozen=True)
class Org:
    name: str
    org_type: str
    district: str | None  # printed under the title, else None
    province: str | None  # printed, or told by the organisation's own name


def gold(doc_type: str, org: Org, fiscal_year_be: int | None, doc_date: str | None) -> dict:
    return {"document": {"doc_type": doc_type, "org_name": org.name, "org_type": org.org_type,
                         "district": org.district, "province": org.province,
                         "fiscal_year_be": fiscal_year_be, "assessed_year_be": None,
                         "overall_score": None, "grade": None, "doc_date": doc_date},
            "scores": [], "measures": []}


def table(header: list[str], rows: list[list[str]]) -> str:
    """A markdown pipe table."""
    lines = [header, ["---"] * len(header), *rows]
    return "\n".join("| " + " | ".join(cells) + " |" for cells in lines)


def sample(stem: str, lines: list[str], digits: Digits, doc_type: str, org: Org,
           fiscal_year_be: int | None, doc_date: str | None, title: str, **layout: object) -> FamilySample:
    return FamilySample(stem=stem, markup=in_digits("\n\n".join(lines) + "\n", digits),
                        gold=gold(doc_type, org, fiscal_year_be, doc_date),
                        layout={"digits": digits.value, **layout},
                        truth={"title": in_digits(title, digits)})  # a line of the title block


MAE_THA = Org("องค์การบริหารส่วนตำบลแม่ทะ", "sao", "แม่ทะ", "ลำปาง")
THA_CHANG = Org("เทศบาลตำบลท่าช้าง", "subdistrict_municipality", "สว่างวีระวงศ์", "อุบลราชธานี")
BAN_KLANG = Org("องค์การบริหารส่วนตำบลบ้านกลาง", "sao", "เมืองลำพูน", "ลำพูน")
WANG_THONG = Org("เทศบาลตำบลวังทอง", "subdistrict_municipality", "วังทอง", "พิษณุโลก")

# (มิติ, ภารกิจ, โครงการ, budget a year 2568-2571 in baht, or "-" where none)
PLAN_ROWS = (
    ("๑. การสร้างสังคมที่ไม่ทนต่อการทุจริต", "๑.๑ การสร้างจิตสำนึกและความตระหนักแก่บุคลากร",
     "๑.๑.๑ โครงการอบรมคุณธรรมจริยธรรมแก่ผู้บริหาร สมาชิกสภา และพนักงาน", ("๕๐,๐๐๐", "๕๐,๐๐๐", "๕๕,๐๐๐", "๕๕,๐๐๐")),
    ("", "", "๑.๑.๒ กิจกรรมให้ความรู้เรื่องผลประโยชน์ทับซ้อน", ("-", "-", "-", "-")),
    ("", "๑.๒ การสร้างจิตสำนึกแก่ประชาชนทุกภาคส่วน", "๑.๒.๑ โครงการปลูกต้นไม้เพื่อเพิ่มพื้นที่สีเขียว",
     ("๒๐,๐๐๐", "๒๐,๐๐๐", "๒๐,๐๐๐", "๒๐,๐๐๐")),
    ("๒. การบริหารราชการเพื่อป้องกันการทุจริต", "๒.๑ การแสดงเจตจำนงทางการเมืองในการต่อต้านการทุจริต",
     "๒.๑.๑ กิจกรรมประกาศเจตจำนงต่อต้านการทุจริตของผู้บริหาร", ("-", "-", "-", "-")),
    ("", "๒.๒ มาตรการสร้างความโปร่งใสในการปฏิบัติราชการ", "๒.๒.๑ มาตรการออกคำสั่งมอบหมายของนายก",
     ("๕๐", "๕๐", "๕๐", "๕๐")),
    ("๓. การส่งเสริมบทบาทและการมีส่วนร่วมของภาคประชาชน", "๓.๑ การจัดให้มีและเผยแพร่ข้อมูลข่าวสาร",
     "๓.๑.๑ โครงการจัดทำวารสารประชาสัมพันธ์", ("๓๐,๐๐๐", "๓๐,๐๐๐", "๓๐,๐๐๐", "๓๕,๐๐๐")),
    ("๔. การเสริมสร้างและปรับปรุงกลไกในการตรวจสอบ", "๔.๑ การจัดวางระบบการควบคุมภายใน",
     "๔.๑.๑ โครงการจัดทำแผนการตรวจสอบภายในประจำปี", ("๑๐,๐๐๐", "๑๐,๐๐๐", "๑๐,๐๐๐", "๑๐,๐๐๐")),
)


def anti_corruption_plan() -> FamilySample:
    org = MAE_THA
    title = "แผนปฏิบัติการป้องกันการทุจริต ๔ ปี (พ.ศ. ๒๕๖๘ - ๒๕๗๑)"
    rows = [[d, m, p, *budgets, ""] for d, m, p, budgets in PLAN_ROWS]
    rows.append(["รวม", "๔ มิติ", "๗ โครงการ/กิจกรรม/มาตรการ", "๑๑๐,๐๕๐", "๑๑๐,๐๕๐", "๑๑๕,๐๕๐", "๑๒๐,๐๕๐", ""])
    lines = [
        f"**{title}**",
        f"**ของ{org.name}**",
        f"**อำเภอ{org.district} จังหวัด{org.province}**",
        "**ส่วนที่ ๑ บทนำ**",
        f"{org.name} ได้จัดทำแผนปฏิบัติการป้องกันการทุจริตเพื่อใช้เป็นกรอบในการดำเนินงานด้านการป้องกันและปราบปรามการทุจริต "
        "ให้สอดคล้องกับยุทธศาสตร์ชาติว่าด้วยการป้องกันและปราบปรามการทุจริต ระยะที่ ๓ (พ.ศ. ๒๕๖๐ - ๒๕๗๔) "
        "โดยผลการประเมินความเสี่ยงการทุจริตในภาพรวม พบว่ากระบวนงานที่มีความเสี่ยงระดับสูงคิดเป็นร้อยละ ๕๐ ของกระบวนงานทั้งหมด",
        "**ส่วนที่ ๒ แผนปฏิบัติการป้องกันการทุจริต**",
        table(["มิติ", "ภารกิจตามมิติ", "โครงการ/กิจกรรม/มาตรการ", "ปี ๒๕๖๘ งบประมาณ (บาท)",
               "ปี ๒๕๖๙ งบประมาณ (บาท)", "ปี ๒๕๗๐ งบประมาณ (บาท)", "ปี ๒๕๗๑ งบประมาณ (บาท)", "หมายเหตุ"], rows),
        "หมายเหตุ โครงการที่ไม่ใช้งบประมาณ แสดงด้วยเครื่องหมาย -",
    ]
    return sample("f6_anti_corruption_plan_mae_tha", lines, Digits.THAI, "anti_corruption_plan", org, 2568,
                  None, title, landscape=True)


def integrity_declaration() -> FamilySample:
    org = THA_CHANG
    subject = "เจตจำนงสุจริตในการบริหารงาน ประจำปีงบประมาณ พ.ศ. 2568"
    lines = [
        f"**ประกาศ{org.name}**",
        f"**อำเภอ{org.district} จังหวัด{org.province}**",
        f"**เรื่อง {subject}**",
        "ข้าพเจ้า นายบุญเลิศ ใจซื่อ นายกเทศมนตรีตำบลท่าช้าง ขอแสดงเจตจำนงว่าจะบริหารงานด้วยความซื่อสัตย์สุจริต "
        "โปร่งใส ตรวจสอบได้ และไม่ทนต่อการทุจริตทุกรูปแบบ เพื่อให้ผลการประเมินคุณธรรมและความโปร่งใส"
        "ในการดำเนินงานของหน่วยงานภาครัฐอยู่ในระดับที่ดีขึ้น โดยมีแนวทางดังนี้",
        "1. บริหารงานตามหลักธรรมาภิบาล ยึดประโยชน์ของประชาชนเป็นที่ตั้ง",
        "2. เปิดเผยข้อมูลข่าวสารการจัดซื้อจัดจ้างต่อสาธารณะอย่างครบถ้วน",
        "3. เปิดโอกาสให้ประชาชนมีส่วนร่วมในการตรวจสอบการดำเนินงานทุกขั้นตอน",
        "ประกาศ ณ วันที่ 1 ตุลาคม พ.ศ. 2567",
        "(นายบุญเลิศ ใจซื่อ)",
        "นายกเทศมนตรีตำบลท่าช้าง",
    ]
    return sample("f6_integrity_declaration_tha_chang", lines, Digits.ARABIC, "integrity_declaration", org,
                  2568, "2024-10-01", f"ประกาศ{org.name}")


def project_report() -> FamilySample:
    org = BAN_KLANG
    title = "รายงานผลการดำเนินโครงการส่งเสริมคุณธรรมจริยธรรมแก่บุคลากร ประจำปีงบประมาณ พ.ศ. ๒๕๖๗"
    lines = [
        f"**{title}**",
        f"**{org.name} อำเภอ{org.district} จังหวัด{org.province}**",
        "**๑. หลักการและเหตุผล**",
        "การส่งเสริมให้บุคลากรยึดมั่นในคุณธรรมจริยธรรมเป็นรากฐานของการปฏิบัติราชการที่โปร่งใส "
        "จึงได้จัดทำโครงการนี้ขึ้นเพื่อให้บุคลากรนำหลักคุณธรรมไปใช้ในการปฏิบัติงาน",
        "**๒. ผลการดำเนินงาน**",
        table(["รายการ", "เป้าหมาย", "ผลการดำเนินงาน"], [
            ["ผู้เข้าร่วมโครงการ (คน)", "๕๐", "๔๗"],
            ["งบประมาณ (บาท)", "๒๕,๐๐๐", "๒๔,๘๕๐"],
            ["ระยะเวลาดำเนินการ", "๑ วัน", "๑๒ มิถุนายน ๒๕๖๗"],
        ]),
        "**๓. การประเมินผลโครงการ**",
        "ผลการประเมินความพึงพอใจของผู้เข้าร่วมโครงการอยู่ในระดับมาก ค่าเฉลี่ย ๔.๓๕ คิดเป็นร้อยละ ๘๗.๐๐",
        "**๔. ปัญหาและอุปสรรค**",
        "ผู้เข้าร่วมบางส่วนติดภารกิจ จึงควรจัดโครงการในช่วงที่มีภารกิจน้อย",
        "ผู้รายงาน",
        "(นางสาวศิริพร คำแสน)",
        "นักทรัพยากรบุคคลชำนาญการ",
    ]
    return sample("f6_project_report_ban_klang", lines, Digits.THAI, "project_report", org, 2567, None, title)


def procurement_table() -> FamilySample:
    org = WANG_THONG
    title = "สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือน มีนาคม 2568 ประจำปีงบประมาณ พ.ศ. 2568"
    header = ["ลำดับที่", "งานที่จัดซื้อหรือจัดจ้าง", "วงเงินที่จัดซื้อหรือจัดจ้าง (บาท)", "ราคากลาง (บาท)",
              "วิธีซื้อหรือจ้าง", "ผู้ได้รับการคัดเลือกและราคาที่ตกลงซื้อหรือจ้าง", "เลขที่และวันที่ของสัญญา"]
    rows = [
        ["1", "จัดซื้อวัสดุสำนักงาน", "12,500.00", "12,500.00", "เฉพาะเจาะจง", "ร้านวังทองพาณิชย์ 12,350.00",
         "50/2568 ลว. 3 มี.ค. 2568"],
        ["2", "จ้างซ่อมแซมถนนคอนกรีตเสริมเหล็ก หมู่ที่ 5", "450,000.00", "448,000.00", "e-bidding",
         "หจก.วังทองก่อสร้าง 439,000.00", "51/2568 ลว. 10 มี.ค. 2568"],
        ["3", "จัดซื้อน้ำมันเชื้อเพลิง", "90,000.00", "90,000.00", "เฉพาะเจาะจง", "สหกรณ์การเกษตรวังทอง 90,000.00",
         "52/2568 ลว. 14 มี.ค. 2568"],
        ["4", "จ้างเหมาบริการทำความสะอาด", "85,500.00", "85,500.00", "เฉพาะเจาะจง", "นางสมศรี ขยันดี 85,500.00",
         "53/2568 ลว. 17 มี.ค. 2568"],
    ]
    lines = [
        "**แบบ สขร.1**",
        f"**{title}**",
        f"**{org.name} อำเภอ{org.district} จังหวัด{org.province}**",
        table(header, rows),
    ]
    return sample("f6_procurement_table_wang_thong", lines, Digits.ARABIC, "procurement_report", org, 2568,
                  None, title, landscape=True)


def samples() -> list[FamilySample]:
    return [anti_corruption_plan(), integrity_declaration(), project_report(), procurement_table()]
