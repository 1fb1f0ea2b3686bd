"""`commandcenter`: the GUI by default, and subcommands for what runs without a screen.

Subcommands are listed in COMMANDS (name, module, help) and a module is imported only when its
command is chosen: importing all of them (ReportLab, the demo generator, the importers) made
`commandcenter --help` take 1.75 s and slowed the GUI's start by as much.

Errors the user can act on (a missing or foreign database, a URL that does not connect, a
schema newer than this program, bad input) print one line and exit with code 2.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence
from typing import Any

from . import __version__
from .cli_i18n import language_argument, translate_argparse
from .errors import CommandCentreError
from .gui import translator
from .i18n import QT_TRANSLATE_NOOP as N
from .i18n import normalize, translate
from .labels import describe_error
from .logging_setup import redact, setup_logging

log = logging.getLogger(__name__)

# name → (module in commandcenter.commands, help); each module's register() adds the same name
# and help (tests/test_cli_lazy.py checks both against this table)
COMMANDS: dict[str, tuple[str, str]] = {
    "briefing": ("briefing", N("cli", "print the daily or a shift's briefing as a PDF")),
    "db": ("db", N("cli", "database maintenance")),
    "demo": ("demo", N("cli", "generate a demo city with case history")),
    "drill": ("drill", N("cli", "replay a scenario or random cases into a demo database, live")),
    "holidays": ("holidays", N("cli", "list or load the holiday calendar of a year")),
    "export": ("export", N("cli", "export cases, handovers, unit KPIs (CSV) or Open311 JSON")),
    "import": ("imports", N("cli", "import officers, departments, positions, grids or Open311 files")),
    "info": ("info", N("cli", "print the schema version and counts")),
    "serve": ("serve", N("cli", "answer Open311 GeoReport v2 requests over HTTP")),
    "audit": ("audit", N("cli", "verify the audit trail's hash chain against its anchor")),
    "backup": ("backup", N("cli", "copy a SQLite database consistently while it is in use")),
    "restore": ("restore", N("cli", "replace a SQLite database by a checked backup")),
    "user": ("user", N("cli", "manage users and list roles (administrators)")),
    "search": ("search", N("cli", "find cases of any age by number, text, address or phone")),
    "warnings": ("warnings", N("cli", "recompute and list the early warnings")),
}


class LazyCommands(argparse._SubParsersAction):  # type: ignore[type-arg]
    """Subcommands known by name and help; a command's module registers its real parser (its
    options and handler) only when the command is chosen."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._loaded: set[str] = set()

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: Any, option_string: str | None = None) -> None:
        name = values[0]
        if name in COMMANDS and name not in self._loaded:
            self._loaded.add(name)
            del self._name_parser_map[name]  # the placeholder; its help line stays listed
            shown = list(self._choices_actions)
            register_command(name, self)
            self._choices_actions = shown
        super().__call__(parser, namespace, values, option_string)


def register_command(name: str, sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    module = importlib.import_module(f"{__package__}.commands.{COMMANDS[name][0]}")
    module.register(sub)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="commandcenter",
        description=translate("cli", "Grid Command Centre: case wall, dispatch, roster, maps, handovers and briefings. "
                      "Without a command, opens the desktop application."),
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--db", help=translate("cli", "database file path or SQLAlchemy URL (default: the demo database)"))
    parser.add_argument("--user", help=translate("cli", "sign in as this user without the login dialog (demo databases only)"))
    parser.add_argument("--lang", help=translate("cli", "interface language: en or zh_CN"))
    parser.add_argument("--verbose", action="store_true", help=translate("cli", "more detail in the log file"))
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", action=LazyCommands)
    for name, (_module, help_text) in COMMANDS.items():
        sub.add_parser(name, help=translate("cli", help_text))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    # --lang, then COMMANDCENTER_LANG, then the system's, already for the help and argparse's errors
    translator.install(translator.choose_language(language_argument(sys.argv[1:] if argv is None else argv), None))
    translate_argparse()
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.lang:
        translator.install(args.lang)
    log_path = setup_logging(verbose=args.verbose)
    # a --db URL may carry a password: never write it to the log
    log.info("commandcenter %s: %s", __version__, redact(" ".join(sys.argv[1:] if argv is None else argv)))
    try:
        if args.command is None:
            from .app import run_gui

            return run_gui(database=args.db, username=args.user, lang=args.lang)
        return int(args.handler(args) or 0)
    except CommandCentreError as exc:
        log.warning("refused: %s", exc.message)
        print(f"commandcenter: {describe_error(exc, normalize(args.lang) if args.lang else None)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except Exception:
        log.exception("unexpected error")
        print(
            translate("cli", "commandcenter: unexpected error; details in {log}").format(log=log_path),
            file=sys.stderr,
        )
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
