"""Wall mode's on-time closure rate (按期结案率) of today, from the briefing's KPI service.

The rate is a replay of the day's case histories (services/kpi), far too heavy to run on every
change: it is computed off the GUI thread when wall mode opens and then again after changes
to cases, at most once every `MIN_INTERVAL_MS` (changes arriving meanwhile are folded into the
next run, and a run never starts while one is going).
"""

from __future__ import annotations

import logging
from datetime import date

from PySide6.QtCore import QObject, QTimer, Signal

from ..domain.actions import Action
from ..domain.entities import Entity
from ..gui.context import AppContext
from ..gui.localtime import zone
from ..shapes.briefing import Kpis

log = logging.getLogger(__name__)

MIN_INTERVAL_MS = 5000


def rate_text(kpis: Kpis) -> str:
    """The rate as a percentage; a dash when nothing was due today yet."""
    rate = kpis.on_time_rate
    return "—" if rate is None else f"{rate * 100:.1f}%"


class OnTimeRate(QObject):
    """Emits `ready(text)` with today's rate; quiet for a seat without the right to briefings."""

    ready = Signal(str)

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.available = ctx.can(Action.PRINT_BRIEFING)  # the KPI figures are the briefing's
        self._busy = False
        self._again = False
        self._timer = QTimer(self, singleShot=True, interval=MIN_INTERVAL_MS)
        self._timer.timeout.connect(self._run)

    def start(self) -> None:
        """The first run, and every change from now on (connect `ready` first)."""
        if self.available:
            self.ctx.feed.changed.connect(self._on_feed_changed)
            self._run()

    def today(self) -> date:
        return self.ctx.db.clock.now().astimezone(zone(self.ctx.principal.timezone)).date()

    def _on_feed_changed(self, entity: str, _ids: list) -> None:  # type: ignore[type-arg]
        if entity != Entity.CASE:
            return
        if self._busy:
            self._again = True
        elif not self._timer.isActive():
            self._timer.start()

    def _run(self) -> None:
        self._busy, self._again = True, False
        briefings, principal, day = self.ctx.briefings, self.ctx.principal, self.today()
        self.ctx.runner.run_in_background(lambda _s: briefings.figures(principal, day), self._done, self._failed)

    def _done(self, kpis: Kpis) -> None:
        self._finished()
        self.ready.emit(rate_text(kpis))

    def _failed(self, exc: BaseException) -> None:
        self._finished()
        log.warning("wall mode could not compute the on-time closure rate: %s", exc)

    def _finished(self) -> None:
        self._busy = False
        if self._again and not self._timer.isActive():
            self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        if self.available:
            self.ctx.feed.changed.disconnect(self._on_feed_changed)
            self.available = False  # stopped once
