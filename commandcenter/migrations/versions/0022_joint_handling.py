"""joint handling: the supporting units (协办) of a case and their parts of the feedback

A dispatched case's handler leads (主办); supporting departments are added to it and each feeds
back its part in `case_support`. The new actions' permissions are granted to the roles that have
them in a new database.

Revision ID: 0022
Revises: 0021
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from commandcenter.migrations.grants import grant

revision: str = "0022"
down_revision: str | None = "0021"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

UTC_SECONDS = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
NEW_ACTIONS = ("add_support", "support_feed_back")
ROLES = ("operator", "supervisor")


def upgrade() -> None:
    op.create_table(
        "case_support",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("department_id", sa.Integer(), nullable=False),
        sa.Column("added_at", UTC_SECONDS, nullable=False),
        sa.Column("added_by", sa.Integer(), nullable=True),
        sa.Column("task", sa.Text(), nullable=False),
        sa.Column("fed_back_at", UTC_SECONDS, nullable=True),
        sa.Column("feedback", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["case_record.id"], name=op.f("fk_case_support_case_id_case_record"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["department_id"], ["department.id"],
                                name=op.f("fk_case_support_department_id_department")),
        sa.ForeignKeyConstraint(["added_by"], ["app_user.id"], name=op.f("fk_case_support_added_by_app_user")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_support")),
    )
    op.create_index("uq_case_support_case_department", "case_support", ["case_id", "department_id"], unique=True)
    grant((r, a) for r in ROLES for a in NEW_ACTIONS)


def downgrade() -> None:
    actions = ", ".join(repr(a) for a in NEW_ACTIONS)
    op.execute(sa.text(f"DELETE FROM role_permission WHERE action IN ({actions})"))
    op.drop_index("uq_case_support_case_department", table_name="case_support")
    op.drop_table("case_support")
