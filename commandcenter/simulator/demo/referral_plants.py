"""Referrals between the demo's levels as a trainer finds them at first start.

At some streets in turn a caller reports a problem the street cannot settle alone; the street
registers it and refers it up through the ordinary lifecycle (audited, on the change log, as
seats would do it), each left at another step: waiting for its district's acceptance (受理),
accepted by the district, passed on up to the city, or handled by a department with its outcome
fed back (反馈) to the street, waiting there for verification. So every level's wall shows referrals in and out, and the briefings count
them. Planted at the clock's now after the generated history, before the early-warning plants.
"""

from __future__ import annotations

from sqlalchemy import func, select

from ...db import Database
from ...domain.actions import Action
from ...domain.enums import CentreLevel, Priority, SourceChannel
from ...domain.referral import ReferralReason
from ...models import Category, CommandCentre, Community, Department, DepartmentRoute, Grid
from ...services.auth import Principal, demo_principal
from ...services.lifecycle import CaseService, TransitionParams
from ...shapes.cases import CaseRow, NewCase

MAX_CASES = 12
# (category code, what the caller reports): problems a street centre cannot settle alone
PROBLEMS = (
    ("0502", "小区内有人加盖违章建筑，街道多次劝阻无效"),
    ("0501", "老旧房屋外墙开裂，疑似危房"),
    ("1401", "民房内违规储存液化气瓶"),
    ("0902", "工地扬尘严重，涉及多个街道"),
)
REASONS = (
    (ReferralReason.BEYOND_POWERS, "超出街道处置权限，请区指挥中心协调处置"),
    (ReferralReason.CITY_DEPARTMENT, "需市级职能部门处置，街道无执法权"),
    (ReferralReason.CROSS_DISTRICT, "涉及相邻街道辖区，请区指挥中心统筹"),
    (ReferralReason.CITY_DEPARTMENT, "需区级部门联合处置"),
)


def plant_referrals(db: Database) -> list[int]:
    """Report a case at some streets in turn and refer it up and on (see the module's docstring); their ids."""
    with db.read() as s:
        centres = {cid: (parent, level, code, street) for cid, parent, level, code, street in s.execute(
            select(CommandCentre.id, CommandCentre.parent_id, CommandCentre.level, CommandCentre.code,
                   CommandCentre.street_id))}
        grids = dict(s.execute(select(Community.street_id, func.min(Grid.id))
                               .join(Grid, Grid.community_id == Community.id).group_by(Community.street_id)).all())
        categories = dict(s.execute(select(Category.code, Category.id).where(Category.code.in_(
            [code for code, _text in PROBLEMS]))).all())
        routes = dict(s.execute(select(DepartmentRoute.category_id, DepartmentRoute.department_id)).all())
        any_department = s.scalar(select(Department.id).order_by(Department.id).limit(1))
    streets = sorted(cid for cid, (parent, level, _code, street) in centres.items()
                     if level == CentreLevel.STREET.value and parent is not None and street in grids)
    svc = CaseService(db)
    planted: list[int] = []
    # every step at least once, however few streets the city has
    for k in range(max(4, min(MAX_CASES, len(streets))) if streets else 0):
        street = streets[k % len(streets)]
        code, problem = PROBLEMS[k % len(PROBLEMS)]
        if code not in categories:
            continue
        district = centres[street][0]
        assert district is not None  # a street centre sits under its district
        street_op = demo_principal(db, f"op{centres[street][2]}")
        district_op = demo_principal(db, f"op{centres[district][2]}_1")
        reason, note = REASONS[k % len(REASONS)]
        row = svc.report(street_op, NewCase(source=SourceChannel.HOTLINE_12345, category_id=categories[code],
                                            priority=Priority.NORMAL, description=problem,
                                            grid_id=grids[centres[street][3]]), register=True)
        planted.append(row.id)
        row = _step(svc, street_op, row, Action.REFER_UP, TransitionParams(note=note, centre_id=district,
                                                                           reason=reason.value))
        if k % 4 == 0:
            continue  # waiting for the district's acceptance
        row = _step(svc, district_op, row, Action.ACCEPT_REFERRAL)
        if k % 4 == 2 and centres[district][0] is not None:
            _step(svc, district_op, row, Action.REFER_UP, TransitionParams(
                note="需市级部门处置", centre_id=centres[district][0], reason=ReferralReason.CITY_DEPARTMENT.value))
        elif k % 4 == 3:
            row = _step(svc, district_op, row, Action.DISPATCH,
                        TransitionParams(department_id=routes.get(categories[code], any_department)))
            row = _step(svc, district_op, row, Action.ACCEPT)
            row = _step(svc, district_op, row, Action.FEED_BACK, TransitionParams(note="部门已到场处置完毕"))
            _step(svc, district_op, row, Action.FEED_BACK_REFERRAL,
                  TransitionParams(note="已协调职能部门处置完毕，请街道核查"))
    return planted


def _step(svc: CaseService, actor: Principal, row: CaseRow, action: Action,
          params: TransitionParams | None = None) -> CaseRow:
    return svc.perform(actor, row.id, action, params, expected_version=row.version)
