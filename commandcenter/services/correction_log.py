"""The corrections (更正) stored for cases, with the names before and after: what the case
timeline and a drill's debrief read (services.correction writes them)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from ..models import CaseCorrection, CaseHistory, Category, Grid
from ..shapes.corrections import Correction


@dataclass(frozen=True)
class CorrectionStep:
    """One stored correction with its history row's instant and author."""

    history_id: int
    case_id: int
    at: datetime
    user_id: int | None
    correction: Correction
    from_category_id: int  # the ids before, to tell what a case was before a later correction
    from_grid_id: int


def corrections_of(s: Session, case_ids: Sequence[int]) -> list[CorrectionStep]:
    """The corrections of `case_ids`, oldest first, with the names before and after."""
    if not case_ids:
        return []
    fc, tc, fg, tg = aliased(Category), aliased(Category), aliased(Grid), aliased(Grid)
    c = CaseCorrection
    rows = s.execute(
        select(c.history_id, c.case_id, CaseHistory.at, CaseHistory.user_id, c.from_category_id, c.from_grid_id,
               fc.code, fc.name_zh, fc.name_en,
               tc.code, tc.name_zh, tc.name_en, fg.code, fg.name, tg.code, tg.name)
        .join(CaseHistory, CaseHistory.id == c.history_id)
        .join(fc, fc.id == c.from_category_id).join(tc, tc.id == c.to_category_id)
        .join(fg, fg.id == c.from_grid_id).join(tg, tg.id == c.to_grid_id)
        .where(c.case_id.in_(case_ids)).order_by(c.history_id)
    ).all()
    return [CorrectionStep(r[0], r[1], r[2], r[3], Correction(*r[6:]), r[4], r[5]) for r in rows]
