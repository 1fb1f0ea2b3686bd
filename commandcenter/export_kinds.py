"""`commandcenter export cases|handovers|kpis`: CSV exports (services/exports) from a shell.

commands/export.py registers these beside the Open311 kinds. Without `--user` the command exports
as the "cli" system account, which reads cases but not personal data: names, phones and
addresses leave masked. `--user NAME` exports as that person, with their rights and centres: on
a demo database without a password (its accounts are public), otherwise with the password from
$COMMANDCENTER_PASSWORD or asked for. The audit entry names the account and the OS user.
"""

from __future__ import annotations

import argparse
import getpass
import os
from datetime import date
from pathlib import Path

from .db import Database, open_database
from .domain.enums import CaseStatus
from .errors import ValidationError
from .i18n import translate
from .services.audit import this_os_user, this_workstation
from .services.auth import Principal, demo_principal, system_principal
from .services.exports import ExportResult, ExportService
from .services.kpi import centre_by_code
from .services.signin import is_demo, sign_in

PASSWORD_ENV = "COMMANDCENTER_PASSWORD"
KINDS = ("cases", "handovers", "kpis")


def register(kinds: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    helps = {
        "cases": translate("cli", "cases as CSV (UTF-8 with BOM), by report date and status"),
        "handovers": translate("cli", "handover records with their notes and pending items as CSV"),
        "kpis": translate("cli", "a day's per-street and per-department figures as CSV, as the briefing's tables"),
    }
    for kind in KINDS:
        k = kinds.add_parser(kind, help=helps[kind])
        k.add_argument("--db", required=True, help=translate("cli", "database file path or SQLAlchemy URL"))
        k.add_argument("--out", required=True, type=Path, help=translate("cli", "the CSV file to write"))
        k.add_argument("--user", help=translate(
            "cli", "export as this user (password asked for, or ${env}; none on a demo database); "
                   "default: the command line's account, personal data masked").format(env=PASSWORD_ENV))
        if kind == "kpis":
            k.add_argument("--day", required=True, type=date.fromisoformat,
                           help=translate("cli", "the day (YYYY-MM-DD)"))
            k.add_argument("--centre", help=translate("cli", "command centre code (default: the user's, or the "
                                                             "top-level centre)"))
        else:
            k.add_argument("--from", dest="date_from", type=date.fromisoformat,
                           help=translate("cli", "first day (YYYY-MM-DD), included"))
            k.add_argument("--to", dest="date_to", type=date.fromisoformat,
                           help=translate("cli", "last day (YYYY-MM-DD), included"))
        if kind == "cases":
            k.add_argument("--status", action="append", choices=[s.value for s in CaseStatus], default=[],
                           help=translate("cli", "only cases in this status (repeat for several)"))
        k.set_defaults(handler=run, export_kind=kind)


def _principal(db: Database, username: str | None) -> Principal:
    if username is None:
        return system_principal(db, "cli")
    if is_demo(db):
        return demo_principal(db, username)
    password = os.environ.get(PASSWORD_ENV)
    if password is None:
        password = getpass.getpass(translate("cli", "Password for {user}: ").format(user=username))
    return sign_in(db, username, password, workstation=this_workstation(), os_user=this_os_user())


def run(args: argparse.Namespace) -> int:
    if not args.out.parent.is_dir():
        raise ValidationError(f"no folder {args.out.parent} for {args.out.name}; nothing was written", field="out")
    db = open_database(args.db)
    try:
        principal = _principal(db, args.user)
        exports = ExportService(db)
        result: ExportResult
        if args.export_kind == "cases":
            result = exports.cases(principal, args.out, date_from=args.date_from, date_to=args.date_to,
                                   statuses=tuple(args.status))
        elif args.export_kind == "handovers":
            result = exports.handovers(principal, args.out, date_from=args.date_from, date_to=args.date_to)
        else:
            centre = centre_by_code(db, args.centre) if args.centre else None
            result = exports.kpis(principal, args.out, args.day, centre_id=centre)
    finally:
        db.dispose()
    text = (translate("cli", "Exported {n} rows to {file} (personal data masked)") if result.masked
            else translate("cli", "Exported {n} rows to {file}"))
    print(text.format(n=result.rows, file=result.path))
    return 0
