"""Flood control for urgent-case alerts (pure Python: the GUI supplies the sound and the text).

ISA-18.2 calls more than 10 alarms in 10 minutes per operator a flood: past that, single
alarms stop being read. `AlertThrottle` lets through at most `max_individual` individual
alerts in any sliding `window` and counts the rest; the GUI drains them every so often as
one summary ("40 more urgent cases"). `AlertRouter` ties a throttle to an `AlertSink`, which
the GUI implements (QApplication.beep and a banner by default).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Generic, Protocol, TypeVar

T = TypeVar("T")

MAX_INDIVIDUAL = 10
WINDOW = timedelta(minutes=10)


class AlertSink(Protocol):
    """Where alerts go: a sound and a visible message."""

    def beep(self) -> None: ...

    def show(self, text: str) -> None: ...


class AlertKind(StrEnum):
    INDIVIDUAL = "individual"  # sound it and show it on its own
    GROUPED = "grouped"  # count it into the next summary


@dataclass(frozen=True)
class AlertDecision(Generic[T]):
    """What to do with one offered event; `pending` is how many wait for the next summary."""

    kind: AlertKind
    event: T
    pending: int

    @property
    def individual(self) -> bool:
        return self.kind is AlertKind.INDIVIDUAL


@dataclass(frozen=True)
class AlertSummary(Generic[T]):
    """The events held back since the last summary, oldest first."""

    events: tuple[T, ...]
    first_at: datetime
    last_at: datetime
    at: datetime

    @property
    def count(self) -> int:
        return len(self.events)


class AlertThrottle(Generic[T]):
    """At most `max_individual` individual alerts per sliding `window`; the rest are grouped.

    Time is passed in, never read, so the GUI gives it the wall clock and tests a fake one.
    """

    def __init__(self, max_individual: int = MAX_INDIVIDUAL, window: timedelta = WINDOW) -> None:
        if max_individual < 1:
            raise ValueError("max_individual must be at least 1")
        if window <= timedelta(0):
            raise ValueError("window must be positive")
        self.max_individual = max_individual
        self.window = window
        self._shown: deque[datetime] = deque()
        self._held: list[tuple[datetime, T]] = []

    def _expire(self, now: datetime) -> None:
        start = now - self.window
        while self._shown and self._shown[0] <= start:
            self._shown.popleft()

    def offer(self, event: T, now: datetime) -> AlertDecision[T]:
        """Decide whether `event` is alerted on its own or grouped into the next summary."""
        self._expire(now)
        if len(self._shown) < self.max_individual:
            self._shown.append(now)
            return AlertDecision(AlertKind.INDIVIDUAL, event, len(self._held))
        self._held.append((now, event))
        return AlertDecision(AlertKind.GROUPED, event, len(self._held))

    @property
    def pending(self) -> int:
        return len(self._held)

    def next_individual_at(self, now: datetime) -> datetime:
        """When the next event would again be alerted on its own (`now` if it would already)."""
        self._expire(now)
        if len(self._shown) < self.max_individual:
            return now
        return self._shown[len(self._shown) - self.max_individual] + self.window

    def drain_summary(self, now: datetime) -> AlertSummary[T] | None:
        """The events held back since the last call, as one summary; None when there are none."""
        if not self._held:
            return None
        held, self._held = self._held, []
        return AlertSummary(tuple(e for _, e in held), held[0][0], held[-1][0], now)


class AlertRouter(Generic[T]):
    """Sends throttled alerts to a sink: individual ones beep and show, grouped ones wait.

    `describe` and `summarize` turn an event and a summary into the text shown; they live in
    the GUI so the text is translated there.
    """

    def __init__(
        self,
        sink: AlertSink,
        describe: Callable[[T], str],
        summarize: Callable[[AlertSummary[T]], str],
        throttle: AlertThrottle[T] | None = None,
    ) -> None:
        self.sink = sink
        self.describe = describe
        self.summarize = summarize
        self.throttle: AlertThrottle[T] = throttle or AlertThrottle()

    def offer(self, event: T, now: datetime) -> AlertDecision[T]:
        decision = self.throttle.offer(event, now)
        if decision.individual:
            self.sink.beep()
            self.sink.show(self.describe(event))
        return decision

    def flush(self, now: datetime) -> AlertSummary[T] | None:
        """Show the summary of held-back alerts, if any (call it on a timer, e.g. every 30 s).

        The summary is shown without a sound: the operator has just heard the flood start, and
        a beep per summary would be the noise the throttle exists to prevent.
        """
        summary = self.throttle.drain_summary(now)
        if summary is not None:
            self.sink.show(self.summarize(summary))
        return summary
