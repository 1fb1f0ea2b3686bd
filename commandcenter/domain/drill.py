"""What a drill run writes: the kinds of case it creates (stored in `drill_case.kind`)."""

from __future__ import annotations

from enum import StrEnum


class DrillCaseKind(StrEnum):
    """Why a drill run created a case; a debrief scores scenario items, and shows the rest as load."""

    SCENARIO = "scenario"  # a timed case of the scenario file
    REPEAT_CALL = "repeat_call"  # a reporter calling again about a scenario case (a duplicate to merge)
    ROAD_CLOSED = "road_closed"  # the case a scenario's road closure raises
    RANDOM = "random"  # random load (--rate, or the scenario's background windows)
