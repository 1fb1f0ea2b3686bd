"""warning actions: supervisors and admins act on early warnings

A supervisor acknowledges a warning with a note, opens a patrol task or a case for it, or
dismisses it with a reason (services/warning_actions). The warning table (0013) already has
the columns; this release only grants the new right to the roles that have it by default.

Revision ID: 0020
Revises: 0019
"""

from __future__ import annotations

from collections.abc import Sequence

from commandcenter.migrations.grants import grant, revoke

revision: str = "0020"
down_revision: str | None = "0019"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

GRANTS = [("supervisor", "act_on_warning"), ("admin", "act_on_warning")]


def upgrade() -> None:
    grant(GRANTS)


def downgrade() -> None:
    revoke(GRANTS)
