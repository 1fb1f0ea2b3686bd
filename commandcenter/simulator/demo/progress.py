"""What the demo generator reports while it works: a step code and plain figures, no words.

The command line and the first-start dialog word these in the user's language (`demo_labels`);
the service neither knows the language nor imports Qt.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum


class DemoStep(StrEnum):
    """The steps of a generation, in order."""

    MAP = "map"  # drawing districts, streets, communities and grids
    STAFF = "staff"  # centres, users, officers, departments
    CASES = "cases"  # planning and writing the case history, `days_done` of `days`
    INDEXES = "indexes"  # rebuilding the case table's indexes
    DONE = "done"


@dataclass(frozen=True)
class DemoProgress:
    """One report: the step, how far the whole generation is (0..1) and, for cases, the days done."""

    step: DemoStep
    fraction: float
    days_done: int = 0
    days: int = 0


Progress = Callable[[DemoProgress], None]
# where each step starts, as a fraction of the whole generation (the cases take the rest)
STAFF_FRACTION, CASES_FRACTION, INDEXES_FRACTION = 0.02, 0.04, 0.95
