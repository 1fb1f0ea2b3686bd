"""An officer's page, opened from the roster (double-click, Enter or Ctrl+I): their grids on a
small map, their open cases, and the history of their duty changes and positions, every place
named by its grid, community and street rather than by coordinates.

The page is read once off the GUI thread (`ctx.roster.page`) and shown as it was read; Refresh
(F5) reads it again.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QKeySequence, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...admin_labels import category_name
from ...gui import settings
from ...gui.context import AppContext
from ...gui.localtime import format_local
from ...gui.style import dialog_header
from ...labels import describe_error, duty_label, priority_label, status_label
from ...palette import ACCENT, ERROR
from ...position_labels import place_detail, place_text
from ...shapes.officer_page import OfficerPage

SKETCH_SIZE = 260


class GridSketch(QWidget):
    """The officer's grids (filled) among their communities' other grids (outlined), with the
    last known position as a dot: a small static drawing, not the interactive map."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("officerGridSketch")
        self.setMinimumSize(SKETCH_SIZE, SKETCH_SIZE)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.page: OfficerPage | None = None
        self._last: tuple[float, float] | None = None

    def show_page(self, page: OfficerPage, last: tuple[float, float] | None) -> None:
        self.page, self._last = page, last
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        if self.page is None or not self.page.grids:
            painter.setPen(self.palette().placeholderText().color())
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("No grids assigned"))
            return
        xs = [x for g in self.page.grids for x, _ in g.ring]
        ys = [y for g in self.page.grids for _, y in g.ring]
        if self._last is not None:
            xs.append(self._last[0])
            ys.append(self._last[1])
        box = QRectF(min(xs), min(ys), max(xs) - min(xs) or 1e-6, max(ys) - min(ys) or 1e-6)
        margin = 8.0
        scale = min((self.width() - 2 * margin) / box.width(), (self.height() - 2 * margin) / box.height())
        dx = (self.width() - box.width() * scale) / 2
        dy = (self.height() - box.height() * scale) / 2

        def at(x: float, y: float) -> QPointF:  # north up: latitude grows upwards
            return QPointF(dx + (x - box.left()) * scale, self.height() - dy - (y - box.top()) * scale)

        text = self.palette().text().color()
        outline = QColor(text)
        outline.setAlpha(110)
        fill = QColor(ACCENT)
        fill.setAlpha(90)
        for grid in self.page.grids:
            painter.setPen(QPen(QColor(ACCENT) if grid.mine else outline, 1.6 if grid.mine else 0.8))
            painter.setBrush(QBrush(fill) if grid.mine else Qt.BrushStyle.NoBrush)
            painter.drawPolygon(QPolygonF([at(x, y) for x, y in grid.ring]))
        if self._last is not None:
            painter.setPen(QPen(QColor("white"), 1.5))
            painter.setBrush(QColor(ERROR))
            painter.drawEllipse(at(*self._last), 5.0, 5.0)


def _tree(name: str, columns: int) -> QTreeWidget:
    tree = QTreeWidget(objectName=name)
    tree.setColumnCount(columns)
    tree.setRootIsDecorated(False)
    tree.setAlternatingRowColors(True)
    tree.setUniformRowHeights(True)
    return tree


class OfficerPageDialog(QDialog):
    """One officer's page; non-modal, so the roster stays usable beside it."""

    def __init__(self, ctx: AppContext, officer_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.officer_id = ctx, officer_id
        self.setObjectName("officerPage")
        self.page: OfficerPage | None = None
        self.error = ""
        header, self.title = dialog_header("officer", "officerPageTitle")
        self.summary = QLabel(objectName="officerPageSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.sketch = GridSketch()
        self.cases = _tree("officerOpenCases", 5)
        self.duty = _tree("officerDutyHistory", 3)
        self.stays = _tree("officerPositions", 3)
        self.tabs = QTabWidget(objectName="officerPageTabs")
        for tree in (self.cases, self.duty, self.stays):
            self.tabs.addTab(tree, "")
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.sketch)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([SKETCH_SIZE + 40, 560])
        settings.remember_splitter(splitter, settings.OFFICER_PAGE_SPLITTER)
        self.refresh_button = QPushButton(objectName="officerPageRefresh")
        self.refresh_button.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        self.refresh_button.clicked.connect(self.load)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.addButton(self.refresh_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.buttons)
        self.resize(900, 520)
        self.retranslate_ui()
        self.load()

    def load(self) -> None:
        roster, principal, officer_id = self.ctx.roster, self.ctx.principal, self.officer_id
        self.ctx.runner.run_in_background(lambda _s: roster.page(principal, officer_id), self._loaded, self._failed)

    def _loaded(self, page: OfficerPage) -> None:
        self.page, self.error = page, ""
        self.render()

    def _failed(self, exc: BaseException) -> None:
        self.error = describe_error(exc)
        self.render()

    # ---- language -------------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.refresh_button.setText(self.tr("&Refresh"))
        self.refresh_button.setToolTip(self.tr("Read the page again ({key})").format(
            key=QKeySequence(QKeySequence.StandardKey.Refresh).toString(QKeySequence.SequenceFormat.NativeText)))
        self.cases.setHeaderLabels([self.tr("Case"), self.tr("Priority"), self.tr("Status"), self.tr("Category"),
                                    self.tr("Deadline")])
        self.duty.setHeaderLabels([self.tr("Time"), self.tr("Change"), self.tr("By")])
        self.stays.setHeaderLabels([self.tr("From"), self.tr("To"), self.tr("Where")])
        self.cases.setAccessibleName(self.tr("Open cases"))
        self.duty.setAccessibleName(self.tr("Duty changes"))
        self.stays.setAccessibleName(self.tr("Positions"))
        self.sketch.setAccessibleName(self.tr("The officer's grids"))
        self.render()

    # ---- showing --------------------------------------------------------------------------------
    def render(self) -> None:
        page, tz = self.page, self.ctx.principal.timezone
        if page is None:
            self.setWindowTitle(self.tr("Officer"))
            self.title.setText(self.tr("Officer"))
            self.summary.setText(self.error or self.tr("Reading…"))
            self._render_tabs()
            return
        self.setWindowTitle(self.tr("Officer {name}").format(name=page.name))
        self.title.setText(self.tr("{name} ({number}) · {duty}").format(
            name=page.name, number=page.employee_no, duty=duty_label(page.duty_status)))
        where = (self.tr("Last seen {time} in {place}").format(time=format_local(page.last_seen_at, tz),
                                                               place=place_detail(page.last_place))
                 if page.last_place is not None and page.last_seen_at is not None else self.tr("No position reported"))
        grids = [g for g in page.grids if g.mine]
        self.summary.setText("\n".join(filter(None, [
            self.tr("Phone: {phone}").format(phone=page.phone) if page.phone else "",
            self.tr("Grids: {grids}").format(grids=", ".join(g.name for g in grids) or "—"),
            where,
            self.error,
        ])))
        last = page.stays[0] if page.stays else None
        self.sketch.show_page(page, (last.lon, last.lat) if last is not None else None)
        self._render_tabs()

    def _render_tabs(self) -> None:
        page, tz = self.page, self.ctx.principal.timezone
        for tree in (self.cases, self.duty, self.stays):
            tree.clear()
        if page is not None:
            for c in page.open_cases:
                item = QTreeWidgetItem([c.case_number, priority_label(c.priority), status_label(c.status),
                                        category_name(c.category_zh, c.category_en),
                                        format_local(c.stage_deadline_at, tz) if c.stage_deadline_at else "—"])
                item.setToolTip(0, c.description)
                self.cases.addTopLevelItem(item)
            for d in page.duty_history:
                self.duty.addTopLevelItem(QTreeWidgetItem([
                    format_local(d.at, tz),
                    self.tr("{before} → {after}").format(before=duty_label(d.from_status), after=duty_label(d.to_status)),
                    d.by_name or "—"]))
            for s in page.stays:
                item = QTreeWidgetItem([format_local(s.first_at, tz), format_local(s.last_at, tz),
                                        place_text(s.place) or f"{s.lon:.5f}, {s.lat:.5f}"])
                item.setToolTip(2, place_detail(s.place))
                self.stays.addTopLevelItem(item)
            for tree in (self.cases, self.duty, self.stays):
                for column in range(tree.columnCount() - 1):
                    tree.resizeColumnToContents(column)
        counts = (len(page.open_cases), len(page.duty_history), len(page.stays)) if page else (0, 0, 0)
        for index, (title, n) in enumerate(zip(
                (self.tr("Open cases ({n})"), self.tr("Duty changes ({n})"), self.tr("Positions ({n})")), counts,
                strict=True)):
            self.tabs.setTabText(index, title.format(n=n))
