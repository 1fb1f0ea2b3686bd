"""The standard reference data: complete, consistent with the schema's rules, and idempotent."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from sqlalchemy import func, select

from commandcenter.db import Database, open_database
from commandcenter.domain.enums import PRIORITY_ORDER, CategoryKind, Stage, TimeUnit
from commandcenter.models import CalendarDay, Category, RolePermission, TimeLimitPolicy
from commandcenter.services.passwords import hash_password, verify_password
from commandcenter.services.reference_data import MINOR_CATEGORIES, seed_reference_data
from commandcenter.services.timelimits import TimeLimits


def _seeded(tmp_path: Path) -> Database:
    db = open_database(tmp_path / "ref.sqlite", create=True)
    with db.unit_of_work() as s:
        seed_reference_data(s)
    return db


def _counts(db: Database) -> dict[str, int]:
    with db.read() as s:
        return {
            model.__tablename__: s.scalar(select(func.count()).select_from(model)) or 0
            for model in (Category, TimeLimitPolicy, RolePermission, CalendarDay)
        }


def test_seeding_twice_adds_nothing(tmp_path: Path) -> None:
    db = _seeded(tmp_path)
    try:
        first = _counts(db)
        assert all(first.values()), first
        with db.unit_of_work() as s:
            seed_reference_data(s)
        assert _counts(db) == first
    finally:
        db.dispose()


def test_seeding_keeps_an_administrators_change(tmp_path: Path) -> None:
    db = _seeded(tmp_path)
    try:
        with db.unit_of_work() as s:
            row = s.scalars(select(TimeLimitPolicy).order_by(TimeLimitPolicy.id)).first()
            assert row is not None
            row.minutes, row_id = 999, row.id
        with db.unit_of_work() as s:
            seed_reference_data(s)
        with db.read() as s:
            assert s.get(TimeLimitPolicy, row_id).minutes == 999  # type: ignore[union-attr]
    finally:
        db.dispose()


def test_categories_are_two_level_with_a_policy_per_priority_and_stage(tmp_path: Path) -> None:
    db = _seeded(tmp_path)
    try:
        with db.read() as s:
            cats = s.execute(select(Category.id, Category.code, Category.parent_id, Category.level, Category.kind)).all()
            policies = s.execute(
                select(TimeLimitPolicy.category_id, TimeLimitPolicy.priority, TimeLimitPolicy.stage,
                       TimeLimitPolicy.minutes, TimeLimitPolicy.unit)
            ).all()
        majors = {c.id: c for c in cats if c.level == 1}
        minors = [c for c in cats if c.level == 2]
        assert 11 <= len(majors) <= 16 and 50 <= len(minors) <= 70
        assert {c.kind for c in cats} == {k.value for k in CategoryKind}
        for c in minors:
            parent = majors[c.parent_id]
            assert len(c.code) == 4 and c.code.isdigit() and c.code[:2] == parent.code
            assert c.kind == parent.kind
        per_category = Counter(p.category_id for p in policies)
        assert set(per_category) == {c.id for c in minors}
        assert set(per_category.values()) == {len(Stage) * len(PRIORITY_ORDER)}
        assert {(p.priority, p.stage) for p in policies} == {(pr.value, st.value) for pr in PRIORITY_ORDER for st in Stage}
        assert all(p.unit == TimeUnit.CALENDAR for p in policies if p.priority == "urgent")
        assert all(p.minutes > 0 for p in policies)
    finally:
        db.dispose()


def test_reference_time_limits_are_the_documented_ones(tmp_path: Path) -> None:
    db = _seeded(tmp_path)
    try:
        limits = TimeLimits.from_database(db)
        with db.read() as s:
            ids = {code: cid for code, cid in s.execute(select(Category.code, Category.id))}
        lamp, barbecue = ids["0102"], ids["1102"]
        assert limits.limit(lamp, "normal", Stage.HANDLE) == (420, TimeUnit.WORKING)
        assert limits.limit(barbecue, "normal", Stage.HANDLE) == (120, TimeUnit.CALENDAR)
        assert limits.limit(lamp, "urgent", Stage.REGISTER) == (10, TimeUnit.CALENDAR)
        assert limits.limit(lamp, "normal", Stage.DISPATCH) == (30, TimeUnit.CALENDAR)
        assert len({code for code, *_ in MINOR_CATEGORIES}) == len(MINOR_CATEGORIES)
    finally:
        db.dispose()


def test_password_hash_round_trip() -> None:
    stored = hash_password("operator-demo", b"\x01" * 16)
    assert stored.startswith("scrypt$16384$8$1$" + "01" * 16 + "$")
    assert verify_password("operator-demo", stored)
    assert not verify_password("operator-demo!", stored)
    assert not verify_password("operator-demo", None)
    assert not verify_password("operator-demo", "scrypt$x$8$1$00$00")
    assert hash_password("a") != hash_password("a")  # random salt by default
