"""`commandcenter briefing`: print the daily (or one shift's) briefing of a centre as a PDF.

The briefing names the operating-system user who ran the command as the one who printed it,
and the issue is recorded in the database (who, when, period, SHA-256 of the file). Requests
that cannot give a true briefing are refused with one line and exit code 2: an output folder
that does not exist (a typo should not create folders), a day in the future or before the
data, a shift the centre does not have (the line lists its shifts). A past day on which nothing
happened still gives its briefing, with a warning.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from ..cli_arguments import iso_day
from ..db import open_database
from ..errors import ValidationError
from ..i18n import QT_TRANSLATE_NOOP as N
from ..i18n import current_language, normalize, translate
from ..services.auth import system_principal
from ..services.briefing_checks import is_quiet
from ..services.facade.briefings import BriefingService
from ..services.kpi import centre_by_code, default_centre


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    t = lambda s: translate("cli", s)  # noqa: E731 - every string below is marked with N for lupdate
    p = sub.add_parser("briefing", help=t(N("cli", "print the daily or a shift's briefing as a PDF")))
    p.add_argument("--db", required=True, help=t(N("cli", "database file path or SQLAlchemy URL")))
    p.add_argument("--date", required=True, type=iso_day, help=t(N("cli", "the day, YYYY-MM-DD, in the centre's time zone")))
    p.add_argument("--shift", help=t(N("cli", "a shift's name (e.g. Night) for a shift briefing; default: the whole day")))
    # SUPPRESS: without it the subcommand's default would overwrite a `--lang` given before it
    p.add_argument("--lang", choices=["en", "zh_CN"], default=argparse.SUPPRESS,
                   help=t(N("cli", "language of the briefing (default: the interface language)")))
    p.add_argument("--centre", help=t(N("cli", "command centre code (default: the top-level centre)")))
    p.add_argument("--out", required=True, help=t(N("cli", "the PDF file to write")))
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    lang = normalize(args.lang) if getattr(args, "lang", None) else current_language()
    if not str(args.out).lower().endswith(".pdf"):
        raise ValidationError(translate("cli", "the output file must end in .pdf"), field="out")
    folder = Path(args.out).expanduser().absolute().parent
    if not folder.is_dir():
        raise ValidationError(translate("cli", "the folder {folder} does not exist; create it or choose another "
                                               "--out").format(folder=folder), field="out", folder=str(folder))
    user = getpass.getuser()
    db = open_database(args.db)
    try:
        centre_id = centre_by_code(db, args.centre) if args.centre else default_centre(db)
        issued = BriefingService(db).issue(system_principal(db, "cli"), centre_id=centre_id, day=args.date,
                                           shift_name=args.shift, lang=lang, out=args.out, printed_by=user)
    finally:
        db.dispose()
    # one sentence per kind: the kind is a code, and a code inside a translated sentence stayed English
    done = (translate("cli", "{path}: shift briefing of {day}, {size} bytes, sha256 {sha}") if issued.kind == "shift"
            else translate("cli", "{path}: daily briefing of {day}, {size} bytes, sha256 {sha}"))
    print(done.format(path=issued.path, day=args.date.isoformat(), size=issued.size, sha=issued.sha256))
    if is_quiet(issued.data):
        print(translate("cli", "warning: nothing was reported, dispatched or closed on {day}{shift}; the briefing "
                               "shows only what was still open").format(
            day=args.date.isoformat(), shift=f" ({issued.data.period.shift_name})" if issued.data.period.shift_name else ""),
            file=sys.stderr)
    return 0
