"""The reference data every database starts with: permissions, holidays, categories, time limits.

The category set is a two-level code (2-digit major + 2-digit minor, e.g. ``0101``) in the
spirit of CJ/T 214: component classes (部件), event classes (事件) and the social-governance
classes grid centres add. Each minor class carries a time-limit row per priority and stage.
Register and dispatch follow the Taiyuan rule (10 minutes urgent, 30 minutes otherwise);
handling and verification follow a handful of profiles: a street lamp within one working day
(420 working minutes), an illegal barbecue stall within 2 hours on the calendar clock, a few
working days for low-priority repairs. Urgent rows always run on the calendar clock.

`seed_reference_data` is idempotent: it only adds what is missing and never overwrites a
value an administrator changed.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.enums import PRIORITY_ORDER, CategoryKind, Stage, TimeUnit
from ..models import Category, TimeLimitPolicy
from .auth import seed_system_accounts
from .worktime import seed_calendar

C, E, S = CategoryKind.COMPONENT.value, CategoryKind.EVENT.value, CategoryKind.SOCIAL.value

# (code, kind, name_zh, name_en)
MAJOR_CATEGORIES: tuple[tuple[str, str, str, str], ...] = (
    ("01", C, "公用设施", "Public facilities"),
    ("02", C, "道路交通", "Road traffic"),
    # CJ/T 214 names a component class and an event class 市容环境; a list showing one name per
    # language needs them apart, so the component class is named for what it holds (facilities)
    ("03", C, "市容环境设施", "City appearance facilities"),
    ("04", C, "园林绿化", "Landscaping"),
    ("05", C, "房屋土地", "Housing and land"),
    ("06", C, "其他设施", "Other facilities"),
    ("07", E, "市容环境", "City appearance and environment"),
    ("08", E, "宣传广告", "Advertising"),
    ("09", E, "施工管理", "Construction management"),
    ("10", E, "突发事件", "Emergencies"),
    ("11", E, "街面秩序", "Street order"),
    ("12", S, "矛盾纠纷", "Disputes"),
    ("13", S, "治安隐患", "Public-safety hazards"),
    ("14", S, "安全生产", "Production safety"),
    ("15", S, "消防隐患", "Fire hazards"),
    ("16", S, "民生服务", "Livelihood services"),
)

# (code, name_zh, name_en, time-limit profile)
MINOR_CATEGORIES: tuple[tuple[str, str, str, str], ...] = (
    ("0101", "井盖破损缺失", "Manhole cover damaged or missing", "prompt"),
    ("0102", "路灯不亮", "Street lamp out", "day"),
    ("0103", "消防栓损坏", "Fire hydrant damaged", "repair"),
    ("0104", "电力通信设施损坏", "Power or telecom facility damaged", "repair"),
    ("0105", "公厕设施损坏", "Public toilet facility damaged", "day"),
    ("0201", "道路破损", "Road surface damaged", "repair"),
    ("0202", "交通标志损坏", "Traffic sign damaged", "repair"),
    ("0203", "交通护栏损坏", "Traffic barrier damaged", "repair"),
    ("0204", "信号灯故障", "Traffic light failure", "prompt"),
    ("0205", "共享单车乱停放", "Shared bikes parked in disorder", "quick"),
    ("0301", "垃圾箱破损", "Litter bin damaged", "day"),
    ("0302", "公共座椅损坏", "Public bench damaged", "repair"),
    ("0303", "店招牌匾破损", "Shop signboard damaged", "repair"),
    ("0401", "行道树倒伏", "Fallen street tree", "prompt"),
    ("0402", "绿地破坏", "Green space damaged", "repair"),
    ("0403", "树木死亡缺株", "Dead or missing trees", "long"),
    ("0501", "危房隐患", "Dangerous building", "repair"),
    ("0502", "违法建设", "Illegal construction", "long"),
    ("0503", "外立面脱落", "Building facade falling off", "prompt"),
    ("0601", "监控设施损坏", "Surveillance camera damaged", "repair"),
    ("0602", "健身设施损坏", "Fitness equipment damaged", "repair"),
    ("0603", "充电设施损坏", "Charging facility damaged", "repair"),
    ("0701", "乱倒垃圾", "Fly-tipping", "quick"),
    ("0702", "暴露垃圾", "Exposed rubbish", "quick"),
    ("0703", "道路不洁", "Dirty road surface", "quick"),
    ("0704", "违规焚烧", "Illegal burning", "street"),
    ("0705", "污水外溢", "Sewage overflow", "prompt"),
    ("0801", "非法小广告", "Illegal flyers", "quick"),
    ("0802", "违规户外广告", "Unauthorised outdoor advertising", "repair"),
    ("0803", "占道宣传", "Street promotion blocking the pavement", "street"),
    ("0901", "施工扰民", "Construction noise", "street"),
    ("0902", "工地扬尘", "Construction site dust", "quick"),
    ("0903", "渣土撒漏", "Muck spilled from trucks", "quick"),
    ("0904", "违规占道施工", "Unauthorised road works", "day"),
    ("1001", "道路塌陷", "Road collapse", "emergency"),
    ("1002", "自来水管爆裂", "Water main burst", "emergency"),
    ("1003", "燃气泄漏", "Gas leak", "emergency"),
    ("1004", "路面积水", "Waterlogged road", "emergency"),
    ("1005", "架空线缆脱落", "Fallen overhead cable", "emergency"),
    ("1101", "占道经营", "Unlicensed street vendors", "street"),
    ("1102", "违规露天烧烤", "Illegal barbecue stall", "street"),
    ("1103", "店外经营", "Business spilling onto the pavement", "street"),
    ("1104", "机动车乱停放", "Illegal parking", "street"),
    ("1105", "流浪乞讨", "Vagrancy and begging", "quick"),
    ("1201", "邻里纠纷", "Neighbour dispute", "social"),
    ("1202", "物业纠纷", "Property management dispute", "social"),
    ("1203", "劳资纠纷", "Wage dispute", "social"),
    ("1204", "家庭纠纷", "Family dispute", "social"),
    ("1301", "可疑人员", "Suspicious persons", "prompt"),
    ("1302", "群租房隐患", "Overcrowded rental housing", "social"),
    ("1303", "治安监控盲区", "Surveillance blind spot", "long"),
    ("1401", "违规储存危化品", "Illegal storage of hazardous chemicals", "prompt"),
    ("1402", "小作坊安全隐患", "Workshop safety hazard", "social"),
    ("1403", "食品安全隐患", "Food safety hazard", "social"),
    ("1501", "消防通道堵塞", "Blocked fire exit or lane", "prompt"),
    ("1502", "楼道电动车充电", "E-bike charging in corridors", "quick"),
    ("1503", "消防器材缺失", "Missing fire equipment", "repair"),
    ("1504", "私拉乱接电线", "Illegal wiring", "quick"),
    ("1601", "困难群众帮扶", "Help for residents in hardship", "long"),
    ("1602", "独居老人关爱", "Care for elderly people living alone", "social"),
    ("1603", "政策咨询", "Policy enquiry", "social"),
    ("1604", "噪声扰民", "Noise nuisance", "street"),
)

# minutes per priority (urgent, high, normal, low); urgent always on the calendar clock,
# the unit applies to the other three
_WORKING, _CALENDAR = TimeUnit.WORKING.value, TimeUnit.CALENDAR.value
REGISTER_MINUTES = (10, 30, 30, 30)
DISPATCH_MINUTES = (10, 30, 30, 30)
ACCEPT_MINUTES = (15, 30, 60, 120)  # 签收 of a dispatch, on the calendar clock
REFERRAL_MINUTES = (60, 120, 240, 480)  # 受理 of another centre's referral, in working time (urgent: calendar)
FEEDBACK_MINUTES = (60, 120, 240, 480)  # 反馈 of a referral's handled outcome to the referring centre, likewise
# profile -> (handle minutes, handle unit, verify minutes, verify unit)
PROFILES: dict[str, tuple[tuple[int, int, int, int], str, tuple[int, int, int, int], str]] = {
    # round-the-clock hazards: on site within the hour
    "emergency": ((60, 120, 240, 480), _CALENDAR, (60, 120, 240, 480), _CALENDAR),
    # street order, mostly evenings: the barbecue stall rule (on site 1 h, resolved 2 h)
    "street": ((60, 120, 120, 240), _CALENDAR, (60, 120, 240, 480), _CALENDAR),
    # safety-relevant defects: half a working day
    "prompt": ((60, 120, 210, 420), _WORKING, (60, 120, 210, 420), _WORKING),
    # cleaning, flyers, parking: a few working hours
    "quick": ((120, 120, 240, 420), _WORKING, (60, 120, 210, 420), _WORKING),
    # the street-lamp rule: one working day
    "day": ((120, 210, 420, 840), _WORKING, (60, 120, 210, 420), _WORKING),
    # repairs needing a contractor: up to a week of working days
    "repair": ((240, 420, 1260, 2100), _WORKING, (60, 120, 420, 840), _WORKING),
    # enforcement and replanting: one to two working weeks
    "long": ((480, 1260, 2100, 4200), _WORKING, (60, 210, 420, 840), _WORKING),
    # disputes and services: talk to people within a working day or two
    "social": ((120, 420, 840, 2100), _WORKING, (60, 120, 420, 840), _WORKING),
}


def policy_rows(profile: str) -> list[tuple[str, str, int, str]]:
    """(priority, stage, minutes, unit) for every priority and stage of one profile."""
    handle, handle_unit, verify, verify_unit = PROFILES[profile]
    rows: list[tuple[str, str, int, str]] = []
    for i, priority in enumerate(PRIORITY_ORDER):
        urgent = i == 0
        for stage, minutes, unit in (
            (Stage.REGISTER, REGISTER_MINUTES[i], _CALENDAR),
            (Stage.DISPATCH, DISPATCH_MINUTES[i], _CALENDAR),
            (Stage.HANDLE, handle[i], handle_unit),
            (Stage.VERIFY, verify[i], verify_unit),
            (Stage.ACCEPT, ACCEPT_MINUTES[i], _CALENDAR),
            (Stage.CHECK, verify[i], verify_unit),  # the field check gets the verification's time
            (Stage.REFERRAL, REFERRAL_MINUTES[i], _WORKING),
            (Stage.FEEDBACK, FEEDBACK_MINUTES[i], _WORKING),
        ):
            rows.append((priority.value, stage.value, minutes, _CALENDAR if urgent else unit))
    return rows


def seed_categories(session: Session) -> None:
    """Add the standard categories and their time-limit rows that are missing."""
    by_code = {code: cid for code, cid in session.execute(select(Category.code, Category.id))}
    majors = {code: (kind, zh, en) for code, kind, zh, en in MAJOR_CATEGORIES}
    new_major = [
        Category(code=code, parent_id=None, level=1, kind=kind, name_zh=zh, name_en=en)
        for code, kind, zh, en in MAJOR_CATEGORIES
        if code not in by_code
    ]
    session.add_all(new_major)
    session.flush()
    by_code.update({c.code: c.id for c in new_major})
    new_minor = [
        Category(code=code, parent_id=by_code[code[:2]], level=2, kind=majors[code[:2]][0], name_zh=zh, name_en=en)
        for code, zh, en, _profile in MINOR_CATEGORIES
        if code not in by_code
    ]
    session.add_all(new_minor)
    session.flush()
    by_code.update({c.code: c.id for c in new_minor})
    have = {
        (cid, priority, stage)
        for cid, priority, stage in session.execute(
            select(TimeLimitPolicy.category_id, TimeLimitPolicy.priority, TimeLimitPolicy.stage)
        )
    }
    session.add_all(
        TimeLimitPolicy(category_id=by_code[code], priority=priority, stage=stage, minutes=minutes, unit=unit)
        for code, _zh, _en, profile in MINOR_CATEGORIES
        for priority, stage, minutes, unit in policy_rows(profile)
        if (by_code[code], priority, stage) not in have
    )
    session.flush()


def seed_reference_data(session: Session) -> None:
    """Permissions, the system accounts, the holiday calendar, categories and time limits; safe
    to run again."""
    seed_system_accounts(session)
    seed_calendar(session)
    session.flush()
    seed_categories(session)
