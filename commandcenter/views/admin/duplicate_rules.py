"""The Centres tab's duplicate rules: what intake offers as a likely duplicate (the same category
within this distance and time), an administrator's setting kept with the database."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QDoubleSpinBox, QGroupBox, QHBoxLayout, QLabel, QPushButton, QWidget

from ...gui.context import AppContext
from ...services.facade.intake import MAX_RADIUS_M, MAX_WINDOW_HOURS
from ...shapes.intake import DuplicateRules
from .base import AdminTab


class DuplicateRulesBox(QGroupBox):
    """Two numbers and a Save button; runs through the tab's `run` so refusals land on its message line."""

    def __init__(self, ctx: AppContext, tab: AdminTab, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.tab = ctx, tab
        self.setObjectName("duplicateRules")
        self.intro = QLabel()
        self.radius = QDoubleSpinBox(objectName="duplicateRadius", decimals=0, minimum=1, maximum=MAX_RADIUS_M)
        self.window = QDoubleSpinBox(objectName="duplicateWindow", decimals=1, minimum=0.5, maximum=MAX_WINDOW_HOURS)
        self.saveButton = QPushButton(objectName="saveDuplicateRules")
        self.saveButton.clicked.connect(self.save)
        row = QHBoxLayout(self)
        for widget in (self.intro, self.radius, self.window, self.saveButton):
            row.addWidget(widget)
        row.addStretch(1)
        self.retranslate_ui()

    def reload(self) -> None:
        intake, p = self.ctx.intake, self.ctx.principal
        self.tab.run(lambda: intake.rules(p), self._show)

    def _show(self, rules: DuplicateRules) -> None:
        self.radius.setValue(rules.radius_m)
        self.window.setValue(rules.window_hours)

    def save(self) -> None:
        intake, p = self.ctx.intake, self.ctx.principal
        rules = DuplicateRules(radius_m=self.radius.value(), window_hours=self.window.value())
        self.tab.run(lambda: intake.set_rules(p, rules), self._saved)

    def _saved(self, rules: DuplicateRules) -> None:
        self._show(rules)
        self.tab.say(self.tr("Likely duplicates: the same category within {m:.0f} m and {h:g} h.").format(
            m=rules.radius_m, h=rules.window_hours))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Likely duplicates at intake"))
        self.intro.setText(self.tr("Offer open cases of the same category within"))
        self.radius.setSuffix(self.tr(" m"))
        self.window.setSuffix(self.tr(" h"))
        self.saveButton.setText(self.tr("Save"))
