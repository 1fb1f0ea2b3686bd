"""Reading the detectors' case facts from the database: around a few cases, or a whole window.

Every read goes through an index: one category's cases by report time
(`ix_case_category_reported`), one caller's by phone (`ix_case_reporter_phone`, and the cases
it called about again after someone else by `ix_case_reporter_phone_no`), the disputes at
an address through the case search's trigram index on SQLite (`at_addresses`), so the
incremental path reads a few hundred rows however large the history. Rejected and merged
cases are not evidence (an invalid report, a duplicate of one already counted); drill cases
count on a demo database only, as in every figure. Phones and names become opaque keys here.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import (
    ColumnElement,
    CompoundSelect,
    Integer,
    Select,
    and_,
    bindparam,
    column,
    literal_column,
    or_,
    select,
    table,
    type_coerce,
    union,
)
from sqlalchemy.orm import Session

from ...caches import CacheKey
from ...db import Database
from ...domain.entities import Entity
from ...domain.enums import CaseStatus
from ...domain.warnings import CaseFact, DueFact
from ...geometry.projection import METRES_PER_DEGREE_LAT
from ...migrations.search_schema import SEARCH_TABLE
from ...models import Case, CaseReporter, Category, Community, Grid
from ..drill_scope import counted_in_figures

_EXCLUDED = (CaseStatus.REJECTED.value, CaseStatus.MERGED.value)
TRIGRAM = 3  # the case search index's token: the shortest text it can look up


@dataclass(frozen=True)
class Places:
    """Each grid's community and street, and the category codes by id (cached per database)."""

    community: dict[int, int]
    street: dict[int, int]
    category_code: dict[int, str]
    category_id: dict[str, int]


PLACES: CacheKey[Places] = CacheKey("warning_places", frozenset({Entity.GRID, Entity.CATEGORY}))


def places(db: Database) -> Places:
    def build() -> Places:
        with db.read() as s:
            grids = s.execute(select(Grid.id, Grid.community_id, Community.street_id)
                              .join(Community, Community.id == Grid.community_id)).all()
            cats = s.execute(select(Category.id, Category.code)).all()
        return Places({g: c for g, c, _ in grids}, {g: st for g, _, st in grids}, {i: c for i, c in cats},
                      {c: i for i, c in cats})
    return db.caches.get(PLACES, build)


@lru_cache(maxsize=65_536)  # a full run meets the same callers again and again
def opaque(text: str) -> str:
    """A stable key for a phone number or a name that does not show it (empty stays empty)."""
    if not text:
        return ""
    return hashlib.sha256(text.encode()).hexdigest()[:20]


@lru_cache(maxsize=65_536)
def phone_key(phone: str) -> str:
    """The caller's key: the digits only, so '0594-2345678' and '05942345678' are one caller."""
    return opaque("".join(ch for ch in phone if ch.isdigit()))


_REPORTED = type_coerce(Case.reported_at, Integer)
_COLUMNS = (Case.id, Case.category_id, Case.grid_id, Case.lon, Case.lat, _REPORTED, Case.address,
            Case.reporter_phone, Case.reporter_name, Case.centre_id)


@dataclass
class FactSet:
    """Facts read so far, each case once, each case's centre (a warning's scope), and the
    focus cases' phone numbers (to look their callers up by the phone index)."""

    facts: dict[int, CaseFact]
    centres: dict[int, int]
    phones: dict[int, str]

    @classmethod
    def empty(cls) -> FactSet:
        return cls({}, {}, {})

    def values(self) -> list[CaseFact]:
        return list(self.facts.values())


def _counted(*where: ColumnElement[bool]) -> Select[Any]:
    return select(*_COLUMNS).where(Case.status.notin_(_EXCLUDED), counted_in_figures(), *where)


def _window(start: str = "start", end: str = "end") -> ColumnElement[bool]:
    return and_(Case.reported_at > bindparam(start), Case.reported_at <= bindparam(end))


# built once: the incremental path runs a few of these per new case, and building a statement
# costs more than SQLite takes to answer it
BY_ID = _counted(Case.id.in_(bindparam("ids", expanding=True)))
NEAR = _counted(Case.category_id == bindparam("category"), _window(),
                Case.lon.between(bindparam("lon0"), bindparam("lon1")),
                Case.lat.between(bindparam("lat0"), bindparam("lat1")))
# the cases these phones reported or called about again (each once), each arm through its
# phone index (an OR of the two tests, or an IN over both, made SQLite walk the whole window by
# report time instead)
BY_PHONE = union(
    _counted(Case.reporter_phone.in_(bindparam("phones", expanding=True)), _window()),
    _counted(CaseReporter.phone.in_(bindparam("phones", expanding=True)), _window())
    .select_from(CaseReporter).join(Case, Case.id == CaseReporter.case_id))
# the further callers (case_reporter) of some cases, or of every case reported in a window
FURTHER_BY_ID = select(CaseReporter.case_id, CaseReporter.phone).where(
    CaseReporter.case_id.in_(bindparam("ids", expanding=True)), CaseReporter.phone != "")
FURTHER_IN_WINDOW = select(CaseReporter.case_id, CaseReporter.phone).join(Case, Case.id == CaseReporter.case_id) \
    .where(_window(), CaseReporter.phone != "")
BY_ADDRESS = _counted(Case.category_id.in_(bindparam("categories", expanding=True)),
                      Case.address.in_(bindparam("addresses", expanding=True)), _window())
# the same, its candidates first looked up in the case search's trigram index (SQLite, 0017):
# no index holds the address, and walking the dispute categories' window by report time read
# some 12,000 rows at Putian scale for the one or two at an address (15 ms of a 20 ms update).
# `+ 0` keeps SQLite's planner off the category and time indexes, which it would still prefer.
BY_ADDRESS_INDEXED = _counted(
    Case.id.in_(select(table(SEARCH_TABLE, column("rowid")).c.rowid)
                .where(literal_column(SEARCH_TABLE).op("MATCH")(bindparam("match")))),
    (type_coerce(Case.category_id, Integer) + 0).in_(bindparam("categories", expanding=True)),
    Case.address.in_(bindparam("addresses", expanding=True)),
    _REPORTED + 0 > bindparam("start"), _REPORTED + 0 <= bindparam("end"))
WINDOW = _counted(_window())
WINDOW_IN = _counted(Case.category_id.in_(bindparam("categories", expanding=True)), _window())


@lru_cache(maxsize=8)
def banded(bands: int, *, all_categories: bool) -> Select[Any]:
    """Cases in `bands` (start, end] bands (parameters a0, b0, a1, b1 …), of some categories or all."""
    ranges = or_(*(_window(f"a{k}", f"b{k}") for k in range(bands)))
    if all_categories:
        return _counted(ranges)
    return _counted(Case.category_id.in_(bindparam("categories", expanding=True)), ranges)


def band_params(windows: Sequence[tuple[int, int]]) -> dict[str, int]:
    return {f"{x}{k}": v for k, (a, b) in enumerate(windows) for x, v in (("a", a), ("b", b))}


def at_addresses(s: Session, p: Places, into: FactSet, addresses: Sequence[str], **params: Any) -> list[CaseFact]:
    """The counted cases at exactly one of `addresses` (`BY_ADDRESS`'s other parameters in
    `params`), through the trigram index where the database has one."""
    match = _trigram_match(addresses) if s.get_bind().dialect.name == "sqlite" else None
    if match is None:
        return read(s, p, into, BY_ADDRESS, addresses=list(addresses), **params)
    return read(s, p, into, BY_ADDRESS_INDEXED, addresses=list(addresses), match=match, **params)


def _trigram_match(addresses: Sequence[str]) -> str | None:
    """An FTS5 query that every case at one of `addresses` matches: per address, its trigrams
    side by side, the last one ending it (an AND of them, without the phrase's position checks,
    costs a third as much); the exact comparison stays in the SQL. None when an address is too
    short to hold a trigram."""
    if not addresses or any(len(a) < TRIGRAM for a in addresses):
        return None
    per_address = []
    for a in addresses:
        starts = sorted({*range(0, len(a) - TRIGRAM + 1, TRIGRAM), len(a) - TRIGRAM})
        per_address.append("(" + " AND ".join(_phrase(a[i:i + TRIGRAM]) for i in starts) + ")")
    return "address : (" + " OR ".join(per_address) + ")"


def _phrase(text: str) -> str:
    """A quoted FTS5 string: no character of `text` is query syntax."""
    return '"' + text.replace('"', '""') + '"'


def read(s: Session, p: Places, into: FactSet, statement: Select[Any] | CompoundSelect, **params: Any
         ) -> list[CaseFact]:
    """The counted cases `statement` selects, added to `into`; returns those read."""
    out = []
    # through the connection: a Core select needs none of the ORM session's per-statement work
    for cid, cat, grid, lon, lat, at, address, phone, name, centre in s.connection().execute(statement, params):
        fact = into.facts.get(cid)
        if fact is None:
            fact = CaseFact(cid, p.category_code[cat], grid, p.community[grid], p.street[grid], lon, lat, at,
                            address or "", phone_key(phone or ""), opaque(name or ""))
            into.facts[cid] = fact
            into.centres[cid] = centre
            if phone:
                into.phones[cid] = phone
        out.append(fact)
    return out


def further_callers(s: Session, into: FactSet, facts: list[CaseFact], statement: Select[Any],
                    **params: Any) -> tuple[list[CaseFact], set[str]]:
    """`facts` with the further callers `statement` finds for them (`CaseFact.callers`, updated in
    `into` too), and those callers' phone numbers."""
    found: dict[int, set[str]] = {}
    phones = set()
    for cid, phone in s.connection().execute(statement, params):
        found.setdefault(cid, set()).add(phone)
        phones.add(phone)
    out = []
    for f in facts:
        more = found.get(f.id)
        if more:
            keys = tuple(sorted({phone_key(x) for x in more} - {f.caller, ""}))
            if keys != f.callers:
                f = into.facts[f.id] = replace(f, callers=keys)
        out.append(f)
    return out, phones


def box(lon: float, lat: float, metres: float) -> dict[str, float]:
    """A lon/lat box around a point, `metres` each way (the detector measures exactly)."""
    dlat = metres / METRES_PER_DEGREE_LAT
    dlon = dlat / max(math.cos(math.radians(lat)), 0.01)
    return {"lon0": lon - dlon, "lon1": lon + dlon, "lat0": lat - dlat, "lat1": lat + dlat}


def categories_of(p: Places, codes: Iterable[str]) -> list[int]:
    return [p.category_id[c] for c in codes if c in p.category_id]


def dispute_category_ids(p: Places, major: str) -> list[int]:
    return [i for c, i in p.category_id.items() if len(c) > 2 and c[:2] == major]


def due_facts(s: Session, p: Places, last_day: date, days: int, tz: ZoneInfo, now: int) -> tuple[list[DueFact],
                                                                                                   dict[int, int]]:
    """Cases due to close on the `days` local days ending with `last_day`, once per department
    and once per street; on time = closed by the assessment deadline (as 按期结案率 counts)."""
    first = datetime.combine(last_day - timedelta(days=days - 1), datetime.min.time(), tz)
    end = datetime.combine(last_day + timedelta(days=1), datetime.min.time(), tz)
    deadline = type_coerce(Case.assess_deadline_at, Integer)
    closed = type_coerce(Case.closed_at, Integer)
    rows = s.execute(select(Case.id, Case.assignee_department_id, Case.grid_id, deadline, closed, Case.centre_id)
                     .where(Case.assess_deadline_at >= first, Case.assess_deadline_at < end,
                            Case.status.notin_(_EXCLUDED), counted_in_figures())).all()
    out, centres = [], {}
    for cid, department, grid, due_at, closed_at, centre in rows:
        if due_at > now:
            continue
        day = datetime.fromtimestamp(due_at, tz).date()
        on_time = closed_at is not None and closed_at <= due_at
        centres[cid] = centre
        out.append(DueFact(cid, ("street", p.street[grid]), day, on_time, due_at))
        if department is not None:
            out.append(DueFact(cid, ("department", department), day, on_time, due_at))
    return out, centres
