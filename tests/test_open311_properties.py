"""Property-based: malformed Open311 input, to the request importer and to the endpoint, is
refused with a clear error and leaves the database exactly as it was."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from commandcenter.errors import ImportRejected
from commandcenter.interchange import files, georeport
from commandcenter.services.auth import system_principal

from .factories import grid_centre
from .open311_support import offer_every_category, snapshot
from .test_open311_server import call, serving, valid_form

# bounded, no example database on disk, no per-example deadline (the machine is shared)
PROPERTY = settings(max_examples=40, deadline=None, database=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=12)
JSON_SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), TEXT)
ANY_JSON = st.recursive(JSON_SCALARS, lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                                st.dictionaries(TEXT, inner, max_size=3)),
                        max_leaves=8)


def _is(check: Any, value: Any) -> bool:
    try:
        check(value)
    except (ValueError, TypeError, OverflowError):
        return False
    return True


def not_a_coordinate_in_town(value: Any) -> bool:
    """Not a number of degrees, or one far from the tiny city (lon 119.000-119.002, lat
    25.400-25.402) whichever of the two it is given as."""
    if not _is(lambda v: georeport.coordinate(v, -180, 180), value):
        return True
    number = float(value)
    return not (25.39 < number < 25.41 or 118.99 < number < 119.01)


BAD = {
    "service_request_id": st.one_of(st.none(), st.booleans(), st.floats(), st.just(" "),
                                    st.text(min_size=121, max_size=130), st.lists(st.integers(), max_size=2)),
    "service_code": ANY_JSON.filter(lambda v: v not in ("0101", "0102")),
    "lat": ANY_JSON.filter(not_a_coordinate_in_town),
    "long": ANY_JSON.filter(not_a_coordinate_in_town),
    "requested_datetime": ANY_JSON.filter(lambda v: not _is(georeport.parse_timestamp, v)),
    "status": ANY_JSON.filter(lambda v: v not in georeport.STATUSES),
    "description": st.one_of(st.just(""), st.integers(), st.lists(TEXT, max_size=2), st.just("a\x00b")),
}


def good_record(n: int) -> dict[str, Any]:
    lon, lat = grid_centre(n % 4)
    return {"service_request_id": f"feed-{n}", "service_code": "0101", "status": "open", "lat": lat, "long": lon,
            "description": "垃圾", "requested_datetime": "2026-11-25T09:00:00+08:00", "address": ""}


@st.composite
def broken_files(draw: st.DrawFn) -> bytes:
    """A file no reading of the spec accepts: not JSON, not a list, or a list of requests one of
    which has one field broken (or is not an object at all)."""
    kind = draw(st.sampled_from(["bytes", "json", "record", "not-object"]))
    if kind == "bytes":
        return draw(st.binary(max_size=64).filter(lambda b: not _is(json.loads, b)))
    if kind == "json":
        return json.dumps(draw(ANY_JSON.filter(lambda v: not isinstance(v, list) or not v))).encode()
    records: list[Any] = [good_record(n) for n in range(draw(st.integers(1, 4)))]
    at = draw(st.integers(0, len(records) - 1))
    if kind == "not-object":
        records[at] = draw(JSON_SCALARS | st.lists(JSON_SCALARS, max_size=2))
    else:
        field = draw(st.sampled_from(sorted(BAD)))
        records[at][field] = draw(BAD[field])
    return json.dumps(records, ensure_ascii=draw(st.booleans())).encode()


@pytest.fixture
def offered(db, city, tmp_path):  # type: ignore[no-untyped-def]
    offer_every_category(db, tmp_path)
    return db


@PROPERTY
@given(content=broken_files())
def test_the_importer_refuses_malformed_files_whole(offered, tmp_path: Path, content: bytes) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "feed.json"
    path.write_bytes(content)
    before = snapshot(offered)
    with pytest.raises(ImportRejected) as refused:
        files.import_requests(offered, path, system_principal(offered, "importer"))
    assert refused.value.problems
    for where, why in refused.value.problems:
        assert where.startswith(("record ", "line ", "file")) and why
    assert snapshot(offered) == before


FORM_TEXT = st.text(max_size=20)
BAD_FORM = {
    "service_code": FORM_TEXT.filter(lambda v: v.strip() not in ("0101", "0102")),
    "lat": FORM_TEXT.filter(not_a_coordinate_in_town),
    "long": FORM_TEXT.filter(not_a_coordinate_in_town),
    "description": st.sampled_from(["", "  ", "\t", "a\x00b"]),
    "phone": st.text(min_size=21, max_size=30).filter(lambda t: len(t.strip()) > 20),
}


def test_the_endpoint_refuses_malformed_posts_with_400(offered) -> None:  # type: ignore[no-untyped-def]
    before = snapshot(offered)
    with serving(offered) as base:

        @PROPERTY
        @given(field=st.sampled_from(sorted(BAD_FORM)), data=st.data(), body=st.binary(max_size=64))
        def post(field: str, data: st.DataObject, body: bytes) -> None:
            value = data.draw(BAD_FORM[field])
            status, errors = call(f"{base}/requests.json", valid_form(**{field: value}))
            assert status == 400, (field, value, errors)
            assert [set(e) for e in errors] == [{"code", "description"}] and errors[0]["code"] == 400
            status, errors = call(f"{base}/requests.json", body=body, content_type="application/json")
            assert status == 400 and errors[0]["code"] == 400
            assert snapshot(offered) == before

        post()


def test_not_a_coordinate_in_town_knows_the_town() -> None:
    lon, lat = grid_centre(0)
    assert not not_a_coordinate_in_town(lat) and not not_a_coordinate_in_town(str(lon))
    assert not_a_coordinate_in_town("north") and not_a_coordinate_in_town(math.inf) and not_a_coordinate_in_town(30)
