"""category names: the component class 03 is 市容环境设施, apart from the event class 07 市容环境

The interface shows a category in one language at a time, so two major classes both called
市容环境 could not be told apart. Only a name still at its old default is changed: a name an
administrator chose stays as it is.

Revision ID: 0019
Revises: 0018
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0019"
down_revision: str | None = "0018"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CODE, OLD, NEW = "03", "市容环境", "市容环境设施"


def _rename(before: str, after: str) -> None:
    op.execute(sa.text("UPDATE category SET name_zh = :after, version = version + 1 WHERE code = :code AND level = 1 "
                       "AND kind = 'component' AND name_zh = :before")
               .bindparams(code=CODE, before=before, after=after))


def upgrade() -> None:
    _rename(OLD, NEW)


def downgrade() -> None:
    _rename(NEW, OLD)
