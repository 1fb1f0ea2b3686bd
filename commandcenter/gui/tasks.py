"""One background helper over QThreadPool: run work off the GUI thread, results by signal.

`run_in_background(fn, on_done, on_error)` runs `fn(state)` on the pool; the callbacks run on
the GUI thread (queued signal). `state` carries progress and cancellation. The pool is
injectable: tests pass a `SynchronousRunner` so tasks complete before the call returns.

Closing is part of the contract: `shutdown()` (the main window's close) cancels every task
of the runner and waits for the pool, and a runner whose QObject is destroyed cancels its
tasks as well. A cancelled task reports nothing, so a result arriving after its window is
gone never reaches a deleted widget. A task's relay (the QObject its reports travel through)
lives until its report was delivered or the task was cancelled, and cancelling waits for a
report being emitted, so a worker never emits through a deleted QObject.
"""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

# how long the application waits at quit for tasks still running (a long query) before exiting
QUIT_WAIT_MS = 30_000


class TaskState:
    """Shared between the task and the GUI: progress reports and a cancellation flag."""

    def __init__(self, on_progress: Callable[[str, float], None] | None = None) -> None:
        self._cancelled = threading.Event()
        self._lock = threading.RLock()  # a report and a cancellation never overlap
        self._on_progress = on_progress

    def cancel(self) -> None:
        """From now on the task reports nothing; returns after a report in progress is out."""
        with self._lock:
            self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def progress(self, text: str, fraction: float) -> None:
        if self._on_progress is not None:
            on_progress = self._on_progress
            self.report(lambda: on_progress(text, fraction))

    def report(self, emit: Callable[[], None]) -> None:
        """Run `emit` unless the task is cancelled (then its receivers may be gone)."""
        with self._lock:
            if not self._cancelled.is_set():
                emit()


class _Relay(QObject):
    done = Signal(object)
    failed = Signal(object)
    progressed = Signal(str, float)


class _Task(QRunnable):
    def __init__(self, fn: Callable[[TaskState], Any], relay: _Relay, state: TaskState) -> None:
        super().__init__()
        self.fn, self.relay, self.state = fn, relay, state
        self.setAutoDelete(True)

    def run(self) -> None:
        result: Any = None
        failure: BaseException | None = None
        try:
            result = self.fn(self.state)
        except BaseException as exc:  # delivered to the GUI, never lost in a thread
            log.debug("background task failed: %s", "".join(traceback.format_exception(exc)))
            failure = exc
        if failure is None:
            self.state.report(lambda: self.relay.done.emit(result))
        else:
            self.state.report(lambda: self.relay.failed.emit(failure))


def _receiver_alive(callback: Callable[..., Any]) -> bool:
    """False when `callback` is a method of a QObject whose C++ side is already deleted
    (a dialog closed while its load was running)."""
    owner = getattr(callback, "__self__", None)
    return not isinstance(owner, QObject) or shiboken6.isValid(owner)


class TaskRunner(QObject):
    """Runs tasks on a QThreadPool and keeps their relays alive until they report."""

    def __init__(self, pool: QThreadPool | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = pool or QThreadPool.globalInstance()
        self._active: dict[_Relay, TaskState] = {}
        self._gate = threading.Event()  # set: closed, nothing is delivered any more
        # deleted with its window without a close (a parent destroyed): the same as a shutdown
        active, gate = self._active, self._gate
        self.destroyed.connect(lambda *_: _cancel_all(gate, active))

    @property
    def closed(self) -> bool:
        return self._gate.is_set()

    def shutdown(self, msecs: int = 10_000) -> bool:
        """Cancel every task of this runner and wait for the pool; True when it is idle.

        Called when the window goes away: results still on their way are dropped, since
        the widgets they were meant for are being deleted.
        """
        _cancel_all(self._gate, self._active)
        idle = self.wait(msecs)
        if not idle:
            log.warning("background tasks still running %d ms after close", msecs)
        return idle

    def run_in_background(
        self,
        fn: Callable[[TaskState], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[str, float], None] | None = None,
    ) -> TaskState:
        if self.closed:
            state = TaskState()
            state.cancel()
            return state
        relay = _Relay()
        state = TaskState(relay.progressed.emit if on_progress else None)
        active, gate = self._active, self._gate
        active[relay] = state

        def retire() -> None:
            """The report is in: the relay goes, and with it its connections to these closures."""
            active.pop(relay, None)
            relay.deleteLater()

        @Slot(str, float)
        def progressed(text: str, fraction: float) -> None:
            if on_progress is not None and not gate.is_set() and _receiver_alive(on_progress):
                on_progress(text, fraction)

        @Slot(object)
        def finished(result: Any) -> None:
            retire()
            if on_done is not None and not gate.is_set() and _receiver_alive(on_done):
                on_done(result)

        @Slot(object)
        def failed(exc: BaseException) -> None:
            retire()
            if gate.is_set():
                return
            if on_error is None:
                log.error("unhandled background error: %r", exc)
            elif _receiver_alive(on_error):
                on_error(exc)

        relay.progressed.connect(progressed)
        relay.done.connect(finished)
        relay.failed.connect(failed)
        self.pool.start(_Task(fn, relay, state))
        return state

    def wait(self, msecs: int = 10_000) -> bool:
        return self.pool.waitForDone(msecs)


def _cancel_all(gate: threading.Event, active: dict[_Relay, TaskState]) -> None:
    """Close the gate and cancel every task; once cancelled a task never emits again, so its
    relay can go now (deleted, its connections no longer keep the callbacks' widgets alive)."""
    gate.set()
    for relay, state in list(active.items()):
        state.cancel()
        relay.deleteLater()
    active.clear()


class SynchronousRunner(TaskRunner):
    """Runs each task at once on the calling thread: deterministic unit tests."""

    def run_in_background(self, fn, on_done=None, on_error=None, on_progress=None):  # type: ignore[no-untyped-def]
        state = TaskState(on_progress)
        try:
            result = fn(state)
        except BaseException as exc:
            if on_error is None:
                raise
            on_error(exc)
        else:
            if on_done is not None:
                on_done(result)
        return state

    def wait(self, msecs: int = 10_000) -> bool:
        return True
