"""Likely duplicates of a case being registered: the same category, near, recent, still open.

The same pothole is reported five times; before saving, intake offers the open cases of the same
category within the rules' distance and time (`DuplicateRules`, kept in `app_meta` and set by an
administrator). The search reads the category and report-time index, narrows by a bounding box
in SQL, then measures the great-circle distance of the few rows left. Candidates are ranked by
distance in 25 m bands (a caller's location is rarely better than that), the descriptions'
likeness breaking ties within a band, the most recent first after that.
"""

from __future__ import annotations

import math
from datetime import datetime, timedelta
from difflib import SequenceMatcher

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...domain.enums import OPEN_STATUS_VALUES
from ...geometry.projection import METRES_PER_DEGREE_LAT, haversine_m
from ...models import AppMeta, Case
from ...shapes.intake import DuplicateCandidate, DuplicateRules

RADIUS_KEY = "intake.duplicate_radius_m"
WINDOW_KEY = "intake.duplicate_window_hours"
BAND_M = 25.0  # distances closer than this count as the same place; the text decides between them
MAX_CANDIDATES = 8


def read_rules(s: Session) -> DuplicateRules:
    """The rules as an administrator left them, the defaults where none were set."""
    values = {k: v for k, v in s.execute(select(AppMeta.key, AppMeta.value)
                                          .where(AppMeta.key.in_((RADIUS_KEY, WINDOW_KEY))))}
    default = DuplicateRules()
    return DuplicateRules(radius_m=float(values.get(RADIUS_KEY, default.radius_m)),
                          window_hours=float(values.get(WINDOW_KEY, default.window_hours)))


def write_rules(s: Session, rules: DuplicateRules) -> None:
    for key, value in ((RADIUS_KEY, rules.radius_m), (WINDOW_KEY, rules.window_hours)):
        s.merge(AppMeta(key=key, value=repr(float(value))))


def similarity(a: str, b: str) -> float:
    """How alike two descriptions read, 0..1 (character-based: Chinese has no spaces to split on)."""
    if not a.strip() or not b.strip():
        return 0.0
    return SequenceMatcher(None, a.strip(), b.strip(), autojunk=False).ratio()


def bounding_box(lon: float, lat: float, radius_m: float) -> tuple[float, float, float, float]:
    """(min_lon, min_lat, max_lon, max_lat) around a point: a cheap first cut before distances."""
    dlat = radius_m / METRES_PER_DEGREE_LAT
    dlon = dlat / max(math.cos(math.radians(lat)), 1e-6)
    return lon - dlon, lat - dlat, lon + dlon, lat + dlat


def find(s: Session, centre_ids: tuple[int, ...], rules: DuplicateRules, category_id: int, lon: float, lat: float,
         description: str, at: datetime) -> list[DuplicateCandidate]:
    """Open cases of `centre_ids` that may be the problem being reported at (`lon`, `lat`) at `at`."""
    min_lon, min_lat, max_lon, max_lat = bounding_box(lon, lat, rules.radius_m)
    since = at - timedelta(hours=rules.window_hours)
    rows = s.execute(
        select(Case.id, Case.case_number, Case.status, Case.reported_at, Case.lon, Case.lat, Case.description,
               Case.address, Case.version)
        .where(Case.category_id == category_id, Case.reported_at >= since, Case.reported_at <= at,
               Case.lon.between(min_lon, max_lon), Case.lat.between(min_lat, max_lat),
               Case.status.in_(OPEN_STATUS_VALUES), Case.centre_id.in_(centre_ids))
    )
    found = []
    for r in rows:
        distance = haversine_m(lon, lat, r.lon, r.lat)
        if distance <= rules.radius_m:
            found.append(DuplicateCandidate(
                case_id=r.id, case_number=r.case_number, status=r.status, reported_at=r.reported_at,
                distance_m=distance, similarity=similarity(description, r.description), description=r.description,
                address=r.address, version=r.version))
    found.sort(key=lambda c: (c.distance_m // BAND_M, -c.similarity, -c.reported_at.timestamp()))
    return found[:MAX_CANDIDATES]
