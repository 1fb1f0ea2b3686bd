"""Reset a demo database to the state it was generated in, in one action, while seats stay open.

Trainers run drill after drill on one demo city; each leaves new cases, changed ones, positions
and escalations behind, and the situation they prepared is gone. At generation the demo command
(and the GUI's first-start demo) keeps a snapshot beside the file, `<db>.demo-snapshot`, taken
with SQLite's online backup API (services/backup, with its audit anchor beside it). A reset
copies it back the same way, *into* the live file: the backup API writes the pages through a
connection of its own under the write lock, so the file keeps its inode and every seat that has
it open reads the restored database at its next query (replacing the file would leave them
writing into the unlinked old one). SQLite needs no more: each connection sees the file's
change counter move and drops its page cache.

Seats must also learn that rows they show changed or vanished. Their change feeds remember the
newest change-log id they saw, and the restored log ends earlier; so the reset appends its
change entries *after* that id (plus a margin for a commit that may slip in between the read
and the copy): again each row the log named since the snapshot (added, changed or gone now), and
one `Entity.DEMO` entry on which screens load again. The reset is audited like
any change: its entry follows the snapshot's chain, whose anchor replaces the live one (the live
anchor named entries the reset has removed, and an anchor never moves backwards by itself).

PostgreSQL has no file to copy back: a reset is refused there with advice (generate again into
an empty database; `app_meta` keeps the scale, days and seed).
"""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
import time
from pathlib import Path

from sqlalchemy import insert

from ..db import Database, audit_anchor_path
from ..domain.actions import Action
from ..domain.entities import Entity
from ..errors import NoDemoSnapshot, NotADemoToReset
from ..models import ChangeLog, to_epoch
from ..shapes.demo import DemoResetResult
from . import audit
from .auth import Principal, authorize
from .backup import backup_sqlite
from .drill_scope import is_demo

log = logging.getLogger(__name__)

SNAPSHOT_SUFFIX = ".demo-snapshot"
# change-log ids the reset skips past the live log's newest: a seat may commit between the reset
# reading that id and the copy taking the write lock; its change is undone by the copy, but a
# feed that saw its id would skip the reset's entries if they reused it
CHANGE_ID_MARGIN = 1000


def snapshot_path(database: Path) -> Path:
    return database.with_name(database.name + SNAPSHOT_SUFFIX)


def save_demo_snapshot(database: Path) -> Path:
    """Keep the freshly generated demo file beside itself for later resets; returns the snapshot."""
    return backup_sqlite(database, snapshot_path(database)).out


def _schema(conn: sqlite3.Connection) -> str | None:
    try:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError:
        return None
    return None if row is None else str(row[0])


def _checked_snapshot(db: Database) -> Path:
    """The snapshot to restore, refused (NoDemoSnapshot, NotADemoToReset) before anything changes."""
    if db.path is None:
        raise NoDemoSnapshot(db.location, "not_a_file")
    with db.read() as s:
        if not is_demo(s):
            raise NotADemoToReset(db.display_name)
    snapshot = snapshot_path(db.path)
    if not snapshot.is_file():
        raise NoDemoSnapshot(db.display_name, "missing")
    live, snap = sqlite3.connect(db.path), _read_only(snapshot)
    try:
        same = _schema(live) == _schema(snap)
    finally:
        live.close()
        snap.close()
    if not same:
        raise NoDemoSnapshot(db.display_name, "schema")
    return snapshot


def _read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None)


def _differences(live: sqlite3.Connection, snapshot: Path) -> tuple[int, list[tuple[str, int]], int]:
    """The live log's newest change id, what changed since the snapshot (each entity and row the
    change log names after the snapshot's newest entry: every change a live screen can show is
    logged, so these are the rows a seat may hold stale), and the live case count."""
    live.execute("ATTACH DATABASE ? AS snap", (f"{snapshot.resolve().as_uri()}?mode=ro",))
    try:
        newest = int(live.execute("SELECT COALESCE(MAX(id), 0) FROM main.change_log").fetchone()[0])
        since = int(live.execute("SELECT COALESCE(MAX(id), 0) FROM snap.change_log").fetchone()[0])
        changed = [(str(e), int(i)) for e, i in live.execute(
            "SELECT DISTINCT entity, entity_id FROM main.change_log WHERE id > ? ORDER BY entity, entity_id",
            (since,))]
        cases = int(live.execute("SELECT count(*) FROM main.case_record").fetchone()[0])
    finally:
        live.execute("DETACH DATABASE snap")
    return newest, changed, cases


def _restore_anchor(database: Path, snapshot: Path) -> None:
    """The snapshot's audit anchor becomes the database's (or none, when the snapshot has none)."""
    target = audit_anchor_path(database)
    source = audit_anchor_path(snapshot)
    if not source.exists():
        target.unlink(missing_ok=True)
        return
    incoming = target.with_name(target.name + ".resetting")
    shutil.copyfile(source, incoming)
    os.chmod(incoming, 0o600)
    os.replace(incoming, target)


def reset_demo(db: Database, principal: Principal | None) -> DemoResetResult:
    """Restore the demo database from its snapshot; `principal` None is the command line.

    Raises NotADemoToReset on a database not marked as demo, NoDemoSnapshot when there is
    nothing to restore; in both cases before anything is written.
    """
    started = time.perf_counter()
    snapshot = _checked_snapshot(db)
    assert db.path is not None  # _checked_snapshot refuses a database without a file
    live = sqlite3.connect(db.path, isolation_level=None, timeout=db.write_wait_s)
    try:
        newest, changed, cases_before = _differences(live, snapshot)
        source = _read_only(snapshot)
        try:
            source.backup(live)  # one step: the whole copy under one write lock
        finally:
            source.close()
        cases_after = int(live.execute("SELECT count(*) FROM case_record").fetchone()[0])
    finally:
        live.close()
    _restore_anchor(db.path, snapshot)
    db.caches.clear()  # every cached lookup of this process may describe rows the copy replaced
    now = db.clock.now()
    rows = [{"entity": entity, "entity_id": i, "op": "update"} for entity, i in changed]
    rows.append({"entity": Entity.DEMO.value, "entity_id": 0, "op": "update"})
    first = newest + CHANGE_ID_MARGIN + 1
    with db.unit_of_work() as s:
        s.execute(insert(ChangeLog), [{"id": first + n, "at": to_epoch(now), "centre_id": None, **row}
                                      for n, row in enumerate(rows)])
        audit.append(s, principal, "reset_demo", "demo", None,
                     {"snapshot": snapshot.name, "cases_before": cases_before, "cases_after": cases_after,
                      "rows_changed": len(rows) - 1})
    log.info("demo %s reset from %s: %d cases before, %d after", db.display_name, snapshot.name, cases_before,
             cases_after)
    return DemoResetResult(cases_before=cases_before, cases_after=cases_after, rows_changed=len(rows) - 1,
                           seconds=time.perf_counter() - started)


class DemoResetService:
    """The trainer's reset, checked against the signed-in user's right to manage the demo."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def reset(self, principal: Principal) -> DemoResetResult:
        authorize(self.db, principal, Action.MANAGE_DEMO)
        return reset_demo(self.db, principal)
