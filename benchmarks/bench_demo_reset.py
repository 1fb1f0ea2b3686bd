"""The trainer's demo reset on a year of Putian-scale history, against a plain sqlite3 backup copy.

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

from _common import demo_database, finish, median, record

from commandcenter.db import open_database
from commandcenter.domain.actions import Action
from commandcenter.domain.enums import Priority, SourceChannel
from commandcenter.services.auth import system_principal
from commandcenter.services.demo_reset import reset_demo, save_demo_snapshot, snapshot_path
from commandcenter.services.lifecycle import CaseService, TransitionParams
from commandcenter.shapes.cases import NewCase

SCALE = os.environ.get("BENCH_RESET_SCALE", "putian")
DAYS = int(os.environ.get("BENCH_RESET_DAYS", "365"))
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


def play_drill(path: Path) -> int:
    """What a short drill leaves: new cases, half registered and dispatched; returns the case count."""
    db = open_database(path)
    try:
        cases, drill = CaseService(db), system_principal(db, "drill")
        with sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True) as con:
            category = con.execute("SELECT id FROM category WHERE level = 2 ORDER BY code LIMIT 1").fetchone()[0]
            grids = [r[0] for r in con.execute("SELECT id FROM grid ORDER BY id LIMIT ?", (DRILL_CASES,))]
            officer = con.execute("SELECT id FROM officer ORDER BY id LIMIT 1").fetchone()[0]
        for n in range(DRILL_CASES):
            row = cases.report(drill, NewCase(source=SourceChannel.HOTLINE_12345, category_id=category,
                                              priority=Priority.URGENT, description=f"演练 {n}",
                                              grid_id=grids[n % len(grids)]), register=n % 2 == 0)
            if n % 2 == 0:
                cases.perform(drill, row.id, Action.DISPATCH, TransitionParams(officer_id=officer))
    finally:
        db.dispose()
    with sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True) as con:
        return int(con.execute("SELECT count(*) FROM case_record").fetchone()[0])


def main() -> int:
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
            after_drill = play_drill(live)
            shutil.copyfile(live, played)
            db = open_database(live)
            try:
                started = time.perf_counter()
                result = reset_demo(db, None)
                reset_s.append(time.perf_counter() - started)
            finally:
                db.dispose()
            reset_raw_s.append(raw_backup(snapshot, played))
            if (result.cases_before, result.cases_after) != (after_drill, generated):
                raise SystemExit(f"bench_demo_reset: the reset left {result.cases_after} cases of {generated}")
        note = f"{SCALE} {DAYS} d, {size_mb:,.0f} MB; worst {max(reset_s):.2f} s"
        ours, raw = median(reset_s), median(reset_raw_s)
        record("demo reset (drill undone, seats told)", ours, raw, f"≤ {RESET_GOAL_RATIO:g}× raw",
               ours <= RESET_GOAL_RATIO * raw, "s", note)
        ours, raw = median(snapshot_s), median(snapshot_raw_s)
        record("demo snapshot at generation", ours, raw, f"≤ {SNAPSHOT_GOAL_RATIO:g}× raw",
               ours <= SNAPSHOT_GOAL_RATIO * raw, "s", f"{SCALE} {DAYS} d, {size_mb:,.0f} MB")
    return finish()


if __name__ == "__main__":
    sys.exit(main())
