"""A caller's and a place's earlier cases, for the call-taker while the call is on.

A repeat caller (same phone, as the first reporter or a merged-in one) and a place that keeps
coming back (cases within `PLACE_RADIUS_M`) are early warnings the call-taker should see before
deciding; both lists are short (the latest few) with the full count. Reads use the phone index
and the grid index (only the grids whose box touches the place's box are read).
"""

from __future__ import annotations

from sqlalchemy import func, select, union
from sqlalchemy.orm import Session

from ...geometry.projection import haversine_m
from ...models import Case, CaseReporter, Category, Grid
from ...shapes.intake import EarlierCase
from .duplicates import bounding_box

PLACE_RADIUS_M = 50.0
SHOWN = 10  # the latest cases listed; the count says how many there are in all
MIN_PHONE_DIGITS = 7  # shorter is still being typed (or a service number nobody owns)


def digits(phone: str) -> str:
    return "".join(ch for ch in phone if ch.isdigit())


def _columns():  # type: ignore[no-untyped-def]
    return (Case.id, Case.case_number, Case.reported_at, Case.status, Category.name_zh, Category.name_en,
            Case.description, Case.address, Case.lon, Case.lat)


def _earlier(r, distance: float | None = None) -> EarlierCase:  # type: ignore[no-untyped-def]
    return EarlierCase(case_id=r.id, case_number=r.case_number, reported_at=r.reported_at, status=r.status,
                       category_zh=r.name_zh, category_en=r.name_en, description=r.description, address=r.address,
                       distance_m=distance)


def by_phone(s: Session, centre_ids: tuple[int, ...], phone: str) -> tuple[int, list[EarlierCase]]:
    """Cases whose first or a further reporter called from `phone` (as typed, trimmed)."""
    phone = phone.strip()
    ids = union(select(Case.id).where(Case.reporter_phone == phone),
                select(CaseReporter.case_id).where(CaseReporter.phone == phone)).subquery()
    where = (Case.id.in_(select(ids.c[0])), Case.centre_id.in_(centre_ids), Case.merged_into_id.is_(None))
    count = s.scalar(select(func.count()).select_from(Case).where(*where)) or 0
    rows = s.execute(select(*_columns()).join(Category, Category.id == Case.category_id).where(*where)
                     .order_by(Case.reported_at.desc(), Case.id.desc()).limit(SHOWN))
    return int(count), [_earlier(r) for r in rows]


def by_place(s: Session, centre_ids: tuple[int, ...], lon: float, lat: float,
             radius_m: float = PLACE_RADIUS_M) -> tuple[int, list[EarlierCase]]:
    """Cases reported within `radius_m` of a point, nearest first among the latest."""
    min_lon, min_lat, max_lon, max_lat = bounding_box(lon, lat, radius_m)
    grids = select(Grid.id).where(Grid.min_lon <= max_lon, Grid.max_lon >= min_lon, Grid.min_lat <= max_lat,
                                  Grid.max_lat >= min_lat)
    rows = s.execute(
        select(*_columns()).join(Category, Category.id == Case.category_id)
        .where(Case.grid_id.in_(grids), Case.lon.between(min_lon, max_lon), Case.lat.between(min_lat, max_lat),
               Case.centre_id.in_(centre_ids), Case.merged_into_id.is_(None))
    )
    near = [(d, r) for r in rows if (d := haversine_m(lon, lat, r.lon, r.lat)) <= radius_m]
    near.sort(key=lambda pair: -pair[1].reported_at.timestamp())
    return len(near), [_earlier(r, d) for d, r in near[:SHOWN]]

