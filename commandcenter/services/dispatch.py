"""Dispatch recommendations: who should take a case, and why, in plain words.

`recommend(db, case_id)` ranks departments routed for the case's category and grid officers.
The ranking is tiered so it reads the way a dispatcher reasons:

1. departments with a `DepartmentRoute` for the category (or its major class): a route scoped
   to the case's district before a city-wide one, then the less loaded department. Routing is
   a policy decision, so a routed department comes before any officer;
2. officers who are available (on duty or in the field) before every officer who is not (off
   duty, on leave): an unavailable officer never outranks an available one;
3. within a tier: responsible for the case's grid (+400), covering another grid of the same
   community (+100), fewer open assigned cases (−25 each, at most −500) and nearer (−1 per
   20 m from the last known position, at most −500; an unknown position counts −300).

Each recommendation carries stable `reason_codes` and the facts behind them (the category's
name in both languages); the presentation side words them (`commandcenter.dispatch_labels`:
"responsible for grid 35030200100101 · on duty · 2 open cases · 180 m away"), so this
module never needs the user's language.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db import Database
from ..domain.enums import AVAILABLE_DUTY
from ..errors import NotFound
from ..geometry.projection import haversine_m
from ..models import (
    Case,
    Category,
    Community,
    Department,
    DepartmentRoute,
    District,
    Grid,
    Officer,
    OfficerGrid,
    Street,
)
from .case_queries import open_case_counts

TIER_ROUTE_DISTRICT = 4000.0
TIER_ROUTE_CITY = 3900.0
TIER_AVAILABLE = 2000.0
RESPONSIBLE_BONUS = 400.0
COMMUNITY_BONUS = 100.0
PER_OPEN_CASE = 25.0
MAX_LOAD_PENALTY = 500.0
METRES_PER_POINT = 20.0
MAX_DISTANCE_PENALTY = 500.0
UNKNOWN_POSITION_PENALTY = 300.0
STALE_POSITION_SECONDS = 2 * 3600  # older positions are named in the reason, not trusted silently

# stable reason codes
RESPONSIBLE = "responsible"
SAME_COMMUNITY = "same_community"
NO_POSITION = "no_position"
DISTANCE = "distance"
STALE_POSITION = "stale_position"
OPEN_CASES = "open_cases"
ROUTE_DISTRICT = "route_district"
ROUTE_CITY = "route_city"


@dataclass(frozen=True, slots=True)
class ReasonFacts:
    """What the reasons name: the case's grid, community, category (both names) and district."""

    grid: str = ""
    community: str = ""
    category_zh: str = ""
    category_en: str = ""
    district: str = ""
    position_age_s: int | None = None


@dataclass(frozen=True, slots=True)
class Recommendation:
    kind: Literal["officer", "department"]
    id: int
    name: str
    reason_codes: tuple[str, ...]
    score: float
    distance_m: float | None
    open_cases: int
    duty_status: str | None
    facts: ReasonFacts = ReasonFacts()


@dataclass(frozen=True, slots=True)
class _CaseFacts:
    lon: float
    lat: float
    grid_id: int
    grid_code: str
    community_id: int
    community_name: str
    district_id: int
    district_name: str
    category_id: int
    category_parent_id: int | None
    category_zh: str
    category_en: str


def recommend(db: Database, case_id: int, limit: int = 5) -> list[Recommendation]:
    """Departments routed for the case's category and the best `limit` officers, best first.

    At most `limit` of each kind; departments (usually one or two) come first when routed.
    """
    now = db.clock.now()
    with db.read() as s:
        row = s.execute(
            select(Case.lon, Case.lat, Grid.id, Grid.code, Community.id, Community.name, District.id, District.name,
                   Category.id, Category.parent_id, Category.name_zh, Category.name_en)
            .join(Grid, Grid.id == Case.grid_id)
            .join(Community, Community.id == Grid.community_id)
            .join(Street, Street.id == Community.street_id)
            .join(District, District.id == Street.district_id)
            .join(Category, Category.id == Case.category_id)
            .where(Case.id == case_id)
        ).first()
        if row is None:
            raise NotFound("case", case_id)
        c = _CaseFacts(row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7], row[8], row[9],
                       row[10], row[11])
        departments = _departments(s, c)
        officers = _officers(s, c, now)
    facts = ReasonFacts(grid=c.grid_code, community=c.community_name, category_zh=c.category_zh,
                        category_en=c.category_en, district=c.district_name)
    ranked_departments = sorted(departments, key=lambda r: (-r.score, r.open_cases, r.name, r.id))[:limit]
    ranked_officers = sorted(
        officers, key=lambda r: (-r.score, r.distance_m if r.distance_m is not None else float("inf"), r.name, r.id)
    )[:limit]
    return [replace(rec, facts=replace(facts, position_age_s=rec.facts.position_age_s))
            for rec in (*ranked_departments, *ranked_officers)]


def _departments(s: Session, c: _CaseFacts) -> list[Recommendation]:
    categories = [c.category_id] + ([c.category_parent_id] if c.category_parent_id else [])
    routes = s.execute(
        select(Department.id, Department.name, DepartmentRoute.district_id)
        .join(DepartmentRoute, DepartmentRoute.department_id == Department.id)
        .where(DepartmentRoute.category_id.in_(categories))
        .where((DepartmentRoute.district_id.is_(None)) | (DepartmentRoute.district_id == c.district_id))
    ).all()
    if not routes:
        return []
    best: dict[int, tuple[str, bool]] = {}
    for dept_id, name, district_id in routes:
        scoped = district_id is not None
        best[dept_id] = (name, scoped or best.get(dept_id, (name, False))[1])
    loads = open_case_counts(s, Case.assignee_department_id, Case.assignee_department_id.in_(list(best)))
    out = []
    for dept_id, (name, scoped) in best.items():
        load = int(loads.get(dept_id, 0))
        tier = TIER_ROUTE_DISTRICT if scoped else TIER_ROUTE_CITY
        score = tier - min(MAX_LOAD_PENALTY, PER_OPEN_CASE * load)
        codes = (ROUTE_DISTRICT if scoped else ROUTE_CITY, OPEN_CASES)
        out.append(Recommendation("department", dept_id, name, codes, score, None, load, None))
    return out


def _officers(s: Session, c: _CaseFacts, now: datetime) -> list[Recommendation]:
    responsible = set(s.scalars(select(OfficerGrid.officer_id).where(OfficerGrid.grid_id == c.grid_id)))
    community = set(
        s.scalars(
            select(OfficerGrid.officer_id)
            .join(Grid, Grid.id == OfficerGrid.grid_id)
            .where(Grid.community_id == c.community_id)
        )
    )
    loads = open_case_counts(s, Case.assignee_officer_id)
    officers = s.execute(
        select(Officer.id, Officer.name, Officer.duty_status, Officer.last_lon, Officer.last_lat, Officer.last_seen_at)
    ).all()
    available = {d.value for d in AVAILABLE_DUTY}
    out = []
    for oid, name, duty, lon, lat, seen in officers:
        load = int(loads.get(oid, 0))
        codes: list[str] = []
        score = TIER_AVAILABLE if duty in available else 0.0
        if oid in responsible:
            codes.append(RESPONSIBLE)
            score += RESPONSIBLE_BONUS
        elif oid in community:
            codes.append(SAME_COMMUNITY)
            score += COMMUNITY_BONUS
        codes.append(duty)
        codes.append(OPEN_CASES)
        score -= min(MAX_LOAD_PENALTY, PER_OPEN_CASE * load)
        distance = None
        age = None
        if lon is None or lat is None:
            codes.append(NO_POSITION)
            score -= UNKNOWN_POSITION_PENALTY
        else:
            distance = haversine_m(lon, lat, c.lon, c.lat)
            codes.append(DISTANCE)
            score -= min(MAX_DISTANCE_PENALTY, distance / METRES_PER_POINT)
            if seen is not None:
                age = int((now - seen).total_seconds())
                if age > STALE_POSITION_SECONDS:
                    codes.append(STALE_POSITION)
        out.append(
            Recommendation("officer", oid, name, tuple(codes), score, distance, load, duty,
                           ReasonFacts(position_age_s=age))
        )
    return out
