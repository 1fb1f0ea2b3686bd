"""Joint handling (主办 / 协办) as the lifecycle applies it, and what screens read of it.

The unit a case is dispatched to leads (主办). Supporting departments (协办: the police station,
the judicial office, a law firm for a dispute) are added to the dispatched case, each with what
is asked of it, and feed back their parts; each step is a history row naming the department.
The lead's feedback closes the handling stage, so `require_parts` refuses it while a supporting
unit has not fed back (`SupportsPending` names them): the centre enters the missing part, even
"nothing to do", first, and no part is lost. The supporting units stay with the case through a
send-back, a reassignment or a rework: the part they gave stays given.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db import Database
from ..domain.actions import Action
from ..domain.entities import Entity
from ..errors import IllegalTransition, NotFound, SupportsPending, ValidationError
from ..models import Case, CaseSupport, Department
from ..shapes.referral import SupportInfo
from .auth import Principal, authorize
from .field_steps import StepRecord


def apply_joint(s: Session, case: Case, actor: Principal, action: Action, note: str, department_id: int | None,
                now: datetime) -> StepRecord:
    """Add a supporting unit, or record its part (the state machine and the right allow it)."""
    if department_id is None:
        raise ValidationError("choose a supporting department", field="department")
    if s.get(Department, department_id) is None:
        raise NotFound("department", department_id)
    support = s.scalar(select(CaseSupport).where(CaseSupport.case_id == case.id,
                                                 CaseSupport.department_id == department_id))
    if action is Action.ADD_SUPPORT:
        if support is not None or department_id == case.assignee_department_id:
            raise ValidationError("this department already handles the case", field="department")
        s.add(CaseSupport(case_id=case.id, department_id=department_id, added_at=now, added_by=actor.user_id,
                          task=note, feedback=""))
    else:
        if support is None or support.fed_back_at is not None:
            raise IllegalTransition(case.case_number, case.status, action.value)
        support.fed_back_at, support.feedback = now, note
    return StepRecord(note, department_id=department_id)


def require_parts(s: Session, case: Case) -> None:
    """Refuse the lead's feedback while a supporting unit has not fed back its part."""
    missing = s.scalars(select(Department.name).join(CaseSupport, CaseSupport.department_id == Department.id)
                        .where(CaseSupport.case_id == case.id, CaseSupport.fed_back_at.is_(None))
                        .order_by(Department.name)).all()
    if missing:
        raise SupportsPending(case.case_number, missing)


class JointService:
    """The supporting units of a case, for the case panel and the joint-handling dialog."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def supports(self, principal: Principal, case_id: int) -> tuple[SupportInfo, ...]:
        with self.db.read() as s:
            centre = s.scalar(select(Case.centre_id).where(Case.id == case_id))
            if centre is None:
                raise NotFound("case", case_id)
            rows = s.execute(select(CaseSupport.department_id, Department.name, CaseSupport.task,
                                    CaseSupport.added_at, CaseSupport.fed_back_at, CaseSupport.feedback)
                             .join(Department, Department.id == CaseSupport.department_id)
                             .where(CaseSupport.case_id == case_id).order_by(CaseSupport.id)).all()
        authorize(self.db, principal, Action.VIEW, centre_id=centre, entity=Entity.CASE.value, entity_id=case_id)
        return tuple(SupportInfo(*r) for r in rows)
