"""The map's hover text (HTML for Qt's tool tip): a case, an officer or a grid, by name."""

from __future__ import annotations

import html

import numpy as np

from ...map_labels import case_summary
from ...shapes.map import MapCaseMarker, MapGrid, MapOfficerMarker
from .layers import format_number

esc = html.escape


def case_text(case: MapCaseMarker, priority_names: dict[str, str]) -> str:
    """Number and priority in bold, then category, status, address and the description."""
    priority = priority_names.get(case.priority, case.priority)
    return f"<b>{esc(case.case_number)}</b> · {esc(priority)}<br>{esc(case_summary(case))}"


def officer_text(officer: MapOfficerMarker, duty_names: dict[str, str], open_cases: str) -> str:
    """Name in bold, duty status, and the open cases line (translated by the canvas)."""
    duty = duty_names.get(officer.duty_status, officer.duty_status)
    return f"<b>{esc(officer.name)}</b><br>{esc(duty)}<br>{esc(open_cases)}"


def grid_text(grid: MapGrid, title: str, measure_label: str, value: float, no_value: str,
              details: str | None) -> str:
    """Code and name, the coloured measure's value, and every other count."""
    lines = [f"<b>{esc(title)}</b>", esc(grid.name)]
    if measure_label:
        shown = no_value if not np.isfinite(value) else format_number(float(value))
        lines.append(f"{esc(measure_label)}: {esc(shown)}")
    if details:
        lines.append(esc(details))
    return "<br>".join(lines)
