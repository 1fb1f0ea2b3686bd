"""Early-warning detectors (事前预警): pure functions from plain case facts to findings.

Each detector reads tuples of `CaseFact` (or `DueFact` for lateness) and its frozen parameter
dataclass, and returns `Finding`s; nothing here touches a database or Qt, so the detectors are
tested on constructed data with known answers and run the same for one new case (the
incremental path: the service hands in only the cases around it) and for a full recomputation.
What the findings become (a stored warning, deduplicated, audited) is the service's business.
"""

from .callers import dispute_pairs, repeat_callers
from .clusters import clusters
from .facts import CaseFact, DueFact, Finding, LonLat, major_of
from .lateness import chronic_lateness
from .params import (
    ClusterParams,
    DisputeParams,
    LatenessParams,
    RecurrenceParams,
    RepeatCallerParams,
    TrendParams,
    WarningParams,
)
from .recurrence import recurrences
from .trend import binomial_upper_tail, rising_trends, trend_windows

__all__ = [
    "CaseFact",
    "ClusterParams",
    "DisputeParams",
    "DueFact",
    "Finding",
    "LatenessParams",
    "LonLat",
    "RecurrenceParams",
    "RepeatCallerParams",
    "TrendParams",
    "WarningParams",
    "binomial_upper_tail",
    "chronic_lateness",
    "clusters",
    "dispute_pairs",
    "major_of",
    "recurrences",
    "repeat_callers",
    "rising_trends",
    "trend_windows",
]
