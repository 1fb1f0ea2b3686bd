"""Texts longer than their column are refused the same way on SQLite and PostgreSQL.

SQLite kept a 500-character address in a 200-character column; PostgreSQL raised `DataError`
in the middle of the transaction and the raw error reached the operator. Services now check
each text against the model's own column before writing, so both give one ValidationError
with the field, the limit and the length, and nothing is written.
"""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from commandcenter.clock import FrozenClock
from commandcenter.db import open_database
from commandcenter.domain.actions import Action
from commandcenter.domain.enums import Priority, SourceChannel
from commandcenter.errors import ImportRejected, ValidationError
from commandcenter.models import Case, CaseHistory, Shift
from commandcenter.services.auth import demo_principal
from commandcenter.services.calendar_admin import parse_calendar_csv
from commandcenter.services.lifecycle import MAX_TEXT, CaseService, TransitionParams
from commandcenter.services.shifts import save_shift
from commandcenter.services.validation import check_length, column_limit
from commandcenter.shapes.cases import NewCase

from .conftest import START
from .factories import build_tiny_city, grid_centre


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def seat(request, tmp_path):  # type: ignore[no-untyped-def]
    """The tiny city on either database, with its operator and supervisor."""
    url = tmp_path / "tiny.sqlite" if request.param == "sqlite" else request.getfixturevalue("pg_url")
    db = open_database(url, clock=FrozenClock(START), create=True)
    city = build_tiny_city(db)
    yield db, city, demo_principal(db, "operator"), demo_principal(db, "supervisor")
    db.dispose()


def new_case(city, **text: str) -> NewCase:  # type: ignore[no-untyped-def]
    lon, lat = grid_centre(0)
    return NewCase(source=SourceChannel.HOTLINE_12345, category_id=city.category_id, priority=Priority.NORMAL,
                   lon=lon, lat=lat, **{"description": "井盖缺失", **text})


def counts(db) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    with db.read() as s:
        return (int(s.scalar(select(func.count()).select_from(Case)) or 0),
                int(s.scalar(select(func.count()).select_from(CaseHistory)) or 0))


@pytest.mark.parametrize(("field", "limit"), [
    ("address", 200), ("reporter_name", 60), ("reporter_phone", 20), ("description", MAX_TEXT),
])
def test_an_intake_text_longer_than_its_column_is_refused(seat, field, limit) -> None:  # type: ignore[no-untyped-def]
    db, city, operator, _ = seat
    with pytest.raises(ValidationError) as err:
        CaseService(db).report(operator, new_case(city, **{field: "8" * (limit + 1)}), register=True)
    assert err.value.field == field
    assert (err.value.facts["limit"], err.value.facts["length"]) == (limit, limit + 1)
    assert f"is longer than {limit} characters ({limit + 1} given)" in err.value.message
    assert counts(db) == (0, 0)


def test_texts_that_fill_their_columns_are_kept_whole(seat) -> None:  # type: ignore[no-untyped-def]
    db, city, operator, _ = seat
    texts = {"address": "路" * 200, "reporter_name": "名" * 60, "reporter_phone": "1" * 20, "description": "述" * MAX_TEXT}
    row = CaseService(db).report(operator, new_case(city, **texts), register=True)
    with db.read() as s:
        stored = s.execute(select(Case.address, Case.reporter_name, Case.reporter_phone, Case.description)
                           .where(Case.id == row.id)).one()
    assert tuple(stored) == tuple(texts.values())


def test_a_reject_reason_longer_than_its_column_is_refused(seat) -> None:  # type: ignore[no-untyped-def]
    db, city, operator, supervisor = seat
    svc = CaseService(db)
    row = svc.report(operator, new_case(city))
    before = counts(db)
    with pytest.raises(ValidationError) as err:
        svc.perform(supervisor, row.id, Action.REJECT, TransitionParams(note="重复" * 101), expected_version=row.version)
    assert (err.value.field, err.value.facts["limit"], err.value.facts["length"]) == ("reason", 200, 202)
    assert counts(db) == before
    assert svc.perform(supervisor, row.id, Action.REJECT, TransitionParams(note="重" * 200),
                       expected_version=row.version).status == "rejected"


def test_a_note_is_held_to_the_services_limit_where_the_column_has_none(seat) -> None:  # type: ignore[no-untyped-def]
    db, city, operator, _ = seat
    svc = CaseService(db)
    row = svc.report(operator, new_case(city), register=True)
    with pytest.raises(ValidationError) as err:
        svc.perform(operator, row.id, Action.DISPATCH,
                    TransitionParams(officer_id=city.officer_ids[0], note="x" * (MAX_TEXT + 1)),
                    expected_version=row.version)
    assert (err.value.field, err.value.facts["limit"]) == ("note", MAX_TEXT)


def test_a_shift_name_is_held_to_its_column(db, city, supervisor) -> None:  # type: ignore[no-untyped-def]
    limit = Shift.__table__.c.name.type.length
    with pytest.raises(ValidationError) as err:
        save_shift(db, supervisor, name="班" * (limit + 1), start_time="08:00", end_time="20:00")
    assert (err.value.field, err.value.facts["limit"]) == ("name", limit)
    assert save_shift(db, supervisor, name="班" * limit, start_time="08:00", end_time="20:00").name == "班" * limit


def test_a_holiday_name_longer_than_its_column_refuses_the_file(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "2027.csv"
    path.write_text("date,kind,name\n2027-01-01,holiday,元旦\n2027-02-06,holiday," + "春" * 61 + "\n", encoding="utf-8")
    with pytest.raises(ImportRejected) as err:
        parse_calendar_csv(path)
    assert err.value.problems == [("line 3", "the name is longer than 60 characters")]


def test_the_limit_is_the_columns_own() -> None:
    assert column_limit(Case.address) == column_limit(Case.__table__.c.address) == 200
    assert column_limit(Case.address, 2000) == 200  # the column wins over a wider service limit
    assert column_limit(Case.description) is None and column_limit(Case.description, 2000) == 2000
    assert check_length(Case.address, "a" * 200, "address") == "a" * 200
