"""Category names are unique per language, so a list in one language never shows two classes
alike: the seed data, the admin rule, and the data fix for databases seeded before it."""

from __future__ import annotations

from collections import Counter

import pytest
from alembic import command
from sqlalchemy import text

from commandcenter import migrations
from commandcenter.db import create_db_engine, normalize_url
from commandcenter.domain.enums import CategoryKind
from commandcenter.errors import DuplicateName
from commandcenter.services.admin import AdminService
from commandcenter.services.auth import demo_principal
from commandcenter.services.reference_data import MAJOR_CATEGORIES, MINOR_CATEGORIES


def test_the_seed_names_are_unique_in_each_language() -> None:
    for rows, columns in ((MAJOR_CATEGORIES, (2, 3)), (MINOR_CATEGORIES, (1, 2))):
        for column in columns:
            names = Counter(row[column] for row in rows)
            assert [n for n, count in names.items() if count > 1] == []
    majors = {code: name for code, _kind, name, _en in MAJOR_CATEGORIES}
    assert (majors["03"], majors["07"]) == ("市容环境设施", "市容环境")


def test_a_major_class_may_not_take_another_kinds_name(db, city) -> None:  # type: ignore[no-untyped-def]
    # the tiny city's event class 01 is 市容环境
    svc, admin = AdminService(db), demo_principal(db, "admin")
    with pytest.raises(DuplicateName) as refused:
        svc.categories.add(admin, None, "02", CategoryKind.COMPONENT, "市容环境", "City appearance facilities")
    assert (refused.value.field, refused.value.other_code) == ("name_zh", "01")
    assert svc.categories.add(admin, None, "02", CategoryKind.COMPONENT, "市容环境设施",
                              "City appearance facilities").level == 1


def _database_at_0018(path, name_03: str) -> None:  # type: ignore[no-untyped-def]
    engine = create_db_engine(normalize_url(path))
    cfg = migrations.alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0018")
        conn.execute(text("INSERT INTO category (code, level, kind, name_zh, name_en, version) VALUES "
                          "('03', 1, 'component', :n03, 'City appearance facilities', 1), "
                          "('07', 1, 'event', '市容环境', 'City appearance and environment', 1)"), {"n03": name_03})
    engine.dispose()


def _names_after_upgrade(path) -> dict[str, tuple[str, int]]:  # type: ignore[no-untyped-def]
    engine = create_db_engine(normalize_url(path))
    cfg = migrations.alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0019")
        rows = {code: (name, version) for code, name, version in
                conn.execute(text("SELECT code, name_zh, version FROM category"))}
    engine.dispose()
    return rows


@pytest.mark.parametrize(("before", "after"), [
    ("市容环境", "市容环境设施"),          # still the old default: fixed
    ("市容设施（本市）", "市容设施（本市）"),  # an administrator's own name: kept
])
def test_the_upgrade_renames_only_the_old_default(tmp_path, before, after) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "old.sqlite"
    _database_at_0018(path, before)
    names = _names_after_upgrade(path)
    assert names["03"] == (after, 2 if before != after else 1)  # a changed row's version moves on
    assert names["07"] == ("市容环境", 1)
