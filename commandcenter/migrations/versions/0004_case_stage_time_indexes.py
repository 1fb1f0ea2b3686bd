"""Index when cases were registered, dispatched and fed back

The briefing counts cases registered, dispatched and fed back in a day or a shift. Without an
index on those times, SQLite and PostgreSQL read every case to find one day's: about a second
per briefing on a year of Putian-scale history, and more for a day further back. With them,
each figure is an index range over that day's few thousand cases.

Revision ID: 0004
Revises: 0002
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0004"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMNS = ("registered_at", "dispatched_at", "fed_back_at")


def upgrade() -> None:
    for column in COLUMNS:
        op.create_index(f"ix_case_{column}", "case_record", [column])


def downgrade() -> None:
    for column in COLUMNS:
        op.drop_index(f"ix_case_{column}", table_name="case_record")
