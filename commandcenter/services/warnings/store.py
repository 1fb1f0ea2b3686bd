"""Storing findings as warnings: one row per pattern, refired only on new evidence.

A finding is the same pattern as a stored warning when it has the warning's fingerprint (the
kinds with a natural key: a caller, an address and party, a unit and category, a unit), or,
for the spatial kinds (recurrence, cluster), when it shares a case with a warning of its kind
and category or lies within the detector's radius of it. A match with no case the warning does
not already hold changes nothing: a dismissed warning stays dismissed. A new case re-opens an
acknowledged, acted-on or dismissed warning and is audited as such; a finding that matches
nothing is raised (audited too). Evidence older than the detector's window starts the pattern
afresh: the warning keeps its row and its history, and its cases become the new ones.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from ...domain.entities import Entity
from ...domain.warnings import Finding
from ...geometry.projection import METRES_PER_DEGREE_LAT, haversine_m
from ...models import EarlyWarning, from_epoch
from ...shapes.warnings import WarningKind, WarningStatus
from .. import audit
from ..audit import Draft
from ..auth import Principal
from ..changefeed import record_change

SPATIAL = frozenset({WarningKind.RECURRENCE, WarningKind.CLUSTER})
NEARBY_ONLY = 20  # up to this many findings, spatial matches are looked for near each one only
# how far (in match radii) a warning's centroid may lie from a finding that shares its cases:
# a place's centroid moves a little as reports join it, never by several radii
SEARCH = 3.0


@dataclass
class Outcome:
    """What one merge did, by warning id."""

    raised: list[int] = field(default_factory=list)
    reopened: list[int] = field(default_factory=list)
    updated: list[int] = field(default_factory=list)
    unchanged: int = 0

    @property
    def changed(self) -> list[int]:
        return [*self.raised, *self.reopened, *self.updated]


def _ids(text: str) -> list[int]:
    return [int(v) for v in json.loads(text or "[]")]


def _candidates(s: Session, findings: Sequence[Finding], fresh_from: Mapping[WarningKind, int]) -> list[EarlyWarning]:
    keyed = [f.key for f in findings if f.kind not in SPATIAL]
    spatial = {(f.kind.value, f.category) for f in findings if f.kind in SPATIAL}
    conditions = []
    if keyed:
        conditions.append(EarlyWarning.fingerprint.in_(keyed))
    few = len(findings) <= NEARBY_ONLY
    for kind, category in spatial:
        same = ((EarlyWarning.kind == kind) & (EarlyWarning.category_code == category)
                & (EarlyWarning.last_evidence_at > fresh_from[WarningKind(kind)]))
        if not few:  # a full run: every live warning of the kind and category
            conditions.append(same)
            continue
        for f in findings:  # a few new cases: only the warnings near what they found
            if f.kind.value == kind and f.category == category and f.centroid is not None:
                dlat = SEARCH * f.match_m / METRES_PER_DEGREE_LAT
                dlon = dlat / max(math.cos(math.radians(f.centroid[1])), 0.01)
                conditions.append(same & EarlyWarning.centroid_lon.between(f.centroid[0] - dlon, f.centroid[0] + dlon)
                                  & EarlyWarning.centroid_lat.between(f.centroid[1] - dlat, f.centroid[1] + dlat))
    if not conditions:
        return []
    return list(s.scalars(select(EarlyWarning).where(or_(*conditions))))


def _match(f: Finding, by_key: dict[str, EarlyWarning], spatial: dict[tuple[str, str | None], list[EarlyWarning]],
           case_sets: dict[int, set[int]]) -> EarlyWarning | None:
    if f.kind not in SPATIAL:
        return by_key.get(f.key)
    mine = set(f.case_ids)
    best, best_d = None, float("inf")
    for w in spatial.get((f.kind.value, f.category), ()):
        if mine & case_sets[w.id]:
            return w
        if f.centroid is not None and w.centroid_lon is not None and w.centroid_lat is not None:
            d = haversine_m(f.centroid[0], f.centroid[1], w.centroid_lon, w.centroid_lat)
            if d <= f.match_m and d < best_d:
                best, best_d = w, d
    return best


def _centre(case_ids: Iterable[int], centres: Mapping[int, int]) -> int | None:
    votes = Counter(centres[c] for c in case_ids if c in centres)
    return min(votes.items(), key=lambda kv: (-kv[1], kv[0]))[0] if votes else None


def merge(s: Session, principal: Principal, findings: Sequence[Finding], *, now: datetime,
          subjects: Mapping[int, str], centres: Mapping[int, int], fresh_from: Mapping[WarningKind, int]) -> Outcome:
    """Store `findings` (subjects by finding index) in the caller's transaction; audits raises
    and re-openings and records every change in the change log."""
    out = Outcome()
    existing = _candidates(s, findings, fresh_from)
    by_key = {w.fingerprint: w for w in existing}
    case_sets = {w.id: set(_ids(w.case_ids)) for w in existing}
    spatial: dict[tuple[str, str | None], list[EarlyWarning]] = {}
    for w in existing:
        if w.kind in SPATIAL:
            spatial.setdefault((w.kind, w.category_code), []).append(w)
    drafts: list[Draft] = []
    touched: list[EarlyWarning] = []
    for i, f in enumerate(findings):
        w = _match(f, by_key, spatial, case_sets)
        evidence = {**f.evidence, "subject": f.subject[0]}  # what the subject names (address masked)
        if w is None:
            w = EarlyWarning(kind=f.kind.value, fingerprint=f.key, status=WarningStatus.OPEN.value,
                             centre_id=_centre(f.case_ids, centres), subject=subjects[i][:200],
                             category_code=f.category, grid_ids=json.dumps(list(f.grid_ids)),
                             case_ids=json.dumps(list(f.case_ids)),
                             centroid_lon=f.centroid[0] if f.centroid else None,
                             centroid_lat=f.centroid[1] if f.centroid else None,
                             outline=json.dumps([list(p) for p in f.outline]), evidence=json.dumps(evidence),
                             raised_at=now, last_evidence_at=from_epoch(f.last_evidence_at), updated_at=now,
                             action_note="")
            s.add(w)
            s.flush()
            by_key[w.fingerprint] = w
            case_sets[w.id] = set(f.case_ids)
            spatial.setdefault((w.kind, w.category_code), []).append(w)
            out.raised.append(w.id)
            drafts.append(Draft("raise_warning", "warning", w.id, {"kind": f.kind.value, "cases": len(f.case_ids),
                                                                   **_figures(evidence)}))
            touched.append(w)
            continue
        held = case_sets[w.id]
        new = [c for c in f.case_ids if c not in held]
        if not new:
            out.unchanged += 1
            continue
        stale = w.last_evidence_at is None or int(w.last_evidence_at.timestamp()) <= fresh_from[f.kind]
        # the finding's cases are oldest first; cases held from before that it no longer reaches
        # (out of its window or of the incremental read) are older still, so they go first
        cases = list(f.case_ids) if stale else [c for c in _ids(w.case_ids) if c not in set(f.case_ids)] + list(f.case_ids)
        case_sets[w.id] = set(cases)
        w.case_ids = json.dumps(cases)
        w.grid_ids = json.dumps(sorted(set(_ids(w.grid_ids)) | set(f.grid_ids)) if not stale else list(f.grid_ids))
        w.evidence = json.dumps(evidence)
        w.subject = subjects[i][:200]
        if f.centroid is not None:
            w.centroid_lon, w.centroid_lat = f.centroid
        if f.outline:
            w.outline = json.dumps([list(p) for p in f.outline])
        w.last_evidence_at = from_epoch(max(f.last_evidence_at, int(w.last_evidence_at.timestamp())))
        w.updated_at = now
        if w.status != WarningStatus.OPEN.value:
            drafts.append(Draft("reopen_warning", "warning", w.id, {"kind": w.kind, "was": w.status,
                                                                    "new_cases": new[:20], **_figures(evidence)}))
            w.status = WarningStatus.OPEN.value
            out.reopened.append(w.id)
        else:
            out.updated.append(w.id)
        touched.append(w)
    s.flush()
    audit.append_many(s, principal, drafts, at=now)
    for w in touched:
        record_change(s, now, Entity.WARNING, w.id, "upsert", w.centre_id)
    return out


def _figures(evidence: Mapping[str, object]) -> dict[str, object]:
    return {k: v for k, v in evidence.items() if k in ("count", "observed", "expected", "p_value", "rate")}
