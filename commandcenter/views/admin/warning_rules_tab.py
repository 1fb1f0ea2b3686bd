"""The Warning rules tab: each early-warning detector's parameters, one group per detector.

Every number is typed in a field and checked against `domain.warnings.limits` before anything
is sent: a value that is not a number or out of its range is named on the message line and
nothing is saved. The whole set is saved at once (one transaction, one audit entry, by
`WarningService.set_params`); the next detector run uses it.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.warnings import WarningParams
from ...domain.warnings.limits import LIMITS, is_whole, with_values
from ...gui.context import AppContext
from .base import AdminTab

DETECTORS = ("recurrence", "repeat_caller", "dispute", "trend", "cluster", "lateness")


class WarningRulesTab(AdminTab):
    """A form per detector and one Save button (objectName ``adminWarningRules``)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "adminWarningRules", parent)
        self.params = WarningParams()
        self.groups: dict[str, QGroupBox] = {}
        self.fields: dict[tuple[str, str], QLineEdit] = {}
        self.labels: dict[tuple[str, str], QLabel] = {}
        grid = QGridLayout()
        for i, detector in enumerate(DETECTORS):
            box = self.groups[detector] = QGroupBox(objectName=f"warningRules_{detector}")
            form = QFormLayout(box)
            for (d, name) in LIMITS:
                if d != detector:
                    continue
                edit = self.fields[(d, name)] = QLineEdit(objectName=f"warningRule_{d}_{name}")
                label = self.labels[(d, name)] = QLabel()
                label.setBuddy(edit)
                form.addRow(label, edit)
            grid.addWidget(box, i // 3, i % 3)
        self.saveButton = QPushButton(objectName="saveWarningRules")
        self.saveButton.clicked.connect(self.save)
        buttons = QHBoxLayout()
        buttons.addWidget(self.saveButton)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.retranslate_ui()

    def reload(self) -> None:
        warnings, p = self.ctx.warnings, self.ctx.principal
        self.run(lambda: warnings.params(p), self._show)

    def _show(self, params: WarningParams) -> None:
        self.loaded = True
        self.params = params
        for (detector, name), edit in self.fields.items():
            edit.setText(f"{getattr(getattr(params, detector), name):g}")

    def read_form(self) -> WarningParams | str:
        """The parameters typed, or what is wrong with them in words."""
        values: dict[tuple[str, str], float] = {}
        for key, edit in self.fields.items():
            lo, hi = LIMITS[key]
            text = edit.text().strip()
            try:
                value = int(text) if is_whole(*key) else float(text)
            except ValueError:
                value = None
            if value is None or not lo <= value <= hi:
                edit.setFocus()
                kind = self.tr("a whole number") if is_whole(*key) else self.tr("a number")
                return self.tr("{group}, {name}: enter {kind} from {lo:g} to {hi:g}.").format(
                    group=self.groups[key[0]].title(), name=self.labels[key].text(), kind=kind, lo=lo, hi=hi)
            values[key] = value
        return with_values(self.params, values)

    def save(self) -> None:
        params = self.read_form()
        if isinstance(params, str):
            self.say(params, error=True)
            return
        warnings, p = self.ctx.warnings, self.ctx.principal

        def saved(_result: object) -> None:
            self._show(params)
            self.say(self.tr("Warning rules saved; the next detector run uses them."))

        self.run(lambda: warnings.set_params(p, params), saved)

    def retranslate_ui(self) -> None:
        titles = {
            "recurrence": self.tr("Recurrence at one place"),
            "repeat_caller": self.tr("Repeat caller"),
            "dispute": self.tr("Repeated dispute"),
            "trend": self.tr("Rising trend"),
            "cluster": self.tr("Cluster"),
            "lateness": self.tr("Chronic lateness"),
        }
        names = {
            "radius_m": self.tr("Radius (m)"),
            "min_cases": self.tr("Cases at least"),
            "days": self.tr("Within days"),
            "min_calls": self.tr("Calls at least"),
            "band_hours": self.tr("Band (hours)"),
            "weeks": self.tr("Weeks compared"),
            "alpha": self.tr("Significance (p at most)"),
            "min_count": self.tr("Cases in the band at least"),
            "hours": self.tr("Last hours"),
            "eps_m": self.tr("Neighbour distance (m)"),
            "eps_minutes": self.tr("Neighbour time (minutes)"),
            "min_points": self.tr("Neighbours for a core case"),
            "min_grids": self.tr("Grids spanned at least"),
            "threshold": self.tr("On-time rate below"),
            "min_due": self.tr("Cases due a day at least"),
        }
        for detector, box in self.groups.items():
            box.setTitle(titles[detector])
        for (detector, name), label in self.labels.items():
            label.setText(self.tr("Days running") if (detector, name) == ("lateness", "days") else names[name])
        self.saveButton.setText(self.tr("Save warning rules"))
