"""Per-unit assessment figures: each street's and department's row against plain SQL over the
history, on demo days; ranking, the centre's totals, and the tables in both languages' PDFs."""

from __future__ import annotations

import io
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from commandcenter.clock import FrozenClock
from commandcenter.db import open_database
from commandcenter.models import CommandCentre
from commandcenter.reports.assessment import percent
from commandcenter.reports.briefing import briefing_pdf
from commandcenter.services.auth import centre_scope
from commandcenter.services.kpi import briefing_data
from commandcenter.shapes.briefing import UnitFigures

from .asof_sql import independent_counts, independent_units

TZ = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 11, 25, 15, 20, tzinfo=TZ)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):  # type: ignore[no-untyped-def]
    from commandcenter.simulator.demo import generate_demo

    db = open_database(tmp_path_factory.mktemp("per-unit") / "demo.sqlite", create=True, clock=FrozenClock(NOW))
    generate_demo(db, scale="small", days=21, seed=11)
    yield db
    db.dispose()


def figures(u: UnitFigures) -> tuple[int, ...]:
    return (u.due, u.handled, u.handled_on_time, u.reworked, u.handled_ever, u.extended, u.suspended, u.sent_back)


@pytest.mark.parametrize("days_back", [1, 6])
def test_unit_rows_equal_an_independent_sql_computation(demo, days_back: int) -> None:  # type: ignore[no-untyped-def]
    day = NOW.date() - timedelta(days=days_back)
    data = briefing_data(demo, 1, day)
    start, end, now = data.period.start, data.period.end, demo.clock.now()
    for units, by in ((data.street_units, "street"), (data.department_units, "department")):
        expected = independent_units(demo, start, end, now, by)
        found = {u.key: figures(u) for u in units if u.key != "*"}
        assert found == {k: v for k, v in expected.items() if v[0] or v[-1]}, by
        assert found, by  # the day has due cases of streets and of departments
        # the totals row is the centre's, the same as page 1's figures
        total = units[-1]
        k = data.kpis
        assert (total.key, total.rank) == ("*", 0)
        assert figures(total) == (k.due_to_close, k.handled_of_due, k.handled_on_time_of_due, k.reworked_of_due,
                                  k.handled_ever_of_due, k.extended_of_due, k.suspended_of_due, k.sent_back)
    # every due case belongs to one street: the street rows add up to the centre
    assert sum(u.due for u in data.street_units[:-1]) == data.kpis.due_to_close
    c = independent_counts(demo, start, end, now)
    assert data.kpis.handled_on_time_of_due == c["handled_on_time_of_due"] > 0


def test_units_are_ranked_by_on_time_handling(demo) -> None:  # type: ignore[no-untyped-def]
    data = briefing_data(demo, 1, NOW.date() - timedelta(days=2))
    ranked = data.department_units[:-1]
    assert [u.rank for u in ranked] == list(range(1, len(ranked) + 1))
    keys = [(-(u.on_time_handling_rate or 0), -(u.handling_rate or 0), -u.due) for u in ranked if u.due]
    assert keys == sorted(keys)


def test_a_street_centre_sees_its_own_street(demo) -> None:  # type: ignore[no-untyped-def]
    with demo.read() as s:
        street = s.scalar(select(CommandCentre.id).where(CommandCentre.street_id.is_not(None))
                          .order_by(CommandCentre.id).limit(1))
        scope = centre_scope(s, street)
    data = briefing_data(demo, street, NOW.date() - timedelta(days=1))
    expected = independent_units(demo, data.period.start, data.period.end, demo.clock.now(), "street", scope)
    assert [u.key for u in data.street_units[:-1]] == [k for k, v in expected.items() if v[0] or v[-1]]
    assert len(data.street_units) == 2


@pytest.mark.parametrize(("lang", "words"), [
    ("en", ("Assessment by street", "Assessment by department", "Centre total", "On time", "Sent back")),
    ("zh_CN", ("按期处置率", "处置率")),
])
def test_the_tables_are_printed(demo, lang: str, words: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
    data = briefing_data(demo, 1, NOW.date() - timedelta(days=1))
    pdf = briefing_pdf(data, lang=lang, printed_by="tester")
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    for w in words:
        assert w in text, w
    lines = [line.strip() for line in text.splitlines()]
    best = data.street_units[0]
    at = lines.index(best.name)
    assert lines[at - 1: at + 5] == ["1", best.name, str(best.due), percent(best.handling_rate),
                                     percent(best.on_time_handling_rate), percent(best.rework_rate)]
    assert briefing_pdf(data, lang=lang, printed_by="tester") == pdf  # byte-stable


def test_unit_model_passes_qtmodeltester(qtmodeltester, demo) -> None:  # type: ignore[no-untyped-def]
    from commandcenter.itemmodels.assessment import UnitModel

    model = UnitModel(lambda: "Street")
    model.set_units(briefing_data(demo, 1, NOW.date() - timedelta(days=1)).street_units)
    qtmodeltester.check(model)


def test_the_briefing_screen_shows_the_tables(qtbot, demo) -> None:  # type: ignore[no-untyped-def]
    """A supervisor builds yesterday's briefing and compares units on screen, sorted any way."""
    from PySide6.QtCore import QDate, Qt

    from commandcenter.gui.context import AppContext
    from commandcenter.gui.feed import ChangeFeed
    from commandcenter.gui.tasks import SynchronousRunner
    from commandcenter.itemmodels.assessment import UnitModel
    from commandcenter.services.auth import demo_principal
    from commandcenter.views.briefing_view import BriefingView

    runner = SynchronousRunner()
    view = BriefingView(AppContext(db=demo, principal=demo_principal(demo, "supervisor"), runner=runner,
                                   feed=ChangeFeed(demo, runner)))
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    day = NOW.date() - timedelta(days=1)
    view.date_edit.setDate(QDate(day.year, day.month, day.day))
    with qtbot.waitSignal(view.built):
        qtbot.mouseClick(view.build_button, Qt.MouseButton.LeftButton)
    data = briefing_data(demo, 1, day)
    streets, departments = view.unit_tables
    model = streets.model()
    shown = [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]
    assert [row[1] for row in shown] == [u.name for u in data.street_units[:-1]] + ["Centre total"]
    assert shown[0][UnitModel.ON_TIME] == percent(data.street_units[0].on_time_handling_rate)
    assert departments.model().rowCount() == len(data.department_units)
    # sorted by rework, most first: the centre's totals stay the last row
    departments.sortByColumn(UnitModel.REWORK, Qt.SortOrder.DescendingOrder)
    dm = departments.model()
    assert dm.index(dm.rowCount() - 1, UnitModel.UNIT).data() == "Centre total"
    assert view.kpi_labels["on_time_handling"][1].text() == percent(data.kpis.on_time_handling_rate)
    assert view.units_tabs.tabText(0) == "Assessment by street"

    # a day to come is refused on screen as on the command line: nothing is built or recorded
    issued = view.issued_model.rowCount()
    tomorrow = NOW.date() + timedelta(days=1)
    view.date_edit.setDate(QDate(tomorrow.year, tomorrow.month, tomorrow.day))
    qtbot.mouseClick(view.build_button, Qt.MouseButton.LeftButton)
    assert f"{tomorrow} is in the future (today is {NOW.date()})" in view.status.text()
    assert view.issued_model.rowCount() == issued and view.issued.data.period.day == day
