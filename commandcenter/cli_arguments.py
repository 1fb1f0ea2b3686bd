"""Argument types several subcommands share, with their refusals in the user's language."""

from __future__ import annotations

import argparse
from datetime import date

from .i18n import translate


def iso_day(text: str) -> date:
    """A YYYY-MM-DD day for argparse's `type=`; anything else is refused with a worded message."""
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(
            translate("cli", "not a date (YYYY-MM-DD): {value}").format(value=text)) from exc
