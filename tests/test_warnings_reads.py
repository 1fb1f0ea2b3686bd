"""The warning service's reads that exist for speed: the disputes at an address looked up through
the case search's trigram index find exactly what the plain query finds, and the day's chronic
lateness judged up front is not judged again by the next update for a new case."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import update

from commandcenter.domain.enums import Priority, SourceChannel
from commandcenter.models import Case
from commandcenter.services.auth import system_principal
from commandcenter.services.lifecycle import CaseService
from commandcenter.services.warnings import WarningService
from commandcenter.services.warnings import facts as F
from commandcenter.shapes.cases import NewCase
from commandcenter.shapes.warnings import WarningKind

from .factories import grid_centre

ADDRESS = '荔城区北大路12号"东"门'
ADDRESSES = (
    ADDRESS,
    ADDRESS,
    ADDRESS + "旁",  # holds the address: found by the index, refused by the comparison
    "北大路12号",  # held by the address
    "荔城区 北大路12号\"东\"门",  # a space apart
    "12",  # too short for a trigram
    "Baker Street 12",
)


def _report(db, operator, city, addresses, category_id: int) -> list[int]:  # type: ignore[no-untyped-def]
    cases = CaseService(db)
    lon, lat = grid_centre(0)
    return [cases.report(operator, NewCase(source=SourceChannel.HOTLINE_12345, category_id=category_id,
                                           priority=Priority.NORMAL, description="邻里纠纷", lon=lon, lat=lat,
                                           address=a)).id for a in addresses]


def test_the_indexed_address_read_finds_what_the_plain_query_finds(db, city, operator) -> None:  # type: ignore[no-untyped-def]
    ids = _report(db, operator, city, ADDRESSES, city.category_id)
    other = _report(db, operator, city, [ADDRESS], city.dept_category_id)  # another category
    at = int(db.clock.now().timestamp())
    window = {"categories": [city.category_id], "start": at - 86_400, "end": at + 1}
    p = F.places(db)
    with db.read() as s:
        for addresses in ([ADDRESS], [ADDRESS, "Baker Street 12"], ["12"], ["北大路12号", "12"], ["no such place"]):
            indexed = F.at_addresses(s, p, F.FactSet.empty(), addresses, **window)
            plain = F.read(s, p, F.FactSet.empty(), F.BY_ADDRESS, addresses=addresses, **window)
            assert sorted(f.id for f in indexed) == sorted(f.id for f in plain), addresses
        both = F.at_addresses(s, p, F.FactSet.empty(), [ADDRESS, "Baker Street 12"], **window)
        gone = F.at_addresses(s, p, F.FactSet.empty(), [ADDRESS], **{**window, "end": at - 1})
    assert sorted(f.id for f in both) == [ids[0], ids[1], ids[6]] and other[0] not in {f.id for f in both}
    assert gone == []


def test_an_address_too_short_for_the_index_has_no_trigram_query() -> None:
    assert F._trigram_match(["12", ADDRESS]) is None
    assert F._trigram_match(["abcd"]) == 'address : (("abc" AND "bcd"))'


@pytest.fixture
def late_department(db, city, operator):  # type: ignore[no-untyped-def]
    """Five cases due on each of the last three days, one of each five closed in time."""
    cases = CaseService(db)
    lon, lat = grid_centre(0)
    ids = [cases.report(operator, NewCase(source=SourceChannel.PATROL, category_id=city.category_id,
                                          priority=Priority.NORMAL, description="路灯不亮", lon=lon + k * 0.00005,
                                          lat=lat)).id for k in range(15)]
    now = db.clock.now()
    with db.unit_of_work() as s:
        for k, cid in enumerate(ids):
            due = now - timedelta(days=1 + k // 5, hours=1)
            closed = due - timedelta(hours=1) if k % 5 == 0 else None
            s.execute(update(Case).where(Case.id == cid).values(
                assess_deadline_at=due, closed_at=closed, assignee_department_id=city.department_id,
                status="closed" if closed else "dispatched"))
    return ids


def _counting_due_facts(monkeypatch) -> list[int]:  # type: ignore[no-untyped-def]
    calls: list[int] = []
    real = F.due_facts

    def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(F, "due_facts", counted)
    return calls


def test_lateness_judged_up_front_is_not_judged_again_by_an_update(db, late_department, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    clock = system_principal(db, "escalation-clock")
    calls = _counting_due_facts(monkeypatch)
    service = WarningService(db)
    late = service.judge_lateness(clock)
    assert sorted(w.kind for w in late) == [WarningKind.CHRONIC_LATENESS] * 2 and len(calls) == 1
    service.update_for_cases(clock, late_department[:1])
    assert len(calls) == 1
    fresh = WarningService(db)  # without the judgement up front, the first update makes it
    fresh.update_for_cases(clock, late_department[:1])
    assert len(calls) == 2


def test_a_recompute_as_of_today_spares_the_next_update_and_one_of_the_past_does_not(db, late_department,  # type: ignore[no-untyped-def]
                                                                                      monkeypatch) -> None:
    clock = system_principal(db, "escalation-clock")
    calls = _counting_due_facts(monkeypatch)
    today, past = WarningService(db), WarningService(db)
    today.recompute(clock, db.clock.now())
    past.recompute(clock, db.clock.now() - timedelta(days=2))
    assert len(calls) == 2
    today.update_for_cases(clock, late_department[:1])
    assert len(calls) == 2
    past.update_for_cases(clock, late_department[:1])
    assert len(calls) == 3


def test_a_seat_judges_the_lateness_when_it_starts_following_the_warnings(qtbot, db, late_department,  # type: ignore[no-untyped-def]
                                                                         monkeypatch) -> None:
    from commandcenter.gui.context import AppContext
    from commandcenter.gui.feed import ChangeFeed
    from commandcenter.gui.tasks import SynchronousRunner
    from commandcenter.services.auth import demo_principal

    runner = SynchronousRunner()
    ctx = AppContext(db=db, principal=demo_principal(db, "supervisor"), runner=runner, feed=ChangeFeed(db, runner))
    calls = _counting_due_facts(monkeypatch)
    ctx.live_warnings.start()
    assert sorted(w.kind for w in ctx.live_warnings.items.values()) == [WarningKind.CHRONIC_LATENESS] * 2
    assert len(calls) == 1
    ctx.warnings.update_for_cases(ctx.principal, late_department[:1])  # what the feed's next case runs
    assert len(calls) == 1
