"""The handover draft: the snapshot of what the next shift inherits, built from the database.

Open cases by stage, overdue cases, escalated cases not overdue, urgent cases of the shift, suspended cases,
officers off duty and the shift's figures, as a frozen `HandoverSummary` that round-trips
through the JSON stored on the handover row. `HandoverService` drafts it when a handover is
opened and again when it is signed; the view and the PDF read it back.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import and_, case, exists, func, or_, select
from sqlalchemy.orm import Session

from ..domain.enums import OPEN_STATUS_VALUES, CaseStatus, DutyStatus, Priority
from ..models import Case, DutyChange, Escalation, Officer, from_epoch, to_epoch
from ..shapes.cases import CaseRow
from .case_queries import row_select, to_row
from .info import overdue_condition

LIST_LIMIT = 50  # cases listed per section of a handover; the totals are always complete
ABSENT = (DutyStatus.OFF_DUTY.value, DutyStatus.ON_LEAVE.value)


# ---- what the draft holds -------------------------------------------------------------
@dataclass(frozen=True)
class HandoverCase:
    """One case as a handover lists it."""

    case_id: int
    case_number: str
    status: str
    priority: str
    category_zh: str
    category_en: str
    street: str
    grid_code: str
    assignee: str
    reported_at: datetime
    deadline: datetime | None  # the current stage's deadline
    escalation_level: int
    description: str

    @classmethod
    def from_row(cls, r: CaseRow) -> HandoverCase:
        text = r.description if len(r.description) <= 60 else r.description[:59] + "…"
        return cls(r.id, r.case_number, r.status, r.priority, r.category_zh, r.category_en, r.street_name,
                   r.grid_code, r.assignee_name, r.reported_at, r.stage_deadline_at, r.escalation_level, text)


@dataclass(frozen=True)
class OfficerAbsence:
    officer_id: int
    employee_no: str
    name: str
    duty_status: str
    open_cases: int


@dataclass(frozen=True)
class ShiftFigures:
    """What happened during the shift, and where the centre stands at drafting time."""

    reported: int
    registered: int
    dispatched: int
    fed_back: int
    closed: int
    open_now: int
    overdue_now: int


@dataclass(frozen=True)
class HandoverSummary:
    """The drafted snapshot. Lists are capped at LIST_LIMIT; the `*_total` counts are not."""

    drafted_at: datetime
    shift_name: str
    open_by_status: tuple[tuple[str, int], ...]
    overdue: tuple[HandoverCase, ...]
    overdue_total: int
    escalated: tuple[HandoverCase, ...]
    escalated_total: int
    urgent: tuple[HandoverCase, ...]
    urgent_total: int
    suspended: tuple[HandoverCase, ...]
    suspended_total: int
    officers_off_duty: tuple[OfficerAbsence, ...]
    officers_off_duty_total: int
    figures: ShiftFigures

    def to_json(self) -> str:
        def encode(value: Any) -> Any:
            if isinstance(value, datetime):
                return to_epoch(value)
            if isinstance(value, dict):
                return {k: encode(v) for k, v in value.items()}
            if isinstance(value, list | tuple):
                return [encode(v) for v in value]
            return value

        return json.dumps(encode(asdict(self)), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> HandoverSummary | None:
        data = json.loads(text or "{}")
        if "figures" not in data:
            return None

        def cases(items: list[dict[str, Any]]) -> tuple[HandoverCase, ...]:
            return tuple(
                HandoverCase(**{**c, "reported_at": from_epoch(c["reported_at"]), "deadline": from_epoch(c["deadline"])})
                for c in items
            )

        return cls(
            drafted_at=from_epoch(data["drafted_at"]),  # type: ignore[arg-type]
            shift_name=data["shift_name"],
            open_by_status=tuple((s, n) for s, n in data["open_by_status"]),
            overdue=cases(data["overdue"]),
            overdue_total=data["overdue_total"],
            escalated=cases(data["escalated"]),
            escalated_total=data["escalated_total"],
            urgent=cases(data["urgent"]),
            urgent_total=data["urgent_total"],
            suspended=cases(data["suspended"]),
            suspended_total=data["suspended_total"],
            officers_off_duty=tuple(OfficerAbsence(**o) for o in data["officers_off_duty"]),
            officers_off_duty_total=data["officers_off_duty_total"],
            figures=ShiftFigures(**data["figures"]),
        )


# ---- drafting -------------------------------------------------------------------------
def _case_list(s: Session, where: Sequence[Any], order: Sequence[Any]) -> tuple[tuple[HandoverCase, ...], int]:
    rows = s.execute(row_select(*where).order_by(*order).limit(LIST_LIMIT)).all()
    total = int(s.scalar(select(func.count()).select_from(Case).where(*where)) or 0)
    return tuple(HandoverCase.from_row(to_row(r)) for r in rows), total


def draft_summary(s: Session, scope: Sequence[int], shift_name: str, start: datetime, end: datetime,
                  now: datetime) -> HandoverSummary:
    """What the outgoing shift passes on, from the database as it is at `now`."""
    in_scope = Case.centre_id.in_(scope)
    a, b = to_epoch(start), to_epoch(end)
    by_status = dict(
        s.execute(select(Case.status, func.count()).where(in_scope, Case.status.in_(OPEN_STATUS_VALUES)).group_by(Case.status)).all()
    )
    stage_order = [st.value for st in CaseStatus if st.value in OPEN_STATUS_VALUES]
    open_by_status = tuple((st, int(by_status.get(st, 0))) for st in stage_order)

    overdue = _case_list(s, [in_scope, overdue_condition(now)], [Case.stage_deadline_at, Case.id])
    unacknowledged = exists().where(Escalation.case_id == Case.id, Escalation.acknowledged_at.is_(None))
    # the overdue list already names its escalated cases: this one lists only the others (a
    # suspended case, a deadline not yet passed), so no case is read out twice at the handover
    not_overdue = or_(Case.status == CaseStatus.SUSPENDED.value, Case.stage_deadline_at.is_(None),
                      Case.stage_deadline_at >= to_epoch(now))
    escalated = _case_list(
        s,
        [in_scope, Case.status.in_(OPEN_STATUS_VALUES), or_(Case.escalation_level > 0, unacknowledged), not_overdue],
        [Case.escalation_level.desc(), Case.stage_deadline_at, Case.id],
    )
    urgent = _case_list(
        s,
        [in_scope, Case.priority == Priority.URGENT.value, Case.reported_at >= a, Case.reported_at < b],
        [Case.reported_at, Case.id],
    )
    suspended = _case_list(s, [in_scope, Case.status == CaseStatus.SUSPENDED.value], [Case.suspended_at, Case.id])

    officer_scope = or_(Officer.centre_id.in_(scope), Officer.centre_id.is_(None))
    open_count = func.count(Case.id)
    changed_in_shift = exists().where(DutyChange.officer_id == Officer.id, DutyChange.at >= a, DutyChange.at < b)
    absent_rows = s.execute(
        select(Officer.id, Officer.employee_no, Officer.name, Officer.duty_status, open_count)
        .outerjoin(Case, and_(Case.assignee_officer_id == Officer.id, Case.status.in_(OPEN_STATUS_VALUES)))
        .where(officer_scope, Officer.duty_status.in_(ABSENT))
        .group_by(Officer.id, Officer.employee_no, Officer.name, Officer.duty_status)
        .having(or_(open_count > 0, changed_in_shift))
        .order_by(open_count.desc(), Officer.employee_no)
        .limit(LIST_LIMIT)
    ).all()
    absent_total = int(
        s.scalar(select(func.count()).select_from(Officer).where(officer_scope, Officer.duty_status.in_(ABSENT))) or 0
    )

    def within(column: Any) -> Any:
        return func.coalesce(func.sum(case((and_(column >= a, column < b), 1), else_=0)), 0)

    fig = s.execute(
        select(
            within(Case.reported_at),
            within(Case.registered_at),
            within(Case.dispatched_at),
            within(Case.fed_back_at),
            within(Case.closed_at),
            func.coalesce(func.sum(case((Case.status.in_(OPEN_STATUS_VALUES), 1), else_=0)), 0),
        ).where(in_scope)
    ).one()
    figures = ShiftFigures(*(int(v) for v in fig), overdue_now=overdue[1])
    return HandoverSummary(
        drafted_at=now,
        shift_name=shift_name,
        open_by_status=open_by_status,
        overdue=overdue[0],
        overdue_total=overdue[1],
        escalated=escalated[0],
        escalated_total=escalated[1],
        urgent=urgent[0],
        urgent_total=urgent[1],
        suspended=suspended[0],
        suspended_total=suspended[1],
        officers_off_duty=tuple(OfficerAbsence(r[0], r[1], r[2], r[3], int(r[4])) for r in absent_rows),
        officers_off_duty_total=absent_total,
        figures=figures,
    )
