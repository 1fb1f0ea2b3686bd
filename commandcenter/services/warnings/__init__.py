"""The warning service (ctx.warnings): runs the early-warning detectors and hands out warnings.

Two ways in. `update_for_cases` runs after new or changed cases (the change feed, the drill,
an import): it reads only what the detectors need around those cases (their category near
their place, their caller, their grid's trend windows) through indexes, so it costs
milliseconds at city scale and never rescans. `recompute` runs every detector over its whole
window as of a moment (the `commandcenter warnings` command, a new database, a changed
setting). Chronic lateness is judged once a day, as of yesterday: by `recompute` or
`judge_lateness` (a seat calls it when it starts), else by the day's first update. All store
findings through `store.merge`: a pattern fires once and again only on new evidence. Reading (`list_warnings`, `get`, `counts`, `top`) is scoped to the principal's
centres, with addresses masked for whoever may not see personal data.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ...db import Database
from ...domain.actions import Action
from ...domain.privacy import mask_address
from ...domain.warnings import (
    CaseFact,
    Finding,
    WarningParams,
    chronic_lateness,
    clusters,
    dispute_pairs,
    major_of,
    recurrences,
    repeat_callers,
    rising_trends,
    trend_windows,
)
from ...domain.warnings.limits import out_of_range
from ...domain.warnings.params import DAY
from ...errors import NotFound, ValidationError
from ...models import EarlyWarning, User, to_epoch
from ...shapes.warnings import WarningDigest, WarningItem, WarningKind, WarningRun, WarningStatus
from .. import audit
from ..auth import Principal, centre_scope
from ..facade.base import ServiceBase
from ..personal_data import sees_personal_data
from . import facts as F
from .settings import read_params, write_params
from .store import Outcome, merge
from .subjects import subjects

__all__ = ["WarningService"]

ADDRESS_KINDS = frozenset({WarningKind.RECURRENCE, WarningKind.DISPUTE_PAIR})
# the incremental read around a new case reaches this many detector radii: a recurrence or a
# cluster that spreads further is completed by the next full run
REACH = 4.0


def fresh_from(params: WarningParams, now: int) -> dict[WarningKind, int]:
    """Per kind, the instant before which a warning's evidence is out of the detector's window."""
    return {
        WarningKind.RECURRENCE: now - params.recurrence.days * DAY,
        WarningKind.REPEAT_CALLER: now - params.repeat_caller.days * DAY,
        WarningKind.DISPUTE_PAIR: now - params.dispute.days * DAY,
        WarningKind.RISING_TREND: now - params.trend.band_hours * 3600,
        WarningKind.CLUSTER: now - params.cluster.hours * 3600,
        WarningKind.CHRONIC_LATENESS: now - (params.lateness.days + 1) * DAY,
    }


class WarningService(ServiceBase):
    """Early warnings (事前预警): detect, store, list."""

    def __init__(self, db: Database) -> None:
        super().__init__(db)
        self._lateness_day: date | None = None  # the last day whose lateness the incremental path judged

    # ---- reading ----------------------------------------------------------------------
    def list_warnings(self, principal: Principal, *, statuses: Iterable[WarningStatus] | None = None
                      ) -> list[WarningItem]:
        """The warnings of the principal's centres, newest evidence first."""
        self.allow(principal)
        query = select(EarlyWarning, User.display_name).outerjoin(User, User.id == EarlyWarning.acted_by_user_id) \
            .where(EarlyWarning.centre_id.in_(principal.centre_ids)) \
            .order_by(EarlyWarning.last_evidence_at.desc(), EarlyWarning.id.desc())
        if statuses is not None:
            query = query.where(EarlyWarning.status.in_([WarningStatus(s).value for s in statuses]))
        clear = sees_personal_data(self.db, principal)
        with self.db.read() as s:
            return [_item(w, name, clear) for w, name in s.execute(query)]

    def get(self, principal: Principal, warning_id: int) -> WarningItem:
        """One warning; NotFound when there is none, OutOfScope when it is another centre's."""
        clear = sees_personal_data(self.db, principal)
        with self.db.read() as s:  # the row is read into the item before the session ends
            row = s.execute(select(EarlyWarning, User.display_name)
                            .outerjoin(User, User.id == EarlyWarning.acted_by_user_id)
                            .where(EarlyWarning.id == warning_id)).first()
            if row is None:
                raise NotFound("warning", warning_id)
            centre_id, item = row[0].centre_id, _item(row[0], row[1], clear)
        self.allow(principal, centre_id=centre_id, entity="warning", entity_id=warning_id)
        return item

    def counts(self, principal: Principal) -> Mapping[WarningKind, int]:
        """Open warnings of the principal's centres, by kind (every kind present, 0 when none)."""
        self.allow(principal)
        with self.db.read() as s:
            rows = s.execute(select(EarlyWarning.kind, func.count()).where(
                EarlyWarning.centre_id.in_(principal.centre_ids), EarlyWarning.status == WarningStatus.OPEN.value)
                .group_by(EarlyWarning.kind)).all()
        found = dict(rows)
        return {k: int(found.get(k.value, 0)) for k in WarningKind}

    def top(self, principal: Principal, centre_ids: Sequence[int], *, limit: int = 10,
            as_of: datetime | None = None) -> list[WarningItem]:
        """The briefing's list: open warnings of `centre_ids` raised by `as_of`, most evidence
        first (then newest)."""
        self.allow(principal)
        query = select(EarlyWarning, User.display_name).outerjoin(User, User.id == EarlyWarning.acted_by_user_id) \
            .where(EarlyWarning.centre_id.in_([c for c in centre_ids if c in principal.centre_ids]),
                   EarlyWarning.status == WarningStatus.OPEN.value)
        if as_of is not None:
            query = query.where(EarlyWarning.raised_at <= as_of)
        clear = sees_personal_data(self.db, principal)
        with self.db.read() as s:
            items = [_item(w, name, clear) for w, name in s.execute(query)]
        items.sort(key=lambda w: (-len(w.case_ids), -w.last_evidence_at.timestamp(), w.id))
        return items[:limit]

    def digest(self, principal: Principal, centre_id: int, as_of: datetime, *, limit: int = 8) -> WarningDigest:
        """The briefing's section: the open warnings of `centre_id` and the centres below it that
        were raised by `as_of`, counted by kind, and the `limit` with the most evidence."""
        self.allow(principal, centre_id=centre_id, entity="centre", entity_id=centre_id)
        with self.db.read() as s:
            scope = centre_scope(s, centre_id)
        items = self.top(principal, scope, limit=10_000, as_of=as_of)
        counts = {k: sum(1 for w in items if w.kind is k) for k in WarningKind}
        return WarningDigest(counts=counts, top=tuple(items[:limit]))

    # ---- settings ---------------------------------------------------------------------
    def params(self, principal: Principal) -> WarningParams:
        self.allow(principal)
        with self.db.read() as s:
            return read_params(s)

    def set_params(self, principal: Principal, params: WarningParams) -> None:
        """An administrator's change of the detectors' parameters (audited); the next run uses them.
        A value outside its range (`limits.LIMITS`) is refused with ValidationError."""
        self.allow(principal, Action.MANAGE_CATEGORIES)
        wrong = out_of_range(params)
        if wrong is not None:
            detector, name, lo, hi = wrong
            raise ValidationError(f"{detector}.{name} outside {lo:g}..{hi:g}", field=f"{detector}.{name}",
                                  problem="warning_param", lo=lo, hi=hi)
        with self.db.unit_of_work() as s:
            write_params(s, params)
            audit.append(s, principal, "set_warning_params", "warning", None, json.loads(params.to_json()))

    # ---- detecting --------------------------------------------------------------------
    def update_for_cases(self, principal: Principal, case_ids: Iterable[int]) -> list[WarningItem]:
        """Run the detectors around new or changed cases; the warnings raised, re-opened or
        given new evidence (scoped to the principal's centres)."""
        self.allow(principal, Action.ESCALATE)
        ids = sorted(set(case_ids))
        now = self.db.clock.now().replace(microsecond=0)
        at = to_epoch(now)
        p = F.places(self.db)
        got = F.FactSet.empty()
        with self.db.read() as s:
            params = read_params(s)
            focus = F.read(s, p, got, F.BY_ID, ids=ids) if ids else []
            findings = self._around(s, p, params, focus, got, at)
            lateness_day = self._local_today(principal, now) - timedelta(days=1)
            if self._lateness_day != lateness_day:  # the first update of a day, unless judge_lateness ran
                findings += self._lateness(s, p, params, lateness_day, at, got, principal.timezone)
        changed = self._store(principal, findings, got, params, now)
        self._lateness_day = lateness_day
        return self._items(principal, changed.changed)

    def judge_lateness(self, principal: Principal) -> list[WarningItem]:
        """Judge chronic lateness up to yesterday now, off the path of new cases: the day's
        figures cost some 200 ms at Putian scale, which the first update of the day would
        otherwise pay (a seat calls this when it starts following the warnings)."""
        self.allow(principal, Action.ESCALATE)
        now = self.db.clock.now().replace(microsecond=0)
        p = F.places(self.db)
        got = F.FactSet.empty()
        lateness_day = self._local_today(principal, now) - timedelta(days=1)
        with self.db.read() as s:
            params = read_params(s)
            findings = self._lateness(s, p, params, lateness_day, to_epoch(now), got, principal.timezone)
        changed = self._store(principal, findings, got, params, now)
        self._lateness_day = lateness_day
        return self._items(principal, changed.changed)

    def recompute(self, principal: Principal, as_of: datetime) -> WarningRun:
        """Every detector over its whole window as of `as_of` (aware), findings stored."""
        self.allow(principal, Action.ESCALATE)
        started = time.perf_counter()
        at = to_epoch(as_of)
        p = F.places(self.db)
        got = F.FactSet.empty()
        with self.db.read() as s:
            params = read_params(s)
            days = max(params.recurrence.days, params.repeat_caller.days, params.cluster.hours / 24 + 1)
            recent = F.read(s, p, got, F.WINDOW, start=at - int(days * DAY), end=at)
            disputes = F.read(s, p, got, F.WINDOW_IN, categories=F.dispute_category_ids(p, params.dispute.major),
                              start=at - params.dispute.days * DAY, end=at)
            banded = F.read(s, p, got, F.banded(params.trend.weeks + 1, all_categories=True),
                            **F.band_params(trend_windows(at, params.trend)))
            callers, _ = F.further_callers(s, got, recent, F.FURTHER_IN_WINDOW, start=at - int(days * DAY), end=at)
            findings = [*recurrences(recent, at, params.recurrence), *repeat_callers(callers, at, params.repeat_caller),
                        *dispute_pairs(disputes, at, params.dispute), *rising_trends(banded, at, params.trend),
                        *clusters(recent, at, params.cluster)]
            last_day = self._local_today(principal, as_of) - timedelta(days=1)
            findings += self._lateness(s, p, params, last_day, at, got, principal.timezone)
        outcome = self._store(principal, findings, got, params, as_of.replace(microsecond=0))
        if last_day == self._local_today(principal, self.db.clock.now()) - timedelta(days=1):
            self._lateness_day = last_day  # judged as of today: the next update need not again
        with self.db.read() as s:
            rows = s.execute(select(EarlyWarning.kind, func.count()).where(
                EarlyWarning.status == WarningStatus.OPEN.value).group_by(EarlyWarning.kind)).all()
        return WarningRun(as_of=as_of, cases_read=len(got.facts), findings=len(findings),
                          raised=len(outcome.raised), reopened=len(outcome.reopened), updated=len(outcome.updated),
                          unchanged=outcome.unchanged, open_by_kind={WarningKind(k): n for k, n in rows},
                          seconds=time.perf_counter() - started)

    # ---- internals --------------------------------------------------------------------
    @staticmethod
    def _local_today(principal: Principal, now: datetime) -> date:
        return now.astimezone(ZoneInfo(principal.timezone)).date()

    def _around(self, s: Session, p: F.Places, params: WarningParams, focus: list[CaseFact], got: F.FactSet,
                at: int) -> list[Finding]:
        """The detectors over the cases near the focus cases: their category near their place,
        their caller, their address, their category's trend windows."""
        if not focus:
            return []
        ids = [f.id for f in focus]
        rec, cl, tr = params.recurrence, params.cluster, params.trend
        near_rec: list[CaseFact] = []
        near_cl: list[CaseFact] = []
        for f in focus:  # its category near it: a month for recurrence, three days (wider) for clusters
            category = p.category_id[f.category]
            near_rec += F.read(s, p, got, F.NEAR, category=category, start=at - rec.days * DAY, end=at,
                               **F.box(f.lon, f.lat, rec.radius_m * REACH))
            near_cl += F.read(s, p, got, F.NEAR, category=category, start=at - cl.hours * 3600, end=at,
                              **F.box(f.lon, f.lat, cl.eps_m * REACH))
        cats = F.categories_of(p, {f.category for f in focus})
        banded = F.read(s, p, got, F.banded(tr.weeks + 1, all_categories=False), categories=cats,
                        **F.band_params(trend_windows(at, tr)))
        # the focus cases' callers, first and further, and every case any of them called about
        focus, further = F.further_callers(s, got, focus, F.FURTHER_BY_ID, ids=ids)
        phones = sorted({got.phones[i] for i in ids if i in got.phones} | further)
        calls = F.read(s, p, got, F.BY_PHONE, phones=phones, start=at - max(params.repeat_caller.days,
                                                                             params.dispute.days) * DAY,
                       end=at) if phones else []
        others = sorted({f.id for f in calls} - set(ids))  # the focus cases' further callers are read
        if others:
            calls, _ = F.further_callers(s, got, calls, F.FURTHER_BY_ID, ids=others)
        disputes: list[CaseFact] = []
        mine = [f for f in focus if major_of(f.category) == params.dispute.major and f.address]
        if mine:
            disputes = F.at_addresses(s, p, got, sorted({f.address for f in mine}),
                                      categories=F.dispute_category_ids(p, params.dispute.major),
                                      start=at - params.dispute.days * DAY, end=at)
        return [*recurrences(_uniq(near_rec), at, rec, ids), *clusters(_uniq(near_cl), at, cl, ids),
                *rising_trends(banded, at, tr, focus), *repeat_callers(calls, at, params.repeat_caller, ids),
                *dispute_pairs(_uniq(disputes + calls), at, params.dispute, ids)]

    def _lateness(self, s: Session, p: F.Places, params: WarningParams, last_day: date, at: int,
                  got: F.FactSet, tz: str) -> list[Finding]:
        due, centres = F.due_facts(s, p, last_day, params.lateness.days, ZoneInfo(tz), at)
        for cid, centre in centres.items():
            got.centres.setdefault(cid, centre)
        return chronic_lateness(due, last_day, params.lateness)

    def _store(self, principal: Principal, findings: list[Finding], got: F.FactSet, params: WarningParams,
               now: datetime) -> Outcome:
        if not findings:
            return Outcome()
        def once() -> Outcome:
            with self.db.unit_of_work() as s:
                return merge(s, principal, findings, now=now, subjects=subjects(s, findings), centres=got.centres,
                             fresh_from=fresh_from(params, to_epoch(now)))

        try:
            return once()
        except IntegrityError:
            # another seat raised the same pattern meanwhile (PostgreSQL; SQLite serialises
            # writers): merging again finds its row and adds only what is new
            return once()

    def _items(self, principal: Principal, ids: Sequence[int]) -> list[WarningItem]:
        if not ids:
            return []
        clear = sees_personal_data(self.db, principal)
        with self.db.read() as s:
            rows = s.execute(select(EarlyWarning, User.display_name)
                             .outerjoin(User, User.id == EarlyWarning.acted_by_user_id)
                             .where(EarlyWarning.id.in_(ids), EarlyWarning.centre_id.in_(principal.centre_ids))
                             .order_by(EarlyWarning.id)).all()
            return [_item(w, name, clear) for w, name in rows]


def _uniq(facts: list[CaseFact]) -> list[CaseFact]:
    return list({f.id: f for f in facts}.values())


def _item(w: EarlyWarning, acted_by: str | None, clear: bool) -> WarningItem:
    kind = WarningKind(w.kind)
    subject = w.subject if clear or kind not in ADDRESS_KINDS or not _is_address(w) else mask_address(w.subject)
    return WarningItem(
        id=w.id, kind=kind, status=WarningStatus(w.status), subject=subject, category_code=w.category_code,
        grid_ids=tuple(json.loads(w.grid_ids)), case_ids=tuple(json.loads(w.case_ids)), raised_at=w.raised_at,
        last_evidence_at=w.last_evidence_at,
        centroid=(w.centroid_lon, w.centroid_lat) if w.centroid_lon is not None and w.centroid_lat is not None
        else None,
        outline=tuple((float(a), float(b)) for a, b in json.loads(w.outline)), evidence=json.loads(w.evidence),
        action_note=w.action_note, acted_by=acted_by, acted_at=w.acted_at, linked_case_id=w.linked_case_id)


def _is_address(w: EarlyWarning) -> bool:
    return json.loads(w.evidence).get("subject", "address") == "address"
