"""Joint handling (主办 / 协办) in the demo's history: disputes settled with the police and the judicial office.

Nantong's grid teams settle a neighbour, property or family dispute with the community police
officer and the judicial office's people's mediator (人民调解员) beside the unit that leads it
(the grid officer or the department it was dispatched to). So about half of the disputes
handled in the history get supporting units once the lead has accepted: the judicial office
always, the police in most. Each supporting unit feeds back its part before the lead's
feedback, which `services.joint.require_parts` would otherwise refuse; a part not given by now
is still awaited, on a case still being handled.

The rows are the ones the live service writes: an `add_support` and a `support_feed_back`
history row naming the department, in the case's accepted run, by an operator of its district
on shift; and a `case_support` row with the task and the part. Cases suspended at some point
are left out, so no part falls in a suspension. Everything is drawn from a stream of its own
and added after the case's loop is walked (the steps change no status), so the rest of the
history is as it was without them.
"""

from __future__ import annotations

import numpy as np

from ...domain.actions import Action
from ...domain.enums import CaseStatus
from .caseloop import ACT, ST, CaseSetting, Plan
from .rows import NONE, Lookup, Nullable, TableRows, table

JOINT_CATEGORIES = ("1201", "1202", "1204")  # neighbour, property management and family disputes
P_JOINT = 0.5  # of those disputes accepted by their lead
P_POLICE = 0.6  # the police join the judicial office in most
MIN_WINDOW = 30 * 60  # seconds between the lead's acceptance and feedback for a supporting unit to fit in
FAR = np.iinfo(np.int64).max // 4
# department code in `people.DEPARTMENTS` -> (what the lead asks of it, the parts it feeds back)
UNITS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "judicial": (("请司法所派人民调解员参与调解", "请司法所协助调解，必要时提供法律咨询"),
                 ("人民调解员已到场调解，双方达成调解协议", "已开展法律咨询和调解，双方同意按协议履行",
                  "经司法所调解，双方矛盾已化解")),
    "police": (("请派出所民警到场维持秩序", "请社区民警协助，防止矛盾激化"),
               ("民警已到场，现场秩序正常，未发现治安问题", "社区民警已协助处置，双方情绪稳定")),
}
ADD, PART = ACT[Action.ADD_SUPPORT.value], ACT[Action.SUPPORT_FEED_BACK.value]
ACCEPTED = ST[CaseStatus.ACCEPTED]


class JointPlanner:
    """Adds the supporting units to each chunk's disputes and holds their `case_support` rows."""

    def __init__(self, s: CaseSetting, seed: int) -> None:
        self.rng = np.random.default_rng([seed, 9])
        self.next_id = s.first_ids["case_support"]
        self.joint_category = np.isin(np.array(s.category_codes), JOINT_CATEGORIES)
        self.units = [(s.staff.department_ids[code], tasks, parts) for code, (tasks, parts) in UNITS.items()
                      if code in s.staff.department_ids]
        self.supports: dict[str, np.ndarray] = {}

    def plan(self, plan: Plan) -> None:
        """Pick this chunk's joint cases and add their supporting units' steps to `plan`'s history."""
        ev, rng, n, now = plan.events, self.rng, plan.n, plan.now
        case, at, action = (np.concatenate(x) for x in (ev.case, ev.at, ev.action))
        accepted, fed_back = np.full(n, FAR), np.full(n, FAR)
        np.minimum.at(accepted, case[action == ACT[Action.ACCEPT.value]], at[action == ACT[Action.ACCEPT.value]])
        np.minimum.at(fed_back, case[action == ACT[Action.FEED_BACK.value]], at[action == ACT[Action.FEED_BACK.value]])
        suspended = np.zeros(n, dtype=bool)
        suspended[case[action == ACT[Action.SUSPEND.value]]] = True
        joint = (self.joint_category[plan.cat] & (accepted < FAR) & ~suspended & (rng.random(n) < P_JOINT)
                 & np.where(fed_back < FAR, fed_back - accepted >= MIN_WINDOW, plan.status == ACCEPTED))
        idx = np.flatnonzero(joint)
        a, f = accepted[idx], fed_back[idx]
        open_ = f == FAR
        # added minutes after the acceptance; the parts come in over the handling, before the lead's
        # feedback (a case still handled: hours after, if by now)
        window = np.where(open_, 0, f - a - 120)
        cols: dict[str, list[np.ndarray]] = {k: [] for k in ("case", "department", "added_at", "task", "fed_back_at",
                                                             "part")}
        for k, (department, tasks, parts) in enumerate(self.units):
            take = (rng.random(len(idx)) < P_POLICE) if k else np.ones(len(idx), dtype=bool)
            take &= plan.department[idx] != department  # the lead is not its own supporting unit
            added = a + 60 + k * 60 + np.where(open_, rng.exponential(20 * 60, size=len(idx)),
                                               rng.uniform(0, 0.2, size=len(idx)) * window).astype(np.int64)
            given = np.where(open_, added + rng.lognormal(np.log(4 * 3600), 0.6, size=len(idx)),
                             added + 60 + rng.uniform(0.3, 0.95, size=len(idx)) * (f - 60 - added - 60)).astype(np.int64)
            take &= added <= now
            part_given = take & (given <= now)
            cols["case"].append(idx[take])
            cols["department"].append(np.full(int(take.sum()), department))
            cols["added_at"].append(added[take])
            cols["task"].append(plan.notes.pool(tasks)[rng.integers(len(tasks), size=int(take.sum()))])
            cols["fed_back_at"].append(np.where(part_given, given, NONE)[take])
            cols["part"].append(np.where(part_given[take], plan.notes.pool(parts)[
                rng.integers(len(parts), size=int(take.sum()))], 0))
        rows = {k: np.concatenate(v) for k, v in cols.items()}
        with plan.drawing_from(rng):
            rows["added_by"] = plan.operator(rows["added_at"], plan.district[rows["case"]])
            given = rows["fed_back_at"] != NONE
            entered_by = plan.operator(rows["fed_back_at"][given], plan.district[rows["case"][given]])
        self._history(plan, rows["case"], rows["added_at"], ADD, rows["added_by"], rows["department"], rows["task"])
        self._history(plan, rows["case"][given], rows["fed_back_at"][given], PART, entered_by,
                      rows["department"][given], rows["part"][given])
        self.supports = rows

    @staticmethod
    def _history(plan: Plan, case: np.ndarray, at: np.ndarray, action: int, user: np.ndarray,
                 department: np.ndarray, note: np.ndarray) -> None:
        """History rows of steps that keep the case accepted, as `Plan.step` records them."""
        ev, m = plan.events, len(case)
        ev.case.append(case)
        ev.at.append(at)
        ev.action.append(np.full(m, action, dtype=np.int8))
        ev.from_status.append(np.full(m, ACCEPTED, dtype=np.int8))
        ev.to_status.append(np.full(m, ACCEPTED, dtype=np.int8))
        ev.user.append(user)
        ev.officer.append(np.full(m, NONE))
        ev.department.append(department)
        ev.note.append(note)
        ev.outcome.append(np.zeros(m, dtype=np.int64))
        ev.evidence.append(np.zeros(m, dtype=np.int64))
        np.maximum.at(plan.last, case, at)  # a still-handled case was last changed by its newest step

    def table(self, ids: np.ndarray, notes: np.ndarray) -> TableRows:
        """The chunk's `case_support` rows; `ids` the chunk's case ids, `notes` the note labels."""
        r = self.supports
        m = len(r["case"])
        first, self.next_id = self.next_id, self.next_id + m
        return table("case_support", id=first + np.arange(m), case_id=ids[r["case"]], department_id=r["department"],
                     added_at=r["added_at"], added_by=r["added_by"], task=Lookup(notes, r["task"]),
                     fed_back_at=Nullable(r["fed_back_at"]), feedback=Lookup(notes, r["part"]))
