"""Showing one handover: the record as rich text, the sign confirmation (which shows exactly
what will be signed), the screen's message line, and opening a record as a PDF."""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QEvent,
    Qt,
    QUrl,
)
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ... import i18n
from ...gui.context import AppContext
from ...gui.style import MUTED_LIGHT, PANEL, error_text_style, ok_style, shade
from ...itemmodels.handover import local_time, status_text
from ...labels import duty_label, priority_label, status_label
from ...paths import data_dir
from ...services.handover import (
    HandoverItemView,
    HandoverRecord,
    ItemInput,
)
from ...services.handover_summary import HandoverCase

NOWRAP = " style='white-space:nowrap'"


class RecordBrowser(QTextBrowser):
    """A handover's drafted snapshot, notes and items as readable rich text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("handoverRecord")
        self.setOpenExternalLinks(False)
        self._record: HandoverRecord | None = None
        self._with_notes = True
        self._draft: tuple[str, Sequence[ItemInput], str] | None = None
        self.retranslate_ui()

    def show_record(self, record: HandoverRecord | None, with_notes: bool = True) -> None:
        """Show a record; without notes (the writing tab edits those beside it) the title goes too."""
        self._record, self._with_notes, self._draft = record, with_notes, None
        self.setHtml(self._html(record, with_notes) if record else "")

    def show_notes(self, notes: str, items: Sequence[ItemInput], tz: str) -> None:
        """Show only notes and pending items as typed (what signing will store)."""
        self._record, self._draft = None, (notes, items, tz)
        self.setHtml(self._notes_html(notes, items, tz))

    def retranslate_ui(self) -> None:
        self.setAccessibleName(self.tr("Handover record"))
        if self._record is not None:
            self.show_record(self._record, self._with_notes)
        elif self._draft is not None:
            self.show_notes(*self._draft)

    def _notes_html(self, notes: str, items: Sequence[ItemInput | HandoverItemView], tz: str) -> str:
        e = html.escape
        notes_title, no_notes, items_title = self.tr("Notes"), self.tr("No notes."), self.tr("Pending items")
        parts = [f"<h4>{e(notes_title)}</h4><p>{e(notes.strip() or no_notes).replace(chr(10), '<br>')}</p>",
                 f"<h4>{e(items_title)} ({len(items)})</h4><ul>"]
        for item in items:
            bits = [("✓ " if item.done else "") + item.text]
            if item.case_number:
                bits.append(self.tr("case {number}").format(number=item.case_number))
            if item.due_at:
                bits.append(self.tr("by {time}").format(time=local_time(item.due_at, tz)))
            parts.append(f"<li>{e(' · '.join(bits))}</li>")
        parts.append("</ul>")
        return "".join(parts)

    def _cases(self, title: str, cases: Sequence[HandoverCase], total: int, tz: str) -> str:
        e = html.escape
        head = f"<h4>{e(title)} ({total})</h4>"
        if not cases:
            return head + f"<p style='color:{shade(MUTED_LIGHT)}'>" + e(self.tr("None.")) + "</p>"
        zh = i18n.current_language().startswith("zh")
        nowrap = (True, True, True, False, True, False, True)  # numbers and times never break
        rows = "".join(
            "<tr>" + "".join(f"<td{NOWRAP if keep else ''}>{e(v)}</td>" for keep, v in zip(nowrap, (
                c.case_number, priority_label(c.priority), status_label(c.status),
                c.category_zh if zh else c.category_en, c.street, c.assignee or "—", local_time(c.deadline, tz)),
                strict=True)) + "</tr>"
            for c in cases)
        more_text = self.tr("… and {n} more.").format(n=total - len(cases))
        more = (f"<p style='color:{shade(MUTED_LIGHT)}'>" + e(more_text) + "</p>") if total > len(cases) else ""
        heads = "".join(f"<th align='left'>{e(h)}</th>" for h in (
            self.tr("Case"), self.tr("Priority"), self.tr("Status"), self.tr("Category"), self.tr("Street"),
            self.tr("Handler"), self.tr("Deadline")))
        return f"{head}<table cellspacing='0' cellpadding='3' width='100%'><tr style='background:{shade(PANEL)}'>{heads}</tr>{rows}</table>{more}"

    def _html(self, r: HandoverRecord, with_notes: bool) -> str:
        e, tz = html.escape, r.timezone
        title = self.tr("{shift} shift of {date}").format(shift=r.shift_name, date=f"{r.shift_date:%Y-%m-%d}")
        parts = [f"<h3>{e(title)} · {e(status_text(r.status))}</h3>"] if with_notes else []
        if r.corrects_id:
            parts.append("<p>" + e(self.tr("Correction to handover #{id}").format(id=r.corrects_id)) + "</p>")
        if r.signed_at:
            parts.append("<p>" + e(self.tr("Signed by {name} at {time}").format(
                name=r.author_name, time=local_time(r.signed_at, tz))))
        if r.acknowledged_at:
            parts.append("<br>" + e(self.tr("Acknowledged by {name} at {time}").format(
                name=r.acknowledged_by_name, time=local_time(r.acknowledged_at, tz))))
        if r.corrections:
            parts.append("<br>" + e(self.tr("Corrected by note(s): {ids}").format(
                ids=", ".join(f"#{i}" for i in r.corrections))))
        if with_notes:
            parts.append(self._notes_html(r.notes, r.items, tz))
        s = r.summary
        if s is None:
            return "".join(parts)
        f = s.figures
        parts.append("<h4>" + e(self.tr("The shift in figures")) + "</h4><p>" + e(self.tr(
            "Reported {reported} · registered {registered} · dispatched {dispatched} · fed back {fed_back} · "
            "closed {closed} · open now {open_now} · overdue now {overdue_now}").format(**f.__dict__)) + "</p>")
        parts.append("<h4>" + e(self.tr("Open cases by stage")) + "</h4><p>"
                     + e(" · ".join(f"{status_label(code)} {n}" for code, n in s.open_by_status)) + "</p>")
        parts.append(self._cases(self.tr("Overdue cases"), s.overdue, s.overdue_total, tz))
        parts.append(self._cases(self.tr("Escalated cases not overdue"), s.escalated, s.escalated_total, tz))
        parts.append(self._cases(self.tr("Urgent cases of the shift"), s.urgent, s.urgent_total, tz))
        parts.append(self._cases(self.tr("Suspended cases"), s.suspended, s.suspended_total, tz))
        parts.append("<h4>" + e(self.tr("Officers off duty or on leave ({n})").format(n=s.officers_off_duty_total)) + "</h4>")
        parts.append("<p>" + e(", ".join(
            f"{o.name} ({duty_label(o.duty_status)}, " + self.tr("{n} open").format(n=o.open_cases) + ")"
            for o in s.officers_off_duty) or self.tr("None with open cases.")) + "</p>")
        drafted = self.tr("Drafted from the database at {time}").format(time=local_time(s.drafted_at, tz))
        parts.append(f"<p style='color:{shade(MUTED_LIGHT)}'>" + e(drafted) + "</p>")
        return "".join(parts)


def open_pdf(ctx: AppContext, record: HandoverRecord, done: Callable[[str], None],
             failed: Callable[[BaseException], None]) -> None:
    """Write the handover record as a PDF (off the GUI thread), then open it in the system viewer."""
    handovers, principal = ctx.handovers, ctx.principal
    lang, folder = i18n.current_language(), data_dir() / "handovers"

    def work(_state: Any) -> str:
        return str(handovers.print_record(principal, record.id, folder=folder, lang=lang))

    def opened(result: str) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(result))
        done(result)

    ctx.runner.run_in_background(work, opened, failed)


class MessageLabel(QLabel):
    def show_message(self, text: str, error: bool = False) -> None:
        self.setText(text)
        self.setStyleSheet(error_text_style() if error else ok_style())


class SignConfirmation(QDialog):
    """Asks before signing and shows exactly the notes and pending items that will be signed.

    The writing tab signs what this dialog showed, captured when it opened, never what the
    editor holds when the answer comes.
    """

    def __init__(self, notes: str, items: Sequence[ItemInput], tz: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("signConfirmation")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.content = RecordBrowser()
        self.content.setObjectName("signedContent")
        self.content.show_notes(notes, items, tz)
        self.buttons = QDialogButtonBox()
        self.sign_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.sign_button.setObjectName("confirmSign")
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.content, 1)
        layout.addWidget(self.buttons)
        self.resize(560, 480)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Sign the handover"))
        self.intro.setText(self.tr(
            "Sign and pass this handover to the incoming supervisor? These notes and pending items are "
            "what will be signed; the figures and case lists are taken from the database as you sign."))
        self.sign_button.setText(self.tr("Sign"))
        self.content.retranslate_ui()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
