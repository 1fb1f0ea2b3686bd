"""The seat's early warnings, kept current for the wall's warning tab and the map's warning layer.

One object per opened database (`ctx.live_warnings`), so the tab and the layer share one list
and the detectors run once per change, not once per screen. When the change feed reports new
or changed cases it runs `ctx.warnings.update_for_cases` on them off the GUI thread (one run in
flight; ids arriving meanwhile wait for the next) and applies the warnings it returns; when
it reports changed warnings (another seat's answer, its detectors) it reads the list again. Nothing
happens until a screen calls `start()`: a seat that never shows warnings never runs them.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from ..domain.entities import Entity
from ..errors import PermissionDenied
from ..shapes.warnings import WarningItem, WarningStatus

if TYPE_CHECKING:
    from .context import AppContext

log = logging.getLogger(__name__)

RELOAD_DEBOUNCE_MS = 500


class LiveWarnings(QObject):
    """Every warning of the seat's centres by id, and signals when they change."""

    changed = Signal(list)  # the warnings just added or changed (WarningItem); [] after a whole reload
    raised = Signal(list)  # warnings that became open since the last look (new or re-opened)

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.items: dict[int, WarningItem] = {}
        self.category_names: dict[str, tuple[str, str]] = {}  # code -> (zh, en)
        self.loaded = False
        self._started = False
        self._pending_cases: set[int] = set()
        self._updating = False
        self._may_detect = not ctx.db.read_only  # a seat on a read-only copy only reads
        self._loading = False
        self._reload_again = False
        # a burst of warning changes is one read of the list; the list is read whole because a
        # warning of another centre must not be asked for (a refusal would be audited)
        self._reload_soon = QTimer(self, singleShot=True, interval=RELOAD_DEBOUNCE_MS)
        self._reload_soon.timeout.connect(self.reload)

    def start(self) -> None:
        """Load the list and follow the change feed from now on (idempotent)."""
        if self._started:
            return
        self._started = True
        self.ctx.feed.changed.connect(self._on_changed)
        self.reload()
        if self._may_detect:  # the day's chronic lateness now, not within the first new case's update
            self._updating = True
            warnings, principal = self.ctx.warnings, self.ctx.principal
            self.ctx.runner.run_in_background(lambda _s: warnings.judge_lateness(principal), self._updated,
                                              self._update_failed)

    def open_count(self) -> int:
        return sum(1 for w in self.items.values() if w.status is WarningStatus.OPEN)

    def reload(self) -> None:
        """Read the whole list again (at most one read in flight; a request meanwhile reruns)."""
        if self._loading:
            self._reload_again = True
            return
        self._loading = True
        warnings, reference, principal = self.ctx.warnings, self.ctx.reference, self.ctx.principal

        def load(_s: object) -> tuple[list[WarningItem], dict[str, tuple[str, str]]]:
            names: dict[str, tuple[str, str]] = {}
            for c in reference.categories(principal):
                names[c.code] = (c.name_zh, c.name_en)
                names.setdefault(c.major_code, (c.major_zh, c.major_en))
            return warnings.list_warnings(principal), names

        self.ctx.runner.run_in_background(load, self._loaded, self._load_failed)

    def apply(self, items: Iterable[WarningItem]) -> None:
        """Put warnings a service call returned (an answer, a detector run) into the list."""
        items = list(items)
        if not items:
            return
        newly_open = [w for w in items if w.status is WarningStatus.OPEN
                      and (w.id not in self.items or self.items[w.id].status is not WarningStatus.OPEN)]
        for w in items:
            self.items[w.id] = w
        self.changed.emit(items)
        if newly_open and self.loaded:
            self.raised.emit(newly_open)

    # ---- internals --------------------------------------------------------------------
    def _loaded(self, result: tuple[list[WarningItem], dict[str, tuple[str, str]]]) -> None:
        self._loading = False
        items, self.category_names = result
        was_open = {w.id for w in self.items.values() if w.status is WarningStatus.OPEN}
        newly_open = [w for w in items if w.status is WarningStatus.OPEN and w.id not in was_open]
        self.items = {w.id: w for w in items}
        first, self.loaded = not self.loaded, True
        self.changed.emit([])
        if newly_open and not first:
            self.raised.emit(newly_open)
        if self._reload_again:
            self._reload_again = False
            self.reload()

    def _load_failed(self, exc: BaseException) -> None:
        self._loading = False
        log.warning("warnings could not be read: %s", exc)

    def _on_changed(self, entity: str, ids: list) -> None:  # type: ignore[type-arg]
        if entity == Entity.CASE and self._may_detect:
            self._pending_cases.update(ids)
            self._update()
        elif entity == Entity.WARNING:  # answered at a seat, raised by a seat's or the drill's detectors
            self._reload_soon.start()

    def _update(self) -> None:
        if self._updating or not self._pending_cases:
            return
        ids, self._pending_cases = sorted(self._pending_cases), set()
        self._updating = True
        warnings, principal = self.ctx.warnings, self.ctx.principal
        self.ctx.runner.run_in_background(lambda _s: warnings.update_for_cases(principal, ids), self._updated,
                                          self._update_failed)

    def _updated(self, items: list[WarningItem]) -> None:
        self._updating = False
        self.apply(items)
        self._update()

    def _update_failed(self, exc: BaseException) -> None:
        self._updating = False
        if isinstance(exc, PermissionDenied):  # a role that may not run the detectors only reads
            self._may_detect = False
            self._pending_cases.clear()
            return
        log.warning("warning detectors failed: %s", exc)
        self._update()
