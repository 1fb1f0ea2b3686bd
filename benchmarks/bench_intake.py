"""What the call-taker waits for while a call is on: likely duplicates, the caller's earlier
cases and the place's, on the Putian-scale demo year, against plain sqlite3.

Run ``python benchmarks/bench_intake.py``. It reads the cached ``putian`` demo year (see
``_common.demo_database``; ``BENCH_INTAKE_SCALE=small BENCH_INTAKE_DAYS=30`` for a quick try)
and replays 50 varied calls built from stored cases (category, point, description, phone,
the time each was reported), as the operator account of the city centre:

* duplicates: ``IntakeService.duplicates`` (category and report-time index, bounding box, then
  distances and description likeness for the few rows left); baseline: plain sqlite3 reading the
  same category's open cases of the 24 hours by the same index and measuring every one of them
  in Python, which finds the same candidates without the bounding box and likeness ranking;
* caller: ``IntakeService.caller_history`` (phone index, first and further reporters, count and
  the latest ten); baseline: one plain ``SELECT`` by phone on the case table;
* place: ``IntakeService.place_history`` (grids whose box touches the point's, then the cases
  of those grids within 50 m); baseline: one plain ``SELECT`` of the cases in the point's box.

Goal: p95 of each ≤ 100 ms (an answer within the pause after a keystroke or before saving).
"""

from __future__ import annotations

import math
import os
import random
import sqlite3
import sys
import time
from datetime import UTC, datetime, timedelta

from _common import demo_database, finish, pct, record

from commandcenter.db import open_database
from commandcenter.services.auth import demo_principal
from commandcenter.services.facade.intake import IntakeService

SCALE = os.environ.get("BENCH_INTAKE_SCALE", "putian")
DAYS = int(os.environ.get("BENCH_INTAKE_DAYS", "365"))
CALLS = 50
GOAL_MS = 100.0
OPEN = ("reported", "registered", "dispatched", "accepted", "fed_back", "checking", "suspended")


def metres(lon1: float, lat1: float, lon2: float, lat2: float) -> float:
    k = math.cos(math.radians((lat1 + lat2) / 2))
    return math.hypot((lon2 - lon1) * k, lat2 - lat1) * 111_195.0


def main() -> int:
    path = demo_database(SCALE, DAYS)
    db = open_database(path)
    intake, principal = IntakeService(db), demo_principal(db, "operator")
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    total = con.execute("SELECT count(*) FROM case_record").fetchone()[0]
    rng = random.Random(14)
    ids = rng.sample(range(1, total + 1), CALLS)
    calls = con.execute(f"SELECT category_id, lon, lat, description, reporter_phone, reported_at FROM case_record "
                        f"WHERE id IN ({','.join(map(str, ids))})").fetchall()
    marks = ",".join("?" * len(OPEN))
    timings: dict[str, tuple[list[float], list[float]]] = {k: ([], []) for k in ("duplicates", "caller", "place")}

    def timed(kind: str, ours, raw) -> None:  # type: ignore[no-untyped-def]
        t0 = time.perf_counter()
        ours()
        timings[kind][0].append((time.perf_counter() - t0) * 1000)
        t0 = time.perf_counter()
        raw()
        timings[kind][1].append((time.perf_counter() - t0) * 1000)

    def one_call(category: int, lon: float, lat: float, text: str, phone: str, reported: int) -> None:
        at = datetime.fromtimestamp(reported, UTC)
        since = int((at - timedelta(hours=24)).timestamp())
        timed("duplicates", lambda: intake.duplicates(principal, category, lon, lat, text, at=at),
              lambda: [r for r in con.execute(
                  f"SELECT id, lon, lat, description FROM case_record WHERE category_id = ? AND reported_at "
                  f"BETWEEN ? AND ? AND status IN ({marks})", (category, since, reported, *OPEN))
                  if metres(lon, lat, r[1], r[2]) <= 100])
        timed("caller", lambda: intake.caller_history(principal, phone),
              lambda: con.execute("SELECT id, case_number FROM case_record WHERE reporter_phone = ? "
                                  "ORDER BY reported_at DESC", (phone,)).fetchall())
        d = 50 / 111_195.0
        timed("place", lambda: intake.place_history(principal, lon, lat),
              lambda: con.execute("SELECT id FROM case_record WHERE lon BETWEEN ? AND ? AND lat BETWEEN ? AND ?",
                                  (lon - d, lon + d, lat - d, lat + d)).fetchall())

    for call in calls:  # ours and the baseline interleaved: noise hits both alike
        one_call(*call)
    notes = {"duplicates": "same category, 100 m, 24 h; ranked by distance band and text likeness",
             "caller": "first and merged-in reporters, count and latest ten",
             "place": "within 50 m, count and latest ten"}
    for kind, (ours, raw) in timings.items():
        p95, raw95 = pct(ours, 95), pct(raw, 95)
        record(f"intake {kind} p95 per call ({total} cases, {SCALE})", p95, raw95, f"≤ {GOAL_MS:.0f} ms",
               p95 <= GOAL_MS, "ms", note=notes[kind])
    con.close()
    db.dispose()
    return finish()


if __name__ == "__main__":
    sys.exit(main())
