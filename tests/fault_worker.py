"""A process that does real work on a test database, for the fault-injection tests to kill or crowd.

Run as ``python -m tests.fault_worker MODE --db PATH --journal FILE [...]``. After each action
commits, one JSON line naming it is appended to the journal and fsync'd, so the test knows what
was acknowledged before a SIGKILL. Modes:

- ``services``: cases through the closed loop (report and register, dispatch, accept, feed back,
  close) with CaseService, as seats do; with ``--errors`` every failure is recorded as the
  message a user would see (`describe_error`), and the run ends when ``--stop`` appears.
- ``drill``: the drill feed (`commandcenter.simulator.drill.Drill`), its case service journaling.
- ``hold``: one write transaction held open for ``--hold`` seconds, as a long import does;
  ``--journal`` is written once the lock is held.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from pathlib import Path
from typing import Any

from sqlalchemy import select, text

from commandcenter.db import Database, open_database
from commandcenter.domain.actions import Action
from commandcenter.domain.enums import DutyStatus, Priority, SourceChannel
from commandcenter.errors import IllegalTransition, StaleCase
from commandcenter.labels import describe_error
from commandcenter.models import Category, Grid, Officer
from commandcenter.services.auth import demo_principal
from commandcenter.services.lifecycle import CaseService, TransitionParams
from commandcenter.shapes.cases import CaseRow, NewCase

LOOP = (Action.DISPATCH, Action.ACCEPT, Action.FEED_BACK, Action.CLOSE)


class Journal:
    """Appends one fsync'd JSON line per committed action."""

    def __init__(self, path: Path) -> None:
        self._fh = path.open("a", encoding="utf-8")

    def write(self, **entry: Any) -> None:
        self._fh.write(json.dumps(entry) + "\n")
        self._fh.flush()
        os.fsync(self._fh.fileno())


class JournalingCaseService(CaseService):
    """CaseService that journals each action once it has committed (the call returned)."""

    def __init__(self, db: Database, journal: Journal) -> None:
        super().__init__(db)
        self.journal = journal

    def report(self, actor, new, *, register=False):  # type: ignore[no-untyped-def]
        row = super().report(actor, new, register=register)
        self.journal.write(kind="report", case=row.id, token=new.description)
        return row

    def perform(self, actor, case_id, action, params=None, *, expected_version=None):  # type: ignore[no-untyped-def]
        row = super().perform(actor, case_id, action, params, expected_version=expected_version)
        self.journal.write(kind="perform", case=case_id, action=str(action), version=row.version)
        return row


def city_facts(db: Database) -> tuple[list[int], list[tuple[float, float]], int]:
    """Officers on duty, the centres of the grids, and the first minor category."""
    with db.read() as s:
        officers = list(s.scalars(select(Officer.id).where(Officer.duty_status == DutyStatus.ON_DUTY.value)))
        grids = [(r.centroid_lon, r.centroid_lat) for r in s.execute(select(Grid.centroid_lon, Grid.centroid_lat))]
        category = s.scalars(select(Category.id).where(Category.level == 2).order_by(Category.id)).first()
    assert officers and grids and category is not None
    return officers, grids, category


def run_services(args: argparse.Namespace) -> None:
    db = open_database(args.db, write_wait_s=args.write_wait)
    journal = Journal(args.journal)
    if args.errors is not None:
        notices = args.errors.with_suffix(".notices")

        def announce(waiting: bool) -> None:
            with notices.open("a", encoding="utf-8") as fh:
                fh.write(f"{waiting}\n")

        db.busy_listeners.append(announce)
    svc = JournalingCaseService(db, journal)
    actor = demo_principal(db, "supervisor")
    rng = random.Random(args.seed)
    officers, grids, category = city_facts(db)
    n = 0
    open_cases: list[CaseRow] = []
    while args.stop is None or not args.stop.exists():
        try:
            if len(open_cases) < 3:
                lon, lat = rng.choice(grids)
                n += 1
                open_cases.append(svc.report(actor, NewCase(
                    source=SourceChannel.PATROL, category_id=category, priority=Priority.NORMAL,
                    description=f"{args.name}-{n}", lon=lon, lat=lat), register=True))
                continue
            row = open_cases.pop(rng.randrange(len(open_cases)))
            step = {"registered": 0, "dispatched": 1, "accepted": 2, "fed_back": 3}.get(row.status)
            if step is None:
                continue
            params = TransitionParams(officer_id=rng.choice(officers), note=f"{args.name} step {step}")
            done = svc.perform(actor, row.id, LOOP[step], params, expected_version=row.version)
            if done.status != "closed":
                open_cases.append(done)
        except (StaleCase, IllegalTransition):
            continue  # the drill moved this case on meanwhile: leave it to the drill
        except Exception as exc:
            if args.errors is None:
                raise
            with args.errors.open("a", encoding="utf-8") as fh:
                fh.write(json.dumps({"type": type(exc).__name__, "message": describe_error(exc)}) + "\n")


def run_drill(args: argparse.Namespace) -> None:
    from commandcenter.simulator.drill import Drill

    db = open_database(args.db)
    drill = Drill(db, rate_per_minute=600, seed=args.seed)
    journaling = JournalingCaseService(db, Journal(args.journal))
    drill.cases = drill.simulation.cases = journaling
    drill.run(duration=120)


def run_hold(args: argparse.Namespace) -> None:
    db = open_database(args.db)
    with db.unit_of_work() as s:
        s.execute(text("UPDATE officer SET phone = phone"))
        Journal(args.journal).write(kind="locked")
        time.sleep(args.hold)
    Journal(args.journal).write(kind="released")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=["services", "drill", "hold"])
    parser.add_argument("--db", required=True)
    parser.add_argument("--journal", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--name", default="w")
    parser.add_argument("--errors", type=Path)
    parser.add_argument("--stop", type=Path)
    parser.add_argument("--write-wait", type=float, default=60.0)
    parser.add_argument("--hold", type=float, default=12.0)
    args = parser.parse_args(argv)
    {"services": run_services, "drill": run_drill, "hold": run_hold}[args.mode](args)


if __name__ == "__main__":
    main(sys.argv[1:])
