"""What a dispatch slip (派遣单) prints: one case for the officer or department sent to it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

Ring = tuple[tuple[float, float], ...]  # lon, lat


@dataclass(frozen=True, slots=True)
class SlipGrid:
    """A unit grid drawn on the slip's small map: the case's own and its neighbours."""

    code: str
    name: str
    rings: tuple[Ring, ...]  # exteriors of the grid's polygons
    own: bool


@dataclass(frozen=True)
class DispatchSlip:
    """One case as its handler needs it on paper; personal data already masked for the printer."""

    centre_name: str
    timezone: str
    case_number: str
    category_zh: str
    category_en: str
    priority: str
    status: str
    source: str
    description: str
    address: str
    street: str
    community: str
    grid_code: str
    grid_name: str
    lon: float
    lat: float
    reported_at: datetime
    dispatched_at: datetime | None
    deadline_at: datetime | None  # the handling deadline, else the current stage's
    contact_name: str
    contact_phone: str
    contact_hidden: bool  # an anonymous or confidential reporter: never printed
    handler_name: str
    handler_phone: str
    hotline_number: str
    hotline_due_at: datetime | None
    grids: tuple[SlipGrid, ...]
    printed_by: str
    printed_at: datetime
