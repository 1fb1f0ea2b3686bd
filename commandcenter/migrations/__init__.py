"""Schema migrations with Alembic: create an empty database or bring an older one to head.

The scripts live beside this module; they are driven programmatically on the application's
own engine so SQLite pragmas and the unit-of-work rules apply to migrations too.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect

from ..errors import DatabaseError, NotADatabase, SchemaTooNew

if TYPE_CHECKING:
    from ..db import Database

HERE = Path(__file__).resolve().parent


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(HERE))
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(db: Database) -> str | None:
    with db.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def _check_known(db: Database) -> str | None:
    """The database's revision, refusing foreign databases and schemas newer than this code."""
    rev = current_revision(db)
    if rev is None:
        tables = set(inspect(db.engine).get_table_names()) - {"alembic_version"}
        if tables:
            raise NotADatabase(
                f"{db.display_name} holds other tables ({', '.join(sorted(tables)[:3])}…): "
                "not a Grid Command Centre database",
                tables=sorted(tables),
            )
        return None
    script = ScriptDirectory.from_config(alembic_config())
    try:
        script.get_revision(rev)
    except Exception as exc:
        raise SchemaTooNew(
            f"{db.display_name} has schema {rev}, newer than this program knows (head {head_revision()}); "
            "upgrade the program",
            revision=rev,
        ) from exc
    return rev


def upgrade(db: Database) -> tuple[str | None, str]:
    """Bring the schema to head; returns (before, after) revisions."""
    before = _check_known(db)
    if before == head_revision():
        return before, before
    cfg = alembic_config()
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    return before, head_revision()


def require_current(db: Database) -> None:
    rev = _check_known(db)
    if rev != head_revision():
        state = "empty" if rev is None else f"at schema {rev}"
        raise DatabaseError(
            f"{db.display_name} is {state}; run 'commandcenter db upgrade --db …' first",
            revision=rev,
        )
