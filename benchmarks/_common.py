"""Shared by the benchmarks: a cached demo database, small statistics, and the results table.

Every benchmark script reports each of its measures through ``record(...)``; the measures of
one ``make bench`` run collect in ``benchmarks/.results.partial.jsonl`` (one JSON object a
line, appended by each script), and ``benchmarks/report.py`` turns them into the one table and
``benchmarks/results.json`` at the end. A script ends with ``sys.exit(finish())`` (or
``return finish()`` from its ``main``) so that a missed goal makes the script, and so
``make bench``, fail.
"""

from __future__ import annotations

import json
import math
import os
import sqlite3
import statistics
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

CACHE = Path(os.environ.get("COMMANDCENTER_BENCH_CACHE", Path.home() / ".cache" / "commandcenter-bench"))
HERE = Path(__file__).resolve().parent
# Overridable so the table machinery can be tested without touching a real run's file.
PARTIAL = Path(os.environ.get("COMMANDCENTER_BENCH_PARTIAL", HERE / ".results.partial.jsonl"))


@dataclass(frozen=True)
class Measure:
    """One line of the benchmark table.

    ``ours`` and ``baseline`` are in ``unit``; ``baseline`` is the same work done the simplest
    raw way, measured in the same run (None where there is no honest raw equivalent). ``goal``
    is the target as a reader should see it ("≤ 1.5 s", "≤ 2× raw"); ``passed`` is decided by
    the script, which knows how the goal reads its figures.
    """

    name: str
    ours: float
    baseline: float | None
    goal: str
    passed: bool
    unit: str
    script: str
    note: str = ""

    @property
    def ratio(self) -> float | None:
        if self.baseline is None or self.baseline == 0 or math.isnan(self.baseline):
            return None
        return self.ours / self.baseline


_recorded: list[Measure] = []


def record(
    name: str,
    ours: float,
    baseline: float | None,
    goal: str,
    passed: bool,
    unit: str,
    note: str = "",
) -> Measure:
    """Add one measure to this run's table (and print it, so a lone script run shows it too)."""
    measure = Measure(
        name=name, ours=float(ours), baseline=None if baseline is None else float(baseline),
        goal=goal, passed=bool(passed), unit=unit, script=Path(sys.argv[0]).name, note=note,
    )
    _recorded.append(measure)
    PARTIAL.parent.mkdir(parents=True, exist_ok=True)
    with PARTIAL.open("a", encoding="utf-8") as out:  # one short line per write: scripts never interleave
        out.write(json.dumps(asdict(measure), ensure_ascii=False) + "\n")
    base = "" if measure.baseline is None else f", baseline {measure.baseline:.4g} {unit}"
    if measure.ratio is not None:
        base += f" ({measure.ratio:.2f}×)"
    print(f"[{'PASS' if passed else 'FAIL'}] {name}: {measure.ours:.4g} {unit}{base}, goal {goal}", flush=True)
    return measure


def finish() -> int:
    """The script's exit status: 1 when any measure it recorded missed its goal, else 0."""
    failed = [m.name for m in _recorded if not m.passed]
    if failed:
        print(f"{Path(sys.argv[0]).name}: goal missed: {', '.join(failed)}", file=sys.stderr, flush=True)
    return 1 if failed else 0


def _schema_revision(path: Path) -> str | None:
    """The cached file's schema revision, read without writing to it."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.OperationalError:
        return None
    finally:
        conn.close()
    return row[0] if row else None


def demo_database(scale: str, days: int, seed: int = 7) -> Path:
    """A demo database generated once and reused (delete the cache folder to rebuild).

    An existing cache is only read, so a benchmark never changes the file it measures; it is
    upgraded (written) only when its schema is older than the code's.
    """
    from commandcenter.db import audit_anchor_path, open_database
    from commandcenter.migrations import head_revision

    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"{scale}-{days}d-{seed}.sqlite"
    if not path.exists():
        from commandcenter.simulator.demo import generate_demo

        tmp = path.with_suffix(".creating")
        for leftover in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
            leftover.unlink(missing_ok=True)
        print(f"generating {scale} demo with {days} days into {path} (once) …", flush=True)
        t = time.perf_counter()
        db = open_database(tmp, create=True)
        summary = generate_demo(db, scale=scale, days=days, seed=seed)
        db.dispose()
        tmp.rename(path)
        if audit_anchor_path(tmp).exists():  # the chain's anchor goes with its file
            audit_anchor_path(tmp).replace(audit_anchor_path(path))
        print(f"  {summary.cases:,} cases in {time.perf_counter() - t:.1f} s", flush=True)
    elif _schema_revision(path) != head_revision():
        print(f"upgrading {path} to the current schema (once) …", flush=True)
        open_database(path, create=True).dispose()
    return path


def pct(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    k = min(len(ordered) - 1, max(0, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]


def median(values: list[float]) -> float:
    return statistics.median(values)
