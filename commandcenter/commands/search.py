"""`commandcenter search`: find cases of any age from a script, as the search screen does.

Runs as the command line's account (or `--user`), so personal data leaves masked unless that
user may see it; `--json` prints one object with the total and the hits for other programs.
"""

from __future__ import annotations

import argparse
import json
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from ..cli_arguments import iso_day
from ..db import open_database
from ..export_kinds import _principal
from ..i18n import translate
from ..labels import status_label
from ..services.search import SearchService
from ..shapes.search import DEFAULT_LIMIT, SearchQuery, SearchResult


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("search", help=translate("cli", "find cases of any age by number, text, address or phone"))
    p.add_argument("--db", required=True, help=translate("cli", "database file path or SQLAlchemy URL"))
    p.add_argument("query", nargs="*", help=translate("cli", "words, a case number or a phone number (all must match)"))
    p.add_argument("--grid", default="", help=translate("cli", "a grid code, or a community's or street's code"))
    p.add_argument("--officer", default="", help=translate("cli", "the handling officer's employee number"))
    p.add_argument("--department", default="", help=translate("cli", "the handling department's code"))
    p.add_argument("--status", action="append", default=[], help=translate("cli", "a status (repeatable)"))
    p.add_argument("--from", dest="day_from", type=iso_day, help=translate("cli", "first report day"))
    p.add_argument("--to", dest="day_to", type=iso_day, help=translate("cli", "last report day"))
    p.add_argument("--limit", type=int, default=DEFAULT_LIMIT, help=translate("cli", "most cases to list"))
    p.add_argument("--user", help=translate("cli", "search as this user (default: the command line's account, "
                                                   "personal data masked)"))
    p.add_argument("--json", action="store_true", help=translate("cli", "machine-readable output"))
    p.set_defaults(handler=run)


def _start(day: date | None, zone: ZoneInfo) -> datetime | None:
    return None if day is None else datetime.combine(day, time(0), zone)


def run(args: argparse.Namespace) -> int:
    db = open_database(args.db)
    try:
        principal = _principal(db, args.user)
        zone = ZoneInfo(principal.timezone)
        end = None if args.day_to is None else date.fromordinal(args.day_to.toordinal() + 1)
        query = SearchQuery(text=" ".join(args.query), grid_code=args.grid, officer=args.officer,
                            department=args.department, statuses=tuple(args.status),
                            reported_from=_start(args.day_from, zone), reported_to=_start(end, zone),
                            limit=args.limit)
        result = SearchService(db).search(principal, query)
    finally:
        db.dispose()
    print(json.dumps(as_json(result, zone), ensure_ascii=False, indent=2) if args.json else as_text(result, zone))
    return 0


def as_json(result: SearchResult, zone: ZoneInfo) -> dict[str, object]:
    return {
        "total": result.total,
        "limit": result.limit,
        "cases": [{
            "case_number": h.row.case_number, "status": h.row.status, "priority": h.row.priority,
            "category": h.row.category_code, "grid": h.row.grid_code,
            "reported_at": h.row.reported_at.astimezone(zone).isoformat(), "address": h.row.address,
            "reporter_phone": h.reporter_phone, "description": h.row.description,
            "handler": h.row.assignee_name,
        } for h in result.hits],
    }


def as_text(result: SearchResult, zone: ZoneInfo) -> str:
    lines = [f"{h.row.case_number}  {h.row.reported_at.astimezone(zone):%Y-%m-%d %H:%M}  "
             f"{status_label(h.row.status)}  {h.row.grid_code}  {h.row.address}  {h.row.description[:40]}"
             for h in result.hits]
    lines.append(translate("cli", "{shown} of {total} cases").format(shown=len(result.hits), total=result.total))
    return "\n".join(lines)
