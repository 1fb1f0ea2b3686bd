"""personal data and drill safety: drill cases are marked, so figures can leave them out

A case the drill feed writes carries `is_drill`; a production database's KPIs, briefings and
counts leave such cases out (services/drill_scope), so a drill run on the wrong file could
never pass for real work. Existing cases were all entered as real ones: they start at false.
The personal-data permissions need no schema: `db upgrade` seeds the new rows of the
permission table.

Revision ID: 0010
Revises: 0009
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from commandcenter.migrations.grants import grant, revoke

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


# supervisors and admins see personal data in clear; operators and supervisors may reveal one
# field of one case, audited
GRANTS = [("supervisor", "view_personal_data"), ("admin", "view_personal_data"),
          ("operator", "reveal_personal_data"), ("supervisor", "reveal_personal_data")]


def upgrade() -> None:
    with op.batch_alter_table("case_record") as batch_op:
        batch_op.add_column(sa.Column("is_drill", sa.Boolean(), nullable=False, server_default=sa.false()))
    grant(GRANTS)


def downgrade() -> None:
    revoke(GRANTS)
    with op.batch_alter_table("case_record") as batch_op:
        batch_op.drop_column("is_drill")
