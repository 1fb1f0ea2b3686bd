"""The range an administrator may set each detector parameter to, and the check against it.

Outside these a detector is either blind (a 1-case "pattern", a zero-day window) or reads far
more history than the incremental path is built for (a radius of kilometres, a year-long
cluster); the admin form and `WarningService.set_params` both check against this one table.
Parameters that are not numbers (the dispute class, the trend's levels) are not edited there.
"""

from __future__ import annotations

from dataclasses import fields, replace

from .params import WarningParams

# (detector, parameter) -> (lowest, highest), inclusive
LIMITS: dict[tuple[str, str], tuple[float, float]] = {
    ("recurrence", "radius_m"): (5, 1000),
    ("recurrence", "min_cases"): (2, 50),
    ("recurrence", "days"): (1, 365),
    ("repeat_caller", "min_calls"): (2, 50),
    ("repeat_caller", "days"): (1, 365),
    ("dispute", "min_cases"): (2, 50),
    ("dispute", "days"): (1, 365),
    ("trend", "band_hours"): (1, 24),
    ("trend", "weeks"): (1, 52),
    ("trend", "alpha"): (1e-6, 0.1),
    ("trend", "min_count"): (1, 1000),
    ("cluster", "hours"): (1, 720),
    ("cluster", "eps_m"): (10, 5000),
    ("cluster", "eps_minutes"): (10, 10_080),
    ("cluster", "min_points"): (2, 100),
    ("cluster", "min_grids"): (1, 50),
    ("lateness", "threshold"): (0.05, 1.0),
    ("lateness", "days"): (1, 30),
    ("lateness", "min_due"): (1, 1000),
}


def is_whole(detector: str, name: str) -> bool:
    """Whether the parameter is a count (an int), not a measure."""
    return isinstance(getattr(getattr(WarningParams(), detector), name), int)


def out_of_range(params: WarningParams) -> tuple[str, str, float, float] | None:
    """The first parameter outside its range, as (detector, parameter, lowest, highest); None if all fit."""
    for (detector, name), (lo, hi) in LIMITS.items():
        if not lo <= getattr(getattr(params, detector), name) <= hi:
            return detector, name, lo, hi
    return None


def with_values(params: WarningParams, values: dict[tuple[str, str], float]) -> WarningParams:
    """`params` with some parameters changed, each cast to its field's type."""
    out = params
    for f in fields(WarningParams):
        section = getattr(out, f.name)
        mine = {name: (int(v) if is_whole(f.name, name) else float(v)) for (d, name), v in values.items()
                if d == f.name}
        if mine:
            out = replace(out, **{f.name: replace(section, **mine)})
    return out
