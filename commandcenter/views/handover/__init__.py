"""The handover screen (`screen`): the writing tab (`write_tab`), the lists of handovers
(`list_tab`) and the record they show (`record_browser`). The package exposes `SCREEN`, which
is how app.discover_screens finds it."""

from .screen import SCREEN, HandoverView

__all__ = ["SCREEN", "HandoverView"]
