"""A caller's and a place's earlier cases, looked up while the call is on.

As the phone number is typed (and as the location is filled) the panel waits for a pause
(`DEBOUNCE_MS`), asks `ctx.intake` off the GUI thread and lists the count and the latest cases;
an answer to an older question is dropped. What it shows is masked as the service masked it
for the signed-in user (phone and house numbers without the right to personal data).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import QGridLayout, QLabel, QListWidget, QListWidgetItem, QWidget

from ...gui.context import AppContext
from ...gui.localtime import format_local
from ...gui.style import MUTED, shade
from ...i18n import current_language
from ...labels import describe_error, status_label
from ...shapes.intake import EarlierCase, EarlierCases

DEBOUNCE_MS = 350
CASE_ROLE = Qt.ItemDataRole.UserRole  # the EarlierCase of a list item


class EarlierCasesPanel(QWidget):
    """Two short lists: earlier cases from this phone number and at this place."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("earlierCasesPanel")
        self._phone = ""
        self._point: tuple[float, float] | None = None
        self._asked = {"phone": 0, "place": 0}
        self.callerLabel = QLabel(objectName="callerHistoryLabel")
        self.callerList = QListWidget(objectName="callerHistoryList")
        self.placeLabel = QLabel(objectName="placeHistoryLabel")
        self.placeList = QListWidget(objectName="placeHistoryList")
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.callerLabel, 0, 0)
        layout.addWidget(self.placeLabel, 0, 1)
        layout.addWidget(self.callerList, 1, 0)
        layout.addWidget(self.placeList, 1, 1)
        for box in (self.callerList, self.placeList):
            box.setMaximumHeight(54)  # three lines: the count says how many more there are
            box.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            box.setTextElideMode(Qt.TextElideMode.ElideRight)
            box.setVisible(False)
        self._phone_timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._phone_timer.timeout.connect(self._ask_phone)
        self._place_timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._place_timer.timeout.connect(self._ask_place)
        self._results: dict[str, EarlierCases | None] = {"phone": None, "place": None}
        self.retranslate_ui()

    # ---- questions ----------------------------------------------------------------------
    def phone_changed(self, phone: str) -> None:
        self._phone = phone.strip()
        self._phone_timer.start()

    def place_changed(self, point: tuple[float, float] | None) -> None:
        if point == self._point:
            return
        self._point = point
        self._place_timer.start()

    def _ask_phone(self) -> None:
        self._asked["phone"] += 1
        ticket, phone, intake, principal = self._asked["phone"], self._phone, self.ctx.intake, self.ctx.principal
        if not phone:
            self._show("phone", ticket, None)
            return
        self.ctx.runner.run_in_background(lambda _s: intake.caller_history(principal, phone),
                                          lambda found: self._show("phone", ticket, found), self._failed)

    def _ask_place(self) -> None:
        self._asked["place"] += 1
        ticket, point, intake, principal = self._asked["place"], self._point, self.ctx.intake, self.ctx.principal
        if point is None:
            self._show("place", ticket, None)
            return
        self.ctx.runner.run_in_background(lambda _s: intake.place_history(principal, *point),
                                          lambda found: self._show("place", ticket, found), self._failed)

    def _show(self, kind: str, ticket: int, found: EarlierCases | None) -> None:
        if ticket != self._asked[kind]:
            return  # the number or the place changed since: a newer answer is on its way
        self._results[kind] = found
        box = self.callerList if kind == "phone" else self.placeList
        box.clear()
        for case in found.cases if found else ():
            item = QListWidgetItem(self._line(case))
            item.setData(CASE_ROLE, case)
            item.setToolTip(case.description)
            box.addItem(item)
        box.setVisible(bool(found and found.count))
        self.retranslate_ui()

    def _failed(self, exc: BaseException) -> None:
        self.callerLabel.setText(describe_error(exc))

    def _line(self, c: EarlierCase) -> str:
        category = c.category_zh if current_language().startswith("zh") else c.category_en
        where = f" · {c.distance_m:.0f} m" if c.distance_m is not None else ""
        return (f"{c.case_number}  {format_local(c.reported_at, self.ctx.principal.timezone, '%Y-%m-%d %H:%M')}  "
                f"{status_label(c.status)}  {category}{where}  {c.description[:40]}")

    # ---- language -----------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        caller, place = self._results["phone"], self._results["place"]
        self.callerLabel.setText(
            self.tr("Earlier cases from {phone}: {n}").format(phone=caller.key, n=caller.count) if caller
            else self.tr("Earlier cases from this number appear here"))
        self.placeLabel.setText(
            self.tr("Earlier cases within 50 m: {n}").format(n=place.count) if place
            else self.tr("Earlier cases at this place appear here"))
        for label, found in ((self.callerLabel, caller), (self.placeLabel, place)):
            label.setStyleSheet("font-weight: bold;" if found and found.count else f"color: {shade(MUTED)};")
            label.setToolTip("")
        for box in (self.callerList, self.placeList):
            for i in range(box.count()):
                box.item(i).setText(self._line(box.item(i).data(CASE_ROLE)))

    def caller_count(self) -> int | None:
        found = self._results["phone"]
        return None if found is None else found.count
