"""`commandcenter`: the GUI by default, and subcommands for what runs without a screen.

Errors the user can act on (a missing or foreign database, a URL that does not connect, a
schema newer than this program, bad input) print one line and exit with code 2.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import pkgutil
import sys
from collections.abc import Sequence

from . import __version__, commands, i18n
from .errors import CommandCentreError
from .i18n import normalize, translate
from .labels import describe_error
from .logging_setup import setup_logging

log = logging.getLogger(__name__)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="commandcenter",
        description=translate("cli", "Grid Command Centre: case wall, dispatch, roster, maps, handovers and briefings. "
                      "Without a command, opens the desktop application."),
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--db", help=translate("cli", "database file path or SQLAlchemy URL (default: the demo database)"))
    parser.add_argument("--user", default="operator", help=translate("cli", "user to sign in as (until sign-in exists)"))
    parser.add_argument("--lang", help=translate("cli", "interface language: en or zh_CN"))
    parser.add_argument("--verbose", action="store_true", help=translate("cli", "more detail in the log file"))
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{commands.__name__}.{info.name}")
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    i18n.install(i18n.system_language())
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.lang:
        i18n.install(args.lang)
    log_path = setup_logging(verbose=args.verbose)
    log.info("commandcenter %s: %s", __version__, " ".join(sys.argv[1:] if argv is None else argv))
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
