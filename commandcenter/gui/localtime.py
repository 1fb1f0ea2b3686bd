"""Times as an operator reads them: in their centre's own zone, whatever the machine's zone.

Timestamps are stored and passed in UTC; each command centre has its zone (`CommandCentre.timezone`,
on the signed-in `Principal` as `timezone`). Screens format times through here with that zone, so a
centre outside Asia/Shanghai sees its own clock and no widget hard-codes a zone.
"""

from __future__ import annotations

from datetime import datetime
from functools import lru_cache
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication

from ..domain.zones import DEFAULT_TZ

EMPTY = "—"  # what a missing time shows

__all__ = ["DEFAULT_TZ", "EMPTY", "format_duration", "format_local", "zone"]


@lru_cache(maxsize=16)
def zone(name: str) -> ZoneInfo:
    """The zone named `name` (read from the tz database once per name)."""
    return ZoneInfo(name)


def format_local(at: datetime | None, tz: str, fmt: str = "%Y-%m-%d %H:%M") -> str:
    """`at` in the zone `tz`, as `fmt`; a dash when there is no time."""
    if at is None:
        return EMPTY
    return at.astimezone(zone(tz)).strftime(fmt)


def format_duration(seconds: float) -> str:
    """A short human duration: `25 min`, `3 h 05 min`, `2 d 4 h`, `1 d` (translated)."""
    minutes = max(0, int(seconds // 60))
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    if days:
        if hours:
            return QCoreApplication.translate("duration", "{d} d {h} h").format(d=days, h=hours)
        return QCoreApplication.translate("duration", "{d} d").format(d=days)
    if hours:
        return QCoreApplication.translate("duration", "{h} h {m:02d} min").format(h=hours, m=mins)
    return QCoreApplication.translate("duration", "{m} min").format(m=mins)
