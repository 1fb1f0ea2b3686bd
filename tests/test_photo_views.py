"""Photos on real widgets: attached with the handler's feedback, shown before-and-after at
verification, refused with a message, and shown as thumbnails in the case detail."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from commandcenter.domain.actions import Action
from commandcenter.services.lifecycle import TransitionParams
from commandcenter.views.dialogs.action_params import ActionParamsDialog
from commandcenter.views.dialogs.field_steps import FieldStepDialog
from commandcenter.views.dialogs.new_case import NewCaseDialog
from commandcenter.views.photo_panels import PhotoViewer, wire_photos
from commandcenter.widgets.case_detail import CaseDetailPanel

from .test_dialogs import ctx, open_widget, report, type_text, widgets  # noqa: F401 - fixtures
from .test_photos import photo_count, png_bytes


def test_feedback_photo_is_shown_beside_the_verification_photo(qtbot, widgets, ctx, city, db, tmp_path) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    row = report(ctx, city)
    for action, params in ((Action.DISPATCH, TransitionParams(officer_id=city.officer_ids[0])),
                           (Action.ACCEPT, TransitionParams())):
        row = ctx.cases.perform(ctx.principal, row.id, action, params)
    (tmp_path / "after.jpg").write_bytes(png_bytes(800, 600, "blue", "JPEG"))
    (tmp_path / "check.png").write_bytes(png_bytes(600, 800, "green"))

    feedback = open_widget(widgets, qtbot=qtbot, w=ActionParamsDialog(ctx, Action.FEED_BACK, row))
    strip = feedback.photoStrip
    assert strip is not None and strip.attachButton.isVisible() and strip.attachButton.isEnabled()
    with qtbot.waitSignal(strip.loaded):
        strip.attach_files([tmp_path / "after.jpg"])
    assert strip.list.count() == 1
    type_text(qtbot, feedback.noteEdit, "已清运")
    row = ctx.cases.perform(ctx.principal, row.id, Action.FEED_BACK, feedback.params())
    row = ctx.cases.perform(ctx.principal, row.id, Action.REQUEST_CHECK, TransitionParams())

    check = open_widget(widgets, qtbot=qtbot, w=FieldStepDialog(ctx, Action.CONFIRM_CHECK, row))
    panel = check.photos
    assert panel is not None and panel.isVisible()
    assert [p.filename for p in panel.before.photos] == ["after.jpg"] and panel.after.list.count() == 0
    assert not panel.before.attachButton.isVisible()
    with qtbot.waitSignal(panel.after.loaded):
        panel.after.attach_files([tmp_path / "check.png"])
    assert [p.filename for p in panel.after.photos] == ["check.png"]
    # side by side: before on the left, after on the right, on one line
    before_at = panel.before.mapTo(check, panel.before.rect().topLeft())
    after_at = panel.after.mapTo(check, panel.after.rect().topLeft())
    assert before_at.x() + panel.before.width() <= after_at.x() and before_at.y() == after_at.y()
    assert photo_count(db) == 2


def test_a_refused_file_is_named_and_nothing_is_stored(qtbot, widgets, ctx, city, db, tmp_path) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    row = report(ctx, city)
    row = ctx.cases.perform(ctx.principal, row.id, Action.DISPATCH, TransitionParams(officer_id=city.officer_ids[0]))
    row = ctx.cases.perform(ctx.principal, row.id, Action.ACCEPT, TransitionParams())
    (tmp_path / "report.jpg").write_bytes(b"%PDF-1.7 this is a document")
    feedback = open_widget(widgets, qtbot=qtbot, w=ActionParamsDialog(ctx, Action.FEED_BACK, row))
    feedback.photoStrip.attach_files([tmp_path / "report.jpg"])
    qtbot.waitUntil(lambda: "report.jpg is not an image" in feedback.photoStrip.messageLabel.text())
    assert feedback.photoStrip.list.count() == 0 and photo_count(db) == 0


def test_case_detail_shows_thumbnails_and_opens_one_large(qtbot, widgets, ctx, city) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    row = report(ctx, city)
    ctx.photos.attach(ctx.principal, row.id, "intake", "scene.png", png_bytes(1200, 900))
    panel = open_widget(widgets, w=CaseDetailPanel(timezone=ctx.principal.timezone))
    strip = wire_photos(ctx, panel)
    with qtbot.waitSignal(strip.loaded):
        panel.show_detail(ctx.cases.detail(ctx.principal, row.id))
    assert strip.list.count() == 1 and strip.isVisible()
    ctx.photos.attach(ctx.principal, row.id, "intake", "second.png", png_bytes(300, 300))  # as from another seat
    with qtbot.waitSignal(strip.loaded):
        ctx.feed.poll()  # the change feed brings the case's change
    assert strip.list.count() == 2
    item = strip.list.item(0)
    strip.list.itemDoubleClicked.emit(item)
    viewer = next(w for w in QApplication.topLevelWidgets() if isinstance(w, PhotoViewer))
    widgets.append(viewer)
    qtbot.waitUntil(lambda: viewer.image is not None)
    assert viewer.imageLabel.pixmap().width() > 0 and "scene.png" in viewer.windowTitle()


def test_intake_photos_are_checked_when_chosen_and_stored_with_the_case(qtbot, widgets, ctx, city, db, tmp_path) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    (tmp_path / "pothole.jpg").write_bytes(png_bytes(640, 480, "gray", "JPEG"))
    (tmp_path / "voice.amr").write_bytes(b"#!AMR\n" + bytes(200))
    dialog = open_widget(widgets, qtbot=qtbot, w=NewCaseDialog(ctx))
    photos = dialog.photos
    assert photos.addButton.focusPolicy() == Qt.FocusPolicy.ClickFocus  # Tab through the form never stops here
    photos.add_files([tmp_path / "pothole.jpg", tmp_path / "voice.amr"])
    qtbot.waitUntil(lambda: "voice.amr is not an image" in photos.filesLabel.text())
    assert [p.name for p in photos.paths] == ["pothole.jpg"] and photo_count(db) == 0  # nothing before the case
    row = report(ctx, city)
    photos.attach_to(row.id)
    qtbot.waitUntil(lambda: photo_count(db) == 1)
    assert [(p.stage, p.filename) for p in ctx.photos.list_photos(ctx.principal, row.id)] == [("intake", "pothole.jpg")]
