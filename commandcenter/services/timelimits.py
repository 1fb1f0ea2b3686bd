"""Time-limit policy: the deadline of a stage for a category and priority, and its clock.

A stage's clock runs on its own unit (working minutes on the working calendar, or natural
minutes where the policy says so): its reminder (催办) falls at 80 % of its minutes and its
supervision (督办) at the deadline, both counted on that clock. An extension adds minutes to
the same clock; a suspension stops it and a resume carries the minutes left over to the
moment it resumes, so a case resumed after office hours or before a holiday keeps its
working minutes instead of losing them at night.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from ..caches import CacheKey
from ..db import Database
from ..domain.deadlines import reminder_minutes
from ..domain.entities import Entity
from ..domain.enums import Priority, Stage, TimeUnit
from ..models import TimeLimitPolicy
from .worktime import WorkCalendar, load_calendar

# used when a category has no policy row for a stage (a new category before an admin sets it)
FALLBACK_MINUTES: dict[Stage, dict[Priority, tuple[int, TimeUnit]]] = {
    Stage.REGISTER: {p: (m, TimeUnit.CALENDAR) for p, m in zip(Priority, (10, 30, 60, 120), strict=True)},
    Stage.DISPATCH: {p: (m, TimeUnit.CALENDAR) for p, m in zip(Priority, (10, 30, 60, 120), strict=True)},
    Stage.HANDLE: {
        Priority.URGENT: (120, TimeUnit.CALENDAR),
        Priority.HIGH: (240, TimeUnit.WORKING),
        Priority.NORMAL: (420, TimeUnit.WORKING),
        Priority.LOW: (1260, TimeUnit.WORKING),
    },
    Stage.VERIFY: {p: (m, TimeUnit.CALENDAR) for p, m in zip(Priority, (60, 120, 240, 480), strict=True)},
    # 签收: a handler acknowledges a dispatch within minutes, whatever the working hours
    Stage.ACCEPT: {p: (m, TimeUnit.CALENDAR) for p, m in zip(Priority, (15, 30, 60, 120), strict=True)},
    # 核查: the grid officer goes to look within the working day (urgent ones at once)
    Stage.CHECK: {
        Priority.URGENT: (120, TimeUnit.CALENDAR),
        Priority.HIGH: (240, TimeUnit.WORKING),
        Priority.NORMAL: (420, TimeUnit.WORKING),
        Priority.LOW: (840, TimeUnit.WORKING),
    },
    # 受理: a centre accepts or returns another centre's referral within working hours (urgent at once)
    Stage.REFERRAL: {
        Priority.URGENT: (60, TimeUnit.CALENDAR),
        Priority.HIGH: (120, TimeUnit.WORKING),
        Priority.NORMAL: (240, TimeUnit.WORKING),
        Priority.LOW: (480, TimeUnit.WORKING),
    },
    # 反馈: the centre that took a referral reports the handled outcome back within working hours
    Stage.FEEDBACK: {
        Priority.URGENT: (60, TimeUnit.CALENDAR),
        Priority.HIGH: (120, TimeUnit.WORKING),
        Priority.NORMAL: (240, TimeUnit.WORKING),
        Priority.LOW: (480, TimeUnit.WORKING),
    },
}


@dataclass(frozen=True)
class StageClock:
    """When a stage's reminder (催办) and its deadline (督办) fall."""

    remind_at: datetime
    deadline_at: datetime


@dataclass
class TimeLimits:
    policy: dict[tuple[int, str, str], tuple[int, str]]
    calendar: WorkCalendar

    @classmethod
    def from_database(cls, db: Database) -> TimeLimits:
        """The policy and the work calendar (cached per opened database until the calendar changes)."""
        def build() -> TimeLimits:
            with db.read() as s:
                rows = s.execute(
                    select(
                        TimeLimitPolicy.category_id,
                        TimeLimitPolicy.priority,
                        TimeLimitPolicy.stage,
                        TimeLimitPolicy.minutes,
                        TimeLimitPolicy.unit,
                    )
                ).all()
                calendar = load_calendar(s)
            return cls({(r[0], r[1], r[2]): (r[3], r[4]) for r in rows}, calendar)

        return db.caches.get(TIME_LIMITS, build)

    def limit(self, category_id: int, priority: str, stage: Stage) -> tuple[int, TimeUnit]:
        hit = self.policy.get((category_id, priority, stage.value))
        if hit is not None:
            return hit[0], TimeUnit(hit[1])
        return FALLBACK_MINUTES[stage][Priority(priority)]

    def deadline(self, category_id: int, priority: str, stage: Stage, start: datetime) -> datetime:
        minutes, unit = self.limit(category_id, priority, stage)
        return self.calendar.add(start, minutes, unit)

    def clock(self, category_id: int, priority: str, stage: Stage, start: datetime) -> StageClock:
        """The clock of a stage started at `start`: the reminder at 80 % of its minutes, on its unit."""
        minutes, unit = self.limit(category_id, priority, stage)
        add = self.calendar.add
        return StageClock(add(start, reminder_minutes(minutes), unit), add(start, minutes, unit))

    def until(self, category_id: int, priority: str, stage: Stage, deadline: datetime) -> StageClock:
        """The stage's clock ending at `deadline`, wherever an extension or a suspension moved it:
        the reminder sits the last fifth of the stage's limit before it, on the stage's unit."""
        minutes, unit = self.limit(category_id, priority, stage)
        return StageClock(self.calendar.subtract(deadline, minutes - reminder_minutes(minutes), unit), deadline)

    def carried(self, instant: datetime, paused_at: datetime, resumed_at: datetime, unit: TimeUnit) -> datetime:
        """`instant`, as many minutes after `resumed_at` as it was after `paused_at` (fewer, or
        before it, when it had passed already)."""
        cal = self.calendar
        return cal.add(resumed_at, cal.minutes_between(paused_at, instant, unit), unit)


TIME_LIMITS: CacheKey[TimeLimits] = CacheKey("time_limits", frozenset({Entity.CALENDAR, Entity.CATEGORY}))
