"""The wall's referral marks: which rows were referred to or by this seat's centre, from whom or
to whom, and why (`services.referral.ReferralService.marks`).

Read off the GUI thread after every full load and for the cases the change feed names, then
handed to the wall model, which marks the status cell and explains the mark in its tooltip.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject

from ..domain.entities import Entity
from ..gui.context import AppContext
from ..itemmodels.wall import WallModel
from ..referral_labels import mark_text
from ..shapes.referral import ReferralMark

log = logging.getLogger(__name__)


class WallReferralMarks(QObject):
    """Keeps a wall model's referral marks current."""

    def __init__(self, ctx: AppContext, model: WallModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.model = ctx, model
        model.modelReset.connect(lambda: self.refresh([r.id for r in model.all_rows()]))
        ctx.feed.changed.connect(self._on_changed)

    def _on_changed(self, entity: str, ids: list) -> None:  # type: ignore[type-arg]
        if entity == Entity.CASE:
            self.refresh(list(ids))

    def refresh(self, case_ids: list[int]) -> None:
        if not case_ids:
            return
        referrals, principal = self.ctx.referrals, self.ctx.principal
        self.ctx.runner.run_in_background(lambda _s: referrals.marks(principal, case_ids),
                                          lambda marks: self._apply(case_ids, marks), self._failed)

    def _failed(self, exc: BaseException) -> None:
        # the marks stay as they were; the next change the feed brings reads them again
        log.warning("referral marks not read: %s", exc)

    def _apply(self, case_ids: list[int], marks: dict[int, ReferralMark]) -> None:
        texts = {cid: "" for cid in case_ids}
        texts.update({cid: mark_text(m.incoming, m.kind, m.state, m.other_centre, m.reason)
                      for cid, m in marks.items()})
        self.model.set_referral_marks(texts)
