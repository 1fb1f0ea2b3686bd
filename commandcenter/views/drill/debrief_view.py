"""The debrief on screen: pick a drill run, set the goals, read the figures, save the PDF.

The goals are the trainer's own and remembered on this seat (gui.settings.DEBRIEF_GOALS); a
change reloads the debrief at once, since the misses are computed against them. The debrief is
read off the GUI thread (a run of a few hundred cases reads their whole histories).
"""

from __future__ import annotations

import json
from dataclasses import asdict, fields

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...debrief_labels import goals_text, overall_figures
from ...gui import settings
from ...gui.context import AppContext
from ...gui.icons import icon
from ...gui.localtime import format_local
from ...gui.style import error_text_style, hint_style
from ...i18n import current_language
from ...labels import describe_error
from ...shapes.debrief import DEFAULT_GOALS, Debrief, DebriefGoals, DrillRunRow
from .models import CaseModel, OperatorModel


def saved_goals() -> DebriefGoals:
    """The goals this seat last set; the defaults where nothing (or nothing readable) is saved."""
    try:
        raw = json.loads(settings.DEBRIEF_GOALS.get() or "{}")
        known = {f.name for f in fields(DebriefGoals)}
        return DebriefGoals(**{k: float(v) for k, v in raw.items() if k in known and float(v) > 0})
    except (ValueError, TypeError, AttributeError):
        return DEFAULT_GOALS


def save_goals(goals: DebriefGoals) -> None:
    settings.DEBRIEF_GOALS.set(json.dumps(asdict(goals)))


class DebriefView(QWidget):
    """A drill run's debrief (objectName ``debriefView``)."""

    loaded = Signal(object)  # the Debrief shown

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("debriefView")
        self.debrief: Debrief | None = None
        self.run_combo = QComboBox(self, objectName="debriefRun")
        self.run_combo.activated.connect(lambda _i: self.reload())
        self.goal_spins: dict[str, QDoubleSpinBox] = {}
        goals = saved_goals()
        for name in ("register_minutes", "dispatch_minutes", "urgent_dispatch_minutes"):
            spin = QDoubleSpinBox(self, objectName=f"goal_{name}")
            spin.setRange(0.5, 24 * 60)
            spin.setDecimals(1)
            spin.setValue(getattr(goals, name))
            spin.editingFinished.connect(self._goals_changed)
            self.goal_spins[name] = spin
        self.pdf_button = QPushButton(icon("pdf"), "", self, objectName="debriefPdf")
        self.pdf_button.clicked.connect(self.save_pdf)
        self.pdf_button.setEnabled(False)
        self.refresh_button = QPushButton(self, objectName="debriefRefresh")
        self.refresh_button.clicked.connect(self.load_runs)
        self.title_label = QLabel(self, objectName="debriefTitle")
        self.goals_label = QLabel(self, objectName="debriefGoals")
        self.goals_label.setStyleSheet(hint_style())
        self.message = QLabel(self, objectName="debriefMessage")
        self.message.setWordWrap(True)
        self.figures = QGridLayout()
        self.figure_labels: list[tuple[QLabel, QLabel]] = []
        self.operators = OperatorModel(self)
        self.cases = CaseModel(ctx.principal.timezone, self)
        self.operator_table = self._table(self.operators, "debriefOperators")
        self.case_table = self._table(self.cases, "debriefCases")

        top = QHBoxLayout()
        self.run_label = QLabel(self)
        self.run_label.setBuddy(self.run_combo)
        top.addWidget(self.run_label)
        top.addWidget(self.run_combo, 1)
        top.addWidget(self.refresh_button)
        top.addWidget(self.pdf_button)
        self.goal_form = QFormLayout()
        self.goal_rows = [QLabel(self) for _ in self.goal_spins]
        for label, spin in zip(self.goal_rows, self.goal_spins.values(), strict=True):
            self.goal_form.addRow(label, spin)
        head = QHBoxLayout()
        head.addLayout(self.goal_form)
        head.addLayout(self.figures, 1)
        self.operator_table.setMinimumHeight(5 * self.operator_table.verticalHeader().defaultSectionSize())
        tables = QSplitter(Qt.Orientation.Vertical, self)
        tables.addWidget(self.operator_table)
        tables.addWidget(self.case_table)
        tables.setStretchFactor(0, 1)
        tables.setStretchFactor(1, 4)
        self.case_table.sortByColumn(4, Qt.SortOrder.AscendingOrder)  # arrival order
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.title_label)
        layout.addWidget(self.goals_label)
        layout.addLayout(head)
        layout.addWidget(self.message)
        layout.addWidget(tables, 1)
        self.retranslate_ui()

    def _table(self, model: OperatorModel | CaseModel, name: str) -> QTableView:
        table = QTableView(self, objectName=name)
        table.setModel(model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSortingEnabled(True)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        table.verticalHeader().setVisible(False)
        table.setWordWrap(False)  # one line a row, as every table of the app
        return table

    # ---- goals ------------------------------------------------------------------------
    def goals(self) -> DebriefGoals:
        return DebriefGoals(**{name: spin.value() for name, spin in self.goal_spins.items()})

    def _goals_changed(self) -> None:
        goals = self.goals()
        if goals != saved_goals():
            save_goals(goals)
            self.reload()

    # ---- runs and the debrief -----------------------------------------------------------
    def load_runs(self, select: int | None = None) -> None:
        """List the drill runs (newest first), then show `select` (or the newest)."""
        debriefs, principal = self.ctx.debriefs, self.ctx.principal
        self.ctx.runner.run_in_background(lambda _s: debriefs.runs(principal),
                                          lambda runs: self._runs_loaded(runs, select), self._failed)

    def _runs_loaded(self, runs: list[DrillRunRow], select: int | None) -> None:
        current = select if select is not None else self.run_combo.currentData()
        self.run_combo.clear()
        tz = self.ctx.principal.timezone
        for run in runs:
            what = run.scenario_name or self.tr("Random load")
            self.run_combo.addItem(self.tr("#{id} {when} — {what} ({cases} cases)").format(
                id=run.id, when=format_local(run.started_at, tz, "%m-%d %H:%M"), what=what, cases=run.cases), run.id)
        if not runs:
            self.message.setText(self.tr("No drill has run on this database yet."))
            return
        index = self.run_combo.findData(current)
        self.run_combo.setCurrentIndex(max(index, 0))
        self.reload()

    def show_run(self, run_id: int) -> None:
        """The debrief of `run_id` (a drill just stopped): listed and loaded."""
        self.load_runs(select=run_id)

    def reload(self) -> None:
        run_id = self.run_combo.currentData()
        if run_id is None:
            return
        debriefs, principal, goals = self.ctx.debriefs, self.ctx.principal, self.goals()
        self.message.setText(self.tr("Reading the drill's case histories…"))
        self.message.setStyleSheet("")
        self.ctx.runner.run_in_background(lambda _s: debriefs.for_run(principal, run_id, goals), self._loaded,
                                          self._failed)

    def _loaded(self, debrief: Debrief) -> None:
        self.debrief = debrief
        self.operators.set_rows(debrief.operators)
        self.cases.set_rows(debrief.cases)
        self.pdf_button.setEnabled(True)
        self._render()
        self.loaded.emit(debrief)

    def _failed(self, exc: BaseException) -> None:
        self.message.setText(describe_error(exc))
        self.message.setStyleSheet(error_text_style())

    def _render(self) -> None:
        d = self.debrief
        if d is None:
            return
        tz = self.ctx.principal.timezone
        self.title_label.setText(self.tr("{what}: {start} to {end}").format(
            what=d.title or self.tr("Random load"), start=format_local(d.start, tz), end=format_local(d.end, tz, "%H:%M")))
        self.goals_label.setText(goals_text(d.goals))
        figures = overall_figures(d.overall)
        while len(self.figure_labels) < len(figures):
            pair = (QLabel(self), QLabel(self, objectName=f"debriefFigure{len(self.figure_labels)}"))
            n = len(self.figure_labels)
            self.figures.addWidget(pair[0], n % 7, (n // 7) * 2)
            self.figures.addWidget(pair[1], n % 7, (n // 7) * 2 + 1)
            self.figure_labels.append(pair)
        for (name, value), (name_label, value_label) in zip(figures, self.figure_labels, strict=False):
            name_label.setText(name)
            value_label.setText(f"<b>{value}</b>")
        o = d.overall
        self.message.setText(self.tr("{missing} of {cases} cases missed a goal.").format(
            missing=o.cases_missing_goals, cases=o.cases) if o.cases else self.tr("No case arrived during this run."))
        self.message.setStyleSheet(error_text_style() if o.cases_missing_goals else "")

    # ---- PDF ----------------------------------------------------------------------------
    def save_pdf(self) -> None:
        if self.debrief is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the debrief"), f"debrief-{self.debrief.run_id}.pdf",
                                              self.tr("PDF files (*.pdf)"))
        if path:
            self.write_pdf(path)

    def write_pdf(self, path: str) -> None:
        """Write the debrief shown to `path`, off the GUI thread."""
        debrief, lang, p = self.debrief, current_language(), self.ctx.principal
        now = self.ctx.db.clock.now()
        assert debrief is not None

        def work(_state: object) -> str:
            from ...reports.debrief_pdf import render_debrief  # ReportLab loads when a PDF is made

            render_debrief(debrief, path, lang=lang, centre=p.centre_name, tz=p.timezone, printed_by=p.display_name,
                           printed_at=now)
            return path

        self.ctx.runner.run_in_background(work, lambda done: self.message.setText(
            self.tr("Saved {path}").format(path=done)), self._failed)

    # ---- language -----------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.run_label.setText(self.tr("Drill run:"))
        self.operator_table.setAccessibleName(self.tr("Debrief per operator"))
        self.case_table.setAccessibleName(self.tr("Debrief per case"))
        self.refresh_button.setText(self.tr("Refresh"))
        self.pdf_button.setText(self.tr("Save PDF…"))
        texts = (self.tr("Register within (min)"), self.tr("Dispatch within (min)"),
                 self.tr("Urgent dispatched within (min)"))
        for label, spin, text in zip(self.goal_rows, self.goal_spins.values(), texts, strict=True):
            label.setText(text)
            spin.setAccessibleName(text)
        self.operators.retranslate()
        self.cases.retranslate()
        self._render()
