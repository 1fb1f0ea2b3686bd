"""The audit trail's actions and entities in the user's language, for the audit screen's columns
and filters (the stored codes stay the record; these are only how the screen says them).

A case action is worded as the wall words it (`labels.action_label`); the rest of the trail's
codes are listed here; a code not listed (a newer one) is shown as stored.
"""

from __future__ import annotations

from .domain.actions import Action
from .i18n import QT_TRANSLATE_NOOP as N
from .i18n import translate
from .labels import HISTORY, action_label

ACTIONS: dict[str, str] = {
    "generate_demo": N("audit_words", "Demo city generated"),
    "sign_in": N("audit_words", "Signed in"),
    "sign_in_failed": N("audit_words", "Sign-in failed"),
    "sign_in_refused_locked": N("audit_words", "Sign-in refused (account locked)"),
    "lockout": N("audit_words", "Account locked"),
    "change_password": N("audit_words", "Password changed"),
    "reset_password": N("audit_words", "Password reset"),
    "create_first_admin": N("audit_words", "First administrator created"),
    "add_user": N("audit_words", "User added"),
    "edit_user": N("audit_words", "User edited"),
    "enable_user": N("audit_words", "User enabled"),
    "disable_user": N("audit_words", "User disabled"),
    "grant_permission": N("audit_words", "Permission granted"),
    "revoke_permission": N("audit_words", "Permission revoked"),
    "add_centre": N("audit_words", "Centre added"),
    "edit_centre": N("audit_words", "Centre edited"),
    "add_category": N("audit_words", "Category added"),
    "rename_category": N("audit_words", "Category renamed"),
    "set_time_limit": N("audit_words", "Time limit set"),
    "add_calendar_day": N("audit_words", "Calendar day added"),
    "remove_calendar_day": N("audit_words", "Calendar day removed"),
    "set_calendar_year": N("audit_words", "Calendar year set"),
    "rename_area": N("audit_words", "Area renamed"),
    "duty_change": N("audit_words", "Duty status changed"),
    "shift_assign": N("audit_words", "Assigned to a shift"),
    "shift_unassign": N("audit_words", "Removed from a shift"),
    "shift_delete": N("audit_words", "Shift deleted"),
    "handover_open": N("audit_words", "Handover drafted"),
    "handover_sign": N("audit_words", "Handover signed"),
    "handover_acknowledge": N("audit_words", "Handover acknowledged"),
    "handover_correct": N("audit_words", "Handover corrected"),
    "acknowledge_escalation": N("audit_words", "Escalation acknowledged"),
    "escalate": N("audit_words", "Escalated"),
    "print_briefing": N("audit_words", "Briefing printed"),
    "import_officers": N("audit_words", "Officers imported"),
    "import_departments": N("audit_words", "Departments imported"),
    "import_grids": N("audit_words", "Grids imported"),
    "import_positions": N("audit_words", "Positions imported"),
    "import_gazetteer": N("audit_words", "Gazetteer imported"),
    "import_roads": N("audit_words", "Roads imported"),
    "raise_warning": N("audit_words", "Warning raised"),
    "reopen_warning": N("audit_words", "Warning reopened"),
    "set_warning_params": N("audit_words", "Warning settings changed"),
    "set_duplicate_rules": N("audit_words", "Duplicate rules changed"),
    "audit_verify": N("audit_words", "Audit chain verified"),
    "export": N("audit_words", "Exported"),
}
ENTITIES: dict[str, str] = {
    "case": N("audit_words", "case"),
    "escalation": N("audit_words", "escalation"),
    "officer": N("audit_words", "officer"),
    "department": N("audit_words", "department"),
    "shift": N("audit_words", "shift"),
    "handover": N("audit_words", "handover"),
    "briefing": N("audit_words", "briefing"),
    "calendar": N("audit_words", "calendar"),
    "grid": N("audit_words", "grid"),
    "road": N("audit_words", "road"),
    "gazetteer": N("audit_words", "gazetteer"),
    "user": N("audit_words", "user"),
    "permission": N("audit_words", "permission"),
    "centre": N("audit_words", "centre"),
    "category": N("audit_words", "category"),
    "warning": N("audit_words", "warning"),
    "demo": N("audit_words", "demo"),
    "database": N("audit_words", "database"),
    "setting": N("audit_words", "setting"),
}
_CASE_ACTIONS = frozenset(a.value for a in Action) | frozenset(HISTORY)


def audit_action_label(code: str, lang: str | None = None) -> str:
    if code in ACTIONS:
        return translate("audit_words", ACTIONS[code], lang)
    return action_label(code, lang) if code in _CASE_ACTIONS else code


def audit_entity_label(code: str, lang: str | None = None) -> str:
    return translate("audit_words", ENTITIES[code], lang) if code in ENTITIES else code
