"""How a screen plugs into the main window: a view module exposes `SCREEN = ScreenSpec(...)`.

app.py discovers every module of `commandcenter.views` with a SCREEN and adds it in `order`, so
a new screen is one new module, not an edit of a central list. Discovery imports every view
module at start-up: keep their top-level imports light (ReportLab, pyqtgraph, shapely, pypinyin
are imported inside the functions that use them). The main window calls `factory` only when the
screen is first needed, the first screen at once and the others after it has loaded.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QWidget

from .context import AppContext


def _always(_ctx: AppContext) -> bool:
    return True


@dataclass(frozen=True)
class ScreenSpec:
    key: str
    order: int
    title: Callable[[], str]  # called on every language change
    icon: str  # a name from gui.icons.ICONS
    shortcut: str | None
    factory: Callable[[AppContext], QWidget]
    available: Callable[[AppContext], bool] = _always
