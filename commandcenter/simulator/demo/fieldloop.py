"""The field steps on arrays, as `services.field_steps` applies them live.

A few dispatched cases are reassigned before acceptance or sent back (退回) as not the handler's
and dispatched again to the grid officer; a good share of fed-back cases get a field check (核查)
by the grid officer, a few of which find the problem not resolved (a rework); grid officers
close some patrol reports on the spot (即时办结) with a photo; reporters who gave a name and a
number are called back after closure (回访), and some unsatisfied ones are reopened. Every step
goes through `Plan.step`, so the state machine and the history rows are the live ones.
"""

from __future__ import annotations

import numpy as np

from ...domain.actions import Action
from ...domain.enums import CaseStatus, Satisfaction, Stage
from .caseloop import OUTCOMES, Plan, start_handling
from .rows import NONE
from .texts import (
    CHECK_CONFIRMED_NOTES,
    CHECK_FAILED_NOTES,
    FOLLOW_UP_NOTES,
    ON_SPOT_NOTES,
    REOPEN_REASONS,
    SEND_BACK_REASONS,
    UNSATISFIED_NOTES,
)

P_ON_SPOT = 0.15  # of patrol reports, solved by the officer on the spot
P_SEND_BACK_DEPARTMENT, P_SEND_BACK_OFFICER = 0.06, 0.01  # about 4 % of dispatches overall
P_REASSIGN = 0.02
P_CHECK = 0.40  # of fed-back cases, checked on site before closing
P_CHECK_FAILS = 0.12  # of field checks, the problem is not resolved
P_FOLLOW_UP = 0.92  # of closed cases whose reporter may be called
SATISFACTION_WEIGHTS = (0.85, 0.10, 0.05)  # satisfied, basically satisfied, unsatisfied
P_REOPEN_UNSATISFIED = 0.5
SATISFIED, UNSATISFIED = OUTCOMES.index(Satisfaction.SATISFIED), OUTCOMES.index(Satisfaction.UNSATISFIED)


def grid_officer(plan: Plan, grid: np.ndarray, pick: np.ndarray | None = None) -> np.ndarray:
    """An officer responsible for each case's grid: the first (the one checks go to) or the `pick`-th."""
    staff = plan.s.staff
    ptr, officers = staff.grid_officer_ptr, staff.grid_officer_ids
    count = ptr[grid + 1] - ptr[grid]
    offset = np.zeros(len(grid), dtype=np.int64) if pick is None else pick % np.maximum(count, 1)
    return officers[ptr[grid] + offset]


def _after(plan: Plan, instant: np.ndarray, delay: np.ndarray) -> np.ndarray:
    """`delay` after `instant`, or after the case's last step where it has no such instant (those
    cases are not eligible for the step; their time only has to lie in the calendar)."""
    return np.where(instant > 0, instant, plan.last) + delay


def _photos(plan: Plan, idx: np.ndarray, at: np.ndarray) -> np.ndarray:
    """An evidence reference (a photo's file name) per case of `idx`, as note codes over all cases."""
    codes = np.zeros(plan.n, dtype=np.int64)
    codes[idx] = plan.notes.add([f"IMG_{a % 100_000_000:08d}.jpg" for a in at.tolist()])
    return codes


def solve_on_spot(plan: Plan, take: np.ndarray, grid: np.ndarray) -> None:
    """Patrol reports already solved by the grid officer: closed minutes after the report, with evidence."""
    officer = grid_officer(plan, grid, plan.rng.integers(0, 8, size=plan.n))
    t = plan.last + plan.rng.integers(60, 15 * 60, size=plan.n)
    photo = _photos(plan, np.flatnonzero(take), t[take])
    idx, at = plan.step(take, t, Action.SOLVE_ON_SPOT, CaseStatus.REPORTED, plan.operator(t),
                        note=plan.pick_notes(ON_SPOT_NOTES), officer=officer, evidence=photo)
    plan.end_run(idx, at)
    plan.officer[idx] = officer[idx]
    plan.registered_at[idx] = plan.fed_back_at[idx] = plan.closed_at[idx] = at
    plan.clear_clock(idx)


def reassign_and_send_back(plan: Plan, ordinary: np.ndarray, grid: np.ndarray) -> None:
    """Before acceptance: a few cases go to another officer, a few come back as not the handler's
    (with a reason) and are dispatched again, to the grid officer."""
    rng, n = plan.rng, plan.n
    to_department = plan.department != NONE
    grid_count = plan.s.staff.grid_officer_ptr[grid + 1] - plan.s.staff.grid_officer_ptr[grid]
    other = grid_officer(plan, grid, rng.integers(1, 8, size=n))
    reassign = ordinary & (rng.random(n) < P_REASSIGN) & (to_department | ((grid_count > 1) & (other != plan.officer)))
    t = _after(plan, plan.dispatched_at, rng.integers(5 * 60, 40 * 60, size=n))
    new = np.where(to_department, grid_officer(plan, grid), other)
    idx, at = plan.step(reassign, t, Action.REASSIGN, CaseStatus.DISPATCHED, plan.operator(t), officer=new)
    plan.end_run(idx, at)
    plan.officer[idx], plan.department[idx] = new[idx], NONE
    plan.start_run(idx, Stage.ACCEPT, plan.last)

    u = rng.random(n)
    back = ordinary & ~reassign & np.where(to_department, u < P_SEND_BACK_DEPARTMENT, u < P_SEND_BACK_OFFICER)
    t = _after(plan, plan.dispatched_at, rng.integers(10 * 60, 90 * 60, size=n))
    idx, at = plan.step(back, t, Action.SEND_BACK, CaseStatus.DISPATCHED, plan.operator(t),
                        note=plan.pick_notes(SEND_BACK_REASONS), officer=plan.officer, department=plan.department)
    plan.end_run(idx, at)
    was_officer = plan.officer.copy()
    plan.officer[idx] = plan.department[idx] = NONE
    plan.dispatched_at[idx] = plan.handle_deadline[idx] = NONE
    plan.start_run(idx, Stage.DISPATCH, plan.last)
    minutes, working = plan.limit(Stage.DISPATCH)
    t = plan.advance(plan.last, plan.fraction(Stage.DISPATCH) * minutes, working)
    officer = np.where(was_officer == grid_officer(plan, grid), other, grid_officer(plan, grid))
    idx, at = plan.step(back, t, Action.DISPATCH, CaseStatus.REGISTERED, plan.operator(t), officer=officer)
    plan.end_run(idx, at)
    plan.dispatched_at[idx] = at
    plan.officer[idx] = officer[idx]
    start_handling(plan, idx)


def field_check(plan: Plan, take: np.ndarray, grid: np.ndarray) -> None:
    """Fed-back cases checked on site by the grid officer: confirmed (back to the centre to close)
    or not resolved (a rework, with a new handling and acceptance clock)."""
    rng, n = plan.rng, plan.n
    checker = grid_officer(plan, grid)
    minutes, working = plan.limit(Stage.VERIFY)
    start = np.where(plan.fed_back_at > 0, plan.fed_back_at, plan.last)
    t = plan.advance(start, rng.uniform(0.02, 0.25, size=n) * minutes, working)
    idx, at = plan.step(take, t, Action.REQUEST_CHECK, CaseStatus.FED_BACK, plan.operator(t), officer=checker)
    plan.end_run(idx, at)
    plan.check_officer[idx] = checker[idx]
    plan.start_run(idx, Stage.CHECK, plan.last)

    minutes, working = plan.limit(Stage.CHECK)
    t = plan.advance(plan.last, plan.fraction(Stage.CHECK) * minutes, working)
    photo = _photos(plan, np.flatnonzero(take), t[take])
    fails = rng.random(n) < P_CHECK_FAILS
    fails &= plan.rework_count == 0  # a case is reworked once at most
    idx, at = plan.step(take & ~fails, t, Action.CONFIRM_CHECK, CaseStatus.CHECKING, plan.operator(t),
                        note=plan.pick_notes(CHECK_CONFIRMED_NOTES), officer=checker, evidence=photo)
    plan.end_run(idx, at)
    plan.check_officer[idx] = NONE
    plan.start_run(idx, Stage.VERIFY, plan.last)
    # not resolved: a rework like a return for rework; the row names the handling unit
    idx, at = plan.step(take & fails, t, Action.FAIL_CHECK, CaseStatus.CHECKING,
                        plan.operator(t), note=plan.pick_notes(CHECK_FAILED_NOTES), officer=plan.officer,
                        department=plan.department, evidence=photo)
    plan.end_run(idx, at)
    plan.check_officer[idx] = NONE
    plan.rework_count[idx] += 1
    plan.fed_back_at[idx] = plan.accepted_at[idx] = NONE
    plan.dispatched_at[idx] = at
    start_handling(plan, idx, rework=True)


def follow_up(plan: Plan, take: np.ndarray, weights: tuple[float, float, float] = SATISFACTION_WEIGHTS) -> None:
    """The reporter called back within a few days of the closure; the answer in the outcome column."""
    rng, n = plan.rng, plan.n
    delay = np.minimum(rng.lognormal(np.log(20 * 3600), 0.6, size=n), 3 * 86400).astype(np.int64)
    t = _after(plan, plan.closed_at, delay)
    answer = rng.choice(len(weights), size=n, p=weights) + SATISFIED
    note = np.where(answer == UNSATISFIED, plan.pick_notes(UNSATISFIED_NOTES), plan.pick_notes(FOLLOW_UP_NOTES))
    idx, at = plan.step(take & (plan.followed_up_at == NONE), t, Action.FOLLOW_UP, CaseStatus.CLOSED,
                        plan.operator(t), note=note, outcome=answer)
    plan.followed_up_at[idx] = at
    plan.satisfaction[idx] = answer[idx]


def reopen_unsatisfied(plan: Plan, grid: np.ndarray) -> np.ndarray:
    """Some unsatisfied follow-ups reopen the case (a new cycle) and it is dispatched again; the
    cases dispatched, to go round the loop once more."""
    rng, n = plan.rng, plan.n
    take = (plan.satisfaction == UNSATISFIED) & (rng.random(n) < P_REOPEN_UNSATISFIED)
    t = _after(plan, plan.followed_up_at, rng.integers(30 * 60, 6 * 3600, size=n))
    idx, at = plan.step(take, t, Action.REOPEN, CaseStatus.CLOSED, plan.supervisor(),
                        note=plan.pick_notes(REOPEN_REASONS))
    # as the live reopening: the closure and the follow-up belong to the cycle before
    for column in (plan.closed_at, plan.evaluated_at, plan.rating, plan.fed_back_at, plan.accepted_at,
                   plan.dispatched_at, plan.officer, plan.department, plan.handle_deadline, plan.followed_up_at):
        column[idx] = NONE
    plan.satisfaction[idx] = 0
    plan.start_run(idx, Stage.DISPATCH, plan.last)
    minutes, working = plan.limit(Stage.DISPATCH)
    t = plan.advance(plan.last, plan.fraction(Stage.DISPATCH) * minutes, working)
    officer = grid_officer(plan, grid)
    idx, at = plan.step(take, t, Action.DISPATCH, CaseStatus.REGISTERED, plan.operator(t), officer=officer)
    plan.end_run(idx, at)
    plan.dispatched_at[idx] = at
    plan.officer[idx] = officer[idx]
    start_handling(plan, idx)
    return take
