"""Malformed files fed to every importer: each is refused with a clear reason, nothing is written.

Property-based (hypothesis): random bytes, CSV in UTF-8, UTF-8 with BOM and GBK with one broken
row among random ones, truncated and random JSON, and GeoJSON with broken features. Every example
must end in `ImportRejected` naming where and why, never another exception, and the database
must read the same as before. One tiny city serves the whole module; examples are bounded so
each importer takes a few seconds.
"""

from __future__ import annotations

import csv
import io
import json
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from commandcenter.clock import FrozenClock
from commandcenter.db import Database, open_database
from commandcenter.errors import ImportRejected
from commandcenter.services.imports import IMPORTERS

from .conftest import START
from .factories import build_tiny_city
from .test_imports import db_state

FUZZ = settings(max_examples=30, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
HEADERS = {
    "officers": ("employee_no", "name", "phone", "grid_codes", "duty_status"),
    "departments": ("code", "name", "phone", "category_codes"),
    "positions": ("employee_no", "at", "lon", "lat"),
}
# one row each importer must refuse, whatever follows it: a code nothing in the city has
BROKEN_ROW = {
    "officers": ["E-1", "张三", "13800000000", "99999999999999", "on_duty"],
    "departments": ["D-1", "城管", "12345", "ZZ99"],
    "positions": ["nobody-has-this-number", "2026-11-25T08:00:00+08:00", "119.0005", "25.4005"],
}
SPECIAL = list(',;"\'\n\r\t =+-@.:{}[]\\') + list("网格员街道社区城管处置") + ["\x00", "\ufeff"]


@pytest.fixture(scope="module")
def city_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    db = open_database(tmp_path_factory.mktemp("fuzz") / "city.sqlite", clock=FrozenClock(START), create=True)
    build_tiny_city(db)
    yield db
    db.dispose()


def assert_refused_cleanly(db: Database, kind: str, data: bytes, suffix: str) -> None:
    before = db_state(db)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(data)
        with pytest.raises(ImportRejected) as info:
            IMPORTERS[kind](db, path)
    problems = info.value.problems
    assert problems and all(isinstance(w, str) and w.strip() and isinstance(r, str) and r.strip()
                            for w, r in problems), problems
    assert "Traceback" not in info.value.message
    assert db_state(db) == before


def cell_text(encoding: str) -> st.SearchStrategy[str]:
    chars = st.one_of(st.sampled_from(SPECIAL), st.characters(codec="gbk" if encoding == "gbk" else "utf-8",
                                                              exclude_categories=["Cs"]))
    return st.text(chars, max_size=12)


@st.composite
def malformed_csv(draw: st.DrawFn, kind: str) -> bytes:
    """A header, the broken row first (so no later quote can swallow it), then random rows,
    some written by the csv module and some as raw joined text."""
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "gbk"]))
    text = cell_text(encoding)
    header = list(HEADERS[kind])
    if draw(st.booleans()):
        header = draw(st.permutations(header))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator=draw(st.sampled_from(["\n", "\r\n"])))
    missing_column = draw(st.booleans())
    writer.writerow(header[:-1] if missing_column else header)
    row = dict(zip(HEADERS[kind], BROKEN_ROW[kind], strict=True))
    writer.writerow([row[h] for h in header])
    body = out.getvalue()
    for _ in range(draw(st.integers(0, 6))):
        cells = draw(st.lists(text, max_size=len(header) + 2))
        body += (",".join(cells) + "\n") if draw(st.booleans()) else _csv_line(cells)
    return body.encode("gbk" if encoding == "gbk" else encoding)


def _csv_line(cells: list[str]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow(cells)
    return out.getvalue()


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)


@st.composite
def truncated_json(draw: st.DrawFn, document: Any) -> bytes:
    """A valid document cut short: every proper prefix of compact JSON ending in ] or } is invalid."""
    text = json.dumps(document, ensure_ascii=draw(st.booleans()), separators=(",", ":"))
    return text[: draw(st.integers(0, len(text) - 1))].encode("utf-8")


POSITIONS = [{"employee_no": "nobody", "at": "2026-11-25T08:00:00+08:00", "lon": 119.0005, "lat": 25.4005}]


def polygon(x: float, y: float, step: float = 0.001) -> dict[str, Any]:
    return {"type": "Polygon", "coordinates": [[[x, y], [x + step, y], [x + step, y + step], [x, y + step], [x, y]]]}


GRID_FEATURES = [{"type": "Feature", "properties": {"code": "35030200100105", "name": "网格05"},
                  "geometry": polygon(119.2, 25.6)}]


@st.composite
def broken_feature(draw: st.DrawFn) -> dict[str, Any]:
    """A feature with at least one fault: a missing or malformed code, no name, a geometry that is
    not a polygon, or coordinates that are not WGS84 or not closed."""
    props: dict[str, Any] = {"code": "35030200100106", "name": "网格06"}
    geometry: Any = polygon(119.3, 25.7)
    fault = draw(st.sampled_from(["code", "name", "kind", "coordinates", "projected", "properties"]))
    if fault == "code":
        props["code"] = draw(st.none() | st.booleans() | st.text(max_size=20).filter(lambda s: not s.strip().isdigit())
                             | st.integers(0, 10**8))
    elif fault == "name":
        props["name"] = draw(st.sampled_from(["", "   ", None]))
    elif fault == "kind":
        geometry = {"type": draw(st.sampled_from(["Point", "LineString", "GeometryCollection", "", "polygon"])),
                    "coordinates": [119.3, 25.7]}
    elif fault == "coordinates":
        geometry = {"type": draw(st.sampled_from(["Polygon", "MultiPolygon"])), "coordinates": draw(json_values)}
    elif fault == "projected":
        geometry = polygon(draw(st.floats(400000, 900000)), draw(st.floats(2_000_000, 3_000_000)), 100)
    else:
        return {"type": "Feature", "properties": draw(st.lists(json_values, max_size=3) | st.text(max_size=5)),
                "geometry": geometry}
    return {"type": "Feature", "properties": props, "geometry": geometry}


@st.composite
def malformed_geojson(draw: st.DrawFn) -> bytes:
    features = [broken_feature(), st.just(GRID_FEATURES[0]), json_values]
    drawn = draw(st.lists(st.one_of(features), max_size=4))
    drawn.insert(draw(st.integers(0, len(drawn))), draw(broken_feature()))
    document = {"type": "FeatureCollection", "features": drawn}
    return json.dumps(document, ensure_ascii=draw(st.booleans()), allow_nan=True).encode("utf-8")


@pytest.mark.parametrize("kind", sorted(IMPORTERS))
@FUZZ
@given(data=st.binary(max_size=300))
def test_random_bytes_are_refused(city_db, kind, data) -> None:  # type: ignore[no-untyped-def]
    assert_refused_cleanly(city_db, kind, data, ".geojson" if kind == "grids" else ".csv")


@pytest.mark.parametrize("kind", sorted(HEADERS))
@FUZZ
@given(data=st.data())
def test_malformed_csv_is_refused(city_db, kind, data) -> None:  # type: ignore[no-untyped-def]
    assert_refused_cleanly(city_db, kind, data.draw(malformed_csv(kind)), ".csv")


@FUZZ
@given(data=truncated_json(POSITIONS) | json_values.map(lambda v: json.dumps(v).encode("utf-8")))
def test_malformed_position_json_is_refused(city_db, data) -> None:  # type: ignore[no-untyped-def]
    assert_refused_cleanly(city_db, "positions", data, ".json")


@FUZZ
@given(data=malformed_geojson() | truncated_json({"type": "FeatureCollection", "features": GRID_FEATURES}))
def test_malformed_geojson_is_refused(city_db, data) -> None:  # type: ignore[no-untyped-def]
    assert_refused_cleanly(city_db, "grids", data, ".geojson")
