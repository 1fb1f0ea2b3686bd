"""The admin screen's words: permissions, centre levels, category kinds, time units, and the
admin services' refusals, in the user's language.

The admin services carry codes and facts (a ValidationError's `problem`, a StaleSetting's kind);
the wording belongs here, beside `labels.describe_error`, which covers every other error.
"""

from __future__ import annotations

from .domain.actions import Action
from .domain.enums import CategoryKind, CentreLevel, TimeUnit
from .errors import DuplicateName, LastAdministrator, StaleSetting, ValidationError
from .i18n import QT_TRANSLATE_NOOP as N
from .i18n import current_language, translate
from .labels import action_label, describe_error

# rights that are not case actions (labels.ACTION names those): how the permission matrix lists them
PERMISSIONS: dict[str, str] = {
    Action.VIEW: N("permission", "View cases"),
    Action.ESCALATE: N("permission", "Record reminders and supervision"),
    Action.MANAGE_DEMO: N("permission", "Manage demo data"),
    Action.RUN_DRILL: N("permission", "Run drills"),
    Action.MANAGE_USERS: N("permission", "Manage users and roles"),
    Action.MANAGE_CENTRES: N("permission", "Manage centres"),
    Action.MANAGE_CATEGORIES: N("permission", "Manage categories"),
    Action.MANAGE_TIME_LIMITS: N("permission", "Manage time limits"),
    Action.MANAGE_HOLIDAYS: N("permission", "Manage the holiday calendar"),
    Action.IMPORT_DATA: N("permission", "Import data"),
    Action.ATTACH_PHOTO: N("permission", "Attach photos to cases"),
    Action.ACT_ON_WARNING: N("permission", "Act on early warnings"),
}
LEVELS: dict[str, str] = {
    CentreLevel.STREET: N("centre_level", "Street"),
    CentreLevel.DISTRICT: N("centre_level", "District"),
    CentreLevel.CITY: N("centre_level", "City"),
}
KINDS: dict[str, str] = {
    CategoryKind.COMPONENT: N("category_kind", "Component"),
    CategoryKind.EVENT: N("category_kind", "Event"),
    CategoryKind.SOCIAL: N("category_kind", "Social governance"),
}
UNITS: dict[str, str] = {
    TimeUnit.CALENDAR: N("time_unit", "Natural time"),
    TimeUnit.WORKING: N("time_unit", "Working time"),
}
DAY_KINDS: dict[str, str] = {
    "holiday": N("calendar", "Holiday"),
    "workday": N("calendar", "Adjusted working day"),
}
# ValidationError.problem -> message (facts as placeholders)
PROBLEMS: dict[str, str] = {
    "username_chars": N("admin_errors", "A user name may use only letters, digits, “.”, “_” and “-”."),
    "username_taken": N("admin_errors", "This user name is taken."),
    "system_role": N("admin_errors", "System accounts' roles are fixed by the program."),
    "timezone": N("admin_errors", "Unknown time zone (use a name such as Asia/Shanghai)."),
    "parent_cycle": N("admin_errors", "A centre cannot sit under itself or a centre below it."),
    "parent_level": N("admin_errors", "A centre's parent must be of a higher level."),
    "level_below_children": N("admin_errors", "A centre must rank above the centres under it."),
    "code_taken": N("admin_errors", "This code is taken."),
    "category_code": N("admin_errors", "A major category's code is two digits; a minor one's is its major "
                                       "code followed by two digits."),
    "minutes_range": N("admin_errors", "A time limit is between 1 and {limit} minutes."),
    "urgent_calendar": N("admin_errors", "Urgent cases run on natural time."),
    "kind": N("admin_errors", "A calendar day is a holiday or an adjusted working day."),
    "workday_not_weekend": N("admin_errors", "Only a Saturday or Sunday can become an adjusted working day."),
    "day_taken": N("admin_errors", "This day is already in the calendar; remove it first."),
    "warning_param": N("admin_errors", "A warning rule's value is out of range ({field}: {lo:g} to {hi:g})."),
}
STALE_KINDS: dict[str, str] = {
    "user": N("admin_errors", "user"),
    "centre": N("admin_errors", "centre"),
    "category": N("admin_errors", "category"),
    "time limit": N("admin_errors", "time limit"),
    "calendar day": N("admin_errors", "calendar day"),
}
FIELDS: dict[str, str] = {
    "name_zh": N("admin_errors", "Chinese name"),
    "name_en": N("admin_errors", "English name"),
}


def _word(table: dict[str, str], context: str, code: str) -> str:
    text = table.get(code)
    return code if text is None else translate(context, text)


def permission_label(action: str) -> str:
    return _word(PERMISSIONS, "permission", action) if action in PERMISSIONS else action_label(action)


def level_label(level: str) -> str:
    return _word(LEVELS, "centre_level", level)


def kind_label(kind: str) -> str:
    return _word(KINDS, "category_kind", kind)


def unit_label(unit: str) -> str:
    return _word(UNITS, "time_unit", unit)


def day_kind_label(kind: str) -> str:
    return _word(DAY_KINDS, "calendar", kind)


def category_name(name_zh: str, name_en: str) -> str:
    """A category's name in the interface language."""
    return name_zh if current_language().startswith("zh") else name_en


def describe_admin_error(exc: BaseException) -> str:
    """One line for a refused admin change, in the user's language."""
    if isinstance(exc, DuplicateName):
        return translate("admin_errors", "The {field} “{name}” is already used by category {code}.").format(
            field=_word(FIELDS, "admin_errors", exc.field or ""), name=exc.name, code=exc.other_code)
    if isinstance(exc, StaleSetting):
        return translate("admin_errors", "This {kind} was changed by another admin. Nothing was changed here; the "
                         "list has been reloaded, check it and try again.").format(
            kind=_word(STALE_KINDS, "admin_errors", exc.kind))
    if isinstance(exc, LastAdministrator):
        return translate("admin_errors", "No active user would be left who may manage users. Nothing was changed.")
    if isinstance(exc, ValidationError) and exc.facts.get("problem") in PROBLEMS:
        return translate("admin_errors", PROBLEMS[str(exc.facts["problem"])]).format(**exc.facts)
    return describe_error(exc)
