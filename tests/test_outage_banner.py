"""The main window while the change feed cannot reach the database: a banner, the screens kept,
actions refused before anything is sent, and all of it undone when the feed reaches it again.

The feed is driven by hand (its timer and listener stopped) and its read made to fail, so this
runs on either engine in a second; the real server stopped and restarted is
tests/test_live_sync_postgres.py.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QEvent

from commandcenter.app import build_window
from commandcenter.domain.actions import Action
from commandcenter.domain.enums import Priority, SourceChannel
from commandcenter.errors import ServerUnreachable
from commandcenter.gui import feed as feed_module
from commandcenter.gui.tasks import SynchronousRunner
from commandcenter.services.auth import demo_principal
from commandcenter.services.lifecycle import CaseService
from commandcenter.shapes.cases import NewCase
from commandcenter.views import wall_view
from commandcenter.views.main_window import MainWindow

from .factories import grid_centre


@pytest.fixture
def window(qtbot, db, city) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    win = build_window(db, "operator", runner=SynchronousRunner())
    win.resize(1400, 850)
    win.show()
    win.ctx.feed.stop()  # polled by hand below
    yield win
    win.close()
    win.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_a_lost_server_shows_the_banner_refuses_actions_and_recovers(
        window, db, city, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    refusals: list[str] = []
    monkeypatch.setattr(wall_view.QMessageBox, "warning", lambda _parent, _title, text: refusals.append(text))
    lon, lat = grid_centre(0)
    row = CaseService(db).report(demo_principal(db, "operator"), NewCase(
        source=SourceChannel.PATROL, category_id=city.category_id, priority=Priority.NORMAL, description="树枝折断",
        lon=lon, lat=lat))
    feed, wall = window.ctx.feed, window.screen("wall")
    feed.poll()
    assert wall.model.case(row.id) is not None and not window.outage_banner.isVisible()

    def unreachable(*_args: object) -> list[object]:
        raise OSError("server closed the connection unexpectedly")

    real = feed_module.changes_since
    monkeypatch.setattr(feed_module, "changes_since", unreachable)
    feed.poll()
    assert window.outage_banner.isVisible()
    assert "cannot be reached since 10:00:00" in window.outage_banner.message.text()
    assert window.outage_banner.message.toolTip() == "server closed the connection unexpectedly"
    assert window.connection_label.text() == "Database unreachable — retrying"
    rows = wall.model.rowCount()
    assert wall.select_case(row.id)
    wall.run_action(Action.REGISTER)
    assert len(refusals) == 1 and "Nothing was sent" in refusals[0]
    with pytest.raises(ServerUnreachable):  # every service call, not only the wall's
        window.ctx.cases.detail(window.ctx.principal, row.id)
    assert wall.model.rowCount() == rows and wall.model.case(row.id).status == "reported"  # still readable

    monkeypatch.setattr(feed_module, "LONG_OUTAGE_S", 0.0)
    monkeypatch.setattr(feed_module, "changes_since", real)
    reloads: list[bool] = []
    monkeypatch.setattr(wall, "reload", lambda: reloads.append(True))
    feed.poll()
    assert not window.outage_banner.isVisible() and window.connection_label.text() == "Live"
    assert reloads == [True]  # a long outage: the screens reload in full
    wall.run_action(Action.REGISTER)
    assert wall.model.case(row.id).status == "registered" and len(refusals) == 1
    history = window.ctx.cases.detail(window.ctx.principal, row.id).history
    assert [h.action for h in history].count("register") == 1


def test_after_a_short_outage_the_changes_just_before_it_are_emitted_again(
        window, db, city, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    feed = window.ctx.feed
    lon, lat = grid_centre(1)
    row = CaseService(db).report(demo_principal(db, "operator"), NewCase(
        source=SourceChannel.PATROL, category_id=city.category_id, priority=Priority.NORMAL, description="积水",
        lon=lon, lat=lat))
    emitted: list[tuple[str, list[int]]] = []
    feed.changed.connect(lambda entity, ids: emitted.append((entity, ids)))
    feed.poll()
    assert emitted == [("case", [row.id])]
    real = feed_module.changes_since

    def unreachable(*_args: object) -> list[object]:
        raise OSError("no route to host")

    monkeypatch.setattr(feed_module, "changes_since", unreachable)
    feed.poll()  # the wall's fetch of the row may have failed with it: nothing would refetch it
    monkeypatch.setattr(feed_module, "changes_since", real)
    reloads: list[bool] = []
    feed.resync_needed.connect(lambda: reloads.append(True))
    feed.poll()
    assert emitted == [("case", [row.id]), ("case", [row.id])] and reloads == []


def test_a_connection_cut_during_an_action_is_one_plain_line_telling_to_check() -> None:
    """The feed had not noticed yet: the driver's error reaches the user as a sentence, not SQL."""
    from sqlalchemy.exc import OperationalError

    from commandcenter.labels import describe_error

    cut = OperationalError("UPDATE case_record SET …", {}, Exception("server closed the connection unexpectedly\n"
                                                                     "\tThis probably means the server terminated"))
    text = describe_error(cut, "en")
    assert text == ("The connection to the database broke during this action (server closed the connection "
                    "unexpectedly). It may or may not have been saved: the program reconnects by itself; check the "
                    "case before trying again.")
    assert "UPDATE" not in text
