"""The demo city at every centre level: an operator and a supervisor signing in at a street, a
district and the city with their scopes, referrals planted at each step on the walls, and a
department routed for every category."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select

from commandcenter.clock import FrozenClock
from commandcenter.db import Database, open_database
from commandcenter.domain.enums import CaseStatus, CentreLevel
from commandcenter.domain.referral import ReferralState
from commandcenter.models import Case, CaseReferral, Category, CommandCentre, DepartmentRoute
from commandcenter.services.auth import authenticate
from commandcenter.services.referral import ReferralService
from commandcenter.services.wall import WallScope, load_wall
from commandcenter.simulator.demo import generate_demo

NOW = datetime(2026, 11, 25, 2, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    db = open_database(tmp_path_factory.mktemp("levels") / "demo.sqlite", clock=FrozenClock(NOW), create=True)
    generate_demo(db, scale="small", days=3, seed=5, plant_warnings=True)
    yield db
    db.dispose()


def centres(db: Database, level: CentreLevel) -> list[tuple[int, str, int | None]]:
    with db.read() as s:
        return [tuple(r) for r in s.execute(select(CommandCentre.id, CommandCentre.code, CommandCentre.parent_id)
                                            .where(CommandCentre.level == level.value).order_by(CommandCentre.code))]


def test_every_level_signs_in_with_its_own_scope(demo: Database) -> None:
    city = centres(demo, CentreLevel.CITY)
    districts = centres(demo, CentreLevel.DISTRICT)
    streets = centres(demo, CentreLevel.STREET)
    assert len(city) == 1 and districts and len(streets) > len(districts)
    street_id, street_code, district_id = streets[0]
    district_code = next(code for cid, code, _ in districts if cid == district_id)
    for name in (f"op{street_code}", f"sup{street_code}"):
        p = authenticate(demo, name, f"{name}-demo")
        assert p.centre_id == street_id and p.centre_ids == (street_id,)
    district = authenticate(demo, f"sup{district_code}", f"sup{district_code}-demo")
    below = {cid for cid, _code, parent in streets if parent == district_id}
    assert set(district.centre_ids) == {district_id} | below
    top = authenticate(demo, "supervisor", "supervisor-demo")
    assert len(top.centre_ids) == 1 + len(districts) + len(streets)


def test_referrals_are_planted_at_every_step_and_shown_on_both_walls(demo: Database) -> None:
    with demo.read() as s:
        referrals = s.execute(select(CaseReferral.case_id, CaseReferral.from_centre_id, CaseReferral.to_centre_id,
                                     CaseReferral.state).order_by(CaseReferral.id)).all()
        referred = s.scalar(select(func.count()).where(Case.status == CaseStatus.REFERRED.value))
    assert {r.state for r in referrals} >= {ReferralState.PENDING, ReferralState.ACCEPTED, ReferralState.FED_BACK}
    assert referred and referred >= 2  # waiting at a district and at the city
    pending = next(r for r in referrals if r.state == ReferralState.PENDING)
    streets = {cid: code for cid, code, _ in centres(demo, CentreLevel.STREET)}
    districts = {cid: code for cid, code, _ in centres(demo, CentreLevel.DISTRICT)}
    street = authenticate(demo, f"op{streets[pending.from_centre_id]}", f"op{streets[pending.from_centre_id]}-demo")
    district = authenticate(demo, f"sup{districts[pending.to_centre_id]}",
                            f"sup{districts[pending.to_centre_id]}-demo")
    for viewer in (street, district):
        assert pending.case_id in {r.id for r in load_wall(demo, WallScope(viewer.centre_ids), viewer).rows}
    marks = ReferralService(demo)
    assert marks.marks(district, [pending.case_id])[pending.case_id].incoming
    assert not marks.marks(street, [pending.case_id])[pending.case_id].incoming


def test_every_category_has_a_department(demo: Database) -> None:
    with demo.read() as s:
        minors = set(s.scalars(select(Category.id).where(Category.level == 2)))
        routed = set(s.scalars(select(DepartmentRoute.category_id)))
    assert minors <= routed
