"""What a database holds: schema version and counts, for `commandcenter info` and the status bar.

`database_info` is the full picture for the command line (it counts the whole case table once);
`live_counts` is what the status bar refreshes during a drill, answered from the status index
alone: counting a million cases by status every few seconds, and loading Alembic to name the
newest schema, held the interpreter long enough to stall the window.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime

from sqlalchemy import func, select

from .. import migrations
from ..db import Database
from ..domain.enums import OPEN_STATUS_VALUES, OPEN_STATUSES, CaseStatus
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
from .drill_scope import counted_in_figures
from .worktime import load_calendar, years_needed


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
    grid_area_km2: float = 0.0  # the land the grids cover: a city's few km² or Putian's 4,070

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


@dataclass(frozen=True)
class LiveCounts:
    """The status bar's figures: open cases by status, the overdue ones, and the database's facts."""

    open_by_status: dict[str, int]
    overdue_cases: int
    is_demo: bool
    schema_version: str | None
    calendar_uncovered: list[int] = field(default_factory=list)
    working_day: bool | None = None  # whether today (the centre's day) is a working day, for the clock

    @property
    def open_cases(self) -> int:
        return sum(self.open_by_status.values())




def live_counts(db: Database) -> LiveCounts:
    """Open and overdue cases, each a search of the (status, deadline) index, never a scan of the
    case table: the closed history does not enter them however long it grows. Drill cases do
    not count on a production database."""
    now = db.clock.now()
    with db.read() as s:
        by_status = {st: int(n) for st, n in s.execute(
            select(Case.status, func.count()).where(Case.status.in_(OPEN_STATUS_VALUES), counted_in_figures())
            .group_by(Case.status))}
        overdue = int(s.scalar(select(func.count()).select_from(Case)
                               .where(overdue_condition(now), counted_in_figures())) or 0)
        is_demo = s.scalar(select(AppMeta.value).where(AppMeta.key == "is_demo")) == "1"
        covered = set(s.scalars(select(CalendarYear.year)))
        calendar = load_calendar(s)  # a few dozen holiday rows a year
    return LiveCounts(
        open_by_status={st.value: by_status.get(st.value, 0) for st in CaseStatus if st in OPEN_STATUSES},
        overdue_cases=overdue,
        is_demo=is_demo,
        schema_version=migrations.stored_revision(db),
        calendar_uncovered=sorted(years_needed(now) - covered),
        working_day=calendar.is_working_day(calendar.local_day(now)),
    )


def database_info(db: Database) -> DatabaseInfo:
    now = db.clock.now()
    with db.read() as s:
        count = lambda model: int(s.scalar(select(func.count()).select_from(model)) or 0)  # noqa: E731
        by_status = {st: int(n) for st, n in s.execute(select(Case.status, func.count()).group_by(Case.status))}
        # two queries: min and max together make SQLite walk the whole index, apart each is one seek
        first = s.scalar(select(func.min(Case.reported_at)))
        last = s.scalar(select(func.max(Case.reported_at)))
        meta = {k: v for k, v in s.execute(select(AppMeta.key, AppMeta.value))}
        covered = set(s.scalars(select(CalendarYear.year)))
        overdue = int(s.scalar(select(func.count()).select_from(Case).where(overdue_condition(now))) or 0)
        info = DatabaseInfo(
            database=db.display_name,
            schema_version=migrations.current_revision(db),
            schema_head=migrations.script_head() or migrations.head_revision(),
            is_demo=meta.get("is_demo") == "1",
            meta=meta,
            districts=count(District),
            streets=count(Street),
            communities=count(Community),
            grids=count(Grid),
            officers=count(Officer),
            departments=count(Department),
            # people who sign in; the system accounts (no centre) are the program's own
            users=int(s.scalar(select(func.count()).select_from(User).where(User.centre_id.is_not(None))) or 0),
            cases=sum(by_status.values()),
            cases_by_status={k.value: by_status.get(k.value, 0) for k in CaseStatus},
            open_cases=sum(n for st, n in by_status.items() if st in {s.value for s in OPEN_STATUSES}),
            overdue_cases=overdue,
            first_reported=first,
            last_reported=last,
            calendar_uncovered=sorted(years_needed(now) - covered),
            grid_area_km2=round(float(s.scalar(select(func.sum(Grid.area_m2))) or 0.0) / 1e6, 2),
        )
    return info
