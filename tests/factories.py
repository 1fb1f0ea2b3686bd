"""A tiny, hand-built city for unit tests: 2×2 square grids in one community.

Built directly (not by the demo generator) so lifecycle tests do not depend on it. Grid
squares are 0.001° (≈100 m) wide, lower-left corner at (119.000, 25.400).
"""

from __future__ import annotations

from dataclasses import dataclass

import shapely
from shapely.geometry import box

from commandcenter.db import Database
from commandcenter.domain.enums import DutyStatus, Priority, Role, Stage, TimeUnit
from commandcenter.models import (
    AppMeta,
    Category,
    CommandCentre,
    Community,
    Department,
    DepartmentRoute,
    District,
    Grid,
    Officer,
    OfficerGrid,
    Street,
    TimeLimitPolicy,
    User,
)
from commandcenter.services.auth import SYSTEM_ROLES, seed_permissions, seed_system_accounts
from commandcenter.services.worktime import seed_calendar

X0, Y0, STEP = 119.000, 25.400, 0.001
PERSON_ROLES = tuple(r for r in Role if r not in SYSTEM_ROLES)


@dataclass(frozen=True)
class TinyCity:
    grid_ids: tuple[int, ...]  # codes ...01 (SW), 02 (SE), 03 (NW), 04 (NE)
    officer_ids: tuple[int, ...]
    department_id: int
    category_id: int  # handled by officers
    dept_category_id: int  # routed to the department
    centre_id: int


def grid_centre(index: int) -> tuple[float, float]:
    col, row = index % 2, index // 2
    return X0 + (col + 0.5) * STEP, Y0 + (row + 0.5) * STEP


def mark_demo(db: Database) -> None:
    """Mark the database as a demo one, as `commandcenter demo` does: the drill feeds only those."""
    with db.unit_of_work() as s:
        s.merge(AppMeta(key="is_demo", value="1"))


def build_tiny_city(db: Database, *, system_accounts: bool = True) -> TinyCity:
    """The city; without `system_accounts` for a database at a schema older than their roles."""
    with db.unit_of_work() as s:
        seed_permissions(s, None if system_accounts else PERSON_ROLES)
        seed_calendar(s)
        district = District(code="350302", name="城厢区")
        s.add(district)
        s.flush()
        street = Street(district_id=district.id, code="350302001", name="龙桥街道", pinyin_initials="lqjd")
        s.add(street)
        s.flush()
        community = Community(street_id=street.id, code="350302001001", name="东岩社区", pinyin_initials="dysq")
        s.add(community)
        s.flush()
        grids = []
        for i in range(4):
            col, row = i % 2, i // 2
            poly = box(X0 + col * STEP, Y0 + row * STEP, X0 + (col + 1) * STEP, Y0 + (row + 1) * STEP)
            g = Grid(
                community_id=community.id,
                code=f"350302001001{i + 1:02d}",
                name=f"东岩社区第{i + 1:02d}网格",
                geometry=shapely.to_wkb(poly),
                centroid_lon=poly.centroid.x,
                centroid_lat=poly.centroid.y,
                area_m2=10_000.0,
                min_lon=poly.bounds[0],
                min_lat=poly.bounds[1],
                max_lon=poly.bounds[2],
                max_lat=poly.bounds[3],
            )
            s.add(g)
            grids.append(g)
        city = CommandCentre(code="C350300", name="莆田市城市运行指挥中心", level="city")
        s.add(city)
        s.flush()
        s.add(CommandCentre(code="C350302", name="城厢区指挥中心", level="district", parent_id=city.id,
                            district_id=district.id))
        for username, role in (("operator", "operator"), ("supervisor", "supervisor"),
                               ("trainer", "trainer"), ("admin", "admin")):
            s.add(User(username=username, display_name=username.title(), role=role, centre_id=city.id))
        major = Category(code="01", level=1, kind="event", name_zh="市容环境", name_en="City appearance")
        s.add(major)
        s.flush()
        cat = Category(code="0101", parent_id=major.id, level=2, kind="event", name_zh="乱倒垃圾",
                       name_en="Fly-tipping")
        dcat = Category(code="0102", parent_id=major.id, level=2, kind="event", name_zh="路灯损坏",
                        name_en="Broken streetlight")
        s.add_all([cat, dcat])
        s.flush()
        for c in (cat, dcat):
            for p in Priority:
                for stage, minutes in ((Stage.REGISTER, 30), (Stage.DISPATCH, 30), (Stage.HANDLE, 120),
                                       (Stage.VERIFY, 60)):
                    unit = TimeUnit.CALENDAR if p is Priority.URGENT or stage is not Stage.HANDLE else TimeUnit.WORKING
                    s.add(TimeLimitPolicy(category_id=c.id, priority=p.value, stage=stage.value,
                                          minutes=minutes, unit=unit.value))
        officers = []
        for i, (name, status) in enumerate((("张伟", DutyStatus.ON_DUTY), ("王芳", DutyStatus.ON_DUTY),
                                            ("李娜", DutyStatus.OFF_DUTY))):
            lon, lat = grid_centre(i)
            o = Officer(employee_no=f"PT{i + 1:06d}", name=name, phone=f"1380000000{i}",
                        duty_status=status.value, last_lon=lon, last_lat=lat)
            s.add(o)
            officers.append(o)
        s.flush()
        for i, g in enumerate(grids):
            s.add(OfficerGrid(officer_id=officers[i % 3].id, grid_id=g.id))
        dept = Department(code="D01", name="城管执法局", phone="0594-1234567")
        s.add(dept)
        s.flush()
        s.add(DepartmentRoute(department_id=dept.id, category_id=dcat.id))
        if system_accounts:
            seed_system_accounts(s)
        return TinyCity(
            grid_ids=tuple(g.id for g in grids),
            officer_ids=tuple(o.id for o in officers),
            department_id=dept.id,
            category_id=cat.id,
            dept_category_id=dcat.id,
            centre_id=city.id,
        )


def db_argument(db: Database) -> str:
    """What a test passes as `--db` (or to open_database) to reach `db` from another process or
    engine: the file path on SQLite, the full URL on PostgreSQL (the suite runs on both)."""
    return str(db.path) if db.path is not None else db.url.render_as_string(hide_password=False)
