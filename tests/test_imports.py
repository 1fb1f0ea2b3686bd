"""Imports: good files in every encoding land whole; bad files are refused whole and leave the
database byte-for-byte as it was; grids from GeoJSON build the hierarchy they need."""

from __future__ import annotations

import argparse
import hashlib
import json
from pathlib import Path

import pytest
import shapely
from shapely.geometry import box, mapping
from sqlalchemy import func, select

from commandcenter.db import open_database
from commandcenter.errors import ImportRejected, PermissionDenied
from commandcenter.models import (
    Base,
    Community,
    Department,
    DepartmentRoute,
    District,
    DutyChange,
    Grid,
    Officer,
    OfficerGrid,
    OfficerPosition,
    Street,
)
from commandcenter.services.auth import demo_principal
from commandcenter.services.geo import GridLocator
from commandcenter.services.imports import (
    import_departments,
    import_grids,
    import_officers,
    import_positions,
    read_text,
)
from commandcenter.services.map_data import map_geometry

from .factories import db_argument

ENCODINGS = ["utf-8", "utf-8-sig", "gbk"]
X1, Y1, STEP = 119.010, 25.400, 0.001  # the imported city lies east of the tiny one


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def db_state(db) -> tuple[dict[str, int], str]:  # type: ignore[no-untyped-def]
    """Row counts per table and a checksum over every row of every table."""
    counts: dict[str, int] = {}
    digest = hashlib.sha256()
    with db.read() as s:
        for table in Base.metadata.sorted_tables:
            rows = s.execute(select(table).order_by(*table.primary_key.columns)).all()
            counts[table.name] = len(rows)
            digest.update(repr((table.name, [tuple(r) for r in rows])).encode())
    return counts, digest.hexdigest()


def assert_rejected(db, fn, path: Path, *expected: tuple[str, str]) -> ImportRejected:  # type: ignore[no-untyped-def]
    before = db_state(db)
    with pytest.raises(ImportRejected) as info:
        fn(db, path)
    assert db_state(db) == before
    problems = info.value.problems
    for where, fragment in expected:
        assert any(w == where and fragment in why for w, why in problems), (where, fragment, problems)
    return info.value


# ---- encodings ------------------------------------------------------------------------------------
@pytest.mark.parametrize("encoding", [*ENCODINGS, "utf-16"])
def test_text_is_read_in_the_encodings_spreadsheets_write(tmp_path, encoding) -> None:  # type: ignore[no-untyped-def]
    path = write(tmp_path / "x.csv", "姓名,网格\n张伟,东岩社区\n", encoding)
    text, used = read_text(path)
    assert text == "姓名,网格\n张伟,东岩社区\n"
    assert used == {"utf-8": "utf-8", "utf-8-sig": "utf-8-sig", "gbk": "gbk", "utf-16": "utf-16"}[encoding]


def test_binary_file_is_refused(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "x.csv"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    with pytest.raises(ImportRejected, match="not a text file"):
        read_text(path)


# ---- officers -------------------------------------------------------------------------------------
GOOD_OFFICERS = (
    "employee_no,name,phone,grid_codes,duty_status\n"
    "PT100001,陈静,13900000001,35030200100101;35030200100102,on_duty\n"
    "PT100002,林峰,13900000002,35030200100103,外勤\n"
    "PT000003,李娜,13800000002,35030200100103；35030200100104,在岗\n"
    "\n"
)


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_officers_import_creates_and_updates(db, city, tmp_path, encoding) -> None:  # type: ignore[no-untyped-def]
    result = import_officers(db, write(tmp_path / "officers.csv", GOOD_OFFICERS, encoding))
    assert (result.created, result.updated, result.encoding) == (2, 1, encoding)
    with db.read() as s:
        chen = s.scalar(select(Officer).where(Officer.employee_no == "PT100001"))
        assert (chen.name, chen.pinyin_initials, chen.duty_status) == ("陈静", "cj", "on_duty")
        assert chen.centre_id is not None
        lin = s.scalar(select(Officer).where(Officer.employee_no == "PT100002"))
        assert lin.duty_status == "in_field"
        li = s.scalar(select(Officer).where(Officer.employee_no == "PT000003"))
        assert li.duty_status == "on_duty" and li.version == 2
        grids = s.scalars(select(Grid.code).join(OfficerGrid, OfficerGrid.grid_id == Grid.id)
                          .where(OfficerGrid.officer_id == li.id).order_by(Grid.code)).all()
        assert grids == ["35030200100103", "35030200100104"]
        change = s.scalar(select(DutyChange).where(DutyChange.officer_id == li.id))
        assert (change.from_status, change.to_status) == ("off_duty", "on_duty")
    again = import_officers(db, write(tmp_path / "officers.csv", GOOD_OFFICERS, encoding))
    assert (again.created, again.updated, again.unchanged) == (0, 0, 3)


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_bad_officer_file_is_refused_whole(db, city, tmp_path, encoding) -> None:  # type: ignore[no-untyped-def]
    text = (
        "工号,姓名,电话,网格,状态\n"  # Chinese headers are understood
        "PT100001,陈静,13900000001,35030200100101,on_duty\n"  # a good row: still not imported
        "PT100002,林峰,13900000002,99999999999999,on_duty\n"
        "PT100003,,13900000003,,\n"
        "PT100001,陈静,13900000001,,sleeping\n"
        "\"PT1\n00004\",王五,phone?,,\n"
    )
    exc = assert_rejected(
        db, import_officers, write(tmp_path / "bad.csv", text, encoding),
        ("line 3", "unknown grid code 99999999999999"),
        ("line 4", "name is empty"),
        ("line 5", "already on line 2"),
        ("line 5", "unknown duty status 'sleeping'"),
        ("line 6", "employee_no"),
        ("line 6", "is not a phone number"),
    )
    assert "line 2" not in {w for w, _ in exc.problems}


def test_officer_header_must_name_every_column(db, city, tmp_path) -> None:  # type: ignore[no-untyped-def]
    assert_rejected(db, import_officers, write(tmp_path / "h.csv", "employee_no,name\nPT1,张三\n"),
                    ("line 1", "grid_codes"))


def test_imports_need_the_import_permission(db, city, supervisor, tmp_path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(PermissionDenied):
        import_officers(db, write(tmp_path / "o.csv", GOOD_OFFICERS), supervisor)
    result = import_officers(db, write(tmp_path / "o.csv", GOOD_OFFICERS), demo_principal(db, "admin"))
    assert result.created == 2


# ---- departments ----------------------------------------------------------------------------------
@pytest.mark.parametrize("encoding", ENCODINGS)
def test_departments_import_routes_categories(db, city, tmp_path, encoding) -> None:  # type: ignore[no-untyped-def]
    text = ("code,name,phone,category_codes\n"
            "D02,环卫处,0594-2222222,0101\n"
            "D01,城市管理综合执法局,0594-1234567,0101;0102\n")
    result = import_departments(db, write(tmp_path / "d.csv", text, encoding))
    assert (result.created, result.updated) == (1, 1)
    with db.read() as s:
        routes = s.execute(select(Department.code, func.count()).join(DepartmentRoute)
                           .group_by(Department.code).order_by(Department.code)).all()
        assert [tuple(r) for r in routes] == [("D01", 2), ("D02", 1)]
        assert s.scalar(select(Department.name).where(Department.code == "D01")) == "城市管理综合执法局"


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_bad_department_file_is_refused_whole(db, city, tmp_path, encoding) -> None:  # type: ignore[no-untyped-def]
    text = ("code,name,phone,category_codes\n"
            "D02,环卫处,0594-2222222,0101\n"
            "D03,园林局,0594-3333333,9999\n"
            "D02,重复,,\n")
    assert_rejected(db, import_departments, write(tmp_path / "d.csv", text, encoding),
                    ("line 3", "unknown category code 9999"), ("line 4", "already on line 2"))


def test_department_rows_are_checked_like_officer_rows(db, city, tmp_path) -> None:  # type: ignore[no-untyped-def]
    text = ("code,name,phone,category_codes\n"
            ",环卫处,0594-2222222,0101\n"
            "D 9,园林局,0594-3333333,\n"
            f"D04,{'局' * 200},phone?,\n")
    exc = assert_rejected(db, import_departments, write(tmp_path / "d.csv", text),
                          ("line 2", "code is empty"), ("line 3", "code 'D 9' may only hold letters"),
                          ("line 4", "name is longer than"), ("line 4", "'phone?' is not a phone number"))
    assert len(exc.problems) == 4


# ---- positions ------------------------------------------------------------------------------------
def test_positions_from_csv_move_officers_to_their_newest_report(db, city, tmp_path) -> None:  # type: ignore[no-untyped-def]
    text = ("employee_no,at,lon,lat\n"
            "PT000001,2026-11-25 09:50:00,119.0012,25.4012\n"  # local time (UTC+8)
            "PT000001,2026-11-25T01:40:00Z,119.0001,25.4001\n"  # older: stored, does not move her
            "PT000002,1795572000,119.0100,25.4100\n")  # epoch seconds; outside every grid
    result = import_positions(db, write(tmp_path / "p.csv", text, "gbk"))
    assert (result.created, result.updated) == (3, 2)
    assert result.warnings and "outside every unit grid" in result.warnings[0][1]
    with db.read() as s:
        o1 = s.get(Officer, city.officer_ids[0])
        assert (o1.last_lon, o1.last_lat) == (119.0012, 25.4012)
        assert o1.last_seen_at.isoformat() == "2026-11-25T01:50:00+00:00"
        assert o1.version == 1  # positions never bump the duty-status lock
        assert s.scalar(select(func.count()).select_from(OfficerPosition)) == 3
    older = ("employee_no,at,lon,lat\nPT000001,2026-11-25T01:00:00Z,119.0,25.4\n")
    assert import_positions(db, write(tmp_path / "older.csv", older)).updated == 0


def test_positions_from_json(db, city, tmp_path) -> None:  # type: ignore[no-untyped-def]
    data = {"positions": [{"employee_no": "PT000003", "at": "2026-11-25T09:59:00+08:00", "lon": 119.0015,
                           "lat": 25.4015}]}
    path = write(tmp_path / "p.json", json.dumps(data, ensure_ascii=False))
    assert import_positions(db, path).updated == 1
    feature_collection = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [119.0011, 25.4011]},
         "properties": {"employee_no": "PT000003", "at": "2026-11-25T02:00:00Z"}}]}
    assert import_positions(db, write(tmp_path / "p.geojson", json.dumps(feature_collection))).updated == 1
    with db.read() as s:
        assert s.get(Officer, city.officer_ids[2]).last_lon == 119.0011


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_bad_positions_are_refused_whole(db, city, tmp_path, encoding) -> None:  # type: ignore[no-untyped-def]
    text = ("employee_no,at,lon,lat\n"
            "PT000001,2026-11-25 09:50:00,119.0012,25.4012\n"
            "PT999999,2026-11-25 09:50:00,119.0012,25.4012\n"
            "PT000002,yesterday,119.0012,25.4012\n"
            "PT000002,2026-11-26 09:50:00,119.0012,25.4012\n"
            "PT000002,2026-11-25 09:50:00,13270000,25.4\n")
    assert_rejected(db, import_positions, write(tmp_path / "p.csv", text, encoding),
                    ("line 3", "unknown employee_no PT999999"), ("line 4", "is not ISO 8601"),
                    ("line 5", "in the future"), ("line 6", "lon 13270000"))


def test_bad_json_positions_name_the_record(db, city, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = write(tmp_path / "p.json", json.dumps([{"employee_no": "PT000001", "at": "2026-11-25T01:00:00Z",
                                                   "lon": 119.0, "lat": 25.4}, {"employee_no": "PT000001"}]))
    assert_rejected(db, import_positions, path, ("record 2", "time (at) is empty"))
    assert_rejected(db, import_positions, write(tmp_path / "broken.json", "[\n{\"a\": 1,\n]"), ("line 3", "JSON"))


# ---- grids ----------------------------------------------------------------------------------------
def feature(code: str, geom, **props) -> dict:  # type: ignore[no-untyped-def]
    return {"type": "Feature", "properties": {"code": code, "name": f"网格{code[-2:]}", **props},
            "geometry": mapping(geom)}


def cell(col: int, row: int, x0: float = X1, y0: float = Y1):  # type: ignore[no-untyped-def]
    return box(x0 + col * STEP, y0 + row * STEP, x0 + (col + 1) * STEP, y0 + (row + 1) * STEP)


def collection(*features: dict) -> str:
    return json.dumps({"type": "FeatureCollection", "features": list(features)}, ensure_ascii=False)


def small_city() -> str:
    """Two districts: a 3x3 community whose middle grid has a hole (a pond), a community of
    one grid in two pieces (a multipolygon), and one 2x2 community in the second district."""
    feats = []
    names = dict(district_name="荔城区", street_name="镇海街道", community_name="英龙社区")
    for i in range(9):
        col, row = i % 3, i // 3
        geom = cell(col, row)
        if (col, row) == (1, 1):
            geom = shapely.Polygon(geom.exterior, [box(X1 + 1.4 * STEP, Y1 + 1.4 * STEP, X1 + 1.6 * STEP,
                                                       Y1 + 1.6 * STEP).exterior])
        feats.append(feature(f"350304001001{i + 1:02d}", geom, **names))
    feats.append(feature("35030400100201", shapely.MultiPolygon([cell(4, 0), cell(4, 2)]),
                         community_name="拱辰社区"))
    for i in range(4):
        feats.append(feature(f"350305001001{i + 1:02d}", cell(i % 2, i // 2, X1 + 0.01),
                             district_name="秀屿区", street_name="笏石镇", community_name="西埔村"))
    return collection(*feats)


@pytest.mark.parametrize("encoding", ["utf-8", "gbk"])
def test_whole_city_imports_into_an_empty_database(tmp_path, clock, encoding) -> None:  # type: ignore[no-untyped-def]
    db = open_database(tmp_path / "empty.sqlite", clock=clock, create=True)
    try:
        result = import_grids(db, write(tmp_path / "city.geojson", small_city(), encoding))
        assert (result.created, result.updated) == (14, 0)
        assert result.parents_created == {"districts": 2, "streets": 2, "communities": 3}
        # the pond inside grid 05 is a gap inside 英龙社区, and 拱辰社区 lies in two pieces:
        # warnings, not errors
        assert [w for w, _ in result.warnings] == ["community 350304001001", "community 350304001002"]
        assert "gap of" in result.warnings[0][1] and "2 separate pieces" in result.warnings[1][1]
        with db.read() as s:
            assert s.scalar(select(District.name).where(District.code == "350305")) == "秀屿区"
            assert s.scalar(select(Street.pinyin_initials).where(Street.code == "350304001")) == "zhjd"
            assert s.scalar(select(Community.name).where(Community.code == "350304001002")) == "拱辰社区"
            multi = s.scalar(select(Grid).where(Grid.code == "35030400100201"))
            assert shapely.from_wkb(multi.geometry).geom_type == "MultiPolygon"
            assert multi.area_m2 == pytest.approx(2 * 100.6 * 111.2, rel=0.02)
        locator = GridLocator.from_database(db)
        assert locator.locate(X1 + 0.5 * STEP, Y1 + 0.5 * STEP).code == "35030400100101"
        # points in the pond are in no grid
        assert locator.locate_many([X1 + 1.5 * STEP], [Y1 + 1.5 * STEP]).tolist() == [-1]
        officers = write(tmp_path / "o.csv", "employee_no,name,phone,grid_codes,duty_status\n"
                                             "PT1,陈静,,35030500100101,on_duty\n", encoding)
        assert import_officers(db, officers).created == 1
    finally:
        db.dispose()


def test_every_stored_centroid_lies_in_its_grid(tmp_path, clock) -> None:  # type: ignore[no-untyped-def]
    """A grid's centroid is where a report 'at the grid' is placed: the middle grid's pond and the
    two-piece grid both have their geometric centroid outside themselves."""
    db = open_database(tmp_path / "empty.sqlite", clock=clock, create=True)
    try:
        import_grids(db, write(tmp_path / "city.geojson", small_city()))
        with db.read() as s:
            rows = s.execute(select(Grid.code, Grid.geometry, Grid.centroid_lon, Grid.centroid_lat)).all()
    finally:
        db.dispose()
    assert len(rows) == 14
    for code, wkb, lon, lat in rows:
        assert shapely.contains_xy(shapely.from_wkb(wkb), lon, lat), code


def test_grid_import_clears_cached_geometry(db, city, tmp_path) -> None:  # type: ignore[no-untyped-def]
    assert len(GridLocator.from_database(db)) == 4
    assert len(map_geometry(db).grids) == 4
    import_grids(db, write(tmp_path / "city.geojson", small_city()))
    assert len(GridLocator.from_database(db)) == 18
    assert len(map_geometry(db).grids) == 18


def test_reimport_updates_grids_by_code(db, city, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = write(tmp_path / "city.geojson", small_city())
    import_grids(db, path)
    again = import_grids(db, path)
    assert (again.created, again.updated) == (0, 14)
    assert again.parents_created == {"districts": 0, "streets": 0, "communities": 0}


def test_bad_grid_file_is_refused_whole_by_feature_code(db, city, tmp_path) -> None:  # type: ignore[no-untyped-def]
    bowtie = shapely.Polygon([(X1, Y1), (X1 + STEP, Y1 + STEP), (X1 + STEP, Y1), (X1, Y1 + STEP)])
    text = collection(
        feature("35030400100101", cell(0, 0)),  # good, but the file is refused
        feature("35030400100102", cell(1, 0)),
        feature("35030400100103", box(X1 + 1.5 * STEP, Y1, X1 + 2.5 * STEP, Y1 + STEP)),  # half over 02
        feature("35030400100102", cell(5, 5)),  # duplicate code
        feature("35030400100104", bowtie),
        feature("35030200100105", box(119.0015, 25.4005, 119.0025, 25.4015)),  # over the stored tiny city
        feature("3503040010", cell(7, 7)),
        {"type": "Feature", "properties": {"code": "35030400100106", "name": "点"},
         "geometry": {"type": "Point", "coordinates": [X1, Y1]}},
        feature("35030400100107", box(13_250_000, 2_900_000, 13_250_100, 2_900_100)),
    )
    assert_rejected(
        db, import_grids, write(tmp_path / "bad.geojson", text),
        ("feature 35030400100103", "overlaps grid 35030400100102 by"),
        ("feature 35030400100102", "duplicate code: feature #2"),
        ("feature 35030400100104", "invalid geometry: Self-intersection"),
        ("feature 35030200100105", "overlaps the stored grid 35030200100102"),
        ("feature 3503040010", "is not 14 or 15 digits"),
        ("feature 35030400100106", "not a Polygon or MultiPolygon"),
        ("feature 35030400100107", "not WGS84"),
    )


def test_a_grid_inside_another_is_an_overlap(db, city, tmp_path) -> None:  # type: ignore[no-untyped-def]
    inner = box(X1 + 0.2 * STEP, Y1 + 0.2 * STEP, X1 + 0.8 * STEP, Y1 + 0.8 * STEP)
    text = collection(feature("35030400100101", cell(0, 0)), feature("35030400100102", inner))
    assert_rejected(db, import_grids, write(tmp_path / "in.geojson", text),
                    ("feature 35030400100102", "overlaps grid 35030400100101"))


def test_gap_between_grids_is_a_warning(db, city, tmp_path) -> None:  # type: ignore[no-untyped-def]
    # a river: column 1 of a 3x2 block is missing, so the community falls in two pieces
    text = collection(*(feature(f"350304001001{i + 1:02d}", cell(col, row))
                        for i, (col, row) in enumerate([(0, 0), (0, 1), (2, 0), (2, 1)])))
    result = import_grids(db, write(tmp_path / "river.geojson", text))
    assert result.created == 4
    assert result.warnings == (("community 350304001001", "its grids form 2 separate pieces (a gap runs through it)"),)


def test_not_geojson_is_refused(db, city, tmp_path) -> None:  # type: ignore[no-untyped-def]
    assert_rejected(db, import_grids, write(tmp_path / "x.geojson", json.dumps({"type": "Feature"})),
                    ("file", "not a GeoJSON FeatureCollection"))
    crs = {"type": "FeatureCollection", "crs": {"type": "name", "properties": {"name": "EPSG:3857"}},
           "features": [feature("35030400100101", cell(0, 0))]}
    assert_rejected(db, import_grids, write(tmp_path / "y.geojson", json.dumps(crs)), ("file", "EPSG:3857"))


# ---- the command line -----------------------------------------------------------------------------
def run_cli(*argv: str) -> int:
    from commandcenter.commands import imports as command

    parser = argparse.ArgumentParser()
    command.register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(list(argv))
    return int(args.handler(args))


def test_cli_imports_and_reports(db, city, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = db_argument(db)
    good = write(tmp_path / "o.csv", GOOD_OFFICERS, "gbk")
    assert run_cli("import", "officers", "--db", path, str(good)) == 0
    out = capsys.readouterr().out
    assert "2 created, 1 updated" in out and "(gbk)" in out
    assert run_cli("import", "grids", "--db", path, str(write(tmp_path / "c.geojson", small_city()))) == 0
    out = capsys.readouterr().out
    assert "14 created" in out and "Created 2 districts, 2 streets, 3 communities" in out
    assert "warning: community 350304001001: a gap of" in out


def test_cli_rejection_lists_every_line_and_exits_2(db, city, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    bad = write(tmp_path / "d.csv", "code,name,phone,category_codes\nD9,,x,0101\nD8,园林局,,77\n")
    before = db_state(db)
    assert run_cli("import", "departments", "--db", db_argument(db), str(bad)) == 2
    err = capsys.readouterr().err
    assert "nothing imported, 3 problem(s)" in err
    assert "line 2: name is empty" in err and "line 3: unknown category code 77" in err
    assert db_state(db) == before


# ---- malformed JSON and renames, through the real command line ------------------------------------
def cli_main(*argv: str) -> int:
    from commandcenter.cli import main

    return main(["--lang", "en", *argv])


POINT = {"type": "Point", "coordinates": [119.0, 25.4]}


@pytest.mark.parametrize(("features", "expected"), [
    (["PT000001"], "record 1: the feature is not a JSON object"),
    ([{"type": "Feature", "properties": "employee_no=PT000001", "geometry": POINT}],
     "record 1: properties is not a JSON object"),
    ([{"type": "Feature", "properties": {"employee_no": "PT000001", "at": "2026-11-25T01:00:00Z"},
       "geometry": [119.0, 25.4]}], "record 1: geometry is not a JSON object"),
])
def test_misshapen_json_positions_are_refused_naming_the_record(db, city, tmp_path, capsys, features,
                                                                expected) -> None:  # type: ignore[no-untyped-def]
    path = write(tmp_path / "p.json", json.dumps({"type": "FeatureCollection", "features": features}))
    before = db_state(db)
    assert cli_main("import", "positions", "--db", db_argument(db), str(path)) == 2
    err = capsys.readouterr().err
    assert "nothing imported" in err and expected in err and "unexpected error" not in err
    assert db_state(db) == before


def test_positions_list_with_a_non_object_names_the_record(db, city, tmp_path) -> None:  # type: ignore[no-untyped-def]
    good = {"employee_no": "PT000001", "at": "2026-11-25T01:00:00Z", "lon": 119.0, "lat": 25.4}
    assert_rejected(db, import_positions, write(tmp_path / "p.json", json.dumps([good, [1, 2]])),
                    ("record 2", "the record is not a JSON object"))


@pytest.mark.parametrize("kind", ["positions", "grids"])
def test_deeply_nested_json_is_refused_not_a_recursion_error(db, city, tmp_path, capsys, kind) -> None:  # type: ignore[no-untyped-def]
    path = write(tmp_path / "deep.json", '{"type": "FeatureCollection", "features": ' + "[" * 100_000)
    before = db_state(db)
    assert cli_main("import", kind, "--db", db_argument(db), str(path)) == 2
    err = capsys.readouterr().err
    assert "file: the JSON is nested too deeply to be read" in err
    assert db_state(db) == before


@pytest.mark.parametrize(("crs", "expected"), [
    ("EPSG:3857", "the coordinates are in EPSG:3857"),
    (["EPSG:4326"], "the crs member is not a named coordinate system"),
    ({"type": "name", "properties": "EPSG:4326"}, "the crs member is not a named coordinate system"),
])
def test_a_crs_of_the_wrong_shape_is_refused(db, city, tmp_path, capsys, crs, expected) -> None:  # type: ignore[no-untyped-def]
    text = json.dumps({"type": "FeatureCollection", "crs": crs, "features": [feature("35030400100101", cell(0, 0))]})
    before = db_state(db)
    assert cli_main("import", "grids", "--db", db_argument(db), str(write(tmp_path / "g.json", text))) == 2
    assert expected in capsys.readouterr().err
    assert db_state(db) == before


def test_a_crs_written_as_a_plain_wgs84_name_is_read(db, city, tmp_path) -> None:  # type: ignore[no-untyped-def]
    text = json.dumps({"type": "FeatureCollection", "crs": "urn:ogc:def:crs:OGC:1.3:CRS84",
                       "features": [feature("35030400100101", cell(0, 0))]})
    assert import_grids(db, write(tmp_path / "g.json", text)).created == 1


def test_grid_features_of_the_wrong_shape_are_named(db, city, tmp_path) -> None:  # type: ignore[no-untyped-def]
    text = json.dumps({"type": "FeatureCollection", "features": [
        "35030400100101",
        {"type": "Feature", "properties": "code=35030400100102", "geometry": mapping(cell(1, 0))},
        {"type": "Feature", "properties": {"code": "35030400100103", "name": "网格03"}, "geometry": [[X1, Y1]]},
    ]})
    assert_rejected(db, import_grids, write(tmp_path / "g.json", text),
                    ("feature #1", "the feature is not a JSON object"),
                    ("feature #2", "properties is not a JSON object"),
                    ("feature 35030400100103", "geometry is not a JSON object"))


def renaming_file(tmp_path: Path) -> Path:
    """A new community in the tiny city's street 龙桥街道 (350302001), calling that street otherwise."""
    return write(tmp_path / "rename.geojson", collection(
        feature("35030200100201", cell(0, 0), district_name="城厢区", street_name="龙桥新街道",
                community_name="新村")))


def audit_rows(db, action: str) -> list[tuple]:  # type: ignore[no-untyped-def]
    from commandcenter.models import AuditEntry

    with db.read() as s:
        return [tuple(r) for r in s.execute(select(AuditEntry.entity, AuditEntry.entity_id, AuditEntry.detail)
                                            .where(AuditEntry.action == action))]


def test_a_differing_street_name_is_refused_and_renames_nothing(db, city, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    before = db_state(db)
    assert cli_main("import", "grids", "--db", db_argument(db), str(renaming_file(tmp_path))) == 2
    err = capsys.readouterr().err
    assert ("feature 35030200100201: street_name 龙桥新街道 would rename street 350302001, now 龙桥街道; "
            "areas are renamed only when asked for (import grids --rename-areas)") in err
    assert db_state(db) == before
    with db.read() as s:
        assert s.scalar(select(Street.name).where(Street.code == "350302001")) == "龙桥街道"


def test_rename_areas_renames_and_audits(db, city, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert cli_main("import", "grids", "--rename-areas", "--db", db_argument(db),
                    str(renaming_file(tmp_path))) == 0
    assert "Renamed street 350302001: 龙桥街道 -> 龙桥新街道" in capsys.readouterr().out
    with db.read() as s:
        street_id, name, initials = s.execute(select(Street.id, Street.name, Street.pinyin_initials)
                                              .where(Street.code == "350302001")).one()
        assert (name, initials) == ("龙桥新街道", "lqxjd")
        assert s.scalar(select(District.name).where(District.code == "350302")) == "城厢区"
    [(entity, entity_id, detail)] = audit_rows(db, "rename_area")
    assert (entity, entity_id) == ("street", street_id)
    assert json.loads(detail) == {"code": "350302001", "file": "rename.geojson", "from": "龙桥街道", "to": "龙桥新街道"}


def test_a_placeholder_name_is_filled_in_without_asking(tmp_path, clock) -> None:  # type: ignore[no-untyped-def]
    db = open_database(tmp_path / "empty.sqlite", clock=clock, create=True)
    try:
        import_grids(db, write(tmp_path / "a.geojson", collection(feature("35030400100101", cell(0, 0)))))
        result = import_grids(db, write(tmp_path / "b.geojson", collection(
            feature("35030400100102", cell(1, 0), street_name="镇海街道"))))
        assert result.renamed == ()
        with db.read() as s:
            assert s.scalar(select(Street.name).where(Street.code == "350304001")) == "镇海街道"
        assert audit_rows(db, "rename_area") == []
    finally:
        db.dispose()


def test_absurd_values_are_quoted_short(db, city, tmp_path) -> None:  # type: ignore[no-untyped-def]
    nested = "[" * 500 + "]" * 500
    record = f'{{"employee_no": "PT000001", "at": {nested}, "lon": {nested}, "lat": 25.4}}'
    err = assert_rejected(db, import_positions, write(tmp_path / "p.json", f"[{record}]"),
                          ("record 1", "time '[[[["), ("record 1", "lon [[[["))
    assert all(len(why) < 160 for _, why in err.problems), err.problems  # not 1,000 brackets each
