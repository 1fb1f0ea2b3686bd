"""The drill's case stream: the city it plays, and the cases reported there.

The cases depend only on the seed and the city, never on timing, so the same seed gives the
same sequence: categories weighted as a real centre sees them, priorities and channels by
class, a point inside a grid drawn with hotspot weights, and a Chinese description worded the
way the channel reports it. `drill` times and writes them; this module only reads the city and
draws.
"""

from __future__ import annotations

import random
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate
from typing import Any

import shapely
from sqlalchemy import select

from ..db import Database
from ..domain.enums import Priority, SourceChannel
from ..errors import NotFound, ValidationError
from ..models import (
    Category,
    CommandCentre,
    Community,
    Grid,
    Officer,
    OfficerGrid,
    Street,
)
from ..services.auth import centre_scope
from ..services.reference_data import MAJOR_CATEGORIES, MINOR_CATEGORIES
from ..shapes.cases import NewCase
from .demo.texts import (
    DESCRIPTIONS,
    FEEDBACK_NOTES,
    PLACE_SUFFIXES,
    ROAD_STEMS,
    ROAD_SUFFIXES,
)

# relative frequency of minor categories by name (what digital urban management centres see
# most: rubbish, street vending, parking, flyers); other categories weigh DEFAULT_WEIGHT
CATEGORY_WEIGHTS: dict[str, float] = {
    "乱倒垃圾": 10, "暴露垃圾": 10, "占道经营": 9, "机动车乱停放": 8, "非法小广告": 7, "店外经营": 7,
    "共享单车乱停放": 6, "道路不洁": 5, "违规露天烧烤": 4, "噪声扰民": 4, "井盖破损缺失": 4,
    "路灯不亮": 4, "道路破损": 4, "楼道电动车充电": 4, "消防通道堵塞": 3, "邻里纠纷": 3,
    "物业纠纷": 3, "施工扰民": 3, "工地扬尘": 3, "渣土撒漏": 3, "占道宣传": 3, "绿地破坏": 2.5,
    "道路塌陷": 0.3, "自来水管爆裂": 0.5, "燃气泄漏": 0.3, "路面积水": 0.8, "架空线缆脱落": 0.5,
}
DEFAULT_WEIGHT = 1.5
# priority mixes (urgent, high, normal, low) by major class name; the rest use the default
PRIORITY_MIX: dict[str, tuple[float, float, float, float]] = {
    "突发事件": (0.7, 0.25, 0.05, 0.0),
    "消防隐患": (0.08, 0.3, 0.55, 0.07),
    "安全生产": (0.08, 0.3, 0.55, 0.07),
    "治安隐患": (0.05, 0.25, 0.6, 0.1),
}
DEFAULT_PRIORITY_MIX = (0.03, 0.12, 0.65, 0.2)
# channel mixes by category kind (component / event / social governance)
SOURCE_MIX: dict[str, dict[SourceChannel, float]] = {
    "component": {SourceChannel.PATROL: 0.55, SourceChannel.HOTLINE_12345: 0.18, SourceChannel.CITIZEN_APP: 0.1,
                  SourceChannel.VIDEO: 0.1, SourceChannel.SENSOR: 0.05, SourceChannel.DUTY_LINE: 0.02},
    "event": {SourceChannel.PATROL: 0.45, SourceChannel.HOTLINE_12345: 0.25, SourceChannel.CITIZEN_APP: 0.12,
              SourceChannel.VIDEO: 0.12, SourceChannel.DUTY_LINE: 0.03, SourceChannel.MAYOR_MAILBOX: 0.02,
              SourceChannel.PETITION: 0.01},
    "social": {SourceChannel.PATROL: 0.4, SourceChannel.HOTLINE_12345: 0.33, SourceChannel.CITIZEN_APP: 0.08,
               SourceChannel.DUTY_LINE: 0.07, SourceChannel.PETITION: 0.06, SourceChannel.MAYOR_MAILBOX: 0.06},
}
# how each channel words a report
SOURCE_PREFIX: dict[SourceChannel, str] = {
    SourceChannel.PATROL: "",
    SourceChannel.HOTLINE_12345: "市民来电反映：",
    SourceChannel.DUTY_LINE: "值班电话反映：",
    SourceChannel.CITIZEN_APP: "市民通过随手拍上报：",
    # cameras and sensors only raise the flag; the text is what the operator confirmed on screen
    SourceChannel.VIDEO: "",
    SourceChannel.SENSOR: "",
    SourceChannel.PETITION: "群众来访反映：",
    SourceChannel.MAYOR_MAILBOX: "市长信箱来信反映：",
    SourceChannel.REFERRAL: "上级转办：",
}
CALLER_CHANNELS = frozenset({SourceChannel.HOTLINE_12345, SourceChannel.DUTY_LINE, SourceChannel.CITIZEN_APP,
                             SourceChannel.PETITION, SourceChannel.MAYOR_MAILBOX})
REGISTER_AT_ONCE = {SourceChannel.HOTLINE_12345: 0.7, SourceChannel.DUTY_LINE: 0.7}
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈"
GENERIC_DESCRIPTIONS = ("%s发现{name}问题，请尽快核实处置。", "%s存在{name}情况，影响周边群众。")
GENERIC_FEEDBACK = ("已到现场处置完毕，现场已恢复正常。", "已联系相关单位处理，问题已解决。")


@dataclass(frozen=True)
class DrillCategory:
    id: int
    code: str
    name_zh: str
    kind: str
    major_name: str
    descriptions: tuple[str, ...]
    feedback: tuple[str, ...]
    weight: float


@dataclass(frozen=True)
class DrillGrid:
    id: int
    code: str
    street: str
    community: str
    geometry: shapely.Geometry
    officers: tuple[tuple[int, str, str], ...]  # (id, name, phone) of the officers responsible


@dataclass(frozen=True)
class DrillCity:
    """What the drill draws from: the grids and categories of the area, read once."""

    grids: tuple[DrillGrid, ...]
    categories: tuple[DrillCategory, ...]
    centre_ids: tuple[int, ...] | None  # None: the whole database

    @classmethod
    def load(cls, db: Database, centre_code: str | None = None) -> DrillCity:
        with db.read() as s:
            grid_filter: list[Any] = []
            centre_ids = None
            if centre_code:
                centre = s.scalar(select(CommandCentre).where(CommandCentre.code == centre_code))
                if centre is None:
                    raise NotFound("command centre", centre_code)
                centre_ids = centre_scope(s, centre.id)
                if centre.street_id is not None:
                    grid_filter.append(Street.id == centre.street_id)
                elif centre.district_id is not None:
                    grid_filter.append(Street.district_id == centre.district_id)
            officers: dict[int, list[tuple[int, str, str]]] = {}
            for grid_id, oid, name, phone in s.execute(
                select(OfficerGrid.grid_id, Officer.id, Officer.name, Officer.phone)
                .join(Officer, Officer.id == OfficerGrid.officer_id)
                .order_by(OfficerGrid.grid_id, Officer.id)
            ):
                officers.setdefault(grid_id, []).append((oid, name, phone))
            rows = s.execute(
                select(Grid.id, Grid.code, Grid.geometry, Street.name, Community.name)
                .join(Community, Community.id == Grid.community_id)
                .join(Street, Street.id == Community.street_id)
                .where(*grid_filter)
                .order_by(Grid.code)
            ).all()
            geoms = shapely.from_wkb([r[2] for r in rows]) if rows else []
            grids = tuple(
                DrillGrid(r[0], r[1], r[3], r[4], g, tuple(officers.get(r[0], ())))
                for r, g in zip(rows, geoms, strict=True)
            )
            major = {cid: (code, kind, name) for cid, code, kind, name in s.execute(
                select(Category.id, Category.code, Category.kind, Category.name_zh).where(Category.level == 1))}
            minors = s.execute(
                select(Category.id, Category.code, Category.name_zh, Category.kind, Category.parent_id)
                .where(Category.level == 2)
                .order_by(Category.code)
            ).all()
        for g in grids:
            shapely.prepare(g.geometry)
        categories = tuple(_drill_category(cid, code, name, kind, major.get(parent or -1))
                           for cid, code, name, kind, parent in minors)
        if not grids:
            raise ValidationError("no unit grids to drill in: generate a demo city first ('commandcenter demo')",
                                  field="db")
        if not categories:
            raise ValidationError("no case categories: run 'commandcenter db upgrade' first", field="db")
        return cls(grids, categories, centre_ids)


_DESCRIPTIONS_BY_NAME = {zh: DESCRIPTIONS[code] for code, zh, _en, _p in MINOR_CATEGORIES if code in DESCRIPTIONS}
_MAJOR_CODE = {(kind, zh): code for code, kind, zh, _en in MAJOR_CATEGORIES}


def _drill_category(cid: int, code: str, name: str, kind: str, major: tuple[str, str, str] | None) -> DrillCategory:
    """A category with its texts: the demo's templates when the name is a standard one, else generic."""
    major_name = major[2] if major else ""
    descriptions = _DESCRIPTIONS_BY_NAME.get(name) or tuple(t.replace("{name}", name) for t in GENERIC_DESCRIPTIONS)
    major_code = _MAJOR_CODE.get((major[1], major[2])) if major else None
    feedback = FEEDBACK_NOTES.get(major_code or "", GENERIC_FEEDBACK)
    return DrillCategory(cid, code, name, kind, major_name, descriptions, feedback,
                         CATEGORY_WEIGHTS.get(name, DEFAULT_WEIGHT))


class _Weighted:
    """Draws from weighted choices with one uniform number (bisect on cumulative weights)."""

    def __init__(self, items: Sequence[Any], weights: Sequence[float]) -> None:
        self.items = list(items)
        self.cum = list(accumulate(weights))

    def draw(self, rng: random.Random) -> Any:
        i = bisect_right(self.cum, rng.random() * self.cum[-1])
        return self.items[min(i, len(self.items) - 1)]


def random_point_in(geometry: shapely.Geometry, rng: random.Random) -> tuple[float, float]:
    """A uniform random point strictly inside a (prepared) polygon, by rejection from its bounds."""
    x0, y0, x1, y1 = geometry.bounds
    for _ in range(200):
        x, y = rng.uniform(x0, x1), rng.uniform(y0, y1)
        if shapely.contains_xy(geometry, x, y):
            return x, y
    point = shapely.point_on_surface(geometry)
    return point.x, point.y


@dataclass(frozen=True)
class GeneratedCase:
    new: NewCase
    register: bool


class CaseGenerator:
    """The drill's case stream: deterministic for a seed and a city."""

    def __init__(self, city: DrillCity, seed: int) -> None:
        self.city = city
        self.rng = random.Random(f"drill:{seed}:cases")
        hotspots = random.Random(f"drill:{seed}:hotspots")
        # a few grids (markets, station squares, old quarters) draw many more cases than the rest
        self._grids = _Weighted(city.grids, [hotspots.lognormvariate(0.0, 1.0) for _ in city.grids])
        self._categories = _Weighted(city.categories, [c.weight for c in city.categories])
        self._sources = {kind: _Weighted(list(mix), list(mix.values())) for kind, mix in SOURCE_MIX.items()}
        self._priorities = {name: _Weighted(list(Priority), mix) for name, mix in PRIORITY_MIX.items()}
        self._default_priority = _Weighted(list(Priority), DEFAULT_PRIORITY_MIX)

    def next(self) -> GeneratedCase:
        rng = self.rng
        category: DrillCategory = self._categories.draw(rng)
        grid: DrillGrid = self._grids.draw(rng)
        priority: Priority = self._priorities.get(category.major_name, self._default_priority).draw(rng)
        source: SourceChannel = self._sources.get(category.kind, self._sources["event"]).draw(rng)
        lon, lat = random_point_in(grid.geometry, rng)
        road = rng.choice(ROAD_STEMS) + rng.choice(ROAD_SUFFIXES)
        number = rng.randint(1, 399)
        place = f"{grid.community}{road}{number}号{rng.choice(PLACE_SUFFIXES)}"
        description = SOURCE_PREFIX[source] + rng.choice(category.descriptions).replace("%s", place)
        reporter_name = reporter_phone = ""
        if source in CALLER_CHANNELS:
            reporter_name = rng.choice(SURNAMES) + rng.choice(("先生", "女士"))
            reporter_phone = f"1{rng.choice('35789')}{rng.randrange(10**9):09d}"
        elif source is SourceChannel.PATROL and grid.officers:
            _, reporter_name, reporter_phone = rng.choice(grid.officers)
        register = rng.random() < REGISTER_AT_ONCE.get(source, 0.0)
        return GeneratedCase(
            NewCase(
                source=source,
                category_id=category.id,
                priority=priority,
                description=description,
                lon=lon,
                lat=lat,
                address=f"{grid.street}{grid.community}{road}{number}号",
                reporter_name=reporter_name,
                reporter_phone=reporter_phone,
            ),
            register,
        )
