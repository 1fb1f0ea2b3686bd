"""Frame-time benchmark of the grid map canvas at Putian scale.

Run ``python benchmarks/bench_map.py`` (a few seconds). It synthesises a city of 2,408 unit
grids in 5 districts (a jittered lattice, so the grids tile exactly like real ones), 30
streets and ~100 communities, 10,000 case markers and 3,096 officer markers; opens
:class:`~commandcenter.widgets.map.canvas.MapCanvas` at 1920x1080 (device pixel ratio 1,
``QT_QPA_PLATFORM=offscreen`` unless set); and times 60 pan/zoom steps, three times, for:

* the map canvas (design a: a few class paths in one item);
* design b: the same canvas with 2,408 ``QGraphicsPolygonItem`` instead of the choropleth item;
* the baseline: every grid outline as ONE ``QPainterPath`` in a plain ``QGraphicsView``;
* a tuned baseline: the same path stroked by a bare ``QWidget`` with an explicit clip rect,
  the fastest way we found to draw it (shown so the ratio is not judged against a straw man).

A frame is "set the view, then ``QWidget.grab()`` the whole widget", identical for every
variant; frames of the variants are interleaved so machine noise hits them alike. The map
draws its static layers through cached images (``widgets/map/static_layers.py``): a frame while
the view moves blits the last image moved or scaled (over an overview of the city where it
does not reach), or renders anew where it cannot; so it also times the sharp image once the
view stops (``settle()`` and a frame) for every step. The every-layer variant has names, roads
(``_map_layers.py``), a tile basemap (``_mbtiles.py``), the markers and 46 open early warnings
(hot cells and cluster hulls, as the map screen adds them). It times recolouring
(``set_values`` and the next frame) against a frame rendering the same cached image with no
change.

Goals, recorded in the benchmark table (exit 1 if one is missed): map frame p95 ≤ 2× the
one-path baseline and ≤ 16.7 ms (60 frames a second); recolour + frame ≤ 2× a plain frame.
"""

from __future__ import annotations

import math
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np  # noqa: E402
import shapely  # noqa: E402
from _common import finish, record  # noqa: E402
from _map_layers import synthesise_roads, synthesise_warnings  # noqa: E402
from _mbtiles import make_mbtiles  # noqa: E402
from PySide6.QtCore import QPointF, QRectF, Qt  # noqa: E402
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPen, QPolygonF  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QApplication,
    QFrame,
    QGraphicsPolygonItem,
    QGraphicsScene,
    QGraphicsView,
    QWidget,
)

from commandcenter.geometry.projection import LocalProjection  # noqa: E402
from commandcenter.shapes.map import (  # noqa: E402
    MapBoundary,
    MapCaseMarker,
    MapGrid,
    MapOfficerMarker,
    MapPolygon,
)
from commandcenter.widgets.map import style  # noqa: E402
from commandcenter.widgets.map.canvas import MapCanvas  # noqa: E402
from commandcenter.widgets.map.layers import class_colours, classify  # noqa: E402
from commandcenter.widgets.map.tile_sources import MBTilesSource  # noqa: E402
from commandcenter.widgets.map.warning_layer import WarningLayerItem, warning_shapes  # noqa: E402

WIDTH, HEIGHT = 1920, 1080
BACKGROUND = QColor(style.BACKGROUND_COLOUR)
NX, NY = 56, 43  # 56 x 43 = 2,408 unit grids, Putian's count
CELL_M = 250.0
LON0, LAT0 = 119.00, 25.40  # south-west corner, near Putian
N_CASES, N_OFFICERS = 10_000, 3_096
COUNTIES = ("350302", "350303", "350304", "350305", "350322")
STEPS = 60
PASSES = 3
RECOLOURS = 15

Ring = tuple[tuple[float, float], ...]


def synthesise_city(
    seed: int = 7,
) -> tuple[
    list[MapGrid], list[MapBoundary], list[MapCaseMarker], list[MapOfficerMarker], dict[int, float]
]:
    """A Putian-sized city: districts > streets > communities > unit grids, plus markers."""
    rng = np.random.default_rng(seed)
    projection = LocalProjection(LON0, LAT0)

    def lonlat(u: np.ndarray, v: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Lattice units (one cell is CELL_M square) to lon/lat."""
        return projection.to_lonlat(u * CELL_M, v * CELL_M)  # type: ignore[arg-type]

    # Jittered lattice corners, plus a jittered mid-point on every edge; neighbours share them,
    # so the 8-vertex grids tile with no gap or overlap.
    cu, cv = np.meshgrid(np.arange(NX + 1.0), np.arange(NY + 1.0), indexing="ij")
    cu += rng.uniform(-0.22, 0.22, cu.shape)
    cv += rng.uniform(-0.22, 0.22, cv.shape)
    hu = (cu[:-1] + cu[1:]) / 2 + rng.uniform(-0.08, 0.08, (NX, NY + 1))
    hv = (cv[:-1] + cv[1:]) / 2 + rng.uniform(-0.08, 0.08, (NX, NY + 1))
    vu = (cu[:, :-1] + cu[:, 1:]) / 2 + rng.uniform(-0.08, 0.08, (NX + 1, NY))
    vv = (cv[:, :-1] + cv[:, 1:]) / 2 + rng.uniform(-0.08, 0.08, (NX + 1, NY))
    clon, clat = lonlat(cu, cv)
    hlon, hlat = lonlat(hu, hv)
    vlon, vlat = lonlat(vu, vv)

    centres = np.stack(np.meshgrid(np.arange(NX) + 0.5, np.arange(NY) + 0.5, indexing="ij"), -1)

    def nearest(points: np.ndarray, seeds: np.ndarray) -> np.ndarray:
        return ((points[..., None, :] - seeds) ** 2).sum(-1).argmin(-1)

    district_seeds = rng.uniform((0, 0), (NX, NY), (len(COUNTIES), 2))
    street_seeds = rng.uniform((0, 0), (NX, NY), (30, 2))
    street_district = nearest(street_seeds, district_seeds)
    street = nearest(centres, street_seeds)  # (NX, NY)
    community = np.zeros_like(street)
    community_street: list[int] = []
    for s in range(len(street_seeds)):
        cells = np.argwhere(street == s)
        if not len(cells):
            continue
        k = max(1, round(len(cells) / 24))
        seeds = cells[rng.choice(len(cells), k, replace=False)] + 0.5
        local = nearest(cells + 0.5, seeds)
        for j in range(k):
            community[tuple(cells[local == j].T)] = len(community_street)
            community_street.append(s)

    grids: list[MapGrid] = []
    seq_in_community: dict[int, int] = {}
    street_seq = {
        s: sum(street_district[:s] == street_district[s]) + 1 for s in range(len(street_seeds))
    }
    community_seq = {
        c: community_street[:c].count(community_street[c]) + 1 for c in range(len(community_street))
    }
    for i in range(NX):
        for j in range(NY):
            ring: Ring = tuple(
                (float(lo), float(la))
                for lo, la in (
                    (clon[i, j], clat[i, j]),
                    (hlon[i, j], hlat[i, j]),
                    (clon[i + 1, j], clat[i + 1, j]),
                    (vlon[i + 1, j], vlat[i + 1, j]),
                    (clon[i + 1, j + 1], clat[i + 1, j + 1]),
                    (hlon[i, j + 1], hlat[i, j + 1]),
                    (clon[i, j + 1], clat[i, j + 1]),
                    (vlon[i, j], vlat[i, j]),
                )
            )
            s, c = int(street[i, j]), int(community[i, j])
            n = seq_in_community[c] = seq_in_community.get(c, 0) + 1
            county = COUNTIES[street_district[s]]
            code = f"{county}{street_seq[s]:03d}{community_seq[c]:03d}{n:02d}"
            grids.append(MapGrid(len(grids) + 1, code, f"社区{c + 1}第{n}网格", c + 1, s + 1, ring))

    boundaries: list[MapBoundary] = []
    for kind, key in (("community", "community_id"), ("street", "street_id")):
        groups: dict[int, list[shapely.Polygon]] = {}
        for g in grids:
            groups.setdefault(getattr(g, key), []).append(shapely.Polygon(g.exterior))
        for gid, polys in sorted(groups.items()):
            merged = shapely.union_all(polys, grid_size=1e-8)  # as the map service does
            parts = getattr(merged, "geoms", [merged])
            polygons = tuple(
                MapPolygon(
                    tuple(p.exterior.coords[:-1]), tuple(tuple(r.coords[:-1]) for r in p.interiors)
                )
                for p in parts
            )
            name = f"社区{gid}" if kind == "community" else f"街道{gid}"
            boundaries.append(MapBoundary(kind, gid, name, polygons))

    # Case load clusters around a few hot spots (old town, markets, stations).
    hot = rng.uniform((5, 5), (NX - 5, NY - 5), (6, 2))
    dist = np.sqrt(((centres[..., None, :] - hot) ** 2).sum(-1)).min(-1)
    rate = 0.6 + 9.0 * np.exp(-((dist / 7.0) ** 2))
    counts = rng.poisson(rate).ravel()
    values = {g.grid_id: float(n) for g, n in zip(grids, counts, strict=True)}

    near = rng.random(N_CASES) < 0.6
    u = np.where(
        near,
        hot[rng.integers(0, len(hot), N_CASES), 0] + rng.normal(0, 5, N_CASES),
        rng.uniform(0, NX, N_CASES),
    )
    v = np.where(
        near,
        hot[rng.integers(0, len(hot), N_CASES), 1] + rng.normal(0, 5, N_CASES),
        rng.uniform(0, NY, N_CASES),
    )
    lons, lats = lonlat(np.clip(u, 0.1, NX - 0.1), np.clip(v, 0.1, NY - 0.1))
    priorities = rng.choice(["urgent", "high", "normal", "low"], N_CASES, p=[0.04, 0.16, 0.6, 0.2])
    cases = [
        MapCaseMarker(
            k + 1,
            f"PT2025{k + 1:07d}",
            float(lo),
            float(la),
            str(p),
            "dispatched",
            description=f"占道经营 #{k + 1}",
        )
        for k, (lo, la, p) in enumerate(zip(lons, lats, priorities, strict=True))
    ]
    olon, olat = lonlat(
        rng.uniform(0.1, NX - 0.1, N_OFFICERS), rng.uniform(0.1, NY - 0.1, N_OFFICERS)
    )
    duty = rng.choice(
        ["on_duty", "in_field", "off_duty", "on_leave"], N_OFFICERS, p=[0.4, 0.35, 0.2, 0.05]
    )
    officers = [
        MapOfficerMarker(
            k + 1, f"网格员{k + 1}", float(lo), float(la), str(d), int(rng.integers(0, 8))
        )
        for k, (lo, la, d) in enumerate(zip(olon, olat, duty, strict=True))
    ]
    return grids, boundaries, cases, officers, values


def pan_zoom_steps(full: QRectF, n: int = STEPS) -> list[QRectF]:
    """A tour an operator might make: zoom in on a district, pan about, zoom out, pan the city."""
    rects = []
    aspect = HEIGHT / WIDTH
    w0 = full.width() * 1.04
    centre = full.center()
    target = QPointF(full.left() + full.width() * 0.62, full.top() + full.height() * 0.41)
    quarter = n // 4
    width, cx, cy = w0, centre.x(), centre.y()
    for k in range(n):
        phase = k // quarter
        if phase == 0:  # zoom in towards a district while drifting there
            width = w0 / 1.22 ** (k + 1)
            t = (k + 1) / quarter
            cx = centre.x() + (target.x() - centre.x()) * t
            cy = centre.y() + (target.y() - centre.y()) * t
        elif phase == 1:  # drag around at street level
            angle = (k - quarter) / quarter * 2 * math.pi
            cx = target.x() + 0.6 * width * math.cos(angle)
            cy = target.y() + 0.6 * width * math.sin(angle)
        elif phase == 2:  # zoom back out
            width = w0 / 1.22 ** (quarter - (k - 2 * quarter))
            cx, cy = target.x(), target.y()
        else:  # pan the whole city
            width = w0
            angle = (k - 3 * quarter) / quarter * 2 * math.pi
            cx = centre.x() + 0.12 * w0 * math.cos(angle)
            cy = centre.y() + 0.12 * w0 * math.sin(angle)
        rects.append(QRectF(cx - width / 2, cy - width * aspect / 2, width, width * aspect))
    return rects


def outline_pen() -> QPen:
    """The map's grid outline pen: 1 pixel, opaque."""
    pen = QPen(QColor(style.GRID_OUTLINE_COLOUR), 1.0)
    pen.setCosmetic(True)
    return pen


def outline_path(grids: list[MapGrid], projection: LocalProjection) -> QPainterPath:
    """Every grid outline as one QPainterPath, built the plain way."""
    path = QPainterPath()
    for grid in grids:
        for poly in grid.polygons:
            for ring in (poly.exterior, *poly.holes):
                path.addPolygon(
                    QPolygonF([QPointF(*projection.to_xy(lon, lat)) for lon, lat in ring])
                )
                path.closeSubpath()
    return path


class SceneBaseline(QGraphicsView):
    """The baseline as specified: one QGraphicsPathItem in a plain QGraphicsView."""

    def __init__(self, path: QPainterPath) -> None:
        scene = QGraphicsScene()
        super().__init__(scene)
        self._scene = scene
        scene.addPath(path, outline_pen())
        r = path.boundingRect()
        scene.setSceneRect(
            r.adjusted(-10 * r.width(), -10 * r.height(), 10 * r.width(), 10 * r.height())
        )
        self.setBackgroundBrush(BACKGROUND)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)

    def show_rect(self, rect: QRectF) -> None:
        scale = self.viewport().width() / rect.width()
        self.resetTransform()
        self.scale(scale, -scale)  # north up
        self.centerOn(rect.center())


class TunedBaseline(QWidget):
    """One path stroked straight onto a widget, with a clip rect (Qt then clips lines early)."""

    def __init__(self, path: QPainterPath) -> None:
        super().__init__()
        self._path = path
        self._pen = outline_pen()
        self._rect = path.boundingRect()

    def show_rect(self, rect: QRectF) -> None:
        self._rect = rect

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        p = QPainter(self)
        p.fillRect(self.rect(), BACKGROUND)
        p.setClipRect(self.rect())
        scale = self.width() / self._rect.width()
        p.translate(self.width() / 2, self.height() / 2)
        p.scale(scale, -scale)
        p.translate(-self._rect.center())
        p.strokePath(self._path, self._pen)
        p.end()


def polygon_items_canvas(
    grids: list[MapGrid],
    boundaries: list[MapBoundary],
    cases: list[MapCaseMarker],
    officers: list[MapOfficerMarker],
    values: dict[int, float],
) -> tuple[MapCanvas, Callable[[dict[int, float]], None], float]:
    """Design b: the same canvas, its grids drawn as one QGraphicsPolygonItem each instead."""
    canvas = MapCanvas()
    canvas.set_grids(grids, boundaries)
    canvas.set_values(values, "Open cases")  # the same legend as the map
    canvas.set_case_markers(cases)
    canvas.set_officer_markers(officers)
    canvas.set_layer_visible("grids", False)
    projection = canvas.projection
    assert projection is not None
    t0 = time.perf_counter()
    pen = outline_pen()
    items = []
    for grid in grids:
        poly = QPolygonF([QPointF(*projection.to_xy(lon, lat)) for lon, lat in grid.exterior])
        item = QGraphicsPolygonItem(poly)
        item.setPen(pen)
        canvas.view_box.addItem(item)
        items.append(item)

    def recolour(vals: dict[int, float]) -> None:
        classes, ranges = classify(np.array([vals.get(g.grid_id, np.nan) for g in grids]))
        brushes = [QColor(style.NO_DATA_COLOUR), *class_colours(len(ranges))]
        for item, cls in zip(items, classes, strict=True):
            item.setBrush(brushes[cls])

    recolour(values)
    return canvas, recolour, time.perf_counter() - t0


def timed(fn: Callable[[], object]) -> float:
    t0 = time.perf_counter()
    fn()
    return (time.perf_counter() - t0) * 1e3


def main() -> int:
    started = time.perf_counter()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    grids, boundaries, cases, officers, values = synthesise_city()
    vertex_count = sum(len(r) for g in grids for p in g.polygons for r in (p.exterior, *p.holes))

    canvas = MapCanvas()
    canvas.resize(WIDTH, HEIGHT)
    canvas.show()
    canvas.set_layer_visible("labels", False)  # the grids-only canvas, as measured before names
    build = {
        "set_grids": timed(lambda: canvas.set_grids(grids, boundaries)),
        "set_values": timed(lambda: canvas.set_values(values, "Open cases")),
        "set_case_markers": timed(lambda: canvas.set_case_markers(cases)),
        "set_officer_markers": timed(lambda: canvas.set_officer_markers(officers)),
    }
    projection = canvas.projection
    assert projection is not None
    path = outline_path(grids, projection)

    items_canvas, items_recolour, items_build = polygon_items_canvas(
        grids, boundaries, cases, officers, values
    )
    # every layer on: names, roads, a tile basemap from a generated MBTiles, cases, officers
    full = MapCanvas()
    full.resize(WIDTH, HEIGHT)
    full.show()
    full.set_grids(grids, boundaries)
    full.set_values(values, "Open cases")
    full.set_case_markers(cases)
    full.set_officer_markers(officers)
    roads = synthesise_roads(grids, NX, NY)
    build["set_roads"] = timed(lambda: full.set_roads(roads))
    warnings = WarningLayerItem()  # as the map screen adds it
    full.add_overlay(warnings)
    build["warnings"] = timed(lambda: warnings.set_shapes(
        warning_shapes(synthesise_warnings(grids, values), {g.grid_id: g for g in grids}, projection)))
    bounds = path.boundingRect()
    west, south = projection.to_lonlat(bounds.left(), bounds.top())
    east, north = projection.to_lonlat(bounds.right(), bounds.bottom())
    tiles = make_mbtiles(Path(tempfile.mkdtemp()) / "city.mbtiles", west, south, east, north)
    full.set_tile_basemap(MBTilesSource(tiles), "wgs84")
    scene_baseline = SceneBaseline(path)
    tuned_baseline = TunedBaseline(path)
    for widget in (items_canvas, scene_baseline, tuned_baseline):
        widget.resize(WIDTH, HEIGHT)
        widget.show()
    app.processEvents()
    dpr = canvas.devicePixelRatioF()

    def show_on_map(c: MapCanvas, rect: QRectF) -> QRectF:
        c.view_box.setRange(rect, padding=0)
        (x0, x1), (y0, y1) = c.view_box.viewRange()
        return QRectF(x0, y0, x1 - x0, y1 - y0)

    steps = pan_zoom_steps(path.boundingRect())
    frames: dict[str, list[float]] = {"map": [], "full": [], "items": [], "scene": [], "tuned": [], "sharp": []}
    for rect in steps[:8]:  # warm-up: glyph caches, marker atlases, first layouts
        for c in (canvas, items_canvas, full):
            show_on_map(c, rect)
            c.grab()
        scene_baseline.show_rect(rect)
        scene_baseline.grab()
        tuned_baseline.show_rect(rect)
        tuned_baseline.grab()
    shown = QRectF()
    for _ in range(PASSES):
        for rect in steps:
            t0 = time.perf_counter()
            shown = show_on_map(canvas, rect)
            canvas.grab()
            frames["map"].append((time.perf_counter() - t0) * 1e3)
            t0 = time.perf_counter()
            show_on_map(full, rect)
            full.grab()
            frames["full"].append((time.perf_counter() - t0) * 1e3)
            t0 = time.perf_counter()
            show_on_map(items_canvas, rect)
            items_canvas.grab()
            frames["items"].append((time.perf_counter() - t0) * 1e3)
            # the baselines show exactly what the aspect-locked map showed
            t0 = time.perf_counter()
            scene_baseline.show_rect(shown)
            scene_baseline.grab()
            frames["scene"].append((time.perf_counter() - t0) * 1e3)
            t0 = time.perf_counter()
            tuned_baseline.show_rect(shown)
            tuned_baseline.grab()
            frames["tuned"].append((time.perf_counter() - t0) * 1e3)

    # The time until the sharp image is on screen once the view stops (the map starts it
    # SETTLE_MS after the last change): every layer rendered for the view, then the frame.
    for rect in steps:
        show_on_map(full, rect)
        full.grab()  # the interaction frame (a preview, or already sharp after a jump)
        t0 = time.perf_counter()
        full.settle()
        full.grab()
        frames["sharp"].append((time.perf_counter() - t0) * 1e3)

    # Recolour at city view: set_values then the next frame, against a frame that renders the
    # same layers with no change (a plain frame only blits the cached images: see static_layers).
    city = steps[-1]
    show_on_map(canvas, city)
    show_on_map(items_canvas, city)
    other = {gid: (v * 7 + gid) % 13 for gid, v in values.items()}
    recolour, recolour_only, plain, items_recolour_ms, items_plain = [], [], [], [], []
    for k in range(RECOLOURS):
        vals = other if k % 2 == 0 else values
        plain.append(timed(lambda: (canvas._stack.ground.invalidate(), canvas.grab())))  # noqa: SLF001
        recolour_only.append(timed(lambda vals=vals: canvas.set_values(vals, "Open cases")))
        recolour.append(recolour_only[-1] + timed(canvas.grab))
        items_plain.append(timed(items_canvas.grab))
        items_recolour_ms.append(
            timed(lambda vals=vals: items_recolour(vals)) + timed(items_canvas.grab)
        )

    def stats(xs: list[float]) -> tuple[float, float, float]:
        a = np.asarray(xs)
        return float(np.percentile(a, 50)), float(np.percentile(a, 95)), float(a.max())

    print(
        f"Putian-scale synthetic city: {len(grids):,} grids ({vertex_count:,} vertices), "
        f"{len(boundaries)} boundaries, {len(cases):,} cases, {len(officers):,} officers"
    )
    print(
        f"{WIDTH}x{HEIGHT}, device pixel ratio {dpr:g}, platform {app.platformName()}; "
        f"{len(frames['map'])} frames per variant ({STEPS} pan/zoom steps x {PASSES}); "
        f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs (others' work skews it)"
    )
    print(
        "build ms: "
        + ", ".join(f"{k} {v:.1f}" for k, v in build.items())
        + f"; design b items {items_build * 1e3:.1f}"
    )
    print()
    labels = {
        "map": "map canvas (design a, class paths)",
        "full": "map, every layer (+names, roads, tiles, warnings)",
        "sharp": "  every layer: sharp image once still",
        "items": "design b: 2,408 QGraphicsPolygonItems",
        "scene": "baseline: one path in a QGraphicsView",
        "tuned": "tuned baseline: one path, clip rect",
    }
    print(f"{'frame = set view + QWidget.grab()':50s} {'p50 ms':>8s} {'p95 ms':>8s} {'max ms':>8s}")
    table = {k: stats(v) for k, v in frames.items()}
    for key, label in labels.items():
        p50, p95, worst = table[key]
        print(f"{label:50s} {p50:8.2f} {p95:8.2f} {worst:8.2f}")
    map_p95 = table["map"][1]
    print()
    ratio = map_p95 / table["scene"][1]
    print(
        f"map p95 / baseline p95        = {ratio:5.2f}  (target <= 2: {'met' if ratio <= 2 else 'NOT met'})"
    )
    tuned_ratio = map_p95 / table["tuned"][1]
    print(f"map p95 / tuned baseline p95  = {tuned_ratio:5.2f}")
    print(
        f"map p95 = {map_p95:.2f} ms (target <= 16.7 ms: {'met' if map_p95 <= 16.7 else 'NOT met'})"
    )
    rec, only, pl = (float(np.median(x)) for x in (recolour, recolour_only, plain))
    print()
    print(
        f"recolour 2,408 grids (set_values + frame) p50 {rec:.2f} ms (set_values alone {only:.2f} ms); "
        f"plain frame p50 {pl:.2f} ms; ratio {rec / pl:.2f} (target <= 2: {'met' if rec / pl <= 2 else 'NOT met'})"
    )
    irec, ipl = float(np.median(items_recolour_ms)), float(np.median(items_plain))
    print(
        f"design b recolour (setBrush x 2,408 + frame) p50 {irec:.2f} ms; plain frame {ipl:.2f} ms; ratio {irec / ipl:.2f}"
    )
    full_p95 = table["full"][1]
    full_ratio = full_p95 / table["tuned"][1]
    print(f"every layer p95 / tuned baseline p95 = {full_ratio:5.2f} (goal <= 2: {'met' if full_ratio <= 2 else 'NOT met'})")
    ground, top = full._stack.ground, full._stack.top  # noqa: SLF001 - counts for the reader
    print(f"every layer: {ground.previews} preview frames, {ground.renders} sharp renders of the ground; "
          f"sharp image once still p50 {table['sharp'][0]:.1f} ms, p95 {table['sharp'][1]:.1f} ms ({top.renders} of the names and markers)")
    print(f"\ntotal {time.perf_counter() - started:.1f} s")
    full.set_tile_basemap(None)
    for widget in (canvas, full, items_canvas, scene_baseline, tuned_baseline):
        widget.close()
    record("map frame p95, 2,408 grids", map_p95, table["scene"][1], "≤ 2× raw", ratio <= 2, "ms")
    record("map frame p95, absolute", map_p95, None, "≤ 16.7 ms", map_p95 <= 16.7, "ms")
    record("map recolour + frame p50", rec, pl, "≤ 2× plain frame", rec / pl <= 2, "ms")
    record("map frame p95, every layer", full_p95, table["tuned"][1], "≤ 2× tuned one path", full_ratio <= 2, "ms",
           "while panning and zooming: a cached image moved and scaled, or rendered where it cannot be")
    record("map sharp frame p95, every layer", table["sharp"][1], table["tuned"][1], "reported", True, "ms",
           "the sharp image once the view stops")
    return finish()


if __name__ == "__main__":
    sys.exit(main())
