"""The widgets' style: palette colours as Qt objects, fonts and the small stylesheets screens share.

Every screen and dialog takes its colours from here (built on the Qt-free
`commandcenter.palette`), so a colour is changed in one place and the wall, the detail panel,
the dialogs and the map stay in agreement.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel

from .. import palette
from ..palette import (  # noqa: F401  re-exported: screens import colours from one module
    ACCENT,
    CAUTION,
    DUE_CELL_COLOURS,
    DUE_COLOURS,
    DUTY_TEXT_COLOURS,
    ENTRY_BACKGROUND,
    ERROR,
    INK,
    KEYCAP_EDGE,
    MAP_HIGHLIGHT,
    MUTED,
    MUTED_LIGHT,
    NEW_TINT,
    NOTICE_BACKGROUND,
    NOTICE_INK,
    OK,
    ON_DUTY_GREEN,
    PANEL,
    PICK_BANNER_BACKGROUND,
    PICK_BANNER_EDGE,
    PRIORITY_COLOURS,
    PRIORITY_MARKER_COLOURS,
    PRIORITY_TINTS,
    RULE,
    SECTION_INK,
    SECTION_RULE,
    STAR,
    STATUS_BADGE,
    WARNING,
)
from .icons import ICONS, icon

# one-line message styles under form fields and in status rows
ERROR_STYLE = f"color: {palette.ERROR}; font-weight: bold;"
HINT_STYLE = f"color: {palette.MUTED};"
OK_STYLE = f"color: {palette.OK};"
ERROR_TEXT_STYLE = f"color: {palette.ERROR};"
WARNING_STYLE = f"color: {palette.WARNING}; font-weight: bold;"


@cache
def qcolor(hex_colour: str) -> QColor:
    """The QColor of a palette entry; shared, so treat it as read-only."""
    return QColor(hex_colour)


def priority_colour(priority: str) -> str:
    """The text/badge colour of a priority, muted for an unknown one."""
    return PRIORITY_COLOURS.get(priority, palette.MUTED)


def text_style(colour: str, bold: bool = False) -> str:
    """A label stylesheet: coloured text, optionally bold."""
    return f"color: {colour}; font-weight: bold;" if bold else f"color: {colour};"


def badge_style(colour: str) -> str:
    """A filled, rounded badge: white bold text on the colour (priority, status)."""
    return (f"QLabel {{ background: {colour}; color: white; font-weight: bold; border-radius: 3px;"
            " padding: 2px 8px; }")


def bold_font(base: QFont | None = None) -> QFont:
    """A bold copy of `base` (the application font when none)."""
    font = QFont(base) if base is not None else QFont()
    font.setBold(True)
    return font


def dialog_header(icon_name: str, title_object_name: str) -> tuple[QHBoxLayout, QLabel]:
    """The header every action dialog opens with: the action's icon and a large bold title."""
    header = QHBoxLayout()
    if icon_name in ICONS:
        pic = QLabel()
        pic.setPixmap(icon(icon_name).pixmap(28, 28))
        header.addWidget(pic)
    title = QLabel()
    title.setObjectName(title_object_name)
    font = title.font()
    font.setPointSizeF(font.pointSizeF() * 1.3)
    font.setBold(True)
    title.setFont(font)
    header.addWidget(title, 1)
    return header, title
