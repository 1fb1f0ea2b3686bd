"""The shapes of a briefing: a period, its KPI figures and the tables around them.

Frozen dataclasses with no Qt and no SQLAlchemy: `services.kpi` fills them from SQL
aggregates, the briefing view and the PDF report read them, so neither needs the queries.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from .referral import ReferralFigures
from .warnings import WarningDigest


@dataclass(frozen=True)
class BriefingPeriod:
    kind: str  # "daily" | "shift"
    day: date
    shift_name: str  # "" for a daily briefing
    start: datetime
    end: datetime
    timezone: str


def _rate(num: int, den: int) -> float | None:
    return num / den if den else None


@dataclass(frozen=True)
class Kpis:
    """The figures of one period as they stood at its end; rates are None when nothing was due."""

    new: int
    registered: int
    dispatched: int
    closed: int
    due_to_close: int
    closed_of_due: int
    closed_on_time: int
    handled_of_due: int
    handled_on_time_of_due: int
    reworked_of_due: int
    handled_ever_of_due: int
    extended_of_due: int
    suspended_of_due: int
    sent_back: int
    dispatches: int
    dispatches_kept: int
    closed_on_spot: int
    follow_ups: int
    satisfied: int
    mean_dispatch_minutes: float | None
    mean_close_hours: float | None
    overdue_at_end: int

    @property
    def quiet(self) -> bool:
        """Nothing was reported, dispatched or closed in the period."""
        return self.new == 0 and self.dispatched == 0 and self.closed == 0

    @property
    def closure_rate(self) -> float | None:
        return _rate(self.closed_of_due, self.due_to_close)

    @property
    def on_time_rate(self) -> float | None:
        """按期结案率: judged at the centre's closure."""
        return _rate(self.closed_on_time, self.due_to_close)

    @property
    def handling_rate(self) -> float | None:
        return _rate(self.handled_of_due, self.due_to_close)

    @property
    def on_time_handling_rate(self) -> float | None:
        """按期处置率: judged at the handler's feedback."""
        return _rate(self.handled_on_time_of_due, self.due_to_close)

    @property
    def rework_rate(self) -> float | None:
        return _rate(self.reworked_of_due, self.handled_ever_of_due)

    @property
    def dispatch_accuracy(self) -> float | None:
        """派遣准确率: dispatches not sent back by the handler."""
        return _rate(self.dispatches_kept, self.dispatches)

    @property
    def self_handling_rate(self) -> float | None:
        """自处率: closures on the spot (即时办结) among the period's closures."""
        return _rate(self.closed_on_spot, self.closed)

    @property
    def satisfaction_rate(self) -> float | None:
        """满意率: follow-ups satisfied or basically satisfied."""
        return _rate(self.satisfied, self.follow_ups)

    @property
    def extension_rate(self) -> float | None:
        """延期率: due cases with an approved extension."""
        return _rate(self.extended_of_due, self.due_to_close)

    @property
    def suspension_rate(self) -> float | None:
        """挂账率: due cases with an approved suspension."""
        return _rate(self.suspended_of_due, self.due_to_close)


@dataclass(frozen=True)
class UnitFigures:
    """One street's or department's assessment figures for the period (or the centre's, key "*")."""

    key: str  # street code, department code, or "*" for the centre
    name: str
    rank: int  # 1 = best 按期处置率; 0 for the centre's totals
    due: int
    handled: int
    handled_on_time: int
    reworked: int
    handled_ever: int
    extended: int
    suspended: int
    sent_back: int

    @property
    def handling_rate(self) -> float | None:
        return _rate(self.handled, self.due)

    @property
    def on_time_handling_rate(self) -> float | None:
        return _rate(self.handled_on_time, self.due)

    @property
    def rework_rate(self) -> float | None:
        return _rate(self.reworked, self.handled_ever)

    @property
    def extension_rate(self) -> float | None:
        return _rate(self.extended, self.due)

    @property
    def suspension_rate(self) -> float | None:
        return _rate(self.suspended, self.due)


@dataclass(frozen=True)
class Count:
    """One bar of a breakdown: a key (code or id), its names and the count."""

    key: str
    name_zh: str
    name_en: str
    count: int


@dataclass(frozen=True)
class GridStat:
    grid_id: int
    code: str
    name: str
    community: str
    street: str
    count: int
    baseline: float  # mean cases per period over the previous four weeks

    @property
    def ratio(self) -> float:
        """Rise against the baseline, smoothed so a grid with no history does not divide by zero."""
        return (self.count + 1) / (self.baseline + 1)


@dataclass(frozen=True)
class MapCell:
    code: str
    ring: tuple[tuple[float, float], ...]  # exterior ring, lon/lat
    count: int


@dataclass(frozen=True)
class OverdueRow:
    case_number: str
    priority: str
    status: str
    category_zh: str
    category_en: str
    street: str
    grid_code: str
    assignee: str
    deadline: datetime
    overdue_hours: float  # at the period's end
    escalation_level: int


@dataclass(frozen=True)
class Workload:
    """Cases of one officer or department: open and overdue at the period's end, moved in it,
    and its cases due in the period with those handled on time (its 按期处置率)."""

    key: str  # employee number or department code
    name: str
    open_at_end: int
    overdue_at_end: int
    dispatched: int
    fed_back: int
    closed: int
    due: int
    handled_on_time: int

    @property
    def on_time_handling_rate(self) -> float | None:
        return _rate(self.handled_on_time, self.due)


@dataclass(frozen=True)
class HandoverNote:
    id: int
    shift_name: str
    shift_date: date
    status: str
    author: str
    signed_at: datetime | None
    acknowledged_by: str
    acknowledged_at: datetime | None
    notes: str
    items: tuple[tuple[str, str, datetime | None, bool], ...]  # text, case number, due, done
    corrects_id: int | None


@dataclass(frozen=True)
class BriefingData:
    centre_id: int
    centre_name: str
    period: BriefingPeriod
    previous: BriefingPeriod
    as_of: datetime
    generated_at: datetime
    kpis: Kpis
    previous_kpis: Kpis
    by_hour: tuple[int, ...]  # arrivals per hour since the period's start
    by_hour_baseline: tuple[float, ...]  # the same hours, mean of the previous four weeks
    hour_labels: tuple[str, ...]  # local HH of each bucket
    by_category: tuple[Count, ...]
    by_street: tuple[Count, ...]
    by_source: tuple[Count, ...]
    hot_grids: tuple[GridStat, ...]
    rising_grids: tuple[GridStat, ...]
    map_cells: tuple[MapCell, ...]
    overdue: tuple[OverdueRow, ...]
    overdue_total: int
    officers: tuple[Workload, ...]
    officers_total: int
    departments: tuple[Workload, ...]
    handovers: tuple[HandoverNote, ...]
    street_units: tuple[UnitFigures, ...]  # ranked, then the centre's totals
    department_units: tuple[UnitFigures, ...]
    # the open early warnings of the centre (services/warnings), added when the briefing is issued
    warnings: WarningDigest | None = None
    # the centre's referrals in and out and their feedback times (services/referral_figures), likewise
    referrals: ReferralFigures | None = None
