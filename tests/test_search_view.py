"""The search screen on real widgets: a case closed a year ago is found and opened with its
history, far outside the wall's window; a phone finds its cases masked for an operator."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt

from commandcenter.domain.actions import Action
from commandcenter.itemmodels.search import SearchModel
from commandcenter.services.lifecycle import TransitionParams
from commandcenter.services.search import SearchService
from commandcenter.services.wall import WallScope
from commandcenter.shapes.search import SearchQuery
from commandcenter.views.search_view import SearchView

from .conftest import START
from .test_dialogs import ctx, open_widget, report, sup_ctx, type_text, widgets  # noqa: F401 - fixtures


def close_a_year_ago(ctx, sup_ctx, city, clock):  # type: ignore[no-untyped-def]  # noqa: F811
    clock.set(START - timedelta(days=380))
    row = report(ctx, city, description="桥下积水严重影响通行")
    for who, action, params in ((ctx, Action.DISPATCH, TransitionParams(officer_id=city.officer_ids[0])),
                                (ctx, Action.ACCEPT, TransitionParams()),
                                (ctx, Action.FEED_BACK, TransitionParams(note="已抽排")),
                                (sup_ctx, Action.CLOSE, TransitionParams())):
        clock.advance(hours=2)
        row = who.cases.perform(who.principal, row.id, action, params)
    clock.set(START)
    return row


def test_search_opens_a_case_closed_a_year_ago(qtbot, widgets, ctx, sup_ctx, city, clock) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    old = close_a_year_ago(ctx, sup_ctx, city, clock)
    report(ctx, city, description="人行道积水")  # today's: another case, not the one sought
    assert old.status == "closed" and (START - old.closed_at).days > 365
    assert old.id not in {r.id for r in ctx.wall.load(ctx.principal, WallScope(centre_ids=ctx.principal.centre_ids)).rows}  # not on the wall
    view = open_widget(widgets, qtbot=qtbot, w=SearchView(ctx))
    view.resize(1400, 800)
    type_text(qtbot, view.text, "桥下积水")
    with qtbot.waitSignal(view.case_opened) as opened:
        qtbot.keyClick(view.text, Qt.Key.Key_Return)
    assert opened.args == [old.id] and view.model.rowCount() == 1
    assert view.detail.number_label.text() == old.case_number
    assert "已抽排" in " ".join(view.detail._history_plain)  # noqa: SLF001 - the history the panel shows
    assert "Cases found: 1" in view.count.text()


def test_a_phone_finds_cases_shown_masked_to_an_operator(qtbot, widgets, ctx, city) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    first, second = report(ctx, city), report(ctx, city, grid=2)  # both from 13912345678
    view = open_widget(widgets, qtbot=qtbot, w=SearchView(ctx))
    type_text(qtbot, view.text, "139 1234 5678")
    with qtbot.waitSignal(view.searched):
        qtbot.mouseClick(view.search_button, Qt.MouseButton.LeftButton)
    shown = {view.model.index(r, SearchModel.NUMBER).data(): view.model.index(r, SearchModel.PHONE).data()
             for r in range(view.model.rowCount())}
    assert shown == {first.case_number: "139****5678", second.case_number: "139****5678"}
    addresses = {view.model.index(r, SearchModel.ADDRESS).data() for r in range(view.model.rowCount())}
    assert "梅园路128号" not in addresses


def test_search_model_passes_qtmodeltester(qtmodeltester, db, ctx, city) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    report(ctx, city)
    report(ctx, city, grid=3, description="占道经营")
    model = SearchModel()
    model.set_hits(SearchService(db).search(ctx.principal, SearchQuery(grid_code="3503")).hits, "Asia/Shanghai")
    model.sort(SearchModel.REPORTED, Qt.SortOrder.DescendingOrder)
    assert model.rowCount() == 2
    qtmodeltester.check(model)
