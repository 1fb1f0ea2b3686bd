"""Fault injection on SQLite: kill -9 during writes, a long writer, a full disk, a read-only or
deleted file, and a damaged file at start. Each time: a clear message, reads keep working, and
nothing acknowledged is lost or half-applied.

Worker processes (`tests/fault_worker.py`) journal every action after it commits, so the test
knows what a user was told had happened before the process died.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import event

from commandcenter.cli import main
from commandcenter.clock import FrozenClock
from commandcenter.db import open_database
from commandcenter.domain.enums import Priority, SourceChannel
from commandcenter.errors import DatabaseFull, DatabaseMissing, DatabaseReadOnly
from commandcenter.labels import describe_error
from commandcenter.services.auth import demo_principal
from commandcenter.services.lifecycle import CaseService
from commandcenter.shapes.cases import NewCase

from .conftest import START
from .factories import TinyCity, build_tiny_city, grid_centre, mark_demo

# a file database's own faults (a full disk, a read-only or deleted file); PostgreSQL's are in
# test_faults_postgres
pytestmark = pytest.mark.sqlite_only

ROOT = Path(__file__).resolve().parent.parent
KILL_ROUNDS = 10  # a services worker and a drill worker killed in each: 20 kills


def worker(mode: str, db: Path, journal: Path, *args: str) -> subprocess.Popen[bytes]:
    env = {**os.environ, "COMMANDCENTER_DATA_DIR": str(db.parent / "data"),
           "COMMANDCENTER_LOG_DIR": str(db.parent / "log"), "COMMANDCENTER_LANG": "en"}
    return subprocess.Popen([sys.executable, "-m", "tests.fault_worker", mode, "--db", str(db),
                             "--journal", str(journal), *args], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def journal_entries(path: Path) -> list[dict[str, object]]:
    """Complete lines only: a kill may cut the line being written, whose action is then unacknowledged."""
    if not path.exists():
        return []
    text = path.read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines(keepends=True) if line.endswith("\n")]


def wait_for(predicate, timeout: float, what: str) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.05)


def check_database(path: Path, acknowledged: list[dict[str, object]]) -> int:
    """Integrity, every acknowledged action present, every case agreeing with its last history row."""
    con = sqlite3.connect(path)
    try:
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        cases = {cid: (status, version, text) for cid, status, version, text in
                 con.execute("SELECT id, status, version, description FROM case_record")}
        actions = {(cid, action) for cid, action in con.execute("SELECT case_id, action FROM case_history")}
        for entry in acknowledged:
            if entry["kind"] == "report":
                assert cases[entry["case"]][2] == entry["token"], entry
            else:
                assert (entry["case"], entry["action"]) in actions, entry
                assert cases[entry["case"]][1] >= entry["version"], entry
        last = dict(con.execute(
            "SELECT h.case_id, h.to_status FROM case_history h "
            "JOIN (SELECT case_id, max(id) AS id FROM case_history GROUP BY case_id) m ON m.id = h.id"))
        for cid, (status, _, _) in cases.items():
            assert last.get(cid) == status, (cid, status, last.get(cid))
        return len(cases)
    finally:
        con.close()


def tiny_city_file(path: Path) -> TinyCity:
    db = open_database(path, create=True, clock=FrozenClock(START))
    city = build_tiny_city(db)
    mark_demo(db)  # the drill runs against it
    db.dispose()
    return city


@pytest.mark.slow
def test_services_and_drill_killed_at_random_moments_lose_nothing_acknowledged(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "centre.sqlite"
    tiny_city_file(path)
    rng = random.Random(20261127)
    acknowledged: list[dict[str, object]] = []
    kills = 0
    for round_no in range(KILL_ROUNDS):
        journals = {mode: tmp_path / f"{mode}-{round_no}.jsonl" for mode in ("services", "drill")}
        procs = {mode: worker(mode, path, journal, "--seed", str(round_no), "--name", f"r{round_no}")
                 for mode, journal in journals.items()}
        try:
            # both are writing (each has committed something), then each dies at its own moment
            wait_for(lambda js=journals: all(journal_entries(j) for j in js.values()), 60, "both workers to write")
            for mode in rng.sample(sorted(procs), 2):
                time.sleep(rng.uniform(0.05, 0.6))
                procs[mode].send_signal(signal.SIGKILL)
                assert procs[mode].wait(10) == -signal.SIGKILL, procs[mode].stderr.read().decode()  # type: ignore[union-attr]
                kills += 1
        finally:
            for proc in procs.values():
                if proc.poll() is None:
                    proc.kill()
                proc.wait()
                proc.stderr.close()  # type: ignore[union-attr]
        for journal in journals.values():
            acknowledged += journal_entries(journal)
        check_database(path, acknowledged)
    assert kills == 2 * KILL_ROUNDS
    kinds = {(e["kind"], e.get("action")) for e in acknowledged}
    assert {("report", None), ("perform", "dispatch"), ("perform", "accept"), ("perform", "feed_back")} <= kinds
    # the app still opens the survivor and works on it
    db = open_database(path)
    try:
        assert CaseService(db).row(demo_principal(db, "supervisor"), int(acknowledged[-1]["case"])).id == acknowledged[-1]["case"]  # type: ignore[call-overload]
    finally:
        db.dispose()


@pytest.mark.slow
def test_four_writers_and_a_long_import_never_show_database_is_locked(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The import holds the write lock 12 s, longer than SQLite's 10 s busy timeout; the seats
    may wait up to 30 s (60 s in the app), so they wait, say so, and carry on."""
    path = tmp_path / "centre.sqlite"
    tiny_city_file(path)
    stop = tmp_path / "stop"
    names = [f"seat{i}" for i in range(4)]
    journals = {n: tmp_path / f"{n}.jsonl" for n in names}
    errors = {n: tmp_path / f"{n}.errors" for n in names}
    seats = [worker("services", path, journals[n], "--name", n, "--seed", str(i), "--errors", str(errors[n]),
                    "--stop", str(stop), "--write-wait", "30") for i, n in enumerate(names)]
    hold_journal = tmp_path / "import.jsonl"
    importer = None
    try:
        wait_for(lambda: all(journal_entries(j) for j in journals.values()), 60, "every seat to write")
        importer = worker("hold", path, hold_journal, "--hold", "12")
        wait_for(lambda: journal_entries(hold_journal), 30, "the import to take the lock")
        locked_at = time.monotonic()
        wait_for(lambda: len(journal_entries(hold_journal)) == 2, 30, "the import to commit")
        assert time.monotonic() - locked_at > 10
        after = {n: len(journal_entries(j)) for n, j in journals.items()}
        wait_for(lambda: all(len(journal_entries(journals[n])) > after[n] + 5 for n in names), 30,
                 "every seat to write again after the import")
    finally:
        stop.touch()
        for proc in [*seats, *([importer] if importer else [])]:
            try:
                proc.wait(30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
    for proc in seats:
        assert proc.returncode == 0, proc.stderr.read().decode()  # type: ignore[union-attr]
        proc.stderr.close()  # type: ignore[union-attr]
    assert importer is not None and importer.returncode == 0
    importer.stderr.close()  # type: ignore[union-attr]
    shown = [json.loads(line) for n in names if errors[n].exists() for line in errors[n].read_text().splitlines()]
    assert not [e for e in shown if "locked" in e["message"].lower()], shown
    assert shown == []  # 12 s is well inside the seats' patience: they waited and went on
    # every seat was held up by the import and told its user so, then stopped waiting
    for n in names:
        notices = errors[n].with_suffix(".notices").read_text().split()
        assert notices[:2] == ["True", "False"] and notices.count("True") == notices.count("False"), (n, notices)
    check_database(path, [e for j in journals.values() for e in journal_entries(j)])


@pytest.fixture
def seat(tmp_path):  # type: ignore[no-untyped-def]
    path = tmp_path / "centre.sqlite"
    city = tiny_city_file(path)
    db = open_database(path, clock=FrozenClock(START))
    svc = CaseService(db)
    lon, lat = grid_centre(0)
    new = NewCase(source=SourceChannel.PATROL, category_id=city.category_id, priority=Priority.NORMAL,
                  description="井盖缺失", lon=lon, lat=lat)
    first = svc.report(demo_principal(svc.db, "supervisor"), new)
    yield db, svc, new, first
    db.dispose()


def case_count(path: Path) -> int:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return int(con.execute("SELECT count(*) FROM case_record").fetchone()[0])
    finally:
        con.close()


def test_a_full_disk_is_a_plain_message_and_nothing_is_recorded(seat) -> None:  # type: ignore[no-untyped-def]
    db, svc, new, first = seat

    def disk_full(conn, cursor, statement, parameters, context, executemany):  # type: ignore[no-untyped-def]
        if statement.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE")):
            raise sqlite3.OperationalError("database or disk is full")

    event.listen(db.engine, "before_cursor_execute", disk_full)
    try:
        with pytest.raises(DatabaseFull) as caught:
            svc.report(demo_principal(svc.db, "supervisor"), new)
        assert describe_error(caught.value).startswith("The disk holding the database is full")
        assert svc.row(demo_principal(svc.db, "supervisor"), first.id).description == "井盖缺失"  # reading keeps working
        assert case_count(db.path) == 1  # the failed report was not recorded as done
    finally:
        event.remove(db.engine, "before_cursor_execute", disk_full)
    assert svc.report(demo_principal(svc.db, "supervisor"), new).id == first.id + 1  # space freed: writing works again


def test_a_read_only_database_refuses_writes_and_keeps_reading(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "centre.sqlite"
    city = tiny_city_file(path)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    db = open_database(f"file:{path}?mode=ro")
    try:
        lon, lat = grid_centre(1)
        with pytest.raises(DatabaseReadOnly) as caught:
            CaseService(db).report(demo_principal(db, "supervisor"), NewCase(source=SourceChannel.PATROL, category_id=city.category_id,
                                                  priority=Priority.HIGH, description="x", lon=lon, lat=lat))
        assert "read-only" in describe_error(caught.value)
        with db.read() as s:
            assert s.connection().exec_driver_sql("SELECT count(*) FROM grid").scalar_one() == 4
    finally:
        db.dispose()
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    # the command line reads it too
    assert main(["info", "--db", f"file:{path}?mode=ro"]) == 0


def test_a_database_deleted_under_the_running_app_refuses_writes(seat) -> None:  # type: ignore[no-untyped-def]
    db, svc, new, first = seat
    db.path.unlink()
    with pytest.raises(DatabaseMissing) as caught:
        svc.report(demo_principal(svc.db, "supervisor"), new)
    assert str(db.path) in describe_error(caught.value)
    assert svc.row(demo_principal(svc.db, "supervisor"), first.id).description == "井盖缺失"  # the open connection still reads
    assert not db.path.exists()  # never silently recreated empty


@pytest.mark.parametrize("damage", ["garbage", "truncated", "zeroed-pages"])
def test_a_damaged_file_at_start_is_named_and_left_unchanged(tmp_path, capsys, damage: str) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "centre.sqlite"
    tiny_city_file(path)
    data = path.read_bytes()
    if damage == "garbage":
        data = random.Random(1).randbytes(len(data))
    elif damage == "truncated":
        data = data[: len(data) // 3]
    else:  # the header intact, the schema pages overwritten
        data = data[:100] + bytes(len(data) - 100)
    path.write_bytes(data)
    before = hashlib.sha256(data).hexdigest()
    for command in (["info"], ["briefing", "--date", "2026-11-25", "--out", str(tmp_path / "b.pdf")], ["db", "upgrade"]):
        assert main([*command, "--db", str(path)]) == 2, command
        err = capsys.readouterr().err.strip()
        assert err.count("\n") == 0 and str(path) in err, (command, err)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_an_unsupported_database_url_exits_2_naming_the_supported_kinds(capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["info", "--db", "mysql://user@localhost/centre"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "mysql" in err and "SQLite" in err and "postgresql://" in err
