"""A scenario placed in one database's city: categories, places, grids and officers looked up.

`resolve_scenario` turns each timeline item into what the drill writes (a `NewCase`, an officer
id, a road's point) and refuses the scenario whole, with the line and the reason, for what the
city cannot play: an unknown category, grid code or officer, a point outside the drill's area, a
place not found where the item says `fallback: error`. A place found nowhere else falls back to
a grid drawn from the seed and the item's line, so one file plays on every demo scale; each
fallback is reported as a warning the trainer can read before starting.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

import shapely
from sqlalchemy import select

from ..db import Database
from ..domain.enums import Priority, SourceChannel
from ..errors import ScenarioInvalid
from ..i18n import QT_TRANSLATE_NOOP as N
from ..i18n import translate
from ..models import Category, Officer, OfficerGrid
from ..services.gazetteer.service import load_index
from ..shapes.cases import NewCase
from .drill_cases import DrillCity, DrillGrid, random_point_in
from .scenario import EventKind, Scenario, ScenarioCase, ScenarioEvent, Where


@dataclass(frozen=True)
class PlacedCase:
    """A scenario case (or the case an event raises) ready to write, with what the scenario intended."""

    item_index: int
    line: int
    at: float
    key: str
    new: NewCase
    register: bool
    grid_id: int  # the grid the scenario means (the debrief compares the operators' grid with it)


@dataclass(frozen=True)
class PlacedEvent:
    """A field event ready to play: the officers it names, the case it raises (a road closure)."""

    item_index: int
    line: int
    at: float
    event: ScenarioEvent
    officer_ids: tuple[int, ...] = ()
    raises: PlacedCase | None = None


@dataclass(frozen=True)
class PlacedScenario:
    """A scenario placed in a city: the timeline to play and the warnings (line, text) for the trainer."""

    scenario: Scenario
    timeline: tuple[PlacedCase | PlacedEvent, ...]
    warnings: tuple[tuple[int, str], ...]


def _t(template: str, **facts: object) -> str:
    return translate("scenario", template).format(**facts)


class _Placer:
    def __init__(self, db: Database, city: DrillCity, scenario: Scenario, seed: int) -> None:
        self.city, self.scenario, self.seed = city, scenario, seed
        self.problems: list[tuple[int, str]] = []
        self.warnings: list[tuple[int, str]] = []
        self.grids_by_id = {g.id: g for g in city.grids}
        self.grids_by_code = {g.code: g for g in city.grids}
        self.categories: dict[str, int] = {}
        with db.read() as s:
            for cid, code, name in s.execute(select(Category.id, Category.code, Category.name_zh)
                                             .where(Category.level == 2)):
                self.categories[code] = cid
                self.categories.setdefault(name, cid)
            self.officers: dict[str, list[int]] = {}
            for oid, name in s.execute(select(Officer.id, Officer.name).order_by(Officer.id)):
                self.officers.setdefault(name, []).append(oid)
            self.grid_officers: dict[int, list[int]] = {}
            for gid, oid in s.execute(select(OfficerGrid.grid_id, OfficerGrid.officer_id)
                                      .order_by(OfficerGrid.grid_id, OfficerGrid.officer_id)):
                self.grid_officers.setdefault(gid, []).append(oid)
        self.index = load_index(db)
        self._tree = shapely.STRtree([g.geometry for g in city.grids])

    def problem(self, line: int, template: str, **facts: object) -> None:
        self.problems.append((line, _t(template, **facts)))

    def category(self, line: int, name: str) -> int | None:
        cid = self.categories.get(name)
        if cid is None:
            self.problem(line, N("scenario", "unknown category '{name}' (a minor category's code or Chinese name)"),
                         name=name)
        return cid

    def grid_at(self, lon: float, lat: float) -> DrillGrid | None:
        for i in self._tree.query(shapely.points(lon, lat)):
            grid = self.city.grids[int(i)]
            if shapely.contains_xy(grid.geometry, lon, lat):
                return grid
        return None

    def place(self, line: int, where: Where) -> tuple[float, float, DrillGrid] | None:
        """Where an item happens: its point and grid, a fallback grid's point, or None (a problem)."""
        if where.lonlat is not None:
            grid = self.grid_at(*where.lonlat)
            if grid is None:
                self.problem(line, N("scenario", "the point {lon}, {lat} lies in none of the drill's grids"),
                             lon=where.lonlat[0], lat=where.lonlat[1])
                return None
            return where.lonlat[0], where.lonlat[1], grid
        if where.grid_code:
            grid = self.grids_by_code.get(where.grid_code)
            if grid is None:
                self.problem(line, N("scenario", "no grid has the code '{code}' in the drill's area"),
                             code=where.grid_code)
                return None
            lon, lat = random_point_in(grid.geometry, random.Random(f"scenario:{self.seed}:{line}"))
            return lon, lat, grid
        for name in where.places:
            for match in self.index.search(name, limit=8):
                grid = self.grids_by_id.get(match.grid_id or -1)
                if grid is not None and name in match.name:
                    return match.lon, match.lat, grid
        names = "、".join(where.places)
        if where.strict:
            self.problem(line, N("scenario", "no place called {names} in this database's gazetteer"), names=names)
            return None
        rng = random.Random(f"scenario:{self.seed}:{line}")
        grid = rng.choice(self.city.grids)
        self.warnings.append((line, _t(N("scenario", "{names} is not in this database's gazetteer: "
                                                     "placed in grid {code} ({community}) instead"),
                                       names=names, code=grid.code, community=grid.community)))
        lon, lat = random_point_in(grid.geometry, rng)
        return lon, lat, grid

    def case(self, index: int, item: ScenarioCase) -> PlacedCase | None:
        cid = self.category(item.line, item.category)
        where = self.place(item.line, item.where)
        if cid is None or where is None:
            return None
        lon, lat, grid = where
        address = item.address or f"{grid.street}{grid.community}"
        new = NewCase(source=item.channel, category_id=cid, priority=item.priority, description=item.description,
                      lon=lon, lat=lat, address=address, reporter_name=item.reporter_name,
                      reporter_phone=item.reporter_phone)
        return PlacedCase(index, item.line, item.at, item.key, new, item.register, grid.id)

    def event(self, index: int, item: ScenarioEvent) -> PlacedEvent | None:
        if item.kind in (EventKind.OFF_DUTY, EventKind.ON_DUTY):
            if item.officer:
                ids = self.officers.get(item.officer)
                if not ids:
                    self.problem(item.line, N("scenario", "no officer called '{name}'"), name=item.officer)
                    return None
                return PlacedEvent(index, item.line, item.at, item, officer_ids=(ids[0],))
            where = self.place(item.line, item.where)
            if where is None:
                return None
            ids = self.grid_officers.get(where[2].id, [])
            return PlacedEvent(index, item.line, item.at, item, officer_ids=tuple(ids[:1]))
        if item.kind == EventKind.ROAD_CLOSED:
            cid = self.category(item.line, item.category)
            where = self.place(item.line, item.where)
            if cid is None or where is None:
                return None
            lon, lat, grid = where
            road = "、".join(item.where.places[:1]) or f"{grid.community}"
            # case text is what a caller says, in the demo city's language, not the trainer's UI language
            description = item.description or f"{road}{item.reason}，道路已封闭，请尽快处置并做好绕行引导。"
            new = NewCase(source=SourceChannel.DUTY_LINE, category_id=cid, priority=item.priority,
                          description=description, lon=lon, lat=lat, address=road)
            raised = PlacedCase(index, item.line, item.at, "", new, True, grid.id)
            return PlacedEvent(index, item.line, item.at, item, raises=raised)
        return PlacedEvent(index, item.line, item.at, item)  # send_back / call_again: played on a case


def resolve_scenario(db: Database, city: DrillCity, scenario: Scenario, seed: int) -> PlacedScenario:
    """Place every timeline item in `city`; raises ScenarioInvalid listing each (line, reason)."""
    placer = _Placer(db, city, scenario, seed)
    placed: list[PlacedCase | PlacedEvent] = []
    for index, item in enumerate(scenario.timeline):
        one = placer.case(index, item) if isinstance(item, ScenarioCase) else placer.event(index, item)
        if one is not None:
            placed.append(one)
    if placer.problems:
        raise ScenarioInvalid(scenario.path or scenario.name, sorted(placer.problems))
    return PlacedScenario(scenario, tuple(placed), tuple(placer.warnings))


def repeat_call(case: PlacedCase, event: ScenarioEvent) -> NewCase:
    """The new report of a reporter calling again about `case`: same caller, same place (a duplicate)."""
    new = case.new
    text = event.description or f"市民再次来电反映：{new.description}至今仍未处理，请尽快解决。"
    return NewCase(source=SourceChannel.HOTLINE_12345, category_id=new.category_id,
                   priority=Priority.HIGH if new.priority is Priority.NORMAL or new.priority is Priority.LOW
                   else new.priority,
                   description=text, lon=new.lon, lat=new.lat, address=new.address,
                   reporter_name=new.reporter_name, reporter_phone=new.reporter_phone)
