"""The trainer's drill screen, driven offscreen as a trainer works it.

A tiny scenario (three calls a minute of scenario time apart) plays at 120× on the tiny city
with the real clock (the scenario clock runs on the database's): start, pause, resume, a speed
change, stop; the progress shows the items played and the debrief of the run opens with its
cases. Then the reset button (after its confirmation) puts the demo back as it was.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QHeaderView, QMessageBox, QScrollBar, QWidget
from sqlalchemy import func, select

from commandcenter.app import build_window
from commandcenter.db import Database, open_database
from commandcenter.domain.enums import Priority, SourceChannel
from commandcenter.gui.context import AppContext
from commandcenter.gui.feed import ChangeFeed
from commandcenter.gui.tasks import SynchronousRunner
from commandcenter.models import Case, Category, DrillRun, Grid
from commandcenter.services.auth import demo_principal, system_principal
from commandcenter.services.demo_reset import reset_demo, save_demo_snapshot
from commandcenter.services.lifecycle import CaseService
from commandcenter.shapes.cases import NewCase
from commandcenter.shapes.drill import PlayerState
from commandcenter.views.drill import SCREEN, DrillScreen

from .factories import build_tiny_city, mark_demo
from .test_keyboard_and_names import INTERACTIVE, PARTS_OF, spoken_name

SCENARIO = """\
name: 三个电话
description: 一分钟一个电话
cases:
  - at: 30
    category: "0101"
    priority: urgent
    grid: "35030200100101"
    description: 小区门口垃圾堆积
  - at: 90
    category: "0101"
    grid: "35030200100102"
    description: 楼道堆放杂物
  - at: 150
    category: "0102"
    grid: "35030200100103"
    description: 路灯不亮
"""


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[Database]:
    """The tiny city as a demo, on the real clock, with the snapshot a reset restores."""
    db = open_database(tmp_path / "demo.sqlite", create=True)
    build_tiny_city(db)
    mark_demo(db)
    assert db.path is not None
    save_demo_snapshot(db.path)
    yield db
    db.dispose()


def _context(db: Database, username: str) -> AppContext:
    runner = SynchronousRunner()
    return AppContext(db=db, principal=demo_principal(db, username), runner=runner, feed=ChangeFeed(db, runner))


def _cases(db: Database) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(Case)) or 0)


def test_the_screen_is_offered_to_trainers_on_a_demo_only(demo: Database, tmp_path: Path) -> None:
    assert SCREEN.available(_context(demo, "trainer"))
    assert not SCREEN.available(_context(demo, "operator"))
    plain = open_database(tmp_path / "centre.sqlite", create=True)
    try:
        build_tiny_city(plain)  # the same city, not marked demo
        assert not SCREEN.available(_context(plain, "trainer"))
    finally:
        plain.dispose()


def test_a_trainer_plays_a_scenario_pauses_stops_and_reads_the_debrief(qtbot, demo: Database,  # type: ignore[no-untyped-def]
                                                                        tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "three_calls.yaml"
    path.write_text(SCENARIO, encoding="utf-8")
    screen = DrillScreen(_context(demo, "trainer"))
    qtbot.addWidget(screen)
    screen.scenario_combo.setCurrentIndex(screen.add_scenario(path))
    assert screen.scenario_note.text() == "一分钟一个电话"
    screen.set_speed(120.0)
    before = _cases(demo)

    qtbot.mouseClick(screen.start_button, Qt.MouseButton.LeftButton)
    assert not screen.start_button.isEnabled() and not screen.reset_button.isEnabled()
    qtbot.waitUntil(lambda: screen.last is not None and screen.last.items_done >= 1, timeout=15_000)

    qtbot.mouseClick(screen.pause_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.last is not None and screen.last.state is PlayerState.PAUSED, timeout=5_000)
    assert screen.pause_button.text() == "Resume" and screen.state_label.text() == "Paused"
    qtbot.mouseClick(screen.pause_button, Qt.MouseButton.LeftButton)
    screen.speed_combo.setCurrentIndex(screen.speed_combo.findData(300.0))
    screen.speed_combo.activated.emit(screen.speed_combo.currentIndex())
    qtbot.waitUntil(lambda: screen.last is not None and screen.last.items_done == 3, timeout=15_000)
    assert screen.last.speed == 300.0
    assert screen.items_bar.text() == "3 of 3 scenario items"
    assert screen.next_label.text() == "No scenario item left"

    with qtbot.waitSignal(screen.debrief.loaded, timeout=20_000) as opened:
        qtbot.mouseClick(screen.stop_button, Qt.MouseButton.LeftButton)
    debrief = opened.args[0]
    run_id = debrief.run_id
    assert run_id is not None and screen.debrief.run_combo.currentData() == run_id
    assert debrief.title == "三个电话" and debrief.overall.cases == 3
    assert screen.debrief.cases.rowCount() == 3
    assert debrief.overall.urgent == 1 and debrief.overall.alerts_individual == 1
    assert not screen.control.running and screen.start_button.isEnabled()
    assert screen.counts_label.text().startswith("3 cases fed")  # the run's final counts
    assert _cases(demo) == before + 3

    # the goals the trainer sets change the debrief at once, and are remembered
    screen.debrief.goal_spins["register_minutes"].setValue(120.0)
    screen.debrief.goal_spins["register_minutes"].editingFinished.emit()
    assert screen.debrief.debrief is not None and screen.debrief.debrief.goals.register_minutes == 120.0
    again = DrillScreen(_context(demo, "trainer"))
    qtbot.addWidget(again)
    assert again.debrief.goals().register_minutes == 120.0

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(screen.reset_button, Qt.MouseButton.LeftButton)
    assert "as generated again" in screen.message.text()
    assert _cases(demo) == before
    screen.control.shutdown()


def test_every_control_of_the_screen_has_a_spoken_name(qtbot, demo: Database) -> None:  # type: ignore[no-untyped-def]
    screen = DrillScreen(_context(demo, "trainer"))
    qtbot.addWidget(screen)
    screen.show()
    unnamed = [f"{type(w).__name__} {w.objectName()!r}" for w in screen.findChildren(QWidget)
               if isinstance(w, INTERACTIVE) and not isinstance(w, QScrollBar | QHeaderView)
               and w.isVisibleTo(screen) and not isinstance(w.parent(), PARTS_OF) and not spoken_name(w)]
    assert unnamed == []


def test_a_seat_open_through_a_reset_loses_the_drills_cases_from_its_wall(qtbot, demo: Database) -> None:  # type: ignore[no-untyped-def]
    """Another seat (here the test itself) resets the demo: the open main window hears it on its
    change feed and loads its screens again, so the drill's cases leave the wall."""
    window = build_window(demo, "operator", runner=SynchronousRunner())
    qtbot.addWidget(window)
    window.show()
    wall = window.screen("wall")
    drilled = CaseService(demo).report(system_principal(demo, "drill"), NewCase(
        source=SourceChannel.HOTLINE_12345, category_id=_first_category(demo), priority=Priority.NORMAL,
        description="演练来电", grid_id=_first_grid(demo)))
    qtbot.waitUntil(lambda: wall.model.row_for(drilled.id) is not None, timeout=10_000)
    reset_demo(demo, None)
    qtbot.waitUntil(lambda: wall.model.row_for(drilled.id) is None, timeout=10_000)
    window.ctx.feed.stop()


def _first_category(db: Database) -> int:
    with db.read() as s:
        return int(s.scalar(select(Category.id).where(Category.level == 2).order_by(Category.code)) or 0)


def _first_grid(db: Database) -> int:
    with db.read() as s:
        return int(s.scalar(select(Grid.id).order_by(Grid.id)) or 0)


def test_a_screen_closed_during_a_drill_ends_it(qtbot, demo: Database) -> None:  # type: ignore[no-untyped-def]
    """The main window closed while random load runs: the drill stops and records its end,
    instead of the pool waiting for ever for a loop nobody tells to stop."""
    screen = DrillScreen(_context(demo, "trainer"))
    screen.scenario_combo.setCurrentIndex(0)  # random load only
    screen.rate_spin.setValue(60.0)
    with qtbot.waitSignal(screen.control.started, timeout=15_000) as started:
        screen.start()
    run_id = started.args[0].run_id
    screen.close()
    screen.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    def ended() -> bool:
        with demo.read() as s:
            return s.scalar(select(DrillRun.ended_at).where(DrillRun.id == run_id)) is not None

    qtbot.waitUntil(ended, timeout=10_000)
