"""The seat's alert list: urgent arrivals (and flood summaries) until the operator acknowledges them.

A banner on the wall shows each alert for a while and then gives way; the alert itself stays
here, counted in the status bar, until it is acknowledged from the alert list. One list per
signed-in seat (it lives on the AppContext), so the wall, the status bar and the wall mode
read the same alerts. The sound is `AlertSound`: Qt Multimedia is not in PySide6-Essentials,
so the bundled WAV (resources/sounds/urgent.wav, made by scripts/make_alert_sound.py) is played
through the platform's own player, detached, falling back to the system beep.
"""

from __future__ import annotations

import shutil
import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, QProcess, Signal
from PySide6.QtWidgets import QApplication

SOUND_FILE = Path(__file__).resolve().parent.parent.parent / "resources" / "sounds" / "urgent.wav"
# players tried in order (PipeWire, PulseAudio, ALSA, macOS); Windows uses winsound
PLAYERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("pw-play", ()), ("paplay", ()), ("aplay", ("-q",)), ("afplay", ()),
)


@dataclass(frozen=True)
class Alert:
    """One alert as listed: its text, the case it is about (None for a summary), when it came."""

    id: int
    text: str
    case_id: int | None
    at: datetime


class AlertCentre(QObject):
    """Unacknowledged alerts of this seat, oldest first."""

    raised = Signal(object)  # the new Alert
    changed = Signal()  # raised or acknowledged: counts and lists refresh

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._alerts: list[Alert] = []
        self._next_id = 1

    def raise_alert(self, text: str, case_id: int | None, at: datetime) -> Alert:
        alert = Alert(self._next_id, text, case_id, at)
        self._next_id += 1
        self._alerts.append(alert)
        self.raised.emit(alert)
        self.changed.emit()
        return alert

    def acknowledge(self, alert_ids: list[int]) -> None:
        gone = set(alert_ids)
        kept = [a for a in self._alerts if a.id not in gone]
        if len(kept) != len(self._alerts):
            self._alerts = kept
            self.changed.emit()

    def acknowledge_all(self) -> None:
        self.acknowledge([a.id for a in self._alerts])

    @property
    def unacknowledged(self) -> list[Alert]:
        return list(self._alerts)

    @property
    def count(self) -> int:
        return len(self._alerts)


class AlertSound:
    """Plays the urgent sound without blocking: a platform player, else the system beep."""

    def __init__(self, path: Path = SOUND_FILE) -> None:
        self.path = path
        self._player = self._find_player()

    def _find_player(self) -> tuple[str, ...] | None:
        if sys.platform == "win32" or not self.path.is_file():
            return None
        for name, args in PLAYERS:
            found = shutil.which(name)
            if found:
                return (found, *args)
        return None

    @property
    def method(self) -> str:
        """How the sound is played here: a player's name, "winsound" or "beep" (for the README)."""
        if self._player:
            return Path(self._player[0]).name
        return "winsound" if sys.platform == "win32" and self.path.is_file() else "beep"

    def play(self) -> None:
        if self._player:
            program, *args = self._player
            if QProcess.startDetached(program, [*args, str(self.path)])[0]:
                return
        if sys.platform == "win32" and self.path.is_file():
            import winsound

            winsound.PlaySound(str(self.path), winsound.SND_FILENAME | winsound.SND_ASYNC)
            return
        QApplication.beep()
