"""The likely-duplicate offer shown before a case is saved: the candidates (number, time,
distance, text) with "Merge into this case" and "Register as new"."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
)

from ...gui.localtime import format_local
from ...gui.style import CAUTION, shade
from ...labels import status_label
from ...shapes.intake import DuplicateCandidate

CANDIDATE_ROLE = Qt.ItemDataRole.UserRole  # the DuplicateCandidate of a list item


class DuplicateOffer(QGroupBox):
    """Hidden until `offer`; emits `merge_chosen(DuplicateCandidate)` or `new_chosen()`."""

    merge_chosen = Signal(object)
    new_chosen = Signal()

    def __init__(self, timezone: str, parent: QGroupBox | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("duplicateOffer")
        self.timezone = timezone
        self.intro = QLabel(objectName="duplicateIntro")
        self.intro.setStyleSheet(f"color: {shade(CAUTION)}; font-weight: bold;")
        self.candidates = QListWidget(objectName="duplicateList")
        self.candidates.setMaximumHeight(60)
        self.candidates.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.candidates.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.candidates.itemDoubleClicked.connect(lambda _item: self._merge())
        self.mergeButton = QPushButton(objectName="mergeIntoButton")
        self.newButton = QPushButton(objectName="registerAsNewButton")
        for button in (self.mergeButton, self.newButton):
            button.setAutoDefault(False)
        self.mergeButton.clicked.connect(self._merge)
        self.newButton.clicked.connect(self.new_chosen)
        buttons = QHBoxLayout()
        buttons.addWidget(self.mergeButton)
        buttons.addWidget(self.newButton)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.candidates)
        layout.addLayout(buttons)
        self.setVisible(False)
        self.retranslate_ui()

    def offer(self, found: list[DuplicateCandidate]) -> None:
        self.candidates.clear()
        for candidate in found:
            item = QListWidgetItem()
            item.setData(CANDIDATE_ROLE, candidate)
            item.setToolTip(candidate.description)
            self.candidates.addItem(item)
        self.candidates.setCurrentRow(0)
        self.retranslate_ui()
        self.setVisible(True)
        self.mergeButton.setFocus()

    def withdraw(self) -> None:
        self.candidates.clear()
        self.setVisible(False)

    def chosen(self) -> DuplicateCandidate | None:
        item = self.candidates.currentItem()
        return None if item is None else item.data(CANDIDATE_ROLE)

    def _merge(self) -> None:
        candidate = self.chosen()
        if candidate is not None:
            self.merge_chosen.emit(candidate)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Likely duplicate"))
        self.intro.setText(self.tr("Open case of the same category nearby: if it is the same problem, merge the "
                                   "call into it."))
        self.mergeButton.setText(self.tr("&Merge into this case"))
        self.newButton.setText(self.tr("Register as &new"))
        for i in range(self.candidates.count()):
            c: DuplicateCandidate = self.candidates.item(i).data(CANDIDATE_ROLE)
            self.candidates.item(i).setText(self.tr("{number}  {time}  {status}  {distance:.0f} m  {text}").format(
                number=c.case_number, time=format_local(c.reported_at, self.timezone, "%m-%d %H:%M"),
                status=status_label(c.status), distance=c.distance_m, text=c.description[:50]))
