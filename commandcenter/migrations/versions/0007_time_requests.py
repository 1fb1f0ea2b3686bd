"""time requests: extension and suspension requests, the reminder instant, the assessment deadline

Revision ID: 0007
Revises: 0006

`time_request` holds extension (延期) and suspension (挂账) requests and their decisions.
`case_record.stage_remind_at` is the instant the stage's reminder (催办) falls due, computed on
the stage's own clock; existing rows get 80 % of their stage's natural span, the rule they were
written under. `case_record.assess_deadline_at` is the deadline 按期 is judged against; existing
rows start from their handling deadline.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from commandcenter.migrations.grants import grant, revoke

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

UTC_SECONDS = sa.BigInteger().with_variant(sa.Integer(), "sqlite")

# operators ask for time on the handler's behalf; granting it (extend, suspend) becomes a
# supervisor's decision, so an operator's old right to suspend directly is taken back
REQUESTS = [("operator", "request_extension"), ("operator", "request_suspension"),
            ("supervisor", "request_extension"), ("supervisor", "request_suspension"),
            ("supervisor", "refuse_extension"), ("supervisor", "refuse_suspension")]
DIRECT = [("operator", "extend"), ("operator", "suspend")]


def upgrade() -> None:
    with op.batch_alter_table("case_record", schema=None) as batch_op:
        batch_op.add_column(sa.Column("stage_remind_at", UTC_SECONDS, nullable=True))
        batch_op.add_column(sa.Column("assess_deadline_at", UTC_SECONDS, nullable=True))
    op.execute(
        "UPDATE case_record SET stage_remind_at = stage_started_at + (4 * (stage_deadline_at - stage_started_at)) / 5"
        " WHERE stage_started_at IS NOT NULL AND stage_deadline_at IS NOT NULL"
    )
    op.execute("UPDATE case_record SET assess_deadline_at = handle_deadline_at")
    op.create_table(
        "time_request",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("state", sa.String(length=10), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("stage", sa.String(length=10), nullable=False),
        sa.Column("stage_deadline_at", UTC_SECONDS, nullable=False),
        sa.Column("requested_at", UTC_SECONDS, nullable=False),
        sa.Column("requested_by", sa.Integer(), nullable=True),
        sa.Column("officer_id", sa.Integer(), nullable=True),
        sa.Column("department_id", sa.Integer(), nullable=True),
        sa.Column("decided_at", UTC_SECONDS, nullable=True),
        sa.Column("decided_by", sa.Integer(), nullable=True),
        sa.Column("decision_note", sa.Text(), nullable=False),
        sa.CheckConstraint("kind IN ('extension', 'suspension')", name=op.f("ck_time_request_kind")),
        sa.CheckConstraint("state IN ('pending', 'approved', 'refused', 'lapsed')", name=op.f("ck_time_request_state")),
        sa.CheckConstraint("minutes > 0", name=op.f("ck_time_request_minutes_positive")),
        sa.ForeignKeyConstraint(["case_id"], ["case_record.id"], name=op.f("fk_time_request_case_id_case_record"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["requested_by"], ["app_user.id"],
                                name=op.f("fk_time_request_requested_by_app_user")),
        sa.ForeignKeyConstraint(["decided_by"], ["app_user.id"], name=op.f("fk_time_request_decided_by_app_user")),
        sa.ForeignKeyConstraint(["officer_id"], ["officer.id"], name=op.f("fk_time_request_officer_id_officer")),
        sa.ForeignKeyConstraint(["department_id"], ["department.id"],
                                name=op.f("fk_time_request_department_id_department")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_time_request")),
    )
    with op.batch_alter_table("time_request", schema=None) as batch_op:
        batch_op.create_index("ix_time_request_case", ["case_id", "state"], unique=False)
    revoke(DIRECT)
    grant(REQUESTS)


def downgrade() -> None:
    revoke(REQUESTS)
    grant([("operator", "suspend")])
    with op.batch_alter_table("time_request", schema=None) as batch_op:
        batch_op.drop_index("ix_time_request_case")
    op.drop_table("time_request")
    with op.batch_alter_table("case_record", schema=None) as batch_op:
        batch_op.drop_column("assess_deadline_at")
        batch_op.drop_column("stage_remind_at")
