"""Start-up does only what the first screen needs: the other screens are built once it has
loaded (or when asked for), the whole-table counts wait for it too, and opening the window on
the wall loads none of the heavy libraries the other screens, reports and demo use."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from commandcenter import migrations
from commandcenter.app import build_window
from commandcenter.domain.enums import Priority, SourceChannel
from commandcenter.gui.tasks import SynchronousRunner
from commandcenter.services.lifecycle import CaseService
from commandcenter.shapes.cases import NewCase

from .factories import db_argument, grid_centre

HEAVY = ("reportlab", "faker", "shapely", "pypinyin", "pyqtgraph", "alembic")

# opens the main window as `commandcenter --db FILE` does, paints the wall, lists the modules
WINDOW_ON_THE_WALL = """
import json, os, sys
import commandcenter.cli
from PySide6.QtWidgets import QTableView
from commandcenter.app import build_window, ensure_application
from commandcenter.db import open_database
from commandcenter.gui.tasks import SynchronousRunner

ensure_application()
window = build_window(open_database(sys.argv[1]), "operator", runner=SynchronousRunner())
window.show()
wall = window.findChild(QTableView, "caseWall")
wall.viewport().repaint()
print(json.dumps({"rows": wall.model().rowCount(), "modules": sorted(sys.modules)}), flush=True)
os._exit(0)
"""


def report_cases(db, city, operator, n: int = 2) -> None:  # type: ignore[no-untyped-def]
    svc = CaseService(db)
    for i in range(n):
        lon, lat = grid_centre(i)
        svc.report(operator, NewCase(source=SourceChannel.PATROL, category_id=city.category_id,
                                     priority=Priority.NORMAL, description="start-up", lon=lon, lat=lat))


def test_the_window_on_the_wall_loads_no_heavy_library(db, city, operator) -> None:  # type: ignore[no-untyped-def]
    report_cases(db, city, operator)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", WINDOW_ON_THE_WALL, db_argument(db)], env=env,
                          capture_output=True, text=True, check=True, timeout=120)
    shown = json.loads(done.stdout.strip().splitlines()[-1])
    assert shown["rows"] == 2
    loaded = sorted({m.split(".")[0] for m in shown["modules"]} & set(HEAVY))
    assert loaded == []
    assert not [m for m in shown["modules"] if m.startswith(("commandcenter.simulator", "commandcenter.reports"))]


def test_other_screens_and_counts_wait_for_the_first_screen(qtbot, db, city, operator) -> None:  # type: ignore[no-untyped-def]
    report_cases(db, city, operator)
    window = build_window(db, "supervisor", runner=SynchronousRunner())
    qtbot.addWidget(window)
    assert window.findChild(QWidget, "mapScreen") is None
    assert window.counts_label.text() == "Loading…"
    window.show()
    qtbot.waitUntil(lambda: window.findChild(QWidget, "mapScreen") is not None)
    qtbot.waitUntil(lambda: window.counts_label.text().startswith("Open 2 "))
    for key in ("roster", "handover", "briefing"):
        assert type(window.screen(key)).__name__ != "QWidget", key  # built, not the stand-in


def test_a_screen_asked_for_is_built_at_once(qtbot, db, city) -> None:  # type: ignore[no-untyped-def]
    window = build_window(db, "supervisor", runner=SynchronousRunner())
    qtbot.addWidget(window)
    keys = [window.nav.item(i).data(0x0100) for i in range(window.nav.count())]
    assert keys == ["wall", "roster", "map", "handover", "search", "briefing", "follow_ups", "audit"]
    assert window.screen("map").objectName() == "mapScreen"
    window.show_screen("roster")
    assert window.current_screen_key() == "roster"
    assert window.stack.currentWidget() is window.screen("roster")
    assert type(window.screen("roster")).__name__ == "RosterView"


def test_the_newest_script_is_found_without_alembic() -> None:
    assert migrations.script_head() == migrations.head_revision()


class ShownWindows(QObject):
    """Every window shown while installed on the application."""

    def __init__(self) -> None:
        super().__init__()
        self.shown: list[str] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget) and watched.isWindow():
            self.shown.append(f"{type(watched).__name__}({watched.objectName()!r})")
        return False


def test_building_a_screen_behind_a_dialog_shows_no_window(qtbot, db, city) -> None:  # type: ignore[no-untyped-def]
    # screens are built while the operator may be typing in a dialog: a widget shown before its
    # layout adopted it flashed up as a window of its own and took the dialog's focus
    for role in ("operator", "supervisor"):
        window = build_window(db, role, runner=SynchronousRunner())
        qtbot.addWidget(window)
        window.show()
        dialog = QDialog(window)
        dialog.show()
        dialog.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)  # noqa: B023
        watcher = ShownWindows()
        QApplication.instance().installEventFilter(watcher)
        try:
            for i in range(window.nav.count()):
                window.screen(window.nav.item(i).data(0x0100))
            QApplication.processEvents()
        finally:
            QApplication.instance().removeEventFilter(watcher)
        assert watcher.shown == [], role
        assert QApplication.activeWindow() is dialog
        dialog.close()
        window.close()
