"""Repeat callers and dispute pairs: the same people coming back about the same matter.

*Repeat caller*: one phone number (an opaque key; the service hashes the number) reporting
matters of one major class — "related" matters — `min_calls` times in `days` days, counting
the cases it reported and those it called about again after someone else (`CaseFact.callers`).

*Dispute pair*: disputes (矛盾纠纷, major class "12") at one address in which the same party
(the same phone, else the same name) reports `min_cases` times in `days` days: a dispute that
mediation has not settled and that risks escalating. The address is compared after trimming
spaces; the party is whoever reported, since the case record keeps the reporter, not the
other side.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable

from ...shapes.warnings import WarningKind
from .facts import CaseFact, Finding, centroid_of, grids_of, ids_of, major_of
from .params import DAY, DisputeParams, RepeatCallerParams


def _window(facts: Iterable[CaseFact], as_of: int, days: int) -> list[CaseFact]:
    start = as_of - days * DAY
    return [f for f in facts if start < f.reported_at <= as_of]


def _wanted(cases: list[CaseFact], focus: set[int] | None) -> bool:
    return focus is None or not focus.isdisjoint(c.id for c in cases)


def repeat_callers(facts: Iterable[CaseFact], as_of: int, params: RepeatCallerParams,
                   focus: Iterable[int] | None = None) -> list[Finding]:
    wanted = set(focus) if focus is not None else None
    groups: dict[tuple[str, str], list[CaseFact]] = defaultdict(list)
    for f in _window(facts, as_of, params.days):
        for caller in {f.caller, *f.callers} - {""}:
            groups[(caller, major_of(f.category))].append(f)
    out = []
    for (caller, major), cases in sorted(groups.items()):
        if len(cases) < params.min_calls or not _wanted(cases, wanted):
            continue
        out.append(Finding(
            kind=WarningKind.REPEAT_CALLER, key=f"repeat_caller:{caller}:{major}", category=major,
            case_ids=ids_of(cases), grid_ids=grids_of(cases), last_evidence_at=max(c.reported_at for c in cases),
            subject=("caller", max(cases, key=lambda c: (c.reported_at, c.id)).id),
            evidence={"count": len(cases), "days": params.days, "categories": len({c.category for c in cases})},
            centroid=centroid_of(cases)))
    return out


def address_key(address: str) -> str:
    """The address as compared: without spaces, so '荔城区 北大路 12号' and '荔城区北大路12号' agree."""
    return "".join(address.split())


def dispute_pairs(facts: Iterable[CaseFact], as_of: int, params: DisputeParams,
                  focus: Iterable[int] | None = None) -> list[Finding]:
    wanted = set(focus) if focus is not None else None
    groups: dict[tuple[str, str], list[CaseFact]] = defaultdict(list)
    for f in _window(facts, as_of, params.days):
        place, party = address_key(f.address), f.caller or f.party
        if major_of(f.category) == params.major and place and party:
            groups[(place, party)].append(f)
    out = []
    for (place, party), cases in sorted(groups.items()):
        if len(cases) < params.min_cases or not _wanted(cases, wanted):
            continue
        digest = hashlib.sha256(place.encode()).hexdigest()[:16]
        latest = max(cases, key=lambda c: (c.reported_at, c.id))
        out.append(Finding(
            kind=WarningKind.DISPUTE_PAIR, key=f"dispute_pair:{digest}:{party}", category=latest.category,
            case_ids=ids_of(cases), grid_ids=grids_of(cases), last_evidence_at=latest.reported_at,
            subject=("address", latest.address),
            evidence={"count": len(cases), "days": params.days}, centroid=centroid_of(cases)))
    return out
