"""Roads from a city's GeoJSON: the command line replaces the stored roads, all or nothing, with
every problem named; the map's geometry carries them and the map view draws and names them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from commandcenter.cli import main
from commandcenter.models import Road
from commandcenter.services.map_data import map_geometry

from .factories import db_argument

LINE = {"type": "LineString", "coordinates": [[119.0, 25.43], [119.01, 25.43]]}


def _write(path: Path, features: list[dict]) -> Path:  # type: ignore[type-arg]
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False),
                    encoding="utf-8")
    return path


def _feature(name: str, geometry: dict, **props: str) -> dict:  # type: ignore[type-arg]
    return {"type": "Feature", "properties": {"name": name, **props}, "geometry": geometry}


def _roads(db) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    with db.read() as s:
        return [(r.name, r.road_class) for r in s.scalars(select(Road).order_by(Road.name))]


def test_import_roads_replaces_all_and_the_map_reads_them(db, city, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    first = _write(tmp_path / "a.geojson", [_feature("学园路", LINE, highway="primary"),
                                            _feature("旧巷", LINE)])
    assert main(["--lang", "en", "import", "roads", "--db", db_argument(db), str(first)]) == 0
    assert "2 created" in capsys.readouterr().out
    assert _roads(db) == [("学园路", "main"), ("旧巷", "minor")]
    multi = {"type": "MultiLineString", "coordinates": [LINE["coordinates"], [[119.0, 25.44], [119.0, 25.45]]]}
    second = _write(tmp_path / "b.geojson", [_feature("胜利路", multi, **{"class": "main"})])
    assert main(["--lang", "en", "import", "roads", "--db", db_argument(db), str(second)]) == 0
    assert _roads(db) == [("胜利路", "main"), ("胜利路", "main")]  # one row per line of the multi-line
    db.caches.clear()
    roads = map_geometry(db).roads
    assert [r.name for r in roads] == ["胜利路", "胜利路"] and roads[0].points[0] == (119.0, 25.43)


def test_a_bad_feature_refuses_the_whole_file(db, city, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    _write(tmp_path / "ok.geojson", [_feature("学园路", LINE)])
    assert main(["--lang", "en", "import", "roads", "--db", db_argument(db), str(tmp_path / "ok.geojson")]) == 0
    bad = _write(tmp_path / "bad.geojson", [
        _feature("胜利路", LINE),
        _feature("广场", {"type": "Polygon", "coordinates": [[[119, 25], [119.1, 25], [119.1, 25.1], [119, 25]]]}),
        _feature("远路", {"type": "LineString", "coordinates": [[500000, 2800000], [500100, 2800000]]}),
    ])
    capsys.readouterr()
    assert main(["--lang", "en", "import", "roads", "--db", db_argument(db), str(bad)]) == 2
    err = capsys.readouterr().err
    assert "feature #2: the geometry is not a LineString or MultiLineString" in err
    assert "feature #3: coordinates outside longitude/latitude" in err
    assert _roads(db) == [("学园路", "minor")]
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Road)) == 1


@pytest.mark.parametrize("text", ["[]", '{"type": "FeatureCollection", "features": []}'])
def test_not_a_road_file(db, city, tmp_path: Path, capsys, text: str) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "r.geojson"
    path.write_text(text, encoding="utf-8")
    assert main(["--lang", "en", "import", "roads", "--db", db_argument(db), str(path)]) == 2
    assert "nothing imported" in capsys.readouterr().err


def test_map_geometry_is_kept_on_disk_until_grids_or_roads_change(db, city, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from commandcenter.services import map_data

    folder = tmp_path / "map-cache"
    first = map_geometry(db, folder)
    assert list(folder.glob("*.geometry"))
    db.caches.clear()

    def not_again(_db):  # type: ignore[no-untyped-def]
        raise AssertionError("the geometry should come from the disk cache")

    monkeypatch.setattr(map_data, "_read_geometry", not_again)
    assert map_geometry(db, folder) == first  # a restart: read from disk, no union
    monkeypatch.undo()
    version = map_data.geometry_version(db)
    _write(tmp_path / "r.geojson", [_feature("学园路", LINE)])
    assert main(["--lang", "en", "import", "roads", "--db", db_argument(db), str(tmp_path / "r.geojson")]) == 0
    assert map_data.geometry_version(db) != version
    db.caches.clear()
    assert [r.name for r in map_geometry(db, folder).roads] == ["学园路"]  # read afresh
