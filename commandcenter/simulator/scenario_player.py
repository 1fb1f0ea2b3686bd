"""The drill's public face for the CLI and the trainer's drill screen: replay a scenario, pause, speed up, stop.

Public API (no Qt; every method but `run` may be called from any thread):

    scenario = load_scenario(path)            # simulator.scenario; ScenarioInvalid lists (line, reason)
    player = ScenarioPlayer(db, scenario,     # or None for random load only
                            speed=10, seed=7, rate=2.0, background=False,
                            centre_code=None, started_by=trainer_principal)
    player.warnings                           # (line, text): places that fell back to a seeded grid
    player.run(on_progress, stop=lambda: False, on_connection=..., duration=None)  # blocks: worker thread
    player.pause(); player.resume(); player.set_speed(60); player.stop()
    player.progress()                         # a PlayerProgress snapshot (shapes.drill)
    player.run_id                             # the drill_run row, once started (None before)

The constructor refuses, before anything is written: a database not marked as demo
(NotADemoDatabase), a `started_by` without the RUN_DRILL right (PermissionDenied), a scenario
the city cannot play (ScenarioInvalid: unknown category, grid or officer, a point outside the
area), a bad speed or rate (ValidationError). `run` writes the `drill_run` row, then cases with
their `drill_case` rows (`models.drill`: run, scenario item, scheduled offset, intended category,
grid and priority: what a debrief reads), and returns when stopped or after `duration` wall
seconds; once the timeline is played the state is FINISHED and the field goes on answering the
operators until `stop()`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import replace

from ..db import Database
from ..services.auth import Principal
from ..shapes.drill import DrillProgress, PlayerProgress, PlayerState
from .drill import Drill, parse_speed
from .scenario import Scenario

__all__ = ["PlayerProgress", "PlayerState", "ScenarioPlayer"]


class ScenarioPlayer:
    """One replay of a scenario (and/or random load) on a demo database, controlled from another thread."""

    def __init__(self, db: Database, scenario: Scenario | None, speed: float | str | None = None,
                 seed: int | None = None, *, rate: float | str | None = None, background: bool = False,
                 centre_code: str | None = None, started_by: Principal | None = None) -> None:
        if speed is None:
            speed = scenario.speed if scenario is not None else 1.0
        if seed is None:
            seed = scenario.seed if scenario is not None and scenario.seed is not None else 1
        self.scenario = scenario
        self.seed = seed
        self.drill = Drill(db, rate, seed, centre_code, scenario=scenario, speed=speed, background=background,
                           started_by=started_by)
        self._lock = threading.Lock()
        self._stopped = threading.Event()
        self._state = PlayerState.READY
        self._counts = DrillProgress()

    @property
    def run_id(self) -> int | None:
        return self.drill.run_id

    @property
    def warnings(self) -> tuple[tuple[int, str], ...]:
        """(line, text) for each place the city has not, placed in a seeded grid instead."""
        return self.drill.placed.warnings if self.drill.placed is not None else ()

    @property
    def items_total(self) -> int:
        return len(self.drill.timeline)

    def progress(self) -> PlayerProgress:
        """Where the replay stands now."""
        drill = self.drill
        with self._lock:
            state, counts = self._state, self._counts
        if state in (PlayerState.RUNNING, PlayerState.PAUSED) and drill.timeline and drill.timeline_done:
            state = PlayerState.FINISHED
        if state is PlayerState.RUNNING and drill.clock.paused:
            state = PlayerState.PAUSED
        length = self.scenario.length if self.scenario is not None else 0.0
        return PlayerProgress(run_id=drill.run_id, state=state, speed=drill.clock.speed,
                              scenario_elapsed=drill.clock.now(), items_done=drill.items_done,
                              items_total=len(drill.timeline), next_at=drill.next_item_at(),
                              scenario_length=length, counts=counts)

    def run(self, on_progress: Callable[[PlayerProgress], None] = lambda p: None,
            stop: Callable[[], bool] = lambda: False, *,
            on_connection: Callable[[str | None], None] = lambda reason: None,
            duration: float | None = None) -> PlayerProgress:
        """Play until `stop()` (the method, or the callable given) is true or `duration` wall seconds
        have passed; blocks, so call it on a worker thread. `on_progress` is called about once a
        wall second, on that thread."""
        with self._lock:
            if self._state is not PlayerState.READY:
                raise RuntimeError("a ScenarioPlayer runs once")
            self._state = PlayerState.RUNNING

        def counted(counts: DrillProgress) -> None:
            with self._lock:
                self._counts = counts
            on_progress(self.progress())

        try:
            final = self.drill.run(duration, on_progress=counted, stop=lambda: self._stopped.is_set() or stop(),
                                   on_connection=on_connection)
        finally:
            with self._lock:
                self._state = PlayerState.STOPPED
        with self._lock:
            self._counts = final
        return replace(self.progress(), state=PlayerState.STOPPED)

    def pause(self) -> None:
        """Hold the scenario clock: nothing new arrives and no handler answers until `resume`."""
        self.drill.clock.pause()

    def resume(self) -> None:
        self.drill.clock.resume()

    def set_speed(self, speed: float | str) -> None:
        """Play `speed` times faster than the wall from now on (ValidationError if out of range)."""
        self.drill.clock.set_speed(parse_speed(speed))

    def stop(self) -> None:
        """End the run between two writes; `run` returns soon after."""
        self._stopped.set()
