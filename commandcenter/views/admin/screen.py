"""The admin screen: users, roles & permissions, centres, categories & time limits, the
holiday calendar and the warning rules, each a tab shown to a principal with its MANAGE_* right.

The screen is offered (`SCREEN.available`) only to principals with at least one of them.
Tabs load when the screen is first shown; other seats' changes arrive through the change feed.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QTableView, QTabWidget, QVBoxLayout, QWidget

from ...domain.actions import Action
from ...domain.entities import Entity
from ...gui.context import AppContext
from ...gui.screens import ScreenSpec
from .base import AdminTab
from .categories_tab import CategoriesTab
from .centres_tab import CentresTab
from .holidays_tab import HolidaysTab
from .users_tab import PermissionsTab, UsersTab
from .warning_rules_tab import WarningRulesTab

MANAGE_ACTIONS: tuple[Action, ...] = (Action.MANAGE_USERS, Action.MANAGE_CENTRES, Action.MANAGE_CATEGORIES,
                                      Action.MANAGE_TIME_LIMITS, Action.MANAGE_HOLIDAYS)


class AdminView(QWidget):
    """The admin screen (objectName ``adminScreen``)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("adminScreen")
        self.tabs = QTabWidget(objectName="adminTabs")
        self.users = self.permissions = self.centres = self.categories = self.holidays = None
        self.warning_rules: WarningRulesTab | None = None
        # (tab, the entities whose changes reload it)
        self.present: list[tuple[AdminTab, frozenset[str]]] = []
        if ctx.can(Action.MANAGE_USERS):
            self.users = UsersTab(ctx, self)
            self.permissions = PermissionsTab(ctx, self)
            self.present += [(self.users, frozenset({Entity.USER, Entity.CENTRE})),
                             (self.permissions, frozenset({Entity.PERMISSION}))]
        if ctx.can(Action.MANAGE_CENTRES):
            self.centres = CentresTab(ctx, self)
            self.present.append((self.centres, frozenset({Entity.CENTRE})))
        if ctx.can(Action.MANAGE_CATEGORIES) or ctx.can(Action.MANAGE_TIME_LIMITS):
            self.categories = CategoriesTab(ctx, self)
            self.present.append((self.categories, frozenset({Entity.CATEGORY})))
        if ctx.can(Action.MANAGE_HOLIDAYS):
            self.holidays = HolidaysTab(ctx, self)
            self.present.append((self.holidays, frozenset({Entity.CALENDAR})))
        if ctx.can(Action.MANAGE_CATEGORIES):  # the right WarningService.set_params asks
            self.warning_rules = WarningRulesTab(ctx, self)
            self.present.append((self.warning_rules, frozenset()))
        for tab, _entities in self.present:
            self.tabs.addTab(tab, "")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.tabs)
        ctx.feed.changed.connect(self._on_changed)
        self._loaded = False
        self.retranslate_ui()

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if not self._loaded:  # the first time the screen is shown, not at start-up
            self._loaded = True
            for tab, _entities in self.present:
                tab.reload()

    def _on_changed(self, entity: str, _ids: list[int]) -> None:
        for tab, entities in self.present:
            if tab.loaded and entity in entities:
                tab.reload()

    def retranslate_ui(self) -> None:
        titles = {
            "adminUsers": self.tr("Users"),
            "adminPermissions": self.tr("Roles && permissions"),
            "adminCentres": self.tr("Centres"),
            "adminCategories": self.tr("Categories && time limits"),
            "adminHolidays": self.tr("Holidays"),
            "adminWarningRules": self.tr("Warning rules"),
        }
        for tab, _entities in self.present:
            self.tabs.setTabText(self.tabs.indexOf(tab), titles[tab.objectName()])
        tables = {  # what a screen reader calls each list
            "userTable": self.tr("Users"),
            "permissionMatrix": self.tr("Permissions"),
            "centreTable": self.tr("Centres"),
            "categoryTable": self.tr("Categories"),
            "timeLimitTable": self.tr("Time limits"),
            "calendarYears": self.tr("Calendar years"),
            "calendarDays": self.tr("Holidays and working days"),
        }
        for table in self.findChildren(QTableView):
            if table.objectName() in tables:
                table.setAccessibleName(tables[table.objectName()])

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


def _screen_title() -> str:
    return QCoreApplication.translate("AdminView", "Administration")


def _available(ctx: AppContext) -> bool:
    return any(ctx.can(action) for action in MANAGE_ACTIONS)


SCREEN = ScreenSpec(key="admin", order=90, title=_screen_title, icon="admin", shortcut="Ctrl+9",
                    factory=AdminView, available=_available)

__all__ = ["SCREEN", "AdminView"]
