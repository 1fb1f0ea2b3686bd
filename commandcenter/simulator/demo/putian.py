"""The demo's map at every scale, drawn inside the real outlines of Putian's divisions: all five
at Putian scale, the central three at city scale, 城厢区's street offices at small scale.

Each division (`outlines`) is cut into its real number of street offices and towns (the stems
of `texts.STREET_NAMES` and `TOWN_NAMES`: 48 in all), each of those into communities and
villages (about 1,000 across the city) and each community into unit grids, every time by
`partition.split` on the population samples of `population`. A division's samples and its cut
into streets depend on the seed and its own code only, so its streets are the same at every
scale; the communities and grids below are cut for the scale's counts.

- towns and streets: half population, half area, so the central city gets several small street
  offices and the hills a few large towns; the densest pieces of a division become its street
  offices (街道), the rest towns (镇);
- communities: a third population, two thirds area (villages are many and a village is a place,
  not a head count); urban where the density says so (社区), otherwise villages (村);
- grids: drawn by households as social-governance grids are, so nearly all population: a few
  hectares in the central city, several km² in the hills. The city's grid count is shared out
  to communities by population, at least one each.

Everything is in metres on the demo's plane (`geography`) and converted to lon/lat at the end,
and all the grids are noded together before that (`partition.node`): where one cut ends on
another, the vertex it makes is put on both sides, so neighbours share their edges vertex for
vertex and a community is the union of its grids; codes follow the same 14-digit scheme.
"""

from __future__ import annotations

import numpy as np
import shapely

from .geography import (
    CITY_PLANE,
    SNAP_M,
    CityMap,
    CommunityShape,
    DistrictShape,
    StreetShape,
    apportion,
    community_names,
    community_shape,
    initials,
)
from .outlines import outline
from .partition import Piece, node, split, tidy
from .population import Population, sample_population
from .scales import Scale
from .seats import match_nearest
from .texts import STREET_NAMES, TOWN_NAMES

CITY_NAME = "莆田市"
STREET_PEOPLE_SHARE = 0.5
COMMUNITY_PEOPLE_SHARE = 1 / 3
GRID_PEOPLE_SHARE = 0.95
STREET_WIGGLE = 0.06  # town borders bend like streams; grid lines stay straight, like blocks
COMMUNITY_WIGGLE = 0.05
URBAN_KM2 = 2_500.0  # residents per km² from which a community is a residents' committee (社区)
OFFICE_URBAN_KM2 = 800.0  # lower inside a street office: its outskirts are still 社区


def _metres(code: str) -> shapely.Geometry:
    return shapely.set_precision(shapely.transform(outline(code), CITY_PLANE.project_coords), SNAP_M)


def _north_to_south(pieces: list[Piece]) -> list[Piece]:
    return sorted(pieces, key=lambda p: (-round(p.geom.centroid.y, -2), p.geom.centroid.x))


def _measure(weight: np.ndarray, piece: Piece) -> float:
    return float(weight[piece.idx].sum())


def _by_households(total: int, weights: list[float]) -> list[int]:
    """`total` grids in proportion to population, at least one per community.

    Unlike `geography.apportion` (one each, then the rest in proportion), a village too small
    for a grid of its own takes one from the total rather than adding one: grids stay about
    equally populous, so the cases, which come per grid, follow the population."""
    w = np.asarray(weights, dtype=float)
    raw = total * w / w.sum()
    out = np.maximum(1, np.floor(raw)).astype(int)
    spare = raw - out
    while (diff := total - int(out.sum())) != 0:
        if diff > 0:
            i = int(np.argmax(spare))
            out[i], spare[i] = out[i] + 1, spare[i] - 1
        else:
            can = np.flatnonzero(out > 1)
            i = int(can[np.argmin(spare[can])])
            out[i], spare[i] = out[i] - 1, spare[i] + 1
    return [int(v) for v in out]


def _named(stems: list[str], suffix: str, pieces: list[Piece], pop: Population) -> list[tuple[str, Piece]]:
    """Each stem on the piece nearest its real seat (where most of the piece's people live)."""
    where = []
    for p in pieces:
        people = p.idx[pop.is_person[p.idx]]
        centre = (pop.points[people].mean(axis=0) if len(people)
                  else shapely.get_coordinates(shapely.point_on_surface(p.geom))[0])
        where.append(centre)
    places = CITY_PLANE.unproject_coords(np.array(where))
    return [(stem + suffix, pieces[i]) for stem, i in zip(stems, match_nearest(stems, places), strict=True)]


def _streets(code: str, seed: int) -> tuple[Population, list[tuple[str, Piece]]]:
    """A district's samples and its towns and street offices, named, offices first.

    Everything here comes from the district's own outline and generator ([seed, code]), so a
    district is cut the same way at every scale that includes it: the small scale's three
    street offices are the ones the city and Putian scales draw in 城厢区."""
    rng = np.random.default_rng([seed, int(code)])
    geom = _metres(code)
    pop = sample_population(geom, CITY_PLANE, rng)
    offices, towns = STREET_NAMES[code], TOWN_NAMES[code]
    piece = Piece(geom, np.arange(len(pop.points)))
    streets = tidy(split(piece, [1.0] * (len(offices) + len(towns)), pop.points, pop.blend(STREET_PEOPLE_SHARE),
                         rng, SNAP_M, STREET_WIGGLE), pop.points, SNAP_M)
    dense = sorted(streets, key=lambda p: -pop.density_km2(p.idx))
    named = _named(list(offices), "街道", dense[: len(offices)], pop) + _named(list(towns), "镇",
                                                                            dense[len(offices):], pop)
    return pop, named


def build_putian(scale: Scale, seed: int) -> CityMap:
    """The deterministic map of a scale's real districts for a seed (all five at Putian scale, the
    central three at city scale, 城厢区's street offices alone at small scale), everything below
    the streets generated for the scale."""
    parts: list[Population] = []
    districts: list[tuple[str, str, list[tuple[str, Piece]]]] = []
    for code, name in scale.districts:
        pop, named = _streets(code, seed)
        parts.append(pop)
        districts.append((code, name, [(n, p) for n, p in named if n.endswith("街道") or not scale.offices_only]))
    pop, starts = Population.joined(parts)
    for (_, _, named), start in zip(districts, starts, strict=True):
        for _, p in named:
            p.idx = p.idx + start
    rng = np.random.default_rng([seed, 1])
    xy = pop.points
    w_comm, w_grid = pop.blend(COMMUNITY_PEOPLE_SHARE), pop.blend(GRID_PEOPLE_SHARE)

    streets = [p for _, _, named in districts for _, p in named]
    n_comms = apportion(scale.communities, [_measure(w_comm, p) for p in streets])
    comm_pieces = [tidy(split(p, [1.0] * n, xy, w_comm, rng, SNAP_M, COMMUNITY_WIGGLE), xy, SNAP_M) for p, n in zip(
        streets, n_comms, strict=True)]
    comm_pieces = [_north_to_south(c) for c in comm_pieces]
    flat = [c for cs in comm_pieces for c in cs]
    n_grids = _by_households(scale.grids, [_measure(w_grid, c) for c in flat])
    names = community_names(rng, len(flat))
    cells = [[g.geom for g in tidy(split(c, [1.0] * n, xy, w_grid, rng, SNAP_M), xy, SNAP_M)]
             for c, n in zip(flat, n_grids, strict=True)]
    grid_geoms = node([g for cs in cells for g in cs], SNAP_M)
    ends = np.cumsum([len(cs) for cs in cells])

    out: list[DistrictShape] = []
    k = 0
    s = 0
    for code, name, named in districts:
        out_streets: list[StreetShape] = []
        n_office = n_town = 0
        for sname, _ in named:
            office = sname.endswith("街道")
            n_office, n_town = n_office + office, n_town + (not office)
            scode = f"{code}{n_office if office else 99 + n_town:03d}"  # GB/T 10114: offices 001-099, towns 100-
            comms: list[CommunityShape] = []
            n_res = n_vil = 0
            for c in comm_pieces[s]:
                urban = pop.density_km2(c.idx) >= (OFFICE_URBAN_KM2 if office else URBAN_KM2)
                n_res, n_vil = n_res + urban, n_vil + (not urban)
                cname = names[k] + ("社区" if urban else "村")
                ccode = f"{scode}{n_res if urban else 199 + n_vil:03d}"  # residents 001-199, villages 200-399
                grids = grid_geoms[ends[k] - len(cells[k]): ends[k]]
                whole = grids[0] if len(grids) == 1 else shapely.union_all(grids, grid_size=SNAP_M)
                comms.append(community_shape(ccode, cname, whole, grids))
                k += 1
            out_streets.append(StreetShape(scode, sname, initials(sname), tuple(comms)))
            s += 1
        out.append(DistrictShape(code, name, tuple(out_streets)))
    return CityMap(CITY_NAME, tuple(out))
