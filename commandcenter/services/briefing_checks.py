"""What a briefing may be asked for: a day the data covers and not yet to come, a shift the centre has.

A briefing of a day before the first case, of tomorrow, or of a misspelt shift used to come out
as a plausible empty PDF (or an unexplained "no shift"). Callers check the request here first,
so the user gets one line saying what is possible; a past day on which nothing happened is
still a valid briefing, which `is_quiet` lets the caller point out.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from zoneinfo import ZoneInfo

from sqlalchemy import func, select

from ..db import Database
from ..errors import DayBeforeData, DayInFuture, UnknownShift
from ..models import Case
from ..shapes.briefing import BriefingData
from .shifts import centre_timezone, read_shift_patterns


@dataclass(frozen=True)
class BriefingRequest:
    """A checked request: the shift as the centre spells it, and the days that bound the data."""

    centre_id: int
    day: date
    shift_name: str | None
    today: date  # in the centre's time zone
    first_day: date | None  # when the first case was reported (centre's time zone); None without cases


def check_briefing_request(db: Database, centre_id: int, day: date, shift_name: str | None = None
                           ) -> BriefingRequest:
    """The request if a briefing of it makes sense; else a DayInFuture or DayBeforeData (field
    `date`) or an UnknownShift, whose facts say which days or shifts there are."""
    with db.read() as s:
        tz = ZoneInfo(centre_timezone(s, centre_id))
        first = s.scalar(select(func.min(Case.reported_at)))
        shifts = read_shift_patterns(s, centre_id) if shift_name else []
    today = db.clock.now().astimezone(tz).date()
    first_day = first.astimezone(tz).date() if first is not None else None
    if day > today:
        raise DayInFuture(day, today)
    if first_day is not None and day < first_day:
        raise DayBeforeData(day, first_day)
    if shift_name:
        wanted = shift_name.strip().casefold()
        match = next((sh for sh in shifts if sh.name.casefold() == wanted), None)
        if match is None:
            raise UnknownShift(shift_name.strip(), [(sh.name, sh.start_time, sh.end_time) for sh in shifts])
        shift_name = match.name
    return BriefingRequest(centre_id, day, shift_name or None, today, first_day)


def is_quiet(data: BriefingData) -> bool:
    """Nothing was reported, dispatched or closed in the briefed period."""
    return data.kpis.quiet
