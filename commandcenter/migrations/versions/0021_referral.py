"""referral between centre levels: the referred status, the referral stage and the referral table

A case can be referred to another command centre (上报 up, 下派 down, 转办 across), which
accepts (受理) or returns it within the new `referral` stage limit and later feeds the outcome
back (反馈). So the case accepts the status `referred`, the time-limit policy and escalations
accept the stage `referral`, and `case_referral` keeps each referral with its instants. The new
actions' permissions are granted to the roles that have them in a new database.

On SQLite the case table is rebuilt to change its status check, which drops its triggers (the
case search's): they are read before and created again after, as they stood.

Revision ID: 0021
Revises: 0020
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from commandcenter.migrations.grants import grant

revision: str = "0021"
down_revision: str | None = "0020"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

UTC_SECONDS = sa.BigInteger().with_variant(sa.Integer(), "sqlite")

OLD_STATUSES = ("reported", "registered", "dispatched", "accepted", "fed_back", "checking", "suspended", "closed",
                "rejected", "merged")
NEW_STATUSES = ("reported", "registered", "dispatched", "accepted", "fed_back", "checking", "suspended", "referred",
                "closed", "rejected", "merged")
OLD_STAGES = ("register", "dispatch", "handle", "verify", "accept", "check")
NEW_STAGES = (*OLD_STAGES, "referral")
KINDS = ("up", "down", "across")
REASONS = ("beyond_powers", "city_department", "cross_district", "instructed", "not_our_area", "other")
STATES = ("pending", "accepted", "returned", "fed_back")
# (role, action) rows as domain.actions.DEFAULT_PERMISSIONS grants them at this release
OPERATOR_ACTIONS = ("refer_up", "refer_down", "transfer", "accept_referral", "feed_back_referral")
GRANTS = (*((r, a) for r in ("operator", "supervisor") for a in OPERATOR_ACTIONS), ("supervisor", "return_referral"))


def _in(column: str, values: Sequence[str]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


def _case_statuses(values: Sequence[str]) -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    triggers = list(op.get_bind().execute(sa.text(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'case_record'")).scalars()) if sqlite else []
    with op.batch_alter_table("case_record") as batch:
        batch.drop_constraint(op.f("ck_case_record_status"), type_="check")
        batch.create_check_constraint("status", _in("status", values))
    for sql in triggers:
        op.execute(sql)


def _stage_checks(values: Sequence[str]) -> None:
    for table in ("time_limit_policy", "escalation"):
        with op.batch_alter_table(table) as batch:
            batch.drop_constraint(op.f(f"ck_{table}_stage"), type_="check")
            batch.create_check_constraint("stage", _in("stage", values))


def upgrade() -> None:
    _case_statuses(NEW_STATUSES)
    _stage_checks(NEW_STAGES)
    op.create_table(
        "case_referral",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("from_centre_id", sa.Integer(), nullable=False),
        sa.Column("to_centre_id", sa.Integer(), nullable=False),
        sa.Column("prior_centre_id", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(length=20), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("state", sa.String(length=10), nullable=False),
        sa.Column("referred_at", UTC_SECONDS, nullable=False),
        sa.Column("referred_by", sa.Integer(), nullable=True),
        sa.Column("decided_at", UTC_SECONDS, nullable=True),
        sa.Column("decided_by", sa.Integer(), nullable=True),
        sa.Column("return_note", sa.Text(), nullable=False),
        sa.Column("fed_back_at", UTC_SECONDS, nullable=True),
        sa.Column("fed_back_by", sa.Integer(), nullable=True),
        sa.Column("feedback", sa.Text(), nullable=False),
        sa.CheckConstraint(_in("kind", KINDS), name=op.f("ck_case_referral_kind")),
        sa.CheckConstraint(_in("reason", REASONS), name=op.f("ck_case_referral_reason")),
        sa.CheckConstraint(_in("state", STATES), name=op.f("ck_case_referral_state")),
        sa.ForeignKeyConstraint(["case_id"], ["case_record.id"], name=op.f("fk_case_referral_case_id_case_record"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["from_centre_id"], ["command_centre.id"],
                                name=op.f("fk_case_referral_from_centre_id_command_centre")),
        sa.ForeignKeyConstraint(["to_centre_id"], ["command_centre.id"],
                                name=op.f("fk_case_referral_to_centre_id_command_centre")),
        sa.ForeignKeyConstraint(["prior_centre_id"], ["command_centre.id"],
                                name=op.f("fk_case_referral_prior_centre_id_command_centre")),
        sa.ForeignKeyConstraint(["referred_by"], ["app_user.id"], name=op.f("fk_case_referral_referred_by_app_user")),
        sa.ForeignKeyConstraint(["decided_by"], ["app_user.id"], name=op.f("fk_case_referral_decided_by_app_user")),
        sa.ForeignKeyConstraint(["fed_back_by"], ["app_user.id"], name=op.f("fk_case_referral_fed_back_by_app_user")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_referral")),
    )
    op.create_index("ix_case_referral_case", "case_referral", ["case_id", "state"])
    op.create_index("ix_case_referral_from", "case_referral", ["from_centre_id", "referred_at"])
    op.create_index("ix_case_referral_to", "case_referral", ["to_centre_id", "referred_at"])
    grant(GRANTS)


def downgrade() -> None:
    op.execute(sa.text(f"DELETE FROM role_permission WHERE {_in('action', (*OPERATOR_ACTIONS, 'return_referral'))}"))
    op.drop_index("ix_case_referral_to", table_name="case_referral")
    op.drop_index("ix_case_referral_from", table_name="case_referral")
    op.drop_index("ix_case_referral_case", table_name="case_referral")
    op.drop_table("case_referral")
    # a referred case goes back to its referring centre's registered cases; the referral stage's
    # policy rows and escalations go with the stage
    op.execute(sa.text("UPDATE case_record SET status = 'registered' WHERE status = 'referred'"))
    op.execute(sa.text("DELETE FROM time_limit_policy WHERE stage = 'referral'"))
    op.execute(sa.text("DELETE FROM escalation WHERE stage = 'referral'"))
    _stage_checks(OLD_STAGES)
    _case_statuses(OLD_STATUSES)
