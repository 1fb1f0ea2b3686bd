"""`commandcenter demo`: generate a demo city with months of case history, or reset one to it."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from ..db import normalize_url, open_database, sqlite_path
from ..demo_labels import demo_progress_text
from ..errors import ValidationError
from ..i18n import translate
from ..services.demo_reset import reset_demo, save_demo_snapshot
from ..simulator.demo import SCALES, DemoProgress, generate_demo


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("demo", help=translate("cli", "generate a demo city with case history"))
    p.add_argument("--db", required=True, help=translate("cli", "database file path or SQLAlchemy URL (empty, unless --reset)"))
    p.add_argument("--scale", choices=sorted(SCALES), default="small")
    p.add_argument("--days", type=int, default=30, help=translate("cli", "days of history ending now"))
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--reset", action="store_true",
                   help=translate("cli", "reset the demo database to its generated state (undoes every drill)"))
    p.set_defaults(handler=run)


def _progress_printer() -> Callable[[DemoProgress], None]:
    """Each new progress line on stderr as it comes (plain lines: they read the same in a log)."""
    last = ""

    def show(p: DemoProgress) -> None:
        nonlocal last
        text = demo_progress_text(p.step, p.days_done, p.days)
        if text != last:
            print(f"[{p.fraction:4.0%}] {text}", file=sys.stderr, flush=True)
            last = text

    return show


def reset(args: argparse.Namespace) -> int:
    """Restore the demo from the snapshot kept at generation; refused (exit 2) on any other database."""
    db = open_database(args.db)
    try:
        result = reset_demo(db, None)
    finally:
        db.dispose()
    print(translate("cli", "Demo reset to its generated state: {before} cases before, {after} now ({seconds:.1f} s)")
          .format(before=result.cases_before, after=result.cases_after, seconds=result.seconds))
    return 0


def run(args: argparse.Namespace) -> int:
    if args.reset:
        return reset(args)
    if args.days < 1 or args.days > 3660:
        print(translate("cli", "error: --days must be between 1 and 3660"), file=sys.stderr)
        return 2
    path = sqlite_path(normalize_url(args.db))
    if path is not None and not path.parent.is_dir():  # a mistyped folder must not be created silently
        raise ValidationError(translate("cli", "the folder {folder} does not exist; create it or choose another "
                                               "--db").format(folder=path.parent), field="db", folder=str(path.parent))
    # creating the schema takes a second or two before the generator reports its first step
    # lupdate does not read strings inside f-strings
    print(f"[{0:4.0%}] " + translate("cli", "Preparing the database…"), file=sys.stderr, flush=True)
    db = open_database(args.db, create=True)
    try:
        summary = generate_demo(db, scale=args.scale, days=args.days, seed=args.seed, progress=_progress_printer(),
                                plant_warnings=True)
        save_demo_snapshot(db)  # what `--reset` and the drill screen's reset restore
    finally:
        db.dispose()
    print(
        translate("cli", "Demo city '{scale}' (seed {seed}) in {db}, {seconds:.1f} s").format(
            scale=summary.scale, seed=summary.seed, db=args.db, seconds=summary.seconds
        )
    )
    print(
        translate("cli", "{districts} districts, {streets} streets, {communities} communities, {grids} unit grids").format(
            **summary.__dict__
        )
    )
    print(translate("cli", "{officers} officers, {departments} departments, {users} users").format(**summary.__dict__))
    print(
        translate("cli", "{cases} cases from {first_day} to {last_day} ({history_rows} history rows); "
          "{open_cases} open, {overdue_cases} overdue").format(**summary.__dict__)
    )
    return 0
