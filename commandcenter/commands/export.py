"""`commandcenter export open311|open311-services`: service requests or the service list as
GeoReport v2 JSON, to a file or stdout.

The command line exports as the "cli" system account, which may read cases but not personal
data: addresses and phone numbers in the text leave masked (domain/privacy); `open311 --user
NAME` exports as that person, signed in as for the CSV kinds (export_kinds). A file is written
owner-only, as the CSV exports are.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from ..db import open_database
from ..errors import ValidationError
from ..i18n import translate
from ..services.auth import system_principal


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("export", help=translate("cli", "export cases, handovers, unit KPIs (CSV) or Open311 JSON"))
    kinds = p.add_subparsers(dest="export_kind", required=True, metavar="KIND")
    req = kinds.add_parser("open311", help=translate("cli", "service requests as a GeoReport v2 JSON list"))
    req.add_argument("--since", help=translate("cli", "only requests reported at or after this ISO 8601 time"))
    req.add_argument("--status", choices=("open", "closed"))
    req.add_argument("--user", help=translate(
        "cli", "export as this user (password asked for, or $COMMANDCENTER_PASSWORD; none on a demo database); "
               "default: the command line's account, personal data masked"))
    svc = kinds.add_parser("open311-services",
                           help=translate("cli", "the service list (service_code and its category) as JSON"))
    svc.add_argument("--template", action="store_true",
                     help=translate("cli", "every minor category under its own code, as a list to edit and import"))
    for k in (req, svc):
        k.add_argument("--db", required=True, help=translate("cli", "database file path or SQLAlchemy URL"))
        k.add_argument("--out", type=Path, help=translate("cli", "file to write (default: standard output)"))
    req.set_defaults(handler=run)
    svc.set_defaults(handler=run)
    from .. import export_kinds  # cases, handovers and per-unit KPIs as CSV

    export_kinds.register(kinds)


def run(args: argparse.Namespace) -> int:
    from .. import export_kinds
    from ..interchange import georeport
    from ..interchange.files import export_requests, export_services

    since = None
    if getattr(args, "since", None):
        try:
            since = georeport.parse_timestamp(args.since)
        except ValueError as exc:
            raise ValidationError(translate("cli", "--since {value} is not an ISO 8601 time with its offset").format(
                                  value=args.since),
                                  field="since") from exc
    db = open_database(args.db)
    try:
        if args.export_kind == "open311":
            text = export_requests(db, export_kinds._principal(db, args.user), since=since, status=args.status)
        else:
            text = export_services(db, system_principal(db, "cli"), template=args.template)
    finally:
        db.dispose()
    if args.out is None:
        sys.stdout.write(text + "\n")
    else:
        with open(os.open(args.out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w", encoding="utf-8") as out:
            out.write(text + "\n")
    return 0
