"""The officer roster screen (`screen`), its shifts panel (`shift_panel`) and shift editor
(`shift_dialog`). The package exposes `SCREEN`, which is how app.discover_screens finds it."""

from .screen import SCREEN, RosterView

__all__ = ["SCREEN", "RosterView"]
