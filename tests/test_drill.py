"""The drill feed, run as the real CLI in its own process against a tiny city."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import event, func, select
from sqlalchemy.exc import OperationalError

from commandcenter.clock import FrozenClock
from commandcenter.db import Database, open_database
from commandcenter.domain.actions import Action
from commandcenter.domain.enums import CaseStatus, Priority, SourceChannel
from commandcenter.errors import DatabaseBusy, NotFound, ValidationError
from commandcenter.models import Case, CaseHistory, ChangeLog, Escalation, Officer, OfficerPosition
from commandcenter.services.auth import demo_principal
from commandcenter.services.lifecycle import CaseService, TransitionParams
from commandcenter.shapes.cases import CaseRow, NewCase
from commandcenter.simulator.drill import Drill, parse_duration, parse_rate
from commandcenter.simulator.drill_cases import CaseGenerator, DrillCity

from .factories import TinyCity, build_tiny_city, grid_centre, mark_demo


def drill_env(path: Path) -> dict[str, str]:
    """The environment for a drill process: log and data directories beside its database."""
    return {**os.environ, "COMMANDCENTER_DATA_DIR": str(path.parent / "data"),
            "COMMANDCENTER_LOG_DIR": str(path.parent / "log"), "COMMANDCENTER_LANG": "en"}


def drill(path: Path, *args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "commandcenter", "drill", "--db", str(path), *args],
        capture_output=True, text=True, timeout=timeout, env=drill_env(path),
    )


def tiny_city_file(path: Path) -> tuple[Database, TinyCity]:
    # built on the real clock (minus a while): the drill runs on the real clock too
    db = open_database(path, create=True, clock=FrozenClock(datetime.now(UTC) - timedelta(minutes=40)))
    city = build_tiny_city(db)
    mark_demo(db)  # the drill feeds only demo databases (tests/test_drill_safety.py)
    return db, city


def a_case(svc: CaseService, city: TinyCity, *actions: Action, priority: Priority = Priority.NORMAL) -> int:
    lon, lat = grid_centre(1)
    row = svc.report(demo_principal(svc.db, "supervisor"), NewCase(source=SourceChannel.HOTLINE_12345, category_id=city.category_id,
                                    priority=priority, description="小区门口垃圾堆积", lon=lon, lat=lat))
    params = TransitionParams(officer_id=city.officer_ids[1], note="ok")
    for action in actions:
        svc.perform(demo_principal(svc.db, "supervisor"), row.id, action, params)
    return row.id


def content(db: Database, after_id: int) -> list[tuple[object, ...]]:
    with db.read() as s:
        return [tuple(r) for r in s.execute(
            select(Case.category_id, Case.priority, Case.source, Case.description, Case.grid_id, Case.lon, Case.lat)
            .where(Case.id > after_id).order_by(Case.id))]


@pytest.fixture(scope="module")
def drilled(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int], subprocess.CompletedProcess[str]]:
    """A tiny city with one overdue report, one dispatched and one accepted case, after a 3 s drill."""
    path = tmp_path_factory.mktemp("drill") / "city.sqlite"
    db, city = tiny_city_file(path)
    svc = CaseService(db)
    overdue = a_case(svc, city)  # reported 40 minutes ago: past its 30-minute register limit
    assert isinstance(db.clock, FrozenClock)
    db.clock.advance(minutes=30)
    ids = {
        "overdue": overdue,
        "dispatched": a_case(svc, city, Action.REGISTER, Action.DISPATCH),
        "accepted": a_case(svc, city, Action.REGISTER, Action.DISPATCH, Action.ACCEPT),
    }
    with db.read() as s:
        ids["last"] = s.scalar(select(func.max(Case.id))) or 0
    db.dispose()
    result = drill(path, "--rate", "600", "--duration", "3", "--seed", "1")
    return path, ids, result


def test_the_drill_writes_cases_history_and_field_progress(drilled) -> None:  # type: ignore[no-untyped-def]
    path, ids, result = drilled
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert lines[0].startswith("Drill on city.sqlite: 600 new cases a minute for 3 s, seed 1")
    assert lines[-1].startswith("Drill finished after 3.0 s: ")
    assert len(lines) >= 3  # a progress line about every second

    db = open_database(path)
    try:
        with db.read() as s:
            new = s.execute(select(Case.id, Case.status, Case.source).where(Case.id > ids["last"])).all()
            assert 10 <= len(new) <= 80  # 30 expected at 600 a minute for 3 s
            reported = s.scalar(select(func.count()).select_from(CaseHistory).where(
                CaseHistory.case_id > ids["last"], CaseHistory.action == "report"))
            assert reported == len(new)
            assert {r.status for r in new} <= {CaseStatus.REPORTED, CaseStatus.REGISTERED}
            registered_at_once = [r for r in new if r.status == CaseStatus.REGISTERED]
            assert all(r.source in (SourceChannel.HOTLINE_12345, SourceChannel.DUTY_LINE) for r in registered_at_once)
            inserts = s.scalar(select(func.count()).select_from(ChangeLog).where(
                ChangeLog.entity == "case", ChangeLog.op == "insert", ChangeLog.entity_id > ids["last"]))
            assert inserts == len(new)

            def steps(case_id: int) -> list[str]:
                return list(s.scalars(select(CaseHistory.action).where(CaseHistory.case_id == case_id)
                                      .order_by(CaseHistory.id)))

            # the trainer's prepared situation stays: the drill plays the field only for its own cases
            assert s.get(Case, ids["dispatched"]).status == CaseStatus.DISPATCHED  # type: ignore[union-attr]
            assert steps(ids["dispatched"])[-1] == "dispatch"
            assert s.get(Case, ids["accepted"]).status == CaseStatus.ACCEPTED  # type: ignore[union-attr]
            assert s.scalar(select(Escalation.level).where(Escalation.case_id == ids["overdue"])) == "supervision"

            positions = s.execute(select(OfficerPosition.officer_id).distinct()).scalars().all()
            on_duty = s.scalars(select(Officer.id).where(Officer.duty_status == "on_duty")).all()
            assert sorted(positions) == sorted(on_duty)
            assert all(s.get(Officer, o).last_seen_at is not None for o in on_duty)  # type: ignore[union-attr]
            assert s.scalar(select(func.count()).select_from(ChangeLog).where(ChangeLog.entity == "officer")) >= 2
    finally:
        db.dispose()


def test_the_same_seed_gives_the_same_cases(drilled, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path, ids, _ = drilled
    other, _city = tiny_city_file(tmp_path / "again.sqlite")
    other.dispose()
    result = drill(tmp_path / "again.sqlite", "--rate", "600", "--duration", "1.5", "--seed", "1")
    assert result.returncode == 0, result.stderr
    first, second = open_database(path), open_database(tmp_path / "again.sqlite")
    try:
        a, b = content(first, ids["last"]), content(second, 0)
    finally:
        first.dispose()
        second.dispose()
    assert len(b) >= 5
    assert a[: len(b)] == b


def test_the_case_stream_depends_only_on_the_seed(db, city) -> None:  # type: ignore[no-untyped-def]
    def stream(seed: int) -> list[tuple[object, ...]]:
        gen = CaseGenerator(DrillCity.load(db), seed)
        return [(g.new.category_id, g.new.priority, g.new.source, g.new.description, g.register)
                for g in (gen.next() for _ in range(200))]

    one = stream(1)
    assert one == stream(1)
    assert one != stream(2)
    priorities = [p for _, p, *_ in one]
    assert priorities.count(Priority.NORMAL) > priorities.count(Priority.URGENT)
    registered = [(src, reg) for _, _, src, _, reg in one if reg]
    assert registered and all(src in (SourceChannel.HOTLINE_12345, SourceChannel.DUTY_LINE) for src, _ in registered)
    svc = CaseService(db)
    gen = CaseGenerator(DrillCity.load(db), 7)
    for _ in range(20):  # every generated point lies inside the city and is accepted by intake
        svc.report(demo_principal(svc.db, "supervisor"), gen.next().new)


@pytest.mark.parametrize("rate", ["abc", "0"])
def test_a_bad_rate_is_one_line_and_exit_code_2(tmp_path, rate: str) -> None:
    db, _city = tiny_city_file(tmp_path / "city.sqlite")
    db.dispose()
    result = drill(tmp_path / "city.sqlite", "--rate", rate, "--duration", "1")
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert "--rate" in result.stderr and result.stderr.startswith("commandcenter: ")


@pytest.mark.parametrize("rate", ["abc", "", "0", "-3", "nan", "inf", "1e9"])
def test_rates_outside_the_range_are_refused(rate: str) -> None:
    with pytest.raises(ValidationError, match="--rate"):
        parse_rate(rate)


def test_rates_and_durations_that_make_sense() -> None:
    assert parse_rate("0.5") == 0.5 and parse_rate("166.7") == 166.7
    assert parse_duration(None) is None and parse_duration("2.5") == 2.5
    with pytest.raises(ValidationError, match="--duration"):
        parse_duration("-1")


def test_an_unknown_centre_is_refused(db, city) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(NotFound):
        DrillCity.load(db, "C999999")
    assert len(DrillCity.load(db, "C350302").grids) == 4


def test_sigterm_stops_the_drill_cleanly(tmp_path) -> None:  # type: ignore[no-untyped-def]
    db, _city = tiny_city_file(tmp_path / "city.sqlite")
    db.dispose()
    proc = subprocess.Popen(
        [sys.executable, "-m", "commandcenter", "drill", "--db", str(tmp_path / "city.sqlite"), "--rate", "120"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=drill_env(tmp_path / "city.sqlite"),
    )
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline().startswith("Drill on")  # running, until Ctrl-C
        assert proc.stdout.readline()  # the first progress line
        os.kill(proc.pid, signal.SIGTERM)
        out, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 0, err
    assert out.strip().splitlines()[-1].startswith("Drill finished")


class Outage:
    """Makes every statement on a SQLite engine fail as a lost server would, inside a time window."""

    def __init__(self, db: Database, start_after: float, seconds: float) -> None:
        self.start = time.monotonic() + start_after
        self.end = self.start + seconds
        self.failed = 0
        event.listen(db.engine, "before_cursor_execute", self._execute)

    def _execute(self, *_args: object) -> None:
        if self.start <= time.monotonic() < self.end:
            self.failed += 1
            raise sqlite3.OperationalError("server closed the connection unexpectedly")


def drill_cases(db: Database) -> list[tuple[object, ...]]:
    with db.read() as s:
        return [tuple(r) for r in s.execute(
            select(Case.category_id, Case.priority, Case.source, Case.description, Case.lon, Case.lat)
            .where(Case.is_drill.is_(True)).order_by(Case.id))]


def expected_stream(db: Database, seed: int, n: int) -> list[tuple[object, ...]]:
    gen = CaseGenerator(DrillCity.load(db), seed)
    return [(g.new.category_id, str(g.new.priority), str(g.new.source), g.new.description, g.new.lon, g.new.lat)
            for g in (gen.next() for _ in range(n))]


def test_the_drill_waits_out_a_lost_database_and_resumes_the_same_stream(tmp_path) -> None:  # type: ignore[no-untyped-def]
    db = open_database(tmp_path / "city.sqlite", create=True)
    build_tiny_city(db)
    mark_demo(db)
    try:
        drill = Drill(db, 600, seed=3)
        outage = Outage(db, start_after=1.0, seconds=2.0)
        said: list[str | None] = []
        final = drill.run(4.5, on_connection=said.append)
        assert outage.failed >= 2  # the field tick's read and the probes failed, not only one write
        assert said[0] and "server closed the connection" in said[0] and said[1:] == [None]
        assert final.outages == 1
        written = drill_cases(db)
        assert len(written) == final.cases >= 10  # nothing counted that is missing, nothing doubled
        assert written == expected_stream(db, 3, len(written))  # resumed with the case that was next
    finally:
        db.dispose()


def test_a_case_committed_before_the_connection_dropped_is_not_fed_again(tmp_path) -> None:  # type: ignore[no-untyped-def]
    db = open_database(tmp_path / "city.sqlite", create=True)
    build_tiny_city(db)
    mark_demo(db)
    try:
        drill = Drill(db, 600, seed=4)
        read_back = drill.cases._row  # the read-back after the commit (`row` is the checked public read)
        drops = []

        def row_after_commit(case_id: int) -> CaseRow:
            if not drops:  # the first case commits, then the connection drops while reading it back
                drops.append(case_id)
                raise OperationalError("SELECT", {}, sqlite3.OperationalError("connection lost"))
            return read_back(case_id)

        drill.cases._row = row_after_commit  # type: ignore[method-assign]
        said: list[str | None] = []
        final = drill.run(2.0, on_connection=said.append)
        written = drill_cases(db)
        assert drops and said == []  # reachable at once: retried without a word
        assert len(written) == final.cases >= 5
        assert written == expected_stream(db, 4, len(written))
    finally:
        db.dispose()


def test_a_write_refused_as_busy_is_retried_not_fatal(tmp_path) -> None:  # type: ignore[no-untyped-def]
    db = open_database(tmp_path / "city.sqlite", create=True)
    build_tiny_city(db)
    mark_demo(db)
    try:
        drill = Drill(db, 600, seed=5)
        write = drill.cases.report
        refused: list[bool] = []

        def busy_once(*args, **kwargs) -> CaseRow:  # type: ignore[no-untyped-def]
            if not refused:  # an import held the write lock longer than a write may wait
                refused.append(True)
                raise DatabaseBusy(db.display_name, 60)
            return write(*args, **kwargs)

        drill.cases.report = busy_once  # type: ignore[method-assign]
        final = drill.run(1.5)
        assert refused and final.skipped == 1 and final.outages == 0
        written = drill_cases(db)
        assert len(written) == final.cases >= 3
        assert written == expected_stream(db, 5, len(written))
    finally:
        db.dispose()
