"""The briefing screen: a supervisor picks a day, the whole day or one shift, and a language;
the PDF is built off the GUI thread with progress, recorded as issued, and can then be opened
in the system's PDF viewer, printed, or saved elsewhere.

Printing: PySide6-Essentials has no PDF renderer (QtPdf is in PySide6-Addons), so the pages
are rasterised with poppler's `pdftoppm` at the printer's resolution (at most 300 dpi) and
painted onto a QPrinter. Without poppler the screen says so and the PDF can still be printed
from the viewer it opens in.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QDate,
    QEvent,
    QModelIndex,
    QRect,
    Qt,
    QUrl,
    Signal,
)
from PySide6.QtGui import QDesktopServices, QImage, QPainter, QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from .. import i18n
from ..domain.actions import Action
from ..domain.entities import Entity
from ..gui.context import AppContext
from ..gui.icons import icon
from ..gui.screens import ScreenSpec
from ..gui.style import MUTED_LIGHT, PANEL, error_text_style, ok_style, shade
from ..itemmodels.assessment import UnitModel
from ..itemmodels.briefing import IssuedModel
from ..itemmodels.roles import ROW_ROLE
from ..labels import describe_error
from ..paths import data_dir
from ..services.briefings import IssuedBriefing, IssuedRow
from ..services.exports import ExportResult
from ..services.shifts import ShiftInfo
from .csv_export import CsvExport

if TYPE_CHECKING:
    from ..shapes.briefing import Kpis

MAX_PRINT_DPI = 300


def rasterise(pdf: str, dpi: int, folder: str, last_page: int | None = None) -> list[str]:
    """The pages of `pdf` (up to `last_page`) as PNGs in `folder` (poppler's pdftoppm), in order."""
    exe = shutil.which("pdftoppm")
    if exe is None:
        raise FileNotFoundError("pdftoppm")
    pages = ["-l", str(last_page)] if last_page else []
    subprocess.run([exe, "-r", str(dpi), *pages, "-png", pdf, str(Path(folder) / "page")], check=True,
                   capture_output=True, timeout=300)
    return sorted(str(p) for p in Path(folder).glob("page-*.png"))


def first_page_image(pdf: str) -> QImage | None:
    """Page 1 at screen size for the preview (None without poppler)."""
    if shutil.which("pdftoppm") is None:
        return None
    with tempfile.TemporaryDirectory(prefix="briefing-preview-") as folder:
        pages = rasterise(pdf, 72, folder, last_page=1)
        return QImage(pages[0]) if pages else None


class BriefingView(QWidget):
    """The briefing screen (objectName ``briefingScreen``)."""

    built = Signal(str)  # the PDF's path
    printed = Signal(int)  # pages sent to the printer
    saved = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("briefingScreen")
        self.issued: IssuedBriefing | None = None
        self.tz = "Asia/Shanghai"
        self._printer: QPrinter | None = None
        self._loaded = False

        self.date_edit = QDateEdit()
        self.date_edit.setObjectName("briefingDate")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.period_combo = QComboBox()
        self.period_combo.setObjectName("briefingPeriod")
        self.lang_combo = QComboBox()
        self.lang_combo.setObjectName("briefingLanguage")
        for code, name in i18n.LANGUAGES.items():
            self.lang_combo.addItem(name, code)
        self.lang_combo.setCurrentIndex(max(0, self.lang_combo.findData(i18n.current_language())))
        self.build_button = QPushButton(icon("briefing"), "")
        self.build_button.setObjectName("buildBriefing")
        self.build_button.setDefault(True)
        self.form_labels = (QLabel(), QLabel(), QLabel())
        self.choose_box = QGroupBox()
        box = QHBoxLayout(self.choose_box)
        for label, field in zip(self.form_labels, (self.date_edit, self.period_combo, self.lang_combo), strict=True):
            label.setBuddy(field)
            box.addWidget(label)
            box.addWidget(field)
        self.period_combo.setMinimumWidth(200)
        box.addStretch(1)
        box.addWidget(self.build_button)
        # the day's unit tables as CSV, the same figures as the PDF's (services/exports)
        self.export_units_button = QPushButton(icon("save"), "")
        self.export_units_button.setObjectName("exportUnits")
        box.addWidget(self.export_units_button)
        self.csv_export = CsvExport(ctx, self)
        self.csv_export.exported.connect(self._exported)
        self.csv_export.failed.connect(self._export_failed)

        self.progress = QProgressBar()
        self.progress.setObjectName("briefingProgress")
        self.progress.setRange(0, 100)
        self.progress.setVisible(False)
        self.status = QLabel()
        self.status.setObjectName("briefingStatus")
        self.status.setWordWrap(True)
        self.open_button = QPushButton(icon("pdf"), "")
        self.print_button = QPushButton(icon("print"), "")
        self.save_button = QPushButton(icon("save"), "")
        actions = QHBoxLayout()
        for button in (self.open_button, self.print_button, self.save_button):
            actions.addWidget(button)
        actions.addStretch(1)

        self.kpi_box = QGroupBox()
        self.kpi_grid = QGridLayout(self.kpi_box)
        self.kpi_labels: dict[str, tuple[QLabel, QLabel]] = {}
        for i, key in enumerate(("new", "closed", "due", "closure", "on_time", "on_time_handling", "overdue")):
            name, value = QLabel(), QLabel("—")
            value.setObjectName(f"kpi_{key}")
            value.setStyleSheet("font-size: 20px; font-weight: 600;")
            self.kpi_grid.addWidget(name, 0, i)
            self.kpi_grid.addWidget(value, 1, i)
            self.kpi_labels[key] = (name, value)

        # the per-unit figures of the PDF, for supervisors to sort and compare on screen
        self.street_units = UnitModel(lambda: self.tr("Street"), self)
        self.department_units = UnitModel(lambda: self.tr("Department"), self)
        self.units_tabs = QTabWidget()
        self.units_tabs.setObjectName("assessmentTables")
        self.unit_tables: list[QTableView] = []
        for model, name in ((self.street_units, "streetUnits"), (self.department_units, "departmentUnits")):
            table = QTableView()
            table.setObjectName(name)
            table.setModel(model)
            table.setSortingEnabled(True)
            table.sortByColumn(UnitModel.RANK, Qt.SortOrder.AscendingOrder)
            table.verticalHeader().setVisible(False)
            table.horizontalHeader().setSectionResizeMode(UnitModel.UNIT, QHeaderView.ResizeMode.Stretch)
            self.units_tabs.addTab(table, "")
            self.unit_tables.append(table)

        self.issued_label = QLabel()
        self.issued_model = IssuedModel(self)
        self.issued_table = QTableView()
        self.issued_table.setObjectName("issuedBriefings")
        self.issued_table.setModel(self.issued_model)
        self.issued_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.issued_table.verticalHeader().setVisible(False)
        self.issued_table.horizontalHeader().setSectionResizeMode(IssuedModel.HASH, QHeaderView.ResizeMode.Stretch)
        for col, width in ((0, 140), (1, 120), (2, 230), (3, 90)):
            self.issued_table.setColumnWidth(col, width)

        self.preview = QLabel()
        self.preview.setObjectName("briefingPreview")
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # narrow enough that the screen fits 1366 px beside the navigation (it was 1380 px wide with 380)
        self.preview.setMinimumWidth(240)
        self.preview.setStyleSheet(f"background: {shade(PANEL)}; color: {shade(MUTED_LIGHT)};")

        left = QVBoxLayout()
        left.addWidget(self.choose_box)
        left.addWidget(self.progress)
        left.addWidget(self.csv_export.progress)
        left.addWidget(self.status)
        left.addLayout(actions)
        left.addWidget(self.kpi_box)
        left.addWidget(self.units_tabs, 1)
        left.addWidget(self.issued_label)
        left.addWidget(self.issued_table, 1)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 3)
        layout.addWidget(self.preview, 2)

        self.build_button.clicked.connect(self.build)
        self.export_units_button.clicked.connect(self.export_units)
        self.open_button.clicked.connect(self.open_pdf)
        self.print_button.clicked.connect(lambda: self.print_briefing())
        self.save_button.clicked.connect(self.save_as)
        self.issued_table.doubleClicked.connect(self._open_issued)
        ctx.feed.changed.connect(self._on_changed)
        self._set_default_date()
        self.retranslate_ui()
        self._update_state()

    # ---- set-up -----------------------------------------------------------------------
    def _set_default_date(self) -> None:
        """Mornings brief the day before; from noon on, the day so far."""
        local = self.ctx.db.clock.now().astimezone(ZoneInfo(self.tz))
        day = local.date() - timedelta(days=1) if local.hour < 12 else local.date()
        self.date_edit.setDate(QDate(day.year, day.month, day.day))

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if not self._loaded:
            self._loaded = True
            self.reload()

    def reload(self) -> None:
        ctx, principal = self.ctx, self.ctx.principal
        self.ctx.runner.run_in_background(lambda _s: (ctx.shifts.patterns(principal), ctx.briefings.issued(principal)),
                                          self._reloaded, self._failed)

    def _reloaded(self, result: tuple[list[ShiftInfo], list[IssuedRow]]) -> None:
        shifts, rows = result
        if shifts:
            self.tz = shifts[0].timezone
        current = self.period_combo.currentData()
        self.period_combo.clear()
        self.period_combo.addItem(self.tr("Whole day"), "")
        for shift in shifts:
            self.period_combo.addItem(self.tr("{name} shift ({start}–{end})").format(
                name=shift.name, start=shift.start_time, end=shift.end_time), shift.name)
        self.period_combo.setCurrentIndex(max(0, self.period_combo.findData(current or "")))
        self.issued_model.set_issued(rows, self.tz)

    def retranslate_ui(self) -> None:
        self.choose_box.setTitle(self.tr("Briefing"))
        for label, text in zip(self.form_labels, (self.tr("&Day"), self.tr("&Period"), self.tr("&Language")),
                               strict=True):
            label.setText(text)
        if self.issued is None:
            self.preview.setText(self.tr("Page 1 of the briefing appears here once it is built"))
        if self.period_combo.count():
            self.period_combo.setItemText(0, self.tr("Whole day"))
        self.build_button.setText(self.tr("Build briefing"))
        self.build_button.setToolTip(self.tr("Build the PDF and record it as issued"))
        self.export_units_button.setText(self.tr("Export unit KPIs…"))
        self.export_units_button.setToolTip(self.tr("The day's figures by street and by department as a CSV file"))
        self.open_button.setText(self.tr("Open"))
        self.open_button.setToolTip(self.tr("Open in the system's PDF viewer"))
        self.print_button.setText(self.tr("Print…"))
        self.save_button.setText(self.tr("Save as…"))
        self.kpi_box.setTitle(self.tr("At a glance"))
        names = {"new": self.tr("New"), "closed": self.tr("Closed"), "due": self.tr("Due to close"),
                 "closure": self.tr("Closure rate"), "on_time": self.tr("On-time closure rate"),
                 "on_time_handling": self.tr("On-time handling rate"), "overdue": self.tr("Overdue at end")}
        for key, (label, _) in self.kpi_labels.items():
            label.setText(names[key])
        self.units_tabs.setTabText(0, self.tr("Assessment by street"))
        self.units_tabs.setTabText(1, self.tr("Assessment by department"))
        for model in (self.street_units, self.department_units):
            model.retranslate()
        self.issued_label.setText(self.tr("Issued briefings (double-click to open)"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _update_state(self, busy: bool = False) -> None:
        ready = self.issued is not None and Path(self.issued.path).exists() and not busy
        self.build_button.setEnabled(not busy)
        for button in (self.open_button, self.print_button, self.save_button):
            button.setEnabled(ready)

    # ---- building ---------------------------------------------------------------------
    def chosen(self) -> tuple[date, str | None, str]:
        d = self.date_edit.date()
        return date(d.year(), d.month(), d.day()), self.period_combo.currentData() or None, self.lang_combo.currentData()

    def build(self) -> None:
        day, shift, lang = self.chosen()
        briefings, principal = self.ctx.briefings, self.ctx.principal
        name = f"briefing-{principal.centre_id}-{day:%Y%m%d}-{shift or 'daily'}-{lang}.pdf".replace(" ", "_")
        out = data_dir() / "briefings" / name
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Gathering the figures…"))
        self._update_state(busy=True)
        def work(state: Any) -> IssuedBriefing:
            # a day to come or before the data is refused (typed error, worded by _failed)
            return briefings.issue(principal, day=day, out=out, shift_name=shift or None, lang=lang,
                                   progress=state.progress)

        self.ctx.runner.run_in_background(work, self._built, self._failed, self._progressed)

    def _progressed(self, stage: str, fraction: float) -> None:
        texts = {"kpis": self.tr("Counting the KPIs…"), "breakdowns": self.tr("Counting by hour, category, street…"),
                 "hotspots": self.tr("Finding hotspots…"), "overdue": self.tr("Listing overdue cases…"),
                 "pdf": self.tr("Laying out pages…"), "page": self.tr("Laying out pages…"),
                 "done": self.tr("Done")}
        self.status.setText(texts.get(stage, stage))
        self.progress.setValue(int(fraction * 100))

    def _built(self, issued: IssuedBriefing) -> None:
        self.issued = issued
        self.progress.setValue(100)
        self.progress.setVisible(False)
        self.status.setStyleSheet(ok_style())
        text = self.tr("Briefing ready: {path} ({kb} KB), recorded as issued by {user}").format(
            path=issued.path, kb=max(1, issued.size // 1024), user=issued.issued_by)
        if issued.data.kpis.quiet:
            text += " · " + self.tr("nothing was reported, dispatched or closed in this period")
        self.status.setText(text)
        self._show_kpis(issued.data.kpis)
        self.street_units.set_units(issued.data.street_units)
        self.department_units.set_units(issued.data.department_units)
        self._update_state()
        self.reload()
        path = issued.path
        self.ctx.runner.run_in_background(lambda _s: first_page_image(path), self._show_preview,
                                          lambda _exc: self.preview.setText(self.tr("No preview")))
        self.built.emit(issued.path)

    def _show_preview(self, image: QImage | None) -> None:
        if image is None or image.isNull():
            self.preview.setText(self.tr("No preview: poppler-utils (pdftoppm) is not installed"))
            return
        size = self.preview.size() * 0.96
        self.preview.setPixmap(QPixmap.fromImage(image).scaled(size, Qt.AspectRatioMode.KeepAspectRatio,
                                                               Qt.TransformationMode.SmoothTransformation))

    def _show_kpis(self, k: Kpis) -> None:
        pct = lambda v: "—" if v is None else f"{v * 100:.1f}%"  # noqa: E731
        values = {"new": str(k.new), "closed": str(k.closed), "due": str(k.due_to_close),
                  "closure": pct(k.closure_rate), "on_time": pct(k.on_time_rate),
                  "on_time_handling": pct(k.on_time_handling_rate), "overdue": str(k.overdue_at_end)}
        for key, (_, label) in self.kpi_labels.items():
            label.setText(values[key])

    def export_units(self) -> None:
        day, _shift, _lang = self.chosen()
        exports, principal = self.ctx.exports, self.ctx.principal
        self.csv_export.start(self.tr("Export unit KPIs"), f"unit-kpis-{day:%Y%m%d}.csv",
                              lambda out, progress: exports.kpis(principal, out, day, progress=progress))

    def _exported(self, result: ExportResult) -> None:
        self.status.setStyleSheet(ok_style())
        self.status.setText(self.csv_export.describe(result))

    def _export_failed(self, message: str) -> None:
        self.status.setStyleSheet(error_text_style())
        self.status.setText(message)

    def _failed(self, exc: BaseException) -> None:
        self.progress.setVisible(False)
        self.status.setStyleSheet(error_text_style())
        self.status.setText(describe_error(exc))
        self._update_state()

    # ---- using the PDF ----------------------------------------------------------------
    def open_pdf(self) -> None:
        if self.issued is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(self.issued.path))

    def _open_issued(self, index: QModelIndex) -> None:
        row = index.data(ROW_ROLE)
        if row is None:
            return
        if Path(row.file_path).exists():
            QDesktopServices.openUrl(QUrl.fromLocalFile(row.file_path))
        else:
            self.status.setStyleSheet(error_text_style())
            self.status.setText(self.tr("The file is no longer at {path}").format(path=row.file_path))

    def save_as(self) -> None:
        if self.issued is None:
            return
        target, _ = QFileDialog.getSaveFileName(self, self.tr("Save briefing"),
                                                str(Path.home() / Path(self.issued.path).name), self.tr("PDF (*.pdf)"))
        if not target:
            return
        try:
            shutil.copyfile(self.issued.path, target)
        except OSError as exc:
            self.status.setStyleSheet(error_text_style())
            self.status.setText(self.tr("Could not save to {path}: {reason}").format(path=target, reason=exc.strerror))
            return
        self.status.setStyleSheet(ok_style())
        self.status.setText(self.tr("Saved to {path}").format(path=target))
        self.saved.emit(target)

    def print_briefing(self, printer: QPrinter | None = None) -> None:
        """Print the built briefing; without `printer` the system print dialog asks for one."""
        if self.issued is None:
            return
        if shutil.which("pdftoppm") is None:
            self.status.setStyleSheet(error_text_style())
            self.status.setText(self.tr("Printing from here needs poppler-utils (pdftoppm). Open the PDF and print "
                                        "it from the viewer instead."))
            return
        if printer is None:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            dialog = QPrintDialog(printer, self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
        self._printer = printer
        dpi = min(MAX_PRINT_DPI, printer.resolution())
        folder = tempfile.mkdtemp(prefix="briefing-print-")
        path = self.issued.path
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Preparing pages for the printer…"))
        self._update_state(busy=True)
        self.ctx.runner.run_in_background(lambda _s: rasterise(path, dpi, folder),
                                          lambda pages: self._paint(pages, folder), self._print_failed(folder))

    def _print_failed(self, folder: str):  # type: ignore[no-untyped-def]
        def failed(exc: BaseException) -> None:
            shutil.rmtree(folder, ignore_errors=True)
            self._failed(exc)
        return failed

    def _paint(self, pages: list[str], folder: str) -> None:
        """Paint the page images onto the printer, each scaled to the printable area."""
        printer = self._printer
        assert printer is not None
        painter = QPainter()
        try:
            if not painter.begin(printer):
                raise OSError("the printer cannot be opened")
            area = painter.viewport()
            for n, png in enumerate(pages):
                if n:
                    printer.newPage()
                image = QImage(png)
                size = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
                painter.drawImage(QRect(area.x() + (area.width() - size.width()) // 2, area.y(),
                                        size.width(), size.height()), image)
            painter.end()
        except OSError as exc:
            if painter.isActive():
                painter.end()
            self._failed(exc)
            return
        finally:
            shutil.rmtree(folder, ignore_errors=True)
            self._printer = None
        self.status.setStyleSheet(ok_style())
        self.status.setText(self.tr("Sent {n} pages to {printer}").format(n=len(pages), printer=printer.printerName()
                                                                         or printer.outputFileName()))
        self._update_state()
        self.printed.emit(len(pages))

    def _on_changed(self, entity: str, ids: list[int]) -> None:
        # the notice of the briefing built here arrives after `_built` has already reloaded
        own = self.issued is not None and ids == [self.issued.id]
        if entity == Entity.BRIEFING and self._loaded and not own:
            self.reload()


def _screen_title() -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("BriefingView", "Briefing")


def _available(ctx: AppContext) -> bool:
    return ctx.can(Action.PRINT_BRIEFING)


SCREEN = ScreenSpec(key="briefing", order=50, title=_screen_title, icon="briefing", shortcut="Ctrl+6",
                    factory=BriefingView, available=_available)

__all__ = ["SCREEN", "BriefingView", "rasterise"]
