"""A scenario replayed at 60× reaches an operator's wall in order and on time.

The player runs on a worker thread with its own connection, as the drill screen runs it; the
wall is the real one, fed by the change feed. Each arrival is timed on the scenario clock the
moment the wall's model inserts the row, so "on time" is measured where the operator sees it.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QModelIndex

from commandcenter.db import open_database
from commandcenter.gui.context import AppContext
from commandcenter.gui.feed import POLL_MS, ChangeFeed
from commandcenter.gui.tasks import TaskRunner
from commandcenter.services.auth import demo_principal
from commandcenter.simulator.drill import ESCALATION_EVERY
from commandcenter.simulator.scenario import parse_scenario
from commandcenter.simulator.scenario_player import PlayerState, ScenarioPlayer
from commandcenter.views.wall_view import WallView

from .factories import build_tiny_city, grid_centre, mark_demo

SPEED = 60.0
OFFSETS = (30, 150, 270, 390)  # scenario seconds: a case every two minutes, after half a minute
# how late a case may reach the wall, in wall seconds: the drill's longest sleep (0.25 s), the
# feed's poll, the wall's load on the task pool, and a busy test machine; ×SPEED in scenario time
LATE_WALL_S = 0.25 + POLL_MS / 1000 + 1.5
LATE = LATE_WALL_S * SPEED


def scenario_text() -> str:
    cases = "".join(
        f"""  - at: {at}
    category: 乱倒垃圾
    lonlat: [{grid_centre(i % 4)[0]}, {grid_centre(i % 4)[1]}]
    description: 第{i + 1}件：小区门口垃圾堆积
    phone: "1380000000{i}"
""" for i, at in enumerate(OFFSETS))
    return f"name: 准点测试\nspeed: {SPEED}\ncases:\n{cases}"


def test_a_scenario_at_60x_reaches_the_wall_in_order_and_on_time(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    assert LATE < OFFSETS[1] - OFFSETS[0]  # the tolerance cannot swap two cases
    path = tmp_path / "drill.sqlite"
    db = open_database(path, create=True)
    build_tiny_city(db)
    mark_demo(db)
    runner = TaskRunner()
    feed = ChangeFeed(db, runner)
    wall = WallView(AppContext(db=db, principal=demo_principal(db, "operator"), runner=runner, feed=feed))
    qtbot.addWidget(wall)
    wall.show()
    feed.start()
    qtbot.waitUntil(lambda: not wall._loading, timeout=5000)
    assert wall.model.rowCount() == 0

    feed_db = open_database(path)  # the drill's own connection, as from the trainer's seat
    player = ScenarioPlayer(feed_db, parse_scenario(scenario_text(), "timing.yaml"), seed=1)
    arrivals: list[tuple[str, float]] = []  # (description, scenario seconds when the wall showed it)

    def inserted(_parent: QModelIndex, first: int, last: int) -> None:
        at = player.drill.clock.now()
        arrivals.extend((wall.model.row_at(i).description, at) for i in range(first, last + 1))

    wall.model.rowsInserted.connect(inserted)
    finished: list[PlayerState] = []
    worker = threading.Thread(target=lambda: finished.append(
        player.run(duration=OFFSETS[-1] / SPEED + LATE_WALL_S + ESCALATION_EVERY).state))
    worker.start()
    try:
        qtbot.waitUntil(lambda: len(arrivals) == len(OFFSETS), timeout=int((OFFSETS[-1] / SPEED + 10) * 1000))
        assert player.progress().state is PlayerState.FINISHED  # the timeline is played; the field goes on
    finally:
        player.stop()
        worker.join(timeout=30)
        feed.stop()
        runner.wait()
        feed_db.dispose()
    assert finished == [PlayerState.STOPPED]
    assert [d for d, _ in arrivals] == [f"第{i + 1}件：小区门口垃圾堆积" for i in range(len(OFFSETS))]
    for (description, at), due in zip(arrivals, OFFSETS, strict=True):
        assert due <= at <= due + LATE, (description, due, at)
