"""The lists dialogs choose from: categories, the area tree, officers, departments, merge targets.

Plain frozen dataclasses, no Qt. What changes only when an administrator edits reference data
(categories, streets/communities/grids, officer and department names) is read once per opened
database and kept in ``db.caches`` until the change log names them; what changes all shift long (duty status, open case counts,
open cases) is read fresh on every call.

Every choice carries the pinyin initials of its Chinese name (路灯不亮 → ``ldbl``), because
call-takers type those faster than characters; `search_categories` and `search_assignees`
rank matches the same way for every picker.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import lru_cache
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import InstrumentedAttribute, aliased

from ..caches import CacheKey
from ..db import Database
from ..domain.entities import Entity
from ..domain.enums import OPEN_STATUS_VALUES
from ..domain.privacy import mask_address
from ..models import Case, Category, Community, Department, Grid, Officer, Street
from .case_queries import open_case_counts
from .personal_data import sees_personal_data

if TYPE_CHECKING:
    from .auth import Principal


@lru_cache(maxsize=8192)
def pinyin_initials(text: str) -> str:
    """Lower-case pinyin initials of the Chinese characters (other characters kept as they are)."""
    # pypinyin loads its phrase dictionary (about half a second) on import: not at start-up
    from pypinyin import Style, lazy_pinyin

    return "".join(lazy_pinyin(text, style=Style.FIRST_LETTER)).lower().replace(" ", "")


# ---- categories --------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class CategoryChoice:
    """A minor category as the new-case dialog lists it."""

    id: int
    code: str
    name_zh: str
    name_en: str
    major_code: str
    major_zh: str
    major_en: str

    @property
    def initials(self) -> str:
        """Computed when first searched, so listing categories (the wall's filter) needs no pypinyin."""
        return pinyin_initials(self.name_zh)


CATEGORIES: CacheKey[tuple[CategoryChoice, ...]] = CacheKey("reference.categories", frozenset({Entity.CATEGORY}))


def category_choices(db: Database) -> tuple[CategoryChoice, ...]:
    """Every minor category, ordered by code (cached per opened database)."""
    def build() -> tuple[CategoryChoice, ...]:
        major = aliased(Category)
        with db.read() as s:
            rows = s.execute(
                select(Category.id, Category.code, Category.name_zh, Category.name_en,
                       major.code, major.name_zh, major.name_en)
                .join(major, major.id == Category.parent_id)
                .where(Category.level == 2)
                .order_by(Category.code)
            ).all()
        return tuple(CategoryChoice(r[0], r[1], r[2], r[3], r[4], r[5], r[6]) for r in rows)

    return db.caches.get(CATEGORIES, build)


def _rank(query: str, code: str, zh: str, en: str, initials: str, extra_zh: str = "") -> int | None:
    """0 = best; None = no match. Exact code or initials first, then prefixes, then substrings."""
    q = query.strip().lower()
    if not q:
        return 0
    en = en.lower()
    if q == code.lower() or q == initials:
        return 0
    if code.lower().startswith(q):
        return 1
    if initials.startswith(q) or zh.startswith(q):
        return 2
    if any(word.startswith(q) for word in en.replace("-", " ").split()):
        return 3
    if q in zh or q in initials:
        return 4
    if q in en:
        return 5
    if extra_zh and q in extra_zh:
        return 6
    return None


def search_categories(choices: Iterable[CategoryChoice], query: str) -> list[CategoryChoice]:
    """Categories matching a code, Chinese, English or pinyin-initials query, best first."""
    ranked = []
    for c in choices:
        rank = _rank(query, c.code, c.name_zh, c.name_en, c.initials, c.major_zh)
        if rank is not None:
            ranked.append((rank, c.code, c))
    ranked.sort(key=lambda t: (t[0], t[1]))
    return [c for _, _, c in ranked]


# ---- the area tree -----------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class GridNode:
    id: int
    code: str
    name: str
    community_id: int
    street_id: int
    centroid_lon: float
    centroid_lat: float


@dataclass(frozen=True, slots=True)
class CommunityNode:
    id: int
    code: str
    name: str
    street_id: int
    grids: tuple[GridNode, ...]


@dataclass(frozen=True, slots=True)
class StreetNode:
    id: int
    code: str
    name: str
    communities: tuple[CommunityNode, ...]


@dataclass(frozen=True)
class AreaTree:
    """Streets → communities → unit grids, ordered by code, with lookups by id."""

    streets: tuple[StreetNode, ...]
    _streets: dict[int, StreetNode] = field(init=False, repr=False, compare=False)
    _communities: dict[int, CommunityNode] = field(init=False, repr=False, compare=False)
    _grids: dict[int, GridNode] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # frozen: the lookups are filled once here and never change
        object.__setattr__(self, "_streets", {st.id: st for st in self.streets})
        object.__setattr__(self, "_communities", {c.id: c for st in self.streets for c in st.communities})
        object.__setattr__(self, "_grids", {g.id: g for st in self.streets for c in st.communities
                                            for g in c.grids})

    def street(self, street_id: int) -> StreetNode:
        return self._streets[street_id]

    def community(self, community_id: int) -> CommunityNode:
        return self._communities[community_id]

    def grid(self, grid_id: int) -> GridNode:
        return self._grids[grid_id]


AREA_TREE: CacheKey[AreaTree] = CacheKey("reference.area_tree", frozenset({Entity.GRID}))


def area_tree(db: Database) -> AreaTree:
    """The whole hierarchy below the districts (cached per opened database)."""
    def build() -> AreaTree:
        with db.read() as s:
            streets = s.execute(select(Street.id, Street.code, Street.name).order_by(Street.code)).all()
            communities = s.execute(
                select(Community.id, Community.code, Community.name, Community.street_id).order_by(Community.code)
            ).all()
            grids = s.execute(
                select(Grid.id, Grid.code, Grid.name, Grid.community_id, Grid.centroid_lon, Grid.centroid_lat)
                .order_by(Grid.code)
            ).all()
        street_of = {c.id: c.street_id for c in communities}
        grids_of: dict[int, list[GridNode]] = {}
        for g in grids:
            grids_of.setdefault(g.community_id, []).append(
                GridNode(g.id, g.code, g.name, g.community_id, street_of[g.community_id], g.centroid_lon,
                         g.centroid_lat)
            )
        communities_of: dict[int, list[CommunityNode]] = {}
        for c in communities:
            communities_of.setdefault(c.street_id, []).append(
                CommunityNode(c.id, c.code, c.name, c.street_id, tuple(grids_of.get(c.id, ())))
            )
        return AreaTree(tuple(StreetNode(st.id, st.code, st.name, tuple(communities_of.get(st.id, ())))
                              for st in streets))

    return db.caches.get(AREA_TREE, build)


# ---- officers and departments ------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class AssigneeChoice:
    """An officer or a department a case can be dispatched to, with its current load."""

    kind: str  # "officer" | "department"
    id: int
    name: str
    code: str  # employee number or department code
    initials: str
    duty_status: str | None  # None for departments
    open_cases: int


_Name = tuple[int, str, str, str]  # id, name, employee number or code, pinyin initials
OFFICER_NAMES: CacheKey[list[_Name]] = CacheKey("reference.officers", frozenset({Entity.OFFICER}))
DEPARTMENT_NAMES: CacheKey[list[_Name]] = CacheKey("reference.departments", frozenset({Entity.DEPARTMENT}))


def _open_counts(db: Database, column: InstrumentedAttribute[int | None]) -> dict[int, int]:
    with db.read() as s:
        return open_case_counts(s, column)


def officer_choices(db: Database) -> list[AssigneeChoice]:
    """Every officer with duty status and open case count now, ordered by employee number."""
    def build() -> list[_Name]:
        with db.read() as s:
            return [
                (r.id, r.name, r.employee_no, r.pinyin_initials or pinyin_initials(r.name))
                for r in s.execute(
                    select(Officer.id, Officer.name, Officer.employee_no, Officer.pinyin_initials)
                    .order_by(Officer.employee_no)
                )
            ]

    names = db.caches.get(OFFICER_NAMES, build)
    with db.read() as s:
        duty = dict(s.execute(select(Officer.id, Officer.duty_status)).all())
    counts = _open_counts(db, Case.assignee_officer_id)
    return [AssigneeChoice("officer", oid, name, no, ini, duty.get(oid), counts.get(oid, 0))
            for oid, name, no, ini in names]


def department_choices(db: Database) -> list[AssigneeChoice]:
    """Every department with its open case count now, ordered by code."""
    def build() -> list[_Name]:
        with db.read() as s:
            return [
                (r.id, r.name, r.code, pinyin_initials(r.name))
                for r in s.execute(select(Department.id, Department.name, Department.code).order_by(Department.code))
            ]

    names = db.caches.get(DEPARTMENT_NAMES, build)
    counts = _open_counts(db, Case.assignee_department_id)
    return [AssigneeChoice("department", did, name, code, ini, None, counts.get(did, 0))
            for did, name, code, ini in names]


def search_assignees(choices: Iterable[AssigneeChoice], query: str) -> list[AssigneeChoice]:
    """Officers and departments matching a name, number or pinyin-initials query, best first."""
    ranked = []
    for i, c in enumerate(choices):
        rank = _rank(query, c.code, c.name, "", c.initials)
        if rank is not None:
            ranked.append((rank, i, c))
    ranked.sort(key=lambda t: (t[0], t[1]))
    return [c for _, _, c in ranked]


# ---- merge targets -----------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class OpenCaseChoice:
    """An open case a duplicate can be merged into."""

    id: int
    case_number: str
    category_code: str
    category_zh: str
    category_en: str
    reported_at: datetime
    status: str
    grid_code: str
    address: str
    description: str


def open_case_choices(db: Database, centre_ids: Sequence[int], grid_id: int | None = None,
                      exclude_id: int | None = None, limit: int = 300,
                      viewer: Principal | None = None) -> list[OpenCaseChoice]:
    """Open cases of the centres (optionally one grid), newest first, at most `limit`; addresses
    masked unless `viewer` may see personal data."""
    stmt = (
        select(Case.id, Case.case_number, Category.code, Category.name_zh, Category.name_en, Case.reported_at,
               Case.status, Grid.code, Case.address, func.substr(Case.description, 1, 120))
        .join(Category, Category.id == Case.category_id)
        .join(Grid, Grid.id == Case.grid_id)
        .where(Case.centre_id.in_(list(centre_ids)), Case.status.in_(OPEN_STATUS_VALUES))
        .order_by(Case.reported_at.desc(), Case.id.desc())
        .limit(limit)
    )
    if grid_id is not None:
        stmt = stmt.where(Case.grid_id == grid_id)
    if exclude_id is not None:
        stmt = stmt.where(Case.id != exclude_id)
    with db.read() as s:
        choices = [OpenCaseChoice(*r) for r in s.execute(stmt)]
    if sees_personal_data(db, viewer):
        return choices
    return [replace(c, address=mask_address(c.address)) for c in choices]
