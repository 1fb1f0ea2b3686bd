"""Index the wall's closed-in-the-last-24-hours part by closing time

The wall reads a centre's open cases plus those closed in the last hours. With an index on
(centre_id, status) only, SQLite walked every closed case of the centre (a year of history,
a million rows) to keep the last day's: about a second per wall load at Putian scale.
Extending the index with closed_at makes that part a range scan.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_case_centre_status_closed", "case_record", ["centre_id", "status", "closed_at"])
    op.drop_index("ix_case_centre_status", table_name="case_record")


def downgrade() -> None:
    op.create_index("ix_case_centre_status", "case_record", ["centre_id", "status"])
    op.drop_index("ix_case_centre_status_closed", table_name="case_record")
