"""The dispatch recommendation's reasons in words, for the dispatch dialog and the roster.

`services.dispatch` ranks and returns stable reason codes with the facts behind them; the
wording, and the choice of the category's Chinese or English name, belong to the presentation
side, which knows the user's language.
"""

from __future__ import annotations

from .domain.enums import DutyStatus
from .i18n import QT_TRANSLATE_NOOP as N
from .i18n import current_language, normalize, translate
from .labels import format_age
from .services.dispatch import (
    DISTANCE,
    NO_POSITION,
    OPEN_CASES,
    RESPONSIBLE,
    ROUTE_CITY,
    ROUTE_DISTRICT,
    SAME_COMMUNITY,
    STALE_POSITION,
    Recommendation,
)

REASONS: dict[str, str] = {
    RESPONSIBLE: N("dispatch", "responsible for grid {grid}"),
    SAME_COMMUNITY: N("dispatch", "covers another grid in {community}"),
    DutyStatus.ON_DUTY.value: N("dispatch", "on duty"),
    DutyStatus.IN_FIELD.value: N("dispatch", "in the field"),
    DutyStatus.OFF_DUTY.value: N("dispatch", "off duty"),
    DutyStatus.ON_LEAVE.value: N("dispatch", "on leave"),
    NO_POSITION: N("dispatch", "position unknown"),
    ROUTE_DISTRICT: N("dispatch", "handles {category} in {district}"),
    ROUTE_CITY: N("dispatch", "handles {category} city-wide"),
    STALE_POSITION: N("dispatch", "last seen {age} ago"),
}
_NO_OPEN = N("dispatch", "no open cases")
_ONE_OPEN = N("dispatch", "1 open case")
_MANY_OPEN = N("dispatch", "{n} open cases")
_METRES = N("dispatch", "{distance} m away")
_KILOMETRES = N("dispatch", "{distance} km away")
SEPARATOR = " · "


def _t(text: str, lang: str | None) -> str:
    return translate("dispatch", text, lang)


def format_distance(metres: float, lang: str | None = None) -> str:
    if metres < 1000:
        return _t(_METRES, lang).format(distance=int(round(metres / 10.0) * 10))
    return _t(_KILOMETRES, lang).format(distance=f"{metres / 1000:.1f}")


def reason_label(code: str, rec: Recommendation, lang: str | None = None) -> str:
    """One reason in words (a `labels`-style function: unknown codes show as themselves)."""
    f = rec.facts
    if code == OPEN_CASES:
        if rec.open_cases == 0:
            return _t(_NO_OPEN, lang)
        if rec.open_cases == 1:
            return _t(_ONE_OPEN, lang)
        return _t(_MANY_OPEN, lang).format(n=rec.open_cases)
    if code == DISTANCE:
        return format_distance(rec.distance_m or 0.0, lang)
    if code == STALE_POSITION:
        return _t(REASONS[code], lang).format(age=format_age(f.position_age_s or 0, lang))
    text = REASONS.get(code)
    if text is None:
        return code
    zh = (normalize(lang) if lang else current_language()).startswith("zh")
    return _t(text, lang).format(grid=f.grid, community=f.community, district=f.district,
                                 category=f.category_zh if zh else f.category_en)


def reason_text(rec: Recommendation, lang: str | None = None) -> str:
    """Every reason of a recommendation, joined with " · "."""
    return SEPARATOR.join(reason_label(code, rec, lang) for code in rec.reason_codes)
