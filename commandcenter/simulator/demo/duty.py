"""The demo's duty changes: the last days of each officer's shifts as the roster would have
recorded them (off duty → on duty at the shift's start, back at its end; into the field soon
after the start for those in the field now; on leave for those on leave), ending in the status
each officer has now, so the officer page and the handover have a history to show.
"""

from __future__ import annotations

import numpy as np

from ...domain.enums import DutyStatus
from .rows import NONE, Nullable, TableRows, table

DAYS = 3  # of shifts recorded before now
SHIFT_HOURS = 8
OFF, ON, FIELD, LEAVE = (DutyStatus.OFF_DUTY.value, DutyStatus.ON_DUTY.value, DutyStatus.IN_FIELD.value,
                         DutyStatus.ON_LEAVE.value)


def duty_changes(first_id: int, officer_ids: np.ndarray, shift_start_minutes: np.ndarray, in_field: np.ndarray,
                 leave: np.ndarray, last_seen: np.ndarray, now_s: int, minutes_now: int,
                 rng: np.random.Generator) -> TableRows:
    """`shift_start_minutes`: each officer's shift start in local minutes after midnight;
    `in_field`, `leave`: whether they are in the field (when on shift) or on leave now."""
    midnight = now_s - minutes_now * 60
    at: list[np.ndarray] = []
    who: list[np.ndarray] = []
    before: list[np.ndarray] = []
    after: list[np.ndarray] = []

    def add(mask: np.ndarray, when: np.ndarray, a: str, b: str) -> None:
        keep = mask & (when <= now_s)
        at.append(when[keep])
        who.append(officer_ids[keep])
        before.append(np.full(int(keep.sum()), a, dtype=object))
        after.append(np.full(int(keep.sum()), b, dtype=object))

    working = ~leave
    for day in range(-DAYS, 1):
        start = midnight + day * 86400 + shift_start_minutes * 60
        add(working, start, OFF, ON)
        add(working & ~in_field, start + SHIFT_HOURS * 3600, ON, OFF)
        # soon after the start, and before now for a shift running now (they are in the field already)
        going_out = np.minimum(start + rng.integers(10, 40, size=len(officer_ids)) * 60, np.maximum(start, now_s))
        add(working & in_field, going_out, ON, FIELD)
        add(working & in_field, start + SHIFT_HOURS * 3600, FIELD, OFF)
    add(leave, last_seen + 300, OFF, LEAVE)
    times = np.concatenate(at)
    order = np.lexsort((times, np.concatenate(who)))
    return table("duty_change", id=first_id + np.arange(len(times)), officer_id=np.concatenate(who)[order],
                 at=times[order], from_status=np.concatenate(before)[order], to_status=np.concatenate(after)[order],
                 user_id=Nullable(np.full(len(times), NONE)))  # recorded by nobody
