"""What the drill feed tells its trainer: the feed's counts and where a scenario replay stands.

The drill player (`commandcenter.simulator.scenario_player.ScenarioPlayer`) runs on a worker
thread and hands these frozen snapshots to its `on_progress` callback; the CLI prints them and
the trainer's drill screen shows them, neither needing the player's internals.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


@dataclass(frozen=True)
class DrillProgress:
    """Counts since the drill started."""

    elapsed: float = 0.0  # wall seconds since the start
    cases: int = 0
    registered: int = 0
    accepted: int = 0
    fed_back: int = 0
    positions: int = 0
    escalations: int = 0
    skipped: int = 0  # writes refused because a seat changed the case meanwhile, or the database was busy
    outages: int = 0  # times the database could not be reached
    sent_back: int = 0  # cases a handler returned as not theirs (退回)
    checked: int = 0  # field checks the grid officer answered (核查)
    followed_up: int = 0  # reporters' answers at follow-up (回访)
    events: int = 0  # scenario field events played (off duty, road closed, send-back orders, repeat calls)


class PlayerState(StrEnum):
    """Where a replay stands; FINISHED when the timeline is done (random load alone never finishes)."""

    READY = "ready"
    RUNNING = "running"
    PAUSED = "paused"
    FINISHED = "finished"
    STOPPED = "stopped"


@dataclass(frozen=True)
class PlayerProgress:
    """One snapshot of a replay: timeline position, speed, and the feed's counts.

    Times are scenario seconds (at speed 10, ten of them pass each wall second). `next_at` is
    the next timeline item's offset, None when none is left; `run_id` is the `drill_run` row.
    """

    run_id: int | None
    state: PlayerState
    speed: float
    scenario_elapsed: float
    items_done: int
    items_total: int
    next_at: float | None
    scenario_length: float  # offset of the last timeline item (or the end of its last background window)
    counts: DrillProgress = field(default_factory=DrillProgress)
