"""Opening never writes; writers wait for the lock, announce it, and give up with a plain message."""

from __future__ import annotations

import hashlib
import sqlite3
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from commandcenter.db import Database, maintain, normalize_url, open_database
from commandcenter.domain.enums import Priority, SourceChannel
from commandcenter.errors import (
    DatabaseBusy,
    DatabaseFull,
    DatabaseReadOnly,
    NotADatabase,
    UnsupportedDatabase,
)
from commandcenter.labels import describe_error
from commandcenter.services.auth import Principal, demo_principal
from commandcenter.services.lifecycle import CaseService
from commandcenter.shapes.cases import NewCase

from .conftest import START
from .factories import build_tiny_city, grid_centre


def seed(db: Database) -> Principal:
    """Who writes the test cases: the tiny city's supervisor."""
    return demo_principal(db, "supervisor")


def new_case(category_id: int, text: str = "路灯不亮") -> NewCase:
    lon, lat = grid_centre(0)
    return NewCase(source=SourceChannel.PATROL, category_id=category_id, priority=Priority.NORMAL,
                   description=text, lon=lon, lat=lat)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def city_file(path: Path, cases: int = 0) -> int:
    """A checkpointed tiny-city database with `cases` cases; returns the case category."""
    from commandcenter.clock import FrozenClock

    db = open_database(path, create=True, clock=FrozenClock(START))
    city = build_tiny_city(db)
    svc = CaseService(db)
    for i in range(cases):
        svc.report(seed(db), new_case(city.category_id, f"#{i}"))
    db.dispose()  # the last connection to close checkpoints the WAL into the file
    return city.category_id


def test_opening_and_reading_leave_the_file_as_it_was(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "centre.sqlite"
    city_file(path, cases=40)  # statistics now stale: opening used to run ANALYZE here
    before = digest(path)
    db = open_database(path)
    assert CaseService(db).row(demo_principal(db, "supervisor"), 1).description == "#0"
    db.dispose()
    assert digest(path) == before


def test_a_read_only_database_opens_reads_and_refuses_writes_plainly(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "share.sqlite"
    category = city_file(path, cases=3)
    before = digest(path)
    db = open_database(f"file:{path}?mode=ro")
    try:
        assert db.read_only
        assert CaseService(db).row(demo_principal(db, "supervisor"), 2).description == "#1"
        with pytest.raises(DatabaseReadOnly) as caught:
            CaseService(db).report(seed(db), new_case(category))
        assert describe_error(caught.value) == (
            f"This database is read-only: {path}. It can be viewed, but nothing can be changed in it.")
        assert maintain(db) is False  # the periodic step leaves a read-only database alone
        assert len(CaseService(db).detail(demo_principal(db, "supervisor"), 3).history) == 1
    finally:
        db.dispose()
    assert digest(path) == before


def test_a_write_refused_by_sqlite_as_read_only_is_typed(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A file SQLite opened read-only although the program could not tell (a read-only share)."""
    path = tmp_path / "share.sqlite"
    category = city_file(path)
    db = open_database(f"file:{path}?mode=ro")
    db.read_only = False  # what os.access reports on some network shares
    try:
        with pytest.raises(DatabaseReadOnly):
            CaseService(db).report(seed(db), new_case(category))
    finally:
        db.dispose()


@pytest.mark.parametrize("url", ["mysql://user@host/centre", "oracle+cx_oracle://h/x", "http://example.org/db"])
def test_unsupported_database_urls_name_the_supported_kinds(url: str) -> None:
    with pytest.raises(UnsupportedDatabase) as caught:
        normalize_url(url)
    message = describe_error(caught.value)
    assert "\n" not in message and "SQLite database file path" in message and "postgresql://" in message


def test_sqlite_uri_forms_name_the_same_file(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "a b.sqlite"
    plain = normalize_url(path)
    assert normalize_url(f"file:{path}?mode=ro").database == plain.database
    assert normalize_url(f"sqlite:///file:{path}?mode=ro&uri=true").query == {"mode": "ro"}
    assert "mode" not in plain.query


def test_a_writer_waits_for_a_long_writer_announces_it_and_then_succeeds(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "centre.sqlite"
    category = city_file(path)
    db = open_database(path, write_wait_s=20)
    heard: list[bool] = []
    db.busy_listeners.append(heard.append)
    holder = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    release = threading.Timer(2.5, holder.execute, args=("COMMIT",))
    release.start()
    try:
        row = CaseService(db).report(seed(db), new_case(category, "等锁之后"))
    finally:
        release.join()
        holder.close()
        db.dispose()
    assert row.description == "等锁之后"
    assert heard == [True, False]


def test_a_writer_gives_up_with_a_plain_message_and_changes_nothing(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "centre.sqlite"
    category = city_file(path, cases=1)
    db = open_database(path, write_wait_s=2.5)
    heard: list[bool] = []
    db.busy_listeners.append(heard.append)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    started = time.monotonic()
    try:
        with pytest.raises(DatabaseBusy) as caught:
            CaseService(db).report(seed(db), new_case(category))
        waited = time.monotonic() - started
        holder.execute("COMMIT")
        assert CaseService(db).row(demo_principal(db, "supervisor"), 1).description == "#0"
        with db.read() as s:
            assert s.connection().exec_driver_sql("SELECT count(*) FROM case_record").scalar_one() == 1
    finally:
        holder.close()
        db.dispose()
    assert 2.5 <= waited < 5
    message = describe_error(caught.value)
    assert "locked" not in message and "Nothing was changed" in message
    assert heard == [True, False]


def test_maintain_refreshes_stale_statistics_once(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "centre.sqlite"
    city_file(path, cases=30)
    db = open_database(path)
    try:
        assert maintain(db) is True
        assert maintain(db) is False
        with db.read() as s:
            stat = s.connection().exec_driver_sql(
                "SELECT stat FROM sqlite_stat1 WHERE tbl = 'case_record' LIMIT 1").scalar_one()
        assert stat.split()[0] == "30"
    finally:
        db.dispose()


def test_a_truncated_database_is_refused_at_open_and_left_unchanged(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "centre.sqlite"
    city_file(path, cases=5)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    before = digest(path)
    with pytest.raises(NotADatabase, match="damaged"):
        open_database(path)
    assert digest(path) == before


def test_the_main_window_shows_a_writer_waiting_in_the_status_bar(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QCoreApplication, QEvent

    from commandcenter.app import build_window
    from commandcenter.gui.tasks import SynchronousRunner

    path = tmp_path / "centre.sqlite"
    category = city_file(path)
    db = open_database(path, write_wait_s=30)
    window = build_window(db, "operator", runner=SynchronousRunner())
    window.show()
    holder = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    outcome: list[object] = []
    seat = threading.Thread(target=lambda: outcome.append(CaseService(db).report(seed(db), new_case(category))))
    try:
        assert not window.write_wait_label.isVisible()
        seat.start()
        qtbot.waitUntil(window.write_wait_label.isVisible, timeout=5000)
        assert window.write_wait_label.text() == "Another seat or an import is writing; retrying…"
        holder.execute("COMMIT")
        qtbot.waitUntil(lambda: not window.write_wait_label.isVisible(), timeout=15000)
        seat.join()
        assert len(outcome) == 1
    finally:
        holder.close()
        window.close()
        window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert db.busy_listeners == []


@pytest.mark.parametrize(("driver_error", "typed"), [
    ("SerializationFailure", DatabaseBusy), ("DeadlockDetected", DatabaseBusy), ("LockNotAvailable", DatabaseBusy),
    ("ReadOnlySqlTransaction", DatabaseReadOnly), ("DiskFull", DatabaseFull),
])
def test_postgresql_lock_and_space_failures_leave_a_unit_of_work_typed(tmp_path, driver_error, typed) -> None:  # type: ignore[no-untyped-def]
    """What psycopg raises for a lock timeout, a serialization failure, a read-only standby or a
    full disk ends the action (rolled back) with the same typed error as on SQLite."""
    import psycopg.errors
    from sqlalchemy.exc import OperationalError

    path = tmp_path / "centre.sqlite"
    city_file(path, cases=1)
    db = open_database(path)
    try:
        with pytest.raises(typed), db.unit_of_work() as s:
            s.connection().exec_driver_sql("DELETE FROM case_history")
            raise OperationalError("UPDATE case_record …", {}, getattr(psycopg.errors, driver_error)())
        assert len(CaseService(db).detail(demo_principal(db, "supervisor"), 1).history) == 1  # rolled back
    finally:
        db.dispose()


def test_the_main_window_opens_and_reads_a_read_only_database(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QCoreApplication, QEvent

    from commandcenter.app import build_window
    from commandcenter.gui.tasks import SynchronousRunner

    path = tmp_path / "share.sqlite"
    city_file(path, cases=4)
    before = digest(path)
    db = open_database(f"file:{path}?mode=ro")
    window = build_window(db, "operator", runner=SynchronousRunner())
    try:
        window.show()
        qtbot.waitUntil(lambda: window.counts_label.text().startswith("Open 4 "), timeout=5000)
        for key in ("wall", "roster", "map", "handover"):
            window.show_screen(key)
        window.maintain_database()  # the periodic step leaves it alone
    finally:
        window.close()
        window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert digest(path) == before


def _closed(driver_connection) -> bool:  # type: ignore[no-untyped-def]
    """Whether a driver's connection is closed: psycopg says so, sqlite3 refuses to run."""
    if isinstance(driver_connection, sqlite3.Connection):
        try:
            driver_connection.execute("SELECT 1")
        except sqlite3.ProgrammingError:
            return True
        return False
    return bool(driver_connection.closed)


def test_connections_returned_after_dispose_are_closed_not_left_to_the_collector(db) -> None:  # type: ignore[no-untyped-def]
    """A window deleted without a close disposes its database while a background load may
    still be reading: the connection that load returns afterwards, and any it opens after the
    dispose, are closed then. Left open, the garbage collector would find them (psycopg warns
    with a ResourceWarning at some unrelated later moment)."""
    with db.read() as s:
        in_use = s.connection().connection.driver_connection
        db.dispose()
        assert not _closed(in_use)  # the load still reads on it
    assert _closed(in_use)
    with db.read() as s:
        opened_after = s.connection().connection.driver_connection
        assert s.execute(text("SELECT 1")).scalar() == 1
    assert _closed(opened_after)
