"""The lists the dialogs choose from: contents, search ranking, caching and live counts."""

from __future__ import annotations

from commandcenter.domain.actions import Action
from commandcenter.domain.enums import CaseStatus, Priority, SourceChannel
from commandcenter.services.lifecycle import CaseService, TransitionParams
from commandcenter.services.reference_lists import (
    area_tree,
    category_choices,
    department_choices,
    officer_choices,
    open_case_choices,
    pinyin_initials,
    search_assignees,
    search_categories,
)
from commandcenter.shapes.cases import NewCase

from .factories import grid_centre


def report(db, actor, city, grid: int = 0, register: bool = True):  # type: ignore[no-untyped-def]
    lon, lat = grid_centre(grid)
    return CaseService(db).report(
        actor,
        NewCase(source=SourceChannel.HOTLINE_12345, category_id=city.category_id, priority=Priority.NORMAL,
                description="垃圾堆在路边", lon=lon, lat=lat),
        register=register,
    )


def test_pinyin_initials() -> None:
    assert pinyin_initials("路灯损坏") == "ldsh"
    assert pinyin_initials("东岩社区第01网格") == "dysqd01wg"


def test_category_choices_are_minor_classes_with_their_major(db, city) -> None:  # type: ignore[no-untyped-def]
    choices = category_choices(db)
    assert [c.code for c in choices] == ["0101", "0102"]
    first = choices[0]
    assert (first.id, first.name_zh, first.name_en, first.major_code, first.major_zh, first.initials) == (
        city.category_id, "乱倒垃圾", "Fly-tipping", "01", "市容环境", "ldlj"
    )
    assert category_choices(db) is choices  # cached per database


def test_category_search_by_code_chinese_english_and_initials(db, city) -> None:  # type: ignore[no-untyped-def]
    choices = category_choices(db)

    def codes(q: str) -> list[str]:
        return [c.code for c in search_categories(choices, q)]

    assert codes("") == ["0101", "0102"]
    assert codes("0102") == ["0102"]
    assert codes("01") == ["0101", "0102"]
    assert codes("路灯") == ["0102"]
    assert codes("ldsh") == ["0102"]
    assert codes("LD") == ["0101", "0102"]  # both start with l-d; case does not matter
    assert codes("street") == ["0102"]
    assert codes("tipping") == ["0101"]
    assert codes("市容") == ["0101", "0102"]  # the major class name finds its minor classes
    assert codes("zzz") == []


def test_area_tree(db, city) -> None:  # type: ignore[no-untyped-def]
    tree = area_tree(db)
    assert [s.name for s in tree.streets] == ["龙桥街道"]
    community = tree.streets[0].communities[0]
    assert community.name == "东岩社区"
    assert [g.id for g in community.grids] == list(city.grid_ids)
    grid = tree.grid(city.grid_ids[1])
    assert grid.code == "35030200100102"
    assert tree.community(grid.community_id) is community
    assert tree.street(grid.street_id) is tree.streets[0]
    assert area_tree(db) is tree


def test_officer_and_department_choices_count_open_cases_live(db, city, operator) -> None:  # type: ignore[no-untyped-def]
    svc = CaseService(db)
    row = report(db, operator, city)
    svc.perform(operator, row.id, Action.DISPATCH, TransitionParams(officer_id=city.officer_ids[1]))
    row2 = report(db, operator, city)
    svc.perform(operator, row2.id, Action.DISPATCH, TransitionParams(department_id=city.department_id))

    officers = officer_choices(db)
    assert [(o.name, o.duty_status, o.open_cases) for o in officers] == [
        ("张伟", "on_duty", 0), ("王芳", "on_duty", 1), ("李娜", "off_duty", 0)
    ]
    assert officers[1].initials == "wf"
    departments = department_choices(db)
    assert [(d.kind, d.name, d.open_cases, d.duty_status) for d in departments] == [
        ("department", "城管执法局", 1, None)
    ]
    # counts are live, not cached: closing the loop on one case drops the count at once
    svc.perform(operator, row.id, Action.ACCEPT)
    svc.perform(operator, row.id, Action.FEED_BACK, TransitionParams(note="已清理"))
    assert officer_choices(db)[1].open_cases == 1  # fed back is still open until verified
    assert [o.name for o in search_assignees(officers + departments, "wf")] == ["王芳"]
    assert [o.name for o in search_assignees(officers + departments, "城管")] == ["城管执法局"]
    assert [o.name for o in search_assignees(officers + departments, "PT000003")] == ["李娜"]


def test_open_case_choices_for_merge(db, city, operator) -> None:  # type: ignore[no-untyped-def]
    svc = CaseService(db)
    a = report(db, operator, city, grid=0)
    b = report(db, operator, city, grid=0, register=False)
    c = report(db, operator, city, grid=1)
    rejected = report(db, operator, city, grid=0, register=False)
    svc.perform(operator, rejected.id, Action.REJECT, TransitionParams(note="无效"))

    same_grid = open_case_choices(db, operator.centre_ids, grid_id=a.grid_id, exclude_id=a.id)
    assert [x.id for x in same_grid] == [b.id]
    assert same_grid[0].status == CaseStatus.REPORTED
    assert same_grid[0].category_zh == "乱倒垃圾"
    everywhere = open_case_choices(db, operator.centre_ids)
    assert {x.id for x in everywhere} == {a.id, b.id, c.id}
    assert open_case_choices(db, (999,)) == []
