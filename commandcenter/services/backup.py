"""Consistent copies of a SQLite database while seats and the drill write to it, and a restore
that checks a copy before it replaces anything.

The copy uses SQLite's online backup API (`sqlite3.Connection.backup`) in steps of pages, so a
progress bar can follow a large file. The source connection holds one read transaction for the
whole copy: in WAL mode writers go on committing, and the copy is the database as it stood when
the transaction began (without it, every commit elsewhere would restart the copy from page one,
and a running drill commits several times a second). The copy is written owner-only (it holds
residents' names and phones) in rollback-journal mode, so it is one self-contained file, with
an audit anchor naming its own newest entry once its chain is checked against the database's.

A restore refuses, before touching the target, anything that is not one of ours: a file that is
not SQLite, one that fails `PRAGMA integrity_check`, a foreign schema, a schema newer than this
program, or a database without a command centre. The replaced file is kept beside the target.
PostgreSQL has its own tools (pg_dump / pg_restore): both refuse a URL and say so.
"""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ..db import audit_anchor_path, check_sqlite_file, normalize_url, open_database, sqlite_path
from ..errors import DatabaseError, NoDatabase, NotADatabase
from ..shapes.audit import AnchorHead
from .audit import read_anchor_file, write_anchor_file

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]  # (pages copied, pages in all)
PAGES_PER_STEP = 1024  # 4 MiB at the default page size: a step is a few milliseconds
POSTGRES_ADVICE = ("{what} works on SQLite files; for PostgreSQL use pg_dump -Fc and pg_restore "
                   "(see the README, “Exports and backups”)")


@dataclass(frozen=True)
class BackupResult:
    out: Path
    pages: int
    anchor: Path | None  # the audit anchor written beside the copy, when the database has one


@dataclass(frozen=True)
class RestoreResult:
    path: Path
    revision: str
    replaced: Path | None  # the previous file, kept; None when there was none


def sqlite_file(database: str | Path, what: str) -> Path:
    """The file behind a path or URL; PostgreSQL and in-memory databases are refused with advice."""
    url = normalize_url(database)
    path = sqlite_path(url)
    if path is None:
        raise DatabaseError(POSTGRES_ADVICE.format(what=what), url=str(database))
    return path


def _read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None)


def backup_sqlite(database: str | Path, out: Path, *, progress: Progress | None = None,
                  pages_per_step: int = PAGES_PER_STEP) -> BackupResult:
    """Copy the database at `database` to `out` (replaced if it exists), online."""
    path = sqlite_file(database, "backup")
    check_sqlite_file(path)
    if not path.exists():
        raise NoDatabase(str(path))
    if not out.parent.is_dir():
        raise DatabaseError(f"no folder {out.parent} for the copy; nothing was written", path=str(out))
    if out.resolve() == path.resolve():
        raise DatabaseError(f"{out} is the database itself; choose another file", path=str(out))
    partial = out.with_name(out.name + ".partial")
    partial.unlink(missing_ok=True)
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(fd)
    anchored = read_anchor_file(path)  # before the snapshot: every entry it names is in the copy
    src = _read_only(path)
    dst = sqlite3.connect(partial, isolation_level=None)
    try:
        src.execute("BEGIN")
        src.execute("SELECT count(*) FROM sqlite_master").fetchone()  # the snapshot starts here
        pages = 0

        def step(_status: int, remaining: int, total: int) -> None:
            nonlocal pages
            pages = total
            if progress is not None:
                progress(total - remaining, total)

        src.backup(dst, pages=pages_per_step, progress=step)
        src.execute("COMMIT")
        dst.execute("PRAGMA journal_mode=DELETE")  # one file, readable without -wal and -shm
    except BaseException:
        dst.close()
        partial.unlink(missing_ok=True)
        raise
    finally:
        src.close()
    dst.close()
    os.replace(partial, out)
    anchor = _anchor_for_copy(out, anchored)
    return BackupResult(out=out, pages=pages, anchor=anchor)


def _anchor_for_copy(out: Path, anchored: AnchorHead | None) -> Path | None:
    """The audit anchor beside the copy: the head of the copy's own chain, written only when the
    database's anchor (read before the snapshot, so every entry it names is in the copy) names an
    entry the copy holds unchanged. Entries after it were committed while their anchor was being
    written, or during the copy; the live anchor file itself is newer than the copy by then, and
    `audit verify` wants the anchor to name the copy's head exactly."""
    target = audit_anchor_path(out)
    target.unlink(missing_ok=True)  # an older copy's anchor would not match this copy
    if anchored is None:
        return None
    conn = _read_only(out)
    try:
        named = conn.execute("SELECT seq, hash FROM audit_entry WHERE id = ?", (anchored.entry_id,)).fetchone()
        head = conn.execute("SELECT id, seq, hash FROM audit_entry ORDER BY id DESC LIMIT 1").fetchone()
    except sqlite3.DatabaseError:  # no audit table: nothing to anchor
        return None
    finally:
        conn.close()
    if named is None or tuple(named) != (anchored.seq, anchored.hash) or head is None:
        log.warning("the audit anchor of %s does not match its chain: no anchor beside the copy", out)
        return None
    write_anchor_file(out, AnchorHead(entry_id=int(head[0]), seq=int(head[1]), hash=str(head[2])))
    return target


def check_restorable(candidate: Path) -> str:
    """The schema revision of `candidate` when it is a sound database of ours that this program
    can open; raises NotADatabase, SchemaTooNew or DatabaseError otherwise, changing nothing."""
    if not candidate.is_file():
        raise DatabaseError(f"no file at {candidate}", path=str(candidate))
    check_sqlite_file(candidate)
    if candidate.stat().st_size == 0:
        raise NotADatabase(f"{candidate} is empty, not a Grid Command Centre database", path=str(candidate))
    try:
        conn = _read_only(candidate)
        try:
            verdict = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise NotADatabase(f"{candidate} is damaged or not a database ({exc})", path=str(candidate)) from exc
    if verdict != ["ok"]:
        raise NotADatabase(f"{candidate} fails the integrity check ({verdict[0]})", path=str(candidate))
    from .. import migrations

    db = open_database(f"file:{candidate}?mode=ro", check_schema=False)
    try:
        revision = migrations._check_known(db)  # foreign tables and newer schemas refused here
        if revision is None:
            raise NotADatabase(f"{candidate} is not a Grid Command Centre database (no schema version)",
                               path=str(candidate))
        with db.engine.connect() as conn:
            centres = conn.exec_driver_sql("SELECT count(*) FROM command_centre").scalar()
    finally:
        db.dispose()
    if not centres:
        raise NotADatabase(f"{candidate} holds no command centre: not a centre's database", path=str(candidate))
    return revision


def restore_sqlite(database: str | Path, candidate: Path, now: datetime) -> RestoreResult:
    """Check `candidate`, then put a copy of it at the database's path; the file it replaces (and
    its audit anchor) is renamed to `<path>.replaced-<timestamp>`. Stop the seats first: a seat
    still open on the old file would go on writing to the renamed one."""
    path = sqlite_file(database, "restore")
    revision = check_restorable(candidate)
    if path.exists() and candidate.resolve() == path.resolve():
        raise DatabaseError(f"{candidate} is the database itself", path=str(candidate))
    stamp = now.strftime("%Y%m%dT%H%M%S")
    incoming = path.with_name(path.name + ".restoring")
    fd = os.open(incoming, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as fh, candidate.open("rb") as src:
        shutil.copyfileobj(src, fh)
    replaced = None
    if path.exists():
        replaced = path.with_name(f"{path.name}.replaced-{stamp}")
        os.replace(path, replaced)
        for suffix in ("-wal", "-shm"):  # the old file's journal belongs to it, not to the restored one
            side = path.with_name(path.name + suffix)
            if side.exists():
                os.replace(side, replaced.with_name(replaced.name + suffix))
        anchor = audit_anchor_path(path)
        if anchor.exists():
            os.replace(anchor, audit_anchor_path(replaced))
    os.replace(incoming, path)
    if audit_anchor_path(candidate).exists():
        shutil.copyfile(audit_anchor_path(candidate), audit_anchor_path(path))
        os.chmod(audit_anchor_path(path), 0o600)
    return RestoreResult(path=path, revision=revision, replaced=replaced)
