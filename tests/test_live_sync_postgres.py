"""Several seats on one PostgreSQL server: live sync by LISTEN/NOTIFY, conflicts, an outage.

Each seat is a real main window on an engine of its own (as two workstations would be), on the
private cluster. The safety poll is set to ten minutes, so a change that arrives within a second
can only have come through a notification.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from sqlalchemy import func, select

from commandcenter.app import build_window
from commandcenter.clock import FrozenClock
from commandcenter.db import Database, open_database
from commandcenter.domain.actions import Action
from commandcenter.domain.enums import Priority, SourceChannel
from commandcenter.errors import ServerUnreachable, StaleCase
from commandcenter.gui import feed as feed_module
from commandcenter.gui.tasks import SynchronousRunner
from commandcenter.labels import describe_error
from commandcenter.models import CaseHistory
from commandcenter.services.auth import demo_principal
from commandcenter.services.lifecycle import CaseService, TransitionParams
from commandcenter.shapes.cases import CaseRow, NewCase
from commandcenter.views import wall_view
from commandcenter.views.main_window import MainWindow

from .conftest import START
from .factories import TinyCity, build_tiny_city, grid_centre
from .pg_cluster import PostgresServer

pytestmark = pytest.mark.postgres

NO_SAFETY_POLL_MS = 600_000
WITHIN_S = 1.0


@dataclass
class Centre:
    url: str
    city: TinyCity
    databases: list[Database]

    def seat_database(self) -> Database:
        db = open_database(self.url, clock=FrozenClock(START))
        self.databases.append(db)
        return db


@pytest.fixture
def centre(pg_url: str) -> Iterator[Centre]:
    db = open_database(pg_url, clock=FrozenClock(START), create=True)
    here = Centre(pg_url, build_tiny_city(db), [db])
    yield here
    for opened in here.databases:
        opened.dispose()


def seat(windows: list[MainWindow], qtbot, centre: Centre, username: str) -> MainWindow:  # type: ignore[no-untyped-def]
    """A main window on an engine of its own, listening, with its safety poll out of the way."""
    window = build_window(centre.seat_database(), username, runner=SynchronousRunner())
    windows.append(window)
    window.resize(1400, 850)
    window.show()
    window.ctx.feed.set_interval(NO_SAFETY_POLL_MS)
    qtbot.waitUntil(lambda: window.ctx.feed.listening, timeout=5000)
    return window


def report(db: Database, city: TinyCity, text: str, register: bool = True) -> CaseRow:
    lon, lat = grid_centre(0)
    return CaseService(db).report(demo_principal(db, "operator"), NewCase(
        source=SourceChannel.PATROL, category_id=city.category_id, priority=Priority.HIGH, description=text,
        lon=lon, lat=lat), register=register)


def history_count(db: Database, case_id: int, action: str) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(CaseHistory)
                            .where(CaseHistory.case_id == case_id, CaseHistory.action == action)) or 0)


def test_a_change_at_one_seat_is_on_the_other_seats_wall_within_a_second_by_notify(
        qtbot, windows, centre) -> None:  # type: ignore[no-untyped-def]
    a, b = seat(windows, qtbot, centre, "operator"), seat(windows, qtbot, centre, "supervisor")
    wall_a, wall_b = a.screen("wall"), b.screen("wall")
    woken = b.ctx.feed.woken_by_notify
    started = time.monotonic()
    row = a.ctx.cases.report(a.ctx.principal, NewCase(
        source=SourceChannel.PATROL, category_id=centre.city.category_id, priority=Priority.URGENT,
        description="路灯倒伏", lon=grid_centre(1)[0], lat=grid_centre(1)[1]), register=True)
    qtbot.waitUntil(lambda: wall_b.model.case(row.id) is not None, timeout=int(WITHIN_S * 1000))
    assert time.monotonic() - started < WITHIN_S
    assert b.ctx.feed.woken_by_notify > woken  # a notification woke it: the safety poll is ten minutes away

    # and back: seat B dispatches, seat A's row follows
    b.ctx.cases.perform(b.ctx.principal, row.id, Action.DISPATCH,
                        TransitionParams(officer_id=centre.city.officer_ids[0]), expected_version=row.version)
    qtbot.waitUntil(lambda: wall_a.model.case(row.id).status == "dispatched", timeout=int(WITHIN_S * 1000))


def test_a_simultaneous_dispatch_has_one_winner_and_the_loser_is_told_who_won(
        qtbot, windows, centre) -> None:  # type: ignore[no-untyped-def]
    a, b = seat(windows, qtbot, centre, "operator"), seat(windows, qtbot, centre, "supervisor")
    row = report(centre.databases[0], centre.city, "井盖缺失")
    wall_a, wall_b = a.screen("wall"), b.screen("wall")
    qtbot.waitUntil(lambda: wall_a.model.case(row.id) is not None and wall_b.model.case(row.id) is not None,
                    timeout=3000)
    results: dict[str, object] = {}
    go = threading.Barrier(2)

    def dispatch(name: str, window: MainWindow, officer: int) -> None:
        go.wait()
        try:
            results[name] = window.ctx.cases.perform(window.ctx.principal, row.id, Action.DISPATCH,
                                                     TransitionParams(officer_id=officer),
                                                     expected_version=row.version)
        except StaleCase as exc:
            results[name] = exc

    threads = [threading.Thread(target=dispatch, args=("a", a, centre.city.officer_ids[0])),
               threading.Thread(target=dispatch, args=("b", b, centre.city.officer_ids[1]))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    [(loser, conflict)] = [(k, v) for k, v in results.items() if isinstance(v, StaleCase)]
    [(winner, done)] = [(k, v) for k, v in results.items() if isinstance(v, CaseRow)]
    assert history_count(centre.databases[0], row.id, "dispatch") == 1
    winner_name = {"a": "Operator", "b": "Supervisor"}[winner]
    message = describe_error(conflict)
    assert "Dispatch" in message and winner_name in message, message
    # the loser's wall shows what won, through the feed
    loser_wall = {"a": wall_a, "b": wall_b}[loser]
    qtbot.waitUntil(lambda: loser_wall.model.case(row.id).assignee_officer_id == done.assignee_officer_id,
                    timeout=int(WITHIN_S * 1000))


def test_a_stale_dispatch_in_the_dialog_names_the_step_that_won(qtbot, windows, centre) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    from commandcenter.views.dialogs.dispatch import DispatchDialog

    b = seat(windows, qtbot, centre, "supervisor")
    row = report(centre.databases[0], centre.city, "占道经营")
    wall = b.screen("wall")
    qtbot.waitUntil(lambda: wall.model.case(row.id) is not None, timeout=3000)
    assert wall.select_case(row.id)
    wall.run_action(Action.DISPATCH)
    dialog = next(w for w in wall.findChildren(DispatchDialog) if w.isVisible())
    qtbot.waitUntil(lambda: dialog.recommendationList.count() > 0, timeout=3000)
    other = centre.seat_database()  # another workstation dispatches first
    CaseService(other).perform(demo_principal(other, "operator"), row.id, Action.DISPATCH,
                               TransitionParams(officer_id=centre.city.officer_ids[1]), expected_version=row.version)
    qtbot.keyClick(dialog.recommendationList, Qt.Key.Key_Return)
    text = dialog.messageLabel.text()
    assert "changed at another seat: Dispatch by Operator at 10:00:00" in text, text
    assert history_count(other, row.id, "dispatch") == 1
    qtbot.waitUntil(lambda: wall.model.case(row.id).status == "dispatched", timeout=int(WITHIN_S * 1000))
    dialog.close()


def test_a_stopped_server_shows_a_banner_refuses_actions_and_catches_up_after(
        qtbot, windows, centre, pg_server: PostgresServer, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(feed_module, "LONG_OUTAGE_S", 0.0)  # this outage counts as long: screens reload
    refusals: list[str] = []
    monkeypatch.setattr(wall_view.QMessageBox, "warning", lambda _parent, _title, text: refusals.append(text))
    reported = report(centre.databases[0], centre.city, "垃圾满溢", register=False)
    a, b = seat(windows, qtbot, centre, "operator"), seat(windows, qtbot, centre, "supervisor")
    wall_a = a.screen("wall")
    qtbot.waitUntil(lambda: wall_a.model.case(reported.id) is not None, timeout=3000)
    rows_before = wall_a.model.rowCount()
    # seat A retries slowly, so a change made right after the restart can reach it only by catching up
    a.ctx.feed.backoff.first_s = a.ctx.feed.backoff.max_s = 5.0
    failures = a.ctx.feed.listener_failures
    emitted: list[tuple[str, list[int]]] = []
    a.ctx.feed.changed.connect(lambda entity, ids: emitted.append((entity, ids)))
    with pg_server.stopped():
        qtbot.waitUntil(lambda: a.outage_banner.isVisible() and b.outage_banner.isVisible(), timeout=3000)
        assert "cannot be reached" in a.outage_banner.message.text()
        assert wall_a.model.rowCount() == rows_before and wall_a.table.isEnabled()  # still readable
        assert wall_a.select_case(reported.id)
        wall_a.run_action(Action.REGISTER)  # refused before anything is sent
        qtbot.waitUntil(lambda: len(refusals) == 1, timeout=3000)
        assert "cannot be reached" in refusals[0] and "Nothing was sent" in refusals[0]
        with pytest.raises(ServerUnreachable):
            b.ctx.cases.perform(b.ctx.principal, reported.id, Action.REGISTER, expected_version=reported.version)
        qtbot.waitUntil(lambda: a.ctx.feed.listener_failures > failures + 1, timeout=10_000)
    # another workstation reports a case before seat A's listener is back: no notification reaches A
    other = centre.seat_database()
    meanwhile = report(other, centre.city, "outage: reported at another seat")
    assert not a.ctx.feed.listening
    with qtbot.waitSignal(a.ctx.feed.resync_needed, timeout=10_000):
        qtbot.waitUntil(lambda: not a.outage_banner.isVisible(), timeout=10_000)
    qtbot.waitUntil(lambda: wall_a.model.case(meanwhile.id) is not None, timeout=3000)
    assert ("case", [meanwhile.id]) in emitted  # the listener's catch-up, not only the screens' reload
    qtbot.waitUntil(lambda: not b.outage_banner.isVisible(), timeout=10_000)

    # the refused action, retried, is applied once; a second retry is refused as stale, not doubled
    assert history_count(other, reported.id, "register") == 0
    assert wall_a.select_case(reported.id)
    wall_a.run_action(Action.REGISTER)
    qtbot.waitUntil(lambda: wall_a.model.case(reported.id).status == "registered", timeout=3000)
    with pytest.raises(StaleCase):
        b.ctx.cases.perform(b.ctx.principal, reported.id, Action.REGISTER, expected_version=reported.version)
    assert history_count(other, reported.id, "register") == 1
    assert len(refusals) == 1

