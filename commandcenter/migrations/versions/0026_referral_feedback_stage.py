"""referral feedback stage: the outcome's feedback to the referring centre (反馈) has its own time limit

Once the centre a referral reached has the handled outcome, it reports it back to the referring
centre within the new `feedback` stage's limit (escalated like any stage), instead of on the
verification clock of a case nobody there verifies. So the time-limit policy and escalations
accept the stage `feedback`; `db upgrade` seeds its policy rows for every category (the services
fall back to the default limits until then).

Revision ID: 0026
Revises: 0025
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0026"
down_revision: str | None = "0025"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OLD_STAGES = ("register", "dispatch", "handle", "verify", "accept", "check", "referral")
NEW_STAGES = (*OLD_STAGES, "feedback")


def _stage_checks(values: Sequence[str]) -> None:
    condition = f"stage IN ({', '.join(repr(v) for v in values)})"
    for table in ("time_limit_policy", "escalation"):
        with op.batch_alter_table(table) as batch:
            batch.drop_constraint(op.f(f"ck_{table}_stage"), type_="check")
            batch.create_check_constraint("stage", condition)


def upgrade() -> None:
    _stage_checks(NEW_STAGES)


def downgrade() -> None:
    # the stage's policy rows and escalations go with it; a case waiting for its feedback keeps
    # the clock it had, read as the verification's
    op.execute(sa.text("DELETE FROM time_limit_policy WHERE stage = 'feedback'"))
    op.execute(sa.text("DELETE FROM escalation WHERE stage = 'feedback'"))
    _stage_checks(OLD_STAGES)
