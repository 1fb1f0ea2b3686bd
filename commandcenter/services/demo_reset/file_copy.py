"""The SQLite reset: the snapshot is a file beside the demo, copied back into the live file.

At generation the demo command (and the GUI's first-start demo) keeps `<db>.demo-snapshot`,
taken with SQLite's online backup API (services/backup, with its audit anchor beside it). A
reset copies it back the same way, *into* the live file: the backup API writes the pages through
a connection of its own under the write lock, so the file keeps its inode and every seat that
has it open reads the restored database at its next query (replacing the file would leave them
writing into the unlinked old one). SQLite needs no more: each connection sees the file's change
counter move and drops its page cache.

The copy and the change entries that follow it are two transactions, so the entries start a
margin past the live log's newest id (a seat may commit between the read and the copy). The
snapshot's audit anchor replaces the live one: the live anchor named entries the reset has
removed, and an anchor never moves backwards by itself.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

from ...db import Database, audit_anchor_path
from ...errors import NoDemoSnapshot
from ..auth import Principal
from ..backup import backup_sqlite
from .announce import Differences, append_changes, audit_reset, count_cases, differences

SNAPSHOT_SUFFIX = ".demo-snapshot"
# change-log ids the reset skips past the live log's newest: a seat may commit between the reset
# reading that id and the copy taking the write lock; its change is undone by the copy, but a
# feed that saw its id would skip the reset's entries if they reused it
CHANGE_ID_MARGIN = 1000


def snapshot_path(database: Path) -> Path:
    return database.with_name(database.name + SNAPSHOT_SUFFIX)


def save_file_snapshot(database: Path) -> None:
    """Keep the freshly generated demo file beside itself for later resets."""
    backup_sqlite(database, snapshot_path(database))


def _schema(conn: sqlite3.Connection) -> str | None:
    try:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError:
        return None
    return None if row is None else str(row[0])


def _checked_snapshot(db: Database) -> Path:
    """The snapshot to restore, refused (NoDemoSnapshot) before anything changes."""
    if db.path is None:
        raise NoDemoSnapshot(db.location, "not_a_file")
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


def _differences(live: sqlite3.Connection, snapshot: Path) -> Differences:
    live.execute("ATTACH DATABASE ? AS snap", (f"{snapshot.resolve().as_uri()}?mode=ro",))
    try:
        return differences(lambda sql: live.execute(sql).fetchall(), "main.", "snap.")
    finally:
        live.execute("DETACH DATABASE snap")


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


def restore_file(db: Database, principal: Principal | None) -> tuple[Differences, int]:
    """Copy the snapshot back into the live file and tell the seats; (what changed, cases after)."""
    snapshot = _checked_snapshot(db)
    assert db.path is not None  # _checked_snapshot refuses a database without a file
    live = sqlite3.connect(db.path, isolation_level=None, timeout=db.write_wait_s)
    try:
        before = _differences(live, snapshot)
        source = _read_only(snapshot)
        try:
            source.backup(live)  # one step: the whole copy under one write lock
        finally:
            source.close()
        cases_after = count_cases(lambda sql: live.execute(sql).fetchall(), "main.")
    finally:
        live.close()
    _restore_anchor(db.path, snapshot)
    db.caches.clear()  # every cached lookup of this process may describe rows the copy replaced
    with db.unit_of_work() as s:
        append_changes(s, before.changed, before.newest_change + CHANGE_ID_MARGIN + 1, db.clock.now())
        audit_reset(s, principal, snapshot.name, before, cases_after)
    return before, cases_after
