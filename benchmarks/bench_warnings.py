"""Early warnings on a year of Putian-scale history: the incremental update and the full run.

Run ``python benchmarks/bench_warnings.py`` (``BENCH_WARNINGS_SCALE=small BENCH_WARNINGS_DAYS=30``
for a quick try). It copies the cached demo year (see ``_common.demo_database``) to a temporary
file, since the warnings are written, with a frozen clock one minute after the last report:

* full recomputation: every detector over its window as of now (``WarningService.recompute``),
  run twice (the first raises, the second finds everything already raised); baseline: one plain
  sqlite3 GROUP BY counting the same rows (the last 90 days by category and grid, plus the
  trend's nine bands), the least any detector run must read. Goal ≤ 60 s;
* incremental update: ``update_for_cases`` for each of the 300 newest cases in turn, p99;
  baseline: per case, the plain GROUP BY of its category's cases near it in the last 30 days.
  Goal p99 ≤ 20 ms.

Exits 1 when a goal is missed.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from _common import demo_database, finish, pct, record

from commandcenter.clock import FrozenClock
from commandcenter.db import open_database
from commandcenter.services.auth import system_principal
from commandcenter.services.warnings import WarningService

SCALE = os.environ.get("BENCH_WARNINGS_SCALE", "putian")
DAYS = int(os.environ.get("BENCH_WARNINGS_DAYS", "365"))
CASES = 300
FULL_GOAL_S, P99_GOAL_MS = 60.0, 20.0
DAY, WEEK, BAND = 86_400, 7 * 86_400, 3 * 3_600


def raw_full(con: sqlite3.Connection, now: int) -> int:
    bands = " OR ".join(f"(reported_at > {now - k * WEEK - BAND} AND reported_at <= {now - k * WEEK})"
                        for k in range(9))
    rows = con.execute(f"SELECT category_id, grid_id, count(*) FROM case_record WHERE "
                       f"(reported_at > {now - 90 * DAY} AND reported_at <= {now}) OR {bands} "
                       f"GROUP BY category_id, grid_id").fetchall()
    return len(rows)


def raw_near(con: sqlite3.Connection, case_id: int, now: int) -> int:
    cat, lon, lat = con.execute("SELECT category_id, lon, lat FROM case_record WHERE id = ?", (case_id,)).fetchone()
    d = 200 / 111_195
    return len(con.execute("SELECT grid_id, count(*) FROM case_record WHERE category_id = ? AND reported_at > ? "
                           "AND lon BETWEEN ? AND ? AND lat BETWEEN ? AND ? GROUP BY grid_id",
                           (cat, now - 30 * DAY, lon - d, lon + d, lat - d, lat + d)).fetchall())


def main() -> int:
    source = demo_database(SCALE, DAYS)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "warnings.sqlite"
        shutil.copy(source, path)
        con = sqlite3.connect(path)
        last, = con.execute("SELECT max(reported_at) FROM case_record").fetchone()
        newest = [r[0] for r in con.execute("SELECT id FROM case_record ORDER BY reported_at DESC LIMIT ?", (CASES,))]
        now = datetime.fromtimestamp(last + 60, UTC)
        db = open_database(path, clock=FrozenClock(now))
        principal = system_principal(db, "escalation-clock")
        service = WarningService(db)

        t = time.perf_counter()
        run = service.recompute(principal, now)
        first = time.perf_counter() - t
        t = time.perf_counter()
        service.recompute(principal, now)
        second = time.perf_counter() - t
        t = time.perf_counter()
        raw_full(con, int(now.timestamp()))
        raw = time.perf_counter() - t
        record("warnings: full recomputation", first, raw, f"≤ {FULL_GOAL_S:g} s", first <= FULL_GOAL_S, "s",
               f"{run.cases_read:,} cases read, {run.raised} raised; again: {second:.2f} s")

        ours, cpu, base = [], [], []
        for cid in reversed(newest):
            t, c = time.perf_counter(), time.process_time()
            service.update_for_cases(principal, [cid])
            ours.append((time.perf_counter() - t) * 1000)
            cpu.append((time.process_time() - c) * 1000)  # on a loaded machine wall time is mostly waiting
            t = time.perf_counter()
            raw_near(con, cid, int(now.timestamp()))
            base.append((time.perf_counter() - t) * 1000)
        p99 = pct(ours, 99)
        record("warnings: incremental update per new case, p99", p99, pct(base, 99), f"≤ {P99_GOAL_MS:g} ms",
               p99 <= P99_GOAL_MS, "ms", f"median {pct(ours, 50):.1f} ms over {len(ours)} cases; CPU time "
               f"p99 {pct(cpu, 99):.1f} ms, median {pct(cpu, 50):.1f} ms")
        con.close()
        db.dispose()
    return finish()


if __name__ == "__main__":
    sys.exit(main())
