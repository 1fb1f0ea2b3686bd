"""Signals between screens, so the map, the wall and the roster can steer each other without
knowing each other (click a grid → the wall filters to it; select a case → the map shows it)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class ScreenBus(QObject):
    case_selected = Signal(int)  # a case became current on some screen
    grid_filter_requested = Signal(int)  # show only this grid's cases on the wall (-1 clears)
    show_case_on_map = Signal(int)
    location_pick_requested = Signal()  # a dialog wants the map to pick a point
    location_picked = Signal(float, float)
    screen_requested = Signal(str)  # bring a screen forward by key
