"""The main window at 100 %, 150 % and 200 % scaling (QT_SCALE_FACTOR, offscreen, one subprocess
per scale): with every screen built, the window still fits 1366 logical pixels (the briefing
screen once made it 1380), the wall's header sections and the status bar's labels are at least as
wide as their text, in English and in Chinese, and the window grabs at the scaled size (the PNGs
are kept in the test's folder for a person to look at)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from commandcenter.clock import FrozenClock
from commandcenter.db import open_database

from .conftest import START
from .factories import build_tiny_city, mark_demo

SCRIPT = textwrap.dedent("""
    import json, sys
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLabel, QTableView
    from commandcenter.app import build_window, ensure_application
    from commandcenter.db import open_database
    from commandcenter.gui import translator
    from commandcenter.gui.tasks import SynchronousRunner

    app = ensure_application()
    database, folder = sys.argv[1:3]
    window = build_window(open_database(database), "supervisor", runner=SynchronousRunner())
    window.resize(1366, 768)
    window.show()
    for _ in range(20):
        app.processEvents()
    for key in window._keys:  # every screen built: the widest one sets the window's minimum width
        window.screen(key)
    results = {}
    for lang in ("en", "zh_CN"):
        window.set_language(lang)
        window.refresh_counts()
        for _ in range(5):
            app.processEvents()
        clipped = []
        wall = window.findChild(QTableView, "caseWall")
        header = wall.horizontalHeader()
        for section in range(header.count()):
            text = str(wall.model().headerData(section, Qt.Orientation.Horizontal) or "")
            if not header.isSectionHidden(section) and header.sectionSize(section) < header.fontMetrics().horizontalAdvance(text):
                clipped.append(text)
        labels = [l for l in window.statusBar().findChildren(QLabel) if l.isVisible() and l.text() and not l.wordWrap()]
        for label in labels:
            if label.contentsRect().width() < label.fontMetrics().horizontalAdvance(label.text()):
                clipped.append(label.text())
        image = window.grab()
        image.save(f"{folder}/main-{lang}.png")
        results[lang] = {"ratio": window.devicePixelRatioF(), "size": [image.width(), image.height()],
                         "clipped": clipped, "status_labels": len(labels), "title": window.file_menu.title()}
    translator.install("en")
    print(json.dumps(results))
    window.close()
""")


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("dpi") / "tiny.sqlite"
    db = open_database(path, clock=FrozenClock(START), create=True)
    build_tiny_city(db)
    mark_demo(db)
    db.dispose()
    return path


@pytest.mark.parametrize("scale", [1, 1.5, 2])
def test_the_main_window_lays_out_at_each_scale(database, tmp_path, scale) -> None:  # type: ignore[no-untyped-def]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_SCALE_FACTOR": str(scale)}
    out = subprocess.run([sys.executable, "-c", SCRIPT, str(database), str(tmp_path)], capture_output=True,
                         text=True, env=env, timeout=120, cwd=Path(__file__).resolve().parent.parent)
    assert out.returncode == 0, out.stderr
    results = json.loads(out.stdout.strip().splitlines()[-1])
    assert [results[lang]["title"] for lang in ("en", "zh_CN")] == ["&File", "文件(&F)"]
    for lang, result in results.items():
        assert result["ratio"] == scale
        assert result["size"] == [round(1366 * scale), round(768 * scale)], lang
        assert result["status_labels"] >= 3, lang  # who is signed in, the counts, the connection …
        assert result["clipped"] == [], lang
        assert (tmp_path / f"main-{lang}.png").stat().st_size > 10_000
