"""The same schema and services on a real PostgreSQL (a private cluster started by a fixture)."""

from __future__ import annotations

import threading

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from commandcenter import migrations
from commandcenter.clock import FrozenClock
from commandcenter.db import open_database
from commandcenter.domain.actions import Action
from commandcenter.domain.enums import Priority, SourceChannel
from commandcenter.errors import IllegalTransition, StaleCase
from commandcenter.migrations.search_schema import include_name
from commandcenter.models import Base
from commandcenter.services.auth import demo_principal
from commandcenter.services.geo import GridLocator
from commandcenter.services.info import database_info
from commandcenter.services.lifecycle import CaseService, TransitionParams
from commandcenter.services.wall import WallScope, load_wall
from commandcenter.shapes.cases import NewCase

from .conftest import START
from .factories import build_tiny_city, grid_centre

pytestmark = pytest.mark.postgres


def test_upgrade_from_empty_matches_the_models(pg_db) -> None:  # type: ignore[no-untyped-def]
    assert migrations.current_revision(pg_db) == migrations.head_revision()
    with pg_db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True, "include_name": include_name}), Base.metadata)
    assert diff == []


def test_closed_loop_and_case_numbers_on_postgres(pg_db) -> None:  # type: ignore[no-untyped-def]
    city = build_tiny_city(pg_db)
    svc, op, sup = CaseService(pg_db), demo_principal(pg_db, "operator"), demo_principal(pg_db, "supervisor")
    lon, lat = grid_centre(3)
    row = svc.report(op, NewCase(source=SourceChannel.HOTLINE_12345, category_id=city.category_id,
                                 priority=Priority.URGENT, description="消防通道被堵", lon=lon, lat=lat),
                     register=True)
    assert row.case_number == "20261125-00001" and row.grid_id == city.grid_ids[3]
    for action, params, actor in (
        (Action.DISPATCH, TransitionParams(officer_id=city.officer_ids[0]), op),
        (Action.ACCEPT, TransitionParams(), op),
        (Action.FEED_BACK, TransitionParams(note="已疏通"), op),
        (Action.CLOSE, TransitionParams(), sup),
        (Action.EVALUATE, TransitionParams(rating=5), sup),
    ):
        row = svc.perform(actor, row.id, action, params, expected_version=row.version)
    assert row.status == "closed"
    with pytest.raises(IllegalTransition):
        svc.perform(sup, row.id, Action.EVALUATE, TransitionParams(rating=4))
    info = database_info(pg_db)
    assert info.cases == 1 and info.cases_by_status["closed"] == 1
    snapshot = load_wall(pg_db, WallScope(centre_ids=op.centre_ids))
    assert [r.id for r in snapshot.rows] == [row.id]
    assert GridLocator.from_database(pg_db).locate(lon, lat).grid_id == city.grid_ids[3]


def test_two_seats_dispatching_one_case_on_postgres(pg_url) -> None:  # type: ignore[no-untyped-def]
    seat_a = open_database(pg_url, clock=FrozenClock(START), create=True)
    city = build_tiny_city(seat_a)
    seat_b = open_database(pg_url, clock=FrozenClock(START))
    try:
        op_a, op_b = demo_principal(seat_a, "operator"), demo_principal(seat_b, "operator")
        lon, lat = grid_centre(0)
        row = CaseService(seat_a).report(op_a, NewCase(source=SourceChannel.PATROL, category_id=city.category_id,
                                                       priority=Priority.HIGH, description="x", lon=lon, lat=lat),
                                         register=True)
        results: list[object] = []

        def dispatch(db, actor, officer) -> None:  # type: ignore[no-untyped-def]
            try:
                results.append(CaseService(db).perform(actor, row.id, Action.DISPATCH,
                                                       TransitionParams(officer_id=officer),
                                                       expected_version=row.version))
            except (StaleCase, IllegalTransition) as exc:
                results.append(exc)

        threads = [threading.Thread(target=dispatch, args=(seat_a, op_a, city.officer_ids[0])),
                   threading.Thread(target=dispatch, args=(seat_b, op_b, city.officer_ids[1]))]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert sum(isinstance(r, StaleCase) for r in results) == 1
        winner = next(r for r in results if not isinstance(r, Exception))
        detail = CaseService(seat_a).detail(demo_principal(seat_a, "supervisor"), row.id)
        assert detail.row.assignee_officer_id == winner.assignee_officer_id
        assert [h.action for h in detail.history].count("dispatch") == 1
    finally:
        seat_b.dispose()
        seat_a.dispose()
