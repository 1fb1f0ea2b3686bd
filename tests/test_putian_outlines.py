"""The Putian-scale demo map lies in Putian's real outlines and its grids tile it as the standard asks."""

from __future__ import annotations

from collections import Counter

import numpy as np
import pytest
import shapely

from commandcenter.simulator.demo import SCALES
from commandcenter.simulator.demo.geography import CityMap, area_m2, geography_tables, index_city
from commandcenter.simulator.demo.outlines import outline
from commandcenter.simulator.demo.putian import build_putian

DIVISIONS = ("350302", "350303", "350304", "350305", "350322")
SLIVER_M2 = 1.0  # what float rounding may leave between two grids sharing an edge


@pytest.fixture(scope="module")
def city() -> CityMap:
    """Built once for the module: about 3 s of CPU (the whole year of cases is not needed)."""
    return build_putian(SCALES["putian"], 1)


def _m2(geom: shapely.Geometry) -> float:
    return float(area_m2([geom])[0])


def test_the_counts_are_putians(city: CityMap) -> None:
    m = city
    assert [d.code for d in m.districts] == list(DIVISIONS)
    assert len(m.grids()) == 2408 and len(m.communities()) == 1000 and len(m.streets()) == 48
    kinds = Counter(s.name[-2:] if s.name.endswith("街道") else s.name[-1] for s in m.streets())
    assert kinds["街道"] >= 5 and kinds["镇"] >= 30
    codes = [g.code for g in m.grids()]
    assert len(set(codes)) == len(codes) and all(len(c) == 14 and c.isdigit() for c in codes)


def test_districts_match_the_extracted_outlines(city: CityMap) -> None:
    m = city
    for d in m.districts:
        real = outline(d.code)
        grids = [g.polygon for s in d.streets for c in s.communities for g in c.grids]
        covered = sum(area_m2(grids))
        assert covered == pytest.approx(_m2(real), rel=0.02), d.name
        inside = shapely.buffer(real, 1e-7)  # about a centimetre: vertices rounded to 1e-6 degrees in the file
        assert all(shapely.within(grids, inside)), d.name
        # neighbours share their edges: the grids join up into the district's own parts (its islands),
        # not into pieces parted by hair-thin gaps
        parts = shapely.get_parts(shapely.union_all(grids))
        assert np.count_nonzero(area_m2(parts) > SLIVER_M2) == len(shapely.get_parts(real)), d.name


def test_grids_tile_each_community_exactly(city: CityMap) -> None:
    m = city
    for c in m.communities():
        polys = [g.polygon for g in c.grids]
        assert all(p.is_valid and not p.is_empty for p in polys), c.code
        union = shapely.union_all(polys)
        assert _m2(shapely.symmetric_difference(union, c.polygon)) < SLIVER_M2, c.code
        assert abs(sum(area_m2(polys)) - _m2(union)) < SLIVER_M2, c.code


def test_grid_area_covers_the_land(city: CityMap) -> None:
    m = city
    land = sum(_m2(outline(code)) for code in DIVISIONS)
    total = sum(g.area_m2 for g in m.grids())
    assert total == pytest.approx(land, rel=0.05)
    assert 3_900e6 < land < 4_300e6  # Putian's land area is about 4,100 km²


def test_grids_are_small_in_town_and_large_in_the_hills(city: CityMap) -> None:
    m = city
    urban = np.array([g.area_m2 for c in m.communities() if c.name.endswith("社区") for g in c.grids])
    rural = np.array([g.area_m2 for c in m.communities() if c.name.endswith("村") for g in c.grids])
    assert np.median(urban) < 30e4 and urban.min() < 10e4  # hectares in town
    assert np.median(rural) > 1e6 and rural.max() > 4e6  # km² in the countryside
    assert len(urban) > len(rural)  # grids are drawn by households: most of them (and their cases) in town


def _street_outlines(m: CityMap) -> dict[tuple[str, str], shapely.Geometry]:
    return {(s.code, s.name): shapely.union_all([c.polygon for c in s.communities]) for s in m.streets()}


def _same_streets(part: CityMap, whole: CityMap) -> None:
    """Every street of `part` is the street of the same code and name in `whole`, its grids inside it."""
    outlines = _street_outlines(whole)
    for s in part.streets():
        there = outlines[s.code, s.name]
        here = shapely.union_all([c.polygon for c in s.communities])
        assert _m2(shapely.symmetric_difference(here, there)) < SLIVER_M2, s.name
        inside = shapely.buffer(there, 1e-8)  # a millimetre: the other scale's cuts add vertices on the edges
        assert all(shapely.within([g.polygon for c in s.communities for g in c.grids], inside)), s.name


def test_the_city_scale_is_the_central_three_districts(city: CityMap) -> None:
    m = build_putian(SCALES["city"], 1)
    assert [d.code for d in m.districts] == list(DIVISIONS[:3])
    assert len(m.grids()) == 600 and len(m.streets()) == 24
    for d in m.districts:
        covered = sum(g.area_m2 for s in d.streets for c in s.communities for g in c.grids)
        assert covered == pytest.approx(_m2(outline(d.code)), rel=0.02), d.name
    _same_streets(m, city)  # a district is cut into the same streets whichever scale includes it


def test_the_small_scale_is_chengxiangs_street_offices_as_putian_draws_them(city: CityMap) -> None:
    m = build_putian(SCALES["small"], 1)
    assert [d.code for d in m.districts] == ["350302"]
    assert [s.name for s in m.streets()] == ["凤凰山街道", "龙桥街道", "霞林街道"]
    assert len(m.grids()) == SCALES["small"].grids and len(m.communities()) == SCALES["small"].communities
    _same_streets(m, city)
    assert all(shapely.within([g.polygon for g in m.grids()], shapely.buffer(outline("350302"), 1e-7)))


def test_every_stored_centre_lies_in_its_grid(city: CityMap) -> None:
    """Real outlines make concave and island grids whose centroid lies outside them; the stored
    centre is where a report 'at the grid' goes, so it must be inside."""
    ix = index_city(city, dict.fromkeys(("district", "street", "community", "grid"), 1))
    grid = next(t for t in geography_tables(city, ix) if t.table == "grid")
    polys = shapely.from_wkb(grid.column("geometry"))
    assert shapely.contains_xy(polys, grid.column("centroid_lon"), grid.column("centroid_lat")).all()
    assert not shapely.contains(polys, shapely.centroid(polys)).all()  # which the plain centroid is not
