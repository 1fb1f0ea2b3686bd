"""The written handovers of the demo's past: one for every shift of every desk that ended before now.

A desk is a centre with operators of its own: the city centre, each district centre and each
street centre, for each shift it works (a street centre the day shift only, `people`). Its
handover tells its own scope: a street its own cases, a district all of its streets', the city
everything. At the end of each shift an operator of that shift
writes the handover, signs it a few minutes before the shift ends, and the centre's supervisor
acknowledges it a few minutes after; the last one, if its acknowledgement would fall after now,
still waits, signed. The record holds what `handover_summary.draft_summary` would have drafted
at signing time, as the history stood then: the shift's figures, open cases by stage, the
overdue, escalated, suspended and urgent cases (the first few listed, the totals complete), and
notes in the operators' Chinese drawn from those cases, with pending items for the overdue and
urgent ones (marked done when the next shift saw them through). Officers' absences are not
reconstructed (the demo keeps duty changes for the last days only), so that list is empty.

The state of the city at each shift's end is read from the planned history on arrays: each
history row starts an interval of its case in its status until the case's next row; a supervision
escalation marks its run overdue from the deadline to the run's end; a reminder marks it
escalated until the deadline. `HandoverDesk` collects these chunk by chunk (a chunk's cases can be
open in the shifts of later chunks) and writes the handovers of the shifts that ended before the
next chunk starts, so their ids grow with time like everything else.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import numpy as np
from sqlalchemy import select

from ...db import Database
from ...domain.enums import OPEN_STATUSES, PRIORITY_ORDER, CaseStatus, HandoverStatus
from ...models import Category
from .caseloop import ACT, STATUSES
from .geography import CityIndex, CityMap
from .people import SHIFTS, Staff
from .rows import NONE, Nullable, TableRows, table
from .texts import HANDOVER_CLOSINGS

LISTED = 10  # cases listed per section of a generated handover; the totals are complete
NOTED = 3  # cases named in the notes (and given a pending item) per section
FAR = np.iinfo(np.int64).max // 4  # "not before the end of the history"
SIGN_BEFORE_END = (2 * 60, 15 * 60)  # seconds
ACK_AFTER_END = (3 * 60, 25 * 60)
ITEM_DUE = 2 * 3600  # a pending item is due two hours into the next shift
OPEN_CODES = np.array([s in OPEN_STATUSES for s in STATUSES])
SUSPENDED = STATUSES.index(CaseStatus.SUSPENDED)
URGENT = 0  # position of Priority.URGENT in PRIORITY_ORDER
# the shift's figures: which history actions count as reported, registered, dispatched, fed back, closed
FIGURE_ACTIONS = (("report",), ("register", "solve_on_spot"), ("dispatch",), ("feed_back", "solve_on_spot"),
                  ("close", "solve_on_spot"))
STATUS_VALUES = tuple(s.value for s in STATUSES)
PRIORITIES = tuple(p.value for p in PRIORITY_ORDER)
STAGE_ORDER = tuple(s.value for s in CaseStatus if s in OPEN_STATUSES)
STAGE_ZH = {"reported": "待立案", "registered": "待派遣", "dispatched": "待签收", "accepted": "处置中",
            "fed_back": "待核查结案", "checking": "现场核查中", "suspended": "挂账", "referred": "转办中"}
SHIFT_BOUNDS = np.array([[int(t[:2]) * 60 + int(t[3:]) for t in (a, b)] for _, a, b in SHIFTS])


@dataclass(frozen=True)
class CaseLabels:
    """What a handover prints about a case besides its own columns: names of things by position or id."""

    category_zh: list[str]  # by category position
    category_en: list[str]
    grid_street: list[str]  # by grid position
    grid_code: list[str]
    officer_names: dict[int, str]
    department_names: dict[int, str]
    grid_street_pos: np.ndarray  # street position of each grid
    street_district: np.ndarray  # district position of each street


def case_labels(db: Database, city: CityMap, ix: CityIndex, staff: Staff) -> CaseLabels:
    """The names a handover lists cases with, in the planner's category order (minor classes by code)."""
    with db.read() as s:
        cats = s.execute(select(Category.name_zh, Category.name_en).where(Category.level == 2)
                         .order_by(Category.code)).all()
    streets = [st.name for st in city.streets()]

    def names(table_name: str) -> dict[int, str]:
        t = next(t for t in staff.tables if t.table == table_name)
        return dict(zip(np.asarray(t.column("id")).tolist(), list(t.column("name")), strict=True))  # type: ignore[arg-type]

    return CaseLabels([c[0] for c in cats], [c[1] for c in cats], [streets[k] for k in ix.grid_street.tolist()],
                      [g.code for g in city.grids()], names("officer"), names("department"), ix.grid_street,
                      ix.street_district)


def _pool(**columns: np.ndarray) -> dict[str, np.ndarray]:
    return {k: np.asarray(v) for k, v in columns.items()}


def _join(a: dict[str, np.ndarray], b: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    return {k: np.concatenate((a[k], b[k])) for k in a} if a else b


def _keep(pool: dict[str, np.ndarray], mask: np.ndarray) -> dict[str, np.ndarray]:
    return {k: v[mask] for k, v in pool.items()}


class HandoverDesk:
    """Collects the planned history chunk by chunk and writes the handovers of the shifts it covers.

    `day_start` is the WorkLine's local midnights; `local_dates` the local date (YYYY-MM-DD) of
    each of its days. What it counts is kept by street, the smallest scope a desk has.
    """

    def __init__(self, staff: Staff, labels: CaseLabels, day_start: np.ndarray, local_dates: list[str],
                 first_day: int, last_day: int, districts: int, now: int, first_ids: dict[str, int],
                 seed: int) -> None:
        self.staff, self.labels, self.now = staff, labels, now
        self.streets = len(labels.street_district)
        # each desk's streets: the city all, a district its own, a street itself
        n_d, n_s = districts, self.streets
        scope = np.zeros((len(staff.desk_centre_ids), n_s), dtype=bool)
        scope[0] = True
        scope[1 + labels.street_district, np.arange(n_s)] = True
        scope[1 + n_d + np.arange(n_s), np.arange(n_s)] = True
        self.scope = scope
        self.rng = np.random.default_rng([seed, 8])
        self.next_id = {"handover": first_ids["handover"], "handover_item": first_ids["handover_item"]}
        # every shift occurrence of the history, in the order they end
        days = np.arange(first_day, last_day + 1)
        start = day_start[days][:, None] + SHIFT_BOUNDS[None, :, 0] * 60
        wraps = SHIFT_BOUNDS[:, 1] <= SHIFT_BOUNDS[:, 0]
        end = day_start[days][:, None] + SHIFT_BOUNDS[None, :, 1] * 60 + np.where(wraps, 86400, 0)[None, :]
        order = np.argsort(end.ravel(), kind="stable")
        self.shift_start, self.shift_end = start.ravel()[order], end.ravel()[order]
        self.shift_date = np.repeat(np.array(local_dates, dtype=object)[days - first_day], len(SHIFTS))[order]
        self.shift_pos = np.tile(np.arange(len(SHIFTS)), len(days))[order]
        self.released = 0  # shifts written so far
        self.spells: dict[str, np.ndarray] = {}  # open spells: case, start, end, status, street
        self.suspended: dict[str, np.ndarray] = {}  # the suspended ones among them
        self.marks: dict[str, np.ndarray] = {}  # overdue (level 2) and escalated (level 1) spells
        self.urgent: dict[str, np.ndarray] = {}  # urgent reports: case, rep, street
        self.urgent_rows: dict[str, np.ndarray] = {}  # their history: key (case, at), status
        self.events: dict[str, np.ndarray] = {}  # history rows the figures count: at, street, figure
        self.cases: dict[int, dict[str, Any]] = {}  # details of the cases a handover may list, by id

    def _ids(self, name: str, n: int) -> np.ndarray:
        first = self.next_id[name]
        self.next_id[name] += n
        return first + np.arange(n)

    # ---- collecting -------------------------------------------------------------------
    def add(self, ids: np.ndarray, details: dict[str, np.ndarray], h_case: np.ndarray, h_at: np.ndarray,
            h_action: np.ndarray, h_to: np.ndarray, e_case: np.ndarray, e_sup: np.ndarray, e_at: np.ndarray,
            e_deadline: np.ndarray) -> None:
        """One chunk's cases: `details` by chunk position (number, rep, cat, prio, grid, district,
        description, officer, department); history rows (status codes into STATUSES) and escalations
        by chunk position."""
        street = self.labels.grid_street_pos[details["grid"]]
        order = np.lexsort((h_at, h_case))
        case, at, to, action = h_case[order], h_at[order], h_to[order].astype(np.int64), h_action[order]
        last = np.r_[case[1:] != case[:-1], True] if len(case) else np.zeros(0, dtype=bool)
        end = np.where(last, FAR, np.r_[at[1:], FAR][: len(at)])
        spell = OPEN_CODES[to]
        new = _pool(case=ids[case[spell]], start=at[spell], end=end[spell], status=to[spell],
                    street=street[case[spell]])
        self.spells = _join(self.spells, new)
        self.suspended = _join(self.suspended, _keep(new, new["status"] == SUSPENDED))
        figure = np.full(len(action), -1)
        for k, names in enumerate(FIGURE_ACTIONS):
            figure[np.isin(action, [ACT[a] for a in names]) & (figure < 0)] = k
        counted = figure >= 0
        self.events = _join(self.events, _pool(at=at[counted], street=street[case[counted]],
                                               figure=figure[counted]))
        # each escalation's run: the history row before it (its status) and the one after (its end)
        key = case.astype(np.int64) * (1 << 32) + at
        pos = np.searchsorted(key, e_case.astype(np.int64) * (1 << 32) + e_at, side="right")
        after = np.minimum(pos, len(key) - 1)
        run_status = to[pos - 1]
        run_end = np.where((pos < len(key)) & (case[after] == e_case), at[after], FAR)
        # overdue from the deadline to the run's end; escalated from the reminder to the deadline
        mark_start = np.where(e_sup, e_deadline, e_at)
        mark_end = np.where(e_sup, run_end, np.minimum(run_end, e_deadline))
        live = mark_start < mark_end
        self.marks = _join(self.marks, _pool(
            case=ids[e_case[live]], start=mark_start[live], end=mark_end[live], level=np.where(e_sup, 2, 1)[live],
            status=run_status[live], deadline=e_deadline[live], street=street[e_case[live]]))
        urgent = details["prio"] == URGENT
        self.urgent = _join(self.urgent, _pool(case=ids[urgent], rep=details["rep"][urgent],
                                               street=street[urgent]))
        in_urgent = urgent[case]
        self.urgent_rows = _join(self.urgent_rows, _pool(
            key=ids[case[in_urgent]].astype(np.int64) * (1 << 32) + at[in_urgent], status=to[in_urgent]))
        order = np.argsort(self.urgent_rows["key"], kind="stable")
        self.urgent_rows = _keep(self.urgent_rows, order)
        listed = np.unique(np.r_[e_case[live], np.flatnonzero(urgent), case[spell & (to == SUSPENDED)]]).astype(np.int64)
        self._describe(ids[listed], {name: column[listed].tolist() for name, column in details.items()})

    def _describe(self, ids: np.ndarray, d: dict[str, list[Any]]) -> None:
        """What `HandoverCase` says of each case apart from its status, deadline and level, once per case."""
        lb = self.labels
        for i, case_id in enumerate(ids.tolist()):
            officer, text = d["officer"][i], str(d["description"][i])
            self.cases[case_id] = {
                "case_id": case_id, "case_number": str(d["number"][i]), "priority": PRIORITIES[d["prio"][i]],
                "category_zh": lb.category_zh[d["cat"][i]], "category_en": lb.category_en[d["cat"][i]],
                "street": lb.grid_street[d["grid"][i]], "grid_code": lb.grid_code[d["grid"][i]],
                "assignee": (lb.officer_names.get(officer, "") if officer != NONE
                             else lb.department_names.get(d["department"][i], "")),
                "reported_at": d["rep"][i], "description": text if len(text) <= 60 else text[:59] + "…",
            }

    # ---- counting at instants ------------------------------------------------------------
    def _open_counts(self, at: np.ndarray) -> np.ndarray:
        """[instant, street, status] open cases at each instant."""
        shape = (len(at), self.streets, len(STATUSES))
        sp = self.spells
        if not sp or not len(sp["case"]):
            return np.zeros(shape, dtype=np.int64)
        group = sp["street"] * len(STATUSES) + sp["status"]
        starts = np.sort(group * (1 << 33) + sp["start"])
        ends = np.sort(group * (1 << 33) + np.minimum(sp["end"], (1 << 33) - 1))
        groups = np.arange(self.streets * len(STATUSES))
        query = groups[None, :] * (1 << 33) + at[:, None]
        n = np.searchsorted(starts, query, side="right") - np.searchsorted(ends, query, side="right")
        return n.reshape(shape)

    def _figures(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        """[shift, street, figure] history rows counted in each shift."""
        ev, k = self.events, len(FIGURE_ACTIONS)
        if not ev or not len(ev["at"]):
            return np.zeros((len(a), self.streets, k), dtype=np.int64)
        keys = np.sort((ev["street"] * k + ev["figure"]) * (1 << 33) + ev["at"])
        groups = np.arange(self.streets * k)[None, :] * (1 << 33)
        n = (np.searchsorted(keys, groups + b[:, None], side="left")
             - np.searchsorted(keys, groups + a[:, None], side="left"))
        return n.reshape(len(a), self.streets, k)

    def _prune(self, after: int) -> None:
        """Forget what no later shift can see: spells ended and reports older than a day."""
        self.spells = _keep(self.spells, self.spells["end"] > after) if self.spells else self.spells
        self.suspended = _keep(self.suspended, self.suspended["end"] > after) if self.suspended else self.suspended
        self.marks = _keep(self.marks, self.marks["end"] > after) if self.marks else self.marks
        if self.events:
            self.events = _keep(self.events, self.events["at"] >= after - 86400)
        if self.urgent:
            self.urgent = _keep(self.urgent, self.urgent["rep"] >= after - 86400)
        # and the details of cases no pool lists any more (kept for the year, they took 300 MB at Putian scale)
        listed = set().union(*(pool["case"].tolist() for pool in (self.marks, self.suspended, self.urgent) if pool))
        self.cases = {c: d for c, d in self.cases.items() if c in listed}

    # ---- writing ----------------------------------------------------------------------
    def release(self, until: int) -> list[TableRows]:
        """The handovers of every shift that ended by `until` (and by now) and is not written yet."""
        stop = int(np.searchsorted(self.shift_end, min(until, self.now), side="right"))
        first, self.released = self.released, stop
        if stop == first:
            return []
        counts = self._open_counts(self.shift_end[first:stop])
        figures = self._figures(self.shift_start[first:stop], self.shift_end[first:stop])
        rows: list[dict[str, Any]] = []
        items: list[tuple[int, str, int, int, bool]] = []  # handover position, text, case, due, done
        for j, k in enumerate(range(first, stop)):
            a, b = int(self.shift_start[k]), int(self.shift_end[k])
            # what every desk's handover of this shift draws on, then each desk's part of it
            marks = self._at(self.marks, b)
            marks = _keep(marks, np.lexsort((marks["case"], marks["deadline"]))) if marks else marks
            on_hold = self._at(self.suspended, b)
            ur = self.urgent
            urgent = _keep(ur, (ur["rep"] >= a) & (ur["rep"] < b)) if ur else {}
            if urgent:
                urgent["status"] = self._status_at(urgent["case"], b)
            pos = int(self.shift_pos[k])
            for desk in np.flatnonzero(self.staff.desk_shift_ids[:, pos] >= 0).tolist():
                scope = self.scope[desk]
                mine = [_keep(p, scope[p["street"]]) if p and desk else p for p in (marks, on_hold, urgent)]
                row, notes_items = self._handover(desk, k, counts[j][scope].sum(axis=0), figures[j][scope].sum(axis=0),
                                                  *mine)
                items += [(len(rows), *item) for item in notes_items]
                rows.append(row)
        self._prune(int(self.shift_end[stop - 1]))
        ids = self._ids("handover", len(rows))
        columns = {key: [r[key] for r in rows] for key in rows[0]}
        acknowledged_by = Nullable(np.array(columns.pop("acknowledged_by"), dtype=np.int64))
        handovers = table("handover", id=ids, acknowledged_by=acknowledged_by, corrects_id=[None] * len(rows),
                          **columns)
        handover_items = table(
            "handover_item", id=self._ids("handover_item", len(items)),
            handover_id=ids[np.array([i[0] for i in items], dtype=np.int64)], text=[i[1] for i in items],
            case_id=[i[2] for i in items], due_at=[i[3] for i in items], done=[i[4] for i in items])
        return [handovers, handover_items]

    @staticmethod
    def _at(pool: dict[str, np.ndarray], at: int) -> dict[str, np.ndarray]:
        """The spells of `pool` going on at `at`."""
        return _keep(pool, (pool["start"] <= at) & (at < pool["end"])) if pool else pool

    def _status_at(self, case: np.ndarray, at: int) -> np.ndarray:
        keys = self.urgent_rows["key"]
        pos = np.searchsorted(keys, case.astype(np.int64) * (1 << 32) + at, side="right") - 1
        return self.urgent_rows["status"][pos]

    def _listed(self, cases: np.ndarray, status: np.ndarray, deadline: np.ndarray | None,
                level: int) -> list[dict[str, Any]]:
        """The first LISTED cases as `HandoverCase` stores them in the summary's JSON."""
        dl = [None] * LISTED if deadline is None else deadline[:LISTED].tolist()
        return [{**self.cases[c], "status": STATUS_VALUES[st], "deadline": d, "escalation_level": level}
                for c, st, d in zip(cases[:LISTED].tolist(), status[:LISTED].tolist(), dl, strict=False)]

    def _handover(self, desk: int, k: int, open_now: np.ndarray, figures: np.ndarray, marks: dict[str, np.ndarray],
                  on_hold: dict[str, np.ndarray],
                  urgent: dict[str, np.ndarray]) -> tuple[dict[str, Any], list[tuple[str, int, int, bool]]]:
        """One desk's handover of shift occurrence `k`, from the spells of its scope at the shift's end."""
        a, b, pos = int(self.shift_start[k]), int(self.shift_end[k]), int(self.shift_pos[k])
        rng, staff = self.rng, self.staff
        none = np.zeros(0, dtype=np.int64)
        overdue = _keep(marks, marks["level"] == 2) if marks else {"case": none, "status": none, "deadline": none,
                                                                   "start": none, "end": none}
        escalated = _keep(marks, marks["level"] == 1) if marks else {"case": none, "status": none, "deadline": none}
        on_hold = on_hold or {"case": none}
        urgent = urgent or {"case": none, "status": none}
        n = {"overdue": len(overdue["case"]), "escalated": len(escalated["case"]), "suspended": len(on_hold["case"]),
             "urgent": len(urgent["case"])}
        signed = b - int(rng.integers(*SIGN_BEFORE_END))
        acked = b + int(rng.integers(*ACK_AFTER_END))
        created = signed - int(rng.integers(10 * 60, 40 * 60))
        operators = staff.desk_operators[desk][pos]
        if not len(operators):
            operators = np.concatenate(staff.desk_operators[desk])
        author = int(operators[rng.integers(len(operators))])
        supervisors = staff.desk_supervisors[desk]
        acker = int(supervisors[rng.integers(len(supervisors))]) if acked <= self.now else NONE
        fig = dict(zip(("reported", "registered", "dispatched", "fed_back", "closed"), figures.tolist(), strict=True))
        by_status = {STATUSES[i].value: int(x) for i, x in enumerate(open_now.tolist()) if OPEN_CODES[i]}
        open_total = sum(by_status.values())
        summary = {
            "drafted_at": signed, "shift_name": SHIFTS[pos][0],
            "open_by_status": [[st, by_status.get(st, 0)] for st in STAGE_ORDER],
            "overdue": self._listed(overdue["case"], overdue["status"], overdue["deadline"], 2),
            "overdue_total": n["overdue"],
            "escalated": self._listed(escalated["case"], escalated["status"], escalated["deadline"], 1),
            "escalated_total": n["escalated"],
            "urgent": self._listed(urgent["case"], urgent["status"], None, 0), "urgent_total": n["urgent"],
            "suspended": self._listed(on_hold["case"], np.full(len(on_hold["case"]), SUSPENDED), None, 0),
            "suspended_total": n["suspended"],
            "officers_off_duty": [], "officers_off_duty_total": 0,
            "figures": {**fig, "open_now": open_total, "overdue_now": n["overdue"]},
        }
        notes, items = self._notes(pos, a, b, fig, by_status, open_total, n, summary, overdue, urgent["status"])
        row = {
            "centre_id": int(staff.desk_centre_ids[desk]), "shift_id": int(staff.desk_shift_ids[desk, pos]),
            "shift_date": str(self.shift_date[k]), "period_start": a, "period_end": b,
            "status": (HandoverStatus.ACKNOWLEDGED if acker != NONE else HandoverStatus.SIGNED).value,
            "author_id": author, "created_at": created, "signed_at": signed, "acknowledged_by": acker,
            "acknowledged_at": acked if acker != NONE else None,
            "summary_json": json.dumps(summary, ensure_ascii=False, sort_keys=True), "notes": notes,
            "version": 4 if acker != NONE else 3,  # opened, saved, signed (and acknowledged)
        }
        return row, items

    def _notes(self, pos: int, a: int, b: int, fig: dict[str, int], by_status: dict[str, int], open_total: int,
               n: dict[str, int], summary: dict[str, Any], overdue: dict[str, np.ndarray],
               urgent_status: np.ndarray) -> tuple[str, list[tuple[str, int, int, bool]]]:
        """The operator's notes in Chinese, and the pending items for the next shift (done when the
        next shift saw the case out of its overdue run, or the urgent case closed, by the item's time).

        The overdue cases named are those that fell overdue during the shift first (what the next
        shift has not heard of yet), then the longest overdue."""
        due = b + ITEM_DUE
        busiest = sorted(((v, STAGE_ZH[s]) for s, v in by_status.items() if v and s != "suspended"),
                         reverse=True)[:3]  # the suspended ones are counted after
        parts = [f"{SHIFTS[pos][0]}交班：本班接报{fig['reported']}件，立案{fig['registered']}件，"
                 f"派遣{fig['dispatched']}件，结案{fig['closed']}件。"
                 f"交班时在办{open_total}件" + (f"（{'、'.join(f'{z}{v}件' for v, z in busiest)}）" if busiest else "")
                 + f"，其中超时{n['overdue']}件、挂账{n['suspended']}件。"]
        items: list[tuple[str, int, int, bool]] = []
        first = np.lexsort((overdue["deadline"], overdue["start"] < a))[:NOTED]
        noted = [self.cases[c] for c in overdue["case"][first].tolist()]
        if noted:
            more = "等" if n["overdue"] > len(noted) else ""
            parts.append("超时案件请接班督办：" + "；".join(
                f"{c['case_number']}（{c['category_zh']}，{c['street']}，{c['assignee'] or '待派遣'}）"
                for c in noted) + f"{more}。")
            for c, end in zip(noted, overdue["end"][first].tolist(), strict=True):
                items.append((f"督办超时案件：{c['category_zh']}，{c['street']}", c["case_id"], due,
                              end <= min(due, self.now)))
        still = [c for c, st in zip(summary["urgent"], urgent_status.tolist(), strict=False) if OPEN_CODES[st]]
        if summary["urgent_total"]:
            parts.append(f"本班紧急案件{summary['urgent_total']}件"
                         + (f"，尚有{len(still)}件未办结，请继续跟进。" if still else "，均已处置完毕。"))
            for c in still[:NOTED]:
                later = self._status_at(np.array([c["case_id"]]), min(due, self.now))
                items.append((f"跟进紧急案件处置进展：{c['category_zh']}，{c['street']}", c["case_id"], due,
                              bool(due <= self.now and not OPEN_CODES[int(later[0])])))
        if n["suspended"]:
            parts.append(f"挂账案件{n['suspended']}件，待恢复条件具备后及时恢复办理。")
        parts.append(HANDOVER_CLOSINGS[int(self.rng.integers(len(HANDOVER_CLOSINGS)))])
        return "".join(parts), items

