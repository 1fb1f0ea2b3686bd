"""Declarative base and column types shared by every table."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import BigInteger, Integer, MetaData
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.types import TypeDecorator

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class UtcTimestamp(TypeDecorator[datetime]):
    """An instant stored as whole UTC epoch seconds.

    Integers are time-zone free by construction, identical on SQLite and PostgreSQL, cheap to
    index and to write in bulk, and let reports bucket by hour or day with integer arithmetic.
    Python sees aware UTC datetimes; naive datetimes are refused so local time never leaks in.
    """

    impl = BigInteger().with_variant(Integer(), "sqlite")
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> int | None:
        if value is None:
            return None
        if isinstance(value, int):
            return value
        if value.tzinfo is None:
            raise ValueError("naive datetime: timestamps must be aware (UTC)")
        return int(value.timestamp())

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return datetime.fromtimestamp(int(value), UTC)


def to_epoch(value: datetime) -> int:
    """The stored form of an instant, for raw SQL and bulk writes."""
    if value.tzinfo is None:
        raise ValueError("naive datetime: timestamps must be aware (UTC)")
    return int(value.timestamp())


def from_epoch(value: int | None) -> datetime | None:
    return None if value is None else datetime.fromtimestamp(int(value), UTC)
