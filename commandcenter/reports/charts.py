"""Vector charts for the briefing, drawn with `reportlab.graphics` shapes.

Small purpose-built charts instead of the generic chart classes: every label is measured with
the embedded CJK font and shortened to fit, so long street names never overlap, and the same
numbers the tables print are what the bars show. Charts take plain numbers and strings; the
caller translates.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.graphics.shapes import Circle, Drawing, Line, Path, Polygon, PolyLine, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from .. import palette
from ..geometry.projection import LocalProjection

# the screens' palette as reportlab colours, so a PDF and the screen agree
INK = colors.HexColor(palette.INK)
MUTED = colors.HexColor(palette.MUTED_LIGHT)
GRID = colors.HexColor(palette.RULE)
BAR = colors.HexColor(palette.CHART_BAR)
BASELINE = colors.HexColor(palette.CHART_BASELINE)
HOT = colors.HexColor(palette.CHART_HOT)
RISING = colors.HexColor(palette.CHART_RISING)
# case counts per grid on the map, light to dark
SHADES = tuple(colors.HexColor(c) for c in palette.CHART_SHADES)


def fit(text: str, font: str, size: float, width: float) -> str:
    """`text` shortened with an ellipsis so it is at most `width` points wide."""
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…"


def nice_ticks(top: float, target: int = 5) -> list[float]:
    """Round tick values from 0 to at least `top` (1, 2, 5 × 10^n steps)."""
    if top <= 0:
        return [0.0, 1.0]
    raw = top / target
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)
    count = math.ceil(top / step - 1e-9)
    return [i * step for i in range(count + 1)]


def _tick_label(value: float) -> str:
    return f"{value:.0f}" if value == int(value) else f"{value:g}"


def hourly_chart(counts: Sequence[int], baseline: Sequence[float], labels: Sequence[str], width: float,
                 height: float, font: str, bar_legend: str, baseline_legend: str) -> Drawing:
    """Arrivals per hour as bars, the four-week mean of the same hours as a line."""
    d = Drawing(width, height)
    left, right, bottom, top = 28.0, 6.0, 16.0, 16.0
    plot_w, plot_h = width - left - right, height - bottom - top
    ticks = nice_ticks(max([*counts, *baseline, 1]))
    scale = plot_h / ticks[-1]
    for t in ticks:
        y = bottom + t * scale
        d.add(Line(left, y, left + plot_w, y, strokeColor=GRID, strokeWidth=0.4))
        d.add(String(left - 3, y - 2.5, _tick_label(t), fontName=font, fontSize=6.5, fillColor=MUTED,
                     textAnchor="end"))
    n = max(1, len(counts))
    slot = plot_w / n
    every = 1 if slot >= 14 else 2 if slot >= 7 else 3
    for i, value in enumerate(counts):
        x = left + i * slot
        if value:
            d.add(Rect(x + slot * 0.15, bottom, slot * 0.7, value * scale, fillColor=BAR, strokeColor=None))
        if i % every == 0:
            d.add(String(x + slot / 2, bottom - 9, labels[i], fontName=font, fontSize=6.5, fillColor=MUTED,
                         textAnchor="middle"))
    points: list[float] = []
    for i, value in enumerate(baseline):
        points += [left + (i + 0.5) * slot, bottom + value * scale]
    if points:
        d.add(PolyLine(points, strokeColor=BASELINE, strokeWidth=1.2))
        for i in range(0, len(points), 2):
            d.add(Circle(points[i], points[i + 1], 1.3, fillColor=BASELINE, strokeColor=None))
    d.add(Line(left, bottom, left + plot_w, bottom, strokeColor=INK, strokeWidth=0.6))
    # legend, top right
    x = width - right
    for text, colour, is_line in ((baseline_legend, BASELINE, True), (bar_legend, BAR, False)):
        w = stringWidth(text, font, 7)
        d.add(String(x - w, height - 9, text, fontName=font, fontSize=7, fillColor=INK))
        x -= w + 4
        if is_line:
            d.add(Line(x - 10, height - 6.5, x, height - 6.5, strokeColor=colour, strokeWidth=1.2))
        else:
            d.add(Rect(x - 8, height - 9.5, 8, 6, fillColor=colour, strokeColor=None))
        x -= 18
    return d


def bar_list(items: Sequence[tuple[str, int]], width: float, font: str, colour: colors.Color = BAR,
             row_height: float = 13.0, empty_text: str = "", top: int | None = None,
             muted_last: bool = False) -> Drawing:
    """Horizontal bars, one row per item, label on the left and the count at the bar's end.

    `top` fixes the count a full-length bar stands for (so two columns share a scale);
    `muted_last` greys the last bar (an "other" bucket).
    """
    rows = max(1, len(items))
    d = Drawing(width, rows * row_height + 4)
    if not items:
        d.add(String(0, 4, empty_text, fontName=font, fontSize=8, fillColor=MUTED))
        return d
    label_w = min(width * 0.5, max(stringWidth(label, font, 7.5) for label, _ in items) + 6)
    value_w = stringWidth(str(max(n for _, n in items)), font, 7.5) + 6
    bar_w = width - label_w - value_w
    top = top or max(n for _, n in items) or 1
    for i, (label, n) in enumerate(items):
        fill = MUTED if muted_last and i == len(items) - 1 else colour
        y = d.height - (i + 1) * row_height
        d.add(String(label_w - 5, y + 3.5, fit(label, font, 7.5, label_w - 6), fontName=font, fontSize=7.5,
                     fillColor=INK, textAnchor="end"))
        length = bar_w * n / top
        if n:
            d.add(Rect(label_w, y + 2, max(length, 0.8), row_height - 4, fillColor=fill, strokeColor=None))
        d.add(String(label_w + length + 3, y + 3.5, str(n), fontName=font, fontSize=7.5, fillColor=INK))
    return d


@dataclass(frozen=True)
class MapMarker:
    code: str
    label: str  # what is written on the cell: the rank
    colour: colors.Color


def hotspot_map(cells: Sequence[tuple[str, Sequence[tuple[float, float]], int]], markers: Sequence[MapMarker],
                width: float, height: float, font: str, legend: Sequence[str]) -> Drawing:
    """Grid cells shaded by case count, the hotspots outlined and numbered.

    `cells` are (code, exterior ring in lon/lat, count); they are drawn in the city's local
    projection, so the city keeps its shape. `legend` is the text for the shades (0, low …
    high) then the two marker kinds.
    """
    d = Drawing(width, height)
    legend_h = 14.0
    if not cells:
        return d
    lons = [lon for _, ring, _ in cells for lon, _ in ring]
    lats = [lat for _, ring, _ in cells for _, lat in ring]
    projection = LocalProjection(min(lons), (min(lats) + max(lats)) / 2)
    _, y0 = projection.to_xy(projection.lon0, min(lats))  # the south edge is the bottom
    x1, y1 = projection.to_xy(max(lons), max(lats))
    span_x, span_y = max(x1, 1e-9), max(y1 - y0, 1e-9)
    scale = min((width - 4) / span_x, (height - legend_h - 4) / span_y)
    ox = (width - span_x * scale) / 2
    oy = legend_h + (height - legend_h - span_y * scale) / 2

    def project(ring: Sequence[tuple[float, float]]) -> list[float]:
        pts: list[float] = []
        for lon, lat in ring:
            x, y = projection.to_xy(lon, lat)
            pts += [ox + x * scale, oy + (y - y0) * scale]
        return pts

    top = max((n for _, _, n in cells), default=0)
    classes = len(SHADES) - 1
    step = max(1, math.ceil(top / classes))
    bounds = [step * (i + 1) for i in range(classes - 1)] + [max(step * classes, top)]

    def shade(n: int) -> colors.Color:
        if n <= 0:
            return SHADES[0]
        return next((SHADES[i + 1] for i, b in enumerate(bounds) if n <= b), SHADES[-1])

    # one Path per shade holding all its cells as sub-paths: a city has thousands of cells, and
    # one shape each costs a graphics-state change per cell in the PDF and a node per cell here
    thin = 0.15 if len(cells) > 500 else 0.4
    marked = {m.code for m in markers}
    projected = {}
    by_shade: dict[int, Path] = {}
    for code, ring, n in cells:
        pts = project(ring)
        if code in marked:
            projected[code] = pts
        colour = shade(n)
        path = by_shade.get(id(colour))
        if path is None:
            path = by_shade[id(colour)] = Path(fillColor=colour, strokeColor=colors.white, strokeWidth=thin)
        path.moveTo(pts[0], pts[1])
        for i in range(2, len(pts), 2):
            path.lineTo(pts[i], pts[i + 1])
        path.closePath()
    for colour in SHADES:  # lightest first, so the busy cells' outlines stay on top
        if id(colour) in by_shade:
            d.add(by_shade[id(colour)])
    for marker in markers:
        pts = projected.get(marker.code)
        if pts is None:
            continue
        d.add(Polygon(pts, fillColor=None, strokeColor=marker.colour, strokeWidth=1.2))
        cx = sum(pts[0::2]) / (len(pts) / 2)
        cy = sum(pts[1::2]) / (len(pts) / 2)
        d.add(Circle(cx, cy, 5.2, fillColor=marker.colour, strokeColor=colors.white, strokeWidth=0.6))
        d.add(String(cx, cy - 2.4, marker.label, fontName=font, fontSize=6.5, fillColor=colors.white,
                     textAnchor="middle"))
    # legend along the bottom: the shades' ranges, then the two marker kinds
    x = 0.0
    labels = [legend[0]]
    for i, b in enumerate(bounds):
        lo = 1 if i == 0 else bounds[i - 1] + 1
        labels.append(f"{lo}–{b}" if lo < b else str(b))
    for colour, text in zip(SHADES, labels, strict=False):
        d.add(Rect(x, 2, 9, 7, fillColor=colour, strokeColor=GRID, strokeWidth=0.3))
        d.add(String(x + 11, 3, text, fontName=font, fontSize=6.5, fillColor=INK))
        x += 15 + stringWidth(text, font, 6.5)
    for colour, text in ((HOT, legend[1]), (RISING, legend[2])):
        x += 4
        d.add(Circle(x + 4, 5.5, 4, fillColor=colour, strokeColor=None))
        d.add(String(x + 11, 3, text, fontName=font, fontSize=6.5, fillColor=INK))
        x += 15 + stringWidth(text, font, 6.5)
    return d
