"""Early warnings (事前预警) as handed from the warning service to the wall, the map and the briefing.

A warning names a pattern the detectors found (a hazard recurring at one place, a caller calling
again, a grid climbing above its own baseline, a space-time cluster, a unit chronically late) and
the cases that are its evidence. Views get these frozen dataclasses only; the table behind them and
the detectors stay in the service and the domain.

Coordinates are WGS-84 ``(lon, lat)`` pairs, as in :mod:`commandcenter.shapes.map`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

LonLat = tuple[float, float]


class WarningKind(StrEnum):
    RECURRENCE = "recurrence"            # same category, same place, N times in D days (closed cases count)
    REPEAT_CALLER = "repeat_caller"      # one phone number reporting related matters again and again
    DISPUTE_PAIR = "dispute_pair"        # the same parties in repeated disputes at one address
    RISING_TREND = "rising_trend"        # a grid/community/street above its own baseline beyond chance
    CLUSTER = "cluster"                  # a space-time cluster of one category across grid boundaries
    CHRONIC_LATENESS = "chronic_lateness"  # a department or street below the on-time threshold for K days


class WarningStatus(StrEnum):
    OPEN = "open"                  # raised, nobody has acted on it yet
    ACKNOWLEDGED = "acknowledged"  # a supervisor has seen it and noted why it needs no action now
    ACTED = "acted"                # a supervisor opened a patrol task or a case for it
    DISMISSED = "dismissed"        # a supervisor judged it a false alarm, with a reason


@dataclass(frozen=True, slots=True)
class WarningItem:
    """One warning as the wall's list, the map layer and the briefing show it."""

    id: int
    kind: WarningKind
    status: WarningStatus
    # what the warning is about, in words fit for a list: a grid or community name, an address,
    # a masked phone number, a department name
    subject: str
    category_code: str | None      # None for kinds that span categories (chronic lateness)
    grid_ids: tuple[int, ...]      # the grids the evidence lies in (for the map layer)
    case_ids: tuple[int, ...]      # the evidence, oldest first
    raised_at: datetime            # when it first fired (UTC)
    last_evidence_at: datetime     # the newest evidence case's report time (UTC)
    centroid: LonLat | None = None
    outline: tuple[LonLat, ...] = ()   # a cluster's hull; empty for the other kinds
    # the figures that explain it, e.g. {"count": 4, "days": 30} or {"observed": 11,
    # "expected": 3.2, "p_value": 0.0004}; keys are stable identifiers, values plain numbers or text
    evidence: Mapping[str, float | int | str] = field(default_factory=dict)
    action_note: str = ""          # the supervisor's note or dismissal reason
    acted_by: str | None = None    # display name of the supervisor who acted
    acted_at: datetime | None = None
    linked_case_id: int | None = None  # the case or patrol task opened for it


@dataclass(frozen=True, slots=True)
class WarningRun:
    """What one detector run did: the full recomputation's summary (CLI, benchmark, briefing)."""

    as_of: datetime
    cases_read: int
    findings: int
    raised: int
    reopened: int
    updated: int
    unchanged: int
    open_by_kind: Mapping[WarningKind, int]
    seconds: float


@dataclass(frozen=True, slots=True)
class WarningDigest:
    """The daily briefing's warnings section: a centre's open warnings by kind, and the top ones."""

    counts: Mapping[WarningKind, int]
    top: tuple[WarningItem, ...]
