"""Fault injection on PostgreSQL: the server stopped under running writers, and writers killed.

A seat (tests/pg_fault_worker.py: real CaseService actions, each journaled after it commits)
and the drill (the real `commandcenter drill` command, whose progress lines count the cases
it has written) run as processes of their own on the private cluster. The journals and the
drill's counts are what was acknowledged; the database must hold exactly that, with every
case's status matching its last history row.
"""

from __future__ import annotations

import os
import random
import re
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import func, select

from commandcenter.db import open_database
from commandcenter.domain.enums import Priority, SourceChannel
from commandcenter.gui.feed import ChangeFeed
from commandcenter.gui.tasks import SynchronousRunner
from commandcenter.models import Case, CaseHistory, Category, User
from commandcenter.services.auth import demo_principal
from commandcenter.services.lifecycle import CaseService
from commandcenter.shapes.cases import NewCase

from .factories import build_tiny_city, grid_centre, mark_demo
from .pg_cluster import PostgresServer

pytestmark = pytest.mark.postgres

ROOT = Path(__file__).resolve().parent.parent
OUTAGE_S = 5.0
STARTUP_TIMEOUT_S = 60.0  # two interpreters importing the app on a busy two-core machine
KILLS = 5


@pytest.fixture
def city_url(pg_url: str) -> str:
    db = open_database(pg_url, create=True)  # the real clock: the drill runs on it too
    try:
        build_tiny_city(db)
        mark_demo(db)  # the drill runs against it
    finally:
        db.dispose()
    return pg_url


@dataclass
class Proc:
    popen: subprocess.Popen[bytes]
    out: Path

    def output(self) -> str:
        return self.out.read_text(encoding="utf-8", errors="replace")

    def end(self, sig: int) -> int:
        if self.popen.poll() is None:
            os.kill(self.popen.pid, sig)
        return self.popen.wait(timeout=30)


def spawn(argv: list[str], out: Path) -> Proc:
    env = {**os.environ, "COMMANDCENTER_LANG": "en", "COMMANDCENTER_DATA_DIR": str(out.parent / "data"),
           "COMMANDCENTER_LOG_DIR": str(out.parent / "log")}
    with out.open("wb") as sink:
        popen = subprocess.Popen([sys.executable, *argv], cwd=ROOT, stdin=subprocess.DEVNULL, stdout=sink,
                                 stderr=subprocess.STDOUT, env=env)
    return Proc(popen, out)


def seat(url: str, tmp: Path, tag: str, seed: int) -> Proc:
    return spawn(["-m", "tests.pg_fault_worker", url, str(tmp / "journal.txt"), tag, str(seed)],
                 tmp / f"seat-{tag}.out")


def drill(url: str, tmp: Path, seed: int) -> Proc:
    return spawn(["-m", "commandcenter", "drill", "--db", url, "--rate", "300", "--seed", str(seed)],
                 tmp / f"drill-{seed}.out")


def wait_for(what: str, condition: Callable[[], bool], procs: list[Proc], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        dead = [p for p in procs if p.popen.poll() is not None]
        if dead or time.monotonic() > deadline:
            outputs = "\n".join(f"--- {p.out.name}\n{p.output()[-3000:]}" for p in procs)
            pytest.fail(f"no {what} within {timeout:g} s (exited: {[p.out.name for p in dead]})\n{outputs}")
        time.sleep(0.1)


def journal(tmp: Path) -> list[list[str]]:
    """Whole lines of the seats' journal (a kill can leave no partial line: one write each)."""
    path = tmp / "journal.txt"
    return [line.split(" ", 2) for line in path.read_text().splitlines()] if path.exists() else []


def drill_counted(proc: Proc) -> int:
    """New cases the drill said it had written, by its last progress or final line."""
    counts = re.findall(r"^(?:\d+ s|Drill finished after [\d.]+ s): (\d+) new cases", proc.output(), re.MULTILINE)
    return int(counts[-1]) if counts else 0


def check_database(url: str, entries: list[list[str]], *, drill_cases: int, exact: bool) -> None:
    """Everything acknowledged is there, nothing twice, and no case is half through a transition.

    `exact`: the writers stopped cleanly, so the database holds no more than they acknowledged
    either; after SIGKILL each writer may have committed one action it never got to journal.
    """
    db = open_database(url)
    try:
        with db.read() as s:
            cases = {r.id: r for r in s.execute(select(Case.id, Case.status, Case.description, Case.is_drill,
                                                       Case.lon, Case.lat))}
            drill_user = s.scalar(select(User.id).where(User.username == "drill"))  # the drill's own account
            history = s.execute(select(CaseHistory.case_id, CaseHistory.action, CaseHistory.to_status,
                                       CaseHistory.user_id).order_by(CaseHistory.id)).all()
    finally:
        db.dispose()
    last: dict[int, str] = {}
    for h in history:
        last[h.case_id] = h.to_status
    half_applied = {cid: (c.status, last.get(cid)) for cid, c in cases.items() if last.get(cid) != c.status}
    assert half_applied == {}, "case status differs from its last history row"

    reports = {int(e[1]): e[2] for e in entries if e[0] == "report"}
    steps = Counter((int(e[1]), e[2]) for e in entries if e[0] == "act")
    assert {cid: cases[cid].description for cid in reports if cid in cases} == reports  # every report present
    in_db = Counter((h.case_id, h.action) for h in history
                    if h.user_id not in (None, drill_user) and h.action != "report")
    assert steps - in_db == Counter(), "acknowledged steps missing"
    assert max(in_db.values(), default=1) == 1, "a step applied twice"
    seat_cases = Counter(c.description for c in cases.values() if not c.is_drill)
    assert max(seat_cases.values(), default=1) == 1, "a seat's case written twice"
    drilled = Counter((c.description, c.lon, c.lat) for c in cases.values() if c.is_drill)
    assert max(drilled.values(), default=1) == 1, "a drill case fed twice"
    if exact:
        assert set(seat_cases) == set(reports.values()) and in_db == steps
        assert drilled.total() == drill_cases
    else:
        assert drilled.total() >= drill_cases


def test_both_ride_out_a_stopped_server_and_nothing_is_lost_or_doubled(
        pg_server: PostgresServer, city_url: str, tmp_path: Path) -> None:
    procs = [seat(city_url, tmp_path, "outage", 1), drill(city_url, tmp_path, 1)]
    worker, feed = procs
    try:
        wait_for("writes from both", lambda: len(journal(tmp_path)) >= 5 and drill_counted(feed) > 0, procs,
                 STARTUP_TIMEOUT_S)
        with pg_server.stopped():
            time.sleep(OUTAGE_S)
        before = len(journal(tmp_path)), drill_counted(feed)
        wait_for("recovery", lambda: "reconnected" in worker.output() and "reconnected" in feed.output()
                 and len(journal(tmp_path)) > before[0] + 5 and drill_counted(feed) > before[1], procs, 30)
    finally:
        codes = [p.end(signal.SIGTERM) for p in procs]
    assert codes == [0, 0], [p.output()[-2000:] for p in procs]
    assert "unreachable" in worker.output()
    said = feed.output().splitlines()
    assert any(line.startswith("database unreachable; retrying… (") for line in said)
    assert said[-1].startswith("Drill finished")
    check_database(city_url, journal(tmp_path), drill_cases=drill_counted(feed), exact=True)


def test_writers_killed_at_random_moments_leave_every_acknowledged_action(
        city_url: str, tmp_path: Path) -> None:
    rng = random.Random(20261127)
    acknowledged_by_drills = 0
    for round_no in range(KILLS):
        procs = [seat(city_url, tmp_path, f"kill{round_no}", round_no), drill(city_url, tmp_path, 100 + round_no)]
        worker, feed = procs
        journaled = len(journal(tmp_path))

        def writing(journaled: int = journaled, feed: Proc = feed) -> bool:
            return len(journal(tmp_path)) > journaled and drill_counted(feed) > 0

        try:
            wait_for("writes from both", writing, procs, STARTUP_TIMEOUT_S)
            time.sleep(rng.uniform(0.0, 1.5))
            worker.end(signal.SIGKILL)
            time.sleep(rng.uniform(0.0, 0.5))
        finally:
            for p in procs:
                p.end(signal.SIGKILL)
        acknowledged_by_drills += drill_counted(feed)
        check_database(city_url, journal(tmp_path), drill_cases=acknowledged_by_drills, exact=False)


def test_the_apps_change_feed_reports_the_lost_server_and_recovers(
        qapp, pg_server: PostgresServer, city_url: str) -> None:  # type: ignore[no-untyped-def]
    db = open_database(city_url)
    feed = ChangeFeed(db, SynchronousRunner())
    events: list[object] = []
    feed.connection_lost.connect(lambda reason: events.append("lost"))
    feed.connection_restored.connect(lambda: events.append("restored"))
    feed.changed.connect(lambda entity, ids: events.append((entity, ids)))
    try:
        with pg_server.stopped():
            feed.poll()
            feed.poll()  # still down: said once
        assert events == ["lost"]
        feed.poll()  # until the feed sees the server again, actions are refused (Database.unreachable)
        assert events == ["lost", "restored"]
        with db.read() as s:
            category_id = s.scalar(select(func.min(Category.id)).where(Category.level == 2))
        lon, lat = grid_centre(0)
        row = CaseService(db).report(demo_principal(db, "operator"), NewCase(
            source=SourceChannel.PATROL, category_id=category_id, priority=Priority.NORMAL,
            description="恢复后新报", lon=lon, lat=lat))
        feed.poll()
        assert events == ["lost", "restored", ("case", [row.id])]
    finally:
        feed.stop()
        db.dispose()
