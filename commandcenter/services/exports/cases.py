"""The cases export: one row per case of the principal's centres, read in batches."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, Row, Select, func, select
from sqlalchemy.orm import Session, aliased

from ...domain.enums import ReporterPrivacy
from ...domain.privacy import mask_address, mask_name, mask_phone, mask_phones_in_text
from ...models import Case, Category, Community, Department, Grid, Officer, Street

BATCH = 2000
ID_BATCH = 500  # ids per IN list: well inside every database's limit on bound values
HEADER = ("case_number", "reported_at", "source", "category_code", "category", "priority", "status",
          "street", "community", "grid_code", "address", "lon", "lat", "assignee", "stage_deadline_at",
          "handle_deadline_at", "closed_at", "rework_count", "escalation_level", "reporter_name",
          "reporter_phone", "description", "hotline_number", "hotline_due_at", "call_answer", "hotline_reply")
_assignee = func.coalesce(Officer.name, Department.name, "")


def day_start(day: date, tz: ZoneInfo) -> datetime:
    return datetime.combine(day, time(0), tz)


def filters(centre_ids: Sequence[int], tz: ZoneInfo, date_from: date | None, date_to: date | None,
            statuses: Sequence[str]) -> list[ColumnElement[bool]]:
    """Cases of the centres, reported on `date_from` … `date_to` (days in `tz`, both included)."""
    where = [Case.centre_id.in_(centre_ids)]
    if date_from is not None:
        where.append(Case.reported_at >= day_start(date_from, tz))
    if date_to is not None:
        where.append(Case.reported_at < day_start(date_to + timedelta(days=1), tz))
    if statuses:
        where.append(Case.status.in_(list(statuses)))
    return where


def count(s: Session, where: list[ColumnElement[bool]]) -> int:
    return s.scalar(select(func.count()).select_from(Case).where(*where)) or 0


def _select() -> Select[Any]:
    category = aliased(Category)
    return (
        select(Case.case_number, Case.reported_at, Case.source, category.code, category.name_zh, Case.priority,
               Case.status, Street.name, Community.name, Grid.code, Case.address, Case.lon, Case.lat, _assignee,
               Case.stage_deadline_at, Case.handle_deadline_at, Case.closed_at, Case.rework_count,
               Case.escalation_level, Case.reporter_name, Case.reporter_phone, Case.description,
               Case.hotline_number, Case.hotline_due_at, Case.call_answer, Case.hotline_reply,
               Case.reporter_privacy, Case.id)
        .join(category, category.id == Case.category_id)
        .join(Grid, Grid.id == Case.grid_id)
        .join(Community, Community.id == Grid.community_id)
        .join(Street, Street.id == Community.street_id)
        .outerjoin(Officer, Officer.id == Case.assignee_officer_id)
        .outerjoin(Department, Department.id == Case.assignee_department_id)
    )


def _shaped(r: Row[Any], tz: ZoneInfo, clear: bool) -> list[Any]:
    """A row as the viewer may read it: without `clear` the address, the reporter and phone
    numbers in the description masked. Anonymous and confidential reporters are named to nobody."""
    values = list(r[:-2])
    for i in (1, 14, 15, 16, 23):  # the timestamps, shown in the centre's zone
        if values[i] is not None:
            values[i] = values[i].astimezone(tz)
    named = r.reporter_privacy == ReporterPrivacy.NAMED
    name, phone = (r.reporter_name, r.reporter_phone) if named else ("", "")
    if not clear:
        values[10] = mask_address(values[10])
        name, phone = mask_name(name), mask_phone(phone)
        for i in (21, 24, 25):  # free text: the description, the answer on the call, the hotline reply
            values[i] = mask_phones_in_text(values[i])
    values[19], values[20] = name, phone
    return values


def rows(s: Session, where: list[ColumnElement[bool]], tz: ZoneInfo, clear: bool) -> Iterator[list[Any]]:
    """The matching cases, oldest report first."""
    stmt = _select().where(*where).order_by(Case.reported_at, Case.id).execution_options(yield_per=BATCH)
    for r in s.execute(stmt):
        yield _shaped(r, tz, clear)


def rows_of(s: Session, case_ids: Sequence[int], centre_ids: Sequence[int], tz: ZoneInfo,
            clear: bool) -> Iterator[list[Any]]:
    """The listed cases in the order given (a screen's rows as shown), those of other centres left out."""
    for at in range(0, len(case_ids), ID_BATCH):
        chunk = case_ids[at:at + ID_BATCH]
        found = {r.id: r for r in s.execute(_select().where(Case.id.in_(chunk), Case.centre_id.in_(centre_ids)))}
        for case_id in chunk:
            if case_id in found:
                yield _shaped(found[case_id], tz, clear)
