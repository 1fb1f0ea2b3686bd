"""Reset a demo database to the state it was generated in, in one action, while seats stay open.

Trainers run drill after drill on one demo city; each leaves new cases, changed ones, positions
and escalations behind, and the situation they prepared is gone. At generation the demo command
(and the GUI's first-start demo) keeps a snapshot: a file beside a SQLite demo (file_copy), a
schema of table copies inside a PostgreSQL one (schema_copy). A reset puts it back and tells the
seats what changed through the change log, audited on the snapshot's chain (announce). A database
not marked as demo, or without a snapshot of its schema revision, is refused before anything is
written.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path

from ...db import Database
from ...domain.actions import Action
from ...errors import NotADemoToReset
from ...shapes.demo import DemoResetResult
from ..auth import Principal, authorize
from ..drill_scope import is_demo
from .file_copy import restore_file, save_file_snapshot, snapshot_path
from .schema_copy import SNAPSHOT_SCHEMA, restore_schema, save_schema_snapshot

__all__ = ["SNAPSHOT_SCHEMA", "DemoResetService", "reset_demo", "save_demo_snapshot", "snapshot_path"]

log = logging.getLogger(__name__)


def save_demo_snapshot(target: Database | Path) -> None:
    """Keep the freshly generated demo for later resets: a SQLite file (a path, or an open
    database on one) beside itself, a PostgreSQL database in its snapshot schema."""
    path = target if isinstance(target, Path) else target.path
    if path is not None:
        save_file_snapshot(path)
    elif isinstance(target, Database) and not target.is_sqlite:
        save_schema_snapshot(target)
    # a SQLite database in memory keeps none: there is no file to keep it beside (reset refuses)


def reset_demo(db: Database, principal: Principal | None) -> DemoResetResult:
    """Restore the demo database from its snapshot; `principal` None is the command line.

    Raises NotADemoToReset on a database not marked as demo, NoDemoSnapshot when there is
    nothing to restore; in both cases before anything is written.
    """
    started = time.perf_counter()
    with db.read() as s:
        if not is_demo(s):
            raise NotADemoToReset(db.display_name)
    before, cases_after = (restore_file if db.is_sqlite else restore_schema)(db, principal)
    db.caches.clear()  # every cached lookup of this process may describe rows the reset replaced
    log.info("demo %s reset: %d cases before, %d after", db.display_name, before.cases, cases_after)
    return DemoResetResult(cases_before=before.cases, cases_after=cases_after, rows_changed=len(before.changed),
                           seconds=time.perf_counter() - started)


class DemoResetService:
    """The trainer's reset, checked against the signed-in user's right to manage the demo."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def reset(self, principal: Principal) -> DemoResetResult:
        authorize(self.db, principal, Action.MANAGE_DEMO)
        return reset_demo(self.db, principal)
