"""The case detail panel: every field of one case and its full history, readable at a glance.

Colours, fonts and badges come from `commandcenter.gui.style` and times and durations from
`commandcenter.gui.localtime`, like every screen's.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ..admin_labels import category_name
from ..correction_labels import correction_lines
from ..domain.deadlines import DueState, due_state
from ..domain.privacy import PersonalField
from ..gui.icons import ICONS, icon
from ..gui.localtime import DEFAULT_TZ, format_duration, format_local
from ..gui.style import (
    DUE_COLOURS,
    ENTRY_BACKGROUND,
    MUTED,
    PANEL,
    PRIORITY_COLOURS,
    RULE,
    SECTION_INK,
    SECTION_RULE,
    STATUS_BADGE,
    badge_style,
    shade,
)
from ..i18n import QT_TRANSLATE_NOOP as N
from ..labels import (
    action_label,
    due_label,
    escalation_note,
    priority_label,
    source_label,
    status_label,
)
from ..shapes.cases import CaseDetail, HistoryEntry
from ..shapes.time_requests import TimeRequestRow
from .referral_list import ReferralList
from .reveal_dialog import RevealDialog

EMPTY = "—"


# timeline entries that are not actions of the closed loop, and the icon each shows
_ENTRY_ICONS = {"report": "new_case", "escalation_reminder": "alert", "escalation_supervision": "escalation"}


def action_colour(action: str) -> str:
    spec = ICONS.get(_ENTRY_ICONS.get(action, action))
    return spec[1] if spec else MUTED


def action_icon_name(action: str) -> str | None:
    name = _ENTRY_ICONS.get(action, action)
    return name if name in ICONS else None


def _value_label() -> QLabel:
    label = QLabel()
    # what residents and operators typed is shown as typed: "<b>" is text, never markup
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    return label


# (key, label text, hidden when the value is empty)
_FIELDS: tuple[tuple[str, str, bool], ...] = (
    ("category", N("CaseDetailPanel", "Category"), False),
    ("source", N("CaseDetailPanel", "Source"), False),
    ("reporter", N("CaseDetailPanel", "Reporter"), False),
    ("phone", N("CaseDetailPanel", "Phone"), True),
    ("assignee", N("CaseDetailPanel", "Assignee"), False),
    ("grid", N("CaseDetailPanel", "Grid"), False),
    ("community", N("CaseDetailPanel", "Community / street"), False),
    ("address", N("CaseDetailPanel", "Address"), False),
    ("coordinates", N("CaseDetailPanel", "Coordinates"), False),
    ("reported_at", N("CaseDetailPanel", "Received"), False),
    ("registered_at", N("CaseDetailPanel", "Registered"), False),
    ("dispatched_at", N("CaseDetailPanel", "Dispatched"), False),
    ("accepted_at", N("CaseDetailPanel", "Accepted"), False),
    ("fed_back_at", N("CaseDetailPanel", "Fed back"), False),
    ("closed_at", N("CaseDetailPanel", "Closed"), False),
    ("evaluated_at", N("CaseDetailPanel", "Evaluated"), True),
    ("stage_deadline", N("CaseDetailPanel", "Current stage due"), False),
    ("handle_deadline", N("CaseDetailPanel", "Handling deadline"), False),
    ("extension", N("CaseDetailPanel", "Extended by"), True),
    ("pending_request", N("CaseDetailPanel", "Waiting for approval"), True),
    ("suspended", N("CaseDetailPanel", "Time suspended"), True),
    ("rework", N("CaseDetailPanel", "Rework rounds"), True),
    ("escalation", N("CaseDetailPanel", "Escalation"), True),
    ("rating", N("CaseDetailPanel", "Rating"), True),
    ("merged_into", N("CaseDetailPanel", "Merged into"), True),
    ("reject_reason", N("CaseDetailPanel", "Reject reason"), True),
)
# the masked fields an operator may reveal, one at a time, by the panel's key
_REVEALABLE = {"reporter": PersonalField.REPORTER_NAME, "phone": PersonalField.REPORTER_PHONE,
               "address": PersonalField.ADDRESS}
_SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("case", ("category", "source", "reporter", "phone", "assignee")),
    ("place", ("grid", "community", "address", "coordinates")),
    ("times", ("reported_at", "registered_at", "dispatched_at", "accepted_at", "fed_back_at", "closed_at",
               "evaluated_at")),
    ("limits", ("stage_deadline", "handle_deadline", "extension", "pending_request", "suspended", "rework", "escalation", "rating",
                "merged_into", "reject_reason")),
)


class CaseDetailPanel(QWidget):
    """Shows one case: header (number, priority, status, due state), every field, the history.

    `now` gives the current instant for the due state (pass the database clock so drills and
    tests agree with the wall); the due line refreshes every 30 s while the panel is visible.

    Personal data arrives masked for a viewer without the right (`CaseDetail.personal_masked`);
    with `set_reveal_allowed(True)` each masked field gets a Show button that asks for a reason
    and emits `reveal_requested`; the screen calls the audited reveal and hands the clear value
    back through `show_revealed`, which shows it until another case is shown.
    """

    reveal_requested = Signal(int, str, str)  # case id, PersonalField value, reason
    case_shown = Signal(object)  # the id of the case now shown (another one than before), None for none
    detail_shown = Signal(object)  # every CaseDetail shown (the same case reloaded too), None for none

    def __init__(self, parent: QWidget | None = None, now: Callable[[], datetime] | None = None,
                 timezone: str = DEFAULT_TZ) -> None:
        super().__init__(parent)
        self.setObjectName("caseDetail")
        self._now = now or (lambda: datetime.now(UTC))
        self._tz = timezone  # the centre's, so times read as on its wall clock
        self._detail: CaseDetail | None = None
        self._history_plain: list[str] = []
        self._revealed: dict[str, str] = {}  # panel key -> clear value, for the case shown
        self._may_reveal = False
        self.reveal_buttons: dict[str, QPushButton] = {}
        self.reveal_dialog: RevealDialog | None = None

        self._stack = QStackedWidget()
        self._empty = QLabel()
        self._empty.setObjectName("caseDetailEmpty")
        self._empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._empty.setWordWrap(True)
        self._empty.setStyleSheet(f"color: {shade(MUTED)}; font-size: 13pt;")
        self._stack.addWidget(self._empty)

        content = QWidget()
        outer = QVBoxLayout(content)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self._build_header())
        scroll = QScrollArea()
        scroll.setObjectName("caseDetailScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        self._body = QVBoxLayout(body)
        self._body.setContentsMargins(12, 8, 12, 12)
        self._body.setSpacing(6)
        self.description_label = _value_label()
        self.description_label.setObjectName("descriptionLabel")
        font = self.description_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.description_label.setFont(font)
        self._body.addWidget(self.description_label)
        self.reveal_notice = _value_label()
        self.reveal_notice.setObjectName("revealNotice")
        self.reveal_notice.setStyleSheet(f"color: {shade(MUTED)};")
        self.reveal_notice.hide()
        self._body.addWidget(self.reveal_notice)
        self._section_titles: dict[str, QLabel] = {}
        self._field_labels: dict[str, QLabel] = {}
        self.values: dict[str, QLabel] = {}
        # one grid for every section, so the value column lines up from top to bottom
        fields = QGridLayout()
        fields.setHorizontalSpacing(14)
        fields.setVerticalSpacing(3)
        fields.setColumnStretch(1, 1)
        line = 0
        for section, keys in _SECTIONS:
            fields.addWidget(self._section_title(section), line, 0, 1, 2)
            line += 1
            for key in keys:
                name = QLabel()
                name.setStyleSheet(f"color: {shade(MUTED)};")
                name.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
                value = _value_label()
                value.setObjectName(f"{key}Value")
                self._field_labels[key] = name
                self.values[key] = value
                fields.addWidget(name, line, 0)
                fields.addWidget(value, line, 1)
                if key in _REVEALABLE:
                    button = QPushButton()
                    button.setObjectName(f"{key}RevealButton")
                    button.clicked.connect(lambda _checked=False, k=key: self._ask_reveal(k))
                    button.hide()
                    self.reveal_buttons[key] = button
                    fields.addWidget(button, line, 2, Qt.AlignmentFlag.AlignTop)
                line += 1
        self._body.addLayout(fields)
        self._body.addWidget(self._section_title("referrals"))
        self.referral_list = ReferralList(self._tz)
        self._body.addWidget(self.referral_list)
        self._body.addWidget(self._section_title("history"))
        self.history_box = QWidget()
        self.history_box.setObjectName("historyTimeline")
        self._history = QVBoxLayout(self.history_box)
        self._history.setContentsMargins(0, 0, 0, 0)
        self._history.setSpacing(4)
        self._body.addWidget(self.history_box)
        self._body.addStretch(1)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)
        self._stack.addWidget(content)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._stack)

        self._due_timer = QTimer(self)
        self._due_timer.setInterval(30_000)
        self._due_timer.timeout.connect(self._render_due)
        self.retranslate_ui()

    # ---- building ---------------------------------------------------------------------
    def _build_header(self) -> QWidget:
        header = QFrame()
        header.setObjectName("caseDetailHeader")
        header.setStyleSheet(f"#caseDetailHeader {{ background: {shade(PANEL)}; border-bottom: 1px solid {shade(RULE)}; }}")
        grid = QGridLayout(header)
        grid.setContentsMargins(12, 10, 12, 10)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(4)
        self.number_label = QLabel()
        self.number_label.setObjectName("caseNumberLabel")
        self.number_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = QFont(self.number_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.number_label.setFont(font)
        self.priority_badge = QLabel()
        self.priority_badge.setObjectName("priorityBadge")
        self.status_label = QLabel()
        self.status_label.setObjectName("statusLabel")
        self.status_label.setStyleSheet(badge_style(STATUS_BADGE))
        self.due_label = QLabel()
        self.due_label.setObjectName("dueLabel")
        self.due_label.setWordWrap(True)
        self.headline_label = QLabel()
        self.headline_label.setObjectName("headlineLabel")
        self.headline_label.setWordWrap(True)
        hfont = QFont(self.headline_label.font())
        hfont.setPointSizeF(hfont.pointSizeF() * 1.15)
        self.headline_label.setFont(hfont)
        top = QHBoxLayout()
        top.setSpacing(8)
        top.addWidget(self.number_label)
        top.addWidget(self.priority_badge)
        top.addWidget(self.status_label)
        top.addStretch(1)
        grid.addLayout(top, 0, 0)
        grid.addWidget(self.headline_label, 1, 0)
        grid.addWidget(self.due_label, 2, 0)
        return header

    def _section_title(self, key: str) -> QLabel:
        label = QLabel()
        label.setObjectName(f"{key}Section")
        label.setStyleSheet(f"QLabel {{ color: {shade(SECTION_INK)}; font-weight: bold; border: none;"
                            f" border-bottom: 1px solid {shade(SECTION_RULE)}; margin-top: 8px; padding-bottom: 2px; }}")
        self._section_titles[key] = label
        return label

    # ---- language ---------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self._empty.setText(self.tr("No case selected.\nSelect a case on the wall to see every field and its history."))
        titles = {
            "case": self.tr("Case"),
            "place": self.tr("Place"),
            "times": self.tr("Times (local)"),
            "limits": self.tr("Time limits and outcome"),
            "referrals": self.tr("Referrals between centres"),
            "history": self.tr("History"),
        }
        for key, label in self._section_titles.items():
            label.setText(titles[key])
        for key, text, _ in _FIELDS:
            self._field_labels[key].setText(self.tr(text))
        for button in self.reveal_buttons.values():
            button.setText(self.tr("Show"))
            button.setToolTip(self.tr("Show in clear: asks for a reason, recorded in the audit trail"))
        self._render()

    # ---- content ----------------------------------------------------------------------
    @property
    def detail(self) -> CaseDetail | None:
        return self._detail

    def show_detail(self, detail: CaseDetail | None) -> None:
        """Show a case (or the empty state for None); revealed values stay while it is the same case."""
        changed = detail is None or self._detail is None or detail.row.id != self._detail.row.id
        if changed:
            self._revealed.clear()
            self.reveal_notice.hide()
        self._detail = detail
        self._render()
        if changed:
            self.case_shown.emit(None if detail is None else detail.row.id)
        self.detail_shown.emit(detail)
        if detail is not None and self.isVisible():
            self._due_timer.start()
        elif detail is None:
            self._due_timer.stop()

    def add_section(self, widget: QWidget) -> None:
        """Put a screen's own section (the case's photos) between the fields and the history."""
        self._body.insertWidget(self._body.indexOf(self.history_box) - 1, widget)

    def _local(self, at: datetime | None) -> str:
        return format_local(at, self._tz)

    def _render(self) -> None:
        d = self._detail
        if d is None:
            self._stack.setCurrentIndex(0)
            return
        self._stack.setCurrentIndex(1)
        r = d.row
        self.number_label.setText(r.case_number)
        self.priority_badge.setText(priority_label(r.priority))
        self.priority_badge.setStyleSheet(badge_style(PRIORITY_COLOURS.get(r.priority, MUTED)))
        self.status_label.setText(status_label(r.status))
        self.headline_label.setText(f"{r.category_code} {category_name(r.category_zh, r.category_en)}")
        self.description_label.setText(r.description)
        values: dict[str, str] = {
            "category": f"{r.category_code} {category_name(r.category_zh, r.category_en)}",
            "source": source_label(r.source),
            "reporter": self._revealed.get("reporter", d.reporter_name) or self.tr("anonymous"),
            "phone": self._revealed.get("phone", d.reporter_phone),
            "assignee": r.assignee_name or self.tr("not dispatched"),
            "grid": r.grid_code,
            "community": f"{r.community_name} · {r.street_name}",
            "address": self._revealed.get("address", r.address) or EMPTY,
            "coordinates": f"{r.lon:.6f}, {r.lat:.6f}",
            "reported_at": self._local(r.reported_at),
            "registered_at": self._local(d.registered_at),
            "dispatched_at": self._local(d.dispatched_at),
            "accepted_at": self._local(d.accepted_at),
            "fed_back_at": self._local(d.fed_back_at),
            "closed_at": self._local(r.closed_at),
            "evaluated_at": self._local(d.evaluated_at) if d.evaluated_at else "",
            "stage_deadline": self._local(r.stage_deadline_at),
            "handle_deadline": self._local(r.handle_deadline_at),
            "extension": format_duration(d.extended_minutes * 60) if d.extended_minutes else "",
            "pending_request": "\n".join(self._request_text(q) for q in d.time_requests if q.state == "pending"),
            "suspended": format_duration(d.suspended_seconds) if d.suspended_seconds else "",
            "rework": str(r.rework_count) if r.rework_count else "",
            "escalation": {1: self.tr("Reminder sent"), 2: self.tr("Escalated to supervisor")}.get(
                r.escalation_level, ""),
            "rating": ("★" * d.rating + "☆" * (5 - d.rating) + f"  {d.rating}/5") if d.rating else "",
            "merged_into": d.merged_into_number or "",
            "reject_reason": d.reject_reason,
        }
        for key, _text, hide_empty in _FIELDS:
            value = values[key]
            shown = bool(value) or not hide_empty
            self.values[key].setText(value)
            self.values[key].setVisible(shown)
            self._field_labels[key].setVisible(shown)
        stored = {"reporter": d.reporter_name, "phone": d.reporter_phone, "address": r.address}
        for key, button in self.reveal_buttons.items():
            button.setVisible(self._may_reveal and d.personal_masked and bool(stored[key])
                              and key not in self._revealed)
        self._render_due()
        self.referral_list.show_referrals(d.referrals)
        self._section_titles["referrals"].setVisible(bool(d.referrals))
        # reminders and supervisions take their place in time among the actions
        self._render_history(tuple(sorted(d.history + d.escalations, key=lambda h: h.at)))

    def _request_text(self, q: TimeRequestRow) -> str:
        """A request still waiting for a supervisor: what, how long, asked when and why."""
        text = (self.tr("Extension of {span}, asked {at}: {reason}") if q.kind == "extension"
                else self.tr("Suspension for {span}, asked {at}: {reason}"))
        return text.format(span=format_duration(q.minutes * 60), at=self._local(q.requested_at), reason=q.reason)

    def _render_due(self) -> None:
        d = self._detail
        if d is None:
            return
        r = d.row
        now = self._now()
        state = due_state(now, r.stage_remind_at, r.stage_deadline_at, r.clock_running)
        colour = DUE_COLOURS[state]
        if state is DueState.NONE:
            text = due_label(state)
        elif state is DueState.OVERDUE:
            assert r.stage_deadline_at is not None
            text = self.tr("Overdue by {span} (was due {at})").format(
                span=format_duration((now - r.stage_deadline_at).total_seconds()),
                at=self._local(r.stage_deadline_at))
        else:
            assert r.stage_deadline_at is not None
            text = self.tr("{state}: due {at} (in {span})").format(
                state=due_label(state), at=self._local(r.stage_deadline_at),
                span=format_duration((r.stage_deadline_at - now).total_seconds()))
        self.due_label.setText(text)
        self.due_label.setStyleSheet(f"color: {shade(colour)}; font-weight: bold;")

    def _render_history(self, history: tuple[HistoryEntry, ...]) -> None:
        self._history_plain.clear()
        while self._history.count():
            item = self._history.takeAt(0)
            widget = item.widget()
            if widget is not None:
                widget.deleteLater()
        for entry in history:
            self._history.addWidget(self._history_entry(entry))

    def _history_entry(self, h: HistoryEntry) -> QWidget:
        colour = action_colour(h.action)
        frame = QFrame()
        frame.setObjectName("historyEntry")
        frame.setStyleSheet(f"#historyEntry {{ border-left: 4px solid {colour}; background: {shade(ENTRY_BACKGROUND)}; }}")
        row = QHBoxLayout(frame)
        row.setContentsMargins(8, 4, 6, 4)
        row.setSpacing(8)
        name = action_icon_name(h.action)
        if name is not None:
            pic = QLabel()
            pic.setPixmap(icon(name).pixmap(18, 18))
            pic.setAlignment(Qt.AlignmentFlag.AlignTop)
            row.addWidget(pic)
        e = html.escape
        # the first entry (report) has no "from": its action already names the status
        transition = "" if h.from_status is None else f"{status_label(h.from_status)} → {status_label(h.to_status)}"
        who = h.actor or self.tr("system")
        handler = " / ".join(x for x in (h.officer_name, h.department_name) if x)
        by = self.tr("by {who}").format(who=who)
        if handler:
            by += " · " + self.tr("handler: {name}").format(name=handler)
        when = self._local(h.at)
        what = action_label(h.action)
        lines = [
            f"<span style='color:{shade(MUTED)}'>{e(when)}</span>&nbsp;&nbsp;"
            f"<b style='color:{shade(colour)}'>{e(what)}</b>&nbsp;&nbsp;{e(transition)}",
            f"<span style='color:{shade(MUTED)}'>{e(by)}</span>",
        ]
        plain = [f"{when}  {what}  {transition}".rstrip(), by]
        note = escalation_note(h.stage, h.round, h.acknowledged_by) if h.stage else h.note
        if h.correction is not None:  # what changed, then the reason given
            note = "\n".join([*correction_lines(h.correction), note]).strip()
        if note:
            lines.append(e(note).replace("\n", "<br>"))
            plain.append(note)
        self._history_plain.append("\n".join(plain))
        text = QLabel("<br>".join(lines))
        text.setObjectName("historyText")
        text.setTextFormat(Qt.TextFormat.RichText)
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row.addWidget(text, 1)
        return frame

    # ---- revealing personal data --------------------------------------------------------
    def set_reveal_allowed(self, allowed: bool) -> None:
        """Offer the Show buttons (the viewer's role may reveal personal data)."""
        self._may_reveal = allowed
        self._render()

    def _ask_reveal(self, key: str) -> None:
        d = self._detail
        if d is None:
            return
        field, case_id = _REVEALABLE[key], d.row.id
        dialog = RevealDialog(d.row.case_number, field, self)
        self.reveal_dialog = dialog
        dialog.accepted.connect(lambda: self.reveal_requested.emit(case_id, field.value, dialog.reason()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def show_revealed(self, case_id: int, field: str, value: str) -> None:
        """Show the clear `value` of `field` (a PersonalField value) if that case is still shown."""
        if self._detail is None or self._detail.row.id != case_id:
            return
        key = next(k for k, f in _REVEALABLE.items() if f.value == field)
        self._revealed[key] = value
        self.reveal_notice.hide()
        self._render()

    def show_reveal_error(self, message: str) -> None:
        """Say why a reveal was refused (a revoked right, another centre's case)."""
        self.reveal_notice.setText(message)
        self.reveal_notice.show()

    def history_texts(self) -> list[str]:
        """The plain text of each history entry, oldest first (what an operator reads)."""
        return list(self._history_plain)

    # ---- live due line ----------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        if self._detail is not None:
            self._render_due()
            self._due_timer.start()
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt override
        self._due_timer.stop()
        super().hideEvent(event)

