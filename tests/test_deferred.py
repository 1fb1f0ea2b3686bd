"""Hidden screens refresh once when shown, not on every change while hidden."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from commandcenter.gui.deferred import RefreshWhenShown


def test_refresh_waits_until_shown(qtbot) -> None:  # type: ignore[no-untyped-def]
    widget = QWidget()
    qtbot.addWidget(widget)
    calls: list[int] = []
    refresher = RefreshWhenShown(widget, lambda: calls.append(1))
    refresher.request()
    refresher.request()
    assert calls == [] and refresher.stale
    widget.show()
    qtbot.waitUntil(lambda: calls == [1])
    refresher.request()  # visible: at once
    assert calls == [1, 1] and not refresher.stale
