"""A drill's debrief as the trainer's screen and the PDF read it: per case, per operator, overall.

The goals are the trainer's (remembered per seat in the GUI's settings); `DEFAULT_GOALS` is the
one place their defaults live. Times are seconds; None where the step has not happened.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from .corrections import CorrectionMade


@dataclass(frozen=True)
class DebriefGoals:
    """What the trainer expects, in minutes from a call's arrival (the case's reported time)."""

    register_minutes: float = 5.0  # every case registered (立案) within this
    dispatch_minutes: float = 15.0  # every case dispatched (派遣) within this
    urgent_dispatch_minutes: float = 3.0  # urgent cases dispatched within this

    def dispatch_goal(self, urgent: bool) -> float:
        return self.urgent_dispatch_minutes if urgent else self.dispatch_minutes


DEFAULT_GOALS = DebriefGoals()


class GoalMiss(StrEnum):
    """A goal a case missed: late (or not done by the end and already past the goal), or overdue."""

    REGISTER = "register"
    DISPATCH = "dispatch"
    OVERDUE = "overdue"  # a stage's time limit ran out during the drill (督办)


class AlertShown(StrEnum):
    """How the wall alerted an urgent arrival: on its own, or counted into a flood summary."""

    NONE = ""
    INDIVIDUAL = "individual"
    GROUPED = "grouped"


@dataclass(frozen=True)
class CaseDebrief:
    case_id: int
    case_number: str
    priority: str
    category_code: str
    category_zh: str
    category_en: str
    grid_code: str
    reported_at: datetime
    registered_at: datetime | None
    registered_by: str  # the operator's display name, "" when not registered
    registered_by_system: str  # the role when a system account (the drill feed) did it, else ""
    dispatched_at: datetime | None
    dispatched_by: str
    dispatched_by_system: str
    to_register: float | None  # seconds from arrival
    to_dispatch: float | None
    reminders: int  # 催办 during the drill
    supervisions: int  # 督办: a stage went overdue
    wrong_category: bool | None  # differs from the scenario's intended category; None: no intention known
    wrong_grid: bool | None
    alert: AlertShown
    misses: tuple[GoalMiss, ...]
    # corrections (更正) up to the end, oldest first; category, grid and wrong_* are as they stood then
    corrections: tuple[CorrectionMade, ...] = ()
    # merged, rejected or closed by the end (a status code), else "": a call merged or answered
    # without registration or dispatch shows that instead of a time
    settled: str = ""


@dataclass(frozen=True)
class OperatorDebrief:
    """One person's part: the registrations and dispatches they made, and the goals those missed."""

    user_id: int
    name: str
    system_role: str  # the role of a system account (the drill feed registering at intake), else ""
    registered: int
    dispatched: int
    mean_to_register: float | None
    mean_to_dispatch: float | None
    misses: int
    corrections: int = 0  # categories or grids this person corrected (更正)


@dataclass(frozen=True)
class DebriefOverall:
    cases: int
    registered: int
    dispatched: int
    mean_to_register: float | None
    max_to_register: float | None
    mean_to_dispatch: float | None
    max_to_dispatch: float | None
    urgent: int
    urgent_dispatched_in_goal: int
    reminders: int
    supervisions: int
    overdue_cases: int
    wrong_category: int
    wrong_grid: int
    alerts_individual: int
    alerts_grouped: int
    cases_missing_goals: int
    corrections: int = 0  # 更正 made during the drill
    corrected_cases: int = 0  # cases corrected at least once
    still_wrong: int = 0  # cases whose category or grid is not the intended one at the end


@dataclass(frozen=True)
class DrillRunRow:
    """One drill run for the trainer's list."""

    id: int
    started_at: datetime
    ended_at: datetime | None
    scenario_name: str
    speed: float
    cases: int


@dataclass(frozen=True)
class Debrief:
    """The debrief of one drill run (`run_id`) or of a time window (`run_id` None)."""

    run_id: int | None
    title: str  # the scenario's name, "" for random load or a window
    start: datetime
    end: datetime
    goals: DebriefGoals
    overall: DebriefOverall
    operators: tuple[OperatorDebrief, ...]
    cases: tuple[CaseDebrief, ...]
