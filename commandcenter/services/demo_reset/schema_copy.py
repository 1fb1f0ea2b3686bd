"""The PostgreSQL reset: the snapshot is a schema of copies, restored into the live tables in one transaction.

There is no file to copy back: at generation every table of the demo's schema is copied into
the `demo_snapshot` schema of the same database (`CREATE TABLE … AS TABLE …`, the revision in
its copy of `alembic_version`). A reset then, in one transaction, locks every live table (seats
wait for it, they are not cut off) and reads what the change log named since the snapshot. A
drill leaves most of a year's rows as they were, and writing a table again (its indexes, a
foreign-key check per row) costs far more than reading it, so each table is compared with its
copy by primary key and only the differing rows are written: changed rows get their values back,
the drill's rows go (children first), deleted rows come back (parents first). When a constraint
refuses a step of that (a unique value moved from an old row to a new one), the savepoint is
rolled back and every table is emptied with one TRUNCATE and filled again from its copy. Seats
see the old state or the restored one, never a mix, and a failure leaves everything as it was.

Sequences are only ever moved forwards (past the restored ids and the reset's own change
entries): a sequence is not transactional, so one moved back by a reset that then rolled back
would hand out ids the live rows still hold. Ids of removed drill rows are therefore not reused.

The audit anchor is always replaced whole: the snapshot's anchor comes back with its chain
(TRUNCATE does not fire the trigger that keeps the anchor from moving backwards; a role without
the TRUNCATE right, such as one that was given only UPDATE on the anchor by an audit role, cannot
reset), and the reset's own entry moves it forwards. The change entries are written in the same
transaction right after the live log's newest id, and the change-log trigger (migration 0025)
notifies the listening seats when it commits.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from graphlib import TopologicalSorter

from sqlalchemy import text
from sqlalchemy.exc import IntegrityError, ProgrammingError
from sqlalchemy.orm import Session

from ...db import Database
from ...errors import NoDemoSnapshot
from ...models import AuditAnchor
from ..auth import Principal
from .announce import Differences, append_changes, audit_reset, count_cases, differences

log = logging.getLogger(__name__)

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
_PRIMARY_KEYS = text(
    "SELECT c.relname, a.attname FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid "
    "JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = ANY(k.conkey) "
    "WHERE k.contype = 'p' AND c.relnamespace = current_schema()::regnamespace ORDER BY c.relname, a.attnum")
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


@dataclass(frozen=True)
class _Table:
    """A live table as the restore needs it: its quoted name, columns and primary key."""

    name: str
    columns: list[str]
    key: list[str]

    def snapshot(self) -> str:
        return f"{SNAPSHOT_SCHEMA}.{self.name}"

    def differing(self) -> str | None:
        """UPDATE the rows whose columns differ from the snapshot's (None: the key is every column)."""
        rest = [c for c in self.columns if c not in self.key]
        if not rest:
            return None
        return (f"UPDATE {self.name} AS l SET {', '.join(f'{c} = s.{c}' for c in rest)} FROM {self.snapshot()} AS s "
                f"WHERE {self._same_key('l', 's')} AND ({', '.join(f'l.{c}' for c in rest)}) IS DISTINCT FROM "
                f"({', '.join(f's.{c}' for c in rest)})")

    def added(self) -> str:
        """DELETE the rows the snapshot does not have."""
        return (f"DELETE FROM {self.name} AS l WHERE NOT EXISTS "
                f"(SELECT 1 FROM {self.snapshot()} AS s WHERE {self._same_key('l', 's')})")

    def missing(self) -> str:
        """INSERT the snapshot's rows the table does not have."""
        names = ", ".join(self.columns)
        return (f"INSERT INTO {self.name} ({names}) SELECT {', '.join(f's.{c}' for c in self.columns)} "
                f"FROM {self.snapshot()} AS s WHERE NOT EXISTS "
                f"(SELECT 1 FROM {self.name} AS l WHERE {self._same_key('l', 's')})")

    def everything(self) -> str:
        names = ", ".join(self.columns)
        return f"INSERT INTO {self.name} ({names}) SELECT {names} FROM {self.snapshot()}"

    def _same_key(self, a: str, b: str) -> str:
        return " AND ".join(f"{a}.{k} = {b}.{k}" for k in self.key)


def _describe(s: Session, names: list[str]) -> dict[str, _Table]:
    columns: dict[str, list[str]] = {}
    keys: dict[str, list[str]] = {}
    for table, column in s.execute(_COLUMNS):
        columns.setdefault(str(table), []).append(_quote(s, str(column)))
    for table, column in s.execute(_PRIMARY_KEYS):
        keys.setdefault(str(table), []).append(_quote(s, str(column)))
    return {n: _Table(_quote(s, n), columns[n], keys.get(n, columns[n])) for n in names}


def _restore_rows(s: Session, order: list[_Table]) -> bool:
    """Put back only the rows that differ, in a savepoint; False (and nothing done) when a
    constraint refuses an intermediate state, e.g. a unique value that moved between rows."""
    try:
        with s.begin_nested():
            for table in order:  # old rows first get their values back (and so their references) …
                if (statement := table.differing()) is not None:
                    s.execute(text(statement))
            for table in reversed(order):  # … then the drill's rows go, children before parents …
                s.execute(text(table.added()))
            for table in order:  # … and rows the drill deleted come back, parents before children
                s.execute(text(table.missing()))
    except IntegrityError:
        log.info("the demo's rows could not be restored one by one; every table is copied back whole")
        return False
    return True


def restore_schema(db: Database, principal: Principal | None) -> tuple[Differences, int]:
    """Restore every table from the snapshot schema and tell the seats, in one transaction.

    Most of a demo is as generated after a drill: its rows are compared with the snapshot's and
    only those that differ are written (reading each table is far cheaper than writing it again
    with its indexes and foreign-key checks). Should that fail, every table is emptied and
    copied back whole. The anchor is always replaced whole (TRUNCATE does not fire its guard).
    """
    with db.unit_of_work() as s:
        names = [t for t in _tables(s) if t != _REVISIONS]
        _check_snapshot(s, db, names)
        live = ", ".join(_quote(s, t) for t in names)
        _exclusive(s, db, f"LOCK TABLE {live} IN ACCESS EXCLUSIVE MODE")

        def run(sql: str) -> list[tuple[object, ...]]:
            return [tuple(r) for r in s.execute(text(sql))]

        before = differences(run, "", SNAPSHOT_SCHEMA + ".")
        tables = _describe(s, names)
        anchor = tables.pop(AuditAnchor.__tablename__)
        _exclusive(s, db, f"TRUNCATE {anchor.name}")
        s.execute(text(anchor.everything()))
        order = [tables[t] for t in _parents_first(s, list(tables))]
        if not _restore_rows(s, order):
            _exclusive(s, db, f"TRUNCATE {', '.join(t.name for t in order)}")
            for table in order:
                s.execute(text(table.everything()))
        cases_after = count_cases(run, "")
        append_changes(s, before.changed, before.newest_change + 1, db.clock.now())
        _advance_sequences(s)
        audit_reset(s, principal, SNAPSHOT_SCHEMA, before, cases_after)
    return before, cases_after
