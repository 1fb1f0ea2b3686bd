"""Drill runs and the cases each run wrote, so the feed plays only its own cases and a debrief can read them.

A `drill_run` is one start of the drill feed (a scenario, random load, or both); every case the
run writes gets a `drill_case` row naming the run, the scenario item it plays and what the
scenario intended (category, grid, priority), so a debrief can tell an operator's
wrong-category or wrong-grid correction from the scenario's own choice (see migration 0023).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, CheckConstraint, Float, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from ..domain.drill import DrillCaseKind
from ..domain.enums import check_in
from .base import Base, UtcTimestamp


class DrillRun(Base):
    """One run of the drill feed: what it played, how fast, from which seed, started by whom."""

    __tablename__ = "drill_run"
    id: Mapped[int] = mapped_column(primary_key=True)
    started_at: Mapped[datetime] = mapped_column(UtcTimestamp())
    ended_at: Mapped[datetime | None] = mapped_column(UtcTimestamp())
    scenario_name: Mapped[str] = mapped_column(String(200), default="")  # "" for random load only
    scenario_hash: Mapped[str] = mapped_column(String(64), default="")  # sha256 of the file's bytes
    speed: Mapped[float] = mapped_column(Float, default=1.0)  # speed at the start (the trainer may change it)
    seed: Mapped[int] = mapped_column(Integer)
    rate: Mapped[float | None] = mapped_column(Float)  # random cases a minute besides the scenario
    background: Mapped[bool] = mapped_column(Boolean, default=False)  # pre-existing cases progressed too
    started_by_user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))


class DrillCase(Base):
    """A case one drill run wrote, with the scenario item it plays and what the scenario intended."""

    __tablename__ = "drill_case"
    __table_args__ = (
        CheckConstraint(check_in("kind", DrillCaseKind), name="kind"),
        Index("ix_drill_case_run", "run_id"),
    )
    case_id: Mapped[int] = mapped_column(ForeignKey("case_record.id", ondelete="CASCADE"), primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("drill_run.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(20))
    item_index: Mapped[int | None] = mapped_column(Integer)  # position in the scenario's timeline; None: random
    item_key: Mapped[str] = mapped_column(String(40), default="")  # the scenario's `id:` for the case, if any
    scheduled_offset: Mapped[float] = mapped_column(Float)  # scenario seconds from the start
    intended_category_id: Mapped[int] = mapped_column(ForeignKey("category.id"))
    intended_grid_id: Mapped[int | None] = mapped_column(ForeignKey("grid.id"))
    intended_priority: Mapped[str] = mapped_column(String(10))
