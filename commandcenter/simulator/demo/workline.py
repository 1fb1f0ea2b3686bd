"""`WorkCalendar`'s working-minute line on numpy arrays of epoch seconds.

The demo plans a million deadlines at once; this computes them with the same float operations,
in the same order, as `WorkCalendar.working_minute`, `instant_at` and `add` (including how
`timedelta` rounds fractional minutes to microseconds), so every generated deadline equals
what `TimeLimits.deadline` returns for the same start, to the second. Day boundaries come
from the calendar's time zone per local day, so offsets are exact for zones without DST.
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

import numpy as np

from ...services.worktime import WorkCalendar

_US_PER_MINUTE = 60_000_000


class WorkLine:
    def __init__(self, calendar: WorkCalendar) -> None:
        self.calendar = calendar
        origin, n = calendar.origin, calendar.span_days
        self._spans = [(a.hour * 60 + a.minute, b.hour * 60 + b.minute) for a, b in calendar.periods]
        per_day = sum(b - a for a, b in self._spans)
        working = np.fromiter(
            (calendar.is_working_day(origin + timedelta(days=i)) for i in range(n)), dtype=bool, count=n
        )
        self.cum = np.concatenate(([0], np.cumsum(working.astype(np.int64) * per_day)))
        self.day_start = np.fromiter(
            (int(datetime.combine(origin + timedelta(days=i), time(0), calendar.tz).timestamp()) for i in range(n + 1)),
            dtype=np.int64,
            count=n + 1,
        )
        self.working = working

    # ---- local days -------------------------------------------------------------------
    def day_index(self, epoch: np.ndarray) -> np.ndarray:
        """Index (days since the calendar's origin) of each instant's local day."""
        idx = np.searchsorted(self.day_start, epoch, side="right") - 1
        if len(idx) and (idx.min() < 0 or idx.max() >= len(self.working)):
            raise ValueError("an instant is outside the working calendar")
        return idx

    def local_dates(self, idx: np.ndarray) -> np.ndarray:
        return np.datetime64(self.calendar.origin, "D") + idx.astype("timedelta64[D]")

    # ---- the line ---------------------------------------------------------------------
    def working_minute(self, epoch: np.ndarray) -> np.ndarray:
        idx = self.day_index(epoch)
        base = self.cum[idx]
        sec = epoch - self.day_start[idx]
        m = (sec // 60) + (sec % 60) / 60
        within = np.zeros(len(epoch))
        for a, b in self._spans:
            within = within + np.where(m >= b, float(b - a), np.where(m > a, m - a, 0.0))
        out = base + within
        off = self.cum[idx + 1] == base
        out[off] = base[off]
        return out

    def instant_at(self, wm: np.ndarray) -> np.ndarray:
        """Epoch seconds (as stored: truncated) of the earliest instant with `wm` working minutes."""
        idx = np.maximum(np.searchsorted(self.cum, wm, side="left") - 1, 0)
        while True:
            bad = (self.cum[idx + 1] == self.cum[idx]) | (self.cum[idx + 1] < wm)
            if not bad.any():
                break
            idx = idx + bad
        rest = wm - self.cum[idx]
        minute = np.full(len(wm), float(self._spans[-1][1]))
        found = np.zeros(len(wm), dtype=bool)
        for a, b in self._spans:
            hit = ~found & (rest <= b - a)
            minute[hit] = a + rest[hit]
            found |= hit
            rest = np.where(found, rest, rest - (b - a))
        return self.day_start[idx] + _timedelta_us(minute) // 1_000_000

    def add(self, start: np.ndarray, minutes: np.ndarray, working: np.ndarray) -> np.ndarray:
        """`WorkCalendar.add` for each start: calendar or working minutes per element."""
        out = start + minutes.astype(np.int64) * 60
        if working.any():
            w = np.flatnonzero(working)
            out[w] = self.instant_at(self.working_minute(start[w]) + minutes[w])
        return out

    def advance(self, start: np.ndarray, minutes: np.ndarray, working: np.ndarray) -> np.ndarray:
        """`start` plus a fractional number of calendar or working minutes (for planned times)."""
        out = start + np.round(minutes * 60).astype(np.int64)
        if working.any():
            w = np.flatnonzero(working)
            out[w] = self.instant_at(self.working_minute(start[w]) + minutes[w])
        return out

    def back(self, end: np.ndarray, minutes: np.ndarray, working: np.ndarray) -> np.ndarray:
        """`WorkCalendar.subtract` for each end: the instant `minutes` before it."""
        out = end - np.round(minutes * 60).astype(np.int64)
        if working.any():
            w = np.flatnonzero(working)
            out[w] = self.instant_at(self.working_minute(end[w]) - minutes[w])
        return out

    def carry(self, instant: np.ndarray, paused: np.ndarray, resumed: np.ndarray, working: np.ndarray) -> np.ndarray:
        """`TimeLimits.carried`: each instant as far after the resume as it was after the pause."""
        out = resumed + (instant - paused)
        if working.any():
            w = np.flatnonzero(working)
            out[w] = self.instant_at(self.working_minute(resumed[w]) + (
                self.working_minute(instant[w]) - self.working_minute(paused[w])))
        return out

    def check(self, start: datetime, minutes: int, working: bool) -> bool:
        """Whether this line agrees with the calendar for one start (used by tests)."""
        expect = int(self.calendar.add(start, minutes, "working" if working else "calendar").timestamp())
        got = self.add(np.array([int(start.astimezone(UTC).timestamp())]), np.array([minutes]), np.array([working]))
        return int(got[0]) == expect


def _timedelta_us(minutes: np.ndarray) -> np.ndarray:
    """Microseconds of `timedelta(minutes=m)`: whole part exact, fraction rounded half to even."""
    whole = np.trunc(minutes)
    frac_us = (minutes - whole) * _US_PER_MINUTE
    frac_whole = np.trunc(frac_us)
    leftover = frac_us - frac_whole
    total = whole.astype(np.int64) * _US_PER_MINUTE + frac_whole.astype(np.int64)
    rounded = np.rint(leftover).astype(np.int64)
    half = leftover == 0.5
    rounded[half] = total[half] % 2
    return total + rounded
