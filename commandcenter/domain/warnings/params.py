"""The detectors' parameters: frozen dataclasses with the defaults the README explains.

An administrator may change any of them; the service stores the changed values as JSON
(`WarningParams.to_json` / `from_json`) and every detector run reads them afresh.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields, replace
from typing import Any

DAY = 86_400


@dataclass(frozen=True)
class RecurrenceParams:
    """The same category at the same place (within `radius_m`) `min_cases` times in `days` days.
    Closed cases count: closed is not solved."""

    radius_m: float = 50.0
    min_cases: int = 3
    days: int = 30


@dataclass(frozen=True)
class RepeatCallerParams:
    """One phone number reporting matters of one major class `min_calls` times in `days` days."""

    min_calls: int = 3
    days: int = 30


@dataclass(frozen=True)
class DisputeParams:
    """The same party in disputes (major class `major`) at one address `min_cases` times in `days`."""

    major: str = "12"  # 矛盾纠纷
    min_cases: int = 2
    days: int = 90


@dataclass(frozen=True)
class TrendParams:
    """A unit × category's count in the last `band_hours` against the same weekday-and-hours band
    in each of the previous `weeks` weeks; raised when the exact conditional test's p-value is
    at most `alpha` and the count is at least `min_count`."""

    band_hours: int = 3
    weeks: int = 8
    alpha: float = 0.001
    min_count: int = 5
    levels: tuple[str, ...] = ("grid", "community", "street")


@dataclass(frozen=True)
class ClusterParams:
    """DBSCAN over space and time, one category, the last `hours` hours: two cases are neighbours
    within `eps_m` metres and `eps_minutes` minutes; a core case has `min_points` neighbours
    (itself included); a cluster must span `min_grids` grids (one grid's excess is the trend's)."""

    hours: int = 72
    eps_m: float = 250.0
    eps_minutes: float = 720.0
    min_points: int = 5
    min_grids: int = 2


@dataclass(frozen=True)
class LatenessParams:
    """A department or street whose on-time rate was below `threshold` on each of the last `days`
    days, each day with at least `min_due` cases due."""

    threshold: float = 0.6
    days: int = 3
    min_due: int = 5


@dataclass(frozen=True)
class WarningParams:
    """Every detector's parameters together: what an administrator edits."""

    recurrence: RecurrenceParams = field(default_factory=RecurrenceParams)
    repeat_caller: RepeatCallerParams = field(default_factory=RepeatCallerParams)
    dispute: DisputeParams = field(default_factory=DisputeParams)
    trend: TrendParams = field(default_factory=TrendParams)
    cluster: ClusterParams = field(default_factory=ClusterParams)
    lateness: LatenessParams = field(default_factory=LatenessParams)

    def to_json(self) -> str:
        return json.dumps(asdict(self), sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> WarningParams:
        """Parameters from stored JSON; keys it does not know are ignored and missing ones keep
        their defaults, so settings written by another release still load."""
        raw: dict[str, Any] = json.loads(text) if text else {}
        out = cls()
        for f in fields(cls):
            given = raw.get(f.name)
            if not isinstance(given, dict):
                continue
            current = getattr(out, f.name)
            known = {g.name: type(getattr(current, g.name)) for g in fields(current)}
            values = {k: (tuple(v) if known[k] is tuple else known[k](v)) for k, v in given.items() if k in known}
            out = replace(out, **{f.name: replace(current, **values)})
        return out
