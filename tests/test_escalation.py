"""The escalation clock: reminders at 80 %, supervision at 100 %, once per case/stage/level/round."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from sqlalchemy import event, select, text

from commandcenter.db import Database, open_database
from commandcenter.domain.actions import Action
from commandcenter.domain.enums import CaseStatus, EscalationLevel, Priority, SourceChannel, Stage
from commandcenter.errors import PermissionDenied
from commandcenter.models import AuditEntry, Case, ChangeLog, Escalation
from commandcenter.services.auth import demo_principal
from commandcenter.services.escalation import (
    acknowledge_escalation,
    candidates_select,
    open_escalations,
    scan_escalations,
)
from commandcenter.services.lifecycle import CaseService, TransitionParams
from commandcenter.shapes.cases import NewCase

from .factories import build_tiny_city, db_argument, grid_centre

REMINDER, SUPERVISION = EscalationLevel.REMINDER.value, EscalationLevel.SUPERVISION.value


def report(db: Database, city, priority: Priority = Priority.NORMAL) -> int:  # type: ignore[no-untyped-def]
    lon, lat = grid_centre(0)
    row = CaseService(db).report(
        demo_principal(db, "supervisor"),
        NewCase(source=SourceChannel.PATROL, category_id=city.category_id, priority=priority,
                description="路边堆放建筑垃圾", lon=lon, lat=lat),
    )
    return row.id


def act(db: Database, case_id: int, action: Action, **params) -> None:  # type: ignore[no-untyped-def]
    CaseService(db).perform(demo_principal(db, "supervisor"), case_id, action, TransitionParams(**params))


def case_state(db: Database, case_id: int) -> tuple[int, int]:
    with db.read() as s:
        c = s.get(Case, case_id)
        assert c is not None
        return c.escalation_level, c.version


def escalations(db: Database) -> list[tuple[int, str, str, int]]:
    with db.read() as s:
        return [tuple(r) for r in s.execute(  # type: ignore[misc]
            select(Escalation.case_id, Escalation.stage, Escalation.level, Escalation.round).order_by(Escalation.id)
        )]


def test_reminder_at_80_percent_then_supervision_once_each(db, city, clock) -> None:  # type: ignore[no-untyped-def]
    case_id = report(db, city)  # register limit 30 calendar minutes
    level, version = case_state(db, case_id)
    clock.advance(minutes=23)
    assert scan_escalations(db) == []
    clock.advance(minutes=1)  # 24 of 30 minutes = 80 %
    (first,) = scan_escalations(db)
    assert (first.case_id, first.stage, first.level, first.round) == (case_id, Stage.REGISTER.value, REMINDER, 0)
    assert first.deadline_at == first.at + timedelta(minutes=6)
    assert scan_escalations(db) == []
    assert case_state(db, case_id) == (1, version)  # flagged, but the optimistic lock is untouched
    clock.advance(minutes=6)
    (second,) = scan_escalations(db)
    assert second.level == SUPERVISION
    assert scan_escalations(db) == []
    clock.advance(hours=5)
    assert scan_escalations(db) == []
    assert case_state(db, case_id) == (2, version)
    assert escalations(db) == [(case_id, "register", REMINDER, 0), (case_id, "register", SUPERVISION, 0)]
    with db.read() as s:
        audits = s.execute(select(AuditEntry.actor, AuditEntry.action, AuditEntry.entity_id)
                           .where(AuditEntry.action == "escalate")).all()
        changes = s.execute(select(ChangeLog.entity, ChangeLog.op).order_by(ChangeLog.id)).all()
    assert audits == [("escalation-clock", "escalate", case_id)] * 2
    assert changes == [("case", "insert")] + [("case", "update"), ("escalation", "insert")] * 2
    # a seat that read the case before the escalations can still act on it
    CaseService(db).perform(demo_principal(db, "supervisor"), case_id, Action.REGISTER, expected_version=version)


def test_overdue_case_gets_only_the_supervision(db, city, clock) -> None:  # type: ignore[no-untyped-def]
    case_id = report(db, city)
    clock.advance(minutes=45)
    (only,) = scan_escalations(db)
    assert only.level == SUPERVISION
    assert escalations(db) == [(case_id, "register", SUPERVISION, 0)]


def test_each_stage_escalates_on_its_own_clock(db, city, clock) -> None:  # type: ignore[no-untyped-def]
    case_id = report(db, city)
    clock.advance(minutes=25)
    assert [e.stage for e in scan_escalations(db)] == ["register"]
    act(db, case_id, Action.REGISTER)  # dispatch clock starts, the flag is reset
    assert case_state(db, case_id)[0] == 0
    assert scan_escalations(db) == []
    clock.advance(minutes=31)
    (e,) = scan_escalations(db)
    assert (e.stage, e.level) == ("dispatch", SUPERVISION)


def test_rework_starts_a_new_round(db, city, clock) -> None:  # type: ignore[no-untyped-def]
    case_id = report(db, city, Priority.URGENT)  # urgent: every limit on the calendar clock
    act(db, case_id, Action.REGISTER)
    act(db, case_id, Action.DISPATCH, officer_id=city.officer_ids[0])
    act(db, case_id, Action.ACCEPT)
    clock.advance(minutes=121)
    assert [(e.stage, e.level, e.round) for e in scan_escalations(db)] == [("handle", SUPERVISION, 0)]
    act(db, case_id, Action.FEED_BACK, note="已清理")
    act(db, case_id, Action.RETURN_FOR_REWORK, note="现场仍有垃圾")
    act(db, case_id, Action.ACCEPT)  # the rework clock of the handling stage runs from the return
    clock.advance(minutes=100)
    assert [(e.stage, e.level, e.round) for e in scan_escalations(db)] == [("handle", REMINDER, 1)]
    clock.advance(minutes=20)
    assert [(e.stage, e.level, e.round) for e in scan_escalations(db)] == [("handle", SUPERVISION, 1)]
    assert [row[1:] for row in escalations(db)] == [
        ("handle", SUPERVISION, 0), ("handle", REMINDER, 1), ("handle", SUPERVISION, 1)]


def test_suspended_and_finished_cases_do_not_escalate(db, city, clock) -> None:  # type: ignore[no-untyped-def]
    suspended = report(db, city)
    act(db, suspended, Action.REGISTER)
    act(db, suspended, Action.REQUEST_SUSPENSION, note="等待产权单位答复", minutes=480)
    act(db, suspended, Action.SUSPEND)
    rejected = report(db, city)
    act(db, rejected, Action.REJECT, note="重复上报")
    clock.advance(hours=8)
    assert scan_escalations(db) == []
    act(db, suspended, Action.RESUME)  # the clock is shifted by the time spent suspended
    assert scan_escalations(db) == []
    clock.advance(minutes=24)
    assert [(e.case_id, e.level) for e in scan_escalations(db)] == [(suspended, REMINDER)]


def _scan_concurrently(databases: list[Database]) -> list[list[int]]:
    barrier = threading.Barrier(len(databases))
    results: list[list[int]] = [[] for _ in databases]
    errors: list[BaseException] = []

    def work(i: int) -> None:
        try:
            barrier.wait()
            results[i] = [e.id for e in scan_escalations(databases[i])]
        except BaseException as exc:  # reported by the main thread
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(len(databases))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert not errors, errors
    return results


def test_concurrent_seats_record_and_report_each_escalation_once(db, city, clock, tmp_path) -> None:  # type: ignore[no-untyped-def]
    ids = [report(db, city) for _ in range(40)]
    others = [open_database(db_argument(db), clock=clock) for _ in range(3)]
    try:
        clock.advance(minutes=25)
        results = _scan_concurrently([db, *others])
        reported = [i for r in results for i in r]
        assert len(reported) == len(set(reported)) == 40
        assert sum(1 for r in results if r) >= 1
        clock.advance(minutes=10)
        results = _scan_concurrently([db, *others])
        assert sum(len(r) for r in results) == 40
    finally:
        for other in others:
            other.dispose()
    assert sorted(escalations(db)) == sorted(
        [(i, "register", REMINDER, 0) for i in ids] + [(i, "register", SUPERVISION, 0) for i in ids])


def test_a_scan_is_a_fixed_number_of_statements(db, city, clock) -> None:  # type: ignore[no-untyped-def]
    statements: list[str] = []

    @event.listens_for(db.engine, "before_cursor_execute")
    def count(conn, cursor, statement, parameters, context, executemany):  # type: ignore[no-untyped-def]
        statements.append(statement)

    def scan_cost(n: int) -> int:
        for _ in range(n):
            report(db, city)
        clock.advance(minutes=25)
        statements.clear()
        assert len(scan_escalations(db)) == n
        return len(statements)

    few = scan_cost(2)
    clock.advance(hours=1)
    scan_escalations(db)
    many = scan_cost(30)
    assert few == many


@pytest.mark.sqlite_only  # reads SQLite's query plan
def test_the_candidate_query_uses_the_status_deadline_index(db, city) -> None:  # type: ignore[no-untyped-def]
    compiled = candidates_select(1_800_000_000).compile(db.engine, compile_kwargs={"literal_binds": True})
    with db.engine.connect() as conn:
        plan = " ".join(str(r[-1]) for r in conn.execute(text(f"EXPLAIN QUERY PLAN {compiled}")))
    assert "USING INDEX ix_case_status_deadline" in plan, plan


def test_escalation_list_and_acknowledgement_by_role(db, city, clock, operator, supervisor) -> None:  # type: ignore[no-untyped-def]
    early, late = report(db, city), report(db, city)
    clock.advance(minutes=25)
    scan_escalations(db)
    act(db, late, Action.REGISTER)
    clock.advance(minutes=10)
    scan_escalations(db)  # early: supervision; late: 10 of 30 dispatch minutes, nothing yet
    clock.advance(minutes=15)
    scan_escalations(db)  # late: dispatch reminder (25 of 30 minutes)
    rows = open_escalations(db, operator.centre_ids)
    assert [(r.case_id, r.stage, r.level) for r in rows] == [
        (late, "dispatch", REMINDER), (early, "register", SUPERVISION),
        (late, "register", REMINDER), (early, "register", REMINDER)]
    assert [r.current for r in rows] == [True, True, False, True]
    assert rows[0].case_number and rows[0].priority == "normal" and rows[0].status == CaseStatus.REGISTERED
    assert open_escalations(db, [city.centre_id + 100]) == []

    supervision = rows[1]
    with pytest.raises(PermissionDenied):
        acknowledge_escalation(db, operator, supervision.id)
    done = acknowledge_escalation(db, operator, rows[0].id)
    assert done.acknowledged_at == clock.now() and done.acknowledged_by == "Operator"
    clock.advance(minutes=1)
    again = acknowledge_escalation(db, supervisor, rows[0].id)
    assert again.acknowledged_at == done.acknowledged_at and again.acknowledged_by == "Operator"
    acknowledge_escalation(db, supervisor, supervision.id)
    assert [r.id for r in open_escalations(db, operator.centre_ids)] == [rows[2].id, rows[3].id]
    with db.read() as s:
        acks = s.execute(select(AuditEntry.actor).where(AuditEntry.action == "acknowledge_escalation")).all()
    assert [a for (a,) in acks] == ["operator", "supervisor"]


def test_acknowledging_outside_ones_centre_is_refused(db, city, clock) -> None:  # type: ignore[no-untyped-def]
    from commandcenter.models import CommandCentre, User

    with db.unit_of_work() as s:
        other = CommandCentre(code="C350303", name="涵江区指挥中心", level="district", parent_id=city.centre_id)
        s.add(other)
        s.flush()
        s.add(User(username="hj_operator", display_name="HJ", role="operator", centre_id=other.id))
    report(db, city)
    clock.advance(minutes=25)
    (e,) = scan_escalations(db)
    with pytest.raises(PermissionDenied):
        acknowledge_escalation(db, demo_principal(db, "hj_operator"), e.id)


@pytest.mark.postgres
def test_concurrent_scanners_on_postgresql(pg_url, clock) -> None:  # type: ignore[no-untyped-def]
    db = open_database(pg_url, clock=clock, create=True)
    other = open_database(pg_url, clock=clock)
    try:
        city = build_tiny_city(db)
        ids = [report(db, city) for _ in range(30)]
        clock.advance(minutes=25)
        results = _scan_concurrently([db, other, db, other])
        assert sorted(i for r in results for i in r) == sorted(set(i for r in results for i in r))
        assert sum(len(r) for r in results) == 30
        assert scan_escalations(db) == []
        clock.advance(minutes=10)
        assert sum(len(r) for r in _scan_concurrently([db, other])) == 30
        assert len(escalations(db)) == 2 * len(ids)
    finally:
        other.dispose()
        db.dispose()
