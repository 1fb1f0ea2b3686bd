"""The field steps' dialog on real widgets: typed and clicked as an operator does, then the database."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog
from sqlalchemy import select

from commandcenter.domain.actions import Action
from commandcenter.domain.enums import CaseStatus, Satisfaction
from commandcenter.models import CaseHistory
from commandcenter.services.lifecycle import TransitionParams
from commandcenter.views.dialogs.action_params import ask_params
from commandcenter.views.dialogs.field_steps import FieldStepDialog

from .factories import X0, Y0
from .test_dialogs import CTRL, ctx, open_widget, report, sup_ctx, type_text, widgets  # noqa: F401 - fixtures

S = CaseStatus


def test_send_back_asks_for_the_reason_before_it_goes(qtbot, widgets, ctx, city, db) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    row = report(ctx, city)
    row = ctx.cases.perform(ctx.principal, row.id, Action.DISPATCH, TransitionParams(department_id=city.department_id))
    dlg = open_widget(widgets, qtbot=qtbot, w=FieldStepDialog(ctx, Action.SEND_BACK, row))
    assert "城管执法局" in dlg.caseLabel.text()  # who is sending it back
    qtbot.mouseClick(dlg.okButton, Qt.MouseButton.LeftButton)
    assert dlg.result() == 0 and dlg.isVisible() and dlg.error_text()
    type_text(qtbot, dlg.noteEdit, "路灯归供电公司管养")
    qtbot.keyClick(dlg.noteEdit, Qt.Key.Key_Return, CTRL)
    assert dlg.result() == QDialog.DialogCode.Accepted
    after = ctx.cases.perform(ctx.principal, row.id, Action.SEND_BACK, dlg.params(), expected_version=row.version)
    assert after.status == S.REGISTERED and after.assignee_department_id is None
    with db.read() as s:
        last = s.execute(select(CaseHistory.action, CaseHistory.note, CaseHistory.department_id)
                         .where(CaseHistory.case_id == row.id).order_by(CaseHistory.id.desc())).first()
    assert tuple(last) == ("send_back", "路灯归供电公司管养", city.department_id)


def test_a_field_check_result_carries_the_evidence(qtbot, widgets, ctx, city, db) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    row = report(ctx, city)
    for action, params in ((Action.DISPATCH, TransitionParams(officer_id=city.officer_ids[0])),
                           (Action.ACCEPT, TransitionParams()), (Action.FEED_BACK, TransitionParams(note="已清理")),
                           (Action.REQUEST_CHECK, TransitionParams())):
        row = ctx.cases.perform(ctx.principal, row.id, action, params)
    dlg = open_widget(widgets, qtbot=qtbot, w=FieldStepDialog(ctx, Action.FAIL_CHECK, row))
    assert dlg.evidenceEdit.isVisible()
    type_text(qtbot, dlg.evidenceEdit, "IMG_0042.jpg")
    assert dlg.params() is None  # the result is required
    type_text(qtbot, dlg.noteEdit, "垃圾仍未清运")
    after = ctx.cases.perform(ctx.principal, row.id, Action.FAIL_CHECK, dlg.params(), expected_version=row.version)
    assert after.status == S.DISPATCHED and after.rework_count == 1
    with db.read() as s:
        last = s.execute(select(CaseHistory.action, CaseHistory.evidence)
                         .where(CaseHistory.case_id == row.id).order_by(CaseHistory.id.desc())).first()
    assert tuple(last) == ("fail_check", "IMG_0042.jpg")


def test_the_follow_up_answer_is_chosen_and_unsatisfied_needs_words(qtbot, widgets, ctx, sup_ctx, city) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    row = report(ctx, city)
    steps = ((ctx, Action.DISPATCH, TransitionParams(officer_id=city.officer_ids[0])),
             (ctx, Action.ACCEPT, TransitionParams()), (ctx, Action.FEED_BACK, TransitionParams(note="已清理")),
             (sup_ctx, Action.CLOSE, TransitionParams()))
    for context, action, params in steps:
        row = context.cases.perform(context.principal, row.id, action, params)
    dlg = open_widget(widgets, qtbot=qtbot, w=FieldStepDialog(ctx, Action.FOLLOW_UP, row))
    assert not dlg.evidenceEdit.isVisible()
    qtbot.mouseClick(dlg.okButton, Qt.MouseButton.LeftButton)
    assert dlg.isVisible() and dlg.error_text()  # no answer yet
    qtbot.mouseClick(dlg.answerButtons[Satisfaction.UNSATISFIED], Qt.MouseButton.LeftButton)
    assert dlg.noteLabel.text().endswith("*") and dlg.params() is None
    type_text(qtbot, dlg.noteEdit, "垃圾又堆起来了")
    assert dlg.params() == TransitionParams(note="垃圾又堆起来了", satisfaction="unsatisfied")
    after = ctx.cases.perform(ctx.principal, row.id, Action.FOLLOW_UP, dlg.params(), expected_version=row.version)
    assert after.status == S.CLOSED and ctx.cases.detail(ctx.principal, row.id).satisfaction == "unsatisfied"


def test_the_wall_asks_the_field_step_dialog(qtbot, ctx, city) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    row = report(ctx, city)
    row = ctx.cases.perform(ctx.principal, row.id, Action.DISPATCH, TransitionParams(officer_id=city.officer_ids[0]))
    seen: list[str] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, FieldStepDialog)
        seen.append(dialog.objectName())
        type_text(qtbot, dialog.noteEdit, "not ours")
        dialog.accept()

    QTimer.singleShot(0, answer)
    assert ask_params(ctx, Action.SEND_BACK, row, None) == TransitionParams(note="not ours")
    assert seen == ["fieldStepDialog"]


def test_the_follow_up_screen_lists_the_calls_and_records_an_answer(qtbot, qtmodeltester, widgets, ctx, sup_ctx, city) -> None:  # type: ignore[no-untyped-def]  # noqa: F811, E501
    from commandcenter.views.follow_ups import FollowUpsView

    row = report(ctx, city)
    other = report(ctx, city, description="楼道堆放杂物")
    for case in (row, other):
        steps = ((ctx, Action.DISPATCH, TransitionParams(officer_id=city.officer_ids[0])),
                 (ctx, Action.ACCEPT, TransitionParams()), (ctx, Action.FEED_BACK, TransitionParams(note="已清理")),
                 (sup_ctx, Action.CLOSE, TransitionParams()))
        for context, action, params in steps:
            case = context.cases.perform(context.principal, case.id, action, params)
    view = open_widget(widgets, qtbot=qtbot, w=FollowUpsView(ctx))
    assert view.model.rowCount() == 2 and "2 reporters" in view.count_label.text()
    assert "*" in view.rows()[0].reporter_phone  # an operator sees the number masked
    qtmodeltester.check(view.model)
    first, second = view.rows()
    view.table.selectRow(0)
    view.record_selected()
    dialog = view.findChild(FieldStepDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.mouseClick(dialog.answerButtons[Satisfaction.SATISFIED], Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(view.recorded, timeout=2000) as done:
        qtbot.mouseClick(dialog.okButton, Qt.MouseButton.LeftButton)
    assert done.args == [first.id] and {first.id, second.id} == {row.id, other.id}
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=2000)
    assert [r.id for r in view.rows()] == [second.id]


def test_a_patrol_report_solved_on_the_spot_closes_from_the_new_case_dialog(qtbot, widgets, ctx, city, db) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    from commandcenter.views.dialogs.new_case import NewCaseDialog

    dlg = open_widget(widgets, qtbot=qtbot, w=NewCaseDialog(ctx))
    dlg.sourceCombo.setCurrentIndex(dlg.sourceCombo.findData("patrol"))
    qtbot.keyClicks(dlg.categorySearch, "0101")
    qtbot.keyClicks(dlg.location.lonEdit, f"{X0 + 0.0005:.4f}")
    qtbot.keyClicks(dlg.location.latEdit, f"{Y0 + 0.0005:.4f}")
    type_text(qtbot, dlg.descriptionEdit, "路口流动摊贩占道")
    assert not dlg.onSpotNoteEdit.isVisible()
    assert dlg.onSpotCheck.isEnabled()
    dlg.onSpotCheck.setFocus()
    qtbot.keyClick(dlg.onSpotCheck, Qt.Key.Key_Space)
    assert dlg.onSpotCheck.isChecked()
    assert dlg.onSpotNoteEdit.isVisible() and not dlg.registerCheck.isEnabled()
    with qtbot.assertNotEmitted(dlg.case_created):
        dlg.save()
    assert "on the spot" in dlg.error_text()
    type_text(qtbot, dlg.onSpotNoteEdit, "已当场劝离")
    type_text(qtbot, dlg.onSpotEvidenceEdit, "IMG_0042.jpg")
    with qtbot.waitSignal(dlg.case_created, timeout=2000) as created:
        dlg.save()
    row = created.args[0]
    assert row.status == S.CLOSED and row.assignee_officer_id == city.officer_ids[0]
    with db.read() as s:
        steps = s.execute(select(CaseHistory.action, CaseHistory.note, CaseHistory.evidence)
                          .where(CaseHistory.case_id == row.id).order_by(CaseHistory.id)).all()
    assert [tuple(h) for h in steps] == [("report", "", ""), ("solve_on_spot", "已当场劝离", "IMG_0042.jpg")]


def test_an_anonymous_caller_leaves_no_name(qtbot, widgets, ctx, city, db) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    from commandcenter.models import Case
    from commandcenter.views.dialogs.new_case import NewCaseDialog

    dlg = open_widget(widgets, qtbot=qtbot, w=NewCaseDialog(ctx))
    qtbot.keyClicks(dlg.categorySearch, "0101")
    qtbot.keyClicks(dlg.location.lonEdit, f"{X0 + 0.0005:.4f}")
    qtbot.keyClicks(dlg.location.latEdit, f"{Y0 + 0.0005:.4f}")
    type_text(qtbot, dlg.descriptionEdit, "楼道堆放杂物")
    type_text(qtbot, dlg.reporterNameEdit, "王女士")
    dlg.reporterPrivacyCombo.setCurrentIndex(dlg.reporterPrivacyCombo.findData("anonymous"))
    assert dlg.reporterPrivacyCombo.currentText() == "Anonymous"
    with qtbot.waitSignal(dlg.case_created, timeout=2000) as created:
        dlg.save()
    with db.read() as s:
        kept = s.execute(select(Case.reporter_name, Case.reporter_privacy).where(Case.id == created.args[0].id)).one()
    assert tuple(kept) == ("", "anonymous")
