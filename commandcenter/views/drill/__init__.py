"""The trainer's drill screen (scenario or random load, progress, reset) and the drill's debrief."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ...domain.actions import Action
from ...gui.context import AppContext
from ...gui.screens import ScreenSpec
from .screen import DrillScreen


def _screen_title() -> str:
    return QCoreApplication.translate("DrillScreen", "Drill")


def _available(ctx: AppContext) -> bool:
    """Trainers on a demo database only: a drill never feeds real work (services/drill_scope)."""
    return ctx.can(Action.RUN_DRILL) and ctx.debriefs.is_demo()


SCREEN = ScreenSpec(key="drill", order=95, title=_screen_title, icon="drill", shortcut=None, factory=DrillScreen,
                    available=_available)

__all__ = ["SCREEN", "DrillScreen"]
