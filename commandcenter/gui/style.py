"""The widgets' style: palette colours as Qt objects, fonts, the small stylesheets screens share,
and the two themes (a light one for the desk, a dark one for the control room).

Every screen and dialog takes its colours from here (built on the Qt-free
`commandcenter.palette`), so a colour is changed in one place and the wall, the detail panel,
the dialogs and the map stay in agreement. The wall's row colours (priority text, the overdue
and escalation bands) are the theme's: each pair was chosen for a WCAG contrast of at least
4.5:1 on its band, and tests/test_themes.py measures it on grabbed pixels of real rows.
Switching the theme or the font size at run time goes through `apply_theme` / `apply_font_scale`,
which tell the item models through `notifier.changed` (widgets get Qt's own palette and font
change events).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import qtawesome as qta
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QColor, QFont, QGuiApplication, QIcon, QPalette
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel

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
from .icons import ICONS, icon, set_neutral_colour


# one-line message styles under form fields and in status rows, in the current theme's shades
# (functions, not constants: a dialog opened after a switch to dark must not get the light ink)
def error_style() -> str:
    return f"color: {shade(palette.ERROR)}; font-weight: bold;"


def hint_style() -> str:
    return f"color: {shade(palette.MUTED)};"


def ok_style() -> str:
    return f"color: {shade(palette.OK)};"


def error_text_style() -> str:
    return f"color: {shade(palette.ERROR)};"


def warning_style() -> str:
    return f"color: {shade(palette.WARNING)}; font-weight: bold;"


@cache
def qcolor(hex_colour: str) -> QColor:
    """The QColor of a palette entry; shared, so treat it as read-only."""
    return QColor(hex_colour)


def priority_colour(priority: str) -> str:
    """The text/badge colour of a priority, muted for an unknown one."""
    return PRIORITY_COLOURS.get(priority, palette.MUTED)


def text_style(colour: str, bold: bool = False) -> str:
    """A label stylesheet: coloured text (a palette colour, in the theme's shade), optionally bold."""
    colour = shade(colour)
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


# ---- themes ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Theme:
    """One theme: Qt palette colours, and the wall's row colours (hex strings)."""

    key: str  # "light" or "dark": the settings value
    window: str
    base: str
    alternate: str
    text: str
    muted: str
    button: str
    highlight: str
    highlight_text: str
    panel: str  # navigation and header backgrounds
    rule: str
    # priority as text on the wall (urgent, high, normal, low)
    priority_text: tuple[tuple[str, str], ...]
    band_overdue: str  # the whole row of an overdue case
    band_escalated: str  # the whole row of a case under reminder (催办) or supervision (督办)
    band_urgent: str
    band_high: str
    band_new: str  # a row that has just arrived
    overdue_text: str  # the countdown of an overdue case, on its band
    due_soon_text: str
    escalated_text: str  # the escalation level in the status cell, on its band
    alert_background: str  # the urgent banner (white-on text)
    clock_text: str
    icon_ink: str  # neutral icons (navigation, toolbar)
    # the screens' palette colours (commandcenter.palette, chosen for white) -> this theme's shade
    shades: tuple[tuple[str, str], ...] = ()

    def priority_colour(self, priority: str) -> str:
        return dict(self.priority_text).get(priority, self.muted)

    def shade(self, colour: str) -> str:
        return _shade_maps(self)[0].get(colour.lower(), colour)


LIGHT = Theme(
    key="light", window="#f4f6f8", base="#ffffff", alternate="#f7f9fa", text="#1b1f24", muted="#555f69",
    button="#eceff1", highlight="#1565c0", highlight_text="#ffffff", panel="#e3e8ec", rule="#cfd8dc",
    priority_text=(("urgent", "#b3121a"), ("high", "#8a4700"), ("normal", "#0d47a1"), ("low", "#4a535c")),
    band_overdue="#f9d4d4", band_escalated="#e8def8", band_urgent="#fdecea", band_high="#fff3e0",
    band_new="#e3f2fd", overdue_text="#9b0d14", due_soon_text="#7a4000", escalated_text="#4a148c",
    alert_background="#b3121a", clock_text="#0d47a1", icon_ink="#37474f",
)
DARK = Theme(
    key="dark", window="#161a1f", base="#0f1317", alternate="#151a20", text="#e6e9ed", muted="#a3adb8",
    button="#232a32", highlight="#2d6cb0", highlight_text="#ffffff", panel="#1d232a", rule="#37414c",
    priority_text=(("urgent", "#ff8a80"), ("high", "#ffb74d"), ("normal", "#8ab4f8"), ("low", "#b0bac4")),
    band_overdue="#4c1518", band_escalated="#2f2450", band_urgent="#2e1517", band_high="#2e2310",
    band_new="#12324f", overdue_text="#ffa8a0", due_soon_text="#ffd08a", escalated_text="#d7c4ff",
    alert_background="#a3101a", clock_text="#8ab4f8", icon_ink="#c5ced6",
    # each text shade is at least 4.5:1 on the dark base, window and panel (tests/test_dark_screens.py)
    shades=tuple((light.lower(), dark) for light, dark in (
        (palette.MUTED, "#a3adb8"), (palette.MUTED_LIGHT, "#9aa6b2"), (palette.INK, "#e6e9ed"),
        (palette.PANEL, "#1d232a"), (palette.RULE, "#37414c"), (palette.SECTION_RULE, "#4b5763"),
        (palette.ERROR, "#ff8a80"), (palette.OK, "#81c995"), (palette.WARNING, "#ffd08a"),
        (palette.CAUTION, "#ffb74d"), (palette.SECTION_INK, "#c5ced6"), (palette.ENTRY_BACKGROUND, "#1b2128"),
        (palette.KEYCAP_EDGE, "#5f6b77"), (palette.NOTICE_BACKGROUND, "#3a2a10"), (palette.NOTICE_INK, "#ffd9a0"),
        (palette.PICK_BANNER_BACKGROUND, "#3a3214"), (palette.PICK_BANNER_EDGE, "#8a7a30"),
        (palette.ON_DUTY_GREEN, "#7ee2a0"), (palette.STATUS_BADGE, "#546e7a"),
        (palette.PRIORITY_COLOURS["low"], "#b0bac4"),
        (palette.DUTY_TEXT_COLOURS["in_field"], "#d7a8f0"), (palette.DUTY_TEXT_COLOURS["off_duty"], "#aab3bc"),
        (palette.DUTY_TEXT_COLOURS["on_leave"], "#8a949e"),
        (palette.MAP_BACKGROUND, "#1b2027"),  # the ground around the city (read when a map is built)
    )),
)
THEMES: dict[str, Theme] = {LIGHT.key: LIGHT, DARK.key: DARK}


@cache
def _shade_maps(theme: Theme) -> tuple[dict[str, str], dict[str, str]]:
    """The theme's palette-colour -> shade map, and its inverse (a run-time switch maps back)."""
    forward = dict(theme.shades)
    return forward, {v.lower(): k for k, v in forward.items()}


def shade(colour: str) -> str:
    """A palette colour (commandcenter.palette) as the current theme shows it."""
    return current_theme().shade(colour)
FONT_SCALE_STEPS = (70, 80, 90, 100, 110, 125, 140, 160, 180, 200)  # percent of the system font


class StyleNotifier(QObject):
    """Tells item models (which get no palette events) that the theme or the font changed."""

    changed = Signal()


notifier = StyleNotifier()
_state: dict[str, object] = {"theme": LIGHT, "base_point_size": None, "scale": 100}


def current_theme() -> Theme:
    theme = _state["theme"]
    assert isinstance(theme, Theme)
    return theme


def _palette(t: Theme) -> QPalette:
    p = QPalette()
    roles = QPalette.ColorRole
    for role, colour in ((roles.Window, t.window), (roles.WindowText, t.text), (roles.Base, t.base),
                         (roles.AlternateBase, t.alternate), (roles.Text, t.text), (roles.Button, t.button),
                         (roles.ButtonText, t.text), (roles.Highlight, t.highlight),
                         (roles.HighlightedText, t.highlight_text), (roles.ToolTipBase, t.panel),
                         (roles.ToolTipText, t.text), (roles.PlaceholderText, t.muted), (roles.Mid, t.rule),
                         (roles.Light, t.button), (roles.Midlight, t.button), (roles.Dark, t.rule),
                         (roles.BrightText, t.highlight_text), (roles.Link, t.clock_text)):
        p.setColor(role, QColor(colour))
    muted = QColor(t.muted)
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, muted)
    return p


def stylesheet(t: Theme) -> str:
    """The application stylesheet: only what the palette cannot say (panels and headers)."""
    return (
        f"QHeaderView::section {{ background: {t.panel}; color: {t.text}; border: 0;"
        f" border-right: 1px solid {t.rule}; border-bottom: 1px solid {t.rule}; padding: 3px 6px; }}"
        f" QListWidget#screenNavigation {{ background: {t.panel}; color: {t.text}; }}"
        f" QListWidget#screenNavigation::item {{ padding: 8px 6px; }}"
        f" QListWidget#screenNavigation::item:selected {{ background: {t.highlight}; color: {t.highlight_text}; }}"
        f" QStatusBar {{ background: {t.panel}; color: {t.text}; }}"
        f" QToolTip {{ background: {t.panel}; color: {t.text}; border: 1px solid {t.rule}; }}"
    )


_HEX = re.compile(r"#[0-9a-fA-F]{6}\b")


def restyle(css: str, old: Theme, new: Theme) -> str:
    """A widget's style sheet written in `old`'s shades, in `new`'s (colours not in the palette kept)."""
    back, forward = _shade_maps(old)[1], _shade_maps(new)[0]

    def swap(m: re.Match[str]) -> str:
        colour = back.get(m.group(0).lower(), m.group(0).lower())
        return forward.get(colour, colour)

    return _HEX.sub(swap, css)


def apply_theme(key: str) -> Theme:
    """Make `key` the application's theme (an unknown key means light); returns it.

    Widgets that set their own style sheet from palette colours are rewritten in the new shades."""
    theme = THEMES.get(key, LIGHT)
    old = current_theme()
    _state["theme"] = theme
    set_neutral_colour(theme.icon_ink)
    app = QApplication.instance()
    if isinstance(app, QApplication):
        app.setStyle("Fusion")  # the platform styles ignore parts of a dark palette
        app.setPalette(_palette(theme))
        app.setStyleSheet(stylesheet(theme))
        if old is not theme:
            for widget in app.allWidgets():
                css = widget.styleSheet()
                if css and css != (changed := restyle(css, old, theme)):
                    widget.setStyleSheet(changed)
    notifier.changed.emit()
    return theme


def apply_font_scale(percent: int) -> int:
    """Scale the application font to `percent` of the system's (clamped to the steps)."""
    percent = min(max(percent, FONT_SCALE_STEPS[0]), FONT_SCALE_STEPS[-1])
    app = QGuiApplication.instance()
    if isinstance(app, QGuiApplication):
        font = QGuiApplication.font()
        if _state["base_point_size"] is None:
            _state["base_point_size"] = font.pointSizeF()
        base = _state["base_point_size"]
        assert isinstance(base, float)
        font.setPointSizeF(base * percent / 100)
        QApplication.setFont(font)
        if isinstance(app, QApplication) and app.styleSheet():
            # widgets polished by a style sheet keep the font they had: polish them again
            app.setStyleSheet(app.styleSheet())
    _state["scale"] = percent
    notifier.changed.emit()
    return percent


def font_scale() -> int:
    scale = _state["scale"]
    assert isinstance(scale, int)
    return scale


def next_font_scale(percent: int, direction: int) -> int:
    """The next step up (+1) or down (-1) from `percent`; 0 goes back to 100."""
    if direction == 0:
        return 100
    if direction > 0:
        return next((s for s in FONT_SCALE_STEPS if s > percent), FONT_SCALE_STEPS[-1])
    return next((s for s in reversed(FONT_SCALE_STEPS) if s < percent), FONT_SCALE_STEPS[0])


_tinted: dict[tuple[str, str], QIcon] = {}


def tinted_icon(name: str, colour: str) -> QIcon:
    """A registry icon (gui/icons) drawn in `colour`: row marks follow the theme's colours.

    Rendered once to pixmaps: a qtawesome icon paints through Python at every paint, and the
    wall paints one per overdue or escalated row."""
    found = _tinted.get((name, colour))
    if found is None:
        drawn = qta.icon(ICONS[name][0], color=colour)
        found = QIcon()
        for size in (16, 24, 32, 48):
            found.addPixmap(drawn.pixmap(size, size))
        _tinted[(name, colour)] = found
    return found
