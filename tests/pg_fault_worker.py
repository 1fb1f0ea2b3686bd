"""A seat in its own process for the PostgreSQL fault-injection tests: real case actions, journaled.

    python -m tests.pg_fault_worker URL JOURNAL TAG SEED

Reports cases and walks each through register → dispatch → accept → feed back → close with the
real CaseService, as fast as the database allows, until SIGTERM. After each action commits it
appends one line to JOURNAL (``report CASE_ID TOKEN`` or ``act CASE_ID ACTION``), so a test can
check that every acknowledged action survived a SIGKILL or an outage and that none was doubled.

Like a careful seat it rides out a lost database: a failed action is retried with a growing
delay, and since the commit may have happened before the error, the database is asked first
whether it did (a report by its unique description, a step by its history row). It prints
"unreachable" when the database goes away and "reconnected" when it answers again.
"""

from __future__ import annotations

import os
import random
import signal
import sys
import time
from collections.abc import Callable

from sqlalchemy import func, select
from sqlalchemy.exc import InterfaceError, OperationalError

from commandcenter.db import Database, open_database
from commandcenter.domain.actions import Action
from commandcenter.domain.enums import Priority, SourceChannel
from commandcenter.errors import IllegalTransition, StaleCase
from commandcenter.models import Case, CaseHistory, Category, Officer
from commandcenter.services.auth import Principal, demo_principal
from commandcenter.services.lifecycle import CaseService, TransitionParams
from commandcenter.shapes.cases import NewCase

from .factories import grid_centre

UNAVAILABLE = (OperationalError, InterfaceError)
STEPS = (Action.REGISTER, Action.DISPATCH, Action.ACCEPT, Action.FEED_BACK, Action.CLOSE)
OPEN_CASES = 4  # cases in flight at once, advanced in random order
RETRY_FIRST_S, RETRY_MAX_S = 0.2, 2.0
PAUSE_S = 0.01  # a busy seat, not a benchmark: leave the two CI cores some room


class Seat:
    def __init__(self, db: Database, journal: str, tag: str, seed: int) -> None:
        self.db, self.tag = db, tag
        self.svc = CaseService(db)
        self.rng = random.Random(seed)
        self.operator, self.supervisor = demo_principal(db, "operator"), demo_principal(db, "supervisor")
        with db.read() as s:
            self.category_id = s.scalar(select(func.min(Category.id)).where(Category.level == 2))
            self.officer_id = s.scalar(select(func.min(Officer.id)))
        self.journal = os.open(journal, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
        self.stopping = False
        self.lost = False
        self.reported = 0
        # case id -> (index of its next step, version last seen)
        self.open: dict[int, tuple[int, int]] = {}

    def ack(self, line: str) -> None:
        os.write(self.journal, (line + "\n").encode())  # one write per line: whole lines only

    def settle(self, write: Callable[[], None], committed: Callable[[], bool]) -> bool:
        """Do `write` once: retry it while the database is away, asking first whether it committed.

        False when another writer (the drill) changed the case meanwhile: the step is dropped.
        """
        unsure, delay = False, RETRY_FIRST_S
        while True:
            try:
                if not (unsure and committed()):
                    write()
                if self.lost:
                    self.lost = False
                    print("reconnected", flush=True)
                return True
            except UNAVAILABLE as exc:
                unsure = True
                if not self.lost:
                    self.lost = True
                    print(f"unreachable: {str(exc.orig or exc).splitlines()[0]}", flush=True)
                time.sleep(delay)
                delay = min(delay * 2, RETRY_MAX_S)
            except (StaleCase, IllegalTransition):
                return False

    def report(self) -> None:
        self.reported += 1
        token = f"fault {self.tag}-{self.reported}"
        lon, lat = grid_centre(self.rng.randrange(4))
        new = NewCase(source=SourceChannel.PATROL, category_id=self.category_id, priority=Priority.NORMAL,
                      description=token, lon=lon, lat=lat)
        found: list[int] = []

        def write() -> None:
            found.append(self.svc.report(self.operator, new).id)

        def committed() -> bool:
            with self.db.read() as s:
                case_id = s.scalar(select(Case.id).where(Case.description == token))
            if case_id is not None:
                found.append(case_id)
            return case_id is not None

        self.settle(write, committed)
        self.ack(f"report {found[-1]} {token}")
        self.open[found[-1]] = (0, 1)

    def advance(self, case_id: int) -> None:
        step, version = self.open.pop(case_id)
        action = STEPS[step]
        actor: Principal = self.supervisor if action is Action.CLOSE else self.operator
        params = TransitionParams(officer_id=self.officer_id, note="已处置")
        seen: list[int] = []

        def write() -> None:
            seen.append(self.svc.perform(actor, case_id, action, params, expected_version=version).version)

        def committed() -> bool:
            with self.db.read() as s:
                done = s.scalar(select(func.count()).select_from(CaseHistory).where(
                    CaseHistory.case_id == case_id, CaseHistory.action == action.value,
                    CaseHistory.user_id == actor.user_id))
                seen.append(s.scalar(select(Case.version).where(Case.id == case_id)) or 0)
            return bool(done)

        if self.settle(write, committed):
            self.ack(f"act {case_id} {action.value}")
            if step + 1 < len(STEPS):
                self.open[case_id] = (step + 1, seen[-1])

    def run(self) -> None:
        print("started", flush=True)
        while not self.stopping:
            if len(self.open) < OPEN_CASES:
                self.report()
            else:
                self.advance(self.rng.choice(sorted(self.open)))
            time.sleep(PAUSE_S)


def main(url: str, journal: str, tag: str, seed: str) -> None:
    db = open_database(url)
    seat = Seat(db, journal, tag, int(seed))

    def stop(_signum: int, _frame: object) -> None:
        seat.stopping = True

    signal.signal(signal.SIGTERM, stop)
    try:
        seat.run()
    finally:
        db.dispose()


if __name__ == "__main__":
    main(*sys.argv[1:5])
