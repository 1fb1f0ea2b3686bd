"""Shared by the benchmarks: a cached demo database at a chosen scale, and small statistics."""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

CACHE = Path(os.environ.get("COMMANDCENTER_BENCH_CACHE", Path.home() / ".cache" / "commandcenter-bench"))


def demo_database(scale: str, days: int, seed: int = 7) -> Path:
    """A demo database generated once and reused (delete the cache folder to rebuild)."""
    from commandcenter.db import open_database
    from commandcenter.services.demo import generate_demo

    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"{scale}-{days}d-{seed}.sqlite"
    if not path.exists():
        tmp = path.with_suffix(".creating")
        for leftover in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
            leftover.unlink(missing_ok=True)
        print(f"generating {scale} demo with {days} days into {path} (once) …", flush=True)
        t = time.perf_counter()
        db = open_database(tmp, create=True)
        summary = generate_demo(db, scale=scale, days=days, seed=seed)
        db.dispose()
        tmp.rename(path)
        print(f"  {summary.cases:,} cases in {time.perf_counter() - t:.1f} s", flush=True)
    else:
        open_database(path, create=True).dispose()  # a cache from an older schema is upgraded
    return path


def pct(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    k = min(len(ordered) - 1, max(0, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]


def median(values: list[float]) -> float:
    return statistics.median(values)
