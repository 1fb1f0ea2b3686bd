"""open311 interchange: the service-code mapping and cases' external request ids

Revision ID: 0006
Revises: 0005

`open311_service` maps a GeoReport v2 `service_code` to one minor category (an administrator
keeps it). `case_record.external_source` and `external_id` keep the feed and the
`service_request_id` of a case taken from another system, unique together, so importing the
same file twice adds nothing. (The file keeps the name it was reserved under.)
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "open311_service",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("service_code", sa.String(length=64), nullable=False),
        sa.Column("category_id", sa.Integer(), nullable=False),
        sa.Column("service_name", sa.String(length=120), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["category_id"], ["category.id"],
                                name=op.f("fk_open311_service_category_id_category")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_open311_service")),
        sa.UniqueConstraint("service_code", name=op.f("uq_open311_service_service_code")),
        sa.UniqueConstraint("category_id", name=op.f("uq_open311_service_category_id")),
    )
    with op.batch_alter_table("case_record", schema=None) as batch_op:
        batch_op.add_column(sa.Column("external_source", sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column("external_id", sa.String(length=120), nullable=True))
        batch_op.create_unique_constraint(batch_op.f("uq_case_record_external_source_external_id"),
                                          ["external_source", "external_id"])


def downgrade() -> None:
    with op.batch_alter_table("case_record", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_case_record_external_source_external_id"), type_="unique")
        batch_op.drop_column("external_id")
        batch_op.drop_column("external_source")
    op.drop_table("open311_service")
