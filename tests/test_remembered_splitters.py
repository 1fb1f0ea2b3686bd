"""Splitters other than the wall's are remembered (gui/settings.remember_splitter): a divider
dragged on the search screen is where the next search screen opens it; a resize by the
program (not a drag) saves nothing."""

from __future__ import annotations

from PySide6.QtWidgets import QSplitter

from commandcenter.gui import settings
from commandcenter.views.search_view import SearchView

from .test_dialogs import ctx, open_widget, widgets  # noqa: F401 - fixtures


def test_search_splitter_is_remembered_in_the_next_screen(qtbot, widgets, ctx) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    first = open_widget(widgets, qtbot=qtbot, w=SearchView(ctx))
    first.resize(1200, 700)
    splitter = first.findChild(QSplitter, "searchSplitter")
    assert splitter is not None
    qtbot.waitUntil(lambda: splitter.width() > 1000 and sum(splitter.sizes()) > 1000, timeout=2000)
    splitter.setSizes([700, 500])  # the program's own resize is not the user's choice
    assert not settings.SEARCH_SPLITTER.get()
    before = splitter.sizes()
    splitter.moveSplitter(before[0] + 120, 1)  # as a drag of the divider does
    dragged = splitter.sizes()
    assert dragged[0] == before[0] + 120 and settings.SEARCH_SPLITTER.get()
    second = open_widget(widgets, qtbot=qtbot, w=SearchView(ctx))
    second.resize(1200, 700)
    restored = second.findChild(QSplitter, "searchSplitter")
    assert restored is not None
    qtbot.waitUntil(lambda: restored.width() > 1000 and sum(restored.sizes()) > 1000, timeout=2000)
    assert restored.sizes() == dragged
