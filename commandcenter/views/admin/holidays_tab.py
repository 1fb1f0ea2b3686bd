"""The Holidays tab: which years the calendar covers, a year's holidays and adjusted working
weekends (调休), a day added or removed, and a newly announced year loaded from a CSV file.

Working-time limits follow this calendar; a year it does not cover counts Monday to Friday
only. A change applies to deadlines computed afterwards.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...gui.context import AppContext
from ...itemmodels.admin import CalendarYearModel, HolidayTableModel
from ...shapes.admin import CalendarYearRow, HolidayRow
from .base import AdminTab, FormDialog, make_table, open_dialog
from .dialogs import HolidayDialog


class HolidaysTab(AdminTab):
    """The holiday calendar; changes need MANAGE_HOLIDAYS."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "adminHolidays", parent)
        self.years = CalendarYearModel(self)
        self.year_table = make_table("calendarYears", self.years)
        self.days = HolidayTableModel(self)
        self.day_table = make_table("calendarDays", self.days)
        self.dialog: FormDialog | None = None
        self.year = QSpinBox(objectName="calendarYear")
        self.year.setRange(2000, 2100)
        self.year.setValue(QDate.currentDate().year())
        self.year_label = QLabel()
        self.add_button = QPushButton(objectName="addCalendarDay")
        self.remove_button = QPushButton(objectName="removeCalendarDay")
        self.load_button = QPushButton(objectName="loadCalendarYear")
        self.add_button.clicked.connect(self.add_day)
        self.remove_button.clicked.connect(self.remove_day)
        self.load_button.clicked.connect(self.choose_file)
        self.year.valueChanged.connect(lambda _y: self.load_days())
        self.year_table.selectionModel().selectionChanged.connect(lambda *_: self._year_chosen())
        self.day_table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        left = QVBoxLayout()
        left.addWidget(self.year_table, 1)
        left.addWidget(self.load_button)
        top = QHBoxLayout()
        top.addWidget(self.year_label)
        top.addWidget(self.year)
        top.addStretch(1)
        top.addWidget(self.add_button)
        top.addWidget(self.remove_button)
        right = QVBoxLayout()
        right.addLayout(top)
        right.addWidget(self.day_table, 1)
        panes = QHBoxLayout()
        panes.addLayout(left, 2)
        panes.addLayout(right, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(panes, 1)
        layout.addWidget(self.message)
        self.retranslate_ui()
        self._update_buttons()

    def retranslate_ui(self) -> None:
        self.years.retranslate()
        self.days.retranslate()
        self.year_label.setText(self.tr("Year"))
        self.add_button.setText(self.tr("Add…"))
        self.remove_button.setText(self.tr("Remove"))
        self.load_button.setText(self.tr("Load the year from a CSV file…"))
        self.load_button.setToolTip(self.tr("Replaces the chosen year's holidays and adjusted working days with the "
                                            "file's rows (date,kind,name) and marks the year complete"))

    def selected_day(self) -> HolidayRow | None:
        rows = self.day_table.selectionModel().selectedRows()
        return self.days.row_at(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(self.selected_day() is not None)

    def _year_chosen(self) -> None:
        rows = self.year_table.selectionModel().selectedRows()
        if rows:
            self.year.setValue(self.years.row_at(rows[0].row()).year)

    def reload(self) -> None:
        holidays, p = self.ctx.admin.holidays, self.ctx.principal
        self.run(lambda: holidays.years(p), self._years_loaded)
        self.load_days()

    def _years_loaded(self, rows: list[CalendarYearRow]) -> None:
        self.years.set_rows(rows)
        self.loaded = True

    def load_days(self) -> None:
        holidays, p, year = self.ctx.admin.holidays, self.ctx.principal, self.year.value()
        self.run(lambda: holidays.days(p, year), self._days_loaded)

    def _days_loaded(self, rows: list[HolidayRow]) -> None:
        self.days.set_rows(rows)
        self._update_buttons()

    def _changed(self, text: str) -> None:
        if self.dialog is not None:
            self.dialog.accept()
        self.say(text)
        self.reload()

    def add_day(self) -> None:
        holidays, p = self.ctx.admin.holidays, self.ctx.principal
        dialog = self.dialog = HolidayDialog(self.year.value(), parent=self)

        def send(v: dict[str, Any]) -> None:
            self.run(lambda: holidays.add_day(p, v["day"], v["kind"], v["name"]),
                     lambda row: self._changed(self.tr("{day} added to the calendar.").format(day=row.day.isoformat())),
                     dialog)

        open_dialog(dialog, send)

    def remove_day(self) -> None:
        row = self.selected_day()
        if row is None:
            return
        holidays, p = self.ctx.admin.holidays, self.ctx.principal
        self.dialog = None
        self.run(lambda: holidays.remove_day(p, row),
                 lambda _none: self._changed(self.tr("{day} removed from the calendar.").format(day=row.day.isoformat())))

    def choose_file(self) -> None:
        year = self.year.value()
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("Load {year} from a CSV file").format(year=year), "",
                                                    self.tr("CSV files (*.csv)"))
        if not path:
            return
        if self.days.total_rows and QMessageBox.question(
                self, self.tr("Replace {year}?").format(year=year),
                self.tr("{year} already has {n} holidays and adjusted working days. Replace them with the file's?")
                .format(year=year, n=self.days.total_rows)) != QMessageBox.StandardButton.Yes:
            return
        self.load_file(year, Path(path))

    def load_file(self, year: int, path: Path) -> None:
        """Replace `year`'s calendar with the file's rows (a bad row refuses the whole file)."""
        holidays, p = self.ctx.admin.holidays, self.ctx.principal
        self.dialog = None
        self.run(lambda: holidays.load_year(p, year, path),
                 lambda n: self._changed(self.tr("{year}: {n} holidays and adjusted working days loaded.")
                                         .format(year=year, n=n)))
