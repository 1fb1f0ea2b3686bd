"""The live change feed in the GUI: polls the change log off the GUI thread, emits what changed.

SQLite has no notifications, so the feed polls every 100 ms (an indexed range scan costing
well under a millisecond); a commit in any process reaches the screen within about a poll.
Views subscribe to `changed(entity, ids)` (entity an `Entity` value) and update their rows in
place. The feed drops the database's stale caches before it emits, so every slot, whatever the
order it was connected in, reads fresh reference data.
"""

from __future__ import annotations

import logging
from collections import defaultdict

from PySide6.QtCore import QObject, QTimer, Signal

from ..db import Database
from ..services.changefeed import Change, changes_since, latest_change_id
from .tasks import TaskRunner

log = logging.getLogger(__name__)

POLL_MS = 100


class ChangeFeed(QObject):
    """Emits `changed(entity, [ids])` once per poll for each entity with changes."""

    changed = Signal(str, list)
    connection_lost = Signal(str)
    connection_restored = Signal()

    def __init__(self, db: Database, runner: TaskRunner, parent: QObject | None = None,
                 interval_ms: int = POLL_MS) -> None:
        super().__init__(parent)
        self._db, self._runner = db, runner
        self._last = latest_change_id(db)
        self._busy = False
        self._lost = False
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.poll)

    @property
    def last_seen(self) -> int:
        return self._last

    def start(self) -> None:
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def poll(self) -> None:
        """Ask for changes after the last one seen; at most one query in flight."""
        if self._busy:
            return
        self._busy = True
        after = self._last
        self._runner.run_in_background(lambda _state: changes_since(self._db, after), self._deliver, self._failed)

    def _deliver(self, changes: list[Change]) -> None:
        self._busy = False
        if self._lost:
            self._lost = False
            self.connection_restored.emit()
        if not changes:
            return
        self._last = max(self._last, changes[-1].id)
        grouped: dict[str, list[int]] = defaultdict(list)
        for change in changes:
            ids = grouped[change.entity]
            if change.entity_id not in ids:
                ids.append(change.entity_id)
        self._db.caches.invalidate(grouped)
        for entity, ids in grouped.items():
            self.changed.emit(entity, ids)

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        if not self._lost:
            self._lost = True
            log.warning("change feed lost the database: %s", exc)
            self.connection_lost.emit(str(exc).splitlines()[0] if str(exc) else type(exc).__name__)
