"""The briefing screen on real widgets: build off the GUI thread with progress, record the
issue, open, save and print the PDF; only roles allowed to print briefings see the screen."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDate, Qt, QThreadPool
from PySide6.QtGui import QDesktopServices
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QFileDialog
from sqlalchemy import select

from commandcenter.app import build_window
from commandcenter.gui.context import AppContext
from commandcenter.gui.feed import ChangeFeed
from commandcenter.gui.tasks import SynchronousRunner, TaskRunner
from commandcenter.itemmodels.briefing import IssuedModel
from commandcenter.models import BriefingIssued
from commandcenter.services import briefings
from commandcenter.services.auth import demo_principal
from commandcenter.views.briefing_view import BriefingView

from .day_of_cases import scenario_database


@pytest.fixture
def scenario(tmp_path_factory, tmp_path):  # type: ignore[no-untyped-def]
    db, clock, sc = scenario_database(tmp_path_factory, tmp_path)
    yield db, clock, sc
    db.dispose()


def make_view(qtbot, db, runner=None) -> BriefingView:  # type: ignore[no-untyped-def]
    runner = runner or SynchronousRunner()
    ctx = AppContext(db=db, principal=demo_principal(db, "supervisor"), runner=runner, feed=ChangeFeed(db, runner))
    view = BriefingView(ctx)
    qtbot.addWidget(view)
    view.resize(1200, 700)
    view.show()
    qtbot.waitExposed(view)
    return view


def choose(view: BriefingView, period: str, lang: str) -> None:
    view.date_edit.setDate(QDate(2026, 11, 25))
    view.period_combo.setCurrentIndex(view.period_combo.findData(period))
    view.lang_combo.setCurrentIndex(view.lang_combo.findData(lang))


def test_build_open_save_and_print(qtbot, scenario, monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    db, clock, sc = scenario
    view = make_view(qtbot, db)
    # 08:30 in the morning: the default is yesterday's briefing; shifts come from the database
    assert view.date_edit.date() == QDate(2026, 11, 25)
    assert [view.period_combo.itemData(i) for i in range(view.period_combo.count())] == ["", "Day", "Night"]
    assert not view.open_button.isEnabled() and not view.print_button.isEnabled()
    choose(view, "Night", "zh_CN")
    stages: list[int] = []
    view.progress.valueChanged.connect(stages.append)
    with qtbot.waitSignal(view.built) as built:
        qtbot.mouseClick(view.build_button, Qt.MouseButton.LeftButton)
    path = built.args[0]
    assert stages and stages[-1] == 100 and stages == sorted(stages)
    assert "recorded as issued by supervisor" in view.status.text() and not view.progress.isVisible()
    content = Path(path).read_bytes()
    with db.read() as s:
        row = s.scalars(select(BriefingIssued)).one()
        assert (row.kind, row.lang, row.issued_by, row.file_path) == ("shift", "zh_CN", "supervisor", path)
        assert row.sha256 == hashlib.sha256(content).hexdigest()
    assert view.issued_model.rowCount() == 1 and view.issued is not None
    assert view.kpi_labels["new"][1].text() == str(view.issued.data.kpis.new)
    assert "龙桥街道" in "".join(p.extract_text() for p in PdfReader(path).pages)

    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    qtbot.mouseClick(view.open_button, Qt.MouseButton.LeftButton)
    assert opened == [path]

    target = tmp_path / "saved.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "PDF (*.pdf)"))
    with qtbot.waitSignal(view.saved):
        qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    assert target.read_bytes() == content

    if shutil.which("pdftoppm") is None:
        pytest.skip("printing rasterises with poppler's pdftoppm")
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    with qtbot.waitSignal(view.printed) as printed:
        view.print_briefing(printer)
    pages = len(PdfReader(path).pages)
    assert printed.args == [pages] and len(PdfReader(str(tmp_path / "printed.pdf")).pages) == pages
    assert f"Sent {pages} pages" in view.status.text()


def test_a_build_reloads_the_issued_list_once(qtbot, scenario, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The change notice of its own briefing does not reload the list `_built` has just reloaded."""
    db, clock, sc = scenario
    view = make_view(qtbot, db)
    loads: list[int] = []
    issued = view.ctx.briefings.issued
    monkeypatch.setattr(view.ctx.briefings, "issued", lambda *a: loads.append(1) or issued(*a))
    choose(view, "", "en")
    with qtbot.waitSignal(view.built):
        qtbot.mouseClick(view.build_button, Qt.MouseButton.LeftButton)
    assert view.issued is not None and loads == [1]
    view.ctx.feed.changed.emit("briefing", [view.issued.id])  # the notice of this briefing
    assert loads == [1]
    view.ctx.feed.changed.emit("briefing", [view.issued.id + 1])  # one issued at another seat
    assert loads == [1, 1]


def test_the_build_runs_off_the_gui_thread(qtbot, scenario) -> None:  # type: ignore[no-untyped-def]
    db, clock, sc = scenario
    pool = QThreadPool()
    view = make_view(qtbot, db, runner=TaskRunner(pool))
    qtbot.waitUntil(lambda: view.period_combo.count() == 3)
    choose(view, "", "en")
    with qtbot.waitSignal(view.built, timeout=30_000):
        qtbot.mouseClick(view.build_button, Qt.MouseButton.LeftButton)
        assert not view.build_button.isEnabled()  # busy while the pool works
    assert view.build_button.isEnabled() and view.open_button.isEnabled()
    qtbot.waitUntil(lambda: view.issued_model.rowCount() == 1)
    pool.waitForDone(10_000)


def test_a_failed_build_is_explained(qtbot, scenario, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from commandcenter.reports.fonts import FontMissing

    db, clock, sc = scenario
    view = make_view(qtbot, db)

    def broken(*_a, **_k):  # type: ignore[no-untyped-def]
        raise FontMissing(["/nowhere/font.ttc"])

    monkeypatch.setattr(view.ctx.briefings, "issue", broken)
    qtbot.mouseClick(view.build_button, Qt.MouseButton.LeftButton)
    assert "no Chinese TrueType font" in view.status.text() and view.build_button.isEnabled()
    assert not view.open_button.isEnabled() and briefings.issued_briefings(db, (sc.centre_id,)) == []


def test_issued_model_passes_qtmodeltester(qtmodeltester, scenario, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from datetime import date

    db, clock, sc = scenario
    briefings.issue_briefing(db, demo_principal(db, "supervisor"), centre_id=sc.centre_id, day=date(2026, 11, 25),
                             out=tmp_path / "b.pdf")
    model = IssuedModel()
    model.set_issued(briefings.issued_briefings(db, (sc.centre_id,)), "Asia/Shanghai")
    qtmodeltester.check(model)
    assert model.index(0, IssuedModel.PERIOD).data() == "Day 2026-11-25"


def test_only_supervisors_get_the_screen(qtbot, scenario) -> None:  # type: ignore[no-untyped-def]
    db, clock, sc = scenario
    operator_window = build_window(db, "operator", runner=SynchronousRunner())
    qtbot.addWidget(operator_window)
    assert "briefing" not in operator_window._keys
    operator_window.close()
    window = build_window(db, "supervisor", runner=SynchronousRunner())
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    qtbot.keyClick(window, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    assert window.current_screen_key() == "briefing"
    assert isinstance(window.screen("briefing"), BriefingView)
    window.close()
