"""The Open311 service list: which GeoReport v2 `service_code` stands for which case category."""

from __future__ import annotations

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base


class Open311Service(Base):
    """One service another system may request, mapped to one minor category.

    An administrator keeps this table (`commandcenter import open311-services`); requests with
    a code not in it are refused, never matched to a category by guesswork.
    """

    __tablename__ = "open311_service"
    id: Mapped[int] = mapped_column(primary_key=True)
    service_code: Mapped[str] = mapped_column(String(64), unique=True)
    category_id: Mapped[int] = mapped_column(ForeignKey("category.id"), unique=True)
    service_name: Mapped[str] = mapped_column(String(120))
    description: Mapped[str] = mapped_column(Text, default="")
