"""What the change log names: the kinds of row a live screen shows and a cache may hold.

The `change_log.entity` column stores these values, so a writer, the change feed, the caches
and every screen's `_on_changed` agree on one spelling instead of each repeating a bare string.
A StrEnum, so a value read back from the table compares equal to its member.
"""

from __future__ import annotations

from enum import StrEnum


class Entity(StrEnum):
    """A kind of row whose changes are recorded in the change log."""

    CASE = "case"
    ESCALATION = "escalation"
    OFFICER = "officer"
    DEPARTMENT = "department"
    SHIFT = "shift"
    HANDOVER = "handover"
    BRIEFING = "briefing"
    CALENDAR = "calendar"
    GRID = "grid"
    GAZETTEER = "gazetteer"  # the named places of address look-up; entity_id is unused (0)
    USER = "user"  # an account, its role, centre or active flag (admin screens)
    PERMISSION = "permission"  # the role -> action table; entity_id is unused (0)
    CENTRE = "centre"  # a command centre's name, level, parent or time zone
    CATEGORY = "category"  # a category's names or its time limits
    WARNING = "warning"  # an early warning raised, re-opened or acted on (services/warnings)
    # the demo database was reset to its generated state (services/demo_reset): rows a screen
    # holds may no longer exist, so screens load again; entity_id is unused (0)
    DEMO = "demo"
