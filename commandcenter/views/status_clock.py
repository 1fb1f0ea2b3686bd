"""The status bar's clock: the centre's local time (Asia/Shanghai by default) to the second,
the weekday, and whether today is a working day by the holiday calendar (调休 included), since
working-day time limits stop on the others. Read from the database's clock, so a drill or a
test with a frozen clock shows its own time."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import QLabel, QWidget

from ..gui.localtime import format_local
from ..gui.style import current_theme, notifier


class StatusClock(QLabel):
    """`Wed 10:00:00 · working day`, ticking every second (objectName ``statusClock``); the date
    is in the tooltip, to keep the status bar narrow enough for a 1366-pixel screen."""

    def __init__(self, now: Callable[[], datetime], timezone: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusClock")
        self._now, self._tz = now, timezone
        self.working_day: bool | None = None
        self._timer = QTimer(self, interval=1000)
        self._timer.timeout.connect(self.render)
        self._timer.start()
        notifier.changed.connect(self._restyle)
        self._restyle()
        self.render()

    def _restyle(self) -> None:
        self.setStyleSheet(f"color: {current_theme().clock_text}; font-weight: bold; padding: 0 6px;")

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.render()
        super().changeEvent(event)

    def set_working_day(self, working: bool | None) -> None:
        self.working_day = working
        self.render()

    def render(self) -> None:
        at = self._now()
        weekday = int(format_local(at, self._tz, "%w"))  # 0 = Sunday
        names = (self.tr("Sun"), self.tr("Mon"), self.tr("Tue"), self.tr("Wed"), self.tr("Thu"), self.tr("Fri"),
                 self.tr("Sat"))
        text = f"{names[weekday]} {format_local(at, self._tz, '%H:%M:%S')}"
        if self.working_day is not None:
            text += " · " + (self.tr("working day") if self.working_day else self.tr("rest day"))
        self.setText(text)
        self.setToolTip(self.tr("Centre time ({zone}), {date}").format(
            zone=self._tz, date=format_local(at, self._tz, "%Y-%m-%d")))

    def stop(self) -> None:
        self._timer.stop()
