"""The words for referrals and joint handling: kinds, reasons, states, the wall's mark, the
briefing's section headings and the two refusals (`errors.CaseHeldElsewhere`, `SupportsPending`)."""

from __future__ import annotations

from .domain.referral import ReferralKind, ReferralReason, ReferralState
from .errors import CaseHeldElsewhere, SupportsPending
from .i18n import QT_TRANSLATE_NOOP as N
from .i18n import translate

CONTEXT = "referral"

KINDS: dict[str, str] = {
    ReferralKind.UP: N("referral", "Referred up"),
    ReferralKind.DOWN: N("referral", "Sent down"),
    ReferralKind.ACROSS: N("referral", "Transferred"),
}
REASONS: dict[str, str] = {
    ReferralReason.BEYOND_POWERS: N("referral", "Beyond our powers"),
    ReferralReason.CITY_DEPARTMENT: N("referral", "Needs a city department"),
    ReferralReason.CROSS_DISTRICT: N("referral", "Crosses districts"),
    ReferralReason.INSTRUCTED: N("referral", "Assigned with instructions"),
    ReferralReason.NOT_OUR_AREA: N("referral", "Not in our area"),
    ReferralReason.OTHER: N("referral", "Other"),
}
STATES: dict[str, str] = {
    ReferralState.PENDING: N("referral", "waiting for acceptance"),
    ReferralState.ACCEPTED: N("referral", "accepted for handling"),
    ReferralState.RETURNED: N("referral", "returned"),
    ReferralState.FED_BACK: N("referral", "fed back"),
}


MARK_IN = N("referral", "{kind} from {centre}: {reason} ({state})")
MARK_OUT = N("referral", "{kind} to {centre}: {reason} ({state})")
HELD = N("referral", "Case {case} was referred to {centre}, which holds it until it feeds back; nothing was "
                     "changed here.")
PARTS_OWED = N("referral", "Case {case}: the supporting units {units} have not fed back their parts yet; record "
                           "their parts before the lead unit's feedback.")


def kind_label(kind: str, lang: str | None = None) -> str:
    return translate(CONTEXT, KINDS[kind], lang) if kind in KINDS else kind


def reason_label(reason: str, lang: str | None = None) -> str:
    return translate(CONTEXT, REASONS[reason], lang) if reason in REASONS else reason


def state_label(state: str, lang: str | None = None) -> str:
    return translate(CONTEXT, STATES[state], lang) if state in STATES else state


def mark_text(incoming: bool, kind: str, state: str, other_centre: str, reason: str, lang: str | None = None) -> str:
    """The wall's referral mark: from whom or to whom, why, and where it stands."""
    text = translate(CONTEXT, MARK_IN if incoming else MARK_OUT, lang)
    return text.format(kind=kind_label(kind, lang), centre=other_centre, reason=reason_label(reason, lang),
                       state=state_label(state, lang))


def describe_referral_error(exc: CaseHeldElsewhere | SupportsPending, lang: str | None = None) -> str:
    if isinstance(exc, CaseHeldElsewhere):
        return translate(CONTEXT, HELD, lang).format(case=exc.case_number, centre=exc.centre)
    return translate(CONTEXT, PARTS_OWED, lang).format(case=exc.case_number, units="、".join(exc.units))
