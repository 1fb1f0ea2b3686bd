"""`commandcenter drill`: feed generated cases and field progress into a database, live.

Runs as its own process next to the GUI (SQLite WAL lets the walls read while it writes).
Only a database marked as demo is fed: any other is refused with one line and exit code 2,
untouched. Ctrl-C or SIGTERM stop it cleanly between two transactions, with exit code 0. When the
database goes away for a while the drill says so in one line, keeps retrying, and says so
again when it is back.
"""

from __future__ import annotations

import argparse
import signal
import threading
from collections.abc import Callable
from types import FrameType
from typing import Any

from ..db import open_database
from ..errors import ValidationError
from ..i18n import QT_TRANSLATE_NOOP as N
from ..i18n import translate
from ..simulator.drill import Drill, DrillProgress, parse_duration, parse_rate


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("drill", help=translate("cli", "feed generated cases and field progress into a database, live"))
    p.add_argument("--db", required=True, help=translate("cli", "database file path or SQLAlchemy URL"))
    p.add_argument("--rate", required=True,
                   help=translate("cli", "new cases per minute; decimals allowed (0.5 is one every two minutes)"))
    p.add_argument("--duration", help=translate("cli", "seconds to run (default: until Ctrl-C)"))
    p.add_argument("--seed", default="1", help=translate("cli", "random seed: the same seed gives the same cases"))
    p.add_argument("--centre", help=translate("cli", "drill only in the area of the command centre with this code"))
    p.set_defaults(handler=run)


def counts(p: DrillProgress) -> str:
    return translate(
        "cli",
        "{cases} new cases ({registered} registered at once), {accepted} accepted, {fed_back} fed back, "
        "{positions} positions, {escalations} escalations, {skipped} skipped"
    ).format(**p.__dict__)


def progress_line(p: DrillProgress) -> str:
    return translate("cli", "{elapsed:.0f} s: {counts}").format(elapsed=p.elapsed, counts=counts(p))


def connection_line(reason: str | None) -> str:
    """What the trainer reads when the database goes away (with the driver's reason) and comes back."""
    if reason is None:
        return translate("cli", "reconnected")
    return translate("cli", "database unreachable; retrying… ({reason})").format(reason=reason)


# one-line messages for bad options, by the field the service's ValidationError names
OPTION_ERRORS = {
    "rate": N("cli", "--rate must be a number of cases per minute above 0 and at most {maximum:g} (got {value})"),
    "duration": N("cli", "--duration must be a number of seconds above 0 (got {value})"),
    "seed": N("cli", "--seed must be a whole number (got {value})"),
}


class _StopFlag:
    """Set by SIGINT/SIGTERM so the drill ends between two writes, never inside one."""

    def __init__(self) -> None:
        self.stopped = False
        self._previous: dict[int, Any] = {}

    def __call__(self) -> bool:
        return self.stopped

    def _handle(self, signum: int, frame: FrameType | None) -> None:
        self.stopped = True

    def install(self) -> None:
        if threading.current_thread() is not threading.main_thread():
            return  # signal handlers can only be set from the main thread (tests call run() directly)
        for sig in (signal.SIGINT, signal.SIGTERM):
            self._previous[sig] = signal.signal(sig, self._handle)

    def restore(self) -> None:
        for sig, handler in self._previous.items():
            signal.signal(sig, handler)


def _seed(value: str) -> int:
    try:
        return int(value)
    except ValueError:
        raise ValidationError(f"--seed must be a whole number (got {value})", field="seed", value=value) from None


def _options(args: argparse.Namespace) -> tuple[float, float | None, int]:
    """The numeric options, or a ValidationError whose one-line message is in the user's language."""
    try:
        return parse_rate(args.rate), parse_duration(args.duration), _seed(args.seed)
    except ValidationError as exc:
        template = OPTION_ERRORS.get(exc.field or "")
        if template is None:
            raise
        raise ValidationError(translate("cli", template).format(**exc.facts), field=exc.field) from None


def run(args: argparse.Namespace, out: Callable[[str], None] | None = None) -> int:
    echo = out or (lambda line: print(line, flush=True))
    rate, duration, seed = _options(args)
    db = open_database(args.db)
    stop = _StopFlag()
    try:
        # a database not marked as demo is refused here, before anything is written (exit 2)
        drill = Drill(db, rate, seed, args.centre)
        how_long = (translate("cli", "for {seconds:g} s").format(seconds=duration) if duration is not None
                    else translate("cli", "until Ctrl-C"))
        echo(translate("cli", "Drill on {db}: {rate:g} new cases a minute {how_long}, seed {seed}, {grids} grids").format(
            db=db.display_name, rate=rate, how_long=how_long, seed=seed, grids=len(drill.city.grids)))
        stop.install()
        final = drill.run(duration, on_progress=lambda p: echo(progress_line(p)), stop=stop,
                          on_connection=lambda reason: echo(connection_line(reason)))
        echo(translate("cli", "Drill finished after {elapsed:.1f} s: {counts}").format(elapsed=final.elapsed, counts=counts(final)))
    finally:
        stop.restore()
        db.dispose()
    return 0
