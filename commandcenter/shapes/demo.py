"""What a demo reset reports to the trainer's screen and the command line."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DemoResetResult:
    """Cases before and after a reset, and how many shown rows it changed (what seats reload)."""

    cases_before: int
    cases_after: int
    rows_changed: int
    seconds: float
