"""The hotline's fast path: a category guessed from what the caller said, and register-and-dispatch.

A call-taker types the description anyway; when it names a category ("井盖破损", "乱倒垃圾")
that category is offered without typing a search, so the keyboard path stays short. And one
action registers the case and sends it to the handler the dispatch recommendation puts first
(`services.dispatch.recommend`, as the dispatch dialog's first suggestion), each step its own
authorized transaction: a refused dispatch leaves the case registered, never lost.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..domain.actions import Action
from ..domain.enums import CaseStatus
from ..shapes.cases import CaseRow, NewCase
from .auth import Principal
from .dispatch import Recommendation
from .facade.reference import ReferenceService
from .lifecycle import CaseService, TransitionParams
from .reference_lists import CategoryChoice

GUESS_CUTOFF = 80.0  # rapidfuzz partial_ratio: a category name almost wholly inside the text


def guess_category(categories: Sequence[CategoryChoice], text: str) -> CategoryChoice | None:
    """The category whose Chinese name the description (nearly) contains, longest name first."""
    from rapidfuzz import fuzz

    text = text.strip()
    if len(text) < 2:
        return None
    best: tuple[float, int, CategoryChoice] | None = None
    for c in categories:
        if len(c.name_zh) < 2:
            continue
        score = fuzz.partial_ratio(c.name_zh, text)
        if score >= GUESS_CUTOFF and (best is None or (score, len(c.name_zh)) > best[:2]):
            best = (score, len(c.name_zh), c)
    return best[2] if best else None


@dataclass(frozen=True)
class QuickDispatch:
    """The registered case and where it went (None: no recommendation, the case waits for dispatch)."""

    row: CaseRow
    handler: Recommendation | None


def report_and_dispatch(cases: CaseService, reference: ReferenceService, actor: Principal,
                        new: NewCase) -> QuickDispatch:
    """Register the case, then dispatch it to the first recommended handler."""
    row = cases.report(actor, new, register=True)
    if row.status != CaseStatus.REGISTERED:  # answered on the call (直接答复): closed at intake, nobody to send
        return QuickDispatch(row, None)
    recommendations = reference.recommendations(actor, row.id, limit=1)
    if not recommendations:
        return QuickDispatch(row, None)
    top = recommendations[0]
    params = TransitionParams(officer_id=top.id) if top.kind == "officer" else TransitionParams(department_id=top.id)
    row = cases.perform(actor, row.id, Action.DISPATCH, params, expected_version=row.version)
    return QuickDispatch(row, top)
