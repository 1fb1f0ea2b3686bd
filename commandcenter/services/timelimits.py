"""Time-limit policy: the deadline of a stage for a category and priority."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from ..caches import CacheKey
from ..db import Database
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
}


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


TIME_LIMITS: CacheKey[TimeLimits] = CacheKey("time_limits", frozenset({Entity.CALENDAR, Entity.CATEGORY}))
