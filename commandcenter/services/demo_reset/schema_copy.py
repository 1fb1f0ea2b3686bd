"""The PostgreSQL reset: the snapshot is a schema of copies, restored into the live tables in one transaction.

There is no file to copy back: at generation every table of the demo's schema is copied into
the `demo_snapshot` schema of the same database (`CREATE TABLE … AS TABLE …`, the revision in
its copy of `alembic_version`). A reset then, in one transaction, locks every live table (seats
wait for it, they are not cut off), reads what the change log named since the snapshot, empties
the tables with one TRUNCATE and fills each again from its copy, parents before children. Seats
see the old state or the restored one, never a mix, and a failure leaves everything as it was.

Sequences are only ever moved forwards (past the restored ids and the reset's own change
entries): a sequence is not transactional, so one moved back by a reset that then rolled back
would hand out ids the live rows still hold. Ids of removed drill rows are therefore not reused.

The audit anchor is a table like the others: the snapshot's anchor comes back with its chain
(TRUNCATE does not fire the trigger that keeps the anchor from moving backwards; a role without
the TRUNCATE right, such as one that was given only UPDATE on the anchor by an audit role, cannot
reset), and the reset's own entry moves it forwards. The change entries are written in the same
transaction right after the live log's newest id, and the change-log trigger (migration 0025)
notifies the listening seats when it commits.
"""

from __future__ import annotations

from graphlib import TopologicalSorter

from sqlalchemy import text
from sqlalchemy.exc import ProgrammingError
from sqlalchemy.orm import Session

from ...db import Database
from ...errors import NoDemoSnapshot
from ..auth import Principal
from .announce import Differences, append_changes, audit_reset, count_cases, differences

SNAPSHOT_SCHEMA = "demo_snapshot"
_REVISIONS = "alembic_version"
_INSUFFICIENT_PRIVILEGE = "42501"

_TABLES = text("SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename")
_FOREIGN_KEYS = text(
    "SELECT child.relname, parent.relname FROM pg_constraint c "
    "JOIN pg_class child ON child.oid = c.conrelid JOIN pg_class parent ON parent.oid = c.confrelid "
    "WHERE c.contype = 'f' AND c.connamespace = current_schema()::regnamespace")
_COLUMNS = text(
    "SELECT c.relname, a.attname FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid "
    "WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r' AND a.attnum > 0 "
    "AND NOT a.attisdropped AND a.attgenerated = '' ORDER BY c.relname, a.attnum")
# the sequences the schema's columns own (serial and identity columns), with their column
_SEQUENCES = text(
    "SELECT seq.relname, tbl.relname, col.attname FROM pg_depend d "
    "JOIN pg_class seq ON seq.oid = d.objid AND seq.relkind = 'S' "
    "JOIN pg_class tbl ON tbl.oid = d.refobjid "
    "JOIN pg_attribute col ON col.attrelid = tbl.oid AND col.attnum = d.refobjsubid "
    "WHERE d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i') "
    "AND tbl.relnamespace = current_schema()::regnamespace ORDER BY seq.relname")


def _quote(s: Session, name: str) -> str:
    return s.get_bind().dialect.identifier_preparer.quote(name)


def _snapshot(s: Session, table: str) -> str:
    return f"{SNAPSHOT_SCHEMA}.{_quote(s, table)}"


def _tables(s: Session) -> list[str]:
    return [str(t) for t in s.scalars(_TABLES)]


def save_schema_snapshot(db: Database) -> None:
    """Copy every table of the freshly generated demo into the snapshot schema (replacing any)."""
    with db.unit_of_work() as s:
        tables = _tables(s)
        # writers wait while the copies are taken, so the tables are copied as of one moment
        s.execute(text(f"LOCK TABLE {', '.join(_quote(s, t) for t in tables)} IN SHARE MODE"))
        s.execute(text(f"DROP SCHEMA IF EXISTS {SNAPSHOT_SCHEMA} CASCADE"))
        s.execute(text(f"CREATE SCHEMA {SNAPSHOT_SCHEMA}"))
        for table in tables:
            s.execute(text(f"CREATE TABLE {_snapshot(s, table)} AS TABLE {_quote(s, table)}"))


def _check_snapshot(s: Session, db: Database, tables: list[str]) -> None:
    """Refuse (NoDemoSnapshot) unless the snapshot holds every live table at the live revision."""
    if s.scalar(text("SELECT to_regclass(:t)"), {"t": f"{SNAPSHOT_SCHEMA}.{_REVISIONS}"}) is None:
        raise NoDemoSnapshot(db.display_name, "missing")
    revision = f"SELECT version_num FROM {{schema}}{_REVISIONS}"
    live = s.scalars(text(revision.format(schema=""))).all()
    kept = s.scalars(text(revision.format(schema=SNAPSHOT_SCHEMA + "."))).all()
    copies = set(s.scalars(text("SELECT tablename FROM pg_tables WHERE schemaname = :s"), {"s": SNAPSHOT_SCHEMA}))
    if live != kept or not set(tables) <= copies:
        raise NoDemoSnapshot(db.display_name, "schema")


def _parents_first(s: Session, tables: list[str]) -> list[str]:
    """The tables in an order that inserts every referenced row before the rows referring to it."""
    graph: dict[str, set[str]] = {t: set() for t in tables}
    for child, parent in s.execute(_FOREIGN_KEYS):
        if child != parent and child in graph:  # a table referring to itself is checked at statement end
            graph[child].add(parent)
    return list(TopologicalSorter(graph).static_order())


def _advance_sequences(s: Session) -> None:
    """Move every owned sequence past the highest id its column holds now (never backwards)."""
    calls = [f"setval('{_quote(s, seq)}', GREATEST((SELECT max({_quote(s, col)}) FROM {_quote(s, table)}), "
             f"(SELECT last_value FROM {_quote(s, seq)})))"
             for seq, table, col in s.execute(_SEQUENCES)]
    if calls:
        s.execute(text("SELECT " + ", ".join(calls)))


def _exclusive(s: Session, db: Database, statement: str) -> None:
    """Lock or empty the live tables; NoDemoSnapshot "not_allowed" when the role may not."""
    try:
        s.execute(text(statement))
    except ProgrammingError as exc:
        if getattr(exc.orig, "sqlstate", None) == _INSUFFICIENT_PRIVILEGE:
            raise NoDemoSnapshot(db.display_name, "not_allowed") from exc
        raise


def restore_schema(db: Database, principal: Principal | None) -> tuple[Differences, int]:
    """Restore every table from the snapshot schema and tell the seats, in one transaction."""
    with db.unit_of_work() as s:
        tables = [t for t in _tables(s) if t != _REVISIONS]
        _check_snapshot(s, db, tables)
        live = ", ".join(_quote(s, t) for t in tables)
        _exclusive(s, db, f"LOCK TABLE {live} IN ACCESS EXCLUSIVE MODE")

        def run(sql: str) -> list[tuple[object, ...]]:
            return [tuple(r) for r in s.execute(text(sql))]

        before = differences(run, "", SNAPSHOT_SCHEMA + ".")
        columns: dict[str, list[str]] = {}
        for table, column in s.execute(_COLUMNS):
            columns.setdefault(str(table), []).append(_quote(s, str(column)))
        _exclusive(s, db, f"TRUNCATE {live}")
        for table in _parents_first(s, tables):
            names = ", ".join(columns[table])
            s.execute(text(f"INSERT INTO {_quote(s, table)} ({names}) SELECT {names} FROM {_snapshot(s, table)}"))
        cases_after = count_cases(run, "")
        append_changes(s, before.changed, before.newest_change + 1, db.clock.now())
        _advance_sequences(s)
        audit_reset(s, principal, SNAPSHOT_SCHEMA, before, cases_after)
    return before, cases_after
