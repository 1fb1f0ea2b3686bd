"""The escalation clock: reminders (催办) at 80 % and supervision (督办) at 100 % of a stage's limit.

Both instants are stored with the case (`stage_remind_at`, `stage_deadline_at`) as the stage's
own clock gives them (working minutes on the working calendar, or natural time; see
`timelimits.TimeLimits.clock`), so the scan compares instants and a reminder on a working-time
limit never falls at night.

Any number of seats (and the drill feed) may run `scan_escalations` at the same time; the
unique key on (case, stage, level, round) plus INSERT … ON CONFLICT DO NOTHING makes each
escalation land once, and RETURNING tells each caller only what it inserted itself, so an
escalation is also announced once. On SQLite the write transaction (BEGIN IMMEDIATE) already
serialises scanners; on PostgreSQL the candidate rows are locked FOR UPDATE SKIP LOCKED, so a
concurrent scanner (or a seat acting on the case) is skipped, not waited for.

An escalation is not a change in how the case is handled, so it does not bump the case's
optimistic-lock `version`: a seat that has the case open can still act on it. It does write
the change log (walls repaint the row and escalation lists reload) and the audit trail.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Select, and_, func, insert, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session, aliased

from ..db import Database
from ..domain.actions import Action
from ..domain.entities import Entity
from ..domain.enums import STATUS_STAGE, CaseStatus, EscalationLevel, Stage
from ..errors import NotFound, PermissionDenied
from ..models import (
    Case,
    CaseReferral,
    ChangeLog,
    Department,
    Escalation,
    Officer,
    User,
    to_epoch,
)
from . import audit
from .auth import Principal, authorize, system_principal
from .changefeed import record_change
from .lifecycle import write_audit
from .referral import held_on_referral

# Case.escalation_level stores the highest level reached in the current stage clock
LEVEL_NUMBER: dict[EscalationLevel, int] = {EscalationLevel.REMINDER: 1, EscalationLevel.SUPERVISION: 2}
# who may acknowledge what: reminders are the operators' to-do, supervision is the supervisor's
ACKNOWLEDGE_ACTION: dict[EscalationLevel, Action] = {
    EscalationLevel.REMINDER: Action.ESCALATE,
    EscalationLevel.SUPERVISION: Action.CLOSE,
}
_CLOCKED = tuple(sorted(s.value for s in STATUS_STAGE))
_CHUNK = 500  # ids per IN (…) list: far below every backend's parameter limit


@dataclass(frozen=True, slots=True)
class EscalationEvent:
    """An escalation just recorded by one scan (each is reported by exactly one scanner)."""

    id: int
    case_id: int
    case_number: str
    centre_id: int
    priority: str
    stage: str
    level: str
    round: int
    at: datetime
    deadline_at: datetime


@dataclass(frozen=True, slots=True)
class EscalationRow:
    """An escalation as the escalation list shows it.

    `current` says whether the case is still in the escalated stage and round (not moved on,
    closed or suspended since), so a list can grey out reminders that have resolved themselves.
    """

    id: int
    case_id: int
    case_number: str
    centre_id: int
    priority: str
    status: str
    stage: str
    level: str
    round: int
    at: datetime
    deadline_at: datetime
    assignee_name: str
    acknowledged_at: datetime | None
    acknowledged_by: str
    current: bool


def level_due(now: int, remind_at: int | None, deadline: int | None) -> EscalationLevel | None:
    """The escalation level a stage clock has reached at `now` (epoch seconds), if any.

    The same rule as `domain.deadlines.due_state_epoch`, so an escalation appears exactly when the
    wall starts colouring the row due-soon or overdue.
    """
    if deadline is None:
        return None
    if now >= deadline:
        return EscalationLevel.SUPERVISION
    if remind_at is not None and now >= remind_at:
        return EscalationLevel.REMINDER
    return None


def candidates_select(now: int) -> Select[Any]:
    """Open, running cases whose clock has reached a level above the one already recorded.

    One range over `ix_case_status_deadline` (status IN the clocked statuses); suspended,
    closed, rejected and merged cases are not clocked and never match.
    """
    remind, deadline = Case.stage_remind_at, Case.stage_deadline_at
    reminder_reached = and_(remind.is_not(None), remind <= now)
    return (
        select(
            Case.id,
            Case.case_number,
            Case.centre_id,
            Case.priority,
            Case.status,
            Case.rework_count,
            Case.escalation_level,
            remind,
            deadline,
        )
        .where(
            Case.status.in_(_CLOCKED),
            deadline.is_not(None),
            Case.escalation_level < LEVEL_NUMBER[EscalationLevel.SUPERVISION],
            or_(
                deadline <= now,
                and_(Case.escalation_level < LEVEL_NUMBER[EscalationLevel.REMINDER], reminder_reached),
            ),
        )
        .order_by(Case.id)
    )


def _chunks(values: Sequence[int]) -> Iterator[Sequence[int]]:
    for i in range(0, len(values), _CHUNK):
        yield values[i : i + _CHUNK]


def _dialect_insert(session: Session) -> Any:
    return postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert


def scan_escalations(db: Database, now: datetime | None = None) -> list[EscalationEvent]:
    """Record every reminder and supervision now due, in one transaction; return those this call added.

    A case whose clock jumped past 100 % without a reminder (no scanner ran in between) gets
    only the supervision: a reminder after the deadline would be noise. The case's
    `escalation_level` is raised to the level reached even when the escalation row already
    exists (after an extension the same stage and round may cross 80 % again; the unique key
    records it once, the row's flag still shows it).
    """
    clock = system_principal(db, "escalation-clock")
    authorize(db, clock, Action.ESCALATE)
    now = now or db.clock.now()
    now_e = to_epoch(now)
    # most scans find nothing: look first without taking SQLite's single write lock, so seats
    # scanning every few seconds never queue their operators' writes behind an empty scan
    with db.read() as s:
        if s.execute(candidates_select(now_e).limit(1)).first() is None:
            return []
    with db.unit_of_work() as s:
        stmt = candidates_select(now_e)
        if not db.is_sqlite:
            stmt = stmt.with_for_update(of=Case, skip_locked=True)
        rows = s.execute(stmt).all()
        if not rows:
            return []
        due: list[tuple[Any, EscalationLevel]] = []
        for r in rows:
            level = level_due(now_e, r.stage_remind_at and to_epoch(r.stage_remind_at),
                              to_epoch(r.stage_deadline_at))
            if level is not None and LEVEL_NUMBER[level] > r.escalation_level:
                due.append((r, level))
        if not due:
            return []
        by_case = {r.id: r for r, _ in due}
        held = held_on_referral(s, [r.id for r, _ in due if r.status == CaseStatus.FED_BACK.value])
        stage_of = {r.id: (Stage.FEEDBACK if r.id in held else STATUS_STAGE[CaseStatus(r.status)]).value
                    for r, _ in due}
        ins = _dialect_insert(s)(Escalation).on_conflict_do_nothing(
            index_elements=[Escalation.case_id, Escalation.stage, Escalation.level, Escalation.round]
        )
        inserted = s.execute(
            ins.returning(Escalation.id, Escalation.case_id, Escalation.level),
            [
                {
                    "case_id": r.id,
                    "stage": stage_of[r.id],
                    "level": level.value,
                    "round": r.rework_count,
                    "at": now_e,
                    "deadline_at": to_epoch(r.stage_deadline_at),
                    "acknowledged_at": None,
                    "acknowledged_by": None,
                }
                for r, level in due
            ],
        ).all()
        for level in EscalationLevel:
            number = LEVEL_NUMBER[level]
            ids = [r.id for r, lv in due if lv is level]
            for chunk in _chunks(ids):
                s.execute(
                    update(Case)
                    .where(Case.id.in_(chunk), Case.escalation_level < number)
                    .values(escalation_level=number)
                    .execution_options(synchronize_session=False)
                )
        events = sorted(
            (
                EscalationEvent(
                    id=esc_id,
                    case_id=case_id,
                    case_number=by_case[case_id].case_number,
                    centre_id=by_case[case_id].centre_id,
                    priority=by_case[case_id].priority,
                    stage=stage_of[case_id],
                    level=level,
                    round=by_case[case_id].rework_count,
                    at=now,
                    deadline_at=by_case[case_id].stage_deadline_at,
                )
                for esc_id, case_id, level in inserted
            ),
            key=lambda e: (e.deadline_at, e.case_id),
        )
        _write_trail(s, clock, now_e, [r for r, _ in due], events)
    return events


def _write_trail(s: Session, clock: Principal, now_e: int, changed: Iterable[Any], events: list[EscalationEvent]) -> None:
    """Change log (every case whose flag moved, every new escalation) and one audit entry per escalation.

    Written as two multi-row inserts (the same rows `changefeed.record_change` writes one at a
    time; the audit entries chained in Python as one batch) so a first scan over thousands of
    overdue cases stays one short transaction.
    """
    changes = [
        {"at": now_e, "entity": Entity.CASE.value, "entity_id": r.id, "op": "update", "centre_id": r.centre_id}
        for r in changed
    ]
    changes += [
        {"at": now_e, "entity": "escalation", "entity_id": e.id, "op": "insert", "centre_id": e.centre_id}
        for e in events
    ]
    if changes:
        s.execute(insert(ChangeLog), changes)
    if events:
        audit.append_many(
            s,
            clock,
            [
                audit.Draft("escalate", Entity.CASE.value, e.case_id,
                            {"case_number": e.case_number, "escalation_id": e.id, "stage": e.stage,
                             "level": e.level, "round": e.round})
                for e in events
            ],
            at=datetime.fromtimestamp(now_e, UTC),
        )


def _row_select() -> Select[Any]:
    acknowledger = aliased(User)
    return (
        select(
            Escalation.id,
            Escalation.case_id,
            Case.case_number,
            Case.centre_id,
            Case.priority,
            Case.status,
            Escalation.stage,
            Escalation.level,
            Escalation.round,
            Escalation.at,
            Escalation.deadline_at,
            func.coalesce(Officer.name, Department.name, ""),
            Escalation.acknowledged_at,
            func.coalesce(acknowledger.display_name, ""),
            Case.rework_count,
            select(CaseReferral.id).where(CaseReferral.case_id == Escalation.case_id,
                                          CaseReferral.state == "accepted").exists(),
        )
        .join(Case, Case.id == Escalation.case_id)
        .outerjoin(Officer, Officer.id == Case.assignee_officer_id)
        .outerjoin(Department, Department.id == Case.assignee_department_id)
        .outerjoin(acknowledger, acknowledger.id == Escalation.acknowledged_by)
    )


def _to_row(r: Sequence[Any]) -> EscalationRow:
    status = CaseStatus(r[5])
    stage = Stage.FEEDBACK if status is CaseStatus.FED_BACK and r[15] else STATUS_STAGE.get(status)
    current = stage is not None and stage == Stage(r[6]) and r[14] == r[8]
    return EscalationRow(*r[:14], current=current)


def open_escalations(db: Database, centre_ids: Iterable[int], limit: int = 1000) -> list[EscalationRow]:
    """Unacknowledged escalations of cases in these centres, newest first (at most `limit`)."""
    ids = sorted(set(centre_ids))
    if not ids:
        return []
    with db.read() as s:
        stmt = (
            _row_select()
            .where(Escalation.acknowledged_at.is_(None), Case.centre_id.in_(ids))
            .order_by(Escalation.at.desc(), Escalation.id.desc())
            .limit(limit)
        )
        return [_to_row(r) for r in s.execute(stmt)]


def escalation_row(db: Database, escalation_id: int) -> EscalationRow:
    with db.read() as s:
        r = s.execute(_row_select().where(Escalation.id == escalation_id)).first()
    if r is None:
        raise NotFound("escalation", escalation_id)
    return _to_row(r)


def acknowledge_escalation(db: Database, actor: Principal, escalation_id: int) -> EscalationRow:
    """Mark an escalation as seen and being acted on; idempotent.

    Operators (Action.ESCALATE) acknowledge reminders; supervision needs a supervisor's
    Action.CLOSE. When two seats acknowledge at once, the first one is recorded and both get
    the same row back.
    """
    row = escalation_row(db, escalation_id)
    level = EscalationLevel(row.level)
    action = ACKNOWLEDGE_ACTION[level]
    authorize(db, actor, action)
    if isinstance(actor, Principal) and row.centre_id not in actor.centre_ids:
        raise PermissionDenied(actor.username, actor.role.value, action.value)
    if row.acknowledged_at is not None:
        return row
    now = db.clock.now()
    with db.unit_of_work() as s:
        done = s.execute(
            update(Escalation)
            .where(Escalation.id == escalation_id, Escalation.acknowledged_at.is_(None))
            .values(acknowledged_at=to_epoch(now), acknowledged_by=actor.user_id)
        ).rowcount
        if done:
            record_change(s, now, Entity.ESCALATION, escalation_id, "update", row.centre_id)
            write_audit(s, actor, now, "acknowledge_escalation", "case", row.case_id,
                        {"case_number": row.case_number, "escalation_id": escalation_id, "level": row.level})
    return escalation_row(db, escalation_id)
