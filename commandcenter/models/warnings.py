"""Early warnings (事前预警): what the detectors raised and what a supervisor did about it."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..domain.enums import check_in
from ..shapes.warnings import WarningKind, WarningStatus
from .base import Base, UtcTimestamp


class EarlyWarning(Base):
    """One pattern the detectors found, kept once per `fingerprint` so it never fires twice.

    New evidence (a case not yet in `case_ids`) updates the row and re-opens it if a supervisor
    had acknowledged or dismissed it; the same evidence again changes nothing. Case and grid ids
    and the figures are JSON: they are read with the warning, never queried by. `centre_id` is
    the centre most of the evidence belongs to, for the principal's scope.
    """

    __tablename__ = "warning"
    __table_args__ = (
        CheckConstraint(check_in("kind", WarningKind), name="kind"),
        CheckConstraint(check_in("status", WarningStatus), name="status"),
        Index("ix_warning_centre_status", "centre_id", "status"),
        Index("ix_warning_kind_category", "kind", "category_code"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    fingerprint: Mapped[str] = mapped_column(String(160), unique=True)
    status: Mapped[str] = mapped_column(String(12))
    centre_id: Mapped[int | None] = mapped_column(ForeignKey("command_centre.id"))
    subject: Mapped[str] = mapped_column(String(200), default="")
    category_code: Mapped[str | None] = mapped_column(String(8))
    grid_ids: Mapped[str] = mapped_column(Text, default="[]")
    case_ids: Mapped[str] = mapped_column(Text, default="[]")
    centroid_lon: Mapped[float | None] = mapped_column(Float)
    centroid_lat: Mapped[float | None] = mapped_column(Float)
    outline: Mapped[str] = mapped_column(Text, default="[]")
    evidence: Mapped[str] = mapped_column(Text, default="{}")
    raised_at: Mapped[datetime] = mapped_column(UtcTimestamp)
    last_evidence_at: Mapped[datetime] = mapped_column(UtcTimestamp)
    updated_at: Mapped[datetime] = mapped_column(UtcTimestamp)
    # the supervisor's action (services/warning_actions): note or dismissal reason, who, when,
    # and the case or patrol task opened for it
    action_note: Mapped[str] = mapped_column(Text, default="", server_default="")
    acted_by_user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    acted_at: Mapped[datetime | None] = mapped_column(UtcTimestamp)
    linked_case_id: Mapped[int | None] = mapped_column(ForeignKey("case_record.id"))
    version: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = {"version_id_col": version}
