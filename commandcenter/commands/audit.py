"""`commandcenter audit verify`: is the audit trail as it was written?

Exit code 0 with a one-line summary when the chain is sound and matches its anchor; 1 naming the
first bad entry (id, time, why) when it is not; 2, as every command, when the database is refused.
"""

from __future__ import annotations

import argparse

from ..audit_labels import chain_summary
from ..db import open_database
from ..i18n import translate
from ..services.audit_verify import verify_chain


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("audit", help=translate("cli", "verify the audit trail's hash chain against its anchor"))
    actions = p.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    verify = actions.add_parser("verify", help=translate("cli", "recompute the chain and compare it with its anchor"))
    verify.add_argument("--db", required=True, help=translate("cli", "database file path or SQLAlchemy URL"))
    verify.set_defaults(handler=run_verify)


def run_verify(args: argparse.Namespace) -> int:
    db = open_database(args.db)
    try:
        report = verify_chain(db)
    finally:
        db.dispose()
    print(chain_summary(report))
    return 0 if report.sound else 1
