"""What the detectors read (case facts) and what they return (findings)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from ...shapes.warnings import WarningKind

LonLat = tuple[float, float]


def major_of(category: str) -> str:
    """The major class of a two-level category code ("1201" -> "12"): 'related' matters share it."""
    return category[:2]


@dataclass(frozen=True, slots=True)
class CaseFact:
    """One case as the detectors see it; times are UTC epoch seconds.

    `caller` and `party` are opaque keys (the service hashes the reporter's phone and name), so
    no detector ever holds personal data; empty when the report had none. `callers` are the
    further callers about the case (a call merged into it at intake, a merged duplicate's
    reporter), keyed the same way: each of them called about this matter too.
    """

    id: int
    category: str  # the minor class code, e.g. "1201"
    grid_id: int
    community_id: int
    street_id: int
    lon: float
    lat: float
    reported_at: int
    address: str = ""
    caller: str = ""
    party: str = ""
    callers: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class DueFact:
    """One case due to close on `day` (its assessment deadline's local day) for one unit.

    `unit` is ("department", id) or ("street", id); on time = closed by the deadline.
    """

    case_id: int
    unit: tuple[str, int]
    day: date
    on_time: bool
    due_at: int


@dataclass(frozen=True)
class Finding:
    """One pattern a detector found, before it is stored.

    `key` identifies the pattern across runs for the kinds with a natural identity (a caller, a
    unit, an address); the spatial kinds (recurrence, cluster) are matched by the service to an
    earlier warning within `match_m` metres of `centroid` or sharing a case, since a place has
    no key of its own. `subject` names what it is about as (level, id-or-text) for the service
    to turn into words.
    """

    kind: WarningKind
    key: str
    category: str | None
    case_ids: tuple[int, ...]
    grid_ids: tuple[int, ...]
    last_evidence_at: int
    subject: tuple[str, int | str]
    evidence: Mapping[str, float | int | str] = field(default_factory=dict)
    centroid: LonLat | None = None
    outline: tuple[LonLat, ...] = ()
    match_m: float = 0.0


def centroid_of(facts: list[CaseFact] | tuple[CaseFact, ...]) -> LonLat:
    n = len(facts)
    return (sum(f.lon for f in facts) / n, sum(f.lat for f in facts) / n)


def grids_of(facts: list[CaseFact] | tuple[CaseFact, ...]) -> tuple[int, ...]:
    return tuple(sorted({f.grid_id for f in facts}))


def ids_of(facts: list[CaseFact] | tuple[CaseFact, ...]) -> tuple[int, ...]:
    """Case ids oldest first (report time, then id), as WarningItem.case_ids wants them."""
    return tuple(f.id for f in sorted(facts, key=lambda f: (f.reported_at, f.id)))
