"""hotline work orders and merging: a case carries the 12345 work order, further reporters, who merged it

A 12345 work order keeps its own number (once per source), the hotline's due time, the answer
given on the call (直接答复) and the reply sent back at closure. A merged case says when and by
whom; the callers of a merged or merged-in report are kept on the survivor (`case_reporter`).
Intake looks for likely duplicates by category and time and for a caller's earlier cases by
phone, so both get an index. Operators and supervisors may answer a call on the spot.

Revision ID: 0015
Revises: 0014
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from commandcenter.migrations.grants import grant, revoke

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

UTC_SECONDS = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
GRANTS = [("operator", "answer_on_call"), ("supervisor", "answer_on_call")]


def upgrade() -> None:
    with op.batch_alter_table("case_record") as batch_op:
        batch_op.add_column(sa.Column("merged_at", UTC_SECONDS, nullable=True))
        batch_op.add_column(sa.Column("merged_by", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("hotline_number", sa.String(40), nullable=True))
        batch_op.add_column(sa.Column("hotline_due_at", UTC_SECONDS, nullable=True))
        batch_op.add_column(sa.Column("call_answer", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("hotline_reply", sa.Text(), nullable=False, server_default=""))
        batch_op.create_foreign_key("fk_case_record_merged_by_app_user", "app_user", ["merged_by"], ["id"])
        batch_op.create_unique_constraint("uq_case_record_hotline_number", ["hotline_number", "source"])
        batch_op.create_index("ix_case_category_reported", ["category_id", "reported_at"], unique=False)
        batch_op.create_index("ix_case_reporter_phone", ["reporter_phone"], unique=False)
    op.create_table(
        "case_reporter",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(60), nullable=False),
        sa.Column("phone", sa.String(20), nullable=False),
        sa.Column("privacy", sa.String(12), nullable=False),
        sa.Column("source", sa.String(16), nullable=False),
        sa.Column("reported_at", UTC_SECONDS, nullable=False),
        sa.Column("from_case_id", sa.Integer(), nullable=True),
        sa.Column("added_at", UTC_SECONDS, nullable=False),
        sa.Column("added_by", sa.Integer(), nullable=True),
        sa.CheckConstraint("privacy IN ('named', 'anonymous', 'confidential')", name="ck_case_reporter_privacy"),
        sa.ForeignKeyConstraint(["case_id"], ["case_record.id"], name="fk_case_reporter_case_id_case_record",
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["from_case_id"], ["case_record.id"],
                                name="fk_case_reporter_from_case_id_case_record"),
        sa.ForeignKeyConstraint(["added_by"], ["app_user.id"], name="fk_case_reporter_added_by_app_user"),
        sa.PrimaryKeyConstraint("id", name="pk_case_reporter"),
    )
    op.create_index("ix_case_reporter_case", "case_reporter", ["case_id"], unique=False)
    op.create_index("ix_case_reporter_phone_no", "case_reporter", ["phone"], unique=False)
    grant(GRANTS)


def downgrade() -> None:
    revoke(GRANTS)
    op.drop_index("ix_case_reporter_phone_no", table_name="case_reporter")
    op.drop_index("ix_case_reporter_case", table_name="case_reporter")
    op.drop_table("case_reporter")
    with op.batch_alter_table("case_record") as batch_op:
        batch_op.drop_index("ix_case_reporter_phone")
        batch_op.drop_index("ix_case_category_reported")
        batch_op.drop_constraint("uq_case_record_hotline_number", type_="unique")
        batch_op.drop_constraint("fk_case_record_merged_by_app_user", type_="foreignkey")
        for column in ("hotline_reply", "call_answer", "hotline_due_at", "hotline_number", "merged_by",
                       "merged_at"):
            batch_op.drop_column(column)
