"""How close a case is to its current stage's time limit (pure; used by services and views)."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from fractions import Fraction

REMINDER_FRACTION = 0.8  # 催办 at 80 % of the limit; 督办 at 100 %
_REMINDER = Fraction(4, 5)


def reminder_minutes(minutes: float) -> float:
    """Where in a limit of `minutes` (on the stage's own clock) the reminder falls; exact for
    whole limits, so 420 working minutes give 336, not 335.99…"""
    return float(Fraction(minutes) * _REMINDER)


class DueState(StrEnum):
    NONE = "none"  # no clock runs (closed, suspended, rejected, merged)
    ON_TIME = "on_time"
    DUE_SOON = "due_soon"
    OVERDUE = "overdue"


def due_state(now: datetime, remind_at: datetime | None, deadline: datetime | None, clock_running: bool) -> DueState:
    """Overdue from the deadline, due soon from the reminder instant (80 % of the stage's limit
    on its own clock, stored with the case), on time before."""
    if not clock_running or deadline is None:
        return DueState.NONE
    if now >= deadline:
        return DueState.OVERDUE
    if remind_at is not None and now >= remind_at:
        return DueState.DUE_SOON
    return DueState.ON_TIME


def due_state_epoch(now: int, remind_at: int | None, deadline: int | None, clock_running: bool) -> DueState:
    """The same rule on epoch seconds, for models holding raw rows."""
    if not clock_running or deadline is None:
        return DueState.NONE
    if now >= deadline:
        return DueState.OVERDUE
    if remind_at is not None and now >= remind_at:
        return DueState.DUE_SOON
    return DueState.ON_TIME
