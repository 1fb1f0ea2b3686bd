"""The admin screen's Warning rules tab on real widgets: an administrator changes the recurrence
radius (saved, audited, read by the service); a value out of range or not a number is refused
with a message and nothing saved; an operator or a supervisor is not offered the tab."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import func, select

from commandcenter.domain.actions import Action
from commandcenter.domain.enums import Role
from commandcenter.models import AuditEntry
from commandcenter.services.auth import demo_principal
from commandcenter.views.admin import SCREEN, AdminView

from .test_admin_view import make_ctx


def _tab(qtbot, db):  # type: ignore[no-untyped-def]
    view = AdminView(make_ctx(db, "admin"))
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    tab = view.warning_rules
    assert tab is not None
    view.tabs.setCurrentWidget(tab)
    assert view.tabs.tabText(view.tabs.currentIndex()) == "Warning rules"
    tab.view = view  # the tab's parent lives as long as the test holds the tab
    return tab


def _saves(db) -> int:  # type: ignore[no-untyped-def]
    with db.read() as s:
        return s.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "set_warning_params"))


def _type(qtbot, edit, text: str) -> None:  # type: ignore[no-untyped-def]
    edit.selectAll()
    qtbot.keyClicks(edit, text)


def test_an_admin_changes_the_recurrence_radius(qtbot, db, city) -> None:  # type: ignore[no-untyped-def]
    tab = _tab(qtbot, db)
    radius = tab.fields[("recurrence", "radius_m")]
    assert radius.text() == "50"
    _type(qtbot, radius, "80")
    _type(qtbot, tab.fields[("repeat_caller", "min_calls")], "4")
    qtbot.mouseClick(tab.saveButton, Qt.MouseButton.LeftButton)
    params = tab.ctx.warnings.params(demo_principal(db, "operator"))
    assert params.recurrence.radius_m == 80.0 and params.repeat_caller.min_calls == 4
    assert params.cluster == type(params)().cluster  # the rest as it was
    assert "saved" in tab.message.text() and _saves(db) == 1


def test_invalid_values_are_refused_with_a_message(qtbot, db, city) -> None:  # type: ignore[no-untyped-def]
    tab = _tab(qtbot, db)
    _type(qtbot, tab.fields[("recurrence", "radius_m")], "0")
    qtbot.mouseClick(tab.saveButton, Qt.MouseButton.LeftButton)
    assert tab.message.text() == "Recurrence at one place, Radius (m): enter a number from 5 to 1000."
    _type(qtbot, tab.fields[("recurrence", "radius_m")], "60")
    _type(qtbot, tab.fields[("cluster", "min_points")], "2.5")
    qtbot.mouseClick(tab.saveButton, Qt.MouseButton.LeftButton)
    assert "Neighbours for a core case: enter a whole number from 2 to 100" in tab.message.text()
    assert _saves(db) == 0
    assert tab.ctx.warnings.params(demo_principal(db, "admin")).recurrence.radius_m == 50.0


def test_an_operator_or_supervisor_is_not_offered_the_rules(qtbot, db, city) -> None:  # type: ignore[no-untyped-def]
    assert not SCREEN.available(make_ctx(db, "operator"))
    admin = make_ctx(db, "admin")
    admin.admin.permissions.grant(admin.principal, Role.SUPERVISOR, Action.MANAGE_HOLIDAYS)
    view = AdminView(make_ctx(db, "supervisor"))  # the holidays, not the rules
    qtbot.addWidget(view)
    assert view.tabs.count() == 1 and view.warning_rules is None
