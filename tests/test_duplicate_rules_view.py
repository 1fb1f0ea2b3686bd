"""The admin's duplicate rules on the Centres tab (issue 14): shown, changed, used by intake."""

from __future__ import annotations

from PySide6.QtCore import Qt

from commandcenter.services.auth import demo_principal
from commandcenter.services.facade.intake import IntakeService

from .test_admin_view import audited, view  # noqa: F401


def test_an_admin_widens_the_duplicate_rules(view, qtbot, db) -> None:  # noqa: F811  # type: ignore[no-untyped-def]
    box = view.centres.duplicate_rules
    view.tabs.setCurrentWidget(view.centres)
    qtbot.waitUntil(lambda: box.radius.value() == 100 and box.window.value() == 24, timeout=3000)
    box.radius.setValue(250)
    box.window.setValue(48)
    qtbot.mouseClick(box.saveButton, Qt.MouseButton.LeftButton)
    rules = IntakeService(db).rules(demo_principal(db, "operator"))
    assert (rules.radius_m, rules.window_hours) == (250, 48)
    assert "250 m" in view.centres.message.text() and audited(db, "set_duplicate_rules")
