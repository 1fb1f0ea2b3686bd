"""Plain map data handed from the database service to the map canvas.

These frozen dataclasses are the only shapes that cross from the data layer into
``commandcenter.widgets.map``: no Qt and no SQLAlchemy here, so the
service can fill them from PostGIS/GeoJSON rows and the widget can draw them
without touching a session.

All coordinates are WGS-84 longitude/latitude in degrees, ``(lon, lat)`` pairs.
A ring is a sequence of vertices; it need not repeat its first vertex at the end.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from ..domain.enums import DutyStatus, Priority

LonLat = tuple[float, float]
Ring = tuple[LonLat, ...]

BoundaryKind = Literal["community", "street"]

# the order the legend lists officers in: the available before the absent
DUTY_STATUSES: tuple[DutyStatus, ...] = (DutyStatus.ON_DUTY, DutyStatus.IN_FIELD, DutyStatus.OFF_DUTY,
                                         DutyStatus.ON_LEAVE)


@dataclass(frozen=True, slots=True)
class MapPolygon:
    """One simple polygon: an exterior ring and any number of hole rings."""

    exterior: Ring
    holes: tuple[Ring, ...] = ()


@dataclass(frozen=True, slots=True)
class MapGrid:
    """One unit grid (单元网格) as drawn on the map.

    ``exterior``/``holes`` describe the grid's main polygon. A grid split into
    several pieces (a multipolygon, e.g. cut by a river) lists the remaining
    pieces in ``parts``; :attr:`polygons` yields all of them.
    """

    grid_id: int
    code: str
    name: str
    community_id: int
    street_id: int
    exterior: Ring
    holes: tuple[Ring, ...] = ()
    parts: tuple[MapPolygon, ...] = ()

    @property
    def polygons(self) -> tuple[MapPolygon, ...]:
        """Every polygon of the grid, the main one first."""
        return (MapPolygon(self.exterior, self.holes), *self.parts)

    @classmethod
    def from_polygons(
        cls,
        grid_id: int,
        code: str,
        name: str,
        community_id: int,
        street_id: int,
        polygons: Sequence[MapPolygon],
    ) -> MapGrid:
        """Build a grid from a multipolygon, e.g. as read from GeoJSON/PostGIS."""
        if not polygons:
            raise ValueError(f"grid {grid_id} has no polygon")
        first, *rest = polygons
        return cls(
            grid_id, code, name, community_id, street_id, first.exterior, first.holes, tuple(rest)
        )


@dataclass(frozen=True, slots=True)
class MapBoundary:
    """The outline of a community (社区) or street (街道), drawn heavier than grids."""

    kind: BoundaryKind
    id: int
    name: str
    polygons: tuple[MapPolygon, ...]


@dataclass(frozen=True, slots=True)
class MapCaseMarker:
    """A case (案卷) located on the map, with the facts its tooltip names (`map_labels.case_summary`)."""

    case_id: int
    case_number: str
    lon: float
    lat: float
    priority: Priority
    status: str
    category_zh: str = ""
    category_en: str = ""
    address: str = ""
    description: str = ""  # on one line, clipped to a tooltip's length


@dataclass(frozen=True, slots=True)
class MapOfficerMarker:
    """A grid officer (网格员) at their last known position."""

    officer_id: int
    name: str
    lon: float
    lat: float
    duty_status: DutyStatus
    open_cases: int


@dataclass(frozen=True, slots=True)
class MapRoad:
    """A named road as a WGS-84 line, drawn under the grids' names and labelled at street zoom."""

    road_id: int
    name: str
    road_class: str  # "main" (arterial, drawn at every zoom) or "minor" (street zoom)
    points: tuple[LonLat, ...]
