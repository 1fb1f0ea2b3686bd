"""The briefing's per-unit assessment tables: streets and departments ranked by 按期处置率.

Each row is one unit's cases due in the period (as they stood at its end) and its rates; the
last row is the centre's totals, over every case due (officers' included), so the units of a
table need not add up to it. The footnote names the definitions the briefing's page 1 gives.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, KeepTogether

from ..i18n import QT_TRANSLATE_NOOP as N
from ..shapes.briefing import UnitFigures
from .common import ACCENT, Texts, para, table_chunks

WIDTHS = [9 * mm, 41 * mm, 15 * mm, 18 * mm, 21 * mm, 18 * mm, 18 * mm, 18 * mm, 22 * mm]


def percent(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


def unit_row(u: UnitFigures, total_label: str) -> list[str]:
    """The printed cells of one unit (rank, name, cases, five rates, send-backs)."""
    rank = str(u.rank) if u.rank else ""
    name = total_label if u.key == "*" else u.name
    return [rank, name, str(u.due), percent(u.handling_rate), percent(u.on_time_handling_rate),
            percent(u.rework_rate), percent(u.extension_rate), percent(u.suspension_rate), str(u.sent_back)]


def unit_columns(t: Texts, unit: str) -> list[str]:
    return [t(N("briefing", "#")), unit, t(N("briefing", "Cases due")), t(N("briefing", "Handled")),
            t(N("briefing", "On time")), t(N("briefing", "Reworked")), t(N("briefing", "Extended")),
            t(N("briefing", "Suspended")), t(N("briefing", "Sent back"))]


def _table(t: Texts, st: dict[str, Any], font: str, title: str, unit: str, units: Sequence[UnitFigures],
           empty: str) -> list[Any]:
    head: list[Any] = [CondPageBreak(45 * mm), para(title, st["h2"])]
    if len(units) <= 1:
        return [*head, para(empty, st["body"])]
    rows = [unit_row(u, t(N("briefing", "Centre total"))) for u in units]

    def totals(i: int, row: Sequence[str]) -> list[tuple[Any, ...]]:
        # the centre's totals (the one unranked row) close the table, set apart from the units
        return [("LINEABOVE", (0, i), (-1, i), 0.8, ACCENT), ("TEXTCOLOR", (0, i), (-1, i), colors.black)] \
            if not row[0] else []

    body = table_chunks(unit_columns(t, unit), rows, WIDTHS, font, align_right=(0, 2, 3, 4, 5, 6, 7, 8),
                        row_styles=totals)
    return [*head[:1], KeepTogether([head[1], *body])] if len(rows) <= 25 else head + body


def assessment_tables(t: Texts, st: dict[str, Any], font: str, streets: Sequence[UnitFigures],
                      departments: Sequence[UnitFigures]) -> list[Any]:
    """Both ranked tables and the line that says how they are ranked."""
    note = t(N("briefing", "Ranked by on-time handling rate 按期处置率, then handling rate 处置率 and cases due. "
                           "Cases due and rates as defined on page 1, each case counted for the unit that handled "
                           "it at the period's end; the centre's total counts every case due."))
    return [
        *_table(t, st, font, t(N("briefing", "Assessment by street")), t(N("briefing", "Street")), streets,
                t(N("briefing", "No case of a street fell due in this period."))),
        *_table(t, st, font, t(N("briefing", "Assessment by department")), t(N("briefing", "Department")),
                departments, t(N("briefing", "No case handled by a department fell due in this period."))),
        para(note, st["small"]),
    ]
