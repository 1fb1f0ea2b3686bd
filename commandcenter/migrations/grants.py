"""Permission rows a migration grants or takes back when a release adds or moves an action.

The permission table is an administrator's to curate, so a release never re-seeds it wholesale
(which would give back rights an admin revoked); each migration that introduces an action grants
it to the roles that have it by default, and only where the row is not there already (a table
seeded by newer code may hold it). The pairs are spelled out in each migration, frozen as they
were at that release, rather than read from the current code's defaults.
"""

from __future__ import annotations

from collections.abc import Iterable

import sqlalchemy as sa
from alembic import op

# only to a role the table already has: a new database's empty table is seeded whole by the
# code's defaults after its migrations (services.auth.seed_permissions)
_INSERT = sa.text("INSERT INTO role_permission (role, action) SELECT :role, :action WHERE NOT EXISTS "
                  "(SELECT 1 FROM role_permission WHERE role = :role AND action = :action) AND EXISTS "
                  "(SELECT 1 FROM role_permission WHERE role = :role)")
_DELETE = sa.text("DELETE FROM role_permission WHERE role = :role AND action = :action")


def grant(pairs: Iterable[tuple[str, str]]) -> None:
    for role, action in pairs:
        op.execute(_INSERT.bindparams(role=role, action=action))


def revoke(pairs: Iterable[tuple[str, str]]) -> None:
    for role, action in pairs:
        op.execute(_DELETE.bindparams(role=role, action=action))
