"""Asking only what a case action needs: a reason, a duration, a rating or a merge target.

Time is asked for, never taken: an operator records an extension or suspension request with
the time wanted and the reason; a supervisor's approve and refuse dialogs show that request.

`ask_params(ctx, action, row, parent)` returns the TransitionParams for the service (or None
when the operator cancels); actions that need nothing return at once without a dialog.
`ActionParamsDialog` is the dialog itself, usable without `exec()` in tests via `params()`.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...admin_labels import category_name
from ...domain.actions import NEEDS_REASON, Action, note_limit
from ...domain.enums import SourceChannel, Stage, TimeRequestKind, TimeRequestState, TimeUnit
from ...domain.photos import PhotoStage
from ...domain.referral import JOINT_ACTIONS
from ...gui.context import AppContext
from ...gui.icons import ICONS, icon
from ...gui.localtime import format_duration, format_local
from ...gui.style import STAR, dialog_header, error_style, hint_style
from ...i18n import QT_TRANSLATE_NOOP as N
from ...labels import action_label, describe_error, status_label
from ...services.lifecycle import MAX_EXTENSION_MINUTES, TransitionParams
from ...services.reference_lists import OpenCaseChoice
from ...services.timelimits import TimeLimits
from ...shapes.cases import CaseDetail, CaseRow
from ...shapes.time_requests import TimeRequestRow
from ...widgets.intake.reply_field import HotlineReplyField
from ..photo_panels import PhotoStrip
from .checked import CheckedDialog
from .correction import CorrectionDialog
from .field_steps import FIELD_STEP_DIALOGS, FieldStepDialog
from .joint import JointDialog
from .referral import REFERRAL_DIALOGS, ReferralDialog

# what the note field asks for, per action; whether it is required, and how long it may be, is
# the domain's rule (NEEDS_REASON, note_limit), marked with "*" here
NOTE_PROMPTS: dict[Action, str] = {
    Action.REJECT: N("ActionParamsDialog", "Why is the report invalid?"),
    Action.RETURN_FOR_REWORK: N("ActionParamsDialog", "What must be redone?"),
    Action.REQUEST_SUSPENSION: N("ActionParamsDialog", "Why is the case suspended?"),
    Action.REOPEN: N("ActionParamsDialog", "Why is the case reopened?"),
    Action.REQUEST_EXTENSION: N("ActionParamsDialog", "Why is more time needed?"),
    Action.EXTEND: N("ActionParamsDialog", "Comment (optional)"),
    Action.SUSPEND: N("ActionParamsDialog", "Comment (optional)"),
    Action.REFUSE_EXTENSION: N("ActionParamsDialog", "Why is the request refused?"),
    Action.REFUSE_SUSPENSION: N("ActionParamsDialog", "Why is the request refused?"),
    Action.FEED_BACK: N("ActionParamsDialog", "What was done on site?"),
    # verify and close: the dialog is the confirmation, the note the verification's record
    Action.CLOSE: N("ActionParamsDialog", "Verification note: what was checked (optional)"),
    Action.EVALUATE: N("ActionParamsDialog", "Comment (optional)"),
    Action.MERGE: N("ActionParamsDialog", "Note (optional)"),
}
RATING_TEXTS = (
    N("ActionParamsDialog", "Very dissatisfied"),
    N("ActionParamsDialog", "Dissatisfied"),
    N("ActionParamsDialog", "Acceptable"),
    N("ActionParamsDialog", "Satisfied"),
    N("ActionParamsDialog", "Very satisfied"),
)
CHOICE_ROLE = Qt.ItemDataRole.UserRole  # the OpenCaseChoice of a merge-list item
# requests ask how long; decisions show the pending request of their kind
TIME_WANTED: frozenset[Action] = frozenset({Action.REQUEST_EXTENSION, Action.REQUEST_SUSPENSION})
DECIDES: dict[Action, TimeRequestKind] = {
    Action.EXTEND: TimeRequestKind.EXTENSION, Action.REFUSE_EXTENSION: TimeRequestKind.EXTENSION,
    Action.SUSPEND: TimeRequestKind.SUSPENSION, Action.REFUSE_SUSPENSION: TimeRequestKind.SUSPENSION,
}


def needs_dialog(action: Action) -> bool:
    """Whether the action needs anything besides the case (dispatch has its own dialog, the
    field steps theirs)."""
    return (action in NOTE_PROMPTS or action in FIELD_STEP_DIALOGS or action in REFERRAL_DIALOGS
            or action in JOINT_ACTIONS or action is Action.CORRECT)


def ask_params(ctx: AppContext, action: Action, row: CaseRow, parent: QWidget | None) -> TransitionParams | None:
    """What `action` on `row` needs, asked in a small modal dialog; None when cancelled.

    Register, accept, close and resume need nothing: TransitionParams() comes back at once.
    Dispatch and reassign choose a handler in DispatchDialog instead.
    """
    action = Action(action)
    if action in (Action.DISPATCH, Action.REASSIGN):
        raise ValueError("dispatch and reassign choose their handler in DispatchDialog")
    dialog: FieldStepDialog | ReferralDialog | JointDialog | ActionParamsDialog
    if action in FIELD_STEP_DIALOGS:  # send-back, field check, follow-up
        dialog = FieldStepDialog(ctx, action, row, parent)
    elif action in REFERRAL_DIALOGS:  # refer up, down or across; return or feed back a referral
        dialog = ReferralDialog(ctx, action, row, parent)
    elif action in JOINT_ACTIONS:  # a supporting unit joins, or feeds back its part
        dialog = JointDialog(ctx, action, row, parent)
    elif action is Action.CORRECT:  # 更正: a new category or grid, and why
        dialog = CorrectionDialog(ctx, row, parent)
    elif needs_dialog(action):
        dialog = ActionParamsDialog(ctx, action, row, parent)
    else:
        return TransitionParams()
    try:
        return dialog.params() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()


class ActionParamsDialog(CheckedDialog):
    """A small form for one action on one case: only the fields that action needs."""

    def __init__(self, ctx: AppContext, action: Action, row: CaseRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.action = Action(action)
        self.row = row
        self.setObjectName("actionParamsDialog")
        self.setModal(True)
        self._limits: TimeLimits | None = None
        self._merge_choices: list[OpenCaseChoice] = []
        layout = QVBoxLayout(self)
        layout.setSpacing(8)

        header, self.titleLabel = dialog_header(self.action.value, "actionTitle")
        layout.addLayout(header)
        self.caseLabel = QLabel()
        self.caseLabel.setObjectName("caseSummary")
        self.caseLabel.setWordWrap(True)
        self.caseLabel.setStyleSheet(hint_style())
        layout.addWidget(self.caseLabel)

        self.durationCombo: QComboBox | None = None
        self.customMinutes: QSpinBox | None = None
        self.deadlineLabel: QLabel | None = None
        if self.action in TIME_WANTED:
            self._build_extend(layout)
        self.requestLabel: QLabel | None = None
        self._request: TimeRequestRow | None = None
        if self.action in DECIDES:
            self._build_decision(layout)
        self.ratingGroup: QButtonGroup | None = None
        self.ratingText: QLabel | None = None
        if self.action is Action.EVALUATE:
            self._build_rating(layout)
        self.mergeSearch: QLineEdit | None = None
        self.mergeList: QListWidget | None = None
        self.mergeAllGrids: QCheckBox | None = None
        self.mergeHint: QLabel | None = None
        if self.action is Action.MERGE:
            self._build_merge(layout)

        self.noteLabel = QLabel()
        self.noteEdit = QPlainTextEdit()
        self.noteEdit.setObjectName("noteEdit")
        self.noteEdit.setTabChangesFocus(True)
        self.noteEdit.setMaximumHeight(110 if self.action in (Action.MERGE, Action.EVALUATE) else 160)
        self.noteLabel.setBuddy(self.noteEdit)
        layout.addWidget(self.noteLabel)
        layout.addWidget(self.noteEdit)
        # closing a 12345 work order records the reply the hotline sends back (issue 14)
        self.replyField: HotlineReplyField | None = None
        if self.action is Action.CLOSE and row.source == SourceChannel.HOTLINE_12345:
            self.replyField = HotlineReplyField(self)
            layout.addWidget(self.replyField)
        self.photoStrip: PhotoStrip | None = None
        if self.action is Action.FEED_BACK:  # the handler's photos of the result
            self.photoStrip = PhotoStrip(ctx, row.id, frozenset({PhotoStage.FEEDBACK}), PhotoStage.FEEDBACK, self)
            layout.addWidget(self.photoStrip)

        self.errorLabel = QLabel()
        self.errorLabel.setObjectName("errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setStyleSheet(error_style())
        layout.addWidget(self.errorLabel)
        self.buttons = QDialogButtonBox()
        self.okButton = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.okButton.setObjectName("okButton")
        if self.action.value in ICONS:
            self.okButton.setIcon(icon(self.action.value))
        self.okButton.setDefault(True)
        self.cancelButton = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.okButton.clicked.connect(self.accept)
        self.cancelButton.clicked.connect(self.reject)
        layout.addWidget(self.buttons)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.accept)

        self.resize(560, 0)
        self.retranslate_ui()
        self._first_field().setFocus()
        self._load()

    # ---- per-action parts -------------------------------------------------------------
    def _build_extend(self, layout: QVBoxLayout) -> None:
        self.durationLabel = QLabel()
        self.durationCombo = QComboBox()
        self.durationCombo.setObjectName("durationCombo")
        self.customMinutes = QSpinBox()
        self.customMinutes.setObjectName("customMinutes")
        self.customMinutes.setRange(1, MAX_EXTENSION_MINUTES)
        self.customMinutes.setValue(90)
        self.customMinutes.setSingleStep(15)
        self.durationCombo.currentIndexChanged.connect(self._duration_changed)
        self.customMinutes.valueChanged.connect(self._render_deadline)
        row = QHBoxLayout()
        row.addWidget(self.durationLabel)
        row.addWidget(self.durationCombo, 1)
        row.addWidget(self.customMinutes)
        layout.addLayout(row)
        self.deadlineLabel = QLabel()
        self.deadlineLabel.setObjectName("newDeadlineLabel")
        self.deadlineLabel.setWordWrap(True)
        layout.addWidget(self.deadlineLabel)

    def _build_decision(self, layout: QVBoxLayout) -> None:
        self.requestLabel = QLabel()
        self.requestLabel.setObjectName("requestLabel")
        self.requestLabel.setWordWrap(True)
        layout.addWidget(self.requestLabel)
        if self.action is Action.EXTEND:
            self.deadlineLabel = QLabel()
            self.deadlineLabel.setObjectName("newDeadlineLabel")
            self.deadlineLabel.setWordWrap(True)
            layout.addWidget(self.deadlineLabel)

    def _build_rating(self, layout: QVBoxLayout) -> None:
        self.ratingGroup = QButtonGroup(self)
        self.ratingGroup.setExclusive(True)
        row = QHBoxLayout()
        self.ratingLabel = QLabel()
        row.addWidget(self.ratingLabel)
        for stars in range(1, 6):
            button = QToolButton()
            button.setObjectName(f"star{stars}")
            button.setCheckable(True)
            button.setAutoRaise(True)
            button.setText("☆")
            button.setStyleSheet(f"QToolButton {{ font-size: 22pt; color: {STAR}; border: none; padding: 0 2px; }}")
            self.ratingGroup.addButton(button, stars)
            row.addWidget(button)
        self.ratingGroup.idToggled.connect(self._rating_changed)
        self.ratingText = QLabel()
        self.ratingText.setObjectName("ratingText")
        row.addWidget(self.ratingText, 1)
        layout.addLayout(row)

    def _build_merge(self, layout: QVBoxLayout) -> None:
        self.mergeLabel = QLabel()
        layout.addWidget(self.mergeLabel)
        self.mergeSearch = QLineEdit()
        self.mergeSearch.setObjectName("mergeSearch")
        self.mergeSearch.setClearButtonEnabled(True)
        self.mergeSearch.textChanged.connect(self._filter_merge)
        self.mergeSearch.installEventFilter(self)
        layout.addWidget(self.mergeSearch)
        self.mergeList = QListWidget()
        self.mergeList.setObjectName("mergeList")
        self.mergeList.setMinimumHeight(180)
        self.mergeList.setAlternatingRowColors(True)
        self.mergeList.currentItemChanged.connect(lambda *_: self.errorLabel.clear())
        self.mergeList.itemDoubleClicked.connect(lambda _item: self.accept())
        layout.addWidget(self.mergeList)
        self.mergeHint = QLabel()
        self.mergeHint.setObjectName("mergeHint")
        self.mergeHint.setStyleSheet(hint_style())
        self.mergeHint.setWordWrap(True)
        layout.addWidget(self.mergeHint)
        self.mergeAllGrids = QCheckBox()
        self.mergeAllGrids.setObjectName("mergeAllGrids")
        self.mergeAllGrids.toggled.connect(lambda _checked: self._load())
        layout.addWidget(self.mergeAllGrids)

    def _first_field(self) -> QWidget:
        if self.mergeSearch is not None:
            return self.mergeSearch
        if self.ratingGroup is not None:
            return self.ratingGroup.button(5)
        if self.durationCombo is not None:
            return self.durationCombo
        return self.noteEdit

    # ---- language ---------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        r = self.row
        verb = action_label(self.action)
        self.setWindowTitle(self.tr("{action} — {case}").format(action=verb, case=r.case_number))
        self.titleLabel.setText(self.tr("{action}: case {case}").format(action=verb, case=r.case_number))
        self.caseLabel.setText(
            self.tr("{category} · grid {grid} ({community}) · {status}\n{description}").format(
                category=f"{r.category_code} {category_name(r.category_zh, r.category_en)}", grid=r.grid_code,
                community=r.community_name,
                status=status_label(r.status), description=_shorten(r.description, 140))
        )
        required = self.action in NEEDS_REASON
        self.noteLabel.setText(self.tr(NOTE_PROMPTS[self.action]) + (" *" if required else ""))
        self.okButton.setText(self.tr("{action} (Enter)").format(action=verb) if not self._note_is_main()
                              else self.tr("{action} (Ctrl+Enter)").format(action=verb))
        if self.durationCombo is not None:
            self.durationLabel.setText(self.tr("Extend by") if self.action is Action.REQUEST_EXTENSION
                                       else self.tr("Suspend for"))
            self._fill_durations()
        self._render_request()
        if self.ratingGroup is not None:
            self.ratingLabel.setText(self.tr("Rating *"))
            self._rating_changed()
        if self.mergeSearch is not None:
            self.mergeLabel.setText(self.tr("Merge into which case? *"))
            self.mergeSearch.setPlaceholderText(self.tr("Filter by case number, category, address or text"))
            assert self.mergeAllGrids is not None
            self.mergeAllGrids.setText(self.tr("Show open cases in every grid, not only grid {grid}").format(
                grid=r.grid_code))
            self._filter_merge()

    def _note_is_main(self) -> bool:
        """Whether the note is the main input (Enter then makes new lines; Ctrl+Enter confirms)."""
        return self.action not in (Action.MERGE, Action.EVALUATE)

    # ---- loading ----------------------------------------------------------------------
    def _load(self) -> None:
        ctx, principal, r = self.ctx, self.ctx.principal, self.row
        if self.action in DECIDES:
            self.ctx.runner.run_in_background(lambda _s: ctx.cases.detail(principal, r.id), self._request_loaded,
                                              self._load_failed)
        if self.action in TIME_WANTED or self.action is Action.EXTEND:
            self.ctx.runner.run_in_background(lambda _s: ctx.reference.limits(principal), self._limits_loaded,
                                              self._load_failed)
        elif self.action is Action.MERGE:
            assert self.mergeAllGrids is not None
            grid_id = None if self.mergeAllGrids.isChecked() else r.grid_id
            self.ctx.runner.run_in_background(
                lambda _s: ctx.reference.open_cases(principal, grid_id=grid_id, exclude_id=r.id),
                self._merge_loaded, self._load_failed)

    def _load_failed(self, exc: BaseException) -> None:
        self.errorLabel.setText(describe_error(exc))

    # ---- extend -----------------------------------------------------------------------
    def _limits_loaded(self, limits: TimeLimits) -> None:
        self._limits = limits
        if self.durationCombo is not None:
            self._fill_durations()
        self._render_deadline()

    # ---- a decision on a request ------------------------------------------------------
    def _request_loaded(self, detail: CaseDetail) -> None:
        kind = DECIDES[self.action].value
        self._request = next((q for q in reversed(detail.time_requests)
                              if q.kind == kind and q.state == TimeRequestState.PENDING), None)
        self._render_request()
        self._render_deadline()

    def _render_request(self) -> None:
        if self.requestLabel is None:
            return
        q = self._request
        if q is None:
            self.requestLabel.setText(self.tr("No request of this kind is waiting for a decision."))
            return
        tz = self.ctx.principal.timezone
        self.requestLabel.setText(self.tr("Requested by {who} at {at}, before the deadline {deadline}: "
                                          "{span}\n{reason}").format(
            who=q.requested_by or "—", at=format_local(q.requested_at, tz),
            deadline=format_local(q.stage_deadline_at, tz), span=format_duration(q.minutes * 60), reason=q.reason))

    def _working(self) -> bool:
        if self._limits is None:
            return False
        _, unit = self._limits.limit(self.row.category_id, self.row.priority, Stage.HANDLE)
        return unit is TimeUnit.WORKING

    def _fill_durations(self) -> None:
        assert self.durationCombo is not None
        working = self._working()
        if working and self._limits is not None:
            day = sum((b.hour * 60 + b.minute) - (a.hour * 60 + a.minute) for a, b in self._limits.calendar.periods)
            day_text = self.tr("1 working day")
        else:
            day, day_text = 24 * 60, self.tr("1 day")
        options = [(30, self.tr("30 min")), (60, self.tr("1 h")), (120, self.tr("2 h")), (240, self.tr("4 h")),
                   (day, day_text), (0, self.tr("Custom…"))]
        index = self.durationCombo.currentIndex()
        self.durationCombo.blockSignals(True)
        self.durationCombo.clear()
        for minutes, text in options:
            self.durationCombo.addItem(text, minutes)
        self.durationCombo.setCurrentIndex(index if index >= 0 else 1)
        self.durationCombo.blockSignals(False)
        self._duration_changed()

    def _duration_changed(self) -> None:
        assert self.durationCombo is not None and self.customMinutes is not None
        self.customMinutes.setVisible(self.durationCombo.currentData() == 0)
        self.customMinutes.setSuffix(self.tr(" min"))
        self._render_deadline()

    def extension_minutes(self) -> int | None:
        if self.durationCombo is None or self.customMinutes is None:
            return None
        minutes = self.durationCombo.currentData()
        return int(self.customMinutes.value()) if minutes == 0 else int(minutes)

    def _render_deadline(self) -> None:
        if self.deadlineLabel is None:
            return
        minutes = self.extension_minutes() or (self._request.minutes if self._request is not None else 0)
        old = self.row.handle_deadline_at
        if self._limits is None or old is None:
            self.deadlineLabel.setText("")
            return
        _, unit = self._limits.limit(self.row.category_id, self.row.priority, Stage.HANDLE)
        new: datetime = self._limits.calendar.add(old, minutes, unit)
        clock = self.tr("counted in working time: office hours on working days") if unit is TimeUnit.WORKING \
            else self.tr("counted in calendar time")
        tz = self.ctx.principal.timezone
        self.deadlineLabel.setText(
            self.tr("Handling deadline {old} → {new}  (+{span}, {clock})").format(
                old=format_local(old, tz), new=format_local(new, tz), span=format_duration(minutes * 60), clock=clock)
        )
        self.deadlineLabel.setStyleSheet("font-weight: bold;")

    # ---- evaluate ---------------------------------------------------------------------
    def rating(self) -> int | None:
        if self.ratingGroup is None:
            return None
        checked = self.ratingGroup.checkedId()
        return checked if checked > 0 else None

    def set_rating(self, stars: int) -> None:
        assert self.ratingGroup is not None
        self.ratingGroup.button(stars).setChecked(True)

    def _rating_changed(self, *_args: object) -> None:
        assert self.ratingGroup is not None and self.ratingText is not None
        chosen = self.rating() or 0
        for stars in range(1, 6):
            self.ratingGroup.button(stars).setText("★" if stars <= chosen else "☆")
            self.ratingGroup.button(stars).setToolTip(self.tr(RATING_TEXTS[stars - 1]))
        self.ratingText.setText(
            self.tr(RATING_TEXTS[chosen - 1]) if chosen else self.tr("Keys 1–5 choose the stars"))
        self.ratingText.setStyleSheet("font-weight: bold;" if chosen else hint_style())
        if chosen:
            self.errorLabel.clear()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        # digits reach the dialog only when no text field took them
        if self.ratingGroup is not None and Qt.Key.Key_1 <= event.key() <= Qt.Key.Key_5:
            self.set_rating(int(event.key()) - int(Qt.Key.Key_0))
            return
        super().keyPressEvent(event)

    # ---- merge ------------------------------------------------------------------------
    def _merge_loaded(self, choices: list[OpenCaseChoice]) -> None:
        self._merge_choices = choices
        self._filter_merge()

    def _filter_merge(self) -> None:
        assert self.mergeList is not None and self.mergeSearch is not None and self.mergeHint is not None
        query = self.mergeSearch.text().strip().lower()
        previous = self.merge_target()
        self.mergeList.clear()
        for c in self._merge_choices:
            haystack = f"{c.case_number} {c.category_code} {c.category_zh} {c.category_en} {c.address} {c.description}"
            if query and query not in haystack.lower():
                continue
            item = QListWidgetItem(
                f"{c.case_number}   {format_local(c.reported_at, self.ctx.principal.timezone)}   {status_label(c.status)}\n"
                f"{category_name(c.category_zh, c.category_en)} · {c.grid_code} · {_shorten(c.address or c.description, 60)}"
            )
            item.setData(CHOICE_ROLE, c)
            item.setToolTip(c.description)
            self.mergeList.addItem(item)
            if previous is not None and c.id == previous.id:
                self.mergeList.setCurrentItem(item)
        if self.mergeList.currentRow() < 0 and self.mergeList.count():
            self.mergeList.setCurrentRow(0)
        if not self._merge_choices:
            assert self.mergeAllGrids is not None
            self.mergeHint.setText(
                self.tr("No other open case in the whole centre.") if self.mergeAllGrids.isChecked()
                else self.tr("No other open case in this grid: tick the box below to look in every grid."))
        elif not self.mergeList.count():
            self.mergeHint.setText(self.tr("No case matches the filter."))
        else:
            self.mergeHint.setText(self.tr("Open cases: {n} · Up/Down to choose, Enter to merge.").format(
                n=self.mergeList.count()))

    def merge_target(self) -> OpenCaseChoice | None:
        if self.mergeList is None:
            return None
        item = self.mergeList.currentItem()
        return item.data(CHOICE_ROLE) if item is not None else None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.mergeSearch and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent) and self.mergeList is not None
            steps = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1, Qt.Key.Key_PageUp: -5, Qt.Key.Key_PageDown: 5}
            if event.key() in steps and self.mergeList.count():
                row = max(0, min(self.mergeList.count() - 1, self.mergeList.currentRow() + steps[event.key()]))
                self.mergeList.setCurrentRow(row)
                return True
        return super().eventFilter(watched, event)

    # ---- result -----------------------------------------------------------------------
    def problem(self) -> tuple[str, QWidget] | None:
        """What is still missing or wrong (message and the field to fix), or None."""
        note = self.noteEdit.toPlainText().strip()
        if self.action is Action.MERGE and self.merge_target() is None:
            assert self.mergeSearch is not None
            return self.tr("Choose the case to merge into."), self.mergeSearch
        if self.action is Action.EVALUATE and self.rating() is None:
            assert self.ratingGroup is not None
            return self.tr("Choose a rating from 1 to 5 stars."), self.ratingGroup.button(5)
        if self.action in TIME_WANTED and not (self.extension_minutes() or 0) > 0:
            assert self.durationCombo is not None
            return self.tr("Choose how much time is wanted."), self.durationCombo
        if self.action in NEEDS_REASON and not note:
            return (self.tr("A reason is required: {prompt}").format(prompt=self.tr(NOTE_PROMPTS[self.action])),
                    self.noteEdit)
        return self.note_too_long(note_limit(self.action))

    def params(self) -> TransitionParams | None:
        """The parameters for the service, or None while something required is missing."""
        if self.problem() is not None:
            return None
        target = self.merge_target()
        return TransitionParams(
            note=self.noteEdit.toPlainText().strip(),
            merge_into_id=target.id if target is not None else None,
            minutes=self.extension_minutes(),
            rating=self.rating(),
            reply=self.replyField.text() if self.replyField is not None else "",
        )



def _shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
