"""One background helper over QThreadPool: run work off the GUI thread, results by signal.

`run_in_background(fn, on_done, on_error)` runs `fn(state)` on the pool; the callbacks run on
the GUI thread (queued signal). `state` carries progress and cancellation. The pool is
injectable: tests pass a `SynchronousRunner` so tasks complete before the call returns.

Closing is part of the contract: `shutdown()` (the main window's close) cancels every task
of the runner and waits for the pool, and a runner whose QObject is destroyed stops
delivering as well. A cancelled task reports nothing, so a result that arrives after its
window is gone never reaches a deleted widget. Each task keeps its relay alive until the task
is over, so a worker never emits through a deleted QObject.
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
        self._on_progress = on_progress

    def cancel(self) -> None:
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def progress(self, text: str, fraction: float) -> None:
        if self._on_progress is not None and not self.cancelled:
            self._on_progress(text, fraction)


class _Relay(QObject):
    done = Signal(object)
    failed = Signal(object)
    progressed = Signal(str, float)


class _Task(QRunnable):
    """Holds its relay (a Python reference) until the pool deletes the task after `run`."""

    def __init__(self, fn: Callable[[TaskState], Any], relay: _Relay, state: TaskState) -> None:
        super().__init__()
        self.fn, self.relay, self.state = fn, relay, state
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self.fn(self.state)
        except BaseException as exc:  # delivered to the GUI, never lost in a thread
            log.debug("background task failed: %s", "".join(traceback.format_exception(exc)))
            if not self.state.cancelled:
                self.relay.failed.emit(exc)
        else:
            if not self.state.cancelled:  # cancelled: the runner is closed, nobody listens
                self.relay.done.emit(result)


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
        # deleted with its window without a close (a parent destroyed): deliver nothing more
        active, gate = self._active, threading.Event()
        self._gate = gate
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
        self._active[relay] = state
        gate = self._gate

        def deliverable(callback: Callable[..., Any] | None) -> bool:
            return callback is not None and not gate.is_set() and _receiver_alive(callback)

        @Slot(str, float)
        def progressed(text: str, fraction: float) -> None:
            if deliverable(on_progress):
                on_progress(text, fraction)  # type: ignore[misc]

        @Slot(object)
        def finished(result: Any) -> None:
            self._active.pop(relay, None)
            if deliverable(on_done):
                on_done(result)  # type: ignore[misc]

        @Slot(object)
        def failed(exc: BaseException) -> None:
            self._active.pop(relay, None)
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
    gate.set()
    for state in list(active.values()):
        state.cancel()


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
