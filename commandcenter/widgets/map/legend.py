"""The map legend: class breaks of the coloured measure and the marker key."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
    QPolygonF,
)
from PySide6.QtWidgets import QWidget

from ...domain.enums import PRIORITY_ORDER
from ...shapes.map import DUTY_STATUSES
from .layers import class_colours, format_number
from .style import (
    CASE_COLOURS,
    CASE_OUTLINE,
    CASE_SYMBOL,
    LEGEND_TEXT_COLOUR,
    NO_DATA_COLOUR,
    OFFICER_COLOURS,
    OFFICER_OUTLINE,
    OFFICER_SYMBOL,
)


class MapLegend(QWidget):
    """Class breaks of the current measure and the marker key, over the map's lower-left corner.

    It is repainted with every map frame (it overlaps the view), so it paints from a pixmap
    rendered once per change of contents, font or pixel ratio.
    """

    PAD, SWATCH_W, SWATCH_H, GAP, SYMBOL = 8, 18, 12, 6, 9

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("gridMapLegend")
        # the map underneath still pans when the drag starts on the legend
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self._title = ""
        self._classes: list[tuple[QColor, str]] = []
        self._marker_rows: list[tuple[str, str, list[tuple[QColor, str]]]] = []
        self._cache: QPixmap | None = None

    def set_contents(
        self,
        title: str,
        classes: list[tuple[QColor, str]],
        marker_rows: list[tuple[str, str, list[tuple[QColor, str]]]],
    ) -> None:
        self._title, self._classes, self._marker_rows = title, classes, marker_rows
        self._cache = None
        self.resize(self.sizeHint())
        self.update()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.FontChange:
            self._cache = None
            self.resize(self.sizeHint())
        super().changeEvent(event)

    def _row_height(self) -> int:
        return max(self.fontMetrics().height(), self.SWATCH_H) + 3

    def _bold_font(self) -> QFont:
        font = self.font()
        font.setBold(True)
        return font

    def _label_width(self) -> int:
        fm = self.fontMetrics()
        return (
            max((fm.horizontalAdvance(label) for label, _, _ in self._marker_rows), default=0) + 6
        )

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        fm = self.fontMetrics()
        widths = (
            [QFontMetrics(self._bold_font()).horizontalAdvance(self._title)] if self._title else []
        )
        widths += [
            self.SWATCH_W + self.GAP + fm.horizontalAdvance(text) for _, text in self._classes
        ]
        for _label, _symbol, items in self._marker_rows:
            widths.append(
                self._label_width()
                + sum(self.SYMBOL + 4 + fm.horizontalAdvance(text) + 10 for _, text in items)
                - 10
            )
        rows = len(self._classes) + len(self._marker_rows) + (1 if self._title else 0)
        extra = 4 if self._marker_rows and self._classes else 0
        return QSize(
            max(widths, default=0) + 2 * self.PAD, rows * self._row_height() + 2 * self.PAD + extra
        )

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        ratio = self.devicePixelRatioF()
        size = self.size() * ratio
        if (
            self._cache is None
            or self._cache.size() != size
            or self._cache.devicePixelRatio() != ratio
        ):
            self._cache = QPixmap(size)
            self._cache.setDevicePixelRatio(ratio)
            self._cache.fill(Qt.GlobalColor.transparent)
            p = QPainter(self._cache)
            p.setFont(self.font())
            self._paint_contents(p)
            p.end()
        p = QPainter(self)
        p.drawPixmap(0, 0, self._cache)
        p.end()

    def _paint_contents(self, p: QPainter) -> None:
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(QColor(0, 0, 0, 70))
        p.setBrush(QColor(255, 255, 255, 238))
        p.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 4, 4)
        fm = self.fontMetrics()
        row_h = self._row_height()
        y = self.PAD
        text_pen = QColor(LEGEND_TEXT_COLOUR)
        if self._title:
            p.setFont(self._bold_font())
            p.setPen(text_pen)
            p.drawText(self.PAD, y + fm.ascent() + 1, self._title)
            p.setFont(self.font())
            y += row_h
        for colour, text in self._classes:
            p.setPen(QColor(0, 0, 0, 90))
            p.setBrush(colour)
            top = y + (row_h - self.SWATCH_H) / 2
            p.drawRect(QRectF(self.PAD + 0.5, top, self.SWATCH_W, self.SWATCH_H))
            p.setPen(text_pen)
            baseline = y + (row_h + fm.ascent() - fm.descent()) // 2
            p.drawText(self.PAD + self.SWATCH_W + self.GAP, baseline, text)
            y += row_h
        if self._marker_rows and self._classes:
            y += 4
        for label, symbol, items in self._marker_rows:
            baseline = y + (row_h + fm.ascent() - fm.descent()) // 2
            p.setPen(text_pen)
            p.drawText(self.PAD, baseline, label)
            x = self.PAD + self._label_width()
            for colour, text in items:
                self._draw_symbol(p, symbol, x + self.SYMBOL / 2, y + row_h / 2, colour)
                x += self.SYMBOL + 4
                p.setPen(text_pen)
                p.drawText(int(x), baseline, text)
                x += fm.horizontalAdvance(text) + 10
            y += row_h

    def _draw_symbol(self, p: QPainter, symbol: str, cx: float, cy: float, colour: QColor) -> None:
        r = self.SYMBOL / 2
        p.setBrush(colour)
        if symbol == OFFICER_SYMBOL:
            p.setPen(QPen(QColor(OFFICER_OUTLINE), 1))
            diamond = [
                QPointF(cx, cy - r - 1),
                QPointF(cx + r, cy),
                QPointF(cx, cy + r + 1),
                QPointF(cx - r, cy),
            ]
            p.drawPolygon(QPolygonF(diamond))
        else:
            p.setPen(QPen(QColor(CASE_OUTLINE), 1))
            p.drawEllipse(QPointF(cx, cy), r, r)


def class_rows(
    class_ranges: list[tuple[float, float]], no_data: str
) -> list[tuple[QColor, str]]:
    """One legend row per class, "low – high", then the "no data" row."""
    rows = []
    for colour, (low, high) in zip(class_colours(len(class_ranges)), class_ranges, strict=True):
        text = format_number(low) if low == high else f"{format_number(low)} – {format_number(high)}"
        rows.append((colour, text))
    rows.append((QColor(NO_DATA_COLOUR), no_data))
    return rows


def marker_rows(
    cases: str, officers: str, priority_names: dict[str, str], duty_names: dict[str, str]
) -> list[tuple[str, str, list[tuple[QColor, str]]]]:
    """The marker key: case colours by priority, officer colours by duty status."""
    return [
        (cases, CASE_SYMBOL, [(QColor(CASE_COLOURS[p]), priority_names[p]) for p in PRIORITY_ORDER]),
        (officers, OFFICER_SYMBOL, [(QColor(OFFICER_COLOURS[s]), duty_names[s]) for s in DUTY_STATUSES]),
    ]
