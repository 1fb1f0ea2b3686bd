"""The scenario's clock: scenario seconds that run `speed` times faster than the wall, and stop when paused.

The trainer pauses, resumes and changes speed from another thread while the drill reads the
clock, so every method takes one lock. The clock keeps the wall instants where the speed
changed, so `at(instant)` tells the scenario time of any past wall instant (a dispatch written
by an operator), and a handler's delay, counted in scenario time, stretches over a pause.
"""

from __future__ import annotations

import math
import threading
from bisect import bisect_right
from collections.abc import Callable


class ScenarioClock:
    """Scenario seconds since `start()`, at `speed`; `wall` is any monotonic-enough seconds source."""

    def __init__(self, speed: float, wall: Callable[[], float]) -> None:
        self._lock = threading.Lock()
        self._wall = wall
        self._speed = speed
        self._paused = False
        # segments of constant speed: (wall start, scenario time at that start, speed; 0 while paused)
        self._walls: list[float] = []
        self._segments: list[tuple[float, float, float]] = []

    def start(self) -> None:
        with self._lock:
            self._walls, self._segments = [], []
            self._append(self._wall(), 0.0)

    def _append(self, wall: float, at: float) -> None:
        self._walls.append(wall)
        self._segments.append((wall, at, 0.0 if self._paused else self._speed))

    def _now_locked(self, wall: float) -> float:
        if not self._segments:
            return 0.0
        i = max(bisect_right(self._walls, wall) - 1, 0)
        start, at, speed = self._segments[i]
        return at + max(wall - start, 0.0) * speed

    def now(self) -> float:
        """Scenario seconds elapsed (0 before the start)."""
        with self._lock:
            return self._now_locked(self._wall())

    def at(self, wall: float) -> float:
        """The scenario time at a past wall instant (before the start: 0)."""
        with self._lock:
            return self._now_locked(wall)

    def wall_until(self, scenario_at: float) -> float:
        """Wall seconds until the clock reads `scenario_at` at the current speed; inf while paused."""
        with self._lock:
            wall = self._wall()
            ahead = scenario_at - self._now_locked(wall)
            if ahead <= 0:
                return 0.0
            return math.inf if self._paused else ahead / self._speed

    @property
    def speed(self) -> float:
        with self._lock:
            return self._speed

    @property
    def paused(self) -> bool:
        with self._lock:
            return self._paused

    def set_speed(self, speed: float) -> None:
        with self._lock:
            wall = self._wall()
            at = self._now_locked(wall)
            self._speed = speed
            if self._segments:
                self._append(wall, at)

    def pause(self) -> None:
        self._set_paused(True)

    def resume(self) -> None:
        self._set_paused(False)

    def _set_paused(self, paused: bool) -> None:
        with self._lock:
            if paused == self._paused:
                return
            wall = self._wall()
            at = self._now_locked(wall)
            self._paused = paused
            if self._segments:
                self._append(wall, at)
