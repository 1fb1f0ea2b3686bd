"""system roles: named system accounts (drill feed, importer, Open311, escalation clock, CLI)

Each process that acts without a person acts as its own account, whose role has its own
limited rights in the permission table; both role columns' CHECK constraints admit those roles,
and a system account belongs to no centre (an import into a new database runs before any centre
exists). SQLite changes a CHECK constraint by rebuilding the table (batch mode).

Revision ID: 0012
Revises: 0011
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

PERSONS = "'operator', 'supervisor', 'trainer', 'admin'"
SYSTEMS = "'sys_drill', 'sys_importer', 'sys_open311', 'sys_clock', 'sys_cli'"
TABLES = ("app_user", "role_permission")


def _check(roles: str, *, centre_optional: bool) -> None:
    for table in TABLES:
        with op.batch_alter_table(table) as batch_op:
            batch_op.drop_constraint(op.f(f"ck_{table}_role"), type_="check")
            batch_op.create_check_constraint("role", f"role IN ({roles})")
            if table == "app_user":
                batch_op.alter_column("centre_id", existing_type=sa.Integer(), nullable=centre_optional)


def upgrade() -> None:
    _check(f"{PERSONS}, {SYSTEMS}", centre_optional=True)


def downgrade() -> None:
    op.execute(f"DELETE FROM role_permission WHERE role IN ({SYSTEMS})")
    # the accounts stay (audit entries name them), disabled, as persons of the root centre without
    # rights or password
    op.execute(f"UPDATE app_user SET role = 'operator', active = false, centre_id = "
               f"(SELECT min(id) FROM command_centre WHERE parent_id IS NULL) WHERE role IN ({SYSTEMS})")
    op.execute("DELETE FROM app_user WHERE centre_id IS NULL")  # no centre at all: nothing to keep them in
    _check(PERSONS, centre_optional=False)
