"""drill runs: each run of the drill feed and the cases it wrote

The drill used to feed back every dispatched case of a demo database, wiping the situation a
trainer had prepared. A run now records itself (`drill_run`) and each case it writes
(`drill_case`: the scenario item, its scheduled offset, and the category, grid and priority the
scenario intended, for the debrief), and plays the field's responses only to those. The drill
account may now send a case back, confirm or fail a field check, record a reporter's answer at
follow-up and take an officer off duty, as the scenario's field does.

Revision ID: 0023
Revises: 0022
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from commandcenter.migrations.grants import grant, revoke

revision: str = "0023"
down_revision: str | None = "0022"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

GRANTS = [("sys_drill", action) for action in
          ("send_back", "confirm_check", "fail_check", "follow_up", "manage_roster")]


def upgrade() -> None:
    epoch = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
    op.create_table(
        "drill_run",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("started_at", epoch, nullable=False),
        sa.Column("ended_at", epoch, nullable=True),
        sa.Column("scenario_name", sa.String(200), nullable=False),
        sa.Column("scenario_hash", sa.String(64), nullable=False),
        sa.Column("speed", sa.Float(), nullable=False),
        sa.Column("seed", sa.Integer(), nullable=False),
        sa.Column("rate", sa.Float(), nullable=True),
        sa.Column("background", sa.Boolean(), nullable=False),
        sa.Column("started_by_user_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["started_by_user_id"], ["app_user.id"],
                                name=op.f("fk_drill_run_started_by_user_id_app_user")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_drill_run")),
    )
    op.create_table(
        "drill_case",
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("item_index", sa.Integer(), nullable=True),
        sa.Column("item_key", sa.String(40), nullable=False),
        sa.Column("scheduled_offset", sa.Float(), nullable=False),
        sa.Column("intended_category_id", sa.Integer(), nullable=False),
        sa.Column("intended_grid_id", sa.Integer(), nullable=True),
        sa.Column("intended_priority", sa.String(10), nullable=False),
        sa.CheckConstraint("kind IN ('scenario', 'repeat_call', 'road_closed', 'random')",
                           name=op.f("ck_drill_case_kind")),
        sa.ForeignKeyConstraint(["case_id"], ["case_record.id"], ondelete="CASCADE",
                                name=op.f("fk_drill_case_case_id_case_record")),
        sa.ForeignKeyConstraint(["run_id"], ["drill_run.id"], ondelete="CASCADE",
                                name=op.f("fk_drill_case_run_id_drill_run")),
        sa.ForeignKeyConstraint(["intended_category_id"], ["category.id"],
                                name=op.f("fk_drill_case_intended_category_id_category")),
        sa.ForeignKeyConstraint(["intended_grid_id"], ["grid.id"],
                                name=op.f("fk_drill_case_intended_grid_id_grid")),
        sa.PrimaryKeyConstraint("case_id", name=op.f("pk_drill_case")),
    )
    op.create_index("ix_drill_case_run", "drill_case", ["run_id"])
    grant(GRANTS)


def downgrade() -> None:
    revoke(GRANTS)
    op.drop_index("ix_drill_case_run", table_name="drill_case")
    op.drop_table("drill_case")
    op.drop_table("drill_run")
