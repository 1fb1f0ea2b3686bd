"""History is never rewritten: a period's figures are read as they stood at its end.

A reprint after reopening, rework, extension and closure of the day's cases shows the same
page-1 figures and per-unit tables (and the same bytes when printed at the same instant); the
scripting API's `kpis(day)` too. A hand-built day checks "overdue at the end" and the
dispatch-limit rule against figures worked out by hand; days outside the data are refused.
"""

from __future__ import annotations

import io
import shutil
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from pypdf import PdfReader
from sqlalchemy import text

from commandcenter import api
from commandcenter.clock import FrozenClock
from commandcenter.db import Database, open_database
from commandcenter.domain.actions import Action
from commandcenter.domain.enums import Priority, SourceChannel
from commandcenter.errors import DayBeforeData, DayInFuture
from commandcenter.reports.briefing import briefing_pdf
from commandcenter.services.briefing_checks import check_briefing_request
from commandcenter.services.kpi import briefing_data, default_centre, period_kpis, period_units
from commandcenter.services.lifecycle import CaseService, TransitionParams
from commandcenter.shapes.cases import NewCase

TZ = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 11, 25, 15, 20, tzinfo=TZ)
DAY = date(2026, 11, 24)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("asof") / "template.sqlite"
    db = open_database(path, create=True, clock=FrozenClock(NOW))
    try:
        from commandcenter.simulator.demo import generate_demo

        generate_demo(db, scale="small", days=10, seed=5)
    finally:
        db.dispose()
    return path


@pytest.fixture
def centre(template: Path, tmp_path: Path) -> Path:
    path = tmp_path / "centre.sqlite"
    shutil.copyfile(template, path)
    return path


def _numbers(path: Path, sql: str, n: int) -> list[str]:
    a = int(datetime.combine(DAY, datetime.min.time(), TZ).timestamp())
    db = open_database(path, clock=FrozenClock(NOW))
    try:
        with db.engine.connect() as conn:
            rows = conn.execute(text(sql + " ORDER BY c.id LIMIT :n"), {"a": a, "b": a + 86_400, "n": n}).all()
    finally:
        db.dispose()
    return [r[0] for r in rows]


def page_one_and_units(pdf: bytes, printed_at: datetime) -> str:
    """The first page's figures and the assessment tables, the "printed at" time left out."""
    pages = [p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages]
    words = "\n".join(pages[:2])
    words = words[: words.index("Ranked by on-time handling rate")]
    assert "Assessment by street" in words and "Assessment by department" in words
    return words.replace(f"{printed_at.astimezone(TZ):%Y-%m-%d %H:%M}", "(printed at)")


def _later_changes(s: api.ScriptSession, path: Path, clock: FrozenClock) -> None:
    """Reopen, rework, extend and close cases of DAY, the next afternoon."""
    closed_that_day = _numbers(path, "SELECT c.case_number FROM case_record c JOIN case_history h ON h.case_id = c.id "
                                     "WHERE h.action = 'close' AND h.at >= :a AND h.at < :b AND c.status = 'closed'", 3)
    fed_back = _numbers(path, "SELECT c.case_number FROM case_record c WHERE c.status = 'fed_back' "
                              "AND c.reported_at < :b", 4)
    later = int((NOW + timedelta(hours=30)).timestamp())  # still before its deadline the next afternoon
    running = _numbers(path, "SELECT c.case_number FROM case_record c WHERE c.status = 'accepted' "
                             f"AND c.dispatched_at < :b AND c.handle_deadline_at > {later}", 2)
    assert len(closed_that_day) == 3 and len(fed_back) >= 2 and running, (closed_that_day, fed_back, running)
    officer = s.officers()[0].employee_no
    for number in closed_that_day:
        s.act(number, "reopen", note="resident called again")
        clock.advance(minutes=1)
        s.act(number, "dispatch", officer=officer)
    half = len(fed_back) // 2
    for number in fed_back[:half]:
        s.act(number, "return_for_rework", note="not cleaned")
    for number in fed_back[half:]:
        s.act(number, "close")
    for number in running:
        s.act(number, "request_extension", minutes=240, note="parts on order")
        s.act(number, "extend")
    _later_corrections(s, path)


def _later_corrections(s: api.ScriptSession, path: Path) -> None:
    """Correct (更正) three cases of DAY still open, each into another major category and another
    grid of its street (the demo's cases are its street centres'): the day's reprint must not
    regroup them. Moves between streets: test_briefing_corrections."""
    numbers = _numbers(path, "SELECT c.case_number FROM case_record c WHERE c.status IN ('dispatched', 'accepted') "
                             "AND c.reported_at >= :a AND c.reported_at < :b", 3)
    assert len(numbers) == 3, numbers
    for number in numbers:
        where = f"WHERE c.case_number = '{number}' AND c.reported_at >= :a AND c.reported_at < :b"
        category = _numbers(path, "SELECT o.code FROM case_record c JOIN category k ON k.id = c.category_id "
                                  "JOIN category o ON o.parent_id != k.parent_id AND o.kind = k.kind " + where, 1)
        grid = _numbers(path, "SELECT g.code FROM case_record c JOIN grid cg ON cg.id = c.grid_id "
                              "JOIN community cm ON cm.id = cg.community_id "
                              "JOIN community om ON om.street_id = cm.street_id "
                              "JOIN grid g ON g.community_id = om.id AND g.id != cg.id " + where, 1)
        s.act(number, "correct", category=category[0], grid=grid[0], note="misheard on the call")


def test_a_reprint_after_later_changes_shows_the_same_figures(centre: Path) -> None:
    clock = FrozenClock(NOW)
    db = open_database(centre, clock=clock)
    try:
        cid = default_centre(db)
        first = briefing_data(db, cid, DAY)
        pdf = briefing_pdf(first, lang="en", printed_by="tester")
        with api.connect(centre, user="supervisor", password="supervisor-demo", clock=clock) as s:
            before = s.kpis(DAY)
            clock.advance(hours=20)
            _later_changes(s, centre, clock)
            after = s.kpis(DAY)
        again = briefing_data(db, cid, DAY)
        reprint = briefing_pdf(again, lang="en", printed_by="tester")
    finally:
        db.dispose()
    assert after == before
    assert again.kpis == first.kpis and again.previous_kpis == first.previous_kpis
    assert again.street_units == first.street_units and again.department_units == first.department_units
    assert again.overdue == first.overdue and again.officers == first.officers
    for part in ("by_category", "by_street", "hot_grids", "rising_grids", "map_cells"):
        assert getattr(again, part) == getattr(first, part), part
    assert page_one_and_units(reprint, again.generated_at) == page_one_and_units(pdf, first.generated_at)
    # the changes did move today's figures: the reprint's stability is not for want of change
    assert first.kpis.closed > 0 and first.kpis.due_to_close > 0
    # printed at the same instant, the reprint is the same file
    clock.set(NOW)
    db = open_database(centre, clock=clock)
    try:
        assert briefing_pdf(briefing_data(db, cid, DAY), lang="en", printed_by="tester") == pdf
    finally:
        db.dispose()


def test_the_closure_of_a_reopened_case_stays_counted_for_its_day(centre: Path) -> None:
    clock = FrozenClock(NOW)
    db = open_database(centre, clock=clock)
    try:
        before, _ = period_kpis(db, default_centre(db), DAY)
        today_before, _ = period_kpis(db, default_centre(db), NOW.date())
        with api.connect(centre, user="supervisor", password="supervisor-demo", clock=clock) as s:
            for number in _numbers(centre, "SELECT c.case_number FROM case_record c JOIN case_history h "
                                           "ON h.case_id = c.id WHERE h.action = 'close' AND h.at >= :a "
                                           "AND h.at < :b AND c.status = 'closed'", 3):
                s.act(number, "reopen", note="resident called again")
        after, _ = period_kpis(db, default_centre(db), DAY)
        today_after, _ = period_kpis(db, default_centre(db), NOW.date())
    finally:
        db.dispose()
    assert after == before
    # the reopenings are today's news: today's due and closed cases are untouched, open ones grow
    assert today_after.closed == today_before.closed


# ---- a day worked by hand ---------------------------------------------------------------
def local(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=TZ).astimezone(UTC)


def test_overdue_at_the_end_of_a_past_day_by_hand(db: Database, city, operator, supervisor, clock) -> None:  # type: ignore[no-untyped-def]
    """Urgent cases run on the calendar clock: dispatch within 30 min, handle within 120 min.

    On 25 Nov: A dispatched 10:05 (due 12:05), accepted and not handled that day; B registered 10:00 and
    never dispatched (its dispatch limit runs out at 10:30); C handled at 11:00 and closed at
    11:30; D fed back at 13:00 and closed at 13:30, late; E like A, with two days more asked at
    11:00. The next morning A, B and E are worked off (E's extension approved first, after its
    deadline had passed) and C is reopened. As of the 25th's end: 5 due, 2 closed (1 on time),
    2 handled (1 on time), 3 overdue at the end, whatever happened on the 26th; and E's late
    approval does not make it due, and on time, two days later.
    """
    svc = CaseService(db)
    officer = TransitionParams(officer_id=city.officer_ids[0])

    def act(case_id: int, action: Action, at: datetime, params: TransitionParams | None = None) -> None:
        clock.set(at)
        svc.perform(supervisor, case_id, action, params)

    ids = {}
    clock.set(local(25, 10))
    for name in "ABCDE":
        ids[name] = svc.report(operator, NewCase(SourceChannel.HOTLINE_12345, city.category_id, Priority.URGENT,
                                                 f"case {name}", grid_id=city.grid_ids[0]), register=True).id
    for name in "ACDE":
        act(ids[name], Action.DISPATCH, local(25, 10, 5), officer)
    for name in "AE":
        act(ids[name], Action.ACCEPT, local(25, 10, 10))
    act(ids["E"], Action.REQUEST_EXTENSION, local(25, 11), TransitionParams(minutes=2880, note="parts on order"))
    for name, fed, closed in (("C", local(25, 11), local(25, 11, 30)), ("D", local(25, 13), local(25, 13, 30))):
        act(ids[name], Action.ACCEPT, local(25, 10, 30))
        act(ids[name], Action.FEED_BACK, fed, TransitionParams(note="done"))
        act(ids[name], Action.CLOSE, closed)
    clock.set(local(25, 23, 59))
    on_the_day, _ = period_kpis(db, city.centre_id, date(2026, 11, 25))

    act(ids["B"], Action.DISPATCH, local(26, 9), officer)
    act(ids["B"], Action.ACCEPT, local(26, 9, 10))
    act(ids["E"], Action.EXTEND, local(26, 9, 15))
    for name in "ABE":
        act(ids[name], Action.FEED_BACK, local(26, 9, 20), TransitionParams(note="done"))
        act(ids[name], Action.CLOSE, local(26, 9, 30))
    act(ids["C"], Action.REOPEN, local(26, 9, 40), TransitionParams(note="came back"))
    clock.set(local(26, 12))
    k, _ = period_kpis(db, city.centre_id, date(2026, 11, 25))
    data = briefing_data(db, city.centre_id, date(2026, 11, 25))

    assert k == on_the_day
    assert (k.due_to_close, k.closed_of_due, k.closed_on_time) == (5, 2, 1)
    assert (k.handled_of_due, k.handled_on_time_of_due, k.overdue_at_end) == (2, 1, 3)
    assert (k.closed, k.dispatched, k.extended_of_due) == (2, 4, 0)
    # the list shows them as they stood at 24:00: A and E with their handler, B never dispatched
    late = round((local(26, 0) - local(25, 12, 5)).total_seconds() / 3600, 2)
    assert sorted((r.status, r.overdue_hours) for r in data.overdue) == [
        ("accepted", late), ("accepted", late),
        ("registered", round((local(26, 0) - local(25, 10, 30)).total_seconds() / 3600, 2))]
    # the 26th: A and B closed; B, dispatched at 09:00, is due again at 11:00 and closed on time;
    # C, reopened at 09:40, waits for dispatch past 10:10: due, and overdue at noon
    today, _ = period_kpis(db, city.centre_id, date(2026, 11, 26))
    assert (today.closed, today.due_to_close, today.closed_on_time, today.overdue_at_end) == (3, 2, 1, 1)
    clock.set(local(28, 12))
    after, _ = period_kpis(db, city.centre_id, date(2026, 11, 27))
    assert after.due_to_close == 0  # E's extended deadline (the 27th, 12:05) came too late to count


def test_a_case_corrected_into_another_street_stays_in_its_street_for_its_day(db: Database, city, operator, supervisor, clock) -> None:  # type: ignore[no-untyped-def]
    """A (urgent, grid 01 of 龙桥街道) is dispatched at 10:05 on the 25th and overdue at its end;
    on the 26th a correction (更正) puts it in grid 04, now of 霞林街道. The 25th's street table,
    arrivals by street, hotspots and overdue list still show it in 龙桥街道's grid 01; the
    correction counts from when it was made."""
    with db.unit_of_work() as s:  # grids 03 and 04 become a second street's
        district_id = s.execute(text("SELECT district_id FROM street")).scalar_one()
        street_id = s.execute(text("INSERT INTO street (district_id, code, name, pinyin_initials) "
                                   "VALUES (:d, '350302002', '霞林街道', 'xljd') RETURNING id"), {"d": district_id}).scalar_one()
        community_id = s.execute(text("INSERT INTO community (street_id, code, name, pinyin_initials) "
                                      "VALUES (:s, '350302002001', '霞林社区', 'xlsq') RETURNING id"),
                                 {"s": street_id}).scalar_one()
        s.execute(text("UPDATE grid SET community_id = :c WHERE id IN (:g3, :g4)"),
                  {"c": community_id, "g3": city.grid_ids[2], "g4": city.grid_ids[3]})
    svc = CaseService(db)
    clock.set(local(25, 10))
    a = svc.report(operator, NewCase(SourceChannel.HOTLINE_12345, city.category_id, Priority.URGENT, "case A",
                                     grid_id=city.grid_ids[0]), register=True).id
    clock.set(local(25, 10, 5))
    svc.perform(supervisor, a, Action.DISPATCH, TransitionParams(officer_id=city.officer_ids[0]))
    clock.set(local(26, 8))  # the 25th's briefing, printed the next morning
    day = date(2026, 11, 25)
    first, first_units = briefing_data(db, city.centre_id, day), period_units(db, city.centre_id, day)
    assert [(u.key, u.due) for u in first_units[0]] == [("350302001", 1), ("*", 1)]
    assert [(c.key, c.count) for c in first.by_street] == [("350302001", 1)]
    assert [(r.street, r.grid_code) for r in first.overdue] == [("龙桥街道", "35030200100101")]

    clock.set(local(26, 9))
    svc.perform(supervisor, a, Action.CORRECT, TransitionParams(grid_id=city.grid_ids[3], note="misheard"))
    clock.set(local(26, 12))
    again = briefing_data(db, city.centre_id, day)
    assert period_units(db, city.centre_id, day) == first_units
    for part in ("by_street", "hot_grids", "map_cells", "overdue", "street_units"):
        assert getattr(again, part) == getattr(first, part), part
    # from the correction on, it is 霞林街道's case: overdue there at the 26th's noon
    today = briefing_data(db, city.centre_id, date(2026, 11, 26))
    assert [(r.street, r.grid_code) for r in today.overdue] == [("霞林街道", "35030200100104")]


def test_days_outside_the_data_are_refused(db: Database, city, operator, clock) -> None:  # type: ignore[no-untyped-def]
    svc = CaseService(db)
    svc.report(operator, NewCase(SourceChannel.HOTLINE_12345, city.category_id, Priority.NORMAL, "a case",
                                 grid_id=city.grid_ids[0]))
    today = clock.now().astimezone(TZ).date()
    with pytest.raises(DayInFuture):
        check_briefing_request(db, city.centre_id, today + timedelta(days=1))
    with pytest.raises(DayBeforeData):
        check_briefing_request(db, city.centre_id, today - timedelta(days=1))
    assert check_briefing_request(db, city.centre_id, today).day == today


def test_a_quiet_day_is_marked_on_the_briefing(db: Database, city, operator, clock) -> None:  # type: ignore[no-untyped-def]
    svc = CaseService(db)
    svc.report(operator, NewCase(SourceChannel.HOTLINE_12345, city.category_id, Priority.NORMAL, "a case",
                                 grid_id=city.grid_ids[0]))
    clock.advance(timedelta(days=2))
    quiet = briefing_data(db, city.centre_id, clock.now().astimezone(TZ).date() - timedelta(days=1))
    busy = briefing_data(db, city.centre_id, clock.now().astimezone(TZ).date() - timedelta(days=2))
    words = "Nothing was reported, dispatched or closed in this period"
    assert quiet.kpis.quiet and words in PdfReader(io.BytesIO(briefing_pdf(quiet, printed_by="t"))).pages[0].extract_text()
    assert not busy.kpis.quiet
    assert words not in PdfReader(io.BytesIO(briefing_pdf(busy, printed_by="t"))).pages[0].extract_text()


@pytest.mark.postgres
def test_postgresql_gives_the_same_figures_as_of_the_end(pg_url: str, centre: Path) -> None:
    """The same demo city on PostgreSQL (its bulk history backfilled there) briefs alike, before
    and after a reopening."""
    from commandcenter.simulator.demo import generate_demo

    clock = FrozenClock(NOW)
    pg = open_database(pg_url, clock=clock, create=True)
    lite = open_database(centre, clock=clock)
    try:
        generate_demo(pg, scale="small", days=10, seed=5)
        for db in (pg, lite):
            before = briefing_data(db, default_centre(db), DAY)
            number = _numbers_in(db, "SELECT c.case_number FROM case_record c WHERE c.status = 'closed' "
                                     "AND c.closed_at >= :a AND c.closed_at < :b")
            CaseService(db).perform(_supervisor(db), _case_id(db, number), Action.REOPEN,
                                    TransitionParams(note="came back"))
            after = briefing_data(db, default_centre(db), DAY)
            assert (after.kpis, after.street_units, after.department_units) == (
                before.kpis, before.street_units, before.department_units)
        assert briefing_data(pg, default_centre(pg), DAY) == briefing_data(lite, default_centre(lite), DAY)
    finally:
        pg.dispose()
        lite.dispose()


def _numbers_in(db: Database, sql: str) -> str:
    a = int(datetime.combine(DAY, datetime.min.time(), TZ).timestamp())
    with db.engine.connect() as conn:
        return conn.execute(text(sql + " ORDER BY c.id LIMIT 1"), {"a": a, "b": a + 86_400}).scalar_one()


def _case_id(db: Database, number: str) -> int:
    with db.engine.connect() as conn:
        return conn.execute(text("SELECT id FROM case_record WHERE case_number = :n"), {"n": number}).scalar_one()


def _supervisor(db: Database):  # type: ignore[no-untyped-def]
    from commandcenter.services.auth import demo_principal

    return demo_principal(db, "supervisor")
