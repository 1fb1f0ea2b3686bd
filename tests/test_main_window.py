"""The main window on a demo database: opens offscreen, shows who is signed in and live counts,
navigates between screens, switches language at run time, and refuses bad databases."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QApplication, QTableView

from commandcenter.app import build_window, create_main_window
from commandcenter.clock import FrozenClock
from commandcenter.db import open_database
from commandcenter.errors import DatabaseError
from commandcenter.gui import translator
from commandcenter.gui.tasks import SynchronousRunner
from commandcenter.simulator.demo import generate_demo

from .conftest import START


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    db = open_database(path, clock=FrozenClock(START), create=True)
    generate_demo(db, scale="small", days=3, seed=5)
    db.dispose()
    return path


@pytest.fixture
def window(qtbot, demo_path) -> Iterator:  # type: ignore[no-untyped-def]
    db = open_database(demo_path, clock=FrozenClock(START))
    win = build_window(db, "operator", runner=SynchronousRunner())
    win.resize(1500, 900)
    win.show()
    yield win
    translator.install("en")
    win.close()
    win.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_opens_on_the_demo_with_user_counts_and_screens(window, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    # the counts start once the first screen has loaded
    qtbot.waitUntil(lambda: window.counts_label.text().startswith("Open "))
    assert "[DEMO]" in window.windowTitle()
    assert "operator" in window.user_label.text().lower() or "Operator" in window.user_label.text()
    counts = window.counts_label.text()
    assert counts.startswith("Open ") and "Overdue" in counts
    # 2026-11-25: deadlines can reach 2027, whose holidays chinese-calendar does not know yet
    assert window.calendar_label.isVisible() and "2027" in window.calendar_label.text()
    keys = [window.nav.item(i).data(0x0100) for i in range(window.nav.count())]
    assert keys[:4] == ["wall", "roster", "map", "handover"]
    assert "briefing" not in keys  # operators do not print briefings
    wall = window.findChild(QTableView, "caseWall")
    assert wall.model().rowCount() > 0
    window.show_screen("roster")
    assert window.current_screen_key() == "roster"
    window.grab().save(str(tmp_path / "main.png"))
    assert (tmp_path / "main.png").stat().st_size > 10_000


def test_language_switches_at_run_time(window) -> None:  # type: ignore[no-untyped-def]
    window.set_language("zh_CN")
    QApplication.processEvents()
    assert "网格" in window.windowTitle()
    assert window.nav.item(0).text() == "案件墙"
    wall = window.screen("wall")
    assert wall.model.headerData(0, Qt.Orientation.Horizontal) == "案件编号"
    window.set_language("en")
    QApplication.processEvents()
    assert window.nav.item(0).text() == "Case wall"


def test_create_main_window_refuses_a_foreign_file(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "notes.sqlite"
    bad.write_text("hello")
    with pytest.raises(DatabaseError):
        create_main_window(str(bad), "operator")
    assert bad.read_text() == "hello"


def test_the_personal_demo_database_is_upgraded_on_start(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from alembic import command

    from commandcenter import migrations
    from commandcenter.db import create_db_engine, normalize_url

    path = tmp_path / "old-demo.sqlite"
    engine = create_db_engine(normalize_url(path))
    cfg = migrations.alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
    engine.dispose()
    from .factories import build_tiny_city

    old = open_database(path, check_schema=False)  # users and a city at the old schema
    build_tiny_city(old, system_accounts=False)  # their roles came after 0001
    old.dispose()
    with pytest.raises(DatabaseError):  # a database named on the command line is never upgraded silently
        create_main_window(str(path), "operator")
    window = create_main_window(str(path), "operator", upgrade=True)
    assert window.ctx.db.schema_upgrade == ("0001", migrations.head_revision())  # type: ignore[attr-defined]
    window.close()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
