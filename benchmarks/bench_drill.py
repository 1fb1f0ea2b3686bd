"""The drill feed replaying a scenario on a year of Putian-scale history, against plain writes and plain SQL.

Run ``python benchmarks/bench_drill.py`` (``--scale small --days 30`` to try it on a small demo).
It copies the cached demo year (``_common.demo_database``) to a temporary file, freezes the clock
a minute after the last case, and replays ``resources/scenarios/typhoon_night.yaml`` on it:

* a scenario case written: the drill's write of one timeline case (the case through
  ``CaseService.report`` and its ``drill_case`` row, two transactions); baseline: the same new
  case through ``CaseService.report`` alone, the simplest way to put it in; interleaved case by
  case. Goal: ≤ 2.5× the baseline (the link is a second, small commit);
* the field's tick, run every second of a drill: finding the run's cases with a step due (by the
  run's ``drill_case`` rows, not by testing a year's cases); baseline: the same rows by one plain
  sqlite3 query. Goal: ≤ 50 ms, so a tick never holds the writer long;
* the same tick in ``--background`` mode, which also reads every open case of the city; baseline:
  the plain query for both sets. Goal: ≤ 250 ms.

Ticks are measured with nothing due (the frozen clock stands still), so they time the reads a
drill repeats each second; five runs each, medians compared with the goals. Exits 1 when a goal
is missed; the copy is removed at the end.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import tempfile
import time
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from _common import demo_database, finish, median, record
from sqlalchemy import func, select

from commandcenter.clock import FrozenClock
from commandcenter.db import open_database
from commandcenter.domain.actions import Action
from commandcenter.models import Case, DrillCase
from commandcenter.services.lifecycle import TransitionParams
from commandcenter.shapes.drill import DrillProgress
from commandcenter.simulator.drill import Drill
from commandcenter.simulator.scenario import SCENARIO_DIR, load_scenario
from commandcenter.simulator.scenario_city import PlacedCase

RUNS = 5
WRITE_GOAL_RATIO = 2.5
TICK_GOAL_S = 0.050
BACKGROUND_GOAL_S = 0.250
SCENARIO = SCENARIO_DIR / "typhoon_night.yaml"
COLUMNS = ("c.id, c.version, c.status, c.priority, c.category_id, c.assignee_officer_id, c.assignee_department_id, "
           "c.dispatched_at, c.accepted_at, c.stage_started_at, c.closed_at, c.rework_count, c.lon, c.lat")
WORKED = "('dispatched', 'accepted', 'checking')"
OWN_SQL = f"""SELECT {COLUMNS} FROM drill_case d JOIN case_record c ON c.id = d.case_id
              WHERE d.run_id = :run AND (c.status IN {WORKED} OR (c.status = 'closed' AND c.followed_up_at IS NULL
                    AND c.reporter_phone != '' AND c.reporter_privacy = 'named'))"""
BACKGROUND_SQL = f"""SELECT {COLUMNS} FROM case_record c WHERE c.status IN {WORKED}
                     AND NOT EXISTS (SELECT 1 FROM drill_case d WHERE d.case_id = c.id AND d.run_id = :run)"""


def copy_database(src: Path, dst: Path) -> None:
    """A consistent copy of the cached demo (WAL content included), read through a read-only connection."""
    source = sqlite3.connect(f"file:{src}?mode=ro", uri=True)
    target = sqlite3.connect(dst)
    try:
        source.backup(target)
    finally:
        target.close()
        source.close()


def timed(fn) -> float:  # type: ignore[no-untyped-def]
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", default="putian")
    parser.add_argument("--days", type=int, default=365)
    args = parser.parse_args()
    cached = demo_database(args.scale, args.days)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "drill.sqlite"
        copy_database(cached, path)
        probe = open_database(path)
        with probe.read() as s:
            last = s.scalar(select(func.max(Case.reported_at)))
        probe.dispose()
        clock = FrozenClock(last + timedelta(minutes=1))
        db = open_database(path, clock=clock)
        try:
            return bench(db, clock, path, args.scale)
        finally:
            db.dispose()


def bench(db, clock: FrozenClock, path: Path, scale: str) -> int:  # type: ignore[no-untyped-def]
    # the timeline alone: random background cases falling due between two items would be timed too
    scenario = replace(load_scenario(SCENARIO), background=())
    drill = Drill(db, None, seed=7, scenario=scenario, speed=1)
    run_id = drill.begin()
    ours: list[float] = []
    raw: list[float] = []
    progress = DrillProgress()
    for item in drill.timeline:
        clock.set(clock.now() + timedelta(seconds=item.at - drill.clock.now() + 1))
        if isinstance(item, PlacedCase):  # the same case the simplest way, just before the drill writes it
            raw.append(timed(lambda item=item: drill.cases.report(drill.principal, item.new, register=item.register)))
        t = time.perf_counter()
        while (played := drill.play_due(progress)) is not None:
            progress = played
        if isinstance(item, PlacedCase):
            ours.append(time.perf_counter() - t)
    write, write_raw = median(ours), median(raw)
    record(f"drill: a scenario case written ({scale})", write * 1000, write_raw * 1000,
           f"≤ {WRITE_GOAL_RATIO:g}× raw", write <= WRITE_GOAL_RATIO * write_raw, "ms",
           note=f"{len(ours)} cases of {SCENARIO.name}; worst {max(ours) * 1000:.1f} ms")

    # the operators dispatch what the scenario brought, so the field has the run's cases to watch
    grids = {g.id: g for g in drill.city.grids}
    with db.read() as s:
        waiting = s.execute(select(Case.id, Case.grid_id).join(DrillCase, DrillCase.case_id == Case.id)
                            .where(DrillCase.run_id == run_id, Case.status == "registered")).all()
    for case_id, grid_id in waiting:
        officers = grids[grid_id].officers
        if officers:
            drill.cases.perform(drill.principal, case_id, Action.DISPATCH, TransitionParams(officer_id=officers[0][0]))
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        own_rows = len(con.execute(OWN_SQL, {"run": run_id}).fetchall())
        tick = median([timed(lambda: drill.simulation.tick(DrillProgress())) for _ in range(RUNS)])
        tick_raw = median([timed(lambda: con.execute(OWN_SQL, {"run": run_id}).fetchall()) for _ in range(RUNS)])
        record(f"drill: field tick, the run's cases ({scale})", tick * 1000, tick_raw * 1000,
               f"≤ {TICK_GOAL_S * 1000:g} ms", tick <= TICK_GOAL_S, "ms", note=f"{own_rows} rows to consider")
        drill.simulation.background_since = clock.now()
        open_rows = len(con.execute(BACKGROUND_SQL, {"run": run_id}).fetchall())
        background = median([timed(lambda: drill.simulation.tick(DrillProgress())) for _ in range(RUNS)])
        background_raw = median([timed(lambda: (con.execute(OWN_SQL, {"run": run_id}).fetchall(),
                                                con.execute(BACKGROUND_SQL, {"run": run_id}).fetchall()))
                                 for _ in range(RUNS)])
        record(f"drill: field tick in --background ({scale})", background * 1000, background_raw * 1000,
               f"≤ {BACKGROUND_GOAL_S * 1000:g} ms", background <= BACKGROUND_GOAL_S, "ms",
               note=f"{open_rows} open cases of the city besides the run's")
    finally:
        con.close()
    return finish()


if __name__ == "__main__":
    sys.exit(main())
