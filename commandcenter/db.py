"""Opening databases (SQLite or PostgreSQL) and the unit of work every user action runs in.

SQLite runs in WAL mode with foreign keys on and a busy timeout; writes begin with
`BEGIN IMMEDIATE` so two seats never deadlock upgrading a read lock, while reads stay deferred
and never block writers. PostgreSQL is reached through psycopg 3 with the same schema.

Opening never writes: a database on a read-only share, or opened with SQLite's ``mode=ro``,
opens and reads. WAL is set and planner statistics refreshed only when a database is created or
upgraded, and by `maintain` (demo, imports, the GUI's periodic step). Database failures a user
can act on (another writer holding the lock, a read-only or full disk, a file deleted under the
running program) leave the unit of work as typed errors; nothing half-written is ever committed.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, quote, unquote, urlsplit

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, OperationalError
from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.orm import Session, sessionmaker

from .caches import CHANGED_ENTITIES, Caches
from .clock import Clock, SystemClock
from .errors import (
    CannotConnect,
    DatabaseBusy,
    DatabaseError,
    DatabaseFull,
    DatabaseMissing,
    DatabaseReadOnly,
    NoDatabase,
    NotADatabase,
    SchemaTooNew,
    ServerUnreachable,
    UnsupportedDatabase,
)

log = logging.getLogger(__name__)

SQLITE_BUSY_TIMEOUT_MS = 10_000
# a writer waits this long for the write lock quietly (seats commit in milliseconds); longer
# means an import or another long writer, and the wait is announced to `Database.busy_listeners`
BUSY_NOTICE_AFTER_MS = 1_000
# the longest a user action waits for another writer before it gives up with DatabaseBusy
WRITE_WAIT_S = 60.0
_SQLITE_MAGIC = b"SQLite format 3\x00"
SUPPORTED_KINDS = "a SQLite database file path (file:…?mode=ro for read-only) or a postgresql:// URL"

# PostgreSQL SQLSTATEs: serialization failure, deadlock, lock timeout / lock not available
_PG_BUSY = {"40001", "40P01", "55P03"}
_PG_READ_ONLY = {"25006"}
_PG_FULL = {"53100"}


def _sqlite_url(path: str, mode: str | None) -> URL:
    """The canonical URL of a SQLite file: absolute path, and ``mode=ro`` when read-only."""
    query = {"mode": "ro"} if mode == "ro" else {}
    return URL.create("sqlite+pysqlite", database=str(Path(path).expanduser().resolve()), query=query)


def normalize_url(database: str | Path) -> URL:
    """A SQLAlchemy URL from a file path, a SQLite ``file:`` URI or a URL (``postgresql://…``).

    Unsupported kinds (``mysql://…``) are refused here, with the kinds that are supported.
    """
    raw = str(database)
    if raw.startswith("file:"):  # SQLite's own URI form, e.g. file:/share/centre.sqlite?mode=ro
        parts = urlsplit(raw)
        mode = parse_qs(parts.query).get("mode", [None])[0]
        return _sqlite_url(unquote(parts.path), mode)
    if "://" not in raw:
        return _sqlite_url(raw, None)
    try:
        url = make_url(raw)
    except ArgumentError as exc:
        raise UnsupportedDatabase(raw.split("://", 1)[0], SUPPORTED_KINDS) from exc
    backend = url.get_backend_name()
    if backend == "sqlite":
        name = url.database or ""
        if not name or name == ":memory:":
            return url
        if name.startswith("file:"):  # sqlite:///file:/path?mode=ro&uri=true
            name = unquote(urlsplit(name).path)
        return _sqlite_url(name, str(url.query.get("mode") or "") or None)
    if backend == "postgresql":
        if url.drivername in ("postgresql", "postgres"):
            url = url.set(drivername="postgresql+psycopg")
        return url
    raise UnsupportedDatabase(url.drivername.split("+")[0], SUPPORTED_KINDS)


def describe_url(url: URL) -> str:
    """The URL without its password, for messages and logs."""
    return url.render_as_string(hide_password=True)


def sqlite_path(url: URL) -> Path | None:
    """The file of a SQLite URL (None for PostgreSQL and in-memory databases)."""
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    return Path(url.database)


def audit_anchor_path(path: Path) -> Path:
    """The file beside a SQLite database that keeps its audit chain's newest head (`services/audit`)."""
    return path.with_name(path.name + ".audit-anchor")


def check_sqlite_file(path: Path) -> None:
    """Refuse a file that exists but is not SQLite, before SQLite touches it."""
    if not path.exists() or path.stat().st_size == 0:
        return
    try:
        with path.open("rb") as fh:
            head = fh.read(100)
        size = path.stat().st_size
    except OSError as exc:
        raise DatabaseError(f"cannot read {path}: {exc.strerror}", path=str(path)) from exc
    if head[:16] != _SQLITE_MAGIC:
        raise NotADatabase(f"{path} is not a Grid Command Centre database (not SQLite)", path=str(path))
    if len(head) < 100 or size < _sqlite_size_in_header(head):
        raise NotADatabase(f"{path} is damaged: the file is shorter than its header says (truncated?); "
                           "it was left unchanged", path=str(path))


def _sqlite_size_in_header(head: bytes) -> int:
    """The file size SQLite's header promises, or 0 where the header does not say.

    The page count (offset 28) is valid only when its version-valid-for number (offset 92)
    matches the change counter (offset 24); the page size 1 stands for 65,536 bytes.
    """
    page_size = int.from_bytes(head[16:18], "big")
    page_size = 65_536 if page_size == 1 else page_size
    if head[24:28] != head[92:96]:
        return 0
    return page_size * int.from_bytes(head[28:32], "big")


def _install_sqlite_pragmas(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
        # take transaction control from pysqlite so BEGIN is ours to emit
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA foreign_keys = ON")
        cur.execute("PRAGMA synchronous = NORMAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        options = conn.get_execution_options()
        mode = options.get("sqlite_begin", "DEFERRED")
        wait_ms = options.get("sqlite_lock_wait_ms")
        if wait_ms is None:
            conn.exec_driver_sql(f"BEGIN {mode}")
            return
        # one slice of a writer's wait for the lock (see Database._begin_write)
        conn.exec_driver_sql(f"PRAGMA busy_timeout = {int(wait_ms)}")
        try:
            conn.exec_driver_sql(f"BEGIN {mode}")
        finally:
            conn.exec_driver_sql(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")


def create_db_engine(url: URL, *, must_exist: bool = False, **kwargs: Any) -> Engine:
    """An engine with the application's connection settings.

    A SQLite file is opened through a ``file:`` URI: ``mode=ro`` when the URL asks for it, and
    with `must_exist` ``mode=rw``, so a file deleted under the running program is never
    silently recreated empty by the next pooled connection.
    """
    # a failed statement's message (shown, logged) never carries its values: residents' names
    # and phones stay out of the log
    kwargs.setdefault("hide_parameters", True)
    path = sqlite_path(url)
    if url.get_backend_name() == "sqlite":
        connect_url = url
        if path is not None:
            mode = "ro" if url.query.get("mode") == "ro" else "rw" if must_exist else "rwc"
            connect_url = URL.create("sqlite+pysqlite", database="file:" + quote(str(path)),
                                     query={"mode": mode, "uri": "true"})
        engine = create_engine(
            connect_url,
            connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000, "check_same_thread": False},
            **kwargs,
        )
        _install_sqlite_pragmas(engine)
        return engine
    kwargs.setdefault("pool_pre_ping", True)
    engine = create_engine(url, **kwargs)
    event.listen(engine, "handle_error", _keep_values_out_of_server_messages)
    return engine


def _keep_values_out_of_server_messages(context: Any) -> None:
    """Drop the server's DETAIL (and what follows) from a PostgreSQL error's message.

    hide_parameters keeps the statement's values out, but PostgreSQL repeats them itself: a NOT
    NULL or CHECK violation's DETAIL is "Failing row contains (…)", a unique violation's "Key
    (reporter_phone)=(…)". The primary message names the constraint, which is what a reader
    needs; the SQLSTATE and the full diagnostics stay on the driver's exception for code.
    """
    for exc in (context.original_exception, context.sqlalchemy_exception):
        if exc is None or not exc.args:
            continue
        head, sep, _detail = str(exc.args[0]).partition("\nDETAIL:")
        if sep:
            exc.args = (head, *exc.args[1:])


def sqlite_statistics_stale(conn: sqlite3.Connection) -> bool:
    """True when the planner's statistics are missing, or the case table grew or shrank twofold since."""
    has_stats = conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").fetchone()
    rows_now = conn.execute("SELECT coalesce(max(id), 0) FROM case_record").fetchone()[0]
    if has_stats:
        stat = conn.execute("SELECT stat FROM sqlite_stat1 WHERE tbl = 'case_record' LIMIT 1").fetchone()
        rows_then = int(stat[0].split()[0]) if stat else 0
        if rows_then * 2 >= rows_now >= rows_then // 2 and (rows_then or not rows_now):
            return False
    return True


def refresh_sqlite_statistics(conn: sqlite3.Connection) -> bool:
    """ANALYZE (sampled, a few ms) when the planner's statistics are missing or stale.

    Without them SQLite guesses that `centre_id = ?` is selective and walks a centre's whole
    history for the widened wall instead of the report-time index: 1.5 s instead of 0.4 s at
    Putian scale.
    """
    if not sqlite_statistics_stale(conn):
        return False
    conn.execute("PRAGMA analysis_limit = 1000")
    conn.execute("ANALYZE")
    return True


def _failure_kind(exc: DBAPIError) -> str | None:
    """'busy', 'read_only' or 'full' for the driver errors a user can act on, else None."""
    orig = exc.orig
    if isinstance(orig, sqlite3.Error):
        name = getattr(orig, "sqlite_errorname", "") or ""
        message = str(orig).lower()
        if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "database is locked" in message:
            return "busy"
        if name.startswith("SQLITE_READONLY") or "readonly database" in message:
            return "read_only"
        if name == "SQLITE_FULL" or "database or disk is full" in message:
            return "full"
        return None
    state = getattr(orig, "sqlstate", None) or getattr(orig, "pgcode", None)
    if state in _PG_BUSY:
        return "busy"
    if state in _PG_READ_ONLY:
        return "read_only"
    if state in _PG_FULL:
        return "full"
    return None


class Database:
    """One opened database: engines, session factories, the clock, and cached lookups.

    Services receive a Database and open one unit of work per user action. Sessions belong to
    one thread; the Database object itself may be shared between threads.

    `busy_listeners` are called with True when a writer starts waiting for another seat or an
    import to finish writing, and with False when no writer waits any longer; they are called on
    the waiting thread, so a GUI relays them to its own thread.
    """

    def __init__(self, url: URL, engine: Engine, clock: Clock | None = None, *,
                 write_wait_s: float = WRITE_WAIT_S) -> None:
        self.url = url
        self.engine = engine
        self.clock: Clock = clock or SystemClock()
        self.write_wait_s = write_wait_s
        writer = engine.execution_options(sqlite_begin="IMMEDIATE") if self.is_sqlite else engine
        # sessions know their database: the audit trail reads its clock and anchors beside its file
        self._read_sessions = sessionmaker(engine, expire_on_commit=False, info={"database": self})
        self._write_sessions = sessionmaker(writer, expire_on_commit=False, info={"database": self})
        self.caches = Caches()
        # (before, after) schema revisions when open_database(create=True) upgraded the schema
        self.schema_upgrade: tuple[str | None, str] | None = None
        self.busy_listeners: list[Callable[[bool], None]] = []
        # why the GUI's change feed has lost the server, or None: writes are refused meanwhile
        self.unreachable: str | None = None
        self._waiting = 0
        self._waiting_lock = threading.Lock()
        self.path = sqlite_path(url)
        self._file_id = self._identify_file()
        self.read_only = url.query.get("mode") == "ro" or (
            self.path is not None and self.path.exists() and not os.access(self.path, os.W_OK))
        self._disposed = threading.Event()
        event.listen(engine, "checkin", self._close_if_disposed)

    @property
    def is_sqlite(self) -> bool:
        return self.url.get_backend_name() == "sqlite"

    @property
    def display_name(self) -> str:
        if self.is_sqlite:
            return Path(self.url.database or "").name or ":memory:"
        return describe_url(self.url)

    @property
    def location(self) -> str:
        """The file path or the URL without password: what messages name."""
        return str(self.path) if self.path is not None else describe_url(self.url)

    def _identify_file(self) -> tuple[int, int] | None:
        if self.path is None:
            return None
        try:
            st = self.path.stat()
        except FileNotFoundError:
            return None
        return st.st_dev, st.st_ino

    def _file_changed(self) -> bool:
        """True when the SQLite file was deleted or replaced since opening."""
        return self.path is not None and self._file_id is not None and self._identify_file() != self._file_id

    def _check_writable(self) -> None:
        """Refuse before writing when the file is read-only, or was deleted or replaced since opening.

        SQLite keeps writing into a deleted file's open inode, where every later write would
        silently vanish when the program closes.
        """
        if self.read_only:
            raise DatabaseReadOnly(self.location)
        self.refuse_when_unreachable()
        if self._file_changed():
            raise DatabaseMissing(str(self.path))

    def refuse_when_unreachable(self) -> None:
        """Raise ServerUnreachable while the GUI's change feed has lost the server.

        A user's action is then refused at once, before anything is sent: no half-sent write whose
        fate is unknown, nothing queued to be sent twice, and no wait for a connect timeout.
        """
        if self.unreachable is not None:
            raise ServerUnreachable(self.location, self.unreachable)

    def _typed(self, exc: DBAPIError, waited: float = 0.0) -> DatabaseError | None:
        kind = _failure_kind(exc)
        if kind == "busy":
            return DatabaseBusy(self.location, round(waited))
        if kind == "read_only":
            return DatabaseReadOnly(self.location)
        if kind == "full":
            return DatabaseFull(self.location)
        if self._file_changed():
            return DatabaseMissing(str(self.path))
        return None

    def _announce(self, waiting: bool) -> None:
        with self._waiting_lock:
            self._waiting += 1 if waiting else -1
            changed = self._waiting == (1 if waiting else 0)
        if changed:
            for listener in list(self.busy_listeners):
                try:
                    listener(waiting)
                except Exception:  # a listener's failure must not fail the user's action
                    log.exception("busy listener failed")

    def _begin_write(self) -> Session:
        """A session whose write transaction has begun, waiting for another writer if need be.

        On SQLite `BEGIN IMMEDIATE` takes the write lock before the action's body runs, so only
        the BEGIN is ever retried: nothing has been done yet, and nothing can be done twice. It
        waits quietly for BUSY_NOTICE_AFTER_MS, then announces the wait and keeps trying in
        slices until `write_wait_s` have passed.
        """
        started = time.monotonic()
        deadline = started + self.write_wait_s
        announced = False
        try:
            while True:
                self._check_writable()
                session = self._write_sessions()
                remaining_ms = int((deadline - time.monotonic()) * 1000)
                slice_ms = BUSY_NOTICE_AFTER_MS if not announced else min(SQLITE_BUSY_TIMEOUT_MS, remaining_ms)
                try:
                    if self.is_sqlite:
                        session.connection(execution_options={"sqlite_lock_wait_ms": max(slice_ms, 1)})
                    return session
                except DBAPIError as exc:
                    session.close()
                    waited = time.monotonic() - started
                    if _failure_kind(exc) != "busy" or time.monotonic() >= deadline:
                        typed = self._typed(exc, waited)
                        if typed is None:
                            raise
                        raise typed from exc
                    if not announced:
                        log.info("writer waits for the lock on %s: %s", self.location, exc.orig)
                        announced = True
                        self._announce(True)
        finally:
            if announced:
                self._announce(False)

    @contextmanager
    def unit_of_work(self) -> Iterator[Session]:
        """A write transaction: commits when the block ends, rolls back on any error.

        Raises DatabaseBusy, DatabaseReadOnly, DatabaseFull or DatabaseMissing instead of the
        driver's error; the transaction is then rolled back, so the action did not happen.
        """
        session = self._begin_write()
        try:
            yield session
            session.commit()
            changed = session.info.pop(CHANGED_ENTITIES, None)
            if changed:
                self.caches.invalidate(changed)
        except DBAPIError as exc:
            session.rollback()
            typed = self._typed(exc)
            if typed is None:
                raise
            raise typed from exc
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only session (deferred transaction, rolled back at the end)."""
        session = self._read_sessions()
        try:
            yield session
        except DBAPIError as exc:
            if self._file_changed():
                raise DatabaseMissing(str(self.path)) from exc
            raise
        finally:
            session.rollback()
            session.close()

    def dispose(self) -> None:
        """Close the pooled connections. One still in use (a background load outliving its
        window) is closed when it comes back, as is any opened afterwards, rather than left open
        for the garbage collector: psycopg would warn then, at some unrelated later moment."""
        self._disposed.set()
        self.engine.dispose()

    def _close_if_disposed(self, _driver_connection: Any, record: Any) -> None:
        if self._disposed.is_set():
            record.invalidate()


def maintain(db: Database) -> bool:
    """Refresh SQLite's planner statistics when stale; True when ANALYZE ran.

    Called after an upgrade, a demo and an import, and by the GUI now and then off its thread,
    never at open: opening must not write. PostgreSQL's autovacuum keeps its own statistics,
    and a read-only database keeps the statistics it came with.
    """
    if not db.is_sqlite or db.read_only:
        return False
    with db.read() as s:  # the write lock only when there is something to write
        if not sqlite_statistics_stale(s.connection().connection.driver_connection):  # type: ignore[arg-type]
            return False
    with db.unit_of_work() as s:
        return refresh_sqlite_statistics(s.connection().connection.driver_connection)  # type: ignore[arg-type]


def _set_wal(engine: Engine) -> None:
    raw = engine.raw_connection()  # outside any transaction: WAL cannot be set inside one
    try:
        raw.driver_connection.execute("PRAGMA journal_mode = WAL")  # type: ignore[union-attr]
    finally:
        raw.close()


def _damaged(location: str, exc: SADatabaseError) -> NotADatabase | None:
    reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
    if "malformed" in reason or "not a database" in reason:
        return NotADatabase(f"{location} is damaged or not a database ({reason}); it was left unchanged",
                            path=location, reason=reason)
    return None


def open_database(
    database: str | Path,
    *,
    clock: Clock | None = None,
    create: bool = False,
    check_schema: bool = True,
    write_wait_s: float = WRITE_WAIT_S,
) -> Database:
    """Open a database by path or URL.

    With ``create`` a missing SQLite file is created and brought to the current schema;
    otherwise the schema must already be current. Raises DatabaseError subclasses with a one-line
    message; nothing is written to a database that is refused, nor to one only opened.
    """
    from . import migrations

    url = normalize_url(database)
    path = sqlite_path(url)
    read_only = url.query.get("mode") == "ro"
    if path is not None:
        check_sqlite_file(path)
        if not path.exists() and (read_only or not create):
            raise NoDatabase(str(path))
        if create and not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            # an empty file is an empty SQLite database; mode=rw needs it to exist. Owner-only:
            # it will hold residents' names and phones (SQLite gives -wal and -shm the same mode)
            path.touch(mode=0o600)
            # a new database starts a new chain: an anchor left by a deleted one would refuse it
            audit_anchor_path(path).unlink(missing_ok=True)
    location = str(path) if path is not None else describe_url(url)
    engine = create_db_engine(url, must_exist=True)
    try:
        with engine.connect() as conn:
            # on SQLite this parses the schema page, so a damaged file is refused at open
            conn.execute(text("SELECT count(*) FROM sqlite_master" if path is not None else "SELECT 1"))
    except (OperationalError, SADatabaseError) as exc:
        engine.dispose()
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
        damaged = _damaged(location, exc)
        if damaged is not None:
            raise damaged from exc
        raise CannotConnect(location, reason, describe_url(url)) from exc
    db = Database(url, engine, clock, write_wait_s=write_wait_s)
    try:
        if create and not read_only:
            db.schema_upgrade = migrations.upgrade(db)
            before, after = db.schema_upgrade
            if db.is_sqlite and before != after:
                # WAL is persistent in the file: set it only once the file is known to be ours,
                # so a refused foreign file is left byte for byte as it was
                _set_wal(engine)
                maintain(db)
        elif check_schema:
            migrations.require_current(db)
    except SADatabaseError as exc:
        engine.dispose()
        damaged = _damaged(location, exc)
        if damaged is None:
            raise
        raise damaged from exc
    except BaseException:
        engine.dispose()
        raise
    return db


__all__ = [
    "Database",
    "DatabaseError",
    "NotADatabase",
    "SchemaTooNew",
    "create_db_engine",
    "describe_url",
    "maintain",
    "normalize_url",
    "open_database",
]
