"""Words for the demo generator's progress reports, shared by the command line and the first-start dialog.

The service reports a step code and figures (`simulator.demo.progress`); this module turns them
into a line in the user's language. It imports neither the service (numpy, Faker) nor widgets.
"""

from __future__ import annotations

from .i18n import QT_TRANSLATE_NOOP as N
from .i18n import translate

STEPS = {
    "map": N("demo", "Drawing the map…"),
    "staff": N("demo", "Staffing the command centres…"),
    "cases": N("demo", "Writing the case history: day {done} of {days}"),
    "indexes": N("demo", "Building indexes…"),
    "done": N("demo", "Done"),
}


def demo_progress_text(step: str, days_done: int = 0, days: int = 0, lang: str | None = None) -> str:
    """One line for a progress report: `step` is a `DemoStep` value."""
    text = STEPS.get(step)
    if text is None:
        return step
    return translate("demo", text, lang).format(done=days_done, days=days)
