"""photos: images attached to a case at intake, feedback and verification, kept in the database

The bytes and a thumbnail live in the database (BLOB / BYTEA) so every seat sees them and a
backup holds them; the new right to attach one goes to the roles that take reports and work
cases (operator, and supervisor whose rights include the operator's).

Revision ID: 0016
Revises: 0015
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from commandcenter.migrations.grants import grant, revoke

revision: str = "0016"
down_revision: str | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# instants are whole UTC epoch seconds (see commandcenter.models.base.UtcTimestamp)
UTC_SECONDS = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
GRANTS = (("operator", "attach_photo"), ("supervisor", "attach_photo"))


def upgrade() -> None:
    op.create_table(
        "case_photo",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("stage", sa.String(length=12), nullable=False),
        sa.Column("filename", sa.String(length=200), nullable=False),
        sa.Column("content_type", sa.String(length=40), nullable=False),
        sa.Column("size_bytes", sa.Integer(), nullable=False),
        sa.Column("width", sa.Integer(), nullable=False),
        sa.Column("height", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("thumbnail", sa.LargeBinary(), nullable=False),
        sa.Column("attached_at", UTC_SECONDS, nullable=False),
        sa.Column("attached_by", sa.Integer(), nullable=True),
        sa.CheckConstraint("stage IN ('intake', 'feedback', 'verification')", name=op.f("ck_case_photo_stage")),
        sa.CheckConstraint("size_bytes > 0", name=op.f("ck_case_photo_size_positive")),
        sa.ForeignKeyConstraint(["case_id"], ["case_record.id"], name=op.f("fk_case_photo_case_id_case_record"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["attached_by"], ["app_user.id"], name=op.f("fk_case_photo_attached_by_app_user")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_photo")),
    )
    op.create_index("ix_case_photo_case", "case_photo", ["case_id", "id"])
    grant(GRANTS)


def downgrade() -> None:
    revoke(GRANTS)
    op.drop_index("ix_case_photo_case", table_name="case_photo")
    op.drop_table("case_photo")
