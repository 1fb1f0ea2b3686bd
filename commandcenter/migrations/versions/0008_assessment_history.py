"""assessment history: each history row keeps the clocks its step left

A briefing of a past day must show what it showed when first printed. The case row holds only
the latest deadlines, so an extension, a rework or a reopening after the day used to change
that day's "due" and "on time". From this revision every `case_history` row keeps the deadline
按期 is judged against (`deadline_at`) and its stage's deadline (`stage_deadline_at`) as its
step left them, and the briefing reads a period's figures from the rows before its end. The
time index serves a period's events, the deadline indexes its due cases.

Existing rows get what can be recovered (`services.kpi.backfill`): the case's current judged
deadline after dispatch, the stage deadline from escalations and, on the latest row, the
case's own. Figures of days before the upgrade are as exact as that.

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from commandcenter.services.kpi.backfill import fill_history_clocks

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# instants are whole UTC epoch seconds (see commandcenter.models.base.UtcTimestamp)
UTC_SECONDS = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
INDEXES = (("ix_case_history_at", "at"), ("ix_case_history_deadline", "deadline_at"),
           ("ix_case_history_stage_deadline", "stage_deadline_at"))


def upgrade() -> None:
    with op.batch_alter_table("case_history") as batch:
        batch.add_column(sa.Column("deadline_at", UTC_SECONDS, nullable=True))
        batch.add_column(sa.Column("stage_deadline_at", UTC_SECONDS, nullable=True))
    fill_history_clocks(op.get_bind())
    for name, column in INDEXES:
        op.create_index(name, "case_history", [column])


def downgrade() -> None:
    for name, _ in INDEXES:
        op.drop_index(name, table_name="case_history")
    with op.batch_alter_table("case_history") as batch:
        batch.drop_column("stage_deadline_at")
        batch.drop_column("deadline_at")
