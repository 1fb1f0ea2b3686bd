"""A city's case history, planned with numpy a fortnight of report days at a time.

Every case walks the closed loop through the state machine's own rules, one vectorised step
at a time: report, register (or reject, or merge into an earlier case of the same grid),
dispatch, accept, feed back, close (or return for rework once and go round again), evaluate;
with a few suspensions and extensions on the way, and the field steps of `fieldloop`
(reassignments and send-backs before acceptance, field checks, on-the-spot closures of patrol
reports, follow-up calls to reporters and reopenings of some unsatisfied ones). A step happens only if its time is not
after "now", so the cases of the last hours and days are left open in every stage, some of
them overdue. Each step sets the case's columns exactly as `CaseService._apply` does
(timestamps, stage clock, handling deadline, escalation level) and adds the history row the
service would write; deadlines come from the same time-limit policy and working calendar,
computed on arrays by `WorkLine`. An escalation row is written where the escalation clock
would have made one: a reminder at 80 % and a supervision at 100 % of a stage's limit,
noticed at the next minute's poll.

The history and escalations are released in time order, so ids grow with time as they do in a
live database. The audit trail gets no entry per history row: no operator did these actions
(see `generate_demo`).

This module decides who reports what, where and when (the rhythms are in `curves`), which path
each case takes, and turns the result into rows; the steps themselves are applied by
`caseloop.Plan` and `fieldloop`, and the shifts' written handovers by `handovers`.

How often each turn of the loop happens, and why (shares of all cases unless said; "measured" is
a 30-day small city; tests/test_demo_history.py holds each to a band):

- rejected as invalid 3 %, merged as a duplicate 2 % (P_REJECT, P_MERGE): centres publish about
  95 % of reports filed (立案率).
- on the spot (即时办结) 15 % of patrol reports (fieldloop.P_ON_SPOT): grid officers solve the
  small things they find (flyers, a bin) themselves; 自处率 in published reports runs 10-20 %.
- reassigned (改派) before acceptance 2 %, sent back (退回) 6 % of dispatches to departments and
  1 % of those to officers, then dispatched again: about 3 % of dispatches in all, i.e. a
  dispatch accuracy (派遣准确率) near 97 %, the range centres report (95-98 %).
- extension (延期) asked for 3.5 % of cases, one in five refused; suspension (挂账) 1 % of
  registered and 2 % of accepted cases, about one in six refused, resumed after days: REFERENCE.md
  names both as normal steps needing approval; a 延期率 of a few per cent is what keeps the
  on-time closure rate near the published 75.82 % (737 of 972 due, one city's month).
- returned for rework (返工) 8 % of verifications not checked on site, and 12 % of field checks
  (核查, 40 % of fed-back cases) fail: about 5 % of cases reworked, a 返工率 in the usual 3-10 %.
- evaluated 60 % of closed cases; followed up (回访) 92 % of the closed cases whose reporter gave
  a name and number (a third of all cases come from such callers): satisfied 85 %, basically
  satisfied 10 %, unsatisfied 5 % (满意率 ~95 %, as centres report), and half of the unsatisfied
  reopened (about 1 % of cases).
- handled jointly (主办 / 协办) half of the accepted neighbour, property and family disputes, with
  the judicial office's mediator and often the police as supporting units (`jointloop`).
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np

from ...domain.actions import Action
from ...domain.entities import Entity
from ...domain.enums import (
    OPEN_STATUSES,
    PRIORITY_ORDER,
    CaseStatus,
    EscalationLevel,
    ReporterPrivacy,
    SourceChannel,
    Stage,
)
from .caseloop import (
    ACTIONS,
    OUTCOMES,
    REQUEST_KINDS,
    REQUEST_STATES,
    ST,
    STAGES,
    STATUSES,
    CaseSetting,
    Notes,
    Plan,
    handle,
    start_handling,
    suspend_and_resume,
    verify,
)
from .curves import STORM_PRIORITY, Rhythm, storm_days
from .fieldloop import (
    P_CHECK,
    P_FOLLOW_UP,
    P_ON_SPOT,
    field_check,
    follow_up,
    reassign_and_send_back,
    reopen_unsatisfied,
    solve_on_spot,
)
from .handovers import HandoverDesk
from .history_clocks import history_clocks
from .jointloop import JointPlanner
from .people import mobile_numbers
from .rows import NONE, Const, Lookup, Nullable, TableRows, labels, table
from .scatter import case_points
from .texts import (
    DESCRIPTIONS,
    REJECT_REASONS,
)

SOURCES: tuple[SourceChannel, ...] = tuple(SourceChannel)
CLOCKED = np.array([s in (CaseStatus.REPORTED, CaseStatus.REGISTERED, CaseStatus.DISPATCHED,
                          CaseStatus.ACCEPTED, CaseStatus.FED_BACK, CaseStatus.CHECKING) for s in STATUSES])
OPEN = np.array([s in OPEN_STATUSES for s in STATUSES])

# ---- mixes (the rhythms are in `curves`) -----------------------------------------------
# source weights per category kind, in SourceChannel order:
# patrol, 12345, duty line, app, video, sensor, referral, petition, mayor's mailbox;
# the mix at each hour is these times the channels' activity then (`curves.CHANNEL_HOURS`), so
# patrols, working only by day, are weighted up to stay the main source over the whole day
SOURCE_WEIGHTS: dict[str, tuple[float, ...]] = {
    "component": (0.70, 0.16, 0.03, 0.12, 0.10, 0.06, 0.02, 0.005, 0.005),
    "event": (0.64, 0.22, 0.04, 0.12, 0.11, 0.01, 0.02, 0.01, 0.01),
    "social": (0.52, 0.30, 0.06, 0.10, 0.00, 0.00, 0.04, 0.06, 0.04),
}
KINDS = ("component", "event", "social")
REPORTER_SOURCES = {SourceChannel.HOTLINE_12345, SourceChannel.DUTY_LINE, SourceChannel.CITIZEN_APP,
                    SourceChannel.PETITION, SourceChannel.MAYOR_MAILBOX}
PRIVACY: tuple[ReporterPrivacy, ...] = tuple(ReporterPrivacy)
PRIVACY_WEIGHTS = (0.88, 0.08, 0.04)  # named, anonymous, confidential (of reporters who called or wrote)
# relative frequency of minor categories (default 1)
CATEGORY_WEIGHTS: dict[str, float] = {
    "0101": 2.0, "0102": 3.0, "0201": 2.5, "0205": 3.0, "0301": 1.5, "0402": 1.5,
    "0701": 5.0, "0702": 8.0, "0703": 4.0, "0801": 7.0, "0803": 2.0, "0902": 2.0, "0903": 2.0,
    "1004": 0.8, "1001": 0.2, "1002": 0.3, "1003": 0.15, "1005": 0.2,
    "1101": 8.0, "1102": 2.5, "1103": 5.0, "1104": 6.0,
    "1201": 2.0, "1202": 1.5, "1501": 2.0, "1502": 2.5, "1604": 2.0,
}
# priority weights (urgent, high, normal, low) by major class; the rest use DEFAULT
PRIORITY_WEIGHTS: dict[str, tuple[float, float, float, float]] = {
    "10": (0.45, 0.40, 0.15, 0.00),
    "13": (0.04, 0.30, 0.60, 0.06),
    "14": (0.05, 0.30, 0.60, 0.05),
    "15": (0.04, 0.30, 0.60, 0.06),
}
DEFAULT_PRIORITY = (0.018, 0.14, 0.71, 0.132)

# ---- what happens to cases ------------------------------------------------------------
P_REJECT, P_MERGE, P_MERGE_REGISTERED = 0.03, 0.02, 0.4
# suspensions asked for (about one in six refused) and extensions asked for (one in five refused)
P_SUSPEND_REGISTERED, P_SUSPEND_HANDLING, P_EXTEND = 0.01, 0.02, 0.035
P_REWORK, P_EVALUATE, P_DEPARTMENT = 0.08, 0.60, 0.7
RATINGS = (1, 2, 3, 4, 5)
RATING_WEIGHTS = (0.02, 0.03, 0.10, 0.30, 0.55)
CHUNK_DAYS = 14  # report days planned and written together: at Putian scale about 40,000 cases
RELEASE_ALL = np.iinfo(np.int64).max  # the last chunk holds nothing back


def _choice(rng: np.random.Generator, weights: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """One draw per element from the weight row `rows[i]` of a (k, m) weight table."""
    cdf = np.cumsum(weights / weights.sum(axis=1, keepdims=True), axis=1)
    u = rng.random(len(rows))
    return np.minimum((u[:, None] > cdf[rows]).sum(axis=1), weights.shape[1] - 1)


def _case_numbers(s: CaseSetting, rep: np.ndarray, centre: np.ndarray) -> tuple[np.ndarray, TableRows]:
    """YYYYMMDD-NNNNN per numbering centre and local day, in report order, and the sequence rows.

    As `lifecycle.next_case_number`: the sequence belongs to the top of the centre tree (the
    city), so a number names one case on every wall.
    """
    day = s.line.day_index(rep)
    key = centre.astype(np.int64) * 1_000_000 + day
    order = np.argsort(key, kind="stable")
    sorted_key = key[order]
    starts = np.r_[0, np.flatnonzero(np.diff(sorted_key)) + 1]
    group_len = np.diff(np.r_[starts, len(key)])
    seq = np.empty(len(key), dtype=np.int64)
    seq[order] = np.arange(len(key)) - np.repeat(starts, group_len) + 1
    labels = {d: str(np.datetime64(s.line.calendar.origin, "D") + d).replace("-", "") for d in np.unique(day).tolist()}
    numbers = np.array([f"{labels[d]}-{q:05d}" for d, q in zip(day.tolist(), seq.tolist(), strict=True)], dtype=object)
    last = order[starts + group_len - 1]
    daily = table("daily_sequence", centre_id=centre[last], day=[labels[d] for d in day[last].tolist()],
                  last_value=seq[last])
    return numbers, daily


def _merge_targets(grid: np.ndarray, ordinary: np.ndarray) -> np.ndarray:
    """For each case, the latest earlier ordinary case of the same grid (or -1)."""
    order = np.lexsort((np.arange(len(grid)), grid))
    g, ok = grid[order], ordinary[order]
    pos = np.where(ok, np.arange(len(order)), -1)
    latest = np.maximum.accumulate(pos)
    prev = np.r_[-1, latest[:-1]]
    same_grid = np.r_[False, g[1:] == g[:-1]]
    prev_grid = np.where(prev >= 0, g[np.maximum(prev, 0)], -1)
    valid = same_grid & (prev >= 0) & (prev_grid == g)
    out = np.full(len(grid), -1)
    out[order[valid]] = order[prev[valid]]
    return out


class CaseTotals:
    """The figures the summary reports, summed over the chunks as they are planned."""

    def __init__(self) -> None:
        self.cases = self.history_rows = self.open_cases = self.overdue_cases = 0


class CasePlanner:
    """Plans the cases a few report days at a time and hands out their rows, chunk by chunk.

    A year at Putian scale is a million cases and seven million history rows: planned at once,
    their arrays and the tuples made from them took gigabytes. A chunk's cases are independent
    of all others except for merges, which look back to the latest earlier case of the same grid
    (carried from chunk to chunk), so each chunk is walked through the closed loop on its own.
    History and escalation rows are released in time order: rows at or after the next chunk's
    first instant wait for that chunk's rows, so their ids still grow with time over the year.
    """

    def __init__(self, s: CaseSetting, seed: int) -> None:
        self.s, self.chunk_days = s, CHUNK_DAYS
        self.rng = np.random.default_rng([seed, 3])
        self.field_rng = np.random.default_rng([seed, 5])  # the field steps' own stream (Plan.field_rng)
        self.ack_rng = np.random.default_rng([seed, 6])  # escalations' acknowledgements
        self.totals = CaseTotals()
        self.notes = Notes()
        weights = np.array([CATEGORY_WEIGHTS.get(c, 1.0) for c in s.category_codes])
        self.category_p = weights / weights.sum()
        kinds = np.array([KINDS.index(k) for k in s.category_kinds])
        self.rhythm = Rhythm(s.category_codes, kinds, self.category_p, s.cases_per_day,
                             np.array([SOURCE_WEIGHTS[k] for k in KINDS]))
        # storms are drawn for the whole history at once, so they do not depend on the chunking
        self.storm, self.storm_peak = storm_days(s.line.local_dates(np.arange(s.first_day, s.last_day + 1)),
                                                 np.random.default_rng([seed, 7]))
        hot = self.rng.lognormal(0.0, 0.6, size=len(s.grid_ids))  # hotspots last all year
        self.grid_p = hot / hot.sum()
        self.last_candidate_id = np.full(len(s.grid_ids), NONE, dtype=np.int64)
        self.last_candidate_number = np.full(len(s.grid_ids), "", dtype=object)
        self.next_id = {t: s.first_ids[t] for t in ("case_record", "case_history", "escalation", "change_log",
                                                    "time_request")}
        self.pending_history: dict[str, np.ndarray] | None = None
        self.pending_escalations: dict[str, np.ndarray] | None = None
        self.pending_requests: dict[str, np.ndarray] | None = None
        all_days = np.arange(s.first_day, s.last_day + 1)
        self.desk = HandoverDesk(s.staff, s.labels, s.line.day_start, [str(d) for d in s.line.local_dates(all_days)],
                                 s.first_day, s.last_day, len(s.staff.supervisors), s.now, s.first_ids, seed)
        self.joint = JointPlanner(s, seed)  # disputes handled with supporting units (jointloop)

    @property
    def days(self) -> int:
        return self.s.last_day - self.s.first_day + 1

    def chunks(self) -> Iterator[tuple[int, list[TableRows]]]:
        """(days planned so far, the rows that chunk releases), one chunk of report days at a time."""
        s = self.s
        for first in range(s.first_day, s.last_day + 1, self.chunk_days):
            last = min(first + self.chunk_days - 1, s.last_day)
            until = int(s.line.day_start[last + 1]) if last < s.last_day else RELEASE_ALL
            yield last - s.first_day + 1, self._chunk(first, last, until)

    def _ids(self, name: str, n: int) -> np.ndarray:
        first = self.next_id[name]
        self.next_id[name] += n
        return first + np.arange(n)

    def _merge_targets(self, grid: np.ndarray, candidate: np.ndarray, ids: np.ndarray,
                       numbers: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Id and number of each case's latest earlier candidate of its grid, in this chunk or before."""
        local = _merge_targets(grid, candidate)
        here = local >= 0
        at = np.maximum(local, 0)
        target_id = np.where(here, ids[at], self.last_candidate_id[grid])
        target_number = np.where(here, numbers[at], self.last_candidate_number[grid])
        latest = np.flatnonzero(candidate)[::-1]
        g, first = np.unique(grid[latest], return_index=True)
        self.last_candidate_id[g] = ids[latest[first]]
        self.last_candidate_number[g] = numbers[latest[first]]
        return target_id, target_number

    def _chunk(self, first_day: int, last_day: int, until: int) -> list[TableRows]:
        """Every case reported on days first_day..last_day, walked through the closed loop up to now."""
        s, rng = self.s, self.rng

        # ---- what is reported where and when ------------------------------------------
        days = slice(first_day - s.first_day, last_day - s.first_day + 1)
        reports = self.rhythm.reports(rng, s.line.local_dates(np.arange(first_day, last_day + 1)),
                                      s.line.day_start[first_day:last_day + 1], s.line.working[first_day:last_day + 1],
                                      self.storm[days], self.storm_peak[days], s.now)
        rep, cat, source = reports.at, reports.category, reports.source
        n = len(rep)
        if not n:
            return self.desk.release(until)
        ids = self._ids("case_record", n)
        majors = sorted({c[:2] for c in s.category_codes})
        prio_table = np.array([PRIORITY_WEIGHTS.get(m, DEFAULT_PRIORITY) for m in majors] + [STORM_PRIORITY])
        major_of = np.array([majors.index(c[:2]) for c in s.category_codes])
        prio = _choice(rng, prio_table, np.where(reports.storm, len(majors), major_of[cat]))
        grid = rng.choice(len(self.grid_p), size=n, p=self.grid_p)
        # scattered by a generator of its own, so the draws after it stay as they were
        point = case_points(s.grid_points, s.grid_polygons, grid, rng.integers(s.grid_points.shape[1], size=n),
                            np.random.default_rng([int(ids[0]), 5]))
        address = s.grid_addresses[grid, rng.integers(s.grid_addresses.shape[1], size=n)]
        centre = s.grid_centre[grid]
        district = s.grid_district[grid]
        numbers, daily = _case_numbers(s, rep, np.full(n, s.numbering_centre))

        plan = Plan(s, rng, self.notes, rep, cat, prio, district, self.field_rng)
        system = SOURCES.index(SourceChannel.SENSOR)
        reporter_user = np.where(source == system, NONE, plan.operator(rep))
        plan.report(rep, reporter_user)
        reporter = np.isin(source, [SOURCES.index(x) for x in REPORTER_SOURCES])
        frng = self.field_rng
        privacy = np.where(reporter, frng.choice(len(PRIVACY), size=n, p=PRIVACY_WEIGHTS), 0)
        with plan.drawing_from(frng):
            solve_on_spot(plan, (source == SOURCES.index(SourceChannel.PATROL)) & (frng.random(n) < P_ON_SPOT), grid)

        # ---- register, or reject, or merge --------------------------------------------
        u = rng.random(n)
        reject = u < P_REJECT
        target_id, target_number = self._merge_targets(grid, ~(u < P_REJECT + P_MERGE), ids, numbers)
        merge = (u >= P_REJECT) & (u < P_REJECT + P_MERGE) & (target_id != NONE)
        merge_registered = merge & (rng.random(n) < P_MERGE_REGISTERED)
        ordinary = ~reject & ~merge
        merge_note = np.zeros(n, dtype=np.int64)
        has_target = np.flatnonzero(merge)
        merge_note[has_target] = plan.notes.add([f"merged into {x}" for x in target_number[has_target].tolist()])
        minutes, working = plan.limit(Stage.REGISTER)
        t = plan.advance(rep, plan.fraction(Stage.REGISTER) * minutes, working)
        who = plan.operator(t)
        idx, at = plan.step(reject, t, Action.REJECT, CaseStatus.REPORTED, who, note=plan.pick_notes(REJECT_REASONS))
        plan.end_run(idx, at)
        plan.reject_reason[idx] = plan.events.note[-1]
        plan.clear_clock(idx)
        idx, at = plan.step(merge & ~merge_registered, t, Action.MERGE, CaseStatus.REPORTED, who, note=merge_note)
        plan.end_run(idx, at)
        plan.merged_into[idx] = target_id[idx]
        plan.clear_clock(idx)
        idx, at = plan.step(ordinary | merge_registered, t, Action.REGISTER, CaseStatus.REPORTED, who)
        plan.end_run(idx, at)
        plan.registered_at[idx] = at
        plan.start_run(idx, Stage.DISPATCH, plan.last)

        # ---- dispatch (a few merged late, a few suspended first) ---------------------------
        minutes, working = plan.limit(Stage.DISPATCH)
        base = np.where(plan.registered_at > 0, plan.registered_at, rep)
        t = plan.advance(base, plan.fraction(Stage.DISPATCH) * minutes, working)
        idx, at = plan.step(merge_registered, base + (t - base) // 2, Action.MERGE, CaseStatus.REGISTERED,
                            plan.operator(t), note=merge_note)
        plan.end_run(idx, at)
        plan.merged_into[idx] = target_id[idx]
        plan.clear_clock(idx)
        suspend_reg = ordinary & (rng.random(n) < P_SUSPEND_REGISTERED)
        span = plan.stage_deadline - plan.stage_started
        suspend_and_resume(plan, suspend_reg, base + np.minimum((t - base) // 3, span // 2), CaseStatus.REGISTERED)
        t = t + plan.suspended_seconds
        routed = np.array([s.staff.routes.get(c, NONE) for c in s.category_codes])[cat]
        to_department = (routed != NONE) & (rng.random(n) < P_DEPARTMENT)
        department = np.where(to_department, routed, NONE)
        ptr, officers = s.staff.grid_officer_ptr, s.staff.grid_officer_ids
        count = ptr[grid + 1] - ptr[grid]
        officer = np.where(to_department, NONE, officers[ptr[grid] + (rng.random(n) * count).astype(np.int64)])
        idx, at = plan.step(ordinary, t, Action.DISPATCH, CaseStatus.REGISTERED, plan.operator(t),
                            officer=officer, department=department)
        plan.end_run(idx, at)
        plan.dispatched_at[idx] = at
        plan.officer[idx], plan.department[idx] = officer[idx], department[idx]
        start_handling(plan, idx)
        with plan.drawing_from(frng):
            reassign_and_send_back(plan, ordinary, grid)

        # ---- handle, verify, maybe once more, close, evaluate ------------------------------
        extend = ordinary & ~suspend_reg & (rng.random(n) < P_EXTEND)
        suspend_handling = ordinary & ~suspend_reg & ~extend & (rng.random(n) < P_SUSPEND_HANDLING)
        never = np.zeros(n, dtype=bool)
        handle(plan, s, rng, extend, suspend_handling)
        check = frng.random(n) < P_CHECK
        with plan.drawing_from(frng):
            field_check(plan, check, grid)
        rework = (rng.random(n) < P_REWORK) & ~check
        verify(plan, rng, rework, Action.RETURN_FOR_REWORK)
        verify(plan, rng, ~rework, Action.CLOSE)
        handle(plan, s, rng, never, never)
        verify(plan, rng, ~never, Action.CLOSE)
        evaluate = rng.random(n) < P_EVALUATE
        t = plan.closed_at + np.minimum(rng.lognormal(np.log(4 * 3600), 1.0, size=n), 5 * 86400).astype(np.int64)
        rating = rng.choice(RATINGS, size=n, p=RATING_WEIGHTS) - ((plan.rework_count > 0) & (rng.random(n) < 0.5))
        idx, at = plan.step(evaluate, t, Action.EVALUATE, CaseStatus.CLOSED, plan.supervisor())
        plan.rating[idx] = np.maximum(rating[idx], 1)
        plan.evaluated_at[idx] = at
        # ---- follow-up calls (回访), and once more round the loop for some unsatisfied -------
        callable_ = privacy == PRIVACY.index(ReporterPrivacy.NAMED)
        callable_ &= reporter
        with plan.drawing_from(frng):
            follow_up(plan, callable_ & (frng.random(n) < P_FOLLOW_UP))
            again = reopen_unsatisfied(plan, grid)
            handle(plan, s, frng, never, never)
            verify(plan, frng, ~never, Action.CLOSE)
            follow_up(plan, again & callable_, (0.7, 0.2, 0.1))

        self.joint.plan(plan)  # supporting units of some disputes, in their accepted runs

        # ---- clocks still running at now -------------------------------------------------
        running = np.flatnonzero(CLOCKED[plan.status])
        plan.end_run(running, np.full(len(running), s.now + 1), current=True)
        paused = np.flatnonzero(plan.status == ST[CaseStatus.SUSPENDED])
        plan.end_run(paused, plan.suspended_at[paused], current=True)

        names = np.array(s.reporter_names, dtype=object)[rng.integers(len(s.reporter_names), size=n)]
        phones = mobile_numbers(rng, n)
        templates = [DESCRIPTIONS[c] for c in s.category_codes]
        flat = np.array([t_ for ts in templates for t_ in ts], dtype=object)
        first = np.cumsum([0] + [len(ts) for ts in templates])[:-1]
        choice = first[cat] + (rng.random(n) * np.array([len(ts) for ts in templates])[cat]).astype(np.int64)
        description = flat[choice] % address

        named = reporter & (privacy != PRIVACY.index(ReporterPrivacy.ANONYMOUS))  # anonymous callers leave none
        details = {"number": numbers, "rep": rep, "cat": cat, "prio": prio, "grid": grid, "district": district,
                   "description": description, "officer": plan.officer, "department": plan.department}
        return self._tables(plan, ids, numbers, daily, rep, cat, prio, source, grid, point, address, description,
                            np.where(named, names, ""), np.where(named, phones, ""), privacy, centre,
                            reporter_user, until, details)

    def _tables(self, plan: Plan, ids: np.ndarray, numbers: np.ndarray, daily: TableRows, rep: np.ndarray,
                cat: np.ndarray, prio: np.ndarray, source: np.ndarray, grid: np.ndarray, point: np.ndarray,
                address: np.ndarray, description: np.ndarray, reporter_name: np.ndarray,
                reporter_phone: np.ndarray, privacy: np.ndarray, centre: np.ndarray, created_by: np.ndarray,
                until: int, details: dict[str, np.ndarray]) -> list[TableRows]:
        s, ev = self.s, plan.events
        h_case = np.concatenate(ev.case)
        planned = {
            "case": ids[h_case], "at": np.concatenate(ev.at), "action": np.concatenate(ev.action),
            "from": np.concatenate(ev.from_status).astype(np.int64) + 1,  # 0 is "no status"
            "to": np.concatenate(ev.to_status).astype(np.int64) + 1, "user": np.concatenate(ev.user),
            "officer": np.concatenate(ev.officer), "department": np.concatenate(ev.department),
            "note": np.concatenate(ev.note), "outcome": np.concatenate(ev.outcome),
            "evidence": np.concatenate(ev.evidence),
        }
        e_case, e_stage, e_sup, e_round, e_at, e_deadline, e_current = (
            np.concatenate(parts) for parts in zip(*plan.escalations, strict=True))
        # the live clock writes one escalation per case, stage, level and round (its unique key):
        # a stage run twice in a round (reassigned, sent back, checked, reopened) keeps the first
        order = np.lexsort((e_at, e_round, e_sup, e_stage, e_case))
        keys = np.stack([e_case[order], e_stage[order], e_sup[order], e_round[order]])
        first = order[np.r_[True, (keys[:, 1:] != keys[:, :-1]).any(axis=0)]] if len(order) else order
        e_case, e_stage, e_sup, e_round, e_at, e_deadline, e_current = (
            a[first] for a in (e_case, e_stage, e_sup, e_round, e_at, e_deadline, e_current))
        planned["deadline"], planned["stage_deadline"] = history_clocks(
            h_case, planned["at"], planned["from"] - 1, planned["to"] - 1,
            np.where(plan.assess_deadline != NONE, plan.assess_deadline, plan.handle_deadline), plan.stage_deadline,
            e_case, e_stage, e_deadline)
        h, self.pending_history = _release(self.pending_history, planned, until, ("case", "at"))
        status_labels = labels([None, *(x.value for x in STATUSES)])
        history = table(
            "case_history", id=self._ids("case_history", len(h["at"])), case_id=h["case"], at=h["at"],
            action=Lookup(labels(ACTIONS), h["action"]), from_status=Lookup(status_labels, h["from"]),
            to_status=Lookup(status_labels, h["to"]), user_id=Nullable(h["user"]), officer_id=Nullable(h["officer"]),
            department_id=Nullable(h["department"]), note=Lookup(self.notes.labels(), h["note"]),
            outcome=Lookup(labels(OUTCOMES), h["outcome"]), evidence=Lookup(self.notes.labels(), h["evidence"]),
            deadline_at=Nullable(h["deadline"]), stage_deadline_at=Nullable(h["stage_deadline"]),
        )

        self.desk.add(ids, details, h_case, planned["at"], planned["action"], planned["to"] - 1, e_case,
                      e_sup.astype(bool), e_at, e_deadline)
        # reminders are acknowledged by an operator on shift, supervision by a supervisor; about half
        # of those on cases still in the escalated stage wait on the wall
        # drawn from a stream of their own: how many escalations a chunk has moves no other draw
        with plan.drawing_from(self.ack_rng):
            ack_at = e_at + plan.rng.exponential(15 * 60, size=len(e_at)).astype(np.int64) + 30
            acked = (ack_at <= s.now) & (~e_current | (plan.rng.random(len(e_at)) < 0.5))
            e_district = plan.district[e_case]
            acknowledger = np.where(e_sup, plan.supervisor(e_district), plan.operator(ack_at, e_district))
        e, self.pending_escalations = _release(self.pending_escalations, {
            "case": ids[e_case], "stage": e_stage.astype(np.int64), "sup": e_sup.astype(np.int64), "round": e_round,
            "at": e_at, "deadline": e_deadline, "ack_at": np.where(acked, ack_at, NONE),
            "ack_by": np.where(acked, acknowledger, NONE),
        }, until, ("sup", "case", "at"))  # time, case, reminder before supervision
        escalations = table(
            "escalation", id=self._ids("escalation", len(e["at"])), case_id=e["case"],
            stage=Lookup(labels([x.value for x in STAGES]), e["stage"]),
            level=Lookup(labels([EscalationLevel.REMINDER.value, EscalationLevel.SUPERVISION.value]), e["sup"]),
            round=e["round"], at=e["at"], deadline_at=e["deadline"], acknowledged_at=Nullable(e["ack_at"]),
            acknowledged_by=Nullable(e["ack_by"]),
        )

        status = plan.status
        n = len(ids)
        versions = np.bincount(h_case, minlength=n)  # one ORM update per transition after the insert
        cases = table(
            "case_record", id=ids, centre_id=centre, case_number=numbers,
            source=Lookup(labels([x.value for x in SOURCES]), source), category_id=s.category_ids[cat],
            priority=Lookup(labels([p.value for p in PRIORITY_ORDER]), prio),
            status=Lookup(status_labels, status.astype(np.int64) + 1),
            suspended_from=Lookup(status_labels, plan.suspended_from.astype(np.int64) + 1), grid_id=s.grid_ids[grid],
            lon=point[:, 0], lat=point[:, 1], address=address, description=description, reporter_name=reporter_name,
            reporter_phone=reporter_phone, reporter_privacy=Lookup(labels([x.value for x in PRIVACY]), privacy),
            reported_at=rep, registered_at=Nullable(plan.registered_at),
            dispatched_at=Nullable(plan.dispatched_at), accepted_at=Nullable(plan.accepted_at),
            fed_back_at=Nullable(plan.fed_back_at), closed_at=Nullable(plan.closed_at),
            evaluated_at=Nullable(plan.evaluated_at), rating=Nullable(plan.rating),
            assignee_officer_id=Nullable(plan.officer), assignee_department_id=Nullable(plan.department),
            stage_started_at=Nullable(plan.stage_started), stage_deadline_at=Nullable(plan.stage_deadline),
            stage_remind_at=Nullable(plan.stage_remind), assess_deadline_at=Nullable(plan.assess_deadline),
            handle_deadline_at=Nullable(plan.handle_deadline), extended_minutes=plan.extended_minutes,
            suspended_at=Nullable(plan.suspended_at), suspended_seconds=plan.suspended_seconds,
            rework_count=plan.rework_count, escalation_level=plan.escalation_level,
            merged_into_id=Nullable(plan.merged_into), check_officer_id=Nullable(plan.check_officer),
            followed_up_at=Nullable(plan.followed_up_at),
            satisfaction=Lookup(labels([None, *OUTCOMES[1:]]), plan.satisfaction), reject_reason=Lookup(self.notes.labels(), plan.reject_reason),
            created_by=Nullable(created_by), updated_at=plan.last, version=versions,
        )
        changes = table("change_log", id=self._ids("change_log", n), at=rep, entity=Const(Entity.CASE.value),
                        entity_id=ids, op=Const("insert"), centre_id=centre)
        totals = self.totals
        totals.cases += n
        totals.history_rows += len(h_case)
        totals.open_cases += int(OPEN[status].sum())
        totals.overdue_cases += int((CLOCKED[status] & (plan.stage_deadline <= s.now)).sum())
        return [cases, daily, history, escalations, changes, self.joint.table(ids, self.notes.labels()),
                self._requests(plan, ids, until),
                *self.desk.release(until)]

    def _requests(self, plan: Plan, ids: np.ndarray, until: int) -> TableRows:
        """The extension and suspension requests asked so far, in the order they were asked."""
        planned = {k: np.concatenate(v) if v else np.zeros(0, dtype=np.int64) for k, v in plan.requests.items()}
        planned["case"] = ids[planned["case"]]
        r, self.pending_requests = _release(self.pending_requests, planned, until, ("case", "at"))
        return table(
            "time_request", id=self._ids("time_request", len(r["at"])), case_id=r["case"],
            kind=Lookup(labels(list(REQUEST_KINDS)), r["kind"]), state=Lookup(labels(list(REQUEST_STATES)), r["state"]),
            minutes=r["minutes"], reason=Lookup(self.notes.labels(), r["reason"]),
            stage=Lookup(labels([x.value for x in STAGES]), r["stage"]), stage_deadline_at=r["deadline"],
            requested_at=r["at"], requested_by=Nullable(r["by"]), officer_id=Nullable(r["officer"]),
            department_id=Nullable(r["department"]), decided_at=Nullable(r["decided_at"]),
            decided_by=Nullable(r["decided_by"]), decision_note=Lookup(self.notes.labels(), r["decision"]),
        )


def _release(pending: dict[str, np.ndarray] | None, planned: dict[str, np.ndarray], until: int,
             order_by: tuple[str, ...]) -> tuple[dict[str, np.ndarray], dict[str, np.ndarray]]:
    """The rows of `pending` and `planned` in time order: those before `until`, and those to keep.

    `order_by` as for `np.lexsort`, the primary key ("at") last.
    """
    rows = planned if pending is None else {k: np.concatenate((pending[k], v)) for k, v in planned.items()}
    order = np.lexsort(tuple(rows[k] for k in order_by))
    rows = {k: v[order] for k, v in rows.items()}
    cut = int(np.searchsorted(rows["at"], until, side="left"))
    return {k: v[:cut] for k, v in rows.items()}, {k: v[cut:].copy() for k, v in rows.items()}
