"""How fast the demo generator fills a database, against plain sqlite3 writing the same rows.

    python benchmarks/bench_demo.py [--scale putian] [--days 365] [--seed 1]

1. Generates the demo into a fresh SQLite file (`open_database(..., create=True)`), timed from
   the call to `generate_demo` to its return: map, people, planning, tuples and writing.
2. Baseline: plans the very same rows again (`build_rows`, same seed and frozen clock, a fresh
   database with the same reference data), turns them into tuples, and only then times plain
   `sqlite3` `executemany` writing them, table by table in one transaction, into that file
   with the same schema, indexes and PRAGMAs the generator uses.
3. With --rebuild-baseline, the same again but dropping and rebuilding the big tables'
   indexes as the generator does, to show the generator's own overhead.

Prints the rows per table, both times and their ratio; exits 1 when the ratio is above
--max-ratio (2.0) or the generator takes longer than --max-seconds (90).
"""

from __future__ import annotations

import argparse
import gc
import sqlite3
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from commandcenter.clock import FrozenClock
from commandcenter.db import SQLITE_BUSY_TIMEOUT_MS, open_database
from commandcenter.services.demo import build_rows, generate_demo
from commandcenter.services.demo.bulk import (
    REBUILD_INDEXES_OF,
    SQLITE_BULK_PRAGMAS,
    sqlite_insert_sql,
)
from commandcenter.services.reference_data import seed_reference_data

NOW = datetime(2026, 11, 25, 10, 30, 15, tzinfo=UTC)  # a Wednesday, 18:30 in Putian


def run_generator(path: Path, scale: str, days: int, seed: int) -> float:
    db = open_database(path, create=True, clock=FrozenClock(NOW))
    try:
        started = time.perf_counter()
        summary = generate_demo(db, scale=scale, days=days, seed=seed)
        seconds = time.perf_counter() - started
    finally:
        db.dispose()
    print(f"generated: {summary.grids} grids, {summary.officers} officers, {summary.cases} cases, "
          f"{summary.history_rows} history rows, {summary.open_cases} open, {summary.overdue_cases} overdue")
    return seconds


def run_baseline(path: Path, scale: str, days: int, seed: int, rebuild_indexes: bool) -> tuple[float, dict[str, int]]:
    """Seconds plain sqlite3 takes to write the same rows (optionally with the indexes rebuilt)."""
    db = open_database(path, create=True, clock=FrozenClock(NOW))
    try:
        with db.unit_of_work() as s:
            seed_reference_data(s)
        rows = build_rows(db, scale=scale, days=days, seed=seed)
    finally:
        db.dispose()
    gc.disable()
    batches = [(sqlite_insert_sql(t), t.tuples()) for t in rows.tables]
    big = [t.table for t in rows.tables if t.table in REBUILD_INDEXES_OF] if rebuild_indexes else []
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        # what open_database sets on every connection, then the generator's bulk-load settings
        for pragma, value in (("busy_timeout", SQLITE_BUSY_TIMEOUT_MS), ("foreign_keys", "ON"),
                              ("journal_mode", "WAL"), ("synchronous", "NORMAL"), *SQLITE_BULK_PRAGMAS):
            conn.execute(f"PRAGMA {pragma} = {value}")
        started = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        indexes = conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN "
            f"({', '.join('?' * len(big))})", big).fetchall() if big else []
        for name, _ in indexes:
            conn.execute(f'DROP INDEX "{name}"')
        for sql, tuples in batches:
            conn.executemany(sql, tuples)
        for _, sql in indexes:
            conn.execute(sql)
        conn.execute("COMMIT")
        seconds = time.perf_counter() - started
    finally:
        conn.close()
        del batches
        gc.enable()
    return seconds, rows.counts()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", default="putian")
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--max-ratio", type=float, default=2.0)
    parser.add_argument("--max-seconds", type=float, default=90.0)
    parser.add_argument("--rebuild-baseline", action="store_true",
                        help="also time plain sqlite3 with the same drop-and-rebuild of indexes")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench_demo_") as tmp:
        generator = run_generator(Path(tmp) / "generated.sqlite", args.scale, args.days, args.seed)
        baseline, counts = run_baseline(Path(tmp) / "baseline.sqlite", args.scale, args.days, args.seed, False)
        rebuilt = None
        if args.rebuild_baseline:
            rebuilt, _ = run_baseline(Path(tmp) / "rebuilt.sqlite", args.scale, args.days, args.seed, True)
    width = max(len(t) for t in counts)
    for name, n in counts.items():
        print(f"  {name:<{width}} {n:>10,}")
    print(f"  {'total':<{width}} {sum(counts.values()):>10,}")
    ratio = generator / baseline
    print(f"scale {args.scale}, {args.days} days: generator {generator:.1f} s, "
          f"baseline (plain sqlite3 executemany) {baseline:.1f} s, ratio {ratio:.2f}")
    if rebuilt is not None:
        print(f"  for reference: plain sqlite3 with the generator's index rebuild {rebuilt:.1f} s, "
              f"ratio {generator / rebuilt:.2f}")
    failed = []
    if ratio > args.max_ratio:
        failed.append(f"ratio {ratio:.2f} > {args.max_ratio}")
    if generator > args.max_seconds:
        failed.append(f"generator {generator:.1f} s > {args.max_seconds} s")
    print("FAIL: " + "; ".join(failed) if failed else "PASS")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
