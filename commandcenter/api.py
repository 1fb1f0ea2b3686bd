"""The public scripting API: what a 12345 bridge, a city dashboard, an admin's script or an
end-to-end test may rely on across releases.

    from commandcenter import api
    with api.connect("centre.sqlite", user="supervisor", password="supervisor-demo") as s:
        case = s.case("20261125-00042")
        s.act("20261125-00042", "reopen", note="resident called again")
        s.act("20261126-00007", "dispatch", officer="G0102")
        figures = s.kpis("2026-11-25")

It is a thin facade: every call goes through the same services as the screens, so the same
permission table, state machine, optimistic lock, case history, change log and audit apply, and
failures raise the same typed errors (`commandcenter.errors`). What crosses this boundary is
named for the outside world and kept stable: cases by number, officers by employee number,
departments by code, statuses and actions by the domain's values; frozen dataclasses and plain
dicts, never database rows or internal ids. The services behind it may be reorganised freely.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from .clock import Clock
from .db import Database, open_database
from .domain.actions import Action
from .domain.lifecycle import CASE_ACTIONS
from .errors import NotFound, ValidationError
from .services.audit import this_os_user, this_workstation
from .services.auth import Principal, authorize
from .services.correction import ids_by_code
from .services.facade.briefings import BriefingService
from .services.facade.lookup import LookupService
from .services.facade.reference import ReferenceService
from .services.lifecycle import CaseService, TransitionParams
from .services.reference_lists import AssigneeChoice
from .services.signin import sign_in
from .shapes.cases import CaseRow

__all__ = ["KPI_NAMES", "Case", "Officer", "ScriptSession", "connect"]

# the daily briefing's page-1 figures, in the order the page shows them; rates are fractions
# (0.875, not 87.5) and None when nothing was due, means are None when nothing was counted
KPI_NAMES: tuple[str, ...] = (
    "new",
    "registered",
    "dispatched",
    "closed",
    "due_to_close",
    "closure_rate",
    "on_time_closure_rate",
    "handling_rate",
    "on_time_handling_rate",
    "rework_rate",
    "overdue_at_end",
    "mean_minutes_to_dispatch",
    "mean_hours_to_close",
)


@dataclass(frozen=True)
class Case:
    """One case as seen when it was read. `version` is what `act` compares when given this
    snapshot: acting on a case another seat has changed since raises StaleCase."""

    number: str
    status: str  # a CaseStatus value: reported, registered, dispatched, ...
    priority: str  # urgent, high, normal, low
    source: str  # a SourceChannel value
    category_code: str
    category_name_zh: str
    category_name_en: str
    grid_code: str
    community: str
    street: str
    address: str
    description: str
    lon: float
    lat: float
    reported_at: datetime  # aware, UTC
    officer: str | None  # the assigned officer's employee number
    department: str | None  # the assigned department's code
    assignee_name: str  # the officer's or department's name, "" when unassigned
    stage_deadline_at: datetime | None
    handle_deadline_at: datetime | None
    closed_at: datetime | None
    escalation_level: int
    rework_count: int
    version: int


@dataclass(frozen=True)
class Officer:
    """A grid officer a case can be dispatched to, as the dispatch dialog lists them."""

    employee_no: str
    name: str
    duty_status: str  # a DutyStatus value
    open_cases: int


def connect(database: str | Path, *, user: str, password: str, clock: Clock | None = None) -> ScriptSession:
    """Open an existing, schema-current database (a path or URL, as `--db` takes) as `user`.

    Nothing is created or upgraded: a missing file, a foreign one or an older schema raise
    DatabaseError as the command line does. A wrong password (or an unknown or inactive user)
    raises AuthenticationFailed; five in a row lock the account for 15 minutes (AccountLocked).
    `clock` replaces the system clock (tests, replays).
    """
    db = open_database(database, clock=clock)
    try:  # the sign-in service: the same lockout and audit trail as the login dialog
        principal = sign_in(db, user, password, workstation=this_workstation(), os_user=this_os_user())
    except BaseException:
        db.dispose()
        raise
    return ScriptSession(db, principal)


class ScriptSession:
    """One signed-in user on one opened database; use it from one thread and close it (or use
    it as a context manager), which releases the database."""

    def __init__(self, db: Database, principal: Principal) -> None:
        self._db = db
        self._principal = principal
        self._cases = CaseService(db)
        self._lookup = LookupService(db)
        self._briefings = BriefingService(db)
        reference = ReferenceService(db)
        self._officers = _Directory("officer", lambda: reference.officers(principal))
        self._departments = _Directory("department", lambda: reference.departments(principal))

    # ---- lifetime ---------------------------------------------------------------------
    def __enter__(self) -> ScriptSession:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        self._db.dispose()

    # ---- cases ------------------------------------------------------------------------
    def case(self, number: str) -> Case:
        """The case with this number among the user's centres; NotFound otherwise. Its address is
        masked unless the user's role may see personal data, as on the screens."""
        return self._snapshot(self._lookup.case(self._principal, number))

    def cases(self, *, status: str | Iterable[str] = (), since: datetime | None = None,
              limit: int | None = None) -> list[Case]:
        """The user's centres' cases, newest report first, optionally only some statuses and
        only those reported at or after `since` (an aware datetime)."""
        statuses = (status,) if isinstance(status, str) else tuple(status)
        rows = self._lookup.cases(self._principal, statuses=statuses, since=since, limit=limit)
        return [self._snapshot(r) for r in rows]

    def act(self, case: str | Case, action: str, *, note: str = "", officer: str | None = None,
            department: str | None = None, minutes: int | None = None, rating: int | None = None,
            merge_into: str | None = None, satisfaction: str | None = None, evidence: str = "",
            category: str | None = None, grid: str | None = None) -> Case:
        """Perform one case action (a value of `Action`: register, dispatch, reopen, ...) as one
        transaction, and return the case as it is afterwards.

        `case` is a case number, or a `Case` read earlier: then the action is refused with
        StaleCase if another seat changed the case since. Each action takes what the screens ask
        for: dispatch and reassign an `officer` (employee number) or a `department` (code);
        reject, suspend, feed_back, return_for_rework, reopen and extend a `note`; extend
        `minutes`; evaluate a `rating` from 1 to 5; merge `merge_into`, the number of the case it
        duplicates; send_back, confirm_check and fail_check a `note` (the checks an optional
        `evidence` reference); follow_up a `satisfaction` (satisfied, basically_satisfied,
        unsatisfied; a `note` too when unsatisfied); correct a new `category` (minor category
        code) and/or `grid` (grid code) with a `note` saying why.
        """
        chosen = self._case_action(action)
        number = case.number if isinstance(case, Case) else case
        row = self._lookup.case(self._principal, number)
        # a role that may not act is refused before its officer or department is looked up
        authorize(self._db, self._principal, chosen)
        category_id, grid_id = ids_by_code(self._db, category, grid)
        params = TransitionParams(
            note=note,
            officer_id=self._officers.id_of(officer) if officer is not None else None,
            department_id=self._departments.id_of(department) if department is not None else None,
            merge_into_id=self._lookup.case(self._principal, merge_into).id
            if merge_into is not None else None,
            minutes=minutes,
            rating=rating,
            satisfaction=satisfaction,
            evidence=evidence,
            category_id=category_id,
            grid_id=grid_id,
        )
        expected = case.version if isinstance(case, Case) else None
        return self._snapshot(self._lookup.shown(
            self._principal, self._cases.perform(self._principal, row.id, chosen, params, expected_version=expected)))

    # ---- people -----------------------------------------------------------------------
    def officers(self) -> list[Officer]:
        """Every grid officer with duty status and open cases now, by employee number."""
        choices = self._officers.reload()
        return [Officer(c.code, c.name, c.duty_status or "", c.open_cases) for c in choices]

    # ---- figures ----------------------------------------------------------------------
    def kpis(self, day: str | date) -> dict[str, Any]:
        """The daily briefing's page-1 figures of the user's centre for `day` (YYYY-MM-DD in
        the centre's time zone), keyed by KPI_NAMES. Needs the permission to print briefings;
        a day in the future or before the data is refused as the command line refuses it."""
        k = self._briefings.figures(self._principal, _day(day))
        values = (k.new, k.registered, k.dispatched, k.closed, k.due_to_close, k.closure_rate, k.on_time_rate,
                  k.handling_rate, k.on_time_handling_rate, k.rework_rate, k.overdue_at_end, k.mean_dispatch_minutes,
                  k.mean_close_hours)
        return dict(zip(KPI_NAMES, values, strict=True))

    # ---- translation between outside names and service ids ------------------------------
    def _snapshot(self, row: CaseRow) -> Case:
        officer = department = None
        if row.assignee_officer_id is not None:
            officer = self._officers.code_of(row.assignee_officer_id)
        if row.assignee_department_id is not None:
            department = self._departments.code_of(row.assignee_department_id)
        return Case(
            number=row.case_number, status=row.status, priority=row.priority, source=row.source,
            category_code=row.category_code, category_name_zh=row.category_zh, category_name_en=row.category_en,
            grid_code=row.grid_code, community=row.community_name, street=row.street_name, address=row.address,
            description=row.description, lon=row.lon, lat=row.lat, reported_at=row.reported_at,
            officer=officer, department=department, assignee_name=row.assignee_name,
            stage_deadline_at=row.stage_deadline_at, handle_deadline_at=row.handle_deadline_at,
            closed_at=row.closed_at, escalation_level=row.escalation_level, rework_count=row.rework_count,
            version=row.version,
        )

    @staticmethod
    def _case_action(action: str) -> Action:
        try:
            chosen = Action(action)
        except ValueError:
            chosen = None
        if chosen not in CASE_ACTIONS:
            known = ", ".join(sorted(a.value for a in CASE_ACTIONS))
            raise ValidationError(f"{action!r} is not a case action; case actions: {known}", field="action")
        assert chosen is not None
        return chosen


class _Directory:
    """Officers or departments by their public code and by service id, read when first needed
    and read again when a code or id is not known (one imported since)."""

    def __init__(self, kind: str, load: Callable[[], list[AssigneeChoice]]) -> None:
        self._kind, self._load = kind, load
        self._by_code: dict[str, int] | None = None
        self._by_id: dict[int, str] = {}

    def reload(self) -> list[AssigneeChoice]:
        choices = self._load()
        self._by_code = {c.code: c.id for c in choices}
        self._by_id = {c.id: c.code for c in choices}
        return choices

    def id_of(self, code: str) -> int:
        code = code.strip()
        if self._by_code is None or code not in self._by_code:
            self.reload()
        assert self._by_code is not None
        if code not in self._by_code:
            raise NotFound(self._kind, code)
        return self._by_code[code]

    def code_of(self, assignee_id: int) -> str | None:
        if assignee_id not in self._by_id:
            self.reload()
        return self._by_id.get(assignee_id)


def _day(day: str | date) -> date:
    if isinstance(day, datetime):
        raise ValidationError("give the day as a date or YYYY-MM-DD, not a time", field="day")
    if isinstance(day, date):
        return day
    try:
        return date.fromisoformat(day)
    except ValueError:
        raise ValidationError(f"not a day (YYYY-MM-DD): {day!r}", field="day") from None
