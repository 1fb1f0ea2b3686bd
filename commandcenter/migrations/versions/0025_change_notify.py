"""Change notify: on PostgreSQL every change-log insert notifies the seats listening for changes

A statement-level trigger on `change_log` sends `pg_notify(channel, newest id)` for every
statement that appends to it: the services' `record_change`, the escalation scan's bulk insert,
the demo's bulk writer alike, so no writer can forget it. PostgreSQL delivers a notification
only when its transaction commits, so a seat that hears one also sees the rows it announces; a
seat woken this way fetches only the changes after the last it saw (gui/feed) instead of polling
the change log ten times a second. SQLite has no notifications: nothing changes there.

Revision ID: 0025
Revises: 0024
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

from commandcenter.services.pg_notify import CHANNEL

revision: str = "0025"
down_revision: str | None = "0024"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_NOTIFY = f"""
CREATE OR REPLACE FUNCTION change_log_notify() RETURNS trigger AS $$
BEGIN
    PERFORM pg_notify('{CHANNEL}', (SELECT max(id) FROM appended)::text);
    RETURN NULL;
END $$ LANGUAGE plpgsql
"""


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(_NOTIFY)
    # one notification per statement, not per row: a bulk insert of 50,000 changes wakes once
    op.execute("CREATE TRIGGER change_log_notify AFTER INSERT ON change_log REFERENCING NEW TABLE AS appended "
               "FOR EACH STATEMENT EXECUTE FUNCTION change_log_notify()")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP TRIGGER IF EXISTS change_log_notify ON change_log")
    op.execute("DROP FUNCTION IF EXISTS change_log_notify()")
