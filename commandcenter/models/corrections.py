"""Corrections (更正) of a case's category or grid: what it was and what it became, per step.

The case history row of a correction (action `correct`) keeps the reason in its note; this row,
keyed by that history row, keeps the values before and after, so the case timeline words the
change and a drill's debrief counts who corrected what, from the database alone.
"""

from __future__ import annotations

from sqlalchemy import ForeignKey, Index
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base


class CaseCorrection(Base):
    """The category and grid before and after one correction (equal where that one did not change)."""

    __tablename__ = "case_correction"
    __table_args__ = (Index("ix_case_correction_case", "case_id"),)
    history_id: Mapped[int] = mapped_column(ForeignKey("case_history.id", ondelete="CASCADE"), primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_record.id", ondelete="CASCADE"))
    from_category_id: Mapped[int] = mapped_column(ForeignKey("category.id"))
    to_category_id: Mapped[int] = mapped_column(ForeignKey("category.id"))
    from_grid_id: Mapped[int] = mapped_column(ForeignKey("grid.id"))
    to_grid_id: Mapped[int] = mapped_column(ForeignKey("grid.id"))
