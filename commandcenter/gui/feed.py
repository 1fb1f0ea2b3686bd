"""The live change feed in the GUI: learns what other seats committed and emits what changed.

On PostgreSQL a listener thread (services/pg_notify) sleeps on its own connection until a commit
notifies it, then reads the change log after the last id it saw on that connection and hands the
changes over: a change reaches every seat within one round trip, each seat reads only what
changed, and the live feed costs the server one connection per seat. A slow safety poll (every
5 s) covers a notification lost on the way, and every (re)connection of the listener catches up
from the change log first: PostgreSQL does not replay what was said while a connection was away.
SQLite has no notifications, so there the feed polls every 100 ms (an indexed range scan costing
well under a millisecond).

Views subscribe to `changed(entity, ids)` (entity an `Entity` value) and update their rows in
place. The feed drops the database's stale caches before it emits, so every slot, whatever the
order it was connected in, reads fresh reference data.

When the server goes away the feed says so once (`connection_lost`) and marks the database
unreachable, so every new action is refused at once with a message (Database.unreachable); it
says `connection_restored` when a fetch works again. After a long outage it asks the screens to
reload in full (`resync_needed`) rather than trust what they missed; after a short one it emits
again what it had emitted just before, since a screen's fetch of those rows may have failed.
"""

from __future__ import annotations

import logging
import time
from collections import defaultdict, deque
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from ..db import Database
from ..services.changefeed import FETCH_LIMIT, Change, changes_since, latest_change_id
from .tasks import TaskRunner

if TYPE_CHECKING:  # psycopg is imported only by a PostgreSQL seat: a third of a second at start
    from ..services.pg_notify import Backoff, ChangeListener

log = logging.getLogger(__name__)

POLL_MS = 100  # SQLite: no notifications, so a poll this often
SAFETY_POLL_MS = 5000  # PostgreSQL: notifications wake the feed; this only catches a lost one
LONG_OUTAGE_S = 30.0  # after an outage this long, screens reload in full (`resync_needed`)
# what was emitted this long before an outage is emitted again after a shorter one: a screen's
# fetch of those rows may have failed as the server went, and nothing else would refetch them
REPLAY_S = 10.0


class ChangeFeed(QObject):
    """Emits `changed(entity, [ids])` once per fetch for each entity with changes.

    `listen` (default: on PostgreSQL) wakes the feed by LISTEN/NOTIFY; otherwise it polls.
    """

    changed = Signal(str, list)
    connection_lost = Signal(str)
    connection_restored = Signal()
    resync_needed = Signal()
    # from the listener's thread, delivered on the feed's: (changes, announced by a notification)
    _heard = Signal(object, bool)
    _listening = Signal()
    _listener_lost = Signal(str)

    def __init__(self, db: Database, runner: TaskRunner, parent: QObject | None = None,
                 interval_ms: int | None = None, listen: bool | None = None) -> None:
        super().__init__(parent)
        self._db, self._runner = db, runner
        self._last = latest_change_id(db)
        self._busy = False
        self._again = False  # a fetch was asked for while one ran
        self._lost_since: float | None = None
        self._lost_at = 0.0
        self._recent: deque[tuple[float, Change]] = deque()  # (emitted at, change) for REPLAY_S
        self.listens = (not db.is_sqlite) if listen is None else listen
        self._listener: ChangeListener | None = None
        self._listener_up = False
        self.backoff: Backoff | None = None  # the listener's reconnection delays, once started
        self.listener_failures = 0  # broken or refused listening connections so far
        self.woken_by_notify = 0  # deliveries a notification brought (the tests read it)
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms or (SAFETY_POLL_MS if self.listens else POLL_MS))
        self._timer.timeout.connect(self.poll)
        self._heard.connect(self._on_heard)
        self._listening.connect(self._on_listening)
        self._listener_lost.connect(self._on_listener_lost)

    @property
    def last_seen(self) -> int:
        return self._last

    @property
    def listening(self) -> bool:
        """True while the listener's connection is up: changes then arrive by notification."""
        return self._listener_up

    @property
    def is_lost(self) -> bool:
        return self._lost_since is not None

    def start(self) -> None:
        self._timer.start()
        if self.listens and self._listener is None:
            from ..services.pg_notify import Backoff, ChangeListener

            self.backoff = self.backoff or Backoff()
            self._listener = ChangeListener(self._db.url, self._last, self._heard.emit, self._listening.emit,
                                            self._listener_lost.emit, self.backoff)
            self._listener.start()
            # a window deleted without a close (and so without stop) must not leave the thread
            # running, to call this feed's signals after they are gone when the server goes away
            listener = self._listener
            self.destroyed.connect(lambda _gone=None: listener.stop())

    def stop(self) -> None:
        self._timer.stop()
        if self._listener is not None:
            self._listener.stop()
            self._listener = None

    def set_interval(self, interval_ms: int) -> None:
        """The poll (SQLite) or safety-poll (PostgreSQL) period."""
        self._timer.setInterval(interval_ms)

    def poll(self) -> None:
        """Ask for changes after the last one seen; at most one query in flight, a request
        meanwhile runs right after it."""
        if self._busy:
            self._again = True
            return
        self._busy = True
        after, db = self._last, self._db
        self._runner.run_in_background(lambda _state: changes_since(db, after, FETCH_LIMIT),
                                       self._deliver, self._failed)

    def _on_heard(self, changes: list[Change], by_notify: bool) -> None:
        """What the listener read on its connection: its catch-up, or what a notification announced."""
        if by_notify and changes and changes[-1].id > self._last:
            self.woken_by_notify += 1
        self._mark_restored()
        self._apply(changes)

    def _on_listening(self) -> None:
        self._listener_up = True

    def _on_listener_lost(self, reason: str) -> None:
        self._listener_up = False
        self.listener_failures += 1
        self._mark_lost(reason)

    def _deliver(self, changes: list[Change]) -> None:
        self._busy = False
        if self._listener is None or self._listener_up:
            self._mark_restored()
        self._apply(changes)
        if self._again or len(changes) >= FETCH_LIMIT:
            self._again = False
            self.poll()

    def _apply(self, changes: list[Change]) -> None:
        """Emit what is new: the listener and the safety poll may both have read a change."""
        fresh = [c for c in changes if c.id > self._last]
        if not fresh:
            return
        self._last = fresh[-1].id
        now = time.monotonic()
        self._recent.extend((now, c) for c in fresh)
        while self._recent[0][0] < now - REPLAY_S:
            self._recent.popleft()
        self._emit(fresh)

    def _emit(self, changes: list[Change]) -> None:
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
        self._again = False
        self._mark_lost(str(exc).splitlines()[0] if str(exc) else type(exc).__name__)

    def _mark_lost(self, reason: str) -> None:
        if self._lost_since is not None:
            return
        self._lost_since = time.monotonic()
        self._db.unreachable = reason
        log.warning("change feed lost the database: %s", reason)
        self.connection_lost.emit(reason)

    def _mark_restored(self) -> None:
        if self._lost_since is None:
            return
        outage_s = time.monotonic() - self._lost_since
        self._lost_at, self._lost_since = self._lost_since, None
        self._db.unreachable = None
        log.info("change feed reached the database again after %.1f s", outage_s)
        self.connection_restored.emit()
        replay = [c for at, c in self._recent if at >= self._lost_at - REPLAY_S]
        self._recent.clear()
        if outage_s >= LONG_OUTAGE_S:
            self.resync_needed.emit()
        elif replay:
            self._emit(replay)
