"""Words and number formats of the drill debrief, shared by its screen and its PDF.

The debrief service returns codes and seconds (shapes/debrief); this module turns them into text
in the user's language. It imports neither the service nor widgets.
"""

from __future__ import annotations

from .i18n import QT_TRANSLATE_NOOP as N
from .i18n import current_language, translate
from .labels import role_label, status_label
from .shapes.corrections import Correction
from .shapes.debrief import AlertShown, DebriefGoals, DebriefOverall, GoalMiss

# a "Goals missed" column lists these
MISSES = {
    GoalMiss.REGISTER: N("debrief", "register"),
    GoalMiss.DISPATCH: N("debrief", "dispatch"),
    GoalMiss.OVERDUE: N("debrief", "overdue"),
}
ALERTS = {
    AlertShown.NONE: "",
    AlertShown.INDIVIDUAL: N("debrief", "alerted"),
    AlertShown.GROUPED: N("debrief", "grouped"),
}


def actor(name: str, system_role: str, lang: str | None = None) -> str:
    """Who did a step: the person's name, or for a system account its role ("Drill feed")."""
    return role_label(system_role, lang) if system_role else name


def duration(seconds: float | None) -> str:
    """Minutes and seconds ("4:05"), hours past an hour ("1:02:05"); "—" when not done."""
    if seconds is None:
        return "—"
    whole = round(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def step_time(seconds: float | None, settled: str, lang: str | None = None) -> str:
    """A step's time from arrival; for a case settled without it, how it ended ("Merged")."""
    if seconds is None and settled:
        return status_label(settled, lang)
    return duration(seconds)


def misses_text(misses: tuple[GoalMiss, ...], lang: str | None = None) -> str:
    return ", ".join(translate("debrief", MISSES[m], lang) for m in misses)


def alert_text(alert: AlertShown, lang: str | None = None) -> str:
    return translate("debrief", ALERTS[alert], lang) if ALERTS[alert] else ""


def corrections_text(wrong_category: bool | None, wrong_grid: bool | None, lang: str | None = None) -> str:
    """Where the case differs from what the scenario intended (blank where it said nothing)."""
    words = []
    if wrong_category:
        words.append(translate("debrief", N("debrief", "category"), lang))
    if wrong_grid:
        words.append(translate("debrief", N("debrief", "grid"), lang))
    return ", ".join(words)


def correction_changes(c: Correction, lang: str | None = None) -> list[tuple[str, str, str]]:
    """What one correction changed as (field, from, to) rows: the category, the grid, or both."""
    zh = (lang or current_language()).startswith("zh")
    rows = []
    if c.category_changed:
        rows.append((translate("debrief", N("debrief", "category"), lang),
                     f"{c.from_category_code} {c.from_category_zh if zh else c.from_category_en}",
                     f"{c.to_category_code} {c.to_category_zh if zh else c.to_category_en}"))
    if c.grid_changed:
        rows.append((translate("debrief", N("debrief", "grid"), lang), f"{c.from_grid_code} {c.from_grid_name}",
                     f"{c.to_grid_code} {c.to_grid_name}"))
    return rows


def end_state_text(wrong_category: bool | None, wrong_grid: bool | None, lang: str | None = None) -> str:
    """Whether a case was as the scenario intended at the drill's end ("" where it said nothing)."""
    if wrong_category is None and wrong_grid is None:
        return ""
    wrong = bool(wrong_category or wrong_grid)
    return translate("debrief", N("debrief", "still wrong") if wrong else N("debrief", "as intended"), lang)


def overall_figures(o: DebriefOverall, lang: str | None = None) -> list[tuple[str, str]]:
    """The overall figures as (label, value), in the order the screen and the PDF show them."""
    figures = [
        (N("debrief", "Cases"), str(o.cases)),
        (N("debrief", "Registered"), str(o.registered)),
        (N("debrief", "Dispatched"), str(o.dispatched)),
        (N("debrief", "Mean time to register"), duration(o.mean_to_register)),
        (N("debrief", "Longest time to register"), duration(o.max_to_register)),
        (N("debrief", "Mean time to dispatch"), duration(o.mean_to_dispatch)),
        (N("debrief", "Longest time to dispatch"), duration(o.max_to_dispatch)),
        (N("debrief", "Urgent dispatched within the goal"), f"{o.urgent_dispatched_in_goal} / {o.urgent}"),
        (N("debrief", "Reminders (催办)"), str(o.reminders)),
        (N("debrief", "Overdue cases (督办)"), str(o.overdue_cases)),
        (N("debrief", "Wrong category"), str(o.wrong_category)),
        (N("debrief", "Wrong grid"), str(o.wrong_grid)),
        (N("debrief", "Urgent alerts shown (in flood summaries)"), f"{o.alerts_individual} ({o.alerts_grouped})"),
        (N("debrief", "Cases missing a goal"), str(o.cases_missing_goals)),
        (N("debrief", "Corrections (更正) / cases corrected"), f"{o.corrections} / {o.corrected_cases}"),
        (N("debrief", "Cases still not as intended at the end"), str(o.still_wrong)),
    ]
    return [(translate("debrief", label, lang), value) for label, value in figures]


def goals_text(g: DebriefGoals, lang: str | None = None) -> str:
    return translate("debrief", N("debrief", "Goals: registered within {register:g} min, dispatched within "
                                             "{dispatch:g} min, urgent cases dispatched within {urgent:g} min"),
                     lang).format(register=g.register_minutes, dispatch=g.dispatch_minutes,
                                  urgent=g.urgent_dispatch_minutes)
