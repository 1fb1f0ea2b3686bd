"""`commandcenter backup --db PATH --out FILE`: a consistent copy of a SQLite database while the
seats and the drill go on writing (services/backup), with its audit anchor beside it."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..i18n import translate
from ..services.backup import backup_sqlite


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("backup", help=translate("cli", "copy a SQLite database consistently while it is in use"))
    p.add_argument("--db", required=True, help=translate("cli", "database file path or SQLAlchemy URL"))
    p.add_argument("--out", required=True, type=Path, help=translate("cli", "the copy to write (owner-only)"))
    p.add_argument("--quiet", action="store_true", help=translate("cli", "no progress on standard error"))
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    shown = -1

    def progress(done: int, total: int) -> None:
        nonlocal shown
        percent = 100 * done // max(total, 1)
        if not args.quiet and percent != shown:
            shown = percent
            print(f"\r{percent:3d}%", end="", file=sys.stderr, flush=True)

    result = backup_sqlite(args.db, args.out, progress=progress)
    if not args.quiet:
        print(file=sys.stderr)
    print(translate("cli", "Backed up {db} to {out} ({pages} pages)").format(db=args.db, out=result.out,
                                                                           pages=result.pages))
    if result.anchor is not None:
        print(translate("cli", "Audit anchor copied to {anchor}").format(anchor=result.anchor))
    return 0
