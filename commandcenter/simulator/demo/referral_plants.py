"""Referrals between the demo's levels as a trainer finds them at first start.

A few of the streets' reported or registered cases are taken through the ordinary lifecycle (audited, on the
change log, as seats would do it), the streets in turn, each left at another step: referred
up and waiting for its district's acceptance (受理), accepted by the district, passed on up to the
city, and one handled by a department with its outcome fed back (反馈) to the street, waiting
there for verification. So every level's wall shows referrals in and out, and the briefings count
them. Planted at the clock's now after the generated history, as the early warnings are.
"""

from __future__ import annotations

from sqlalchemy import select

from ...db import Database
from ...domain.actions import Action
from ...domain.enums import CaseStatus, CentreLevel
from ...domain.referral import ReferralReason
from ...models import Case, CommandCentre, Department, DepartmentRoute
from ...services.auth import Principal, demo_principal
from ...services.lifecycle import CaseService, TransitionParams
from ...shapes.cases import CaseRow

MAX_CASES = 12
REASONS = (
    (ReferralReason.BEYOND_POWERS, "超出街道处置权限，请区指挥中心协调处置"),
    (ReferralReason.CITY_DEPARTMENT, "需市级职能部门处置，街道无执法权"),
    (ReferralReason.CROSS_DISTRICT, "涉及相邻街道辖区，请区指挥中心统筹"),
    (ReferralReason.CITY_DEPARTMENT, "需区级部门联合处置"),
)


def plant_referrals(db: Database) -> list[int]:
    """Refer some street cases up and move them on (see the module's docstring); their ids."""
    with db.read() as s:
        centres = {cid: (parent, level, code) for cid, parent, level, code in s.execute(
            select(CommandCentre.id, CommandCentre.parent_id, CommandCentre.level, CommandCentre.code))}
        streets = [cid for cid, (_p, level, _c) in centres.items() if level == CentreLevel.STREET.value]
        candidates = s.execute(select(Case.id, Case.centre_id, Case.category_id).where(
            Case.status.in_((CaseStatus.REPORTED.value, CaseStatus.REGISTERED.value)), Case.centre_id.in_(streets),
            Case.is_drill.is_(False)).order_by(Case.id)).all()
        routes = dict(s.execute(select(DepartmentRoute.category_id, DepartmentRoute.department_id)).all())
        any_department = s.scalar(select(Department.id).order_by(Department.id).limit(1))
    by_street: dict[int, list[tuple[int, int, int]]] = {}
    for case_id, centre_id, category_id in candidates:
        by_street.setdefault(centre_id, []).append((case_id, centre_id, category_id))
    # the streets in turn, so the referrals spread over the city's walls
    queues = list(by_street.values())
    chosen = [q[i] for i in range(max(map(len, queues), default=0)) for q in queues if i < len(q)][:MAX_CASES]
    svc = CaseService(db)
    for k, (case_id, street, category_id) in enumerate(chosen):
        district = centres[street][0]
        if district is None:
            continue
        street_op = demo_principal(db, f"op{centres[street][2]}")
        district_op = demo_principal(db, f"op{centres[district][2]}_1")
        reason, note = REASONS[k % len(REASONS)]
        row = svc.row(street_op, case_id)
        if row.status == CaseStatus.REPORTED:  # the street registers the report it cannot handle, then refers it
            row = _step(svc, street_op, row, Action.REGISTER)
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
                        TransitionParams(department_id=routes.get(category_id, any_department)))
            row = _step(svc, district_op, row, Action.ACCEPT)
            row = _step(svc, district_op, row, Action.FEED_BACK, TransitionParams(note="部门已到场处置完毕"))
            _step(svc, district_op, row, Action.FEED_BACK_REFERRAL,
                  TransitionParams(note="已协调职能部门处置完毕，请街道核查"))
    return [c[0] for c in chosen]


def _step(svc: CaseService, actor: Principal, row: CaseRow, action: Action,
          params: TransitionParams | None = None) -> CaseRow:
    return svc.perform(actor, row.id, action, params, expected_version=row.version)
