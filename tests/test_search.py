"""Case search: any case of any age by number, text, address, phone, grid, handler, status or
period, through the trigram index, masked as the viewer sees cases."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from sqlalchemy import text

from commandcenter.domain.enums import Priority, SourceChannel
from commandcenter.errors import PermissionDenied, ValidationError
from commandcenter.services.auth import system_principal
from commandcenter.services.lifecycle import CaseService
from commandcenter.services.search import SearchService
from commandcenter.shapes.cases import NewCase
from commandcenter.shapes.search import SearchQuery

from .conftest import START
from .factories import db_argument, grid_centre

PHONE = "138-1234-5678"


def report(db, city, who, description: str, *, grid: int = 0, address: str = "", phone: str = "",  # type: ignore[no-untyped-def]
           days_ago: int = 0):
    lon, lat = grid_centre(grid)
    return CaseService(db).report(who, NewCase(
        source=SourceChannel.HOTLINE_12345, category_id=city.category_id, priority=Priority.NORMAL,
        description=description, lon=lon, lat=lat, address=address, reporter_name="王小明", reporter_phone=phone,
        reported_at=START - timedelta(days=days_ago)), register=True)


@pytest.fixture
def cases(db, city, operator):  # type: ignore[no-untyped-def]
    return [
        report(db, city, operator, "消防通道被电动车堵塞", address="荔城区梅峰路88号", phone=PHONE, days_ago=400),
        report(db, city, operator, "路灯不亮已经三天", grid=3, address="龙桥街道东岩山公园北门", days_ago=2),
        report(db, city, operator, "垃圾桶满溢 Overflowing bin", grid=1, phone="0594-2345678"),
        report(db, city, operator, "电动车乱停放", address="梅峰路12号", phone="+86 138 1234 5678"),
    ]


def numbers(result) -> list[str]:  # type: ignore[no-untyped-def]
    return [h.row.case_number for h in result.hits]


def test_text_address_number_and_filters_combine(db, operator, cases) -> None:  # type: ignore[no-untyped-def]
    search = SearchService(db)
    assert numbers(search.search(operator, SearchQuery(text="通道被电动"))) == [cases[0].case_number]
    assert set(numbers(search.search(operator, SearchQuery(text="电动车")))) == {cases[0].case_number,
                                                                              cases[3].case_number}
    assert numbers(search.search(operator, SearchQuery(text="电动车 梅峰路12"))) == [cases[3].case_number]
    assert numbers(search.search(operator, SearchQuery(text="overflowing"))) == [cases[2].case_number]  # any case
    assert numbers(search.search(operator, SearchQuery(text=cases[1].case_number))) == [cases[1].case_number]
    assert numbers(search.search(operator, SearchQuery(text="路灯"))) == [cases[1].case_number]  # two characters
    assert numbers(search.search(operator, SearchQuery(text="三天"))) == [cases[1].case_number]  # ending the text
    assert numbers(search.search(operator, SearchQuery(text="灯"))) == [cases[1].case_number]  # one character
    assert search.search(operator, SearchQuery(text="路灯 塌陷")).total == 0  # a word no text holds
    assert numbers(search.search(operator, SearchQuery(grid_code="35030200100104"))) == [cases[1].case_number]
    period = SearchQuery(text="电动车", reported_from=START - timedelta(days=1), reported_to=START + timedelta(days=1))
    assert numbers(search.search(operator, period)) == [cases[3].case_number]
    assert search.search(operator, SearchQuery(text='"; DROP TABLE case_record; -- %_')).total == 0


def test_limit_keeps_the_newest_and_counts_them_all(db, operator, cases) -> None:  # type: ignore[no-untyped-def]
    result = SearchService(db).search(operator, SearchQuery(grid_code="350302001", limit=2))
    assert result.total == 4 and len(result.hits) == 2
    assert numbers(result) == [c.case_number for c in sorted(cases, key=lambda c: (c.reported_at, c.id))[::-1][:2]]
    with pytest.raises(ValidationError):
        SearchService(db).search(operator, SearchQuery(limit=0))


def test_a_phone_finds_its_cases_but_an_operator_reads_it_masked(db, operator, supervisor, cases) -> None:  # type: ignore[no-untyped-def]
    search = SearchService(db)
    found = search.search(operator, SearchQuery(text="13812345678"))
    assert set(numbers(found)) == {cases[0].case_number, cases[3].case_number}  # +86 and dashes alike
    assert {h.reporter_phone for h in found.hits} == {"138-****-5678", "+86 138 **** 5678"}
    assert all("88号" not in h.row.address for h in found.hits)
    clear = search.search(supervisor, SearchQuery(text="0594 2345678"))
    assert [h.reporter_phone for h in clear.hits] == ["0594-2345678"]


def test_the_index_follows_edits_and_deletes(db, operator, cases) -> None:  # type: ignore[no-untyped-def]
    search = SearchService(db)
    with db.unit_of_work() as s:
        s.execute(text("UPDATE case_record SET description = '井盖缺失' WHERE id = :id"), {"id": cases[1].id})
        s.execute(text("DELETE FROM case_history WHERE case_id = :id"), {"id": cases[2].id})
        s.execute(text("DELETE FROM case_record WHERE id = :id"), {"id": cases[2].id})
    assert search.search(operator, SearchQuery(text="路灯不亮")).total == 0
    assert numbers(search.search(operator, SearchQuery(text="井盖缺失"))) == [cases[1].case_number]
    assert search.search(operator, SearchQuery(text="Overflowing")).total == 0


def test_a_role_without_view_is_refused(db, city) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(PermissionDenied):  # the importer account only imports
        SearchService(db).search(system_principal(db, "importer"), SearchQuery(text="电动车"))


def test_command_line_json_lists_masked_hits(db, cases, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    from commandcenter.cli import main

    assert main(["search", "--db", db_argument(db), "138 1234 5678", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["total"] == 2 and {c["case_number"] for c in out["cases"]} == {cases[0].case_number,
                                                                             cases[3].case_number}
    assert all("1234" not in c["reporter_phone"] for c in out["cases"])  # the command line's account: masked
    assert main(["search", "--db", db_argument(db), "电动车", "--from", "2026-11-24"]) == 0
    text_out = capsys.readouterr().out
    assert cases[3].case_number in text_out and cases[0].case_number not in text_out


@pytest.mark.sqlite_only  # SQLite's FTS triggers; PostgreSQL indexes the columns themselves (pg_trgm)
def test_the_schema_at_head_keeps_the_index_triggers(db) -> None:  # type: ignore[no-untyped-def]
    """A later migration that rebuilds case_record in batch mode drops its triggers: it must make them again."""
    with db.read() as s:
        names = set(s.scalars(text("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'case_record'")))
    assert {"case_search_insert", "case_search_delete", "case_search_update"} <= names
