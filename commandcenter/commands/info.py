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
    t = lambda s: translate("cli", s)  # noqa: E731
    lines = [
        f"{t('database')}: {info.database}" + (f"  [{t('demo')} {info.meta.get('demo_scale', '')}]" if info.is_demo else ""),
        f"{t('schema')}: {info.schema_version or t('empty')} ({t('current')}: {info.schema_head})",
        f"{t('districts')}: {info.districts}  {t('streets')}: {info.streets}  "
        f"{t('communities')}: {info.communities}  {t('grids')}: {info.grids}",
        f"{t('officers')}: {info.officers}  {t('departments')}: {info.departments}  {t('users')}: {info.users}",
        f"{t('cases')}: {info.cases}  {t('open')}: {info.open_cases}  {t('overdue')}: {info.overdue_cases}",
    ]
    if info.first_reported and info.last_reported:
        lines.append(f"{t('reported')}: {info.first_reported:%Y-%m-%d %H:%M} … {info.last_reported:%Y-%m-%d %H:%M} UTC")
    lines.append(
        f"{t('by status')}: "
        + ", ".join(f"{status_label(k)} {v}" for k, v in info.cases_by_status.items() if v)
    )
    print("\n".join(lines))
    return 0
