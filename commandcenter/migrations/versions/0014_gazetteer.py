"""gazetteer: the named places a call-taker looks addresses up in

One table of roads, house numbers, landmarks, compounds and villages with WGS-84 coordinates,
the grid each lies in, and precomputed pinyin (full and initials) for keyboard look-up.

Revision ID: 0014
Revises: 0013
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "gazetteer_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(120), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("lon", sa.Float(), nullable=False),
        sa.Column("lat", sa.Float(), nullable=False),
        sa.Column("grid_id", sa.Integer(), nullable=True),
        sa.Column("pinyin", sa.String(480), nullable=False),
        sa.Column("pinyin_initials", sa.String(120), nullable=False),
        sa.CheckConstraint("kind IN ('road', 'house_number', 'landmark', 'compound', 'village')",
                           name=op.f("ck_gazetteer_entry_kind")),
        sa.ForeignKeyConstraint(["grid_id"], ["grid.id"], name=op.f("fk_gazetteer_entry_grid_id_grid")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_gazetteer_entry")),
    )
    op.create_index("ix_gazetteer_entry_name", "gazetteer_entry", ["name"])
    op.create_index("ix_gazetteer_entry_initials", "gazetteer_entry", ["pinyin_initials"])
    op.create_index("ix_gazetteer_entry_pinyin", "gazetteer_entry", ["pinyin"])
    op.create_index("ix_gazetteer_entry_grid", "gazetteer_entry", ["grid_id"])


def downgrade() -> None:
    op.drop_table("gazetteer_entry")
