"""`commandcenter drill`: replay a scenario and/or random load into a demo database, live.

Runs as its own process next to the GUI (SQLite WAL lets the walls read while it writes).
Only a database marked as demo is fed: any other is refused with one line and exit code 2,
untouched. A scenario file the database cannot play is refused the same way, with one
`FILE:LINE: reason` line per problem. Ctrl-C or SIGTERM stop it cleanly between two
transactions, with exit code 0. When the database goes away for a while the drill says so in
one line, keeps retrying, and says so again when it is back.
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from collections.abc import Callable
from types import FrameType
from typing import Any

from ..db import open_database
from ..errors import ScenarioInvalid, ValidationError
from ..i18n import QT_TRANSLATE_NOOP as N
from ..i18n import translate
from ..shapes.drill import DrillProgress
from ..simulator.drill import parse_duration, parse_rate, parse_speed
from ..simulator.scenario import load_scenario
from ..simulator.scenario_player import PlayerProgress, ScenarioPlayer


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("drill", help=translate("cli", "replay a scenario or random cases into a demo database, live"))
    p.add_argument("--db", required=True, help=translate("cli", "database file path or SQLAlchemy URL"))
    p.add_argument("--scenario", help=translate("cli", "scenario file to replay (YAML; see docs/scenarios.md)"))
    p.add_argument("--speed", help=translate("cli", "play the scenario this many times faster than real time "
                                                    "(default: the scenario's own, else 1)"))
    p.add_argument("--rate",
                   help=translate("cli", "random new cases per minute besides the scenario; decimals allowed "
                                         "(0.5 is one every two minutes)"))
    p.add_argument("--background", action="store_true",
                   help=translate("cli", "also work the cases already in the database, at a realistic pace"))
    p.add_argument("--check", action="store_true",
                   help=translate("cli", "only check the scenario against the database; write nothing"))
    p.add_argument("--duration", help=translate("cli", "seconds to run (default: until Ctrl-C)"))
    p.add_argument("--seed", help=translate("cli", "random seed: the same seed gives the same cases "
                                                 "(default: the scenario's, else 1)"))
    p.add_argument("--centre", help=translate("cli", "drill only in the area of the command centre with this code"))
    p.set_defaults(handler=run)


def counts(p: DrillProgress) -> str:
    return translate(
        "cli",
        "{cases} new cases ({registered} registered at once), {accepted} accepted, {sent_back} sent back, "
        "{fed_back} fed back, {checked} checked, {followed_up} followed up, {events} events, "
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
    "speed": N("cli", "--speed must be a number above 0 and at most {maximum:g} (got {value})"),
    "what": N("cli", "say what to play: --scenario FILE, --rate CASES_PER_MINUTE, or both"),
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


def _options(args: argparse.Namespace) -> tuple[float | None, float | None, int | None, float | None]:
    """The numeric options, or a ValidationError whose one-line message is in the user's language."""
    try:
        if args.rate is None and args.scenario is None:
            raise ValidationError("say what to play: --scenario FILE, --rate CASES_PER_MINUTE, or both", field="what")
        return (None if args.rate is None else parse_rate(args.rate), parse_duration(args.duration),
                None if args.seed is None else _seed(args.seed),
                None if args.speed is None else parse_speed(args.speed))
    except ValidationError as exc:
        template = OPTION_ERRORS.get(exc.field or "")
        if template is None:
            raise
        raise ValidationError(translate("cli", template).format(**exc.facts), field=exc.field) from None


def _refused(exc: ScenarioInvalid) -> int:
    """Every problem of a scenario on its own `FILE:LINE: reason` line; nothing was written."""
    for line, why in exc.problems:
        print(f"{exc.path}:{line}: {why}", file=sys.stderr)
    return 2


def player_line(p: PlayerProgress) -> str:
    minutes, seconds = divmod(int(p.scenario_elapsed), 60)
    return translate("cli", "{elapsed:.0f} s (scenario {clock}, {done}/{total} items): {counts}").format(
        elapsed=p.counts.elapsed, clock=f"+{minutes // 60}:{minutes % 60:02d}:{seconds:02d}", done=p.items_done,
        total=p.items_total, counts=counts(p.counts))


def run(args: argparse.Namespace, out: Callable[[str], None] | None = None) -> int:
    echo = out or (lambda line: print(line, flush=True))
    rate, duration, seed, speed = _options(args)
    try:
        scenario = load_scenario(args.scenario) if args.scenario else None
    except ScenarioInvalid as exc:
        return _refused(exc)
    db = open_database(args.db)
    stop = _StopFlag()
    try:
        # a database not marked as demo is refused here, before anything is written (exit 2)
        player = ScenarioPlayer(db, scenario, speed, seed, rate=rate, background=args.background,
                                centre_code=args.centre)
        for line, warning in player.warnings:
            echo(f"{args.scenario}:{line}: {warning}")
        if args.check:
            echo(translate("cli", "{file}: {items} items, {minutes:.0f} scenario minutes: playable on {db}").format(
                file=args.scenario or "-", items=player.items_total,
                minutes=(scenario.length if scenario else 0) / 60, db=db.display_name))
            return 0
        how_long = (translate("cli", "for {seconds:g} s").format(seconds=duration) if duration is not None
                    else translate("cli", "until Ctrl-C"))
        drill = player.drill
        if scenario is not None:
            echo(translate("cli", "Drill on {db}: scenario “{name}” ({items} items) at {speed:g}× {how_long}, "
                                  "seed {seed}, {grids} grids").format(
                db=db.display_name, name=scenario.name, items=player.items_total, speed=drill.clock.speed,
                how_long=how_long, seed=player.seed, grids=len(drill.city.grids)))
        if rate is not None:
            echo(translate("cli", "Drill on {db}: {rate:g} new cases a minute {how_long}, seed {seed}, {grids} grids").format(
                db=db.display_name, rate=rate, how_long=how_long, seed=player.seed, grids=len(drill.city.grids)))
        stop.install()
        line = player_line if scenario is not None else (lambda p: progress_line(p.counts))
        final = player.run(lambda p: echo(line(p)), stop=stop, duration=duration,
                           on_connection=lambda reason: echo(connection_line(reason)))
        echo(translate("cli", "Drill finished after {elapsed:.1f} s: {counts}").format(
            elapsed=final.counts.elapsed, counts=counts(final.counts)))
    except ScenarioInvalid as exc:
        return _refused(exc)
    finally:
        stop.restore()
        db.dispose()
    return 0
