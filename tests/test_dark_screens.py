"""The screens' own colours (hints, errors, the case detail's placeholder, the roster's duty
inks) follow the theme: measured as WCAG contrast on grabbed pixels of real widgets in both
themes, and rewritten when the theme is switched with the widgets already open."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from commandcenter import palette
from commandcenter.gui import style
from commandcenter.widgets.case_detail import CaseDetailPanel

from .test_wall_display import contrast, measured_contrast


@pytest.fixture
def theme_reset() -> Iterator[None]:
    yield
    style.apply_theme("light")


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_message_styles_and_detail_placeholder_meet_wcag_in_both_themes(qtbot, theme, theme_reset) -> None:  # type: ignore[no-untyped-def]
    style.apply_theme(theme)
    page = QWidget()
    qtbot.addWidget(page)
    layout = QVBoxLayout(page)
    labels = {}
    for name, css in (("hint", style.hint_style()), ("error", style.error_style()), ("ok", style.ok_style()),
                      ("warning", style.warning_style()), ("error text", style.error_text_style())):
        labels[name] = QLabel("WWWW MMMM 超时 核查")
        labels[name].setStyleSheet(css)
        layout.addWidget(labels[name])
    detail = CaseDetailPanel()
    layout.addWidget(detail)
    page.resize(700, 500)
    page.show()
    qtbot.waitExposed(page)
    image = page.grab().toImage()
    ratios = {name: measured_contrast(image, label.geometry()) for name, label in labels.items()}
    empty = detail.findChild(QLabel, "caseDetailEmpty")
    assert empty is not None and empty.isVisible()
    ratios["detail placeholder"] = measured_contrast(image, empty.geometry().translated(detail.pos()))
    low = {k: round(v, 2) for k, v in ratios.items() if v < 4.5}
    assert not low, f"{theme}: {low}"


def test_every_dark_text_shade_is_legible_on_the_dark_backgrounds() -> None:
    dark = style.DARK
    inks = [palette.MUTED, palette.MUTED_LIGHT, palette.INK, palette.ERROR, palette.OK, palette.WARNING,
            palette.CAUTION, palette.SECTION_INK, palette.ON_DUTY_GREEN, *palette.DUTY_TEXT_COLOURS.values()]
    grounds = [dark.base, dark.window, dark.panel, dark.shade(palette.ENTRY_BACKGROUND)]
    low = {(ink, ground): round(contrast(style.qcolor(dark.shade(ink)), style.qcolor(ground)), 2)
           for ink in inks for ground in grounds
           if ink != palette.DUTY_TEXT_COLOURS["on_leave"]  # on leave is greyed on purpose
           and contrast(style.qcolor(dark.shade(ink)), style.qcolor(ground)) < 4.5}
    assert not low


def test_open_widgets_take_the_new_shades_when_the_theme_switches(qtbot, theme_reset) -> None:  # type: ignore[no-untyped-def]
    style.apply_theme("light")
    hint = QLabel("hint")
    qtbot.addWidget(hint)
    hint.setStyleSheet(style.hint_style())
    fixed = QLabel("chip")
    qtbot.addWidget(fixed)
    fixed.setStyleSheet("background: #123456; color: white;")  # not a palette colour: left alone
    style.apply_theme("dark")
    assert hint.styleSheet() == style.hint_style() == f"color: {style.DARK.shade(palette.MUTED)};"
    assert fixed.styleSheet() == "background: #123456; color: white;"
    style.apply_theme("light")
    assert hint.styleSheet().lower() == f"color: {palette.MUTED};".lower()
