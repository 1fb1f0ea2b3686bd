"""The trainer's drill screen: pick a scenario or random load, start, pause, change speed, stop,
watch the feed's progress, reset the demo; the debrief of the run opens when it stops.

Offered only to users with the RUN_DRILL right on a demo database. The player
(simulator.scenario_player) is tooling that plays the city through the services, so it is built
here with the opened database, on the drill's own thread (DrillControl); the screen shows its
progress from queued signals and a 4 Hz poll of the player's thread-safe `progress()`, and never
waits for it. The reset is the MANAGE_DEMO service (services/demo_reset), asked after a
confirmation and refused while a drill runs.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...debrief_labels import duration
from ...gui.context import AppContext
from ...gui.icons import icon
from ...gui.style import error_text_style, hint_style, ok_style
from ...labels import describe_error
from ...shapes.demo import DemoResetResult
from ...shapes.drill import PlayerProgress, PlayerState
from .control import DrillControl
from .debrief_view import DebriefView

SPEEDS = (1.0, 2.0, 5.0, 10.0, 30.0, 60.0, 120.0, 300.0)
POLL_MS = 250
# simulator.scenario.SCENARIO_DIR, without importing the simulator when the screens are discovered
SCENARIO_DIR = Path(__file__).resolve().parents[3] / "resources" / "scenarios"


def scenario_files(folder: Path = SCENARIO_DIR) -> list[Path]:
    """The scenarios that ship with the program, by file name."""
    return sorted(folder.glob("*.yaml")) if folder.is_dir() else []


class DrillScreen(QWidget):
    """The trainer's drill control (objectName ``drillScreen``)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("drillScreen")
        self.control = DrillControl(self)
        self.control.started.connect(self._started)
        self.control.progressed.connect(self._render_progress)
        self.control.finished.connect(self._finished)
        self.control.failed.connect(self._failed)
        self.last: PlayerProgress | None = None
        self._poll = QTimer(self, interval=POLL_MS)
        self._poll.timeout.connect(self._poll_progress)

        self.scenario_combo = QComboBox(self, objectName="drillScenario")
        self.scenario_combo.currentIndexChanged.connect(self._scenario_chosen)
        self.open_button = QPushButton(self, objectName="drillOpenScenario")
        self.open_button.clicked.connect(self.open_scenario)
        self.scenario_note = QLabel(self, objectName="drillScenarioNote")
        self.scenario_note.setWordWrap(True)
        self.scenario_note.setStyleSheet(hint_style())
        # a scenario's description is a few lines: room for them when the splitter sizes the controls
        self.scenario_note.setMinimumHeight(3 * self.scenario_note.fontMetrics().lineSpacing() + 4)
        self.rate_spin = QDoubleSpinBox(self, objectName="drillRate")
        self.rate_spin.setRange(0.0, 600.0)
        self.rate_spin.setDecimals(1)
        self.speed_combo = QComboBox(self, objectName="drillSpeed")
        for speed in SPEEDS:
            self.speed_combo.addItem(f"{speed:g}×", speed)
        self.speed_combo.activated.connect(lambda _i: self.control.set_speed(self.speed()))
        self.seed_spin = QSpinBox(self, objectName="drillSeed")
        self.seed_spin.setRange(1, 2**31 - 1)
        self.start_button = QPushButton(icon("resume"), "", self, objectName="drillStart")
        self.start_button.clicked.connect(self.start)
        self.pause_button = QPushButton(icon("suspend"), "", self, objectName="drillPause")
        self.pause_button.clicked.connect(self.toggle_pause)
        self.stop_button = QPushButton(icon("reject"), "", self, objectName="drillStop")
        self.stop_button.clicked.connect(self.stop)
        self.reset_button = QPushButton(icon("reopen"), "", self, objectName="drillReset")
        self.reset_button.clicked.connect(self.ask_reset)

        self.state_label = QLabel(self, objectName="drillState")
        self.items_bar = QProgressBar(self, objectName="drillItems")
        self.next_label = QLabel(self, objectName="drillNext")
        self.elapsed_label = QLabel(self, objectName="drillElapsed")
        self.counts_label = QLabel(self, objectName="drillCounts")
        self.counts_label.setWordWrap(True)
        self.message = QLabel(self, objectName="drillMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.debrief = DebriefView(ctx, self)

        self.setup_box = QGroupBox(self)
        form = QFormLayout(self.setup_box)
        picker = QHBoxLayout()
        picker.addWidget(self.scenario_combo, 1)
        picker.addWidget(self.open_button)
        self.form_labels = [QLabel(self) for _ in range(4)]
        form.addRow(self.form_labels[0], picker)
        form.addRow("", self.scenario_note)
        form.addRow(self.form_labels[1], self.rate_spin)
        form.addRow(self.form_labels[2], self.speed_combo)
        form.addRow(self.form_labels[3], self.seed_spin)
        buttons = QHBoxLayout()
        for button in (self.start_button, self.pause_button, self.stop_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.reset_button)
        form.addRow(buttons)
        self.progress_box = QGroupBox(self)
        progress = QVBoxLayout(self.progress_box)
        for widget in (self.state_label, self.items_bar, self.next_label, self.elapsed_label, self.counts_label):
            progress.addWidget(widget)
        progress.addStretch(1)
        top = QWidget(self)
        row = QHBoxLayout(top)
        row.addWidget(self.setup_box, 3)
        row.addWidget(self.progress_box, 2)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(top)
        split.addWidget(self.debrief)
        # the controls keep the height they need; the debrief takes the rest
        split.setChildrenCollapsible(False)
        split.setSizes([top.minimumSizeHint().height(), 10_000])
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(split, 1)

        self._fill_scenarios()
        self.retranslate_ui()
        self._render_state(None)
        self.debrief.load_runs()

    # ---- the scenario ----------------------------------------------------------------------
    def _fill_scenarios(self) -> None:
        self.scenario_combo.addItem("", None)  # random load only (its text set in retranslate_ui)
        for path in scenario_files():
            self.add_scenario(path)
        self.scenario_combo.setCurrentIndex(1 if self.scenario_combo.count() > 1 else 0)

    def add_scenario(self, path: Path) -> int:
        """List a scenario file (read to show its name; a file that does not load is listed by its
        name, and refused with its lines and reasons when started). PyYAML loads with this screen."""
        from ...simulator.scenario import load_scenario

        try:
            scenario = load_scenario(path)
            text, note, speed, seed = f"{scenario.name} ({path.name})", scenario.description, scenario.speed, scenario.seed
        except Exception as exc:  # noqa: BLE001 - any file a trainer picks: shown, refused at start
            text, note, speed, seed = path.name, describe_error(exc), None, None
        self.scenario_combo.addItem(text, (str(path), note, speed, seed))
        return self.scenario_combo.count() - 1

    def open_scenario(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open a scenario"), str(SCENARIO_DIR),
                                              self.tr("Scenarios (*.yaml *.yml *.json)"))
        if path:
            self.scenario_combo.setCurrentIndex(self.add_scenario(Path(path)))

    def _render_note(self) -> None:
        data = self.scenario_combo.currentData()
        self.scenario_note.setText(data[1] if data is not None else self.tr(
            "New cases arrive at random at the rate below, with the field's answers; nothing is scripted."))

    def _scenario_chosen(self, _index: int) -> None:
        """A scenario brings its own speed and seed; random load needs a rate."""
        self._render_note()
        data = self.scenario_combo.currentData()
        if data is None:
            if self.rate_spin.value() == 0:
                self.rate_spin.setValue(2.0)
            return
        _path, _note, speed, seed = data
        self.rate_spin.setValue(0.0)
        if speed is not None:
            self.set_speed(speed)
        if seed is not None:
            self.seed_spin.setValue(seed)

    def speed(self) -> float:
        return float(self.speed_combo.currentData())

    def set_speed(self, speed: float) -> None:
        """Choose `speed` (a speed the list lacks is added to it) and pass it to a running drill."""
        index = self.speed_combo.findData(speed)
        if index < 0:
            self.speed_combo.addItem(f"{speed:g}×", speed)
            index = self.speed_combo.count() - 1
        self.speed_combo.setCurrentIndex(index)
        self.control.set_speed(speed)

    # ---- start, pause, stop ------------------------------------------------------------------
    def player_factory(self) -> Callable[[], Any]:
        """What the drill's thread calls to build the player: the screen's choices, read now."""
        data = self.scenario_combo.currentData()
        path = data[0] if data is not None else None
        db, principal, speed, seed = self.ctx.db, self.ctx.principal, self.speed(), self.seed_spin.value()
        rate = self.rate_spin.value() or None

        def make() -> Any:
            from ...simulator.scenario import load_scenario
            from ...simulator.scenario_player import ScenarioPlayer

            scenario = load_scenario(path) if path is not None else None
            return ScenarioPlayer(db, scenario, speed, seed, rate=rate, started_by=principal)

        return make

    def start(self) -> None:
        if self.control.running:
            return
        if self.scenario_combo.currentData() is None and self.rate_spin.value() == 0:
            self._say(self.tr("Random load needs a rate above 0 cases a minute."), error=True)
            return
        self._say(self.tr("Starting the drill…"))
        self.control.start(self.player_factory())
        self._poll.start()  # shows the player's progress from the moment it is built
        self._render_state(PlayerState.RUNNING)

    def toggle_pause(self) -> None:
        if self.last is not None and self.last.state is PlayerState.PAUSED:
            self.control.resume()
        else:
            self.control.pause()
        self._poll_progress()

    def stop(self) -> None:
        self.control.stop()
        self.stop_button.setEnabled(False)
        self._say(self.tr("Stopping the drill…"))

    def _started(self, progress: PlayerProgress) -> None:
        self._say(self.tr("Drill #{id} running.").format(id=progress.run_id))
        self._render_progress(progress)

    def _poll_progress(self) -> None:
        progress = self.control.progress()
        if progress is not None:
            self._render_progress(progress)

    def _finished(self, final: PlayerProgress) -> None:
        self._poll.stop()
        self._render_progress(final)
        self._render_state(PlayerState.STOPPED)
        self._say(self.tr("Drill #{id} stopped: its debrief is below.").format(id=final.run_id), ok=True)
        if final.run_id is not None:
            self.debrief.show_run(final.run_id)

    def _failed(self, exc: BaseException) -> None:
        self._poll.stop()
        self._render_state(None)
        self._say(describe_error(exc), error=True)

    # ---- progress ---------------------------------------------------------------------------
    def _render_progress(self, p: PlayerProgress) -> None:
        self.last = p
        self._render_state(p.state)
        self.items_bar.setRange(0, max(p.items_total, 1))
        self.items_bar.setValue(p.items_done if p.items_total else 0)
        self.items_bar.setFormat(self.tr("{done} of {total} scenario items").format(done=p.items_done,
                                                                                     total=p.items_total))
        self.next_label.setText(self.tr("Next item at +{at}").format(at=duration(p.next_at))
                                if p.next_at is not None else self.tr("No scenario item left"))
        self.elapsed_label.setText(self.tr("Scenario time {elapsed} of {length}, at {speed:g}×").format(
            elapsed=duration(p.scenario_elapsed), length=duration(p.scenario_length), speed=p.speed))
        c = p.counts
        self.counts_label.setText(self.tr(
            "{cases} cases fed ({registered} registered at intake), {accepted} accepted, {fed_back} fed back, "
            "{sent_back} sent back, {escalations} escalations, {events} field events").format(
            cases=c.cases, registered=c.registered, accepted=c.accepted, fed_back=c.fed_back, sent_back=c.sent_back,
            escalations=c.escalations, events=c.events))

    def _render_state(self, state: PlayerState | None) -> None:
        running = self.control.running
        paused = state is PlayerState.PAUSED
        names = {None: self.tr("Ready"), PlayerState.READY: self.tr("Starting"), PlayerState.RUNNING: self.tr("Running"),
                 PlayerState.PAUSED: self.tr("Paused"),
                 PlayerState.FINISHED: self.tr("Scenario played; the field goes on answering until you stop"),
                 PlayerState.STOPPED: self.tr("Stopped")}
        self.state_label.setText(names[state])
        self.pause_button.setText(self.tr("Resume") if paused else self.tr("Pause"))
        self.pause_button.setIcon(icon("resume" if paused else "suspend"))
        for widget in (self.start_button, self.reset_button, self.scenario_combo, self.open_button, self.rate_spin,
                       self.seed_spin):
            widget.setEnabled(not running)
        self.pause_button.setEnabled(running)
        self.stop_button.setEnabled(running and not self.control.stopping)

    def _say(self, text: str, *, error: bool = False, ok: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(error_text_style() if error else ok_style() if ok else "")

    # ---- reset ------------------------------------------------------------------------------
    def ask_reset(self) -> None:
        answer = QMessageBox.question(
            self, self.tr("Reset the demo"),
            self.tr("Put the demo database back as it was generated? Every case, dispatch and position of every "
                    "drill since is undone, for every seat."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel)
        if answer == QMessageBox.StandardButton.Yes:
            self.reset_demo()

    def reset_demo(self) -> None:
        if self.control.running:
            return
        self.reset_button.setEnabled(False)
        self._say(self.tr("Resetting the demo…"))
        service, principal = self.ctx.demo_reset, self.ctx.principal
        self.ctx.runner.run_in_background(lambda _s: service.reset(principal), self._reset_done, self._reset_failed)

    def _reset_done(self, result: DemoResetResult) -> None:
        self._render_state(None)
        self._say(self.tr("The demo is as generated again: {before} cases before the reset, {after} now.").format(
            before=result.cases_before, after=result.cases_after), ok=True)
        self.debrief.load_runs()

    def _reset_failed(self, exc: BaseException) -> None:
        self._render_state(None)
        self._say(describe_error(exc), error=True)

    # ---- language ---------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.scenario_combo.setItemText(0, self.tr("Random load only"))
        self.open_button.setText(self.tr("Open file…"))
        for label, text in zip(self.form_labels, (self.tr("Scenario:"), self.tr("Random cases a minute:"),
                                                  self.tr("Speed:"), self.tr("Seed:")), strict=True):
            label.setText(text)
        self.rate_spin.setToolTip(self.tr("With a scenario: background load besides it (0: none)"))
        self.start_button.setText(self.tr("Start"))
        self.stop_button.setText(self.tr("Stop"))
        self.reset_button.setText(self.tr("Reset demo…"))
        self.setup_box.setTitle(self.tr("Drill"))
        self.progress_box.setTitle(self.tr("Progress"))
        if self.last is not None:
            self._render_progress(self.last)
        else:
            self._render_state(None)
        self._render_note()
