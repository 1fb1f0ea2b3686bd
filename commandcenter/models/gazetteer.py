"""The gazetteer: named places (roads, house numbers, landmarks, compounds, villages) and where they are.

Coordinates are WGS-84 like the grids (a GCJ-02 file is converted on import). The grid is
resolved once, at import, so picking a place at intake needs no geometry. The pinyin columns
are computed at import with pypinyin so typing "hxl" finds 华兴路 without loading pypinyin's
dictionaries at the call-taker's desk.
"""

from __future__ import annotations

from sqlalchemy import CheckConstraint, Float, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from ..domain.enums import check_in
from ..domain.places import PlaceKind
from .base import Base


class GazetteerEntry(Base):
    """One named place (see migration 0014)."""

    __tablename__ = "gazetteer_entry"
    __table_args__ = (
        CheckConstraint(check_in("kind", PlaceKind), name="kind"),
        Index("ix_gazetteer_entry_name", "name"),
        Index("ix_gazetteer_entry_initials", "pinyin_initials"),
        Index("ix_gazetteer_entry_pinyin", "pinyin"),
        Index("ix_gazetteer_entry_grid", "grid_id"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    kind: Mapped[str] = mapped_column(String(20))
    lon: Mapped[float] = mapped_column(Float)
    lat: Mapped[float] = mapped_column(Float)
    grid_id: Mapped[int | None] = mapped_column(ForeignKey("grid.id"))
    pinyin: Mapped[str] = mapped_column(String(480), default="")  # full pinyin, no tones or spaces
    pinyin_initials: Mapped[str] = mapped_column(String(120), default="")
