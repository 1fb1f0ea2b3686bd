"""The daily briefing's referral section: the centre's referrals out and in over the period, the
returns, those still waiting for acceptance, and how long feedback took (median and p90 hours
from referral to feedback), so slow feedback between levels is on paper (services.referral_figures)."""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, KeepTogether

from ..i18n import QT_TRANSLATE_NOOP as N
from ..shapes.referral import ReferralFigures
from .common import Texts, para, table_chunks

WIDTHS = [40 * mm, 20 * mm, 20 * mm, 22 * mm, 22 * mm, 28 * mm, 28 * mm]


def _hours(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}"


def referrals_section(t: Texts, st: dict[str, Any], font: str, figures: ReferralFigures | None) -> list[Any]:
    if figures is None:
        return []
    head: list[Any] = [para(t(N("briefing", "Referrals between centres")), st["h2"])]
    f = figures
    if not (f.out_count or f.in_count or f.out_fed_back or f.in_fed_back or f.pending_in):
        return [CondPageBreak(30 * mm), KeepTogether([*head, para(t(N("briefing", "No referral in the period.")),
                                                                   st["body"])])]
    cols = [t(N("briefing", "Direction")), t(N("briefing", "Referred")), t(N("briefing", "Returned")),
            t(N("briefing", "Fed back")), t(N("briefing", "Waiting")), t(N("briefing", "Median hours")),
            t(N("briefing", "p90 hours"))]
    rows = [[t(N("briefing", "Out (we referred)")), str(f.out_count), str(f.out_returned), str(f.out_fed_back), "—",
             _hours(f.out_median_hours), _hours(f.out_p90_hours)],
            [t(N("briefing", "In (referred to us)")), str(f.in_count), str(f.in_returned), str(f.in_fed_back),
             str(f.pending_in), _hours(f.in_median_hours), _hours(f.in_p90_hours)]]
    note = para(t(N("briefing", "Referred, returned and fed back count what happened in the period; waiting counts "
                                "referrals to this centre not yet accepted or returned at its end. Hours run from "
                                "the referral to the feedback of those fed back in the period.")), st["small"])
    return [CondPageBreak(40 * mm), KeepTogether([*head, *table_chunks(cols, rows, WIDTHS, font,
                                                                       align_right=(1, 2, 3, 4, 5, 6)), note])]
