"""The roster service: rows by set-based queries, duty changes under an optimistic lock,
position reports, and shifts (who is on now and next)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import event, func, insert, select

from commandcenter.domain.actions import Action
from commandcenter.domain.enums import DutyStatus, Priority, SourceChannel
from commandcenter.errors import NotFound, PermissionDenied, ValidationError
from commandcenter.models import (
    AuditEntry,
    ChangeLog,
    DutyChange,
    Officer,
    OfficerGrid,
    OfficerPosition,
)
from commandcenter.services.lifecycle import CaseService, TransitionParams
from commandcenter.services.roster import (
    PositionReport,
    StaleOfficer,
    officer_loads,
    officer_row,
    officer_rows,
    record_positions,
    set_duty_status,
)
from commandcenter.services.shifts import (
    assign_to_shift,
    delete_shift,
    list_users,
    remove_from_shift,
    save_shift,
    shift_board,
    shift_rows,
)
from commandcenter.shapes.cases import NewCase

from .factories import grid_centre


def dispatch_case(db, actor, city, officer_id: int, grid: int = 0, priority=Priority.NORMAL) -> int:  # type: ignore[no-untyped-def]
    svc = CaseService(db)
    lon, lat = grid_centre(grid)
    row = svc.report(actor, NewCase(SourceChannel.PATROL, city.category_id, priority, "井盖缺失", lon=lon, lat=lat),
                     register=True)
    row = svc.perform(actor, row.id, Action.DISPATCH, TransitionParams(officer_id=officer_id),
                      expected_version=row.version)
    return row.id


def count_statements(db):  # type: ignore[no-untyped-def]
    statements: list[str] = []
    event.listen(db.engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
    return statements


def test_rows_show_grids_places_and_load(db, city, supervisor, clock) -> None:  # type: ignore[no-untyped-def]
    zhang = city.officer_ids[0]
    dispatch_case(db, supervisor, city, zhang)
    dispatch_case(db, supervisor, city, zhang, grid=3)
    rows = {r.id: r for r in officer_rows(db)}
    assert [r.employee_no for r in officer_rows(db)] == ["PT000001", "PT000002", "PT000003"]
    row = rows[zhang]
    assert row.name == "张伟" and row.pinyin_initials == "zw"
    assert row.grid_codes == ("35030200100101", "35030200100104")
    assert row.street_names == ("龙桥街道",) and row.community_names == ("东岩社区",)
    assert (row.open_cases, row.overdue_cases) == (2, 0)
    assert row.duty_status == "on_duty" and row.available
    assert rows[city.officer_ids[1]].open_cases == 0
    clock.advance(hours=30)  # past every handling deadline
    assert officer_loads(db)[zhang].overdue_cases == 2
    assert officer_row(db, zhang).overdue_cases == 2
    with pytest.raises(NotFound):
        officer_row(db, 999)


def test_roster_of_3096_officers_loads_in_a_few_queries(db, city) -> None:  # type: ignore[no-untyped-def]
    with db.unit_of_work() as s:
        s.execute(insert(Officer), [
            {"employee_no": f"X{i:06d}", "name": f"测试{i}", "pinyin_initials": "cs", "phone": "",
             "duty_status": "on_duty", "version": 1} for i in range(3093)])
        ids = s.scalars(select(Officer.id).where(Officer.employee_no.like("X%"))).all()
        s.execute(insert(OfficerGrid), [{"officer_id": oid, "grid_id": city.grid_ids[i % 4]}
                                        for i, oid in enumerate(ids)])
    statements = count_statements(db)
    rows = officer_rows(db)
    assert len(rows) == 3096
    # set-based, not one query per officer (timings belong in benchmarks, not in tests)
    assert len([s for s in statements if s.lstrip().upper().startswith("SELECT")]) <= 6


def test_duty_change_is_recorded_and_locked(db, city, supervisor, clock) -> None:  # type: ignore[no-untyped-def]
    li = city.officer_ids[2]
    before = officer_row(db, li)
    row = set_duty_status(db, supervisor, li, DutyStatus.ON_DUTY, expected_version=before.version)
    assert row.duty_status == "on_duty" and row.version == before.version + 1
    with db.read() as s:
        change = s.scalar(select(DutyChange).where(DutyChange.officer_id == li))
        assert (change.from_status, change.to_status, change.user_id) == ("off_duty", "on_duty", supervisor.user_id)
        assert change.at == clock.now()
        assert s.scalar(select(func.count()).select_from(ChangeLog).where(
            ChangeLog.entity == "officer", ChangeLog.entity_id == li)) == 1
        audit = s.scalar(select(AuditEntry).where(AuditEntry.action == "duty_change"))
        assert audit.entity_id == li and '"to": "on_duty"' in audit.detail
    # another seat still showing the old version is refused, and nothing changes
    with pytest.raises(StaleOfficer) as err:
        set_duty_status(db, supervisor, li, DutyStatus.ON_LEAVE, expected_version=before.version)
    assert err.value.duty_status == "on_duty" and "changed at another seat" in err.value.message
    assert officer_row(db, li).duty_status == "on_duty"
    # the same status again records nothing
    assert set_duty_status(db, supervisor, li, "on_duty").version == row.version
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(DutyChange)) == 1


def test_duty_change_needs_the_roster_permission(db, city, operator, supervisor) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(PermissionDenied):
        set_duty_status(db, operator, city.officer_ids[0], DutyStatus.OFF_DUTY)
    with pytest.raises(ValidationError):
        set_duty_status(db, supervisor, city.officer_ids[0], "asleep")


def test_positions_move_officers_only_forwards(db, city, clock) -> None:  # type: ignore[no-untyped-def]
    zhang, wang = city.officer_ids[:2]
    now = clock.now()
    moved = record_positions(db, [
        PositionReport(zhang, now - timedelta(minutes=5), 119.0011, 25.4011),
        PositionReport(zhang, now - timedelta(minutes=1), 119.0012, 25.4012),
        PositionReport(wang, now - timedelta(minutes=2), 119.0013, 25.4013),
    ])
    assert moved == 2
    row = officer_row(db, zhang)
    assert (row.last_lon, row.last_lat, row.last_seen_at) == (119.0012, 25.4012, now - timedelta(minutes=1))
    assert row.version == 1
    assert record_positions(db, [PositionReport(zhang, now - timedelta(minutes=3), 119.0, 25.4)]) == 0
    assert officer_row(db, zhang).last_lon == 119.0012
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(OfficerPosition)) == 4
        assert s.scalar(select(func.count()).select_from(ChangeLog).where(ChangeLog.entity == "officer")) == 2


# ---- shifts ---------------------------------------------------------------------------------------
def local(day: int, hour: int, minute: int = 0) -> datetime:
    """An instant given in Shanghai local time in November 2026."""
    return datetime(2026, 11, day, hour, minute, tzinfo=UTC) - timedelta(hours=8)


def test_shifts_are_defined_edited_and_staffed(db, city, supervisor) -> None:  # type: ignore[no-untyped-def]
    day = save_shift(db, supervisor, name="白班", start_time="08:00", end_time="20:00")
    night = save_shift(db, supervisor, name="夜班", start_time="20:00", end_time="08:00", weekdays=[1, 2, 3, 4, 5, 6, 7])
    assert night.overnight and not day.overnight and day.centre_id == supervisor.centre_id
    with pytest.raises(ValidationError, match="already a shift called"):
        save_shift(db, supervisor, name="白班", start_time="09:00", end_time="17:00")
    with pytest.raises(ValidationError, match="HH:MM"):
        save_shift(db, supervisor, name="早班", start_time="8am", end_time="17:00")
    with pytest.raises(ValidationError, match="at least one day"):
        save_shift(db, supervisor, name="早班", start_time="08:00", end_time="17:00", weekdays="")
    day = save_shift(db, supervisor, shift_id=day.id, name="白班", start_time="08:30", end_time="20:30",
                     weekdays="7654321")
    assert (day.start_time, day.weekdays) == ("08:30", "1234567")
    operator_id = next(u.id for u in list_users(db) if u.role == "operator")
    day = assign_to_shift(db, supervisor, day.id, officer_ids=city.officer_ids[:2], user_ids=[operator_id])
    day = assign_to_shift(db, supervisor, day.id, officer_ids=[city.officer_ids[0]])  # already there: once
    assert day.officer_names == ("张伟", "王芳") and day.user_names == ("Operator",)
    day = remove_from_shift(db, supervisor, day.id, officer_ids=[city.officer_ids[1]])
    assert day.officer_ids == (city.officer_ids[0],)
    with pytest.raises(NotFound):
        assign_to_shift(db, supervisor, day.id, officer_ids=[999])
    assert [s.name for s in shift_rows(db, supervisor.centre_ids)] == ["白班", "夜班"]
    delete_shift(db, supervisor, night.id)
    assert [s.name for s in shift_rows(db)] == ["白班"]
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(ChangeLog).where(ChangeLog.entity == "shift")) >= 6


def test_current_and_next_shift(db, city, supervisor, operator, clock) -> None:  # type: ignore[no-untyped-def]
    day = save_shift(db, supervisor, name="白班", start_time="08:00", end_time="20:00")
    night = save_shift(db, supervisor, name="夜班", start_time="20:00", end_time="08:00")
    weekend = save_shift(db, supervisor, name="周末班", start_time="09:00", end_time="17:00", weekdays="67")
    assign_to_shift(db, supervisor, day.id, officer_ids=[city.officer_ids[0]], user_ids=[operator.user_id])
    assign_to_shift(db, supervisor, night.id, officer_ids=[city.officer_ids[1]])
    assign_to_shift(db, supervisor, weekend.id, officer_ids=[city.officer_ids[2]])

    board = shift_board(db)  # Wednesday 25th, 10:00
    assert [c.period.shift.name for c in board.current] == ["白班"]
    assert board.current[0].officer_names == ("张伟",) and board.current[0].user_names == ("Operator",)
    assert (board.current[0].period.start, board.current[0].period.end) == (local(25, 8), local(25, 20))
    assert board.next.period.shift.name == "夜班" and board.next.period.start == local(25, 20)
    assert {r.id: r.shift_name for r in officer_rows(db)} == {
        city.officer_ids[0]: "白班", city.officer_ids[1]: "", city.officer_ids[2]: ""}

    clock.set(local(26, 2))  # 02:00 on Thursday: the night shift of Wednesday runs
    board = shift_board(db)
    assert [(c.period.shift.name, c.period.day.day) for c in board.current] == [("夜班", 25)]
    assert board.next.period.shift.name == "白班" and board.next.period.start == local(26, 8)
    assert officer_row(db, city.officer_ids[1]).shift_name == "夜班"

    clock.set(local(28, 12))  # Saturday noon: day and weekend shifts overlap
    assert [c.period.shift.name for c in shift_board(db).current] == ["白班", "周末班"]
    assert shift_board(db, at=local(27, 20, 30)).next.period.start == local(28, 8)


@pytest.mark.postgres
def test_roster_dispatch_map_and_imports_on_postgresql(pg_url, clock, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The same services on PostgreSQL, with two seats racing for one officer."""
    from commandcenter.db import open_database
    from commandcenter.services.auth import demo_principal
    from commandcenter.services.dispatch import recommend
    from commandcenter.services.imports import import_grids, import_officers, import_positions
    from commandcenter.services.map_data import map_geometry, map_layers

    from .factories import build_tiny_city
    from .test_imports import GOOD_OFFICERS, small_city, write

    db = open_database(pg_url, clock=clock, create=True)
    other_seat = open_database(pg_url, clock=clock)
    try:
        city = build_tiny_city(db)
        supervisor = demo_principal(db, "supervisor")
        assert import_grids(db, write(tmp_path / "c.geojson", small_city())).created == 14
        assert import_officers(db, write(tmp_path / "o.csv", GOOD_OFFICERS, "gbk")).created == 2
        positions = "employee_no,at,lon,lat\nPT000001,2026-11-25 09:59:00,119.0012,25.4012\n"
        assert import_positions(db, write(tmp_path / "p.csv", positions)).updated == 1
        case_id = dispatch_case(db, supervisor, city, city.officer_ids[0])
        rows = {r.employee_no: r for r in officer_rows(db)}
        assert len(rows) == 5 and rows["PT000001"].open_cases == 1
        version = rows["PT000001"].version
        set_duty_status(other_seat, demo_principal(other_seat, "supervisor"), city.officer_ids[0], DutyStatus.ON_LEAVE,
                        expected_version=version)
        with pytest.raises(StaleOfficer):
            set_duty_status(db, supervisor, city.officer_ids[0], DutyStatus.OFF_DUTY, expected_version=version)
        assert officer_row(db, city.officer_ids[0]).duty_status == "on_leave"
        assert recommend(db, case_id)[0].duty_status in ("on_duty", "in_field")
        assert len(map_geometry(db).grids) == 18
        layers = map_layers(db)
        assert layers.values["open"] == {city.grid_ids[0]: 1.0} and len(layers.cases) == 1
    finally:
        other_seat.dispose()
        db.dispose()
