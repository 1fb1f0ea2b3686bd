"""`commandcenter db upgrade`: create an empty database or bring an older one to the current schema."""

from __future__ import annotations

import argparse

from ..db import open_database
from ..i18n import translate
from ..migrations import upgrade
from ..services.reference_data import seed_reference_data


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("db", help=translate("cli", "database maintenance"))
    dbsub = p.add_subparsers(dest="db_command", required=True)
    up = dbsub.add_parser("upgrade", help=translate("cli", "create or upgrade a database to the current schema"))
    up.add_argument("--db", required=True, help=translate("cli", "database file path or SQLAlchemy URL"))
    up.set_defaults(handler=run_upgrade)


def run_upgrade(args: argparse.Namespace) -> int:
    db = open_database(args.db, create=True)
    try:
        before, after = db.schema_upgrade or upgrade(db)
        with db.unit_of_work() as s:
            seed_reference_data(s)
        if before == after:
            print(translate("cli", "{db}: schema already current ({rev})").format(db=db.display_name, rev=after))
        else:
            print(
                translate("cli", "{db}: schema {before} -> {after}").format(
                    db=db.display_name, before=before or translate("cli", "empty"), after=after
                )
            )
    finally:
        db.dispose()
    return 0
