"""The dispatch dialog: who should take the case, why, and one key to send it there.

Opens with the recommendations for the (first) case, best first and preselected, each with
its reasons in words; Enter dispatches to the selected one, Ctrl+D to the top suggestion
whatever is selected. Any officer or department can be found by name, number or pinyin
initials instead. Several cases go to the same handler in one go, each checked against the
version the wall showed: a case another seat changed meanwhile is refused with the conflict
message, and nothing happens to it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QFontMetrics,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPalette,
    QShortcut,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...admin_labels import category_name
from ...dispatch_labels import reason_text
from ...domain.actions import Action
from ...errors import ValidationError
from ...gui.context import AppContext
from ...gui.icons import icon
from ...gui.style import (
    ERROR,
    OK,
    bold_font,
    dialog_header,
    error_style,
    hint_style,
    priority_colour,
    qcolor,
    shade,
)
from ...labels import describe_error, duty_label, priority_label, status_label
from ...services.dispatch import Recommendation
from ...services.lifecycle import TransitionParams
from ...services.reference_lists import (
    AssigneeChoice,
    search_assignees,
)
from ...shapes.cases import CaseRow
from ...widgets.intake.slip_option import SlipOption
from ..case_call_facts import print_slips

CHOICE_ROLE = Qt.ItemDataRole.UserRole  # the Assignee of a list item
REASON_ROLE = Qt.ItemDataRole.UserRole + 1  # the second line of a recommendation
RECOMMENDATIONS = 5
MAX_LISTED = 200  # a city has ~3,000 officers: list the best matches, typing narrows them


@dataclass(frozen=True, slots=True)
class Assignee:
    """Where a dispatch goes: an officer or a department."""

    kind: str  # "officer" | "department"
    id: int
    name: str

    def params(self) -> TransitionParams:
        if self.kind == "officer":
            return TransitionParams(officer_id=self.id)
        return TransitionParams(department_id=self.id)


class _TwoLineDelegate(QStyledItemDelegate):
    """Name in bold on the first line, the reasons on the second: readable in one glance."""

    PAD = 6

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, opt, painter, opt.widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        rect = opt.rect.adjusted(self.PAD, self.PAD, -self.PAD, -self.PAD)
        size = opt.decorationSize
        if not opt.icon.isNull():
            opt.icon.paint(painter, QRect(rect.left(), rect.top() + 2, size.width(), size.height()))
            rect.setLeft(rect.left() + size.width() + self.PAD * 2)
        painter.save()
        bold = bold_font(opt.font)
        line = QFontMetrics(bold).height()
        painter.setFont(bold)
        painter.setPen(opt.palette.color(role))
        painter.drawText(QRect(rect.left(), rect.top(), rect.width(), line),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, opt.text)
        painter.setFont(opt.font)
        if not selected:
            painter.setPen(opt.palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.PlaceholderText))
        reason = str(index.data(REASON_ROLE) or "")
        second = QRect(rect.left(), rect.top() + line + 2, rect.width(), rect.height() - line - 2)
        painter.drawText(second, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap,
                         reason)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:  # noqa: N802
        bold = bold_font(option.font)
        height = QFontMetrics(bold).height() + QFontMetrics(option.font).height() + 2 + self.PAD * 2
        return QSize(200, height)


class DispatchDialog(QDialog):
    """Dispatch (or reassign) one or several cases to one officer or department.

    Emits `dispatched(list[CaseRow])` with the cases that were dispatched; accepts when all were.
    """

    dispatched = Signal(list)

    def __init__(self, ctx: AppContext, rows: Sequence[CaseRow], reassign: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if not rows:
            raise ValueError("DispatchDialog needs at least one case")
        self.ctx = ctx
        self._all_rows: list[CaseRow] = list(rows)  # what the dialog shows, with each outcome
        self.rows: list[CaseRow] = list(rows)  # what the next dispatch sends
        self.reassign = reassign
        self.action = Action.REASSIGN if reassign else Action.DISPATCH
        self.setObjectName("dispatchDialog")
        self._recommendations: list[Recommendation] = []
        self._assignees: list[AssigneeChoice] = []
        self._matches = 0  # how many officers and departments match the search
        self._results: dict[int, tuple[str, str]] = {}  # case id -> (outcome in the case list, colour)
        self._busy = False
        self._current_assignee = (rows[0].assignee_officer_id, rows[0].assignee_department_id)
        self._build()
        self.retranslate_ui()
        self.recommendationList.setFocus()
        self._load()

    # ---- building ---------------------------------------------------------------------
    def _build(self) -> None:
        self.resize(760, 680)
        layout = QVBoxLayout(self)
        header, self.titleLabel = dialog_header(self.action.value, "dispatchTitle")
        layout.addLayout(header)

        self.caseList = QTreeWidget()
        self.caseList.setObjectName("dispatchCases")
        self.caseList.setRootIsDecorated(False)
        self.caseList.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.caseList.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.caseList.setColumnCount(6)
        rows_shown = min(len(self._all_rows), 5)
        self.caseList.setFixedHeight(28 + 22 * rows_shown)
        layout.addWidget(self.caseList)
        self.descriptionLabel = QLabel()
        self.descriptionLabel.setObjectName("dispatchDescription")
        self.descriptionLabel.setWordWrap(True)
        self.descriptionLabel.setVisible(len(self._all_rows) == 1)
        layout.addWidget(self.descriptionLabel)

        self.recommendationTitle = QLabel()
        self.recommendationTitle.setStyleSheet("font-weight: bold; margin-top: 6px;")
        layout.addWidget(self.recommendationTitle)
        self.recommendationList = QListWidget()
        self.recommendationList.setObjectName("recommendationList")
        self.recommendationList.setItemDelegate(_TwoLineDelegate(self.recommendationList))
        self.recommendationList.setIconSize(QSize(22, 22))
        self.recommendationList.setMinimumHeight(150)
        self.recommendationList.currentItemChanged.connect(self._recommendation_changed)
        self.recommendationList.itemDoubleClicked.connect(lambda _item: self.dispatch_to_selected())
        self.recommendationList.installEventFilter(self)
        layout.addWidget(self.recommendationList, 3)

        self.manualTitle = QLabel()
        self.manualTitle.setStyleSheet("font-weight: bold; margin-top: 6px;")
        layout.addWidget(self.manualTitle)
        self.assigneeSearch = QLineEdit()
        self.assigneeSearch.setObjectName("assigneeSearch")
        self.assigneeSearch.setClearButtonEnabled(True)
        self.assigneeSearch.textChanged.connect(self._filter_assignees)
        self.assigneeSearch.installEventFilter(self)
        layout.addWidget(self.assigneeSearch)
        self.assigneeList = QListWidget()
        self.assigneeList.setObjectName("assigneeList")
        self.assigneeList.setIconSize(QSize(18, 18))
        self.assigneeList.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # driven from the search field
        self.assigneeList.currentItemChanged.connect(self._assignee_changed)
        self.assigneeList.itemDoubleClicked.connect(lambda _item: self.dispatch_to_selected())
        layout.addWidget(self.assigneeList, 2)

        self.messageLabel = QLabel()
        self.messageLabel.setObjectName("messageLabel")
        self.messageLabel.setWordWrap(True)
        self.messageLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.messageLabel)
        self.slipOption = SlipOption(self)  # the handler's paper copy (issue 14)
        layout.addWidget(self.slipOption)

        self.buttons = QDialogButtonBox()
        self.dispatchButton = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.dispatchButton.setObjectName("dispatchButton")
        self.dispatchButton.setIcon(icon(self.action.value))
        self.dispatchButton.setDefault(True)
        self.topButton = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.topButton.setObjectName("dispatchTopButton")
        self.topButton.setAutoDefault(False)
        self.cancelButton = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancelButton.setAutoDefault(False)
        self.dispatchButton.clicked.connect(self.dispatch_to_selected)
        self.topButton.clicked.connect(self.dispatch_to_top)
        self.cancelButton.clicked.connect(self.reject)
        layout.addWidget(self.buttons)
        QShortcut(QKeySequence("Ctrl+D"), self, self.dispatch_to_top)

        self.setTabOrder(self.recommendationList, self.assigneeSearch)
        self.setTabOrder(self.assigneeSearch, self.dispatchButton)

    # ---- language ---------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        n, first = len(self._all_rows), self._all_rows[0]
        if self.reassign:
            self.setWindowTitle(self.tr("Reassign"))
            self.titleLabel.setText(self.tr("Reassign case {case}").format(case=first.case_number) if n == 1
                                    else self.tr("Reassign {n} cases to one handler").format(n=n))
        else:
            self.setWindowTitle(self.tr("Dispatch"))
            self.titleLabel.setText(self.tr("Dispatch case {case}").format(case=first.case_number) if n == 1
                                    else self.tr("Dispatch {n} cases to one handler").format(n=n))
        self.caseList.setHeaderLabels([self.tr("Case"), self.tr("Priority"), self.tr("Category"), self.tr("Grid"),
                                       self.tr("Assignee") if self.reassign else self.tr("Status"),
                                       self.tr("Result")])
        self._render_cases()
        self.descriptionLabel.setText(first.description)
        self.recommendationTitle.setText(
            self.tr("Suggested handlers (best first)") if n == 1
            else self.tr("Suggested handlers for the first case, {case}").format(case=first.case_number))
        self._render_manual_title()
        self.assigneeSearch.setPlaceholderText(self.tr("Name, employee number or pinyin initials — Up/Down to choose"))
        self.topButton.setText(self.tr("To top suggestion (Ctrl+D)"))
        self.cancelButton.setText(self.tr("Cancel") if not self._results else self.tr("Close"))
        self._render_recommendations()
        self._render_assignees()
        self._render_choice()

    def _render_cases(self) -> None:
        self.caseList.clear()
        for r in self._all_rows:
            item = QTreeWidgetItem([
                r.case_number, priority_label(r.priority), f"{r.category_code} {category_name(r.category_zh, r.category_en)}",
                f"{r.grid_code} · {r.community_name}",
                (r.assignee_name or "—") if self.reassign else status_label(r.status),
                self._results.get(r.id, ("", ""))[0],
            ])
            outcome = self._results.get(r.id)
            if outcome is not None:
                item.setForeground(5, qcolor(shade(outcome[1])))
            item.setForeground(1, qcolor(shade(priority_colour(r.priority))))
            font = item.font(0)
            font.setBold(True)
            item.setFont(0, font)
            item.setFont(1, font)
            self.caseList.addTopLevelItem(item)
        for column in range(6):
            self.caseList.resizeColumnToContents(column)

    # ---- loading ----------------------------------------------------------------------
    def _load(self) -> None:
        reference, principal, case_id = self.ctx.reference, self.ctx.principal, self._all_rows[0].id
        self.ctx.runner.run_in_background(
            lambda _s: reference.recommendations(principal, case_id, limit=RECOMMENDATIONS),
            self._recommendations_loaded, self._load_failed)
        # departments first: a few dozen, and otherwise lost below thousands of officers
        self.ctx.runner.run_in_background(lambda _s: reference.assignees(principal),
                                          self._assignees_loaded, self._load_failed)

    def _load_failed(self, exc: BaseException) -> None:
        self._show_message(describe_error(exc), error_style())

    def _recommendations_loaded(self, recommendations: list[Recommendation]) -> None:
        self._recommendations = list(recommendations)
        self._render_recommendations()
        top = self._top_row()
        if top is not None:
            self.recommendationList.setCurrentRow(top)
        else:
            self.assigneeSearch.setFocus()
        self._render_choice()

    def _assignees_loaded(self, choices: list[AssigneeChoice]) -> None:
        self._assignees = choices
        self._filter_assignees(self.assigneeSearch.text())

    # ---- recommendations --------------------------------------------------------------
    def _is_current_assignee(self, kind: str, ident: int) -> bool:
        officer, department = self._current_assignee
        return self.reassign and ((kind == "officer" and ident == officer) or
                                  (kind == "department" and ident == department))

    def _render_recommendations(self) -> None:
        current = self.recommendationList.currentRow()
        self.recommendationList.blockSignals(True)
        self.recommendationList.clear()
        for rank, rec in enumerate(self._recommendations, start=1):
            kind = self.tr("officer") if rec.kind == "officer" else self.tr("department")
            title = f"{rank}.  {rec.name}   ({kind})"
            if self._is_current_assignee(rec.kind, rec.id):
                title += "   " + self.tr("— currently assigned")
            item = QListWidgetItem(icon(rec.kind), title)
            item.setData(CHOICE_ROLE, Assignee(rec.kind, rec.id, rec.name))
            reasons = reason_text(rec)
            item.setData(REASON_ROLE, reasons)
            item.setToolTip(reasons)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{rec.name}: {reasons}")
            self.recommendationList.addItem(item)
        if not self._recommendations:
            empty = QListWidgetItem(self.tr("No suggestion for this case: find a handler below."))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.recommendationList.addItem(empty)
        self.recommendationList.setCurrentRow(current if current < len(self._recommendations) else -1)
        self.recommendationList.blockSignals(False)

    def _top_row(self) -> int | None:
        """The best suggestion that is not where the case already is (reassign)."""
        for row, rec in enumerate(self._recommendations):
            if not self._is_current_assignee(rec.kind, rec.id):
                return row
        return None

    def top_suggestion(self) -> Assignee | None:
        row = self._top_row()
        if row is None:
            return None
        rec = self._recommendations[row]
        return Assignee(rec.kind, rec.id, rec.name)

    def _recommendation_changed(self, item: QListWidgetItem | None, _previous: object = None) -> None:
        if item is not None and item.data(CHOICE_ROLE) is not None:
            # one choice at a time: picking a suggestion drops a manual pick
            self.assigneeList.setCurrentRow(-1)
        self._render_choice()

    # ---- manual choice ----------------------------------------------------------------
    def _filter_assignees(self, text: str) -> None:
        matches = search_assignees(self._assignees, text)
        self._matches = len(matches)
        self.assigneeList.blockSignals(True)
        self.assigneeList.clear()
        for c in matches[:MAX_LISTED]:
            item = QListWidgetItem(icon(c.kind), "")
            item.setData(CHOICE_ROLE, Assignee(c.kind, c.id, c.name))
            item.setData(REASON_ROLE, c)
            self.assigneeList.addItem(item)
        self._render_assignees()
        self._render_manual_title()
        self.assigneeList.blockSignals(False)
        if text.strip() and matches:
            self.assigneeList.setCurrentRow(0)
        else:
            self.assigneeList.setCurrentRow(-1)
            if not text.strip() and self.recommendationList.currentRow() < 0:
                top = self._top_row()
                if top is not None:
                    self.recommendationList.setCurrentRow(top)
        self._render_choice()

    def _render_manual_title(self) -> None:
        if self._matches > MAX_LISTED:
            self.manualTitle.setText(self.tr("Or find any officer or department ({shown} of {total} listed; "
                                             "type to narrow)").format(shown=MAX_LISTED, total=self._matches))
        else:
            self.manualTitle.setText(self.tr("Or find any officer or department"))

    def _render_assignees(self) -> None:
        for i in range(self.assigneeList.count()):
            item = self.assigneeList.item(i)
            c: AssigneeChoice = item.data(REASON_ROLE)
            parts = [c.name, c.code]
            if c.duty_status:
                parts.append(duty_label(c.duty_status))
            parts.append(self.tr("open cases: {n}").format(n=c.open_cases))
            if self._is_current_assignee(c.kind, c.id):
                parts.append(self.tr("currently assigned"))
            item.setText("   ·   ".join(parts))

    def _assignee_changed(self, item: QListWidgetItem | None, _previous: object = None) -> None:
        if item is not None:
            self.recommendationList.setCurrentRow(-1)
        self._render_choice()

    def _move_assignee(self, step: int) -> None:
        count = self.assigneeList.count()
        if count:
            row = self.assigneeList.currentRow()
            self.assigneeList.setCurrentRow(0 if row < 0 else max(0, min(count - 1, row + step)))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if watched is self.assigneeSearch:
                steps = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1, Qt.Key.Key_PageUp: -5, Qt.Key.Key_PageDown: 5}
                if key in steps:
                    self._move_assignee(steps[key])
                    return True
            elif watched is self.recommendationList:
                text = event.text()
                # typing a name in the suggestions starts the search instead of a list jump
                if text and text.isprintable() and not text.isspace() and not (
                        event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)):
                    self.assigneeSearch.setFocus()
                    self.assigneeSearch.insert(text)
                    return True
        return super().eventFilter(watched, event)

    # ---- the choice -------------------------------------------------------------------
    def selected(self) -> Assignee | None:
        """The handler Enter dispatches to: the manual pick, else the selected suggestion."""
        for widget in (self.assigneeList, self.recommendationList):
            item = widget.currentItem()
            if item is not None and item.isSelected() and item.data(CHOICE_ROLE) is not None:
                return item.data(CHOICE_ROLE)  # type: ignore[no-any-return]
        return None

    def _render_choice(self) -> None:
        choice = self.selected()
        verb = self.tr("Reassign") if self.reassign else self.tr("Dispatch")
        if choice is None:
            self.dispatchButton.setText(self.tr("{verb} (Enter)").format(verb=verb))
        else:
            self.dispatchButton.setText(self.tr("{verb} to {name} (Enter)").format(verb=verb, name=choice.name))
        usable = bool(self.rows) and not self._busy
        self.dispatchButton.setEnabled(usable and choice is not None)
        self.topButton.setEnabled(usable and self.top_suggestion() is not None)

    # ---- dispatching ------------------------------------------------------------------
    def dispatch_to_selected(self) -> None:
        choice = self.selected()
        if choice is None:
            self._show_message(self.tr("Choose a suggestion or find a handler first."), error_style())
            return
        self.dispatch_to(choice)

    def dispatch_to_top(self) -> None:
        top = self.top_suggestion()
        if top is None:
            self._show_message(self.tr("There is no suggestion: find a handler by name."), error_style())
            self.assigneeSearch.setFocus()
            return
        self.dispatch_to(top)

    def dispatch_to(self, assignee: Assignee) -> None:
        """Send every remaining case to `assignee`, each checked against its shown version."""
        if self._busy or not self.rows:
            return
        self._set_busy(True)
        cases, actor, action = self.ctx.cases, self.ctx.principal, self.action
        items = [(r.id, r.version) for r in self.rows]
        params = assignee.params()
        self.ctx.runner.run_in_background(lambda _s: cases.perform_many(actor, items, action, params),
                                          lambda result: self._finished(assignee, result), self._failed)

    def _finished(self, assignee: Assignee, result: tuple[list[CaseRow], list[tuple[int, Exception]]]) -> None:
        done, failed = result
        self._set_busy(False)
        if done:
            self.dispatched.emit(done)
            if self.slipOption.isChecked():
                print_slips(self.ctx, [r.id for r in done])
        if not failed:
            self._show_message("", hint_style())
            self.accept()
            return
        for r in done:
            self._results[r.id] = (self.tr("sent to {name}").format(name=assignee.name), OK)
        # show what the cases are now, not what they were when the dialog opened
        updated = {r.id: r for r in done}
        self._all_rows = [updated.get(r.id, r) for r in self._all_rows]
        by_id = {r.id: r for r in self.rows}
        lines: list[str] = []
        retry: list[CaseRow] = []
        for case_id, exc in failed:
            message = describe_error(exc)
            self._results[case_id] = (self.tr("not sent"), ERROR)
            lines.append(message if len(self.rows) == 1 else f"{by_id[case_id].case_number}: {message}")
            if isinstance(exc, ValidationError):  # e.g. the same handler again: another choice may do
                retry.append(by_id[case_id])
        # a case changed elsewhere (or no longer dispatchable) is out of this dialog: the wall
        # shows its new state, and sending it again from here would act on what was not seen
        sent = len(self.rows)
        self.rows = retry
        summary = "\n".join(lines)
        if sent > 1:
            summary = self.tr("{done} of {total} cases sent; not sent:").format(
                done=len(done), total=sent) + "\n" + summary
        self._show_message(summary, error_style())
        self.cancelButton.setText(self.tr("Close"))
        self._render_cases()
        self._render_choice()
        if not self.rows:
            self.cancelButton.setFocus()

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self._show_message(describe_error(exc), error_style())

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for widget in (self.recommendationList, self.assigneeSearch, self.assigneeList, self.cancelButton):
            widget.setEnabled(not busy)
        if busy:
            self._show_message(self.tr("Sending…"), hint_style())
        self._render_choice()

    def _show_message(self, text: str, style: str) -> None:
        self.messageLabel.setText(text)
        self.messageLabel.setStyleSheet(style)

    def message(self) -> str:
        return self.messageLabel.text()

    def reject(self) -> None:
        if self._busy:  # the answer of the running dispatch must land here first
            return
        super().reject()
