"""The per-unit KPI export: a day's per-street and per-department tables, as the briefing prints them."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

from ...shapes.briefing import UnitFigures

HEADER = ("day", "level", "code", "name", "rank", "due", "handled", "handled_on_time", "reworked",
          "handled_ever", "extended", "suspended", "sent_back", "handling_rate", "on_time_handling_rate",
          "rework_rate")


def _rate(value: float | None) -> str:
    return "" if value is None else f"{value:.4f}"


def rows(day: date, streets: tuple[UnitFigures, ...], departments: tuple[UnitFigures, ...]) -> Iterator[list[Any]]:
    """The street table, then the department table, each with the centre's totals as its last row."""
    for level, table in (("street", streets), ("department", departments)):
        for u in table:
            yield [day.isoformat(), level, u.key, u.name, u.rank, u.due, u.handled, u.handled_on_time,
                   u.reworked, u.handled_ever, u.extended, u.suspended, u.sent_back, _rate(u.handling_rate),
                   _rate(u.on_time_handling_rate), _rate(u.rework_rate)]
