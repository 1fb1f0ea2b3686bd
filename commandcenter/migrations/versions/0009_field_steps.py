"""field steps: acceptance and field-check clocks, send-back, on-the-spot handling, follow-up

The closed loop gains the steps a centre is assessed on besides its clocks: a dispatched case
is accepted (签收) within its own limit, the grid officer checks the result on site (核查) in a
new status `checking` with its own limit, the reporter is called back after closure (回访).
So the case and escalation tables accept the new status and stages, a case records whether
its reporter may be named and called (anonymous, confidential), who checks it and its current
follow-up, and a history row keeps a follow-up's satisfaction and the evidence reference of an
on-the-spot closure or a field check. The new actions' permissions are granted to the roles
that have them in a new database.

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from commandcenter.migrations.grants import grant

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# instants are whole UTC epoch seconds (see commandcenter.models.base.UtcTimestamp)
UTC_SECONDS = sa.BigInteger().with_variant(sa.Integer(), "sqlite")

OLD_STATUSES = ("reported", "registered", "dispatched", "accepted", "fed_back", "suspended", "closed", "rejected",
                "merged")
NEW_STATUSES = ("reported", "registered", "dispatched", "accepted", "fed_back", "checking", "suspended", "closed",
                "rejected", "merged")
OLD_STAGES = ("register", "dispatch", "handle", "verify")
NEW_STAGES = (*OLD_STAGES, "accept", "check")
PRIVACY = ("named", "anonymous", "confidential")
SATISFACTION = ("satisfied", "basically_satisfied", "unsatisfied")
# (role, action) rows as domain.actions.DEFAULT_PERMISSIONS grants them
NEW_ACTIONS = ("send_back", "request_check", "confirm_check", "fail_check", "solve_on_spot", "follow_up")
ROLES = ("operator", "supervisor")


def _in(column: str, values: Sequence[str]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


def _stage_checks(values: Sequence[str]) -> None:
    for table in ("time_limit_policy", "escalation"):
        with op.batch_alter_table(table) as batch:
            batch.drop_constraint(op.f(f"ck_{table}_stage"), type_="check")
            batch.create_check_constraint("stage", _in("stage", values))


def upgrade() -> None:
    with op.batch_alter_table("case_record") as batch:
        batch.add_column(sa.Column("reporter_privacy", sa.String(length=12), nullable=False, server_default="named"))
        batch.add_column(sa.Column("check_officer_id", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("followed_up_at", UTC_SECONDS, nullable=True))
        batch.add_column(sa.Column("satisfaction", sa.String(length=20), nullable=True))
        batch.create_foreign_key(op.f("fk_case_record_check_officer_id_officer"), "officer", ["check_officer_id"],
                                 ["id"])
        batch.drop_constraint(op.f("ck_case_record_status"), type_="check")
        batch.create_check_constraint("status", _in("status", NEW_STATUSES))
        batch.create_check_constraint("reporter_privacy", _in("reporter_privacy", PRIVACY))
        batch.create_check_constraint("satisfaction", f"satisfaction IS NULL OR {_in('satisfaction', SATISFACTION)}")
    with op.batch_alter_table("case_history") as batch:
        batch.add_column(sa.Column("outcome", sa.String(length=20), nullable=False, server_default=""))
        batch.add_column(sa.Column("evidence", sa.String(length=200), nullable=False, server_default=""))
    _stage_checks(NEW_STAGES)
    grant((r, a) for r in ROLES for a in NEW_ACTIONS)


def downgrade() -> None:
    op.execute(sa.text(f"DELETE FROM role_permission WHERE {_in('action', NEW_ACTIONS)}"))
    _stage_checks(OLD_STAGES)
    with op.batch_alter_table("case_history") as batch:
        batch.drop_column("evidence")
        batch.drop_column("outcome")
    with op.batch_alter_table("case_record") as batch:
        batch.drop_constraint(op.f("ck_case_record_satisfaction"), type_="check")
        batch.drop_constraint(op.f("ck_case_record_reporter_privacy"), type_="check")
        batch.drop_constraint(op.f("ck_case_record_status"), type_="check")
        batch.create_check_constraint("status", _in("status", OLD_STATUSES))
        batch.drop_constraint(op.f("fk_case_record_check_officer_id_officer"), type_="foreignkey")
        batch.drop_column("satisfaction")
        batch.drop_column("followed_up_at")
        batch.drop_column("check_officer_id")
        batch.drop_column("reporter_privacy")
