"""Two seats on one SQLite file: one dispatch wins, the other is told and changes nothing."""

from __future__ import annotations

import threading

from commandcenter.clock import FrozenClock
from commandcenter.db import open_database
from commandcenter.domain.actions import Action
from commandcenter.domain.enums import Priority, SourceChannel
from commandcenter.errors import StaleCase
from commandcenter.services.auth import demo_principal
from commandcenter.services.lifecycle import CaseService, TransitionParams
from commandcenter.shapes.cases import NewCase

from .conftest import START
from .factories import build_tiny_city, grid_centre


def test_two_seats_dispatching_one_case(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "centre.sqlite"
    seat_a = open_database(path, clock=FrozenClock(START), create=True)
    city = build_tiny_city(seat_a)
    seat_b = open_database(path, clock=FrozenClock(START))
    try:
        lon, lat = grid_centre(0)
        op_a, op_b = demo_principal(seat_a, "operator"), demo_principal(seat_b, "operator")
        cases = [CaseService(seat_a).report(op_a, NewCase(source=SourceChannel.PATROL, category_id=city.category_id,
                                                          priority=Priority.HIGH, description=f"#{i}", lon=lon,
                                                          lat=lat), register=True) for i in range(20)]
        results: dict[str, list[object]] = {"a": [], "b": []}
        barrier = threading.Barrier(2)

        def seat(name, db, actor, officer) -> None:  # type: ignore[no-untyped-def]
            svc = CaseService(db)
            barrier.wait()
            for row in cases:
                try:
                    results[name].append(svc.perform(actor, row.id, Action.DISPATCH,
                                                     TransitionParams(officer_id=officer),
                                                     expected_version=row.version))
                except StaleCase as exc:
                    results[name].append(exc)

        threads = [threading.Thread(target=seat, args=("a", seat_a, op_a, city.officer_ids[0])),
                   threading.Thread(target=seat, args=("b", seat_b, op_b, city.officer_ids[1]))]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        for i, row in enumerate(cases):
            outcome = (results["a"][i], results["b"][i])
            assert sum(isinstance(o, StaleCase) for o in outcome) == 1, outcome
            detail = CaseService(seat_a).detail(demo_principal(seat_a, "supervisor"), row.id)
            assert [h.action for h in detail.history].count("dispatch") == 1
            winner = next(o for o in outcome if not isinstance(o, StaleCase))
            assert detail.row.assignee_officer_id == winner.assignee_officer_id
    finally:
        seat_b.dispose()
        seat_a.dispose()
