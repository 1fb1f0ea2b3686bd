"""The case panel's referrals: which centre referred the case to which, why, where it stands, and when.

An operator at either end reads the same lines: the referring centre sees whether its referral
waits for acceptance (受理), was accepted, returned (with the reason) or fed back (with the
outcome); the receiving centre sees who sent it and why. Oldest first, as
`services.referral.ReferralService.of_case` and the case detail give them.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ..domain.referral import ReferralState
from ..gui.localtime import format_local
from ..gui.style import MUTED, shade
from ..referral_labels import kind_label, reason_label, state_label
from ..shapes.referral import ReferralInfo


class ReferralList(QWidget):
    """One block of text per referral of the case shown; hidden while the case has none."""

    def __init__(self, timezone: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("referralList")
        self._tz = timezone
        self._referrals: tuple[ReferralInfo, ...] = ()
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(6)
        self.blocks: list[QLabel] = []
        self.hide()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self._render()
        super().changeEvent(event)

    def show_referrals(self, referrals: tuple[ReferralInfo, ...]) -> None:
        self._referrals = referrals
        self._render()

    def _render(self) -> None:
        for label in self.blocks:
            self._layout.removeWidget(label)
            label.deleteLater()
        self.blocks = []
        for info in self._referrals:
            label = QLabel(self.text_of(info))
            label.setObjectName("referralBlock")
            label.setTextFormat(Qt.TextFormat.PlainText)  # notes are what operators typed
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setStyleSheet(f"QLabel {{ border-left: 3px solid {shade(MUTED)}; padding-left: 6px; }}")
            self._layout.addWidget(label)
            self.blocks.append(label)
        self.setVisible(bool(self._referrals))

    def _at(self, at: datetime | None) -> str:
        return format_local(at, self._tz)

    def text_of(self, r: ReferralInfo) -> str:
        """The lines of one referral: the two centres, the reason, the state, then each step's time."""
        lines = [
            self.tr("{kind}: {source} → {target}").format(kind=kind_label(r.kind), source=r.from_centre,
                                                          target=r.to_centre),
            self.tr("Reason: {reason}").format(reason=reason_label(r.reason)) + (f" — {r.note}" if r.note else ""),
            self.tr("State: {state}").format(state=state_label(r.state)),
            self.tr("Referred {at}").format(at=self._at(r.referred_at)),
        ]
        if r.state == ReferralState.RETURNED:
            lines.append(self.tr("Returned {at}").format(at=self._at(r.decided_at))
                         + (f": {r.return_note}" if r.return_note else ""))
        elif r.decided_at is not None:
            lines.append(self.tr("Accepted for handling {at}").format(at=self._at(r.decided_at)))
        if r.fed_back_at is not None:
            lines.append(self.tr("Fed back {at}").format(at=self._at(r.fed_back_at))
                         + (f": {r.feedback}" if r.feedback else ""))
        return "\n".join(lines)
