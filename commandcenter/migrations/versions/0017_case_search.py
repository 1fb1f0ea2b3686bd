"""case search: find any case of any age by number, text, address or phone without a scan

SQLite gets an FTS5 table with the trigram tokenizer (substring matching that needs no word
segmentation, so it works for Chinese) over the number, description, address and the phone's
digits, kept in step with `case_record` by triggers. It is contentless: the text already lives
in `case_record`, so the index stores only its postings; a trigger deletes with the old values.
Its vocabulary table lets a one- or two-character word be looked up as the trigrams starting
with it.
The triggers fire only when an indexed column changes, so the closed loop's status updates
cost nothing. PostgreSQL gets pg_trgm GIN indexes over the same text and the phone's digits.

Revision ID: 0017
Revises: 0016
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

from commandcenter.migrations.search_schema import COLUMNS, SQLITE_FILL, sqlite_row_values

revision: str = "0017"
down_revision: str | None = "0016"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

def _sqlite_upgrade() -> None:
    op.execute(f"CREATE VIRTUAL TABLE case_search USING fts5({COLUMNS}, content='', tokenize='trigram')")
    op.execute(SQLITE_FILL)
    op.execute("CREATE VIRTUAL TABLE case_search_vocab USING fts5vocab(case_search, 'row')")
    insert = f"INSERT INTO case_search (rowid, {COLUMNS}) VALUES (new.id, {sqlite_row_values('new')});"
    delete = (f"INSERT INTO case_search (case_search, rowid, {COLUMNS}) "
              f"VALUES ('delete', old.id, {sqlite_row_values('old')});")
    op.execute(f"CREATE TRIGGER case_search_insert AFTER INSERT ON case_record BEGIN {insert} END")
    op.execute(f"CREATE TRIGGER case_search_delete AFTER DELETE ON case_record BEGIN {delete} END")
    op.execute("CREATE TRIGGER case_search_update AFTER UPDATE OF case_number, description, address, reporter_phone "
               f"ON case_record BEGIN {delete} {insert} END")


def _postgresql_upgrade() -> None:
    op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    op.execute("CREATE INDEX ix_case_search_text ON case_record USING gin "
               "((case_number || ' ' || description || ' ' || address) gin_trgm_ops)")
    op.execute("CREATE INDEX ix_case_search_phone ON case_record USING gin "
               "((regexp_replace(reporter_phone, '[^0-9]', '', 'g')) gin_trgm_ops)")


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _sqlite_upgrade()
    else:
        _postgresql_upgrade()


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for trigger in ("case_search_insert", "case_search_delete", "case_search_update"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS case_search_vocab")
        op.execute("DROP TABLE IF EXISTS case_search")
    else:
        op.execute("DROP INDEX IF EXISTS ix_case_search_phone")
        op.execute("DROP INDEX IF EXISTS ix_case_search_text")
