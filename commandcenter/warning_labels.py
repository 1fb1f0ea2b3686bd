"""Words for early warnings (kinds, statuses, the figures that explain one), for the CLI, the
briefing and the screens: Qt-free, over commandcenter.i18n."""

from __future__ import annotations

from collections.abc import Mapping

from .i18n import QT_TRANSLATE_NOOP as N
from .i18n import translate
from .shapes.warnings import WarningItem, WarningKind, WarningStatus

CONTEXT = "warnings"

_KINDS = {
    WarningKind.RECURRENCE: N("warnings", "Recurrence"),
    WarningKind.REPEAT_CALLER: N("warnings", "Repeat caller"),
    WarningKind.DISPUTE_PAIR: N("warnings", "Repeated dispute"),
    WarningKind.RISING_TREND: N("warnings", "Rising trend"),
    WarningKind.CLUSTER: N("warnings", "Cluster"),
    WarningKind.CHRONIC_LATENESS: N("warnings", "Chronic lateness"),
}
_STATUSES = {
    WarningStatus.OPEN: N("warnings", "Open"),
    WarningStatus.ACKNOWLEDGED: N("warnings", "Acknowledged"),
    WarningStatus.ACTED: N("warnings", "Acted on"),
    WarningStatus.DISMISSED: N("warnings", "Dismissed"),
}


def kind_label(kind: WarningKind, lang: str | None = None) -> str:
    return translate(CONTEXT, _KINDS[kind], lang=lang)


def status_label(status: WarningStatus, lang: str | None = None) -> str:
    return translate(CONTEXT, _STATUSES[status], lang=lang)


def evidence_text(item: WarningItem, lang: str | None = None) -> str:
    """The figures behind a warning in one short line, e.g. '4 cases in 30 days within 50 m'."""
    e: Mapping[str, object] = item.evidence
    t = lambda s: translate(CONTEXT, s, lang=lang)  # noqa: E731 - each string is marked with N below
    if item.kind is WarningKind.RECURRENCE:
        return t(N("warnings", "{count} cases in {days} days within {radius} m")).format(
            count=e.get("count"), days=e.get("days"), radius=f"{float(e.get('radius_m', 0)):g}")  # type: ignore[arg-type]
    if item.kind in (WarningKind.REPEAT_CALLER, WarningKind.DISPUTE_PAIR):
        return t(N("warnings", "{count} reports in {days} days")).format(count=e.get("count"), days=e.get("days"))
    if item.kind is WarningKind.RISING_TREND:
        return t(N("warnings", "{observed} in the last {hours} h against {expected} usual (p = {p})")).format(
            observed=e.get("observed"), hours=e.get("band_hours"), expected=e.get("expected"), p=e.get("p_value"))
    if item.kind is WarningKind.CLUSTER:
        return t(N("warnings", "{count} cases over {grids} grids in {hours} h")).format(
            count=e.get("count"), grids=e.get("grids"), hours=e.get("hours"))
    return t(N("warnings", "{on_time} of {due} on time over {days} days")).format(
        on_time=e.get("on_time"), due=e.get("due"), days=e.get("days"))
