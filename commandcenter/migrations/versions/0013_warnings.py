"""warnings: the early-warning table (事前预警) and its supervisor's-action columns

One row per pattern the detectors found (recurrence, repeat caller, dispute pair, rising trend,
cluster, chronic lateness), unique by fingerprint so the same pattern never fires twice; the
evidence (case and grid ids, the figures) as JSON, the centre for the principal's scope, and
the columns a supervisor's acknowledge / act / dismiss fills (services/warning_actions).

Revision ID: 0013
Revises: 0012
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

KINDS = "'recurrence', 'repeat_caller', 'dispute_pair', 'rising_trend', 'cluster', 'chronic_lateness'"
STATUSES = "'open', 'acknowledged', 'acted', 'dismissed'"


def upgrade() -> None:
    epoch = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
    op.create_table(
        "warning",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("fingerprint", sa.String(160), nullable=False),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("centre_id", sa.Integer(), nullable=True),
        sa.Column("subject", sa.String(200), nullable=False),
        sa.Column("category_code", sa.String(8), nullable=True),
        sa.Column("grid_ids", sa.Text(), nullable=False),
        sa.Column("case_ids", sa.Text(), nullable=False),
        sa.Column("centroid_lon", sa.Float(), nullable=True),
        sa.Column("centroid_lat", sa.Float(), nullable=True),
        sa.Column("outline", sa.Text(), nullable=False),
        sa.Column("evidence", sa.Text(), nullable=False),
        sa.Column("raised_at", epoch, nullable=False),
        sa.Column("last_evidence_at", epoch, nullable=False),
        sa.Column("updated_at", epoch, nullable=False),
        sa.Column("action_note", sa.Text(), server_default="", nullable=False),
        sa.Column("acted_by_user_id", sa.Integer(), nullable=True),
        sa.Column("acted_at", epoch, nullable=True),
        sa.Column("linked_case_id", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(f"kind IN ({KINDS})", name=op.f("ck_warning_kind")),
        sa.CheckConstraint(f"status IN ({STATUSES})", name=op.f("ck_warning_status")),
        sa.ForeignKeyConstraint(["centre_id"], ["command_centre.id"], name=op.f("fk_warning_centre_id_command_centre")),
        sa.ForeignKeyConstraint(["acted_by_user_id"], ["app_user.id"],
                                name=op.f("fk_warning_acted_by_user_id_app_user")),
        sa.ForeignKeyConstraint(["linked_case_id"], ["case_record.id"],
                                name=op.f("fk_warning_linked_case_id_case_record")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_warning")),
        sa.UniqueConstraint("fingerprint", name=op.f("uq_warning_fingerprint")),
    )
    op.create_index("ix_warning_centre_status", "warning", ["centre_id", "status"])
    op.create_index("ix_warning_kind_category", "warning", ["kind", "category_code"])


def downgrade() -> None:
    op.drop_index("ix_warning_kind_category", table_name="warning")
    op.drop_index("ix_warning_centre_status", table_name="warning")
    op.drop_table("warning")
