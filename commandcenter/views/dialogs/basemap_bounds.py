"""Where an image without a world file lies on the map: the map screen asks for its edges here."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)


class BasemapBoundsDialog(QDialog):
    """Where an image without a world file lies: its west, south, east and north edges."""

    def __init__(self, bounds: tuple[float, float, float, float], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("basemapBounds")
        self.spins: list[QDoubleSpinBox] = []
        self.labels: list[QLabel] = []
        form = QFormLayout()
        for value, (low, high) in zip(bounds, ((-180, 180), (-90, 90), (-180, 180), (-90, 90)), strict=True):
            spin = QDoubleSpinBox()
            spin.setDecimals(6)
            spin.setRange(low, high)
            spin.setValue(value)
            self.spins.append(spin)
            self.labels.append(QLabel())
            form.addRow(self.labels[-1], spin)
        self.note = QLabel()
        self.note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Place the basemap"))
        self.note.setText(self.tr("The image has no world file (.pgw, .jgw, .wld). Give the WGS84 longitude and "
                                  "latitude of its edges; north must be up."))
        texts = (self.tr("West (min. longitude)"), self.tr("South (min. latitude)"), self.tr("East (max. longitude)"),
                 self.tr("North (max. latitude)"))
        for label, text in zip(self.labels, texts, strict=True):
            label.setText(text)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def bounds(self) -> tuple[float, float, float, float]:
        west, south, east, north = (s.value() for s in self.spins)
        return west, south, east, north
