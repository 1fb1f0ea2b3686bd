"""The trainer's demo reset on a year of Putian-scale history, against a plain copy of the same rows.

Run ``python benchmarks/bench_demo_reset.py`` (``BENCH_RESET_SCALE`` / ``BENCH_RESET_DAYS`` pick
another cached demo, e.g. ``small`` and 30 to try it). The cached demo (``_common.demo_database``)
is never written: it is copied to a temporary folder, where the snapshot a demo keeps at
generation is taken, and each run first plays a small drill on the copy (new cases through the
services, registered and dispatched, untimed), then copies the played file once more for the
baseline (untimed), and times:

* snapshot: ``services.demo_reset.save_demo_snapshot`` (the online backup the demo command runs
  after generating) vs. a bare ``sqlite3.Connection.backup`` of the same file to a new file;
* reset: ``services.demo_reset.reset_demo`` (checks, the change log read for what seats must
  reload, the backup API copying the snapshot into the live file, the anchor, the change entries
  and the audit entry) vs. a bare ``sqlite3`` backup of the snapshot into the other played copy:
  the same pages copied, nothing else. Both leave the generated counts.

On PostgreSQL (a private server, ``benchmarks/_pg.py``; ``BENCH_RESET_PG_SCALE`` /
``BENCH_RESET_PG_DAYS``, default a city week, generated there for the run since the cached demos
are SQLite files; ``BENCH_RESET_ENGINES=sqlite`` leaves it out) the same runs time the snapshot
schema (``save_demo_snapshot``) vs. plain psycopg ``CREATE TABLE … AS TABLE`` of every table into
another schema, and the reset after a drill (which compares each table with its copy and writes
only the differing rows) vs. plain psycopg restoring the same tables in one transaction
(``TRUNCATE`` of them all, ``INSERT … SELECT *`` from the snapshot parents first), without the
checks, change entries, sequences or audit entry.

Three runs each; medians are compared with the goals (reset ≤ 1.5× the raw copy, snapshot ≤ 1.5×
the raw copy). Exits 1 when a goal is missed; the temporary folder is removed at the end.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

import psycopg
from _common import demo_database, finish, median, record
from _pg import private_server
from sqlalchemy import create_engine, func, make_url, select, text

from commandcenter.db import Database, open_database
from commandcenter.domain.actions import Action
from commandcenter.domain.enums import Priority, SourceChannel
from commandcenter.models import Base, Case, Category, Grid, Officer
from commandcenter.services.auth import system_principal
from commandcenter.services.demo_reset import (
    SNAPSHOT_SCHEMA,
    reset_demo,
    save_demo_snapshot,
    snapshot_path,
)
from commandcenter.services.lifecycle import CaseService, TransitionParams
from commandcenter.services.pg_notify import conninfo
from commandcenter.shapes.cases import NewCase
from commandcenter.simulator.demo import generate_demo

SCALE = os.environ.get("BENCH_RESET_SCALE", "putian")
DAYS = int(os.environ.get("BENCH_RESET_DAYS", "365"))
PG_SCALE = os.environ.get("BENCH_RESET_PG_SCALE", "city")
PG_DAYS = int(os.environ.get("BENCH_RESET_PG_DAYS", "7"))
ENGINES = set(os.environ.get("BENCH_RESET_ENGINES", "sqlite,postgresql").split(","))
RUNS = 3
DRILL_CASES = 50
RESET_GOAL_RATIO = 1.5
SNAPSHOT_GOAL_RATIO = 1.5


def raw_backup(source: Path, target: Path) -> float:
    """Seconds for a bare sqlite3 backup of `source` into `target` (created or overwritten)."""
    started = time.perf_counter()
    src = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()
    return time.perf_counter() - started


def play_drill(database: str) -> int:
    """What a short drill leaves: new cases, half registered and dispatched; returns the case count."""
    db = open_database(database)
    try:
        cases, drill = CaseService(db), system_principal(db, "drill")
        with db.read() as s:
            category = s.scalar(select(Category.id).where(Category.level == 2).order_by(Category.code).limit(1))
            grids = list(s.scalars(select(Grid.id).order_by(Grid.id).limit(DRILL_CASES)))
            officer = s.scalar(select(Officer.id).order_by(Officer.id).limit(1))
        assert category is not None and officer is not None
        for n in range(DRILL_CASES):
            row = cases.report(drill, NewCase(source=SourceChannel.HOTLINE_12345, category_id=category,
                                              priority=Priority.URGENT, description=f"演练 {n}",
                                              grid_id=grids[n % len(grids)]), register=n % 2 == 0)
            if n % 2 == 0:
                cases.perform(drill, row.id, Action.DISPATCH, TransitionParams(officer_id=officer))
        return case_count(db)
    finally:
        db.dispose()


def case_count(db: Database) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(Case)) or 0)


def timed_reset(database: str) -> tuple[float, int, int]:
    """Seconds for `reset_demo` on `database`, and the cases before and after it."""
    db = open_database(database)
    try:
        started = time.perf_counter()
        result = reset_demo(db, None)
        return time.perf_counter() - started, result.cases_before, result.cases_after
    finally:
        db.dispose()


def bench_sqlite() -> None:
    cached = demo_database(SCALE, DAYS)
    with tempfile.TemporaryDirectory(prefix="bench-reset-") as tmp:
        live, played, raw_copy = Path(tmp) / "demo.sqlite", Path(tmp) / "played.sqlite", Path(tmp) / "raw.sqlite"
        shutil.copyfile(cached, live)
        size_mb = live.stat().st_size / 2**20
        snapshot_s, snapshot_raw_s, reset_s, reset_raw_s = [], [], [], []
        for _ in range(RUNS):
            started = time.perf_counter()
            save_demo_snapshot(live)
            snapshot_s.append(time.perf_counter() - started)
            snapshot_raw_s.append(raw_backup(live, raw_copy))
        snapshot = snapshot_path(live)
        with sqlite3.connect(f"{snapshot.resolve().as_uri()}?mode=ro", uri=True) as con:
            generated = int(con.execute("SELECT count(*) FROM case_record").fetchone()[0])
        for _ in range(RUNS):
            after_drill = play_drill(str(live))
            shutil.copyfile(live, played)
            seconds, before, after = timed_reset(str(live))
            reset_s.append(seconds)
            reset_raw_s.append(raw_backup(snapshot, played))
            if (before, after) != (after_drill, generated):
                raise SystemExit(f"bench_demo_reset: the reset left {after} cases of {generated}")
        note = f"{SCALE} {DAYS} d, {size_mb:,.0f} MB; worst {max(reset_s):.2f} s"
        ours, raw = median(reset_s), median(reset_raw_s)
        record("demo reset (drill undone, seats told)", ours, raw, f"≤ {RESET_GOAL_RATIO:g}× raw",
               ours <= RESET_GOAL_RATIO * raw, "s", note)
        ours, raw = median(snapshot_s), median(snapshot_raw_s)
        record("demo snapshot at generation", ours, raw, f"≤ {SNAPSHOT_GOAL_RATIO:g}× raw",
               ours <= SNAPSHOT_GOAL_RATIO * raw, "s", f"{SCALE} {DAYS} d, {size_mb:,.0f} MB")


# ---- PostgreSQL ------------------------------------------------------------------------------
def pg_connect(url: str) -> psycopg.Connection:
    return psycopg.connect(conninfo(make_url(url)))


def raw_pg_snapshot(url: str) -> float:
    """Seconds for plain psycopg copying every table into a schema of its own, in one transaction."""
    tables = [t.name for t in Base.metadata.sorted_tables] + ["alembic_version"]
    started = time.perf_counter()
    with pg_connect(url) as conn:  # commits at the end of the block
        conn.execute("DROP SCHEMA IF EXISTS raw_copy CASCADE")
        conn.execute("CREATE SCHEMA raw_copy")
        for table in tables:
            conn.execute(f'CREATE TABLE raw_copy."{table}" AS TABLE "{table}"')
    return time.perf_counter() - started


def raw_pg_reset(url: str) -> float:
    """Seconds for plain psycopg restoring every table from the snapshot schema in one transaction."""
    tables = [t.name for t in Base.metadata.sorted_tables]  # parents first
    started = time.perf_counter()
    with pg_connect(url) as conn:
        conn.execute("TRUNCATE " + ", ".join(f'"{t}"' for t in tables))
        for table in tables:
            conn.execute(f'INSERT INTO "{table}" SELECT * FROM {SNAPSHOT_SCHEMA}."{table}"')
    return time.perf_counter() - started


def bench_postgres() -> None:
    with private_server(()) as server:
        admin = create_engine(server, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text('CREATE DATABASE "reset"'))
        admin.dispose()
        url = make_url(server).set(database="reset").render_as_string(hide_password=False)
        db = open_database(url, create=True)
        try:
            print(f"generating the {PG_SCALE} demo with {PG_DAYS} days on PostgreSQL …", flush=True)
            generate_demo(db, scale=PG_SCALE, days=PG_DAYS, seed=7)
            generated = case_count(db)
            snapshot_s, snapshot_raw_s = [], []
            for _ in range(RUNS):
                started = time.perf_counter()
                save_demo_snapshot(db)
                snapshot_s.append(time.perf_counter() - started)
                snapshot_raw_s.append(raw_pg_snapshot(url))
            with db.read() as s:
                size_mb = int(s.scalar(text(
                    "SELECT sum(pg_total_relation_size(oid)) FROM pg_class "
                    "WHERE relnamespace = current_schema()::regnamespace AND relkind = 'r'")) or 0) / 2**20
        finally:
            db.dispose()
        reset_s, reset_raw_s = [], []
        for _ in range(RUNS):
            after_drill = play_drill(url)
            seconds, before, after = timed_reset(url)
            reset_s.append(seconds)
            if (before, after) != (after_drill, generated):
                raise SystemExit(f"bench_demo_reset: the PostgreSQL reset left {after} cases of {generated}")
            play_drill(url)
            reset_raw_s.append(raw_pg_reset(url))
    where = f"PostgreSQL, {PG_SCALE} {PG_DAYS} d, {size_mb:,.0f} MB of tables"
    ours, raw = median(reset_s), median(reset_raw_s)
    record("demo reset on PostgreSQL (drill undone, seats told)", ours, raw, f"≤ {RESET_GOAL_RATIO:g}× raw",
           ours <= RESET_GOAL_RATIO * raw, "s", f"{where}; worst {max(reset_s):.2f} s")
    ours, raw = median(snapshot_s), median(snapshot_raw_s)
    record("demo snapshot schema at generation (PostgreSQL)", ours, raw, f"≤ {SNAPSHOT_GOAL_RATIO:g}× raw",
           ours <= SNAPSHOT_GOAL_RATIO * raw, "s", where)


def main() -> int:
    if "sqlite" in ENGINES:
        bench_sqlite()
    if "postgresql" in ENGINES:
        bench_postgres()
    return finish()


if __name__ == "__main__":
    sys.exit(main())
