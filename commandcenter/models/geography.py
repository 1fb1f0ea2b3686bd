"""The administrative hierarchy (district > street > community > unit grid) and command centres."""

from __future__ import annotations

from sqlalchemy import CheckConstraint, Float, ForeignKey, Index, Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from ..domain.enums import CentreLevel, check_in
from .base import Base


class District(Base):
    """区/县, keyed by its GB/T 2260 county code."""

    __tablename__ = "district"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(6), unique=True)
    name: Mapped[str] = mapped_column(String(80))


class Street(Base):
    """街道/乡镇: code = district code + 3 digits."""

    __tablename__ = "street"
    id: Mapped[int] = mapped_column(primary_key=True)
    district_id: Mapped[int] = mapped_column(ForeignKey("district.id"), index=True)
    code: Mapped[str] = mapped_column(String(9), unique=True)
    name: Mapped[str] = mapped_column(String(80))
    pinyin_initials: Mapped[str] = mapped_column(String(40), default="")


class Community(Base):
    """社区/村: code = street code + 3 digits."""

    __tablename__ = "community"
    id: Mapped[int] = mapped_column(primary_key=True)
    street_id: Mapped[int] = mapped_column(ForeignKey("street.id"), index=True)
    code: Mapped[str] = mapped_column(String(12), unique=True)
    name: Mapped[str] = mapped_column(String(80))
    pinyin_initials: Mapped[str] = mapped_column(String(40), default="")


class Grid(Base):
    """单元网格: a polygon of roughly 10,000 m² tiling its community.

    The geometry is WKB (WGS84 lon/lat), read in bulk with shapely; centroid, area and the
    bounding box are kept as columns so lists and maps need no geometry parsing.
    """

    __tablename__ = "grid"
    __table_args__ = (CheckConstraint("area_m2 > 0", name="area_positive"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    community_id: Mapped[int] = mapped_column(ForeignKey("community.id"), index=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(80))
    geometry: Mapped[bytes] = mapped_column(LargeBinary)
    centroid_lon: Mapped[float] = mapped_column(Float)
    centroid_lat: Mapped[float] = mapped_column(Float)
    area_m2: Mapped[float] = mapped_column(Float)
    min_lon: Mapped[float] = mapped_column(Float)
    min_lat: Mapped[float] = mapped_column(Float)
    max_lon: Mapped[float] = mapped_column(Float)
    max_lat: Mapped[float] = mapped_column(Float)


class Road(Base):
    """A named road drawn on the map: the demo's streets or a city's imported road file.

    The line is a WGS84 lon/lat LineString as WKB, with its bounding box as columns.
    """

    __tablename__ = "road"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80), default="")
    road_class: Mapped[str] = mapped_column(String(20), default="minor")  # main | minor
    geometry: Mapped[bytes] = mapped_column(LargeBinary)
    min_lon: Mapped[float] = mapped_column(Float)
    min_lat: Mapped[float] = mapped_column(Float)
    max_lon: Mapped[float] = mapped_column(Float)
    max_lat: Mapped[float] = mapped_column(Float)


class CommandCentre(Base):
    """A street, district or city command centre; users, workstations and cases belong to one."""

    __tablename__ = "command_centre"
    __table_args__ = (
        CheckConstraint(check_in("level", CentreLevel), name="level"),
        Index("ix_command_centre_parent", "parent_id"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    level: Mapped[str] = mapped_column(String(10))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("command_centre.id"))
    district_id: Mapped[int | None] = mapped_column(ForeignKey("district.id"))
    street_id: Mapped[int | None] = mapped_column(ForeignKey("street.id"))
    timezone: Mapped[str] = mapped_column(String(40), default="Asia/Shanghai")
    version: Mapped[int] = mapped_column(Integer, server_default="1")  # admin edits (services/admin)
    __mapper_args__ = {"eager_defaults": False}  # the database numbers a new row 1; inserts neither send nor fetch it


class Workstation(Base):
    """A seat in a centre; recorded on actions so a supervisor can tell seats apart."""

    __tablename__ = "workstation"
    id: Mapped[int] = mapped_column(primary_key=True)
    centre_id: Mapped[int] = mapped_column(ForeignKey("command_centre.id"), index=True)
    name: Mapped[str] = mapped_column(String(60))
    __table_args__ = (Index("uq_workstation_centre_name", "centre_id", "name", unique=True),)
