"""Reset restores the demo's counts exactly, seats see it, and anything but a demo with its snapshot is refused.

A small demo (one day) is generated once per module with its snapshot, on the engine under test
(a file; on the PostgreSQL pass a database on the private cluster, copied per test as a
template); each test works on a copy. A "drill" is played through the services (new cases, a
dispatch, an escalation scan), then `reset_demo` must give back the generated counts: cases per
status, history rows, positions and the audit trail (plus the reset's own entry, and a sound
chain).
"""

from __future__ import annotations

import logging
import shutil
import sqlite3
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from select import select as select_socket

import pytest
from sqlalchemy import func, select, text, update

from commandcenter.clock import FrozenClock
from commandcenter.db import Database, audit_anchor_path, open_database
from commandcenter.domain.actions import Action
from commandcenter.domain.entities import Entity
from commandcenter.domain.enums import Priority, SourceChannel
from commandcenter.errors import NoDemoSnapshot, NotADemoToReset, PermissionDenied
from commandcenter.labels import describe_error
from commandcenter.models import (
    AppMeta,
    AuditEntry,
    Case,
    CaseHistory,
    Category,
    District,
    Grid,
    Officer,
)
from commandcenter.services.audit_verify import verify_chain
from commandcenter.services.auth import demo_principal, system_principal
from commandcenter.services.changefeed import Change, changes_since, latest_change_id
from commandcenter.services.demo_reset import (
    SNAPSHOT_SCHEMA,
    DemoResetService,
    reset_demo,
    save_demo_snapshot,
    snapshot_path,
)
from commandcenter.services.escalation import scan_escalations
from commandcenter.services.lifecycle import CaseService, TransitionParams
from commandcenter.services.pg_notify import Subscription
from commandcenter.shapes.cases import NewCase
from commandcenter.simulator.demo import generate_demo

from .conftest import START, TEST_ENGINE
from .factories import build_tiny_city, mark_demo
from .pg_cluster import PostgresServer, database_name_for


@pytest.fixture(scope="module")
def template(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The generated demo with its snapshot, once per module: a file, or a database to copy on PostgreSQL."""
    if TEST_ENGINE == "sqlite":
        path = tmp_path_factory.mktemp("reset") / "demo.sqlite"
        target: str | Path = path
    else:
        server: PostgresServer = request.getfixturevalue("pg_server")
        name = database_name_for("demo_reset_template")
        target = server.create_database(name)
    db = open_database(target, create=True, clock=FrozenClock(START))
    try:
        generate_demo(db, scale="small", days=1, seed=4, plant_warnings=True)
        save_demo_snapshot(db)  # as the demo command does
    finally:
        db.dispose()
    if TEST_ENGINE == "sqlite":
        yield str(path)
        return
    yield name
    server.drop_database(name)


def _copy(template: Path, target: Path) -> Path:
    for suffix in ("", ".audit-anchor", ".demo-snapshot", ".demo-snapshot.audit-anchor"):
        shutil.copyfile(template.with_name(template.name + suffix), target.with_name(target.name + suffix))
    return target


@pytest.fixture
def db(request: pytest.FixtureRequest, template: str, tmp_path: Path) -> Iterator[Database]:
    """A copy of the generated demo (and its snapshot) on the engine under test.

    It replaces conftest's `db` here, so the PostgreSQL pass keeps these tests and hands them a
    database on the private cluster.
    """
    if TEST_ENGINE == "sqlite":
        database = open_database(_copy(Path(template), tmp_path / "demo.sqlite"), clock=FrozenClock(START))
        yield database
        database.dispose()
        return
    server: PostgresServer = request.getfixturevalue("pg_server")
    name = database_name_for(request.node.name)
    database = open_database(server.create_database(name, template=template), clock=FrozenClock(START))
    try:
        yield database
    finally:
        database.dispose()
        server.drop_database(name)


def _url(db: Database) -> str:
    return db.url.render_as_string(hide_password=False)


def _counts(db: Database) -> dict[str, object]:
    with db.read() as s:
        return {
            "by_status": dict(s.execute(select(Case.status, func.count()).group_by(Case.status)).all()),
            "cases": s.scalar(select(func.count()).select_from(Case)),
            "history": s.scalar(select(func.count()).select_from(CaseHistory)),
            "audit": s.scalar(select(func.count()).select_from(AuditEntry)),
            "positions": s.execute(select(Officer.id, Officer.last_lon, Officer.last_lat).order_by(Officer.id)).all(),
        }


def _play_a_drill(db: Database) -> None:
    """What a drill leaves behind: new cases (one registered and dispatched), an officer moved on,
    and the clock's escalations an hour later."""
    cases, drill = CaseService(db), system_principal(db, "drill")
    with db.read() as s:
        category = s.scalar(select(Category.id).where(Category.level == 2).order_by(Category.code))
        grid = s.scalar(select(Grid.id).order_by(Grid.id))
        officer = s.scalar(select(Officer.id).order_by(Officer.id))
    assert category is not None and grid is not None and officer is not None
    for n in range(3):
        row = cases.report(drill, NewCase(source=SourceChannel.HOTLINE_12345, category_id=category,
                                          priority=Priority.URGENT, description=f"drill {n}", grid_id=grid),
                           register=n == 0)
    first = row.id - 2
    cases.perform(drill, first, Action.DISPATCH, TransitionParams(officer_id=officer))
    assert isinstance(db.clock, FrozenClock)
    db.clock.advance(timedelta(hours=3))
    scan_escalations(db)


def test_reset_restores_the_generated_counts_exactly(db: Database, caplog: pytest.LogCaptureFixture) -> None:
    generated = _counts(db)
    _play_a_drill(db)
    played = _counts(db)
    assert played["cases"] == generated["cases"] + 3  # type: ignore[operator]
    assert played["history"] != generated["history"]

    with caplog.at_level(logging.INFO, logger="commandcenter.services.demo_reset"):
        result = reset_demo(db, demo_principal(db, "trainer"))

    assert "copied back whole" not in caplog.text  # on PostgreSQL: only the differing rows were written

    after = _counts(db)
    assert after["by_status"] == generated["by_status"]
    assert after["cases"] == generated["cases"] == result.cases_after
    assert result.cases_before == played["cases"]
    assert after["history"] == generated["history"]
    assert after["positions"] == generated["positions"]
    assert after["audit"] == generated["audit"] + 1  # type: ignore[operator]  # the reset's own entry
    with db.read() as s:
        last = s.execute(select(AuditEntry.action, AuditEntry.actor).order_by(AuditEntry.id.desc()).limit(1)).one()
    assert tuple(last) == ("reset_demo", "trainer")
    report = verify_chain(db)
    assert report.problem is None, report


def test_a_seat_open_through_the_reset_sees_it_in_its_change_feed(db: Database) -> None:
    seat = open_database(_url(db), clock=FrozenClock(START))  # another seat's own connections
    try:
        _play_a_drill(db)
        seen = latest_change_id(seat)  # the seat's feed saw the drill's changes
        with seat.read() as s:
            drill_ids = set(s.scalars(select(Case.id).where(Case.is_drill.is_(True))))
        assert drill_ids
        reset_demo(db, None)

        changes = changes_since(seat, seen)
        assert Entity.DEMO in {c.entity for c in changes}  # screens load again
        assert drill_ids <= {c.entity_id for c in changes if c.entity == Entity.CASE}  # gone cases named
        with seat.read() as s:  # the seat's open connections read the restored database
            assert s.scalar(select(func.count()).select_from(Case).where(Case.is_drill.is_(True))) == 0
        # and the next change a seat makes after the reset is seen as well
        CaseService(seat).report(system_principal(seat, "drill"), NewCase(
            source=SourceChannel.PATROL, category_id=_any_category(seat), priority=Priority.NORMAL,
            description="next", grid_id=_any_grid(seat)))
        assert any(c.entity == Entity.CASE for c in changes_since(db, changes[-1].id))
    finally:
        seat.dispose()


@pytest.mark.skipif(TEST_ENGINE != "postgresql", reason="notifications are PostgreSQL's (SQLite seats poll)")
def test_a_listening_seat_is_notified_of_the_reset(db: Database) -> None:
    _play_a_drill(db)
    subscription = Subscription(db.url, latest_change_id(db))
    try:
        reset_demo(db, None)
        heard: list[Change] = []
        deadline = time.monotonic() + 10
        while Entity.DEMO not in {c.entity for c in heard} and time.monotonic() < deadline:
            readable, _, _ = select_socket([subscription.socket], [], [], deadline - time.monotonic())
            if readable:
                heard += subscription.readable()
    finally:
        subscription.close()
    assert Entity.DEMO in {c.entity for c in heard}


def _any_category(db: Database) -> int:
    with db.read() as s:
        return int(s.scalar(select(Category.id).where(Category.level == 2).order_by(Category.code)) or 0)


def _any_grid(db: Database) -> int:
    with db.read() as s:
        return int(s.scalar(select(Grid.id).order_by(Grid.id)) or 0)


def test_a_second_reset_is_as_good_as_the_first(db: Database) -> None:
    generated = _counts(db)
    reset_demo(db, None)
    _play_a_drill(db)
    reset_demo(db, None)
    after = _counts(db)
    assert (after["by_status"], after["history"], after["audit"]) == (
        generated["by_status"], generated["history"], generated["audit"] + 1)  # type: ignore[operator]
    assert verify_chain(db).problem is None
    _play_a_drill(db)  # and the ids handed out after a reset do not collide with restored rows
    assert _counts(db)["cases"] == generated["cases"] + 3  # type: ignore[operator]


def test_only_a_trainer_may_reset_from_a_screen(db: Database) -> None:
    with pytest.raises(PermissionDenied):
        DemoResetService(db).reset(demo_principal(db, "operator"))
    assert DemoResetService(db).reset(demo_principal(db, "trainer")).cases_after > 0


def _unmark_demo(db: Database) -> None:
    with db.unit_of_work() as s:
        s.merge(AppMeta(key="is_demo", value="0"))


def test_a_database_not_marked_demo_is_refused_and_left_as_it_was(db: Database) -> None:
    _play_a_drill(db)
    _unmark_demo(db)
    before = _counts(db)
    with pytest.raises(NotADemoToReset) as refused:
        reset_demo(db, None)
    assert "not a demo database" in describe_error(refused.value)
    assert _counts(db) == before


def _assert_refused(db: Database, reason: str, said: str) -> None:
    """The reset is refused for `reason`, its message says `said`, and nothing was written."""
    before = _counts(db)
    with pytest.raises(NoDemoSnapshot) as refused:
        reset_demo(db, None)
    assert refused.value.reason == reason
    assert said in describe_error(refused.value)
    assert _counts(db) == before


def _drop_snapshot(db: Database) -> None:
    if db.path is not None:
        snapshot_path(db.path).unlink()
        return
    with db.unit_of_work() as s:
        s.execute(text(f"DROP SCHEMA {SNAPSHOT_SCHEMA} CASCADE"))


def _age_snapshot(db: Database) -> None:
    """Make the snapshot look taken at another schema revision (as after `db upgrade`)."""
    if db.path is not None:
        with sqlite3.connect(snapshot_path(db.path)) as con:
            con.execute("UPDATE alembic_version SET version_num = '0001'")
        return
    with db.unit_of_work() as s:
        s.execute(text(f"UPDATE {SNAPSHOT_SCHEMA}.alembic_version SET version_num = '0001'"))


@pytest.mark.parametrize(("spoil", "reason", "said"), [
    (_drop_snapshot, "missing", "has no snapshot of its generated state"),
    (_age_snapshot, "schema", "another schema version"),
], ids=["missing", "other-revision"])
def test_a_demo_without_a_usable_snapshot_is_refused(db: Database, spoil, reason: str, said: str) -> None:  # type: ignore[no-untyped-def]
    _play_a_drill(db)
    spoil(db)
    _assert_refused(db, reason, said)


@pytest.mark.skipif(TEST_ENGINE != "postgresql", reason="the row-by-row restore is PostgreSQL's")
def test_rows_that_cannot_be_restored_one_by_one_are_copied_back_whole(
        db: Database, caplog: pytest.LogCaptureFixture) -> None:
    """A unique code moved from one row to a new one: putting the old row's code back first
    collides with the new row, so the reset copies every table back whole instead."""
    generated = _counts(db)
    with db.read() as s:
        districts = s.execute(select(District.id, District.code, District.name).order_by(District.id)).all()
    _play_a_drill(db)
    with db.unit_of_work() as s:
        first = districts[0]
        s.execute(update(District).where(District.id == first.id).values(code="999999"))
        s.add(District(code=first.code, name="演练区"))
    with caplog.at_level(logging.INFO, logger="commandcenter.services.demo_reset.schema_copy"):
        reset_demo(db, None)
    assert "copied back whole" in caplog.text
    assert _counts(db) == {**generated, "audit": generated["audit"] + 1}  # type: ignore[operator]
    with db.read() as s:
        assert s.execute(select(District.id, District.code, District.name).order_by(District.id)).all() == districts
    assert verify_chain(db).problem is None


@pytest.mark.skipif(TEST_ENGINE != "postgresql", reason="database roles are PostgreSQL's")
def test_a_role_that_may_not_empty_the_audit_anchor_is_refused(db: Database) -> None:
    """As README's audit set-up leaves it: the program's role may update the anchor, not truncate it."""
    role = f"centre_app_{uuid.uuid4().hex[:8]}"
    with db.unit_of_work() as s:
        s.execute(text(f"CREATE ROLE {role} LOGIN"))
        for schema in ("public", SNAPSHOT_SCHEMA):
            s.execute(text(f"GRANT USAGE ON SCHEMA {schema} TO {role}"))
            s.execute(text(f"GRANT SELECT ON ALL TABLES IN SCHEMA {schema} TO {role}"))
        s.execute(text(f"GRANT INSERT, UPDATE, DELETE, TRUNCATE ON ALL TABLES IN SCHEMA public TO {role}"))
        s.execute(text(f"GRANT USAGE, UPDATE ON ALL SEQUENCES IN SCHEMA public TO {role}"))
        s.execute(text(f"REVOKE TRUNCATE ON audit_anchor FROM {role}"))
    app = open_database(db.url.set(username=role).render_as_string(hide_password=False), clock=FrozenClock(START))
    try:
        _play_a_drill(app)
        _assert_refused(app, "not_allowed", "audit role")
    finally:
        app.dispose()
        with db.unit_of_work() as s:
            s.execute(text(f"DROP OWNED BY {role}"))
            s.execute(text(f"DROP ROLE {role}"))


def test_the_command_line_resets_and_refuses_with_exit_2(db: Database) -> None:
    generated = _counts(db)["by_status"]
    _play_a_drill(db)
    url = _url(db)
    done = subprocess.run([sys.executable, "-m", "commandcenter", "demo", "--db", url, "--reset"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "reset" in done.stdout
    assert _counts(db)["by_status"] == generated
    if db.path is not None:
        assert audit_anchor_path(db.path).exists()
    assert verify_chain(db).problem is None

    _unmark_demo(db)
    before = _counts(db)
    refused = subprocess.run([sys.executable, "-m", "commandcenter", "demo", "--db", url, "--reset"],
                             capture_output=True, text=True, timeout=120)
    assert refused.returncode == 2
    assert "not a demo database" in refused.stderr
    assert _counts(db) == before


@pytest.mark.postgres
def test_a_postgres_demo_without_a_snapshot_is_refused_and_nothing_written(pg_db: Database) -> None:
    """Also in the SQLite pass: a demo marked on PostgreSQL but never snapshotted (generated
    before this version) is refused with the advice to generate again."""
    build_tiny_city(pg_db)
    mark_demo(pg_db)
    _assert_refused(pg_db, "missing", "generate the demo again")
