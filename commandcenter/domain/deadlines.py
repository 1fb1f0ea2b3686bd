"""How close a case is to its current stage's time limit (pure; used by services and views)."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

REMINDER_FRACTION = 0.8  # 催办 at 80 % of the limit; 督办 at 100 %


class DueState(StrEnum):
    NONE = "none"  # no clock runs (closed, suspended, rejected, merged)
    ON_TIME = "on_time"
    DUE_SOON = "due_soon"
    OVERDUE = "overdue"


def due_state(now: datetime, started: datetime | None, deadline: datetime | None, clock_running: bool) -> DueState:
    if not clock_running or deadline is None:
        return DueState.NONE
    if now >= deadline:
        return DueState.OVERDUE
    if started is not None and deadline > started:
        if (now - started) >= (deadline - started) * REMINDER_FRACTION:
            return DueState.DUE_SOON
    return DueState.ON_TIME


def due_state_epoch(now: int, started: int | None, deadline: int | None, clock_running: bool) -> DueState:
    """The same rule on epoch seconds, for models holding raw rows."""
    if not clock_running or deadline is None:
        return DueState.NONE
    if now >= deadline:
        return DueState.OVERDUE
    if started is not None and deadline > started and (now - started) >= (deadline - started) * REMINDER_FRACTION:
        return DueState.DUE_SOON
    return DueState.ON_TIME
