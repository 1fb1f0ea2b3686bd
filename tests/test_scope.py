"""Centre scope (issue 10): a seat acts on and sees the cases of its centre and the centres below.

Two street centres under one district: a street operator cannot see or act on the sibling
street's case (OutOfScope, audited, nothing changed), on the wall, the map, the case detail, a
look-up by number or an action; the district's supervisor sees and acts on both.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from sqlalchemy import select, update

from commandcenter.db import Database
from commandcenter.domain.actions import Action
from commandcenter.domain.enums import Priority, SourceChannel
from commandcenter.errors import NotFound, OutOfScope
from commandcenter.labels import describe_error
from commandcenter.models import AuditEntry, Case, CommandCentre, Officer, User
from commandcenter.services.auth import Principal, demo_principal
from commandcenter.services.facade.lookup import LookupService
from commandcenter.services.facade.map import MapService
from commandcenter.services.facade.roster import RosterService
from commandcenter.services.facade.shifts import ShiftService
from commandcenter.services.facade.wall import WallService
from commandcenter.services.lifecycle import CaseService, TransitionParams
from commandcenter.services.wall import WallScope
from commandcenter.shapes.cases import CaseRow, NewCase

from .factories import TinyCity, grid_centre


@dataclass(frozen=True)
class Streets:
    a: CaseRow  # a case of street centre A
    b: CaseRow  # a case of street centre B
    street_a: Principal  # an operator of street centre A
    district: Principal  # a supervisor of the district centre above both
    centre_b: int


@pytest.fixture
def streets(db: Database, city: TinyCity) -> Streets:
    with db.unit_of_work() as s:
        district = s.scalar(select(CommandCentre).where(CommandCentre.code == "C350302"))
        assert district is not None
        centres = [CommandCentre(code=f"C35030200{i}", name=f"街道{i}指挥中心", level="street", parent_id=district.id)
                   for i in (1, 2)]
        s.add_all(centres)
        s.flush()
        s.add(User(username="street_a", display_name="街道A", role="operator", centre_id=centres[0].id))
        s.add(User(username="district", display_name="区级", role="supervisor", centre_id=district.id))
        ids = (centres[0].id, centres[1].id)
        s.execute(update(Officer).where(Officer.id == city.officer_ids[1]).values(centre_id=ids[1]))
    cases = CaseService(db)
    lon, lat = grid_centre(0)
    rows = []
    for centre in ids:
        row = cases.report(demo_principal(db, "supervisor"), NewCase(
            source=SourceChannel.HOTLINE_12345, category_id=city.category_id, priority=Priority.NORMAL,
            description="占道经营", lon=lon, lat=lat), register=True)
        with db.unit_of_work() as s:  # as if the grid lay in that street
            s.execute(update(Case).where(Case.id == row.id).values(centre_id=centre))
        rows.append(cases.row(demo_principal(db, "supervisor"), row.id))
    return Streets(rows[0], rows[1], demo_principal(db, "street_a"), demo_principal(db, "district"), ids[1])


def refusals(db: Database) -> list[tuple[str, str, int | None]]:
    with db.read() as s:
        return [tuple(r) for r in s.execute(select(AuditEntry.actor, AuditEntry.entity, AuditEntry.entity_id)
                                            .where(AuditEntry.action == "refused").order_by(AuditEntry.id))]


def test_a_street_operator_acts_on_their_case_but_not_the_sibling_streets(db: Database, city: TinyCity,
                                                                          streets: Streets) -> None:
    cases = CaseService(db)
    dispatch = TransitionParams(officer_id=city.officer_ids[0])
    assert cases.perform(streets.street_a, streets.a.id, Action.DISPATCH, dispatch).status == "dispatched"
    with pytest.raises(OutOfScope) as refused:
        cases.perform(streets.street_a, streets.b.id, Action.DISPATCH, dispatch)
    assert refused.value.centre_id == streets.centre_b
    assert "another command centre" in describe_error(refused.value, "en")
    for read in (cases.row, cases.detail):
        with pytest.raises(OutOfScope):
            read(streets.street_a, streets.b.id)
    assert refusals(db) == [("street_a", "case", streets.b.id)] * 3
    assert cases.row(streets.district, streets.b.id).status == "registered"  # nothing changed
    # the district above both acts on either
    assert cases.perform(streets.district, streets.b.id, Action.DISPATCH, dispatch).status == "dispatched"


def test_the_wall_shows_a_street_only_its_own_cases_whatever_scope_it_asks_for(db: Database,
                                                                                streets: Streets) -> None:
    wall = WallService(db)
    every = WallScope(centre_ids=streets.district.centre_ids)
    assert [r.id for r in wall.load(streets.street_a, every).rows] == [streets.a.id]
    assert [r.id for r in wall.rows(streets.street_a, [streets.a.id, streets.b.id])] == [streets.a.id]
    assert sorted(r.id for r in wall.load(streets.district, every).rows) == [streets.a.id, streets.b.id]


def test_map_look_up_roster_and_shifts_keep_to_the_centre(db: Database, city: TinyCity, streets: Streets) -> None:
    maps = MapService(db)
    assert [c.case_id for c in maps.layers(streets.street_a).cases] == [streets.a.id]
    assert sorted(c.case_id for c in maps.layers(streets.district).cases) == [streets.a.id, streets.b.id]
    with pytest.raises(OutOfScope):
        maps.marker(streets.street_a, streets.b.id)
    lookup = LookupService(db)
    with pytest.raises(NotFound):  # another centre's number is not told apart from none
        lookup.case(streets.street_a, streets.b.case_number)
    assert lookup.case(streets.district, streets.b.case_number).id == streets.b.id
    roster = RosterService(db)
    assert city.officer_ids[1] not in {r.id for r in roster.rows(streets.street_a)}  # street B's officer
    assert city.officer_ids[1] in {r.id for r in roster.rows(streets.district)}
    shifts = ShiftService(db)
    with pytest.raises(OutOfScope):
        shifts.save(streets.district, name="夜班", start_time="20:00", end_time="08:00", centre_id=city.centre_id)
    saved = shifts.save(streets.district, name="夜班", start_time="20:00", end_time="08:00",
                        centre_id=streets.centre_b)
    assert saved.id not in {r.id for r in shifts.rows(streets.street_a)}
    assert saved.id in {r.id for r in shifts.rows(streets.district)}
