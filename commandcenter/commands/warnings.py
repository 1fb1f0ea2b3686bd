"""`commandcenter warnings`: recompute the early warnings of a database as of a day, and list them.

Runs every detector over its whole window ending at the given day's end (in the top-level
centre's time zone; default: now), stores what it finds (a pattern already raised is not raised
again without new evidence) and prints the open warnings as a table or, with --json, as JSON.
A day in the future is refused with one line and exit code 2. The run is done as the
escalation clock, the program's own account for what it raises unasked, and is audited.
"""

from __future__ import annotations

import argparse
import json
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from ..cli_arguments import iso_day
from ..db import open_database
from ..errors import ValidationError
from ..i18n import QT_TRANSLATE_NOOP as N
from ..i18n import translate
from ..services.auth import system_principal
from ..services.warnings import WarningService
from ..shapes.warnings import WarningItem, WarningStatus
from ..warning_labels import evidence_text, kind_label


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    t = lambda s: translate("cli", s)  # noqa: E731 - every string below is marked with N for lupdate
    p = sub.add_parser("warnings", help=t(N("cli", "recompute and list the early warnings")))
    p.add_argument("--db", required=True, help=t(N("cli", "database file path or SQLAlchemy URL")))
    p.add_argument("--date", type=iso_day, help=t(N("cli", "as of the end of this day, YYYY-MM-DD (default: now)")))
    p.add_argument("--json", action="store_true", help=t(N("cli", "machine-readable output")))
    p.set_defaults(handler=run)


def _as_json(w: WarningItem) -> dict[str, object]:
    return {"id": w.id, "kind": w.kind.value, "status": w.status.value, "subject": w.subject,
            "category": w.category_code, "grid_ids": list(w.grid_ids), "case_ids": list(w.case_ids),
            "raised_at": w.raised_at.isoformat(), "last_evidence_at": w.last_evidence_at.isoformat(),
            "centroid": list(w.centroid) if w.centroid else None, "outline": [list(p) for p in w.outline],
            "evidence": dict(w.evidence)}


def run(args: argparse.Namespace) -> int:
    db = open_database(args.db)
    try:
        principal = system_principal(db, "escalation-clock")
        now = db.clock.now()
        as_of = now
        if args.date is not None:
            end = datetime.combine(args.date + timedelta(days=1), time(), ZoneInfo(principal.timezone))
            if args.date > now.astimezone(ZoneInfo(principal.timezone)).date():
                raise ValidationError(translate("cli", "{day} is in the future").format(day=args.date.isoformat()),
                                      field="date")
            as_of = min(end, now)
        service = WarningService(db)
        summary = service.recompute(principal, as_of)
        items = service.list_warnings(principal, statuses=[WarningStatus.OPEN])
    finally:
        db.dispose()
    if args.json:
        print(json.dumps({"as_of": as_of.isoformat(), "raised": summary.raised, "reopened": summary.reopened,
                          "updated": summary.updated, "unchanged": summary.unchanged,
                          "cases_read": summary.cases_read, "seconds": round(summary.seconds, 3),
                          "warnings": [_as_json(w) for w in items]}, ensure_ascii=False, indent=2))
        return 0
    print(translate("cli", "as of {at}: {raised} raised, {reopened} re-opened, {updated} with new evidence, "
                           "{open} open ({cases} cases read in {seconds:.1f} s)").format(
        at=as_of.astimezone(ZoneInfo(principal.timezone)).strftime("%Y-%m-%d %H:%M"), raised=summary.raised,
        reopened=summary.reopened, updated=summary.updated, open=len(items), cases=summary.cases_read,
        seconds=summary.seconds))
    for w in items:
        print(f"{w.id:>6}  {kind_label(w.kind):<18} {w.category_code or '-':<5} {w.subject[:40]:<40}  "
              f"{evidence_text(w)}")
    return 0
