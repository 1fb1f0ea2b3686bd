"""Loaded rows are kept out of the cyclic garbage collector's way: a full collection walking the
wall's 82,000 tracked rows stopped every thread, the GUI thread included, for 310 ms."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QEvent

from commandcenter.app import build_window
from commandcenter.domain.enums import Priority, SourceChannel
from commandcenter.gui.context import AppContext
from commandcenter.gui.feed import ChangeFeed
from commandcenter.gui.tasks import SynchronousRunner
from commandcenter.services.auth import demo_principal
from commandcenter.services.lifecycle import CaseService
from commandcenter.shapes.cases import NewCase
from commandcenter.views.roster import RosterView

from .factories import grid_centre


@pytest.fixture
def unfrozen() -> Iterator[None]:
    """Start with nothing frozen, and leave nothing frozen for the tests after this one."""
    gc.unfreeze()
    yield
    gc.unfreeze()


def test_a_full_wall_load_freezes_its_rows(qtbot, db, city, operator, unfrozen) -> None:  # type: ignore[no-untyped-def]
    lon, lat = grid_centre(0)
    for i in range(3):
        CaseService(db).report(operator, NewCase(source=SourceChannel.PATROL, category_id=city.category_id,
                                                 priority=Priority.NORMAL, description=f"#{i}", lon=lon, lat=lat))
    assert gc.get_freeze_count() == 0
    window = build_window(db, "operator", runner=SynchronousRunner())
    try:
        wall = window.screen("wall")
        assert wall.model.rowCount() == 3
        assert gc.get_freeze_count() > 0
        row = wall.model.row_at(0)
        assert not any(o is row for o in gc.get_objects())  # in no generation a collection walks
    finally:
        window.close()
        window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_the_roster_load_freezes_its_officers(qtbot, db, city, unfrozen) -> None:  # type: ignore[no-untyped-def]
    runner = SynchronousRunner()
    view = RosterView(AppContext(db=db, principal=demo_principal(db, "supervisor"), runner=runner, feed=ChangeFeed(db, runner)))
    qtbot.addWidget(view)
    row = view.model.row_at(0)
    assert gc.get_freeze_count() > 0 and not any(o is row for o in gc.get_objects())
