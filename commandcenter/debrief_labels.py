"""Words and number formats of the drill debrief, shared by its screen and its PDF.

The debrief service returns codes and seconds (shapes/debrief); this module turns them into text
in the user's language. It imports neither the service nor widgets.
"""

from __future__ import annotations

from .i18n import QT_TRANSLATE_NOOP as N
from .i18n import translate
from .labels import role_label
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
    ]
    return [(translate("debrief", label, lang), value) for label, value in figures]


def goals_text(g: DebriefGoals, lang: str | None = None) -> str:
    return translate("debrief", N("debrief", "Goals: registered within {register:g} min, dispatched within "
                                             "{dispatch:g} min, urgent cases dispatched within {urgent:g} min"),
                     lang).format(register=g.register_minutes, dispatch=g.dispatch_minutes,
                                  urgent=g.urgent_dispatch_minutes)
