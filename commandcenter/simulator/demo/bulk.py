"""Writing a stream of planned rows in bulk through the DB-API connection, in one transaction.

The usual bulk-load recipe, on both back ends:
- the stream is planned, turned into tuples and inserted one chunk at a time, so memory does
  not grow with the number of days. All on one thread: planning and tuples hold the GIL, so a
  second thread overlapped little with SQLite and, on a busy machine, lost more to handing the
  GIL back and forth (90 Putian days under load: 62 s threaded, 56 s on one thread);
- progress reports travel in the stream and are handed on once the rows before them are in;
- the secondary indexes of `case_record` (seven, all keyed in an order unrelated to the
  insert order) are dropped at the start of the transaction and rebuilt from their stored
  definitions before it commits: sorting once beats a million random B-tree inserts per
  index. The other big tables are inserted in (or near) their index order, where rebuilding
  measured no gain. Readers never see the table without its indexes: the schema change is
  part of the transaction;
- SQLite: `executemany` in chunks with `synchronous=OFF`, a page cache of 256 MB (more pages
  spill to the write-ahead log, still inside the transaction; a 2 GB cache held the whole
  file in memory) and foreign-key enforcement off for the duration (all restored afterwards;
  the rows are generated consistent and the tests run `PRAGMA foreign_key_check` on the result);
- PostgreSQL: `COPY ... FROM STDIN`, then every serial sequence is moved past the explicit ids.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import ExitStack
from typing import Any

from ...db import Database
from ...migrations.search_schema import SEARCH_TRIGGERS, SQLITE_EMPTY, SQLITE_FILL
from .progress import INDEXES_FRACTION, DemoProgress, DemoStep, Progress
from .rows import TableRows

SQLITE_CACHE_KIB = 256_000  # page cache while generating
REBUILD_INDEXES_OF = ("case_record",)
Chunk = tuple[TableRows, list[tuple[Any, ...]]]


def sqlite_insert_sql(rows: TableRows) -> str:
    cols = ", ".join(rows.columns)
    marks = ", ".join("?" * len(rows.columns))
    return f"INSERT INTO {rows.table} ({cols}) VALUES ({marks})"


# set outside any transaction (foreign_keys is a no-op inside one)
SQLITE_BULK_PRAGMAS: tuple[tuple[str, object], ...] = (
    ("synchronous", "OFF"), ("cache_size", -SQLITE_CACHE_KIB), ("foreign_keys", "OFF"),
)


def sqlite_fast_pragmas(cursor: Any) -> list[tuple[str, Any]]:
    """Switch to bulk-load settings; returns what to restore."""
    saved = []
    for pragma, value in SQLITE_BULK_PRAGMAS:
        saved.append((pragma, cursor.execute(f"PRAGMA {pragma}").fetchone()[0]))
        cursor.execute(f"PRAGMA {pragma} = {value}")
    return saved


def _chunks(stream: Iterable[TableRows | DemoProgress]) -> Iterator[Chunk | DemoProgress]:
    """(table, chunk of tuples) and progress reports, in order, as the stream is planned."""
    for rows in stream:
        if isinstance(rows, DemoProgress):
            yield rows
            continue
        for chunk in rows.chunks():
            yield rows, chunk


def _sqlite_indexes(cur: Any, tables: list[str]) -> list[tuple[str, str]]:
    marks = ", ".join("?" * len(tables))
    return cur.execute(
        f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ({marks}) "
        "ORDER BY name", tables).fetchall()


def _sqlite_triggers(cur: Any, tables: list[str]) -> list[tuple[str, str]]:
    """The triggers on `tables` (the case search's), dropped for the bulk insert and made again after."""
    marks = ", ".join("?" * len(tables))
    return cur.execute(
        f"SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN ({marks}) ORDER BY name",
        tables).fetchall()


def _refill_search(cur: Any, triggers: list[tuple[str, str]]) -> None:
    """Fill the case search index in one statement, as its triggers would have row by row."""
    if any(name in SEARCH_TRIGGERS for name, _ in triggers):
        cur.execute(SQLITE_EMPTY)
        cur.execute(SQLITE_FILL)


def _pg_indexes(cur: Any, tables: list[str]) -> list[tuple[str, str]]:
    """Indexes that back no constraint (primary keys and UNIQUE constraints stay)."""
    cur.execute(
        "SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.schemaname = current_schema() "
        "AND i.tablename = ANY(%s) AND NOT EXISTS (SELECT 1 FROM pg_constraint c "
        "WHERE c.conindid = format('%%I.%%I', i.schemaname, i.indexname)::regclass) ORDER BY i.indexname",
        (tables,))
    return [(r[0], r[1]) for r in cur.fetchall()]


def write_tables(db: Database, stream: Iterable[TableRows | DemoProgress], progress: Progress | None = None,
                 prelude: Sequence[str] = ()) -> None:
    """Insert the stream's rows (parents before children), in one transaction; `prelude` SQL runs first in it.

    Progress reports in the stream reach `progress` once every row before them is written.
    """
    def report(item: DemoProgress) -> None:
        if progress is not None:
            progress(item)

    raw = db.engine.raw_connection()
    try:
        conn = raw.driver_connection
        assert conn is not None
        if db.is_sqlite:
            cur = conn.cursor()
            saved = sqlite_fast_pragmas(cur)
            try:
                cur.execute("BEGIN IMMEDIATE")
                try:
                    for sql in prelude:
                        cur.execute(sql)
                    indexes = _sqlite_indexes(cur, list(REBUILD_INDEXES_OF))
                    for name, _ in indexes:
                        cur.execute(f'DROP INDEX "{name}"')
                    triggers = _sqlite_triggers(cur, list(REBUILD_INDEXES_OF))
                    for name, _ in triggers:
                        cur.execute(f'DROP TRIGGER "{name}"')
                    statements: dict[str, str] = {}
                    for item in _chunks(stream):
                        if isinstance(item, DemoProgress):
                            report(item)
                            continue
                        rows, chunk = item
                        if rows.table not in statements:
                            statements[rows.table] = sqlite_insert_sql(rows)
                        cur.executemany(statements[rows.table], chunk)
                    report(DemoProgress(DemoStep.INDEXES, INDEXES_FRACTION))
                    for _, sql in indexes:
                        cur.execute(sql)
                    _refill_search(cur, triggers)
                    for _, sql in triggers:
                        cur.execute(sql)
                    cur.execute("COMMIT")
                except BaseException:
                    cur.execute("ROLLBACK")
                    raise
            finally:
                for pragma, value in saved:
                    cur.execute(f"PRAGMA {pragma} = {value}")
                cur.close()
        else:
            try:
                with conn.cursor() as cur:
                    for sql in prelude:
                        cur.execute(sql)
                    indexes = _pg_indexes(cur, list(REBUILD_INDEXES_OF))
                    for name, _ in indexes:
                        cur.execute(f'DROP INDEX "{name}"')
                    with_ids: set[str] = set()
                    with ExitStack() as copying:  # one COPY per run of chunks of one table
                        current: TableRows | None = None
                        for item in _chunks(stream):
                            if isinstance(item, DemoProgress):
                                report(item)
                                continue
                            rows, chunk = item
                            if rows is not current:
                                copying.close()
                                copy = copying.enter_context(
                                    cur.copy(f"COPY {rows.table} ({', '.join(rows.columns)}) FROM STDIN"))
                                current = rows
                                if "id" in rows.columns:
                                    with_ids.add(rows.table)
                            for row in chunk:
                                copy.write_row(row)
                    report(DemoProgress(DemoStep.INDEXES, INDEXES_FRACTION))
                    for _, sql in indexes:
                        cur.execute(sql)
                    for name in sorted(with_ids):
                        cur.execute(
                            f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
                            f"COALESCE(MAX(id), 1), MAX(id) IS NOT NULL) FROM {name}"
                        )
                conn.commit()
            except BaseException:
                conn.rollback()
                raise
    finally:
        raw.close()
