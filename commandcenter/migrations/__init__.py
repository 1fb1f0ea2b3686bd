"""Schema migrations with Alembic: create an empty database or bring an older one to head.

The scripts live beside this module; they are driven programmatically on the application's
own engine so SQLite pragmas and the unit-of-work rules apply to migrations too.

Opening a current database does not load Alembic (a tenth of a second or more at every start):
`require_current` compares the stored revision with the newest script's, read from the scripts'
``revision``/``down_revision`` lines, and asks Alembic only when they differ.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import inspect, text

from ..errors import DatabaseError, NotADatabase, SchemaTooNew

if TYPE_CHECKING:
    from alembic.config import Config

    from ..db import Database

HERE = Path(__file__).resolve().parent


def alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(HERE))
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(db: Database) -> str | None:
    from alembic.runtime.migration import MigrationContext

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
    from alembic.script import ScriptDirectory

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
    from alembic import command

    cfg = alembic_config()
    with db.engine.connect() as conn:
        raw = conn.connection.driver_connection if db.is_sqlite else None
        if raw is not None:
            # SQLite changes a constraint by rebuilding the table (batch mode), and dropping the
            # old copy of a referenced table fails while keys are enforced. SQLite's own recipe:
            # keys off outside the transaction, every reference checked before the commit.
            raw.execute("PRAGMA foreign_keys = OFF")  # type: ignore[union-attr]
        try:
            with conn.begin():
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "head")
                if raw is not None and (broken := conn.exec_driver_sql("PRAGMA foreign_key_check").first()):
                    raise DatabaseError(f"the upgrade would leave a broken reference in {broken[0]}; "
                                        "nothing was changed", table=broken[0])
        finally:
            if raw is not None:
                raw.execute("PRAGMA foreign_keys = ON")  # type: ignore[union-attr]
    return before, head_revision()


_SCRIPT_LINE = re.compile(r'^(down_revision|revision)\s*(?::[^=]*)?=\s*(None|"[^"]*"|\'[^\']*\')\s*$', re.M)


@lru_cache(maxsize=1)
def script_head() -> str | None:
    """The newest script's revision, without Alembic; None unless there is exactly one head and
    every script names its revision plainly (then `head_revision` decides)."""
    revisions, parents = set(), set()
    for script in (HERE / "versions").glob("*.py"):
        found = {key: value.strip("\"'") for key, value in _SCRIPT_LINE.findall(script.read_text("utf-8"))}
        if "revision" not in found or "down_revision" not in found:
            return None
        revisions.add(found["revision"])
        parents.add(found["down_revision"])
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None


def stored_revision(db: Database) -> str | None:
    """The database's schema revision read with one query, without Alembic (loading it takes
    half a second of the interpreter: too much for the status bar's background counts)."""
    with db.engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        rows = conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    return rows[0] if len(rows) == 1 else None


def require_current(db: Database) -> None:
    head = script_head()
    if head is not None and stored_revision(db) == head:
        return
    rev = _check_known(db)
    if rev != head_revision():
        state = "empty" if rev is None else f"at schema {rev}"
        raise DatabaseError(
            f"{db.display_name} is {state}; run 'commandcenter db upgrade --db …' first",
            revision=rev,
        )
