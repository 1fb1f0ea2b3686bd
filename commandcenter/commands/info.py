"""`commandcenter info`: schema version and what the database holds."""

from __future__ import annotations

import argparse
import json

from ..db import open_database
from ..i18n import translate
from ..labels import status_label
from ..services.info import database_info


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("info", help=translate("cli", "print the schema version and counts"))
    p.add_argument("--db", required=True, help=translate("cli", "database file path or SQLAlchemy URL"))
    p.add_argument("--json", action="store_true", help=translate("cli", "machine-readable output"))
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    db = open_database(args.db, check_schema=False)
    try:
        from ..migrations import _check_known

        _check_known(db)
        info = database_info(db)
    finally:
        db.dispose()
    if args.json:
        print(json.dumps(info.as_json(), ensure_ascii=False, indent=2))
        return 0
    demo = translate("cli", "  [demo {scale}]").format(scale=info.meta.get("demo_scale", "")) if info.is_demo else ""
    lines = [
        translate("cli", "database: {db}").format(db=info.database) + demo,
        translate("cli", "schema: {rev} (current: {head})").format(
            rev=info.schema_version or translate("cli", "empty"), head=info.schema_head
        ),
        translate("cli", "districts: {d}  streets: {s}  communities: {c}  grids: {g}").format(
            d=info.districts, s=info.streets, c=info.communities, g=info.grids
        ),
        translate("cli", "grid area: {km2} km²").format(km2=f"{info.grid_area_km2:,.2f}"),
        translate("cli", "officers: {o}  departments: {d}  users: {u}").format(
            o=info.officers, d=info.departments, u=info.users
        ),
        translate("cli", "cases: {n}  open: {open}  overdue: {overdue}").format(
            n=info.cases, open=info.open_cases, overdue=info.overdue_cases
        ),
    ]
    if info.first_reported and info.last_reported:
        lines.append(
            translate("cli", "reported: {first} … {last} UTC").format(
                first=f"{info.first_reported:%Y-%m-%d %H:%M}", last=f"{info.last_reported:%Y-%m-%d %H:%M}"
            )
        )
    lines.append(
        translate("cli", "by status: {counts}").format(
            counts=", ".join(f"{status_label(k)} {v}" for k, v in info.cases_by_status.items() if v)
        )
    )
    if info.calendar_uncovered:
        lines.append(
            translate(
                "cli",
                "warning: no holiday calendar for {years}; working-time limits there count Monday to Friday only",
            ).format(years=", ".join(str(y) for y in info.calendar_uncovered))
        )
    print("\n".join(lines))
    return 0
