"""The running drill as the trainer's screen sees it: one ScenarioPlayer on a thread of its own.

A drill runs for as long as the trainer wants, so it gets its own one-thread pool instead of
holding one of the shared runner's threads (which the screens' queries need). The player is
built on that thread too (it reads the city and resolves the scenario's places), then `run`
blocks there; pause, resume, speed and stop are the player's thread-safe calls. Progress comes
back through queued signals, and only while the task is not cancelled, so a screen closed
during a drill never receives a report.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, Signal

from ...gui.tasks import TaskRunner, TaskState

# the player's own calls, as the screen uses them (simulator.scenario_player.ScenarioPlayer)
PlayerFactory = Callable[[], Any]


class DrillControl(QObject):
    """Starts one drill at a time and relays its progress; `stop` ends it between two writes."""

    started = Signal(object)  # the first progress with the run's id (its drill_run row is written)
    progressed = Signal(object)  # a PlayerProgress, about once a second and on demand
    finished = Signal(object)  # the final PlayerProgress, after a stop or a duration
    failed = Signal(object)  # the exception that refused or ended the drill

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._stopping = threading.Event()  # a stop asked for before the player was built counts too
        # The pool has no Qt parent: a pool deleted with this object would wait in its destructor
        # for a drill that only stops once it is told to. Going away tells it first (`destroyed`
        # comes before the children are deleted); the pool then ends with its last reference.
        stopping = self._stopping
        self.destroyed.connect(lambda *_: stopping.set())
        self._pool = QThreadPool()
        self._pool.setMaxThreadCount(1)
        self._runner = TaskRunner(self._pool, self)
        self._lock = threading.Lock()
        self._player: Any = None
        self._task: TaskState | None = None

    @property
    def running(self) -> bool:
        return self._task is not None

    @property
    def stopping(self) -> bool:
        """A stop was asked for and the drill has not ended yet."""
        return self.running and self._stopping.is_set()

    def start(self, make_player: PlayerFactory) -> None:
        if self._task is not None:
            raise RuntimeError("a drill is already running")
        self._stopping.clear()
        stopping = self._stopping

        def work(state: TaskState) -> Any:
            player = make_player()
            with self._lock:
                self._player = player
            announced = False

            def report(progress: Any) -> None:
                nonlocal announced
                if not announced and progress.run_id is not None:  # the run's row is written
                    announced = True
                    state.report(lambda: self.started.emit(progress))
                state.report(lambda: self.progressed.emit(progress))

            return player.run(report, stop=lambda: state.cancelled or stopping.is_set())

        self._task = self._runner.run_in_background(work, self._done, self._failed)

    def _done(self, final: Any) -> None:
        self._forget()
        self.finished.emit(final)

    def _failed(self, exc: BaseException) -> None:
        self._forget()
        self.failed.emit(exc)

    def _forget(self) -> None:
        self._task = None
        with self._lock:
            self._player = None

    def _call(self, method: str, *args: object) -> None:
        with self._lock:
            player = self._player
        if player is not None:
            getattr(player, method)(*args)

    def progress(self) -> Any:
        """The player's progress now (None before it is built or after it ended)."""
        with self._lock:
            player = self._player
        return player.progress() if player is not None else None

    def pause(self) -> None:
        self._call("pause")

    def resume(self) -> None:
        self._call("resume")

    def set_speed(self, speed: float) -> None:
        self._call("set_speed", speed)

    def stop(self) -> None:
        self._stopping.set()
        self._call("stop")

    def shutdown(self, msecs: int = 10_000) -> bool:
        """Stop the drill and wait for its thread (the screen or the window is closing)."""
        self.stop()
        return self._runner.shutdown(msecs)
