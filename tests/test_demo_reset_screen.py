"""The drill screen's reset on the engine under test, watched by another seat's open wall.

Two seats on one database, each with its own engine as two workstations have: the trainer's
drill screen resets the demo (after its confirmation); the operator's main window, open on the
other, hears it on its change feed (LISTEN/NOTIFY on PostgreSQL, the poll on SQLite) and the
drill's case leaves its wall. On the PostgreSQL pass `db` is a database on the private cluster.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import func, select

from commandcenter.app import build_window
from commandcenter.db import Database, open_database
from commandcenter.domain.enums import Priority, SourceChannel
from commandcenter.gui.context import AppContext
from commandcenter.gui.feed import ChangeFeed
from commandcenter.gui.tasks import SynchronousRunner
from commandcenter.models import Case, Category, Grid
from commandcenter.services.auth import demo_principal, system_principal
from commandcenter.services.demo_reset import save_demo_snapshot
from commandcenter.services.lifecycle import CaseService
from commandcenter.shapes.cases import NewCase
from commandcenter.views.drill import DrillScreen

from .factories import build_tiny_city, mark_demo


@pytest.fixture
def demo(db: Database) -> Database:
    """The tiny city as a demo, with the snapshot the demo command keeps."""
    build_tiny_city(db)
    mark_demo(db)
    save_demo_snapshot(db)
    return db


def _cases(db: Database) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(Case)) or 0)


def _drill_case(db: Database) -> int:
    with db.read() as s:
        category = s.scalar(select(Category.id).where(Category.level == 2).order_by(Category.code))
        grid = s.scalar(select(Grid.id).order_by(Grid.id))
    assert category is not None and grid is not None
    return CaseService(db).report(system_principal(db, "drill"), NewCase(
        source=SourceChannel.HOTLINE_12345, category_id=category, priority=Priority.NORMAL,
        description="演练来电", grid_id=grid)).id


def test_the_trainers_reset_clears_a_drill_case_from_another_seats_wall(qtbot, demo: Database,  # type: ignore[no-untyped-def]
                                                                        monkeypatch) -> None:
    generated = _cases(demo)
    seat = open_database(demo.url.render_as_string(hide_password=False))  # the operator's workstation
    window = build_window(seat, "operator", runner=SynchronousRunner())  # disposes `seat` when closed
    qtbot.addWidget(window)
    window.show()
    wall = window.screen("wall")
    drilled = _drill_case(demo)
    qtbot.waitUntil(lambda: wall.model.row_for(drilled) is not None, timeout=10_000)

    runner = SynchronousRunner()
    screen = DrillScreen(AppContext(db=demo, principal=demo_principal(demo, "trainer"), runner=runner,
                                    feed=ChangeFeed(demo, runner)))
    qtbot.addWidget(screen)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(screen.reset_button, Qt.MouseButton.LeftButton)

    assert "as generated again" in screen.message.text(), screen.message.text()
    assert _cases(demo) == generated
    qtbot.waitUntil(lambda: wall.model.row_for(drilled) is None, timeout=10_000)
    window.ctx.feed.stop()
    screen.control.shutdown()
