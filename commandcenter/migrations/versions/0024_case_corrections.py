"""case corrections: a case's category or grid put right (更正), with the values before and after

An operator corrects a wrong category or grid on an open case (action `correct`, reason in the
history note); `case_correction` keeps what changed, keyed by the history row. The action is
granted to the roles that have it in a new database (operators; supervisors have what operators
have).

Revision ID: 0024
Revises: 0023
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from commandcenter.migrations.grants import grant

revision: str = "0024"
down_revision: str | None = "0023"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NEW_ACTION = "correct"
ROLES = ("operator", "supervisor")


def upgrade() -> None:
    op.create_table(
        "case_correction",
        sa.Column("history_id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("from_category_id", sa.Integer(), nullable=False),
        sa.Column("to_category_id", sa.Integer(), nullable=False),
        sa.Column("from_grid_id", sa.Integer(), nullable=False),
        sa.Column("to_grid_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["history_id"], ["case_history.id"],
                                name=op.f("fk_case_correction_history_id_case_history"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["case_id"], ["case_record.id"],
                                name=op.f("fk_case_correction_case_id_case_record"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["from_category_id"], ["category.id"],
                                name=op.f("fk_case_correction_from_category_id_category")),
        sa.ForeignKeyConstraint(["to_category_id"], ["category.id"],
                                name=op.f("fk_case_correction_to_category_id_category")),
        sa.ForeignKeyConstraint(["from_grid_id"], ["grid.id"], name=op.f("fk_case_correction_from_grid_id_grid")),
        sa.ForeignKeyConstraint(["to_grid_id"], ["grid.id"], name=op.f("fk_case_correction_to_grid_id_grid")),
        sa.PrimaryKeyConstraint("history_id", name=op.f("pk_case_correction")),
    )
    op.create_index("ix_case_correction_case", "case_correction", ["case_id"])
    grant((role, NEW_ACTION) for role in ROLES)


def downgrade() -> None:
    op.execute(sa.text(f"DELETE FROM role_permission WHERE action = '{NEW_ACTION}'"))
    op.drop_index("ix_case_correction_case", table_name="case_correction")
    op.drop_table("case_correction")
