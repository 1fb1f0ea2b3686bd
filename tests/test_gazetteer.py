"""The gazetteer: its import (all or nothing, GCJ-02 converted) and the look-up as one types."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from commandcenter.cli import main
from commandcenter.domain.coords import wgs84_to_gcj02
from commandcenter.errors import ImportRejected
from commandcenter.models.gazetteer import GazetteerEntry
from commandcenter.services.gazetteer.service import GazetteerService
from commandcenter.services.imports import import_gazetteer
from tests.factories import grid_centre

from .factories import db_argument

GOOD = """name,kind,lon,lat,grid_code
华兴路,road,{g0[0]},{g0[1]},
华兴路12号,house_number,{g0[0]},{g0[1]},
东岩山公园,landmark,{g3[0]},{g3[1]},
凤凰小区,小区,{g1[0]},{g1[1]},35030200100102
"""


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def good_file(tmp_path: Path) -> Path:
    return write(tmp_path / "places.csv", GOOD.format(g0=grid_centre(0), g1=grid_centre(1), g3=grid_centre(3)))


def stored(db) -> int:  # type: ignore[no-untyped-def]
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(GazetteerEntry)))


def test_import_stores_places_with_grid_and_pinyin(db, city, tmp_path) -> None:  # type: ignore[no-untyped-def]
    result = import_gazetteer(db, good_file(tmp_path))
    assert (result.created, result.updated) == (4, 0)
    with db.read() as s:
        rows = {r.name: r for r in s.execute(select(GazetteerEntry.__table__)).all()}
    assert rows["华兴路"].grid_id == city.grid_ids[0] and rows["东岩山公园"].grid_id == city.grid_ids[3]
    assert rows["凤凰小区"].kind == "compound" and rows["凤凰小区"].grid_id == city.grid_ids[1]
    assert (rows["华兴路12号"].pinyin, rows["华兴路12号"].pinyin_initials) == ("huaxinglu12hao", "hxl12h")
    again = import_gazetteer(db, good_file(tmp_path))
    assert (again.created, again.updated, again.unchanged) == (0, 0, 4)


def test_a_row_outside_the_city_refuses_the_whole_file(db, city, tmp_path) -> None:  # type: ignore[no-untyped-def]
    bad = write(tmp_path / "bad.csv", "name,kind,lon,lat\n华兴路,road,119.0005,25.4005\n"
                                      "远方村,village,118.5,25.0\n石室岩,mountain,119.0005,25.4005\n"
                                      "拱辰路,road,east,25.4\n")
    with pytest.raises(ImportRejected) as info:
        import_gazetteer(db, bad)
    problems = dict(info.value.problems)
    assert problems["line 3"] == "the point 118.500000, 25.000000 is outside the city (in no grid)"
    assert "unknown kind 'mountain'" in problems["line 4"]
    assert problems["line 5"] == "lon 'east' is not a number"
    assert stored(db) == 0


def test_gcj02_file_is_converted_and_a_point_outside_china_refused(db, city, tmp_path) -> None:  # type: ignore[no-untyped-def]
    lon, lat = grid_centre(2)
    g_lon, g_lat = wgs84_to_gcj02(lon, lat)
    path = write(tmp_path / "amap.csv", f"name,kind,lon,lat\n拱辰路,road,{g_lon},{g_lat}\n")
    with pytest.raises(ImportRejected, match="outside the city"):
        import_gazetteer(db, path)  # read as WGS-84 the point is half a kilometre away, in no grid
    import_gazetteer(db, path, crs="gcj02")
    with db.read() as s:
        row = s.execute(select(GazetteerEntry.__table__)).one()
    assert row.grid_id == city.grid_ids[2]
    assert row.lon == pytest.approx(lon, abs=1e-6) and row.lat == pytest.approx(lat, abs=1e-6)
    tokyo = write(tmp_path / "tokyo.csv", "name,kind,lon,lat\n东京塔,landmark,139.7454,35.6586\n")
    with pytest.raises(ImportRejected, match="outside China, where GCJ-02 does not apply"):
        import_gazetteer(db, tokyo, crs="gcj02")
    assert stored(db) == 1


def test_cli_import_gazetteer(db, city, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = db_argument(db)
    assert main(["--lang", "en", "import", "gazetteer", "--db", path, str(good_file(tmp_path))]) == 0
    assert "Imported places from" in capsys.readouterr().out
    bad = write(tmp_path / "bad.csv", "name,kind,lon,lat\n远方村,village,118.5,25.0\n")
    assert main(["--lang", "en", "import", "gazetteer", "--db", path, str(bad)]) == 2
    err = capsys.readouterr().err
    assert "nothing imported" in err and "line 2: the point 118.500000, 25.000000 is outside the city" in err


def test_search_by_characters_initials_and_full_pinyin(db, city, operator, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import_gazetteer(db, good_file(tmp_path))
    service = GazetteerService(db)
    assert [p.name for p in service.search(operator, "华兴")] == ["华兴路", "华兴路12号"]
    assert service.search(operator, "hxl")[0].name == "华兴路"
    assert service.search(operator, "hxl12")[0].name == "华兴路12号"
    assert service.search(operator, "fenghuang")[0].name == "凤凰小区"
    assert service.search(operator, "东岩公园")[0].name == "东岩山公园"  # a character missed
    assert service.search(operator, "  ") == []


def test_the_index_follows_an_import(db, city, operator, tmp_path) -> None:  # type: ignore[no-untyped-def]
    service = GazetteerService(db)
    assert len(service.index(operator)) == 0
    import_gazetteer(db, good_file(tmp_path))
    assert len(service.index(operator)) == 4

