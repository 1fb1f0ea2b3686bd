"""`commandcenter holidays`: list a year's holidays or load a newly announced year from CSV."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..admin_labels import day_kind_label
from ..db import open_database
from ..i18n import translate
from ..services.admin import AdminService
from ..services.auth import system_principal


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("holidays", help=translate("cli", "list or load the holiday calendar of a year"))
    hsub = p.add_subparsers(dest="holidays_command", required=True)
    ls = hsub.add_parser("list", help=translate("cli", "list a year's holidays and adjusted working days"))
    ls.add_argument("--db", required=True, help=translate("cli", "database file path or SQLAlchemy URL"))
    ls.add_argument("--year", type=int, required=True)
    ls.set_defaults(handler=run_list)
    load = hsub.add_parser("load", help=translate("cli", "replace a year's calendar from a CSV file (date,kind,name)"))
    load.add_argument("--db", required=True, help=translate("cli", "database file path or SQLAlchemy URL"))
    load.add_argument("--year", type=int, required=True)
    load.add_argument("file", type=Path)
    load.set_defaults(handler=run_load)


def run_list(args: argparse.Namespace) -> int:
    db = open_database(args.db)
    try:
        holidays, cli = AdminService(db).holidays, system_principal(db, "cli")
        entries = holidays.days(cli, args.year)
        covered = any(y.year == args.year and y.covered for y in holidays.years(cli))
    finally:
        db.dispose()
    for e in entries:
        print(f"{e.day}  {day_kind_label(e.kind):<8} {e.name}")  # the kind worded, not its code
    if not covered:
        print(translate("cli", "{year} is not covered: working-time limits count Monday to Friday only").format(
            year=args.year))
    return 0


def run_load(args: argparse.Namespace) -> int:
    db = open_database(args.db)
    try:
        n = AdminService(db).holidays.load_year(system_principal(db, "cli"), args.year, args.file)
    finally:
        db.dispose()
    print(translate("cli", "{year}: {n} holidays and adjusted working days loaded").format(year=args.year, n=n))
    return 0
