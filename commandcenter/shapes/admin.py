"""What the admin screens show: accounts, the permission matrix, centres, categories with
their time limits, and the holiday calendar, as the admin services read them.

Rows that two admins could edit at once carry the `version` their screen read; the service
writes only while it is still the stored one (see services/admin/common.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from ..domain.actions import Action
from ..domain.enums import CategoryKind, CentreLevel, Priority, Role, Stage, TimeUnit


@dataclass(frozen=True, slots=True)
class UserRow:
    """An account as the users tab lists it (never its password hash)."""

    id: int
    username: str
    display_name: str
    role: Role
    centre_id: int
    centre_name: str
    active: bool
    version: int
    locked_until: datetime | None = None  # set while wrong passwords keep it locked (a reset lifts it)


@dataclass(frozen=True, slots=True)
class PermissionRow:
    """One action and the roles that may perform it: a row of the role x action matrix."""

    action: Action
    roles: frozenset[Role]

    @property
    def id(self) -> str:
        return self.action.value


@dataclass(frozen=True, slots=True)
class CentreRow:
    """A command centre; `name` is what its briefings, handover records and title bar show."""

    id: int
    code: str
    name: str
    level: CentreLevel
    parent_id: int | None
    parent_name: str
    timezone: str
    version: int


@dataclass(frozen=True, slots=True)
class CategoryRow:
    """A major (level 1) or minor (level 2) category; names are unique per language among
    minor classes, and among major classes of one kind."""

    id: int
    code: str
    parent_id: int | None
    level: int
    kind: CategoryKind
    name_zh: str
    name_en: str
    version: int


@dataclass(frozen=True, slots=True)
class TimeLimitRow:
    """The limit of one stage at one priority for a minor category; `stored` is False while
    the category has no row of its own and the built-in fallback applies."""

    category_id: int
    priority: Priority
    stage: Stage
    minutes: int
    unit: TimeUnit
    stored: bool

    @property
    def id(self) -> tuple[int, str, str]:
        return self.category_id, self.priority.value, self.stage.value


@dataclass(frozen=True, slots=True)
class HolidayRow:
    """An exception to the Monday-to-Friday week: a holiday or an adjusted working weekend (调休)."""

    day: date
    kind: str  # holiday | workday
    name: str

    @property
    def id(self) -> date:
        return self.day


@dataclass(frozen=True, slots=True)
class CalendarYearRow:
    """A year of the calendar: whether an admin marked it complete, from what, and its exceptions."""

    year: int
    covered: bool
    source: str
    holidays: int
    workdays: int

    @property
    def id(self) -> int:
        return self.year
