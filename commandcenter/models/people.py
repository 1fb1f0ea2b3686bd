"""Grid officers, departments, users, roles and the permission table."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, CheckConstraint, Float, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from ..domain.enums import DutyStatus, Role, check_in
from .base import Base, UtcTimestamp


class Officer(Base):
    """网格员: patrols one or more grids, has a duty status and a last known position."""

    __tablename__ = "officer"
    __table_args__ = (CheckConstraint(check_in("duty_status", DutyStatus), name="duty_status"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    centre_id: Mapped[int | None] = mapped_column(ForeignKey("command_centre.id"), index=True)
    employee_no: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(40))
    pinyin_initials: Mapped[str] = mapped_column(String(20), default="")
    phone: Mapped[str] = mapped_column(String(20), default="")
    duty_status: Mapped[str] = mapped_column(String(10), default=DutyStatus.OFF_DUTY.value)
    last_lon: Mapped[float | None] = mapped_column(Float)
    last_lat: Mapped[float | None] = mapped_column(Float)
    last_seen_at: Mapped[datetime | None] = mapped_column(UtcTimestamp)
    version: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = {"version_id_col": version}


class OfficerGrid(Base):
    """Which officer is responsible for which grid (many to many)."""

    __tablename__ = "officer_grid"
    officer_id: Mapped[int] = mapped_column(ForeignKey("officer.id", ondelete="CASCADE"), primary_key=True)
    grid_id: Mapped[int] = mapped_column(ForeignKey("grid.id", ondelete="CASCADE"), primary_key=True)
    __table_args__ = (Index("ix_officer_grid_grid", "grid_id"),)


class OfficerPosition(Base):
    """A timestamped position report (drill feed, GPS import)."""

    __tablename__ = "officer_position"
    id: Mapped[int] = mapped_column(primary_key=True)
    officer_id: Mapped[int] = mapped_column(ForeignKey("officer.id", ondelete="CASCADE"))
    at: Mapped[datetime] = mapped_column(UtcTimestamp)
    lon: Mapped[float] = mapped_column(Float)
    lat: Mapped[float] = mapped_column(Float)
    __table_args__ = (Index("ix_officer_position_officer_at", "officer_id", "at"),)


class DutyChange(Base):
    """A recorded change of an officer's duty status."""

    __tablename__ = "duty_change"
    id: Mapped[int] = mapped_column(primary_key=True)
    officer_id: Mapped[int] = mapped_column(ForeignKey("officer.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime] = mapped_column(UtcTimestamp)
    from_status: Mapped[str] = mapped_column(String(10))
    to_status: Mapped[str] = mapped_column(String(10))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))


class Department(Base):
    """职能部门: handles what an officer cannot."""

    __tablename__ = "department"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(80))
    phone: Mapped[str] = mapped_column(String(20), default="")


class DepartmentRoute(Base):
    """Routing: which department handles a category, optionally only in one district."""

    __tablename__ = "department_route"
    id: Mapped[int] = mapped_column(primary_key=True)
    department_id: Mapped[int] = mapped_column(ForeignKey("department.id", ondelete="CASCADE"), index=True)
    category_id: Mapped[int] = mapped_column(ForeignKey("category.id"), index=True)
    district_id: Mapped[int | None] = mapped_column(ForeignKey("district.id"))


class User(Base):
    """A person who signs in at a workstation: operator, supervisor, trainer or admin."""

    __tablename__ = "app_user"
    __table_args__ = (CheckConstraint(check_in("role", Role), name="role"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(40), unique=True)
    display_name: Mapped[str] = mapped_column(String(80))
    role: Mapped[str] = mapped_column(String(12))
    # None only for a system account (services/auth.SYSTEM_ACCOUNTS): it works for every centre
    centre_id: Mapped[int | None] = mapped_column(ForeignKey("command_centre.id"), index=True)
    password_hash: Mapped[str | None] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UtcTimestamp)
    # bumped by every admin edit and compared before the next one (services/admin): two admins
    # editing one account do not overwrite each other; sign-in counters leave it alone
    version: Mapped[int] = mapped_column(Integer, server_default="1")
    __mapper_args__ = {"eager_defaults": False}  # the database numbers a new row 1; inserts neither send nor fetch it


class RolePermission(Base):
    """The permission table: a row means the role may perform the action."""

    __tablename__ = "role_permission"
    __table_args__ = (CheckConstraint(check_in("role", Role), name="role"),)
    role: Mapped[str] = mapped_column(String(12), primary_key=True)
    action: Mapped[str] = mapped_column(String(40), primary_key=True)
