"""Opening databases (SQLite or PostgreSQL) and the unit of work every user action runs in.

SQLite runs in WAL mode with foreign keys on and a busy timeout; writes begin with
`BEGIN IMMEDIATE` so two seats never deadlock upgrading a read lock, while reads stay deferred
and never block writers. PostgreSQL is reached through psycopg 3 with the same schema.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, OperationalError
from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.orm import Session, sessionmaker

from .clock import Clock, SystemClock
from .errors import DatabaseError, NotADatabase, SchemaTooNew

log = logging.getLogger(__name__)

SQLITE_BUSY_TIMEOUT_MS = 10_000
_SQLITE_MAGIC = b"SQLite format 3\x00"


def normalize_url(database: str | Path) -> URL:
    """A SQLAlchemy URL from a file path or a URL string (``postgresql+psycopg://…``)."""
    raw = str(database)
    if "://" in raw:
        try:
            url = make_url(raw)
        except ArgumentError as exc:
            raise DatabaseError(f"not a database URL: {raw}", url=raw) from exc
        if url.drivername in ("postgresql", "postgres"):
            url = url.set(drivername="postgresql+psycopg")
        return url
    path = Path(raw).expanduser()
    return URL.create("sqlite+pysqlite", database=str(path.resolve()))


def describe_url(url: URL) -> str:
    """The URL without its password, for messages and logs."""
    return url.render_as_string(hide_password=True)


def check_sqlite_file(path: Path) -> None:
    """Refuse a file that exists but is not SQLite, before SQLite touches it."""
    if not path.exists() or path.stat().st_size == 0:
        return
    try:
        with path.open("rb") as fh:
            head = fh.read(16)
    except OSError as exc:
        raise DatabaseError(f"cannot read {path}: {exc.strerror}", path=str(path)) from exc
    if head != _SQLITE_MAGIC:
        raise NotADatabase(f"{path} is not a Grid Command Centre database (not SQLite)", path=str(path))


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
        mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")


def create_db_engine(url: URL, **kwargs: Any) -> Engine:
    if url.get_backend_name() == "sqlite":
        engine = create_engine(
            url,
            connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000, "check_same_thread": False},
            **kwargs,
        )
        _install_sqlite_pragmas(engine)
        return engine
    kwargs.setdefault("pool_pre_ping", True)
    return create_engine(url, **kwargs)


def refresh_sqlite_statistics(conn: sqlite3.Connection) -> bool:
    """ANALYZE (sampled, a few ms) when the planner's statistics are missing or stale.

    Without them SQLite guesses that `centre_id = ?` is selective and walks a centre's whole
    history for the widened wall instead of the report-time index: 1.5 s instead of 0.4 s at
    Putian scale. Stale means the case table grew or shrank twofold since the last ANALYZE.
    """
    has_stats = conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").fetchone()
    rows_now = conn.execute("SELECT coalesce(max(id), 0) FROM case_record").fetchone()[0]
    if has_stats:
        stat = conn.execute("SELECT stat FROM sqlite_stat1 WHERE tbl = 'case_record' LIMIT 1").fetchone()
        rows_then = int(stat[0].split()[0]) if stat else 0
        if rows_then * 2 >= rows_now >= rows_then // 2 and (rows_then or not rows_now):
            return False
    conn.execute("PRAGMA analysis_limit = 1000")
    conn.execute("ANALYZE")
    return True


class Database:
    """One opened database: engines, session factories, the clock, and cached lookups.

    Services receive a Database and open one unit of work per user action. Sessions belong to
    one thread; the Database object itself may be shared between threads.
    """

    def __init__(self, url: URL, engine: Engine, clock: Clock | None = None) -> None:
        self.url = url
        self.engine = engine
        self.clock: Clock = clock or SystemClock()
        writer = engine.execution_options(sqlite_begin="IMMEDIATE") if self.is_sqlite else engine
        self._read_sessions = sessionmaker(engine, expire_on_commit=False)
        self._write_sessions = sessionmaker(writer, expire_on_commit=False)
        self.cache: dict[str, Any] = {}
        # (before, after) schema revisions when open_database(create=True) upgraded the schema
        self.schema_upgrade: tuple[str | None, str] | None = None

    @property
    def is_sqlite(self) -> bool:
        return self.url.get_backend_name() == "sqlite"

    @property
    def display_name(self) -> str:
        if self.is_sqlite:
            return Path(self.url.database or "").name or ":memory:"
        return describe_url(self.url)

    @contextmanager
    def unit_of_work(self) -> Iterator[Session]:
        """A write transaction: commits when the block ends, rolls back on any error."""
        session = self._write_sessions()
        try:
            yield session
            session.commit()
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
        finally:
            session.rollback()
            session.close()

    def dispose(self) -> None:
        self.engine.dispose()


def open_database(
    database: str | Path,
    *,
    clock: Clock | None = None,
    create: bool = False,
    check_schema: bool = True,
) -> Database:
    """Open a database by path or URL.

    With ``create`` a missing SQLite file is created and brought to the current schema;
    otherwise the schema must already be current. Raises DatabaseError subclasses with a one-line
    message; nothing is written to a database that is refused.
    """
    from . import migrations

    url = normalize_url(database)
    if url.get_backend_name() == "sqlite" and url.database:
        path = Path(url.database)
        check_sqlite_file(path)
        if not path.exists() and not create:
            raise DatabaseError(f"no database at {path} (create one with 'commandcenter db upgrade')", path=str(path))
        if create:
            path.parent.mkdir(parents=True, exist_ok=True)
    engine = create_db_engine(url)
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except (OperationalError, SADatabaseError) as exc:
        engine.dispose()
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
        if "file is not a database" in reason:
            raise NotADatabase(f"{describe_url(url)} is not a database", url=describe_url(url)) from exc
        raise DatabaseError(f"cannot connect to {describe_url(url)}: {reason}", url=describe_url(url)) from exc
    db = Database(url, engine, clock)
    try:
        if create:
            db.schema_upgrade = migrations.upgrade(db)
        elif check_schema:
            migrations.require_current(db)
        if db.is_sqlite and (create or check_schema):
            # WAL is persistent in the file: set it only once the file is known to be ours,
            # so a refused foreign file is left byte for byte as it was
            raw = engine.raw_connection()  # outside any transaction: WAL cannot be set inside one
            try:
                raw.driver_connection.execute("PRAGMA journal_mode = WAL")  # type: ignore[union-attr]
                refresh_sqlite_statistics(raw.driver_connection)  # type: ignore[arg-type]
            finally:
                raw.close()
    except BaseException:
        engine.dispose()
        raise
    return db


def table_names(engine: Engine) -> set[str]:
    return set(inspect(engine).get_table_names())


__all__ = [
    "Database",
    "DatabaseError",
    "NotADatabase",
    "SchemaTooNew",
    "create_db_engine",
    "describe_url",
    "normalize_url",
    "open_database",
]
