"""The grid map: unit grids as a choropleth, boundaries, case and officer markers.

Modules: ``canvas`` (the widget), ``layers`` (its pyqtgraph items, classes and fills),
``legend``, ``geometry`` (grid polygons as arrays, paths and a tree), ``style`` (colours
and sizes), ``labels`` (names placed without overlap), ``roads``, ``hover`` (tool-tip text),
``static_layers`` (the cached images), ``basemaps`` with ``tiles``, ``tile_sources`` and ``tilemath`` (MBTiles or XYZ/WMTS tiles,
GCJ-02 shifted), and the early-warning layer. Lon/lat are projected to metres around the city's centre
(:class:`commandcenter.geometry.projection.LocalProjection`), so the aspect-locked pyqtgraph
ViewBox shows shapes undistorted. Import ``canvas`` when the map is first shown: it loads
pyqtgraph.

Design, chosen by measuring (``python benchmarks/bench_map.py``; 2-core machine, Qt offscreen,
1920x1080, DPR 1, 2,408 grids, 10,000 case and 3,096 officer markers, 60 pan/zoom steps x 3):

* All grids are ONE ``pg.GraphicsObject``. Its fills are a few ``QPainterPath`` per spatial
  tile (16 tiles here), one per colour class, built from numpy vertex arrays with
  ``pg.arrayToQPath``: recolouring is a sort and ~100 C++ path builds, never a Python call per
  grid. In each tile the class covering most ground is filled as the union of the tile's grids
  and only the others grid by grid on top; the raster engine's cost is per span, so this and
  the tiling (small paths, tiles off screen skipped) are what make fills cheap.
* Every line is drawn once, at its heaviest level: a grid edge shared by two grids, or lying
  under a community or street boundary, is not stroked again. Lines are 1-pixel cosmetic and
  aliased; heavy ones repeat at 1-pixel offsets (a 2-pixel pen strokes ~15x slower).
* Each marker layer is one ``pg.ScatterPlotItem``; hover and click use a shapely ``STRtree``
  over the grids and one vectorised distance test over the markers.
* ``static_layers``: with names, roads, a tile basemap and the markers on, drawing every item
  each frame cost ~31 ms p50 (94 ms p95) under load. The ground (basemap to boundaries, with a
  screen's overlays such as the early warnings: ``MapCanvas.add_overlay``) and the top (names
  and markers) are each rendered once per view into an image a quarter larger than the view on
  every side, then flattened into ONE opaque image: a frame that has not moved copies it, a pan
  or zoom blits it moved or scaled (two blits, one of them transparent, cost 2-3x as much). An
  overview of the whole city fills what the moved image does not reach, so pans and zoom-outs do
  not render in the frame; the sharp images are rendered once the view is still (~25 ms p50,
  on the GUI thread). With every layer on (names, roads, tiles, markers, 46 warnings) a moving
  frame's p95 was 3.6 ms against 2.9 ms for the tuned baseline below (1.2x; before: 12.1 ms,
  4.4x), and the grids-only canvas's 3.7 ms against 4.2 ms for the one-path view (0.9x; before
  1.8x): main-thread CPU time, the machine being under a load of 12-14 (wall-clock p95 swung
  with it; run ``bench_map.py`` on a quiet machine). 5 of the 180 frames render, in the first pass.

=============================================================  ======  ======
frame = set the view, then ``QWidget.grab()`` (quiet machine)  p50 ms  p95 ms
=============================================================  ======  ======
this canvas (design a)                                           2.7     6.3
design b: 2,408 ``QGraphicsPolygonItem`` in the same canvas      2.6     8.4
baseline: all outlines as one ``QGraphicsPathItem``              1.7     3.5
the same path on a bare QWidget with a clip rect (tuned)         0.8     1.6
=============================================================  ======  ======

Map p95 / baseline p95 = 1.8 (1.8-1.9 over three runs; 3.9x the tuned baseline). p95 is
the whole city in view: fills (~2.5 ms) and 13,000 markers (~1.6 ms) on top of lines that cost
about what the baseline's do. Recolouring (``set_values`` 3.5 ms plus the next frame) takes
10.6 ms against 5.8 ms for a plain frame (1.8x); design b recolours in about the same time
(a ``setBrush`` per item) but its frames are ~30 % slower. Rejected after measuring:
``DeviceCoordinateCache`` (every zoom re-renders the cache: p95 1.6x worse), antialiased fills
(~15x slower), 2-3 pixel pens (~15x slower than 1-pixel lines). Other processes on the machine
inflate every number (under a load of 3 the map's p95 reached 15-25 ms, the ratio 2.1-2.5).
"""
