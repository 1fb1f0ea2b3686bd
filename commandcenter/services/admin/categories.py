"""Case categories (codes and names in Chinese and English) and their stage time limits.

Names need MANAGE_CATEGORIES, limits MANAGE_TIME_LIMITS. A name is unique per language among
minor classes (the new-case dialog lists them side by side), and among all major classes,
whatever their kind: the interface shows one language at a time, so two major classes named
市容环境 (as CJ/T 214 names a component and an event class) could not be told apart. A changed limit applies
to stages that start afterwards; running clocks keep the deadline they started with.
"""

from __future__ import annotations

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from ...domain.actions import Action
from ...domain.entities import Entity
from ...domain.enums import PRIORITY_ORDER, CategoryKind, Priority, Stage, TimeUnit
from ...errors import DuplicateName, NotFound, StaleSetting, ValidationError
from ...models import Category, TimeLimitPolicy
from ...shapes.admin import CategoryRow, TimeLimitRow
from ..auth import Principal, can
from ..changefeed import record_change
from ..timelimits import FALLBACK_MINUTES
from ..validation import clean_text
from .common import AdminPart, audit, versioned_update

MAX_LIMIT_MINUTES = 90 * 24 * 60  # a quarter: longer is a typing slip, not a time limit


def _category_rows(session: Session, category_id: int | None = None) -> list[CategoryRow]:
    query = select(Category.id, Category.code, Category.parent_id, Category.level, Category.kind, Category.name_zh,
                   Category.name_en, Category.version).order_by(Category.code)
    if category_id is not None:
        query = query.where(Category.id == category_id)
    return [CategoryRow(r[0], r[1], r[2], r[3], CategoryKind(r[4]), r[5], r[6], r[7]) for r in session.execute(query)]


def _fold(name: str) -> str:
    return " ".join(name.split()).casefold()


def _check_unique(session: Session, level: int, names: dict[str, str], own_id: int | None) -> None:
    """Refuse a name another category of the same level already has in that language."""
    query = select(Category.id, Category.code, Category.name_zh, Category.name_en).where(Category.level == level)
    for cid, code, zh, en in session.execute(query):
        if cid == own_id:
            continue
        for field, theirs in (("name_zh", zh), ("name_en", en)):
            if _fold(theirs) == _fold(names[field]):
                raise DuplicateName(field, names[field], code)


def _limit_rows(session: Session, category_id: int) -> list[TimeLimitRow]:
    stored = {
        (p, st): (m, u)
        for p, st, m, u in session.execute(
            select(TimeLimitPolicy.priority, TimeLimitPolicy.stage, TimeLimitPolicy.minutes, TimeLimitPolicy.unit)
            .where(TimeLimitPolicy.category_id == category_id)
        )
    }
    rows = []
    for priority in PRIORITY_ORDER:
        for stage in Stage:
            hit = stored.get((priority.value, stage.value))
            if hit is None:
                minutes, unit = FALLBACK_MINUTES[stage][priority]
                rows.append(TimeLimitRow(category_id, priority, stage, minutes, unit, stored=False))
            else:
                rows.append(TimeLimitRow(category_id, priority, stage, hit[0], TimeUnit(hit[1]), stored=True))
    return rows


def check_limit(priority: Priority, minutes: int, unit: TimeUnit) -> None:
    """A limit the schema and the clock accept (the dialog asks the same before it sends)."""
    if not 0 < minutes <= MAX_LIMIT_MINUTES:
        raise ValidationError(f"a time limit is between 1 and {MAX_LIMIT_MINUTES} minutes", field="minutes",
                              problem="minutes_range", limit=MAX_LIMIT_MINUTES)
    if priority is Priority.URGENT and unit is not TimeUnit.CALENDAR:
        raise ValidationError("urgent cases run on the calendar clock", field="unit", problem="urgent_calendar")


class CategoryAdmin(AdminPart):
    """Categories, their names and their time limits."""

    def rows(self, principal: Principal) -> list[CategoryRow]:
        """Every category, majors before their minors (by code); for either admin right."""
        if not can(self.db, principal, Action.MANAGE_CATEGORIES):
            self._allow(principal, Action.MANAGE_TIME_LIMITS)
        with self.db.read() as s:
            return _category_rows(s)

    def add(self, principal: Principal, parent_id: int | None, code: str, kind: CategoryKind, name_zh: str,
            name_en: str) -> CategoryRow:
        """A major class (no parent, two digits) or a minor class under one (its code plus two digits).

        A new minor class runs on the built-in limits until its own are set."""
        self._allow(principal, Action.MANAGE_CATEGORIES)
        code = clean_text(code, "code", Category.code, required=True)
        names = {"name_zh": clean_text(name_zh, "name_zh", Category.name_zh, required=True),
                 "name_en": clean_text(name_en, "name_en", Category.name_en, required=True)}
        now = self.db.clock.now()
        with self.db.unit_of_work() as s:
            level, kind_value = 1, CategoryKind(kind).value
            prefix = ""
            if parent_id is not None:
                parent = s.execute(select(Category.code, Category.level, Category.kind)
                                   .where(Category.id == parent_id)).one_or_none()
                if parent is None or parent.level != 1:
                    raise NotFound("major category", parent_id)
                level, kind_value, prefix = 2, parent.kind, parent.code
            if not (code.isdigit() and code.startswith(prefix) and len(code) == len(prefix) + 2):
                raise ValidationError(f"category code {code!r} must be {prefix or 'two digits'} followed by two digits"
                                      if prefix else f"category code {code!r} must be two digits",
                                      field="code", problem="category_code", prefix=prefix)
            if s.scalar(select(Category.id).where(Category.code == code)) is not None:
                raise ValidationError(f"category code {code!r} is taken", field="code", problem="code_taken")
            _check_unique(s, level, names, None)
            category_id = s.execute(
                insert(Category).values(code=code, parent_id=parent_id, level=level, kind=kind_value, version=1,
                                        **names).returning(Category.id)
            ).scalar_one()
            audit(s, principal, now, "add_category", "category", category_id,
                  {"code": code, "parent_id": parent_id, "kind": kind_value, **names})
            record_change(s, now, Entity.CATEGORY, category_id, "insert")
            return _category_rows(s, category_id)[0]

    def rename(self, principal: Principal, category: CategoryRow, name_zh: str, name_en: str) -> CategoryRow:
        """New names in both languages, if nobody changed the category since it was read."""
        self._allow(principal, Action.MANAGE_CATEGORIES)
        names = {"name_zh": clean_text(name_zh, "name_zh", Category.name_zh, required=True),
                 "name_en": clean_text(name_en, "name_en", Category.name_en, required=True)}
        now = self.db.clock.now()
        with self.db.unit_of_work() as s:
            _check_unique(s, category.level, names, category.id)
            versioned_update(s, Category, category.id, category.version, "category", category.code, **names)
            audit(s, principal, now, "rename_category", "category", category.id, {
                "code": category.code,
                "before": {"name_zh": category.name_zh, "name_en": category.name_en},
                "after": names,
            })
            record_change(s, now, Entity.CATEGORY, category.id, "update")
            return _category_rows(s, category.id)[0]

    def time_limits(self, principal: Principal, category_id: int) -> list[TimeLimitRow]:
        """The category's limit for every priority and stage, the built-in ones where it has none."""
        self._allow(principal, Action.MANAGE_TIME_LIMITS)
        with self.db.read() as s:
            if s.get(Category, category_id) is None:
                raise NotFound("category", category_id)
            return _limit_rows(s, category_id)

    def set_time_limit(self, principal: Principal, row: TimeLimitRow, minutes: int, unit: TimeUnit) -> TimeLimitRow:
        """Set one stage's limit, if it still is what `row` shows (else StaleSetting)."""
        self._allow(principal, Action.MANAGE_TIME_LIMITS)
        unit = TimeUnit(unit)
        check_limit(row.priority, minutes, unit)
        now = self.db.clock.now()
        key = (TimeLimitPolicy.category_id == row.category_id, TimeLimitPolicy.priority == row.priority.value,
               TimeLimitPolicy.stage == row.stage.value)
        with self.db.unit_of_work() as s:
            current = s.execute(select(TimeLimitPolicy.minutes, TimeLimitPolicy.unit).where(*key)).one_or_none()
            seen = (row.minutes, row.unit.value) if row.stored else None
            if (None if current is None else (current[0], current[1])) != seen:
                raise StaleSetting("time limit", f"{row.category_id}/{row.priority.value}/{row.stage.value}")
            if current is None:
                if s.get(Category, row.category_id) is None:
                    raise NotFound("category", row.category_id)
                s.execute(insert(TimeLimitPolicy).values(category_id=row.category_id, priority=row.priority.value,
                                                         stage=row.stage.value, minutes=minutes, unit=unit.value))
            else:
                s.execute(update(TimeLimitPolicy).where(*key).values(minutes=minutes, unit=unit.value))
            audit(s, principal, now, "set_time_limit", "category", row.category_id, {
                "priority": row.priority.value, "stage": row.stage.value,
                "before": {"minutes": row.minutes, "unit": row.unit.value, "stored": row.stored},
                "after": {"minutes": minutes, "unit": unit.value},
            })
            record_change(s, now, Entity.CATEGORY, row.category_id, "update")
            return next(r for r in _limit_rows(s, row.category_id) if r.id == row.id)
