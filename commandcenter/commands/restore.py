"""`commandcenter restore --db PATH --from FILE`: put a checked backup in place of a SQLite
database, keeping the replaced file; the restore is written to the restored database's audit
trail. Stop every seat and the drill first."""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

from ..db import open_database
from ..errors import DatabaseError
from ..i18n import translate
from ..services import audit
from ..services.auth import system_principal
from ..services.backup import restore_sqlite

log = logging.getLogger(__name__)


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("restore", help=translate("cli", "replace a SQLite database by a checked backup"))
    p.add_argument("--db", required=True, help=translate("cli", "database file path or SQLAlchemy URL"))
    p.add_argument("--from", dest="source", required=True, type=Path,
                   help=translate("cli", "the backup to restore (checked before anything is replaced)"))
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from datetime import UTC, datetime

    result = restore_sqlite(args.db, args.source, datetime.now(UTC))
    print(translate("cli", "Restored {db} from {file} (schema {revision})").format(
        db=result.path, file=args.source, revision=result.revision))
    if result.replaced is not None:
        print(translate("cli", "The replaced database is kept as {path}").format(path=result.replaced))
    try:
        db = open_database(result.path)
    except DatabaseError as exc:  # an older schema: the entry is written after `db upgrade`
        log.warning("restore not audited yet: %s", exc.message)
        print(translate("cli", "Run 'commandcenter db upgrade --db {db}' before opening it").format(db=result.path))
        return 0
    try:
        cli = system_principal(db, "cli")
        with db.unit_of_work() as s:
            audit.append(s, cli, "restore", "database", None,
                         {"from": str(args.source), "replaced": str(result.replaced or "")})
    finally:
        db.dispose()
    return 0
