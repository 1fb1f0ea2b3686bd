"""The case detail's call-taking section: a 12345 work order (number, due time, the answer
given on the call, the reply at closure), the further reporters merged in, and "Print dispatch
slip" (written off the GUI thread, then opened and its path shown, as handover records are)."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QEvent, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from .. import i18n
from ..gui.context import AppContext
from ..gui.localtime import format_local
from ..gui.style import MUTED, error_text_style, ok_style, shade
from ..labels import describe_error, source_label
from ..paths import data_dir
from ..shapes.cases import CaseDetail
from ..widgets.case_detail import CaseDetailPanel

log = logging.getLogger(__name__)


def print_slip(ctx: AppContext, case_id: int, done: Any, failed: Any) -> None:
    """Write the case's dispatch slip (off the GUI thread), open it, then `done(path)`."""
    intake, principal = ctx.intake, ctx.principal
    lang, folder = i18n.current_language(), data_dir() / "dispatch-slips"

    def opened(path: Any) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        done(str(path))

    ctx.runner.run_in_background(lambda _s: intake.print_slip(principal, case_id, folder=folder, lang=lang),
                                 opened, failed)


def print_slips(ctx: AppContext, case_ids: list[int]) -> None:
    """Print and open the slips of cases just dispatched; the dialog that asked may be gone by
    then, so a failure is logged (the case detail prints the slip again)."""
    for case_id in case_ids:
        print_slip(ctx, case_id, lambda _path: None,
                   lambda exc, case_id=case_id: log.warning("dispatch slip of case %s not printed: %s", case_id, exc))


class CallFacts(QWidget):
    """Work order, further reporters and the slip button of the case a detail panel shows."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("callFacts")
        self._detail: CaseDetail | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.form = QFormLayout()
        self.workOrder = QLabel(objectName="workOrderValue", wordWrap=True)
        self.callAnswer = QLabel(objectName="callAnswerValue", wordWrap=True)
        self.hotlineReply = QLabel(objectName="hotlineReplyValue", wordWrap=True)
        self.reporters = QLabel(objectName="furtherReportersValue", wordWrap=True)
        self.labels = [QLabel() for _ in range(4)]
        for label, value in zip(self.labels, (self.workOrder, self.callAnswer, self.hotlineReply, self.reporters),
                                strict=True):
            self.form.addRow(label, value)
        layout.addLayout(self.form)
        row = QHBoxLayout()
        self.slipButton = QPushButton(objectName="printSlipButton")
        self.slipButton.clicked.connect(self.print_slip)
        self.slipStatus = QLabel(objectName="slipStatus", wordWrap=True)
        row.addWidget(self.slipButton)
        row.addWidget(self.slipStatus, 1)
        layout.addLayout(row)
        self.retranslate_ui()
        self.show_detail(None)

    def show_detail(self, detail: CaseDetail | None) -> None:
        if detail is None or self._detail is None or detail.row.id != self._detail.row.id:
            self.slipStatus.clear()
        self._detail = detail
        self.setVisible(detail is not None)
        self._render()

    def _render(self) -> None:
        d = self._detail
        if d is None:
            return
        h = d.hotline
        tz = self.ctx.principal.timezone
        order = ""
        if h is not None and h.number:
            order = h.number
            if h.due_at is not None:
                order += "  " + self.tr("due {time}").format(time=format_local(h.due_at, tz))
        values = (order, h.call_answer if h else "", h.reply if h else "",
                  "\n".join(self._reporter(r) for r in d.reporters))
        for i, (label, value) in enumerate(zip(self.labels, (self.workOrder, self.callAnswer, self.hotlineReply,
                                                             self.reporters), strict=True)):
            self.form.setRowVisible(i, bool(values[i]))
            value.setText(values[i])
            label.setStyleSheet(f"color: {shade(MUTED)};")

    def _reporter(self, r: Any) -> str:
        who = " ".join(x for x in (r.name, r.phone) if x) or self.tr("anonymous")
        came = f"  ({r.from_case_number})" if r.from_case_number else ""
        return f"{who} · {source_label(r.source)} · {format_local(r.reported_at, self.ctx.principal.timezone)}{came}"

    def print_slip(self) -> None:
        if self._detail is None:
            return
        self.slipButton.setEnabled(False)
        self.slipStatus.setStyleSheet("")
        self.slipStatus.setText(self.tr("Writing the dispatch slip…"))
        print_slip(self.ctx, self._detail.row.id, self._printed, self._failed)

    def _printed(self, path: str) -> None:
        self.slipButton.setEnabled(True)
        self.slipStatus.setStyleSheet(ok_style())
        self.slipStatus.setText(self.tr("Dispatch slip saved to {path}").format(path=path))

    def _failed(self, exc: BaseException) -> None:
        self.slipButton.setEnabled(True)
        self.slipStatus.setStyleSheet(error_text_style())
        self.slipStatus.setText(describe_error(exc))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        for label, text in zip(self.labels, (self.tr("12345 work order"), self.tr("Answered on the call"),
                                             self.tr("Reply to the hotline"), self.tr("Further reporters")),
                               strict=True):
            label.setText(text)
        self.slipButton.setText(self.tr("Print dispatch slip"))
        self._render()


def wire_call_facts(ctx: AppContext, panel: CaseDetailPanel) -> CallFacts:
    """Give a case detail panel its call-taking section, following every detail it shows."""
    facts = CallFacts(ctx, parent=panel)
    panel.add_section(facts)
    panel.detail_shown.connect(facts.show_detail)
    return facts
