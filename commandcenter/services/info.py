"""What a database holds: schema version and counts, for `commandcenter info` and the status bar."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime

from sqlalchemy import func, select

from .. import migrations
from ..db import Database
from ..domain.enums import OPEN_STATUSES, CaseStatus
from ..models import (
    AppMeta,
    CalendarYear,
    Case,
    Community,
    Department,
    District,
    Grid,
    Officer,
    Street,
    User,
    to_epoch,
)
from .worktime import years_needed


@dataclass(frozen=True)
class DatabaseInfo:
    database: str
    schema_version: str | None
    schema_head: str
    is_demo: bool
    meta: dict[str, str]
    districts: int
    streets: int
    communities: int
    grids: int
    officers: int
    departments: int
    users: int
    cases: int
    cases_by_status: dict[str, int] = field(default_factory=dict)
    open_cases: int = 0
    overdue_cases: int = 0
    first_reported: datetime | None = None
    last_reported: datetime | None = None
    # years that deadlines may reach but the holiday table does not cover (weekend fallback)
    calendar_uncovered: list[int] = field(default_factory=list)

    def as_json(self) -> dict[str, object]:
        data = asdict(self)
        for key in ("first_reported", "last_reported"):
            value = data[key]
            data[key] = value.isoformat() if value else None
        return data


def overdue_condition(now: datetime):  # type: ignore[no-untyped-def]
    """Open cases whose running clock has passed the current stage's deadline."""
    running = [s.value for s in OPEN_STATUSES if s is not CaseStatus.SUSPENDED]
    return Case.status.in_(running) & (Case.stage_deadline_at < to_epoch(now))


def database_info(db: Database) -> DatabaseInfo:
    now = db.clock.now()
    with db.read() as s:
        count = lambda model: int(s.scalar(select(func.count()).select_from(model)) or 0)  # noqa: E731
        by_status = {st: int(n) for st, n in s.execute(select(Case.status, func.count()).group_by(Case.status))}
        first, last = s.execute(select(func.min(Case.reported_at), func.max(Case.reported_at))).one()
        meta = {k: v for k, v in s.execute(select(AppMeta.key, AppMeta.value))}
        covered = set(s.scalars(select(CalendarYear.year)))
        overdue = int(s.scalar(select(func.count()).select_from(Case).where(overdue_condition(now))) or 0)
        info = DatabaseInfo(
            database=db.display_name,
            schema_version=migrations.current_revision(db),
            schema_head=migrations.head_revision(),
            is_demo=meta.get("is_demo") == "1",
            meta=meta,
            districts=count(District),
            streets=count(Street),
            communities=count(Community),
            grids=count(Grid),
            officers=count(Officer),
            departments=count(Department),
            users=count(User),
            cases=sum(by_status.values()),
            cases_by_status={k.value: by_status.get(k.value, 0) for k in CaseStatus},
            open_cases=sum(n for st, n in by_status.items() if st in {s.value for s in OPEN_STATUSES}),
            overdue_cases=overdue,
            first_reported=first,
            last_reported=last,
            calendar_uncovered=sorted(years_needed(now) - covered),
        )
    return info
