"""Photos attached to a case, stored in the database itself so every seat sees them.

The image bytes and a small server-made thumbnail are columns (LargeBinary: BLOB on SQLite,
BYTEA on PostgreSQL) rather than files on one workstation's disk, so a photo taken in at one seat
is shown at every other, is in every backup and goes with the case. Lists read the thumbnail
only; the full image is read when someone opens it.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from ..domain.enums import check_in
from ..domain.photos import PhotoStage
from .base import Base, UtcTimestamp


class CasePhoto(Base):
    """One image attached to a case at one stage (see 0016)."""

    __tablename__ = "case_photo"
    __table_args__ = (
        CheckConstraint(check_in("stage", PhotoStage), name="stage"),
        CheckConstraint("size_bytes > 0", name="size_positive"),
        Index("ix_case_photo_case", "case_id", "id"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_record.id", ondelete="CASCADE"))
    stage: Mapped[str] = mapped_column(String(12))
    filename: Mapped[str] = mapped_column(String(200))
    content_type: Mapped[str] = mapped_column(String(40))  # image/jpeg, image/png … read from the content
    size_bytes: Mapped[int] = mapped_column(Integer)
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    data: Mapped[bytes] = mapped_column(LargeBinary)
    thumbnail: Mapped[bytes] = mapped_column(LargeBinary)  # PNG, at most PhotoLimits.thumb_side a side
    attached_at: Mapped[datetime] = mapped_column(UtcTimestamp)
    attached_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
