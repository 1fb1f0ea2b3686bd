"""The wall's rules about one row, apart from the item model that paints them: what the
operator's filter matches, the due state, the countdown's text and when it next changes, and
the triage order's key (overdue, escalated 催办/督办, urgent, high, then seconds left, newest
last), so the model, the wall mode and the tests read one definition."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from ..domain.deadlines import DueState, due_state_epoch
from ..domain.enums import CaseStatus, Priority
from ..i18n import translate
from ..shapes.cases import CaseRow

# triage: urgent, high, then normal and low together (ordered by time left)
_TRIAGE_PRIORITY = {Priority.URGENT.value: 0, Priority.HIGH.value: 1}
_NEVER_LEFT = 2**46  # "no deadline" in the triage key's seconds-left field (below its 2**47 bias)
CLOCK_STOPPED = frozenset({CaseStatus.CLOSED.value, CaseStatus.REJECTED.value, CaseStatus.MERGED.value,
                            CaseStatus.SUSPENDED.value})
NO_TINT_STATUSES = frozenset({CaseStatus.CLOSED.value, CaseStatus.REJECTED.value, CaseStatus.MERGED.value})
DAYS_FORMAT_SECONDS = 86400 * 2  # from this far off a countdown shows days and hours, not seconds


def is_overdue(r: CaseRow, now: int) -> bool:
    deadline = r.stage_deadline_at
    return deadline is not None and r.clock_running and deadline.timestamp() < now


def is_escalated(r: CaseRow) -> bool:
    """Under reminder (催办) or supervision (督办) with its clock running: a suspended or closed
    case keeps the level it reached, but nobody is being chased while its clock stands."""
    return bool(r.escalation_level) and r.clock_running


def triage_key(now: int) -> Callable[[CaseRow], int]:
    """The triage order's key at `now` (see the module docstring); one call per row per sort.

    One int rather than a tuple (group and priority, then seconds left, then newest first,
    in bit fields): building and comparing it costs a third of a tuple's at 80,000 rows."""
    closed, stopped, prio = NO_TINT_STATUSES, CLOCK_STOPPED, _TRIAGE_PRIORITY
    bias = 1 << 47

    def key(r: CaseRow) -> int:
        status, deadline = r.status, r.stage_deadline_at
        if status in closed:
            rank, left = 9, _NEVER_LEFT
        else:
            left = int(deadline.timestamp()) - now if deadline is not None and status not in stopped else _NEVER_LEFT
            rank = (0 if left < 0 else 3 if r.escalation_level and status not in stopped else 6) \
                + prio.get(r.priority, 2)
        return (rank << 96) | ((left + bias) << 48) | (bias - int(r.reported_at.timestamp()))

    return key


def escalation_text(level: int) -> str:
    """The escalation level as the status cell shows it: reminder (催办), supervision (督办)."""
    if level >= 2:
        return translate("wall", "Supervision")
    return translate("wall", "Reminder") if level == 1 else ""


@dataclass(frozen=True)
class WallFilter:
    """What the operator narrowed the wall to. Empty sets mean "any"."""

    statuses: frozenset[str] = frozenset()
    priorities: frozenset[str] = frozenset()
    category_ids: frozenset[int] = frozenset()
    sources: frozenset[str] = frozenset()
    street_id: int | None = None
    community_id: int | None = None
    grid_id: int | None = None
    due: frozenset[str] = frozenset()  # DueState values
    mine_user_id: int | None = None
    text: str = ""
    _needle: str = field(default="", init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_needle", self.text.strip().lower())

    @property
    def is_empty(self) -> bool:
        return self == WallFilter()

    def matches(self, r: CaseRow, now: int) -> bool:
        if self.statuses and r.status not in self.statuses:
            return False
        if self.priorities and r.priority not in self.priorities:
            return False
        if self.category_ids and r.category_id not in self.category_ids:
            return False
        if self.sources and r.source not in self.sources:
            return False
        if self.grid_id is not None and r.grid_id != self.grid_id:
            return False
        if self.community_id is not None and r.community_id != self.community_id:
            return False
        if self.street_id is not None and r.street_id != self.street_id:
            return False
        if self.mine_user_id is not None and r.created_by != self.mine_user_id:
            return False
        if self.due and due_of(r, now).value not in self.due:
            return False
        if self._needle:
            n = self._needle
            hay = (
                r.case_number,
                r.description,
                r.address,
                r.category_zh,
                r.category_en.lower(),
                r.street_name,
                r.community_name,
                r.grid_code,
                r.street_initials,
                r.community_initials,
                r.assignee_name,
            )
            if not any(n in h for h in hay if h):
                return False
        return True


def due_of(r: CaseRow, now: int) -> DueState:
    return due_state_epoch(
        now,
        int(r.stage_remind_at.timestamp()) if r.stage_remind_at else None,
        int(r.stage_deadline_at.timestamp()) if r.stage_deadline_at else None,
        r.clock_running,
    )


def format_countdown(seconds: int) -> str:
    """-1:05:00 style: hours may exceed 24; negative when overdue."""
    sign = "-" if seconds < 0 else ""
    s = abs(seconds)
    if s >= DAYS_FORMAT_SECONDS:
        return sign + translate("wall", "{d}d {h:02d}h").format(d=s // 86400, h=s % 86400 // 3600)
    return f"{sign}{s // 3600}:{s % 3600 // 60:02d}:{s % 60:02d}"


def next_countdown_change(r: CaseRow, now: int) -> int:
    """The first second at or after which the row's countdown text or due colour can differ from
    what it shows at `now` (never later than the real change; an early wake-up is only a check)."""
    assert r.stage_deadline_at is not None
    deadline = int(r.stage_deadline_at.timestamp())
    left = deadline - now
    if -DAYS_FORMAT_SECONDS < left < DAYS_FORMAT_SECONDS:
        return now + 1  # seconds are shown
    if left < 0:  # overdue by days: the hour figure grows
        return now + 3600 - (-left) % 3600
    change = now + left % 3600 + 1  # the hour figure drops (and at two days, seconds appear)
    if r.stage_remind_at is not None:
        soon = int(r.stage_remind_at.timestamp())
        if soon > now:
            change = min(change, soon)
    return change
