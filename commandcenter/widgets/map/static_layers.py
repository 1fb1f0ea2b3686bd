"""The layers that change only with the data or the view, drawn through cached images.

Drawing the basemap tiles, ~100 fill paths, roads, names and 13,000 markers costs tens of
milliseconds a frame at city scale, yet they change only when the data, the style or the view
does. :class:`StaticLayersItem` renders its layers once into an image covering the view and a
margin of :data:`MARGIN` around it, and blits that; the canvas has two (the ground under the
overlays, and the names with the markers above them), the rest stay live items.

While the operator pans or zooms, the last image is drawn moved and scaled to the new view
(a blit, a few milliseconds), and the sharp image is rendered once the view has been still for
:data:`SETTLE_MS`. A view far from the last image (over 4x zoom, or less than a quarter of the
view covered by it) and any change of content (a recolour, a layer switched, new markers or
roads) are rendered at once, so the screen never shows stale colours. The render runs on the
GUI thread (tiles come from a source and names from pixmaps that belong to it).
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QRectF, QSize, QTimer
from PySide6.QtGui import QColor, QImage, QPainter, QTransform
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

SETTLE_MS = 120  # the view still this long: render the sharp image
MAX_PREVIEW_ZOOM = 4.0  # a preview scales the last image by at most this factor either way
MIN_PREVIEW_COVER = 0.25  # ... and only while it still covers this share of the viewport
MARGIN = 0.25  # the image reaches this share of the viewport past each edge: a pan shows no gap


class StaticLayersItem(pg.GraphicsObject):
    """Paints its ``layers`` (hidden items of the same ViewBox) through one cached image."""

    def __init__(self, layers: list[QGraphicsItem], viewport: QWidget, background: QColor | None = None,
                 after_first_frame: bool = False) -> None:
        """``background``: fill the image with it and draw it opaque (a faster blit), for the bottom layers.

        ``after_first_frame``: the first image waits for the frame after the first one, so the
        map's outlines show before the names (rendering their sprites takes longest) and markers.
        """
        super().__init__()
        self._layers = layers
        self._background = background
        self._wait_first = after_first_frame
        self._shown = dict.fromkeys(map(id, layers), True)
        self._viewport = viewport  # the image covers it, and a margin around
        self._image: QImage | None = None
        self._image_transform = QTransform()  # view to image pixels (logical)
        self._view_transform = QTransform()  # view to viewport when the image was rendered
        self._size = QSize()  # the viewport's size then
        self._preview_transform = QTransform()  # the view of the last preview frame
        self._dirty = True  # content changed: the next paint renders
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self._settled)
        self._refresh = False  # new content waits for the view to be still (refresh_later)
        self._render_now = False
        self.renders = 0  # sharp images rendered, for tests and the benchmark
        self.previews = 0  # frames that drew a moved or scaled earlier image
        for layer in layers:
            layer.setVisible(False)  # painted here, never by the scene itself

    @property
    def layers(self) -> list[QGraphicsItem]:
        return self._layers

    def set_shown(self, layer: QGraphicsItem, shown: bool) -> None:
        if self._shown[id(layer)] != shown:
            self._shown[id(layer)] = shown
            self.invalidate()

    def is_shown(self, layer: QGraphicsItem) -> bool:
        return self._shown[id(layer)]

    def invalidate(self) -> None:
        """The layers' content changed: the next frame renders a new image."""
        self._dirty = True
        self.update()

    def refresh_later(self) -> None:
        """Something arrived (a tile): render anew once the view is still, keeping the image meanwhile."""
        if self._image is None:
            self.invalidate()
        else:
            self._refresh = True
            self._settle.start()

    @property
    def settled(self) -> bool:
        """True when the image on screen was rendered for the view shown (no preview pending)."""
        return not self._dirty and not self._settle.isActive()

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt override
        # everywhere the view may go: the image covers the viewport, wherever that is
        return QRectF(-1e9, -1e9, 2e9, 2e9)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        t = painter.transform()
        image = self._image
        if image is None and self._wait_first:
            self._wait_first = False
            QTimer.singleShot(0, self, self.update)
            return
        fresh = image is not None and self._size == self._viewport.size() and t == self._view_transform
        if fresh and not self._dirty:
            self._render_now = False
        elif not self._dirty and not self._render_now and self._previewable(t):
            self.previews += 1
            if t != self._preview_transform or not self._settle.isActive():  # the view moved on
                self._preview_transform = QTransform(t)
                self._settle.start()
        else:
            image = self._render(t)
        assert image is not None
        painter.save()
        painter.setTransform(self._image_transform.inverted()[0] * t)  # a plain blit when fresh
        painter.drawImage(0, 0, image)
        painter.restore()

    def _previewable(self, t: QTransform) -> bool:
        if self._image is None or self._size != self._viewport.size():
            return False
        scale = abs(t.m11() / self._view_transform.m11()) if self._view_transform.m11() else 0.0
        if not 1 / MAX_PREVIEW_ZOOM <= scale <= MAX_PREVIEW_ZOOM:
            return False
        view = QRectF(self._viewport.rect())
        ratio = self._image.devicePixelRatio()
        whole = QRectF(0, 0, self._image.width() / ratio, self._image.height() / ratio)
        cover = (self._image_transform.inverted()[0] * t).mapRect(whole).intersected(view)
        return cover.width() * cover.height() >= MIN_PREVIEW_COVER * view.width() * view.height()

    def _settled(self) -> None:
        if self._refresh:
            self.invalidate()
        self.render_at_next_frame()

    def render_at_next_frame(self) -> None:
        """Render the sharp image at the next frame if the one shown is a preview."""
        self._render_now = True
        self.update()

    def _render(self, t: QTransform) -> QImage:
        """Paint the shown layers, in z order, for the device transform ``t`` into a new image."""
        ratio = self._viewport.devicePixelRatioF()
        size = self._viewport.size()
        mx, my = round(MARGIN * size.width()), round(MARGIN * size.height())
        t_image = t * QTransform.fromTranslate(mx, my)
        self._dirty = self._render_now = self._refresh = False  # a layer may ask again while painting (tiles left)
        self._settle.stop()
        opaque = self._background is not None
        image = QImage((size + QSize(2 * mx, 2 * my)) * ratio,
                       QImage.Format.Format_RGB32 if opaque else QImage.Format.Format_ARGB32_Premultiplied)
        image.setDevicePixelRatio(ratio)
        if self._background is not None:
            image.fill(self._background)
        else:
            image.fill(0)
        whole = QRectF(0, 0, size.width() + 2 * mx, size.height() + 2 * my)
        painter = QPainter(image)
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
        painter.end()
        self._image, self._image_transform = image, t_image
        self._view_transform, self._size = QTransform(t), size
        self.renders += 1
        return image
