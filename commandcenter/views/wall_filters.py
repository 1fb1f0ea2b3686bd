"""The wall's filter bar: search, status, priority, time limit, period, category, source, area.

Its own widget because it has one job apart from the wall: turn the operator's choices into a
`WallFilter`. Typing and picking are debounced into one `changed` signal; a grid chosen on the
map applies at once and shows as a chip that clears it. The period is not a filter of the
loaded rows but of what is loaded, so the wall listens to `period_combo` itself and reloads.

The wall opens on the open cases (closed ones are one choice away in the status list), and the
operator's choices are remembered: `state()` and `restore()` turn them into plain JSON values
for gui/settings, looked up again by the items' data, never by their (translated) text.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from .. import i18n
from ..domain.enums import OPEN_STATUSES, CaseStatus, Priority, SourceChannel
from ..gui.context import AppContext
from ..gui.icons import icon
from ..gui.style import ACCENT
from ..itemmodels.wall import WallFilter
from ..labels import priority_label, source_label
from ..services.reference_lists import AreaTree, CategoryChoice

STATUS_PRESETS: tuple[tuple[str, frozenset[str]], ...] = (
    ("all", frozenset()),
    ("open", frozenset(s.value for s in OPEN_STATUSES)),
    ("to_register", frozenset({CaseStatus.REPORTED.value})),
    ("to_dispatch", frozenset({CaseStatus.REGISTERED.value})),
    ("with_handler", frozenset({CaseStatus.DISPATCHED.value, CaseStatus.ACCEPTED.value})),
    ("to_verify", frozenset({CaseStatus.FED_BACK.value, CaseStatus.CHECKING.value})),
    ("suspended", frozenset({CaseStatus.SUSPENDED.value})),
    ("closed", frozenset({CaseStatus.CLOSED.value})),
)


class WallFilterBar(QWidget):
    """Two rows of filters above the wall; `current_filter()` is what they say."""

    changed = Signal()  # the filter changed: apply `current_filter()`

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("wallFilters")
        self._grid_filter: int | None = None  # set by a click on the map
        self._areas: AreaTree | None = None
        self._categories: tuple[CategoryChoice, ...] = ()
        self._build()
        self.retranslate_ui()

    def _build(self) -> None:
        self.search = QLineEdit(objectName="wallSearch", clearButtonEnabled=True)
        self.search.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search.textChanged.connect(self._schedule_filter)
        self.status_combo = QComboBox(objectName="statusFilter")
        self.priority_combo = QComboBox(objectName="priorityFilter")
        self.due_combo = QComboBox(objectName="dueFilter")
        self.category_combo = QComboBox(objectName="categoryFilter")
        self.source_combo = QComboBox(objectName="sourceFilter")
        self.street_combo = QComboBox(objectName="streetFilter")
        self.community_combo = QComboBox(objectName="communityFilter")
        self.grid_chip = QPushButton(objectName="gridFilterChip")
        self.grid_chip.setVisible(False)
        self.grid_chip.clicked.connect(lambda: self.filter_to_grid(-1))
        self.mine_check = QCheckBox(objectName="mineFilter")
        self.overdue_first = QCheckBox(objectName="overdueFirst")
        self.triage_button = QPushButton(objectName="triageOrder")
        self.triage_button.setIcon(icon("overdue"))
        self.period_combo = QComboBox(objectName="periodFilter")
        for combo in (self.status_combo, self.priority_combo, self.due_combo, self.category_combo,
                      self.source_combo, self.street_combo, self.community_combo):
            combo.currentIndexChanged.connect(self._schedule_filter)
        for combo in (*self._combos().values(),):  # narrow enough for the wall at 1366 px and large type
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(6)
        self.street_combo.currentIndexChanged.connect(self._fill_communities)
        self.mine_check.toggled.connect(self._schedule_filter)
        self._filter_timer = QTimer(self, singleShot=True, interval=150)
        self._filter_timer.timeout.connect(self.changed)

        bar = QHBoxLayout()
        bar.addWidget(self.search, 4)
        for w in (self.status_combo, self.priority_combo, self.due_combo, self.period_combo):
            bar.addWidget(w, 1)
        bar2 = QHBoxLayout()
        for w in (self.category_combo, self.source_combo, self.street_combo, self.community_combo):
            bar2.addWidget(w, 1)
        bar2.addWidget(self.grid_chip)
        bar2.addWidget(self.mine_check)
        bar2.addWidget(self.overdue_first)
        bar2.addWidget(self.triage_button)
        self.grid_chip.setStyleSheet(f"QPushButton {{ background:{ACCENT}; color:white; border-radius:3px; padding:3px 8px; }}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addLayout(bar2)

    # ---- language -----------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.search.setPlaceholderText(self.tr("Search number, place (or pinyin initials), text… (Ctrl+F)"))
        self.search.setAccessibleName(self.tr("Search cases"))
        self._fill_combo(self.status_combo, [
            (self.tr("All statuses"), "all"), (self.tr("Open"), "open"), (self.tr("To register"), "to_register"),
            (self.tr("To dispatch"), "to_dispatch"), (self.tr("With handler"), "with_handler"),
            (self.tr("To verify"), "to_verify"), (self.tr("Suspended"), "suspended"), (self.tr("Closed"), "closed"),
        ])
        self._fill_combo(self.priority_combo, [(self.tr("All priorities"), None)]
                         + [(priority_label(p.value), p.value) for p in Priority])
        self._fill_combo(self.due_combo, [
            (self.tr("Any time limit"), None), (self.tr("Due soon or overdue"), "due_soon,overdue"),
            (self.tr("Overdue"), "overdue"), (self.tr("Due soon"), "due_soon"),
        ])
        self._fill_combo(self.source_combo, [(self.tr("All sources"), None)]
                         + [(source_label(s.value), s.value) for s in SourceChannel])
        self._fill_combo(self.period_combo, [
            (self.tr("Open + closed 24 h"), None), (self.tr("Last 7 days"), 7), (self.tr("Last 30 days"), 30),
            (self.tr("Last 90 days"), 90),
        ])
        self.mine_check.setText(self.tr("Mine"))
        self.mine_check.setToolTip(self.tr("Only cases I entered"))
        self.overdue_first.setText(self.tr("Overdue first"))
        self.triage_button.setText(self.tr("Triage order"))
        self.triage_button.setToolTip(self.tr(
            "Overdue first, then escalated (reminder 催办, supervision 督办), urgent, high, then by time left"))
        self._fill_reference_combos()

    def _fill_combo(self, combo: QComboBox, items: list[tuple[str, object]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        for text, data in items:
            combo.addItem(text, data)
        index = combo.findData(current)
        if index < 0 and combo is self.status_combo:
            index = combo.findData("open")  # the first fill: the wall opens on the open cases
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)

    # ---- reference lists ----------------------------------------------------------------
    def load_reference_lists(self) -> None:
        reference, principal = self.ctx.reference, self.ctx.principal
        self._areas = reference.areas(principal)
        self._categories = reference.categories(principal)
        self._fill_reference_combos()

    def _fill_reference_combos(self) -> None:
        if self._areas is None:
            return
        majors: dict[str, tuple[str, list[int]]] = {}
        english = i18n.current_language() == "en"
        for c in self._categories:
            majors.setdefault(c.major_code, (c.major_en if english else c.major_zh, []))[1].append(c.id)
        self._fill_combo(self.category_combo, [(self.tr("All categories"), None)]
                         + [(f"{code} {name}", tuple(ids)) for code, (name, ids) in sorted(majors.items())])
        self._fill_combo(self.street_combo, [(self.tr("All streets"), None)]
                         + [(s.name, s.id) for s in self._areas.streets])
        self._fill_communities()

    def _fill_communities(self) -> None:
        assert self._areas is not None
        street_id = self.street_combo.currentData()
        items: list[tuple[str, object]] = [(self.tr("All communities"), None)]
        for street in self._areas.streets:
            if street_id is None or street.id == street_id:
                items.extend((c.name, c.id) for c in street.communities)
        self._fill_combo(self.community_combo, items)

    # ---- the filter ---------------------------------------------------------------------
    def _schedule_filter(self) -> None:
        self._filter_timer.start()

    def current_filter(self) -> WallFilter:
        preset = dict(STATUS_PRESETS).get(self.status_combo.currentData() or "all", frozenset())
        due = self.due_combo.currentData()
        cats = self.category_combo.currentData()
        return WallFilter(
            statuses=preset,
            priorities=frozenset({self.priority_combo.currentData()}) if self.priority_combo.currentData() else frozenset(),
            category_ids=frozenset(cats) if cats else frozenset(),
            sources=frozenset({self.source_combo.currentData()}) if self.source_combo.currentData() else frozenset(),
            street_id=self.street_combo.currentData(),
            community_id=self.community_combo.currentData(),
            grid_id=self._grid_filter,
            due=frozenset(due.split(",")) if due else frozenset(),
            mine_user_id=self.ctx.principal.user_id if self.mine_check.isChecked() else None,
            text=self.search.text(),
        )

    def filter_to_grid(self, grid_id: int) -> None:
        """Show only one grid's cases (from a click on the map); -1 clears."""
        self._grid_filter = None if grid_id < 0 else grid_id
        if self._grid_filter is None:
            self.grid_chip.setVisible(False)
        else:
            try:
                assert self._areas is not None
                code = self._areas.grid(grid_id).code
            except KeyError:
                code = str(grid_id)
            self.grid_chip.setText(self.tr("Grid {code} ✕").format(code=code))
            self.grid_chip.setVisible(True)
        self.changed.emit()

    def _combos(self) -> dict[str, QComboBox]:
        return {"status": self.status_combo, "priority": self.priority_combo, "due": self.due_combo,
                "category": self.category_combo, "source": self.source_combo, "street": self.street_combo,
                "community": self.community_combo, "period": self.period_combo}

    def state(self) -> dict[str, Any]:
        """The operator's choices as JSON values (the search text is not kept: it is a lookup)."""
        out: dict[str, Any] = {name: _plain(combo.currentData()) for name, combo in self._combos().items()}
        out["mine"] = self.mine_check.isChecked()
        out["overdue_first"] = self.overdue_first.isChecked()
        return out

    def restore(self, state: dict[str, Any]) -> None:
        """Choose again what `state()` returned; an item no longer offered stays at its default."""
        for name, combo in self._combos().items():
            if name not in state:
                continue
            wanted = state[name]
            for n in range(combo.count()):
                if _plain(combo.itemData(n)) == wanted:
                    combo.setCurrentIndex(n)
                    break
        self.mine_check.setChecked(bool(state.get("mine", False)))
        self.overdue_first.setChecked(bool(state.get("overdue_first", False)))

    def clear_filters(self) -> None:
        """Back to the wall's default: the open cases, nothing else narrowed."""
        for combo in (self.status_combo, self.priority_combo, self.due_combo, self.category_combo,
                      self.source_combo, self.street_combo, self.community_combo):
            combo.setCurrentIndex(0)
        self.status_combo.setCurrentIndex(max(self.status_combo.findData("open"), 0))
        self.search.clear()
        self.mine_check.setChecked(False)
        self.filter_to_grid(-1)


def _plain(value: object) -> object:
    """An item's data as JSON keeps it (a category's tuple of ids becomes a list)."""
    return list(value) if isinstance(value, tuple) else value
