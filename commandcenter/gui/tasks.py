"""One background helper over QThreadPool: run work off the GUI thread, results by signal.

`run_in_background(fn, on_done, on_error)` runs `fn(state)` on the pool; the callbacks run on
the GUI thread (queued signal). `state` carries progress and cancellation. The pool is
injectable: tests pass a `SynchronousRunner` so tasks complete before the call returns.
"""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)


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
        if self._on_progress is not None:
            self._on_progress(text, fraction)


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
        try:
            result = self.fn(self.state)
        except BaseException as exc:  # delivered to the GUI, never lost in a thread
            log.debug("background task failed: %s", "".join(traceback.format_exception(exc)))
            self.relay.failed.emit(exc)
        else:
            self.relay.done.emit(result)


class TaskRunner(QObject):
    """Runs tasks on a QThreadPool and keeps their relays alive until they report."""

    def __init__(self, pool: QThreadPool | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = pool or QThreadPool.globalInstance()
        self._relays: set[_Relay] = set()
        self._closed = False

    def shutdown(self, msecs: int = 10_000) -> bool:
        """Stop delivering results (their widgets are going away) and wait for running tasks."""
        self._closed = True
        return self.wait(msecs)

    def run_in_background(
        self,
        fn: Callable[[TaskState], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[str, float], None] | None = None,
    ) -> TaskState:
        if self._closed:
            return TaskState()
        relay = _Relay()
        self._relays.add(relay)
        state = TaskState(relay.progressed.emit if on_progress else None)
        if on_progress:
            relay.progressed.connect(on_progress)

        @Slot(object)
        def finished(result: Any) -> None:
            self._relays.discard(relay)
            if self._closed:
                return
            if on_done is not None:
                on_done(result)

        @Slot(object)
        def failed(exc: BaseException) -> None:
            self._relays.discard(relay)
            if self._closed:
                return
            if on_error is not None:
                on_error(exc)
            else:
                log.error("unhandled background error: %r", exc)

        relay.done.connect(finished)
        relay.failed.connect(failed)
        self.pool.start(_Task(fn, relay, state))
        return state

    def wait(self, msecs: int = 10_000) -> bool:
        return self.pool.waitForDone(msecs)


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
