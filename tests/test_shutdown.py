"""Closing the main window while background work runs: results meant for the window are
dropped, no thread outlives the close, and nothing is emitted into a deleted QObject.
The suite's leak check (conftest) fails on what a test leaves open or running."""

from __future__ import annotations

import logging
import threading
import time
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QRunnable, QThreadPool
from PySide6.QtWidgets import QLabel

from commandcenter.app import build_window
from commandcenter.db import Database
from commandcenter.gui.tasks import TaskState
from commandcenter.services.info import database_info
from commandcenter.views.main_window import MainWindow

from .conftest import check_for_leaks, live_threads, top_level_widgets

# a ceiling, not a timing goal: a task that ignores its cancellation gives up after this
WORK_CEILING_S = 10.0


@pytest.fixture
def window(qtbot, db: Database, city) -> MainWindow:  # type: ignore[no-untyped-def]
    """The real window on the real pool; the test closes or deletes it itself."""
    win = build_window(db, "operator")
    win.show()
    qtbot.waitExposed(win)
    return win


def deliveries(window: MainWindow) -> tuple[list[Any], dict[str, Any]]:
    """Callbacks that record what arrived and touch the window, as screens' callbacks do."""
    arrived: list[Any] = []

    def on_done(result: Any) -> None:
        arrived.append(result)
        window.counts_label.setText(str(result))

    def on_progress(text: str, _fraction: float) -> None:
        arrived.append(text)
        window.counts_label.setText(text)

    return arrived, {"on_done": on_done, "on_progress": on_progress}


def test_closing_cancels_and_awaits_running_tasks(qtbot, window, db, caplog, capfd) -> None:  # type: ignore[no-untyped-def]
    started = threading.Event()

    def counting_in_slices(state: TaskState) -> str:
        """A long count done in slices, checking for cancellation between them (like a scan)."""
        started.set()
        deadline = time.monotonic() + WORK_CEILING_S
        while not state.cancelled and time.monotonic() < deadline:
            database_info(db)
        state.progress("late progress", 1.0)
        return "late result"

    arrived, callbacks = deliveries(window)
    window.ctx.runner.run_in_background(counting_in_slices, **callbacks)
    qtbot.waitUntil(started.is_set)
    began = time.monotonic()
    window.close()
    assert time.monotonic() - began < WORK_CEILING_S / 2  # cancelled, not waited out
    assert QThreadPool.globalInstance().activeThreadCount() == 0
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()
    assert arrived == []
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert "RuntimeError" not in capfd.readouterr().err


def test_a_result_after_the_window_is_deleted_reaches_nobody(qtbot, window, capfd) -> None:  # type: ignore[no-untyped-def]
    """The window goes without a close (deleted with its parent): a task that cannot be
    cancelled finishes afterwards and its result is dropped, not delivered to dead widgets."""
    started, release = threading.Event(), threading.Event()

    def uncancellable(state: TaskState) -> str:
        started.set()
        release.wait(WORK_CEILING_S)
        state.progress("late progress", 1.0)
        return "late result"

    arrived, callbacks = deliveries(window)
    window.ctx.runner.run_in_background(uncancellable, **callbacks)
    qtbot.waitUntil(started.is_set)
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    release.set()
    assert QThreadPool.globalInstance().waitForDone(int(WORK_CEILING_S * 1000))
    QCoreApplication.processEvents()
    assert arrived == []
    err = capfd.readouterr().err
    assert "RuntimeError" not in err and "Signal source has been deleted" not in err


def test_the_leak_check_fails_on_a_window_left_open(qapp) -> None:  # type: ignore[no-untyped-def]
    widgets, threads = top_level_widgets(), live_threads()
    window = QLabel("left open")
    window.setObjectName("leftOpen")
    window.show()
    try:
        with pytest.raises(AssertionError, match=r"top-level widgets leaked.*QLabel\('leftOpen', visible=True\)"):
            check_for_leaks(widgets, threads, grace_ms=0)
    finally:
        window.close()
        window.deleteLater()
    check_for_leaks(widgets, threads, grace_ms=0)  # closed and deleted: nothing left


class Blocked(QRunnable):
    def __init__(self, release: threading.Event) -> None:
        super().__init__()
        self.release = release

    def run(self) -> None:
        self.release.wait(WORK_CEILING_S)


def test_the_leak_check_fails_on_a_running_thread_and_pool_task() -> None:
    widgets, threads = top_level_widgets(), live_threads()
    release = threading.Event()
    thread = threading.Thread(target=release.wait, args=(WORK_CEILING_S,), name="leftRunning")
    thread.start()
    QThreadPool.globalInstance().start(Blocked(release))
    try:
        with pytest.raises(AssertionError, match=r"1 QThreadPool task\(s\) still running.*threads still running.*leftRunning"):
            check_for_leaks(widgets, threads, grace_ms=50)
    finally:
        release.set()
        thread.join()
        QThreadPool.globalInstance().waitForDone()
    check_for_leaks(widgets, threads, grace_ms=0)
