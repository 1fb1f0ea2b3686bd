"""The interface language: which one the program starts in, Qt's own strings following it at run
time, the command line speaking it, errors included, and domain names in one language at a time."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from commandcenter import i18n
from commandcenter.cli_i18n import language_argument
from commandcenter.demo_labels import demo_progress_text
from commandcenter.domain.enums import Priority, SourceChannel
from commandcenter.gui import translator
from commandcenter.services.lifecycle import CaseService
from commandcenter.shapes.cases import NewCase
from commandcenter.simulator.demo.progress import DemoStep
from commandcenter.widgets.case_detail import CaseDetailPanel

from .factories import grid_centre


@pytest.fixture
def english() -> object:
    yield
    translator.install("en")


@pytest.mark.parametrize(("cli", "env", "saved", "expected"), [
    ("zh_CN", "en", "en", "zh_CN"),    # --lang beats everything
    (None, "zh_CN", "en", "zh_CN"),    # the environment beats a choice saved from the menu
    (None, None, "zh_CN", "zh_CN"),    # the saved choice beats the system locale
    (None, "", "zh_CN", "zh_CN"),      # an empty variable is no choice
    (None, "en", None, "en"),
])
def test_language_precedence(monkeypatch, cli, env, saved, expected) -> None:  # type: ignore[no-untyped-def]
    if env is None:
        monkeypatch.delenv("COMMANDCENTER_LANG", raising=False)
    else:
        monkeypatch.setenv("COMMANDCENTER_LANG", env)
    assert translator.choose_language(cli, saved) == expected


def test_without_any_choice_the_system_locale_decides(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("COMMANDCENTER_LANG", raising=False)
    assert translator.choose_language(None, None) == translator.system_language()


def test_qt_standard_buttons_follow_the_language_at_run_time(qtbot, english) -> None:  # type: ignore[no-untyped-def]
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    cancel = box.button(QDialogButtonBox.StandardButton.Cancel)
    assert cancel.text().replace("&", "") == "Cancel"
    translator.install("zh_CN")
    qtbot.waitUntil(lambda: cancel.text().replace("&", "").startswith("取消"))
    translator.install("en")
    qtbot.waitUntil(lambda: cancel.text().replace("&", "") == "Cancel")
    assert i18n.current_language() == "en"


@pytest.mark.parametrize(("argv", "expected"), [
    (["--lang", "zh_CN", "briefing"], "zh_CN"),
    (["--db", "x.sqlite", "--lang=zh_CN"], "zh_CN"),
    (["briefing", "--lang", "zh_CN"], None),  # the briefing's own language, not the interface's
    (["--verbose"], None),
])
def test_lang_is_found_before_parsing(argv, expected) -> None:  # type: ignore[no-untyped-def]
    assert language_argument(argv) == expected


def _cli(*args: str, lang_env: str = "") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COMMANDCENTER_LANG": lang_env, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "commandcenter", *args], capture_output=True, text=True,
                          env=env, timeout=60)


def test_cli_errors_are_in_the_chosen_language(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # an option's value refused by argparse: worded by us, reported through argparse
    out = _cli("--lang", "zh_CN", "briefing", "--db", str(tmp_path / "x.sqlite"), "--date", "soon",
               "--out", str(tmp_path / "b.pdf"))
    assert out.returncode == 2
    assert "不是日期（YYYY-MM-DD）：soon" in out.stderr
    # the environment variable alone is enough
    env = _cli("briefing", "--db", "x", "--date", "soon", "--out", "b.pdf", lang_env="zh_CN")
    assert "不是日期" in env.stderr
    english = _cli("--lang", "en", "briefing", "--db", "x", "--date", "soon", "--out", "b.pdf", lang_env="zh_CN")
    assert "not a date (YYYY-MM-DD): soon" in english.stderr
    # argparse's own words, and a typed error from the database layer
    missing = _cli("--lang", "zh_CN", "briefing", "--db", "x")
    assert "briefing：错误：缺少以下必需参数：--date, --out" in missing.stderr
    nothing = _cli("--lang", "zh_CN", "info", "--db", str(tmp_path / "none.sqlite"))
    assert nothing.returncode == 2 and "处没有数据库" in nothing.stderr


def test_a_case_title_is_in_one_language_at_a_time(qtbot, db, city, operator, english) -> None:  # type: ignore[no-untyped-def]

    svc = CaseService(db)
    lon, lat = grid_centre(0)
    row = svc.report(operator, NewCase(SourceChannel.PATROL, city.category_id, Priority.NORMAL, "垃圾", lon=lon, lat=lat))
    panel = CaseDetailPanel(now=db.clock.now)
    qtbot.addWidget(panel)
    panel.show_detail(svc.detail(operator, row.id))
    assert panel.headline_label.text() == "0101 Fly-tipping"
    translator.install("zh_CN")
    qtbot.waitUntil(lambda: panel.headline_label.text() == "0101 乱倒垃圾")  # re-rendered on the language change
    assert panel.values["category"].text() == "0101 乱倒垃圾"


def test_first_start_progress_is_worded_in_chinese() -> None:
    texts = [demo_progress_text(step, 3, 30, "zh_CN") for step in DemoStep]
    assert texts[2] == "正在写入案件历史：第 3 天，共 30 天"
    assert all(not any("a" <= ch.lower() <= "z" for ch in text) for text in texts)  # no English left
