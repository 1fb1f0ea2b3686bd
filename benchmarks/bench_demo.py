"""Demo generation: time and peak memory, against plain sqlite3 executemany of the same rows.

    python benchmarks/bench_demo.py [--scale putian] [--days 365] [--seed 1]

Each side runs once, in a child process of its own (this script with --child), so the peak
resident memory it reports (`getrusage(RUSAGE_SELF).ru_maxrss` as it ends) is its own:

- ours: `generate_demo` into a fresh SQLite file with a frozen clock, timed from the call to
  its return: map, people, planning, tuples, writing and the index rebuild, all of it.
- baseline: the very same rows planned again (`build_rows`, same seed, clock and reference
  data) and streamed in the same chunks; only the writing is timed: plain `sqlite3`
  `executemany` of each chunk's tuples (made before its clock starts), with the same PRAGMAs
  and the same drop and rebuild of the case table's indexes and the same one-statement fill of
  the case search index with its triggers lifted (the faster ways to build them, so the
  baseline is not handicapped), in one transaction, and the commit.

Goals: ours within 1.3 x the baseline's time, and at most 1 GiB peak RSS. At Putian scale and
365 days each side takes one to two minutes on two cores, so each is measured once. Records
both measures in the benchmark table (`_common.record`), exits 1 when a goal is missed, and
removes its temporary directory with both databases.
"""

from __future__ import annotations

import argparse
import gc
import json
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import _common

from commandcenter.clock import FrozenClock
from commandcenter.db import SQLITE_BUSY_TIMEOUT_MS, open_database
from commandcenter.migrations.search_schema import SQLITE_FILL
from commandcenter.services.reference_data import seed_reference_data
from commandcenter.simulator.demo import build_rows, generate_demo
from commandcenter.simulator.demo.bulk import (
    REBUILD_INDEXES_OF,
    SQLITE_BULK_PRAGMAS,
    sqlite_insert_sql,
)
from commandcenter.simulator.demo.rows import TableRows

NOW = datetime(2026, 11, 25, 10, 30, 15, tzinfo=UTC)  # a Wednesday, 18:30 in Putian
MAX_RATIO = 1.3
MAX_PEAK_MIB = 1024


def run_ours(path: Path, scale: str, days: int, seed: int) -> dict[str, object]:
    db = open_database(path, create=True, clock=FrozenClock(NOW))
    try:
        started = time.perf_counter()
        summary = generate_demo(db, scale=scale, days=days, seed=seed)
        seconds = time.perf_counter() - started
    finally:
        db.dispose()
    return {"seconds": seconds, "cases": summary.cases, "history_rows": summary.history_rows}


def run_baseline(path: Path, scale: str, days: int, seed: int) -> dict[str, object]:
    """Seconds plain sqlite3 spends writing the same rows, chunk by chunk as they are planned."""
    db = open_database(path, create=True, clock=FrozenClock(NOW))
    try:
        with db.unit_of_work() as s:
            seed_reference_data(s)
        rows = build_rows(db, scale=scale, days=days, seed=seed)
    finally:
        db.dispose()
    gc.disable()
    counts: dict[str, int] = {}
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        # what open_database sets on every connection, then the generator's bulk-load settings
        for pragma, value in (("busy_timeout", SQLITE_BUSY_TIMEOUT_MS), ("foreign_keys", "ON"),
                              ("journal_mode", "WAL"), ("synchronous", "NORMAL"), *SQLITE_BULK_PRAGMAS):
            conn.execute(f"PRAGMA {pragma} = {value}")
        started = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        conn.execute(f"DELETE FROM app_meta WHERE key IN ({', '.join('?' * len(rows.meta))})", list(rows.meta))
        indexes = conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN "
            f"({', '.join('?' * len(REBUILD_INDEXES_OF))})", REBUILD_INDEXES_OF).fetchall()
        for name, _ in indexes:
            conn.execute(f'DROP INDEX "{name}"')
        # the case search's triggers would index row by row: the simplest fast way is one fill after
        triggers = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").fetchall()
        for name, _ in triggers:
            conn.execute(f'DROP TRIGGER "{name}"')
        seconds = time.perf_counter() - started
        for table in rows.stream():  # planning and tuples are not timed
            if not isinstance(table, TableRows):
                continue
            sql = sqlite_insert_sql(table)
            counts[table.table] = counts.get(table.table, 0) + len(table)
            for chunk in table.chunks():
                started = time.perf_counter()
                conn.executemany(sql, chunk)
                seconds += time.perf_counter() - started
        started = time.perf_counter()
        for _, sql in indexes:
            conn.execute(sql)
        conn.execute(SQLITE_FILL)
        for _, sql in triggers:
            conn.execute(sql)
        conn.execute("COMMIT")
        seconds += time.perf_counter() - started
    finally:
        conn.close()
        gc.enable()
    return {"seconds": seconds, "counts": counts}


def child(side: str, path: Path, scale: str, days: int, seed: int) -> None:
    """Run one side and print its figures and peak RSS as one JSON line."""
    result = (run_ours if side == "ours" else run_baseline)(path, scale, days, seed)
    result["peak_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(json.dumps(result), flush=True)


def measure(side: str, path: Path, args: argparse.Namespace) -> dict[str, object]:
    out = subprocess.run(
        [sys.executable, __file__, "--child", side, "--db", str(path), "--scale", args.scale,
         "--days", str(args.days), "--seed", str(args.seed)],
        check=True, stdout=subprocess.PIPE, text=True,
    ).stdout
    return json.loads(out.strip().splitlines()[-1])  # type: ignore[no-any-return]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", default="putian")
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--child", choices=("ours", "baseline"), help=argparse.SUPPRESS)
    parser.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args.child, args.db, args.scale, args.days, args.seed)
        return 0
    with tempfile.TemporaryDirectory(prefix="bench_demo_") as tmp:
        ours = measure("ours", Path(tmp) / "ours.sqlite", args)
        baseline = measure("baseline", Path(tmp) / "baseline.sqlite", args)
    counts: dict[str, int] = baseline["counts"]  # type: ignore[assignment]
    width = max(len(t) for t in counts)
    for name, n in counts.items():
        print(f"  {name:<{width}} {n:>10,}")
    print(f"  {'total':<{width}} {sum(counts.values()):>10,}")
    where = f"{args.scale}, {args.days} days"
    seconds, base_seconds = float(ours["seconds"]), float(baseline["seconds"])  # type: ignore[arg-type]
    _common.record(f"demo generation time ({where})", seconds, base_seconds, f"≤ {MAX_RATIO}× baseline",
                   seconds <= MAX_RATIO * base_seconds, "s",
                   note=f"{ours['cases']:,} cases, {ours['history_rows']:,} history rows; "
                        "baseline: plain sqlite3 executemany of the same chunks")
    peak, base_peak = float(ours["peak_mib"]), float(baseline["peak_mib"])  # type: ignore[arg-type]
    _common.record(f"demo generation peak RSS ({where})", peak, base_peak, f"≤ {MAX_PEAK_MIB} MiB",
                   peak <= MAX_PEAK_MIB, "MiB", note="each side in a child process, getrusage ru_maxrss")
    return _common.finish()


if __name__ == "__main__":
    sys.exit(main())
