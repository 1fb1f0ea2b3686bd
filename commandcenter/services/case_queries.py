"""Reading cases as plain rows: one select shared by lists, the wall and detail panels."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import BigInteger, ColumnElement, Select, func, select, type_coerce
from sqlalchemy.orm import InstrumentedAttribute, Session, aliased

from ..domain.enums import OPEN_STATUS_VALUES, ReporterPrivacy
from ..errors import NotFound
from ..models import (
    Case,
    CaseHistory,
    Category,
    Community,
    Department,
    Escalation,
    Grid,
    Officer,
    Street,
    User,
)
from ..shapes.cases import CaseDetail, CaseRow, HistoryEntry
from .correction_log import corrections_of
from .intake.hotline import facts as hotline_facts
from .intake.reporters import further_reporters
from .referral import referrals_of
from .time_requests import case_requests

_assignee_name = func.coalesce(Officer.name, Department.name, "")


def _raw(column: Any) -> Any:
    """A timestamp column read as its stored epoch seconds: `to_row` converts them in bulk,
    several times faster than the type decorator's per-value round trip (the wall reads 100k)."""
    return type_coerce(column, BigInteger).label(column.key)


ROW_COLUMNS: tuple[Any, ...] = (
    Case.id,
    Case.case_number,
    Case.centre_id,
    _raw(Case.reported_at),
    Case.source,
    Case.category_id,
    Category.code,
    Category.name_zh,
    Category.name_en,
    Case.priority,
    Case.status,
    Street.id,
    Street.name,
    Community.id,
    Community.name,
    Grid.id,
    Grid.code,
    Case.address,
    Case.lon,
    Case.lat,
    Case.assignee_officer_id,
    Case.assignee_department_id,
    _assignee_name,
    _raw(Case.stage_started_at),
    _raw(Case.stage_deadline_at),
    _raw(Case.handle_deadline_at),
    _raw(Case.closed_at),
    Case.escalation_level,
    Case.rework_count,
    Case.version,
    Case.description,
    Street.pinyin_initials,
    Community.pinyin_initials,
    Case.created_by,
    _raw(Case.stage_remind_at),
)


def row_select(*where: ColumnElement[bool]) -> Select[Any]:
    stmt = (
        select(*ROW_COLUMNS)
        .join(Category, Category.id == Case.category_id)
        .join(Grid, Grid.id == Case.grid_id)
        .join(Community, Community.id == Grid.community_id)
        .join(Street, Street.id == Community.street_id)
        .outerjoin(Officer, Officer.id == Case.assignee_officer_id)
        .outerjoin(Department, Department.id == Case.assignee_department_id)
    )
    return stmt.where(*where) if where else stmt


_TIMESTAMPS = tuple(i for i, name in enumerate(CaseRow._fields) if name in {
    "reported_at", "stage_started_at", "stage_deadline_at", "handle_deadline_at", "closed_at",
    "stage_remind_at"})


_ADDRESS = CaseRow._fields.index("address")


def to_row(r: Sequence[Any], mask_address: Callable[[str], str] | None = None,
           _from_ts: Any = datetime.fromtimestamp, _utc: Any = UTC) -> CaseRow:
    """A selected row as a `CaseRow`; `mask_address` rewrites the address on the way, which
    for the wall's thousands of rows costs a fraction of a `_replace` per row afterwards."""
    values = list(r)
    for i in _TIMESTAMPS:
        value = values[i]
        if value is not None:
            values[i] = _from_ts(value, _utc)
    if mask_address is not None:
        values[_ADDRESS] = mask_address(values[_ADDRESS])
    return CaseRow._make(values)


def case_row(session: Session, case_id: int) -> CaseRow:
    r = session.execute(row_select(Case.id == case_id)).first()
    if r is None:
        raise NotFound("case", case_id)
    return to_row(r)


def case_rows(session: Session, *where: ColumnElement[bool], limit: int | None = None) -> list[CaseRow]:
    stmt = row_select(*where).order_by(Case.reported_at.desc(), Case.id.desc())
    if limit is not None:
        stmt = stmt.limit(limit)
    return [to_row(r) for r in session.execute(stmt)]


def open_case_counts(session: Session, assignee: InstrumentedAttribute[int | None],
                     *where: ColumnElement[bool]) -> dict[int, int]:
    """Open cases per assignee (`Case.assignee_officer_id` or `Case.assignee_department_id`):
    the load dispatch, the pickers and the map show, served by the index on assignee and status."""
    rows = session.execute(
        select(assignee, func.count())
        .where(Case.status.in_(OPEN_STATUS_VALUES), assignee.is_not(None), *where)
        .group_by(assignee)
    )
    return {r[0]: int(r[1]) for r in rows}


def case_detail(session: Session, case_id: int) -> CaseDetail:
    row = case_row(session, case_id)
    c = session.get(Case, case_id)
    assert c is not None
    merged_into = None
    if c.merged_into_id is not None:
        merged_into = session.scalar(select(Case.case_number).where(Case.id == c.merged_into_id))
    hist_officer = aliased(Officer)
    hist_dept = aliased(Department)
    corrected = {step.history_id: step.correction for step in corrections_of(session, [case_id])}
    history = tuple(
        HistoryEntry(
            at=h.at,
            action=h.action,
            from_status=h.from_status,
            to_status=h.to_status,
            actor=h.actor or "",
            officer_name=h.officer or "",
            department_name=h.department or "",
            note=h.note,
            correction=corrected.get(h.id),
        )
        for h in session.execute(
            select(
                CaseHistory.id,
                CaseHistory.at,
                CaseHistory.action,
                CaseHistory.from_status,
                CaseHistory.to_status,
                User.display_name.label("actor"),
                hist_officer.name.label("officer"),
                hist_dept.name.label("department"),
                CaseHistory.note,
            )
            .outerjoin(User, User.id == CaseHistory.user_id)
            .outerjoin(hist_officer, hist_officer.id == CaseHistory.officer_id)
            .outerjoin(hist_dept, hist_dept.id == CaseHistory.department_id)
            .where(CaseHistory.case_id == case_id)
            .order_by(CaseHistory.id)
        )
    )
    acknowledger = aliased(User)
    escalations = tuple(
        HistoryEntry(
            at=e.at,
            action=f"escalation_{e.level}",
            from_status=None,
            to_status=row.status,
            actor="",
            officer_name="",
            department_name="",
            note="",
            stage=e.stage,
            round=e.round,
            acknowledged_by=(e.ack_name or "—") if e.acknowledged_at else None,
        )
        for e in session.execute(
            select(Escalation.at, Escalation.stage, Escalation.level, Escalation.round, Escalation.acknowledged_at,
                   acknowledger.display_name.label("ack_name"))
            .outerjoin(acknowledger, acknowledger.id == Escalation.acknowledged_by)
            .where(Escalation.case_id == case_id)
            .order_by(Escalation.at, Escalation.id)
        )
    )
    return CaseDetail(
        row=row,
        # anonymous and confidential reporters are never shown, whoever reads the case
        reporter_name=c.reporter_name if c.reporter_privacy == ReporterPrivacy.NAMED else "",
        reporter_phone=c.reporter_phone if c.reporter_privacy == ReporterPrivacy.NAMED else "",
        reporter_privacy=c.reporter_privacy,
        satisfaction=c.satisfaction,
        registered_at=c.registered_at,
        dispatched_at=c.dispatched_at,
        accepted_at=c.accepted_at,
        fed_back_at=c.fed_back_at,
        evaluated_at=c.evaluated_at,
        rating=c.rating,
        extended_minutes=c.extended_minutes,
        suspended_seconds=c.suspended_seconds,
        merged_into_number=merged_into,
        reject_reason=c.reject_reason,
        history=history,
        escalations=escalations,
        time_requests=case_requests(session, case_id),
        reporters=further_reporters(session, case_id),
        hotline=hotline_facts(c),
        referrals=referrals_of(session, case_id),
    )
