"""The CLI's language: `--lang` found before the parser is built, and argparse's own messages
("usage:", "the following arguments are required: …") translated.

argparse words its messages through `gettext` looked up in its module at call time (the hook the
standard library offers for translating it); we point that lookup at our catalogue, so a
`--lang zh_CN` run is Chinese from the help text to the error line, without a separate .mo file.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from .i18n import QT_TRANSLATE_NOOP as N
from .i18n import translate

# the messages an operator meets (help layout and mistakes on the command line); the rest are
# programming errors in the parser's definition and stay as Python wrote them
MESSAGES = (
    N("argparse", "usage: "),
    N("argparse", "positional arguments"),
    N("argparse", "options"),
    N("argparse", "show this help message and exit"),
    N("argparse", "%(prog)s: error: %(message)s"),  # argparse's own ends in a newline
    N("argparse", "argument %(argument_name)s: %(message)s"),
    N("argparse", "the following arguments are required: %s"),
    N("argparse", "unrecognized arguments: %s"),
    N("argparse", "invalid choice: %(value)r (choose from %(choices)s)"),
    N("argparse", "invalid %(type)s value: %(value)r"),
    N("argparse", "expected one argument"),
    N("argparse", "ambiguous option: %(option)s could match %(matches)s"),
    N("argparse", "one of the arguments %s is required"),
    N("argparse", "not allowed with argument %s"),
)


def language_argument(argv: Sequence[str]) -> str | None:
    """The value of a top-level `--lang` (`--lang zh_CN` or `--lang=zh_CN`) before parsing, so
    the parser's help and its errors are already in that language."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
        if not arg.startswith("-") and (i == 0 or argv[i - 1] not in ("--db", "--user")):
            return None  # the subcommand: a --lang after it is the subcommand's own option
    return None


def _message(text: str) -> str:
    """One argparse message; a trailing newline is layout, kept out of the catalogue's key."""
    body = text.rstrip("\n")
    return translate("argparse", body) + text[len(body):]


def translate_argparse() -> None:
    """Route argparse's message lookup through our catalogue in the current language."""
    argparse._ = _message  # type: ignore[attr-defined]
    argparse.ngettext = lambda one, many, n: translate("argparse", one if n == 1 else many)  # type: ignore[attr-defined]
