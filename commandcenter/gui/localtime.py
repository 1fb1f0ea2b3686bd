"""Times as an operator reads them: in their centre's own zone, whatever the machine's zone.

Timestamps are stored and passed in UTC; each command centre has its zone (`CommandCentre.timezone`,
on the signed-in `Actor` as `timezone`). Screens format times through here with that zone, so a
centre outside Asia/Shanghai sees its own clock and no widget hard-codes a zone.
"""

from __future__ import annotations

from datetime import datetime
from functools import lru_cache
from zoneinfo import ZoneInfo

from ..domain.zones import DEFAULT_TZ

EMPTY = "—"  # what a missing time shows

__all__ = ["DEFAULT_TZ", "EMPTY", "format_local", "zone"]


@lru_cache(maxsize=16)
def zone(name: str) -> ZoneInfo:
    """The zone named `name` (read from the tz database once per name)."""
    return ZoneInfo(name)


def format_local(at: datetime | None, tz: str, fmt: str = "%Y-%m-%d %H:%M") -> str:
    """`at` in the zone `tz`, as `fmt`; a dash when there is no time."""
    if at is None:
        return EMPTY
    return at.astimezone(zone(tz)).strftime(fmt)
