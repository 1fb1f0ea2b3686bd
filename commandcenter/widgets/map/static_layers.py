"""The layers that change only with the data or the view, drawn through cached images.

Drawing the basemap tiles, ~100 fill paths, roads, names and 13,000 markers costs tens of
milliseconds a frame at city scale, yet they change only when the data, the style or the view
does. :class:`CachedLayersItem` renders them once for a view into images covering the view and
a margin of :data:`MARGIN` around it, in two groups (:class:`LayerGroup`): the ground (basemap
to boundaries, opaque) and the top (names and markers, transparent), so a recolour does not
redraw the names nor new markers the fills. The two are flattened into one opaque image, and a
frame draws that one image: a plain copy when the view has not moved.

While the operator pans or zooms, that image is drawn moved and scaled to the new view (one
blit), and the sharp images are rendered once the view has been still for :data:`SETTLE_MS`.
Where the moved image does not reach, an overview of the whole city (rendered once per change
of content, fitted as the home view) fills in: by itself around the home view, else its ground
only (names and markers scaled up would be large and blurred). A zoom in of more than
:data:`MAX_PREVIEW_ZOOM`, a jump the image and overview cannot show well (see
:meth:`CachedLayersItem._previewable`), and any change of content (a recolour, a layer
switched, new markers or roads) are rendered at once, so the screen never shows stale colours.
A frame's cost is then one or two blits, whatever the number of features.

Live items between the two groups (the highlighted grid, the map screen's area outline) stay
in the scene; :class:`TopOverOverlaysItem` draws the top image again over them where they are,
so names and markers stay on top without a second blit of the whole view. A screen's layer
that changes seldom (the early warnings) joins the ground instead (``MapCanvas.add_overlay``).
The render runs on the GUI thread (tiles come from a source and names from pixmaps that belong
to it).
"""

from __future__ import annotations

import math
from collections.abc import Callable

import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, QSize, QTimer
from PySide6.QtGui import QColor, QImage, QPainter, QRegion, QTransform
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

SETTLE_MS = 120  # the view still this long: render the sharp image
MAX_PREVIEW_ZOOM = 4.0  # a preview magnifies the last image by at most this factor
MAX_OVERVIEW_ZOOM = 6.0  # ... and the overview by at most this (coarser, it is not drawn)
MIN_PREVIEW_COVER = 0.25  # a preview covering less of the view than this needs the overview
MARGIN = 0.25  # the image reaches this share of the viewport past each edge: a pan shows no gap
OVERVIEW_ALONE_ZOOM = 1.5  # the overview magnified at most this much shows the view by itself
OVERVIEW_PADDING = 1.02  # the overview fits the extent as the home view does (zoom_to_all)
_EXACT = 1e-9  # a scale this close to 1 is drawn as a plain copy (Qt's fast path)


def _snapped(t: QTransform) -> QTransform:
    """``t`` with a scale within rounding of 1 made exactly 1: a moved image is then a copy."""
    if (abs(t.m11() - 1) < _EXACT and abs(t.m22() - 1) < _EXACT
            and abs(t.m12()) < _EXACT and abs(t.m21()) < _EXACT):
        return QTransform.fromTranslate(t.dx(), t.dy())
    return t


class LayerGroup:
    """Some of the map's layers (hidden items of the same ViewBox), rendered together into one image."""

    def __init__(self, owner: CachedLayersItem, layers: list[QGraphicsItem], opaque: bool,
                 after_first_frame: bool) -> None:
        self._owner = owner
        self._layers = layers
        self.opaque = opaque
        self.waits_first_frame = after_first_frame
        self._shown = dict.fromkeys(map(id, layers), True)
        self.dirty = True  # content changed: the next frame renders this group
        self.image: QImage | None = None
        self.image_transform = QTransform()  # view to image pixels (logical) when rendered
        self.renders = 0  # sharp images rendered, for tests and the benchmark
        for layer in layers:
            layer.setVisible(False)  # painted here, never by the scene itself

    @property
    def layers(self) -> list[QGraphicsItem]:
        return self._layers

    @property
    def previews(self) -> int:
        """Frames that drew a moved or scaled earlier image (the groups share one)."""
        return self._owner.previews

    @property
    def settled(self) -> bool:
        """True when the image on screen was rendered for the view shown (no preview pending)."""
        return not self.dirty and self._owner.settled

    def add_layer(self, layer: QGraphicsItem) -> None:
        """Paint one more item of the ViewBox in this group (at its z value), from the next frame."""
        layer.setVisible(False)
        self._layers.append(layer)
        self._shown[id(layer)] = True
        self.invalidate()

    def set_shown(self, layer: QGraphicsItem, shown: bool) -> None:
        if self._shown[id(layer)] != shown:
            self._shown[id(layer)] = shown
            self.invalidate()

    def is_shown(self, layer: QGraphicsItem) -> bool:
        return self._shown[id(layer)]

    def invalidate(self) -> None:
        """The layers' content changed: the next frame renders a new image."""
        self.dirty = True
        self._owner.content_changed()

    def refresh_later(self) -> None:
        """Something arrived (a tile): render anew once the view is still, keeping the image meanwhile."""
        self._owner.refresh_later(self)

    def render_at_next_frame(self) -> None:
        self._owner.render_at_next_frame()

    def paint_layers(self, painter: QPainter, t_image: QTransform, whole: QRectF) -> None:
        """Paint the shown layers, in z order, for the view-to-image transform ``t_image``."""
        for layer in sorted(self._layers, key=lambda item: item.zValue()):
            if not self._shown[id(layer)]:
                continue
            item_t = layer.transform() * t_image
            option = QStyleOptionGraphicsItem()
            option.exposedRect = item_t.inverted()[0].mapRect(whole)  # type: ignore[attr-defined]
            painter.save()
            painter.setTransform(item_t)
            layer.paint(painter, option, None)  # no widget: the labels lay out over the whole image
            painter.restore()

    def render(self, t_image: QTransform, size: QSize, ratio: float) -> None:
        """Render the image for ``t_image``; ``size`` in logical pixels."""
        self.dirty = False  # a layer may ask again while painting (tiles left)
        image = QImage(size * ratio, QImage.Format.Format_RGB32 if self.opaque
                       else QImage.Format.Format_ARGB32_Premultiplied)
        image.setDevicePixelRatio(ratio)
        image.fill(self._owner.background if self.opaque else QColor(0, 0, 0, 0))
        painter = QPainter(image)
        self.paint_layers(painter, t_image, QRectF(0, 0, size.width(), size.height()))
        painter.end()
        self.image, self.image_transform = image, QTransform(t_image)
        self.renders += 1


class CachedLayersItem(pg.GraphicsObject):
    """Paints its layer groups through one cached image (see the module docstring).

    :attr:`previews` and :attr:`overviews` count preview frames and overview renders (each
    group counts its own renders), for tests and the benchmark.
    """

    def __init__(self, viewport: QWidget, background: QColor, extent: Callable[[], QRectF]) -> None:
        """``extent``: the area the overview covers (the city), in view coordinates."""
        super().__init__()
        self.background = background
        self._viewport = viewport  # the image covers it, and a margin around
        self._extent = extent
        self.groups: list[LayerGroup] = []
        self._image: QImage | None = None  # every group flattened, opaque
        self._image_transform = QTransform()  # view to image pixels (logical)
        self._view_transform = QTransform()  # view to viewport when the image was rendered
        self._size = QSize()  # the viewport's size then
        self._overview: QImage | None = None  # every group, for the whole extent
        self._overview_ground: QImage | None = None  # the bottom group only
        self._overview_transform = QTransform()
        self._overview_stale = True
        self._frame = QTransform()  # image to viewport pixels in the frame being painted
        self.top_in_frame = False  # whether that frame draws the image (not the overview alone)
        self._preview_transform = QTransform()  # the view of the last preview frame
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self._settled)
        self._refresh: set[int] = set()  # groups with new content waiting for the view to be still
        self._render_now = False
        self.previews = 0  # frames that drew a moved or scaled earlier image
        self.overviews = 0  # overviews rendered

    def add_group(self, layers: list[QGraphicsItem], opaque: bool = False,
                  after_first_frame: bool = False) -> LayerGroup:
        """Layers drawn together, above the groups added before.

        ``opaque``: the bottom group, filled with the background. ``after_first_frame``: its first
        image waits for the frame after the first one, so the map's outlines show before the
        names (rendering their sprites takes longest) and markers.
        """
        group = LayerGroup(self, layers, opaque, after_first_frame)
        self.groups.append(group)
        return group

    @property
    def image(self) -> QImage | None:
        return self._image

    @property
    def image_transform(self) -> QTransform:
        """View to image pixels (logical) of :attr:`image`."""
        return self._image_transform

    @property
    def frame_transform(self) -> QTransform:
        """Image pixels to viewport pixels in the frame being painted."""
        return self._frame

    def content_changed(self) -> None:
        self._overview_stale = True
        self.update()

    def refresh_later(self, group: LayerGroup) -> None:
        if group.image is None:
            group.invalidate()
        else:
            self._refresh.add(id(group))
            self._settle.start()

    @property
    def settled(self) -> bool:
        return not self._settle.isActive() and not self._render_now and self._image is not None

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt override
        # everywhere the view may go: the image covers the viewport, wherever that is
        return QRectF(-1e9, -1e9, 2e9, 2e9)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        t = painter.transform()
        deferred = [g for g in self.groups if g.waits_first_frame]
        if deferred:
            for group in deferred:
                group.waits_first_frame = False
            QTimer.singleShot(0, self, self.update)
        dirty = any(g.dirty for g in self.groups if g not in deferred)
        fresh = self._image is not None and self._size == self._viewport.size() and t == self._view_transform
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
        alone = False
        if fresh and not dirty:
            self._render_now = False
        elif not dirty and not self._render_now and self._previewable(t):
            self.previews += 1
            if t != self._preview_transform or not self._settle.isActive():  # the view moved on
                self._preview_transform = QTransform(t)
                self._settle.start()
            alone = self._draw_overview(painter, t)
        else:
            self._render(t, deferred)
        assert self._image is not None
        self._frame = _snapped(self._image_transform.inverted()[0] * t)
        self.top_in_frame = not alone
        if not alone:
            painter.setTransform(self._frame)  # a plain copy when fresh
            painter.drawImage(0, 0, self._image)
        painter.restore()

    def _cover(self, t: QTransform) -> float:
        """The share of the viewport the last image covers in view ``t``."""
        assert self._image is not None
        view = QRectF(self._viewport.rect())
        cover = (self._image_transform.inverted()[0] * t).mapRect(self._logical(self._image)).intersected(view)
        return cover.width() * cover.height() / max(1.0, view.width() * view.height())

    @staticmethod
    def _logical(image: QImage) -> QRectF:
        ratio = image.devicePixelRatio()
        return QRectF(0, 0, image.width() / ratio, image.height() / ratio)

    def _previewable(self, t: QTransform) -> bool:
        """Whether view ``t`` may show the last image moved or scaled, over the overview.

        Not when it would magnify the image more than :data:`MAX_PREVIEW_ZOOM`, nor when the
        image covers little of the view and the overview would be magnified more than
        :data:`MAX_OVERVIEW_ZOOM` (a jump at street zoom: render it sharp at once), nor when it
        covers nothing (a jump, e.g. to a selected case) and the overview alone cannot stand in.
        """
        if self._image is None or self._size != self._viewport.size() or not self._view_transform.m11():
            return False
        if abs(t.m11() / self._view_transform.m11()) > MAX_PREVIEW_ZOOM:
            return False
        share = self._cover(t)
        if share >= MIN_PREVIEW_COVER:
            return True
        self._ensure_overview(t)
        if self._overview is None:
            return False
        zoom = abs(t.m11() / self._overview_transform.m11())
        return zoom <= (MAX_OVERVIEW_ZOOM if share > 0 else OVERVIEW_ALONE_ZOOM)

    def _draw_overview(self, painter: QPainter, t: QTransform) -> bool:
        """Draw the overview where the last image does not reach; True if it alone serves the view.

        The whole overview alone when it is about as sharp as the screen (zoomed out, around
        the home view): one blit instead of two. Magnified more, only its ground fills the
        edges (names and markers scaled up would be large and blurred), and not at all past
        :data:`MAX_OVERVIEW_ZOOM`.
        """
        share = self._cover(t)
        if share >= 1.0 - 1e-9:
            return False
        self._ensure_overview(t)
        if self._overview is None or self._overview_ground is None:
            return False
        zoom = abs(t.m11() / self._overview_transform.m11())
        if zoom > MAX_OVERVIEW_ZOOM:
            return False
        to_view = _snapped(self._overview_transform.inverted()[0] * t)
        if zoom <= OVERVIEW_ALONE_ZOOM:
            painter.setTransform(to_view)
            painter.drawImage(0, 0, self._overview)
            return True
        # only the bands around the image (it is drawn next): each pixel is drawn once
        view = QRectF(self._viewport.rect())
        image = (self._image_transform.inverted()[0] * t).mapRect(self._logical(self._image))
        inner = QRectF(QPointF(math.ceil(image.left()), math.ceil(image.top())),
                       QPointF(math.floor(image.right()), math.floor(image.bottom()))).intersected(view)
        bands = (QRectF(view.left(), view.top(), view.width(), inner.top() - view.top()),
                 QRectF(view.left(), inner.bottom(), view.width(), view.bottom() - inner.bottom()),
                 QRectF(view.left(), inner.top(), inner.left() - view.left(), inner.height()),
                 QRectF(inner.right(), inner.top(), view.right() - inner.right(), inner.height()))
        to_image = to_view.inverted()[0] * QTransform.fromScale(self._overview.devicePixelRatio(),
                                                                 self._overview.devicePixelRatio())
        painter.setTransform(QTransform())
        for band in bands:
            if band.width() > 0 and band.height() > 0:
                painter.drawImage(band, self._overview_ground, to_image.mapRect(band))
        return False

    def _ensure_overview(self, t: QTransform) -> None:
        """Render every group for the whole :attr:`extent` once per change of content."""
        size = self._image_size()
        if not self._overview_stale and self._overview is not None and self._overview.size() == size:
            return
        self._overview_stale = False
        extent = self._extent()
        if extent.isEmpty():
            self._overview = self._overview_ground = None
            return
        w, h = size.width(), size.height()  # logical pixels even on a high-DPI screen: it is a stand-in
        # the whole extent fits the viewport (the home view, where it is drawn 1:1); the margin
        # around serves pans there as the sharp image's does
        view = self._viewport.size()
        scale = min(view.width() / extent.width(), view.height() / extent.height()) / OVERVIEW_PADDING
        sx = scale if t.m11() >= 0 else -scale  # the view's orientation (north up)
        sy = scale if t.m22() >= 0 else -scale
        centre = extent.center()
        t_over = QTransform(sx, 0, 0, sy, w / 2 - sx * centre.x(), h / 2 - sy * centre.y())
        whole = QRectF(0, 0, w, h)
        ground = QImage(size, QImage.Format.Format_RGB32)
        ground.fill(self.background)
        painter = QPainter(ground)
        self.groups[0].paint_layers(painter, t_over, whole)
        painter.end()
        image = ground.copy()
        painter = QPainter(image)
        for group in self.groups[1:]:
            group.paint_layers(painter, t_over, whole)
        painter.end()
        self._overview, self._overview_ground, self._overview_transform = image, ground, t_over
        self.overviews += 1

    def _image_size(self) -> QSize:
        """The size of an image covering the viewport and its margins, in logical pixels."""
        size = self._viewport.size()
        return size + QSize(2 * round(MARGIN * size.width()), 2 * round(MARGIN * size.height()))

    def _settled(self) -> None:
        for group in self.groups:
            if id(group) in self._refresh:
                group.invalidate()
        self._refresh.clear()
        self.render_at_next_frame()

    def render_at_next_frame(self) -> None:
        """Render the sharp image at the next frame if the one shown is a preview."""
        self._render_now = True
        self.update()

    def _render(self, t: QTransform, deferred: list[LayerGroup]) -> None:
        """Render the groups that changed, or all for a new view ``t``, and flatten them."""
        ratio = self._viewport.devicePixelRatioF()
        size = self._viewport.size()
        mx, my = round(MARGIN * size.width()), round(MARGIN * size.height())
        t_image = t * QTransform.fromTranslate(mx, my)
        whole = size + QSize(2 * mx, 2 * my)
        self._render_now = False
        self._refresh.clear()
        self._settle.stop()
        for group in self.groups:
            if group in deferred:
                continue
            current = group.image is not None and group.image_transform == t_image and group.image.size() == whole * ratio
            if group.dirty or not current:
                group.render(t_image, whole, ratio)
        shown = [g.image for g in self.groups if g.image is not None and g.image_transform == t_image]
        bottom = self.groups[0]
        if shown and shown[0] is bottom.image and bottom.opaque:
            image = shown.pop(0).copy()  # opaque: a copy, no fill and blend
        else:
            image = QImage(whole * ratio, QImage.Format.Format_RGB32)
            image.fill(self.background)
        image.setDevicePixelRatio(ratio)
        painter = QPainter(image)
        for layer_image in shown:
            painter.drawImage(0, 0, layer_image)
        painter.end()
        self._image, self._image_transform = image, t_image
        self._view_transform, self._size = QTransform(t), size


class TopOverOverlaysItem(pg.GraphicsObject):
    """The top group's image drawn again over the live items under it, only where they are.

    Those items (z between the cached item and this one: the highlighted grid, the screen's
    area outline and warnings) paint over the flattened image; names and markers must stay
    above them. Outside their bounds the flattened image already shows the top group.
    """

    PAD_PX = 4  # a cosmetic pen reaches this far past an item's bounds

    def __init__(self, cache: CachedLayersItem, top: LayerGroup) -> None:
        super().__init__()
        self._cache = cache
        self._top = top

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt override
        return QRectF(-1e9, -1e9, 2e9, 2e9)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        image, cache = self._top.image, self._cache
        parent = self.parentItem()
        if image is None or cache.image is None or parent is None or not cache.top_in_frame:
            return  # (a preview of the overview alone: names are in its pixels)
        if self._top.image_transform != cache.image_transform:
            return  # not in the flattened image either (its first frame waits)
        low, high = cache.zValue(), self.zValue()
        t = painter.transform()
        region = QRegion()
        for item in parent.childItems():
            if item is self or not item.isVisible() or not low < item.zValue() < high:
                continue
            rect = item.mapRectToParent(item.boundingRect())
            if rect.isEmpty():
                continue
            pad = self.PAD_PX
            region = region.united(t.mapRect(rect).toAlignedRect().adjusted(-pad, -pad, pad, pad))
        if widget is not None:
            region = region.intersected(QRegion(widget.rect()))
        if region.isEmpty():
            return
        painter.save()
        painter.setTransform(QTransform())
        painter.setClipRegion(region)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
        painter.setTransform(cache.frame_transform)
        painter.drawImage(0, 0, image)
        painter.restore()
