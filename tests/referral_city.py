"""The tiny city with every centre level: street centres under the district, users at each.

The tiny city has a city and a district centre; this adds a centre for its street (the one
holding the grids, so its cases are that street's) and a sibling street with its own centre,
and an operator and a supervisor at each of the four centres.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from commandcenter.db import Database
from commandcenter.models import CommandCentre, Department, DepartmentRoute, Street, User
from commandcenter.services.auth import Principal, demo_principal

from .factories import TinyCity


@dataclass(frozen=True)
class Levels:
    city: int
    district: int
    street: int  # 龙桥街道: the tiny city's grids
    sibling: int  # another street of the district, without grids
    police: int  # supporting departments for joint handling
    judicial: int


def build_levels(db: Database, city: TinyCity) -> Levels:
    with db.unit_of_work() as s:
        district = s.scalar(select(CommandCentre).where(CommandCentre.level == "district"))
        assert district is not None and district.district_id is not None
        street_id = s.scalar(select(Street.id))
        other = Street(district_id=district.district_id, code="350302002", name="拱辰街道", pinyin_initials="gcjd")
        s.add(other)
        s.flush()
        street = CommandCentre(code="C350302001", name="龙桥街道指挥中心", level="street", parent_id=district.id,
                               district_id=district.district_id, street_id=street_id)
        sibling = CommandCentre(code="C350302002", name="拱辰街道指挥中心", level="street", parent_id=district.id,
                                district_id=district.district_id, street_id=other.id)
        police = Department(code="D02", name="龙桥派出所")
        judicial = Department(code="D03", name="龙桥司法所")
        s.add_all([street, sibling, police, judicial])
        s.flush()
        s.add(DepartmentRoute(department_id=police.id, category_id=city.category_id))
        for prefix, centre in (("c", city.centre_id), ("d", district.id), ("s", street.id), ("t", sibling.id)):
            for role in ("operator", "supervisor"):
                s.add(User(username=f"{prefix}_{role}", display_name=f"{prefix} {role}", role=role,
                           centre_id=centre))
        return Levels(city.centre_id, district.id, street.id, sibling.id, police.id, judicial.id)


def seat(db: Database, prefix: str, role: str = "operator") -> Principal:
    """The principal of the user at a centre: prefix c (city), d (district), s (street), t (sibling)."""
    return demo_principal(db, f"{prefix}_{role}")
