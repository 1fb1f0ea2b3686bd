"""What an officer's page shows: their grids, open cases, duty changes and where they have been,
with places named (grid, community, street) rather than given as raw coordinates."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from .cases import CaseRow


@dataclass(frozen=True, slots=True)
class PlaceName:
    """The unit grid a point lies in, or the nearest one (`distance_m` > 0) when it lies outside."""

    grid_code: str
    grid_name: str
    community_name: str
    street_name: str
    distance_m: float = 0.0


@dataclass(frozen=True, slots=True)
class GridOutline:
    """One grid's outline (lon, lat pairs of its exterior ring) for the page's small map."""

    grid_id: int
    code: str
    name: str
    ring: tuple[tuple[float, float], ...]
    mine: bool  # the officer patrols it (the others are their communities' other grids)


@dataclass(frozen=True, slots=True)
class DutyEntry:
    at: datetime
    from_status: str
    to_status: str
    by_name: str  # the user who changed it ("" when none is recorded)


@dataclass(frozen=True, slots=True)
class PositionStay:
    """Consecutive position reports within one grid, from the first to the last of them."""

    first_at: datetime
    last_at: datetime
    reports: int
    lon: float  # the last report's
    lat: float
    place: PlaceName | None  # None: far from every grid


@dataclass(frozen=True, slots=True)
class OfficerPage:
    officer_id: int
    employee_no: str
    name: str
    phone: str
    duty_status: str
    last_seen_at: datetime | None
    last_place: PlaceName | None
    grids: tuple[GridOutline, ...]
    open_cases: tuple[CaseRow, ...]
    duty_history: tuple[DutyEntry, ...]  # newest first
    stays: tuple[PositionStay, ...]  # newest first
