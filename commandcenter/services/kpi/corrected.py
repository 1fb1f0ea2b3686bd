"""A case's category and grid as they were at an instant, for the few corrected (更正) since.

A correction changes `case_record.category_id` and `grid_id` in place and keeps the values it
replaced in `case_correction`. A briefing counts its period's cases by category, street and grid
as they stood at the period's end, so a reprint never moves a case to the group a later
correction put it in: the group counts are read from the case table (cheap, indexed) and then
moved back for the cases corrected after the cut, found from the small correction table.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import BigInteger, ColumnElement, select, type_coerce
from sqlalchemy.orm import Session, aliased

from ...models import Case, CaseCorrection, CaseHistory, Community, Grid

CC = CaseCorrection


def seconds(column: Any) -> Any:
    """An epoch column as a plain integer, so arithmetic on it stays integer seconds."""
    return type_coerce(column, BigInteger)


@dataclass(frozen=True)
class Moved:
    """A case corrected after a cut: its category and grid then and now, and its report time."""

    case_id: int
    category_then: int
    category_now: int
    grid_then: int
    grid_now: int
    reported_at: int


def corrected_since(s: Session, cut: int, *where: ColumnElement[bool]) -> dict[int, Moved]:
    """The cases matching `where` (conditions on `Case`) that a correction at or after `cut`
    changed, by case id: the values then are what the first such correction replaced."""
    rows = s.execute(
        select(CC.case_id, CC.from_category_id, CC.from_grid_id, Case.category_id, Case.grid_id,
               seconds(Case.reported_at))
        .join(CaseHistory, CaseHistory.id == CC.history_id)
        .join(Case, Case.id == CC.case_id)
        .where(seconds(CaseHistory.at) >= cut, *where)
        .order_by(CC.case_id, CaseHistory.at, CaseHistory.id)
    )
    moved: dict[int, Moved] = {}
    for cid, category_then, grid_then, category_now, grid_now, reported in rows:
        if cid not in moved:  # the first correction after the cut holds the values at the cut
            moved[cid] = Moved(cid, category_then, category_now, grid_then, grid_now, int(reported))
    return {cid: m for cid, m in moved.items() if (m.category_then, m.grid_then) != (m.category_now, m.grid_now)}


def street_moves(s: Session) -> dict[int, tuple[tuple[int, int], ...]]:
    """For every case a correction moved between streets: (corrected at, street before) in time
    order, so the street at an instant is the first one at or after it (else the current)."""
    g_from, g_to, c_from, c_to = aliased(Grid), aliased(Grid), aliased(Community), aliased(Community)
    # the history row by its key only (a join lets a planner without statistics scan the history
    # for its order); a correction's history id orders the corrections of a case in time
    at = select(seconds(CaseHistory.at)).where(CaseHistory.id == CC.history_id).scalar_subquery()
    rows = s.execute(
        select(CC.case_id, at, c_from.street_id)
        .join(g_from, g_from.id == CC.from_grid_id).join(c_from, c_from.id == g_from.community_id)
        .join(g_to, g_to.id == CC.to_grid_id).join(c_to, c_to.id == g_to.community_id)
        .where(CC.from_grid_id != CC.to_grid_id, c_from.street_id != c_to.street_id)
        .order_by(CC.case_id, CC.history_id)
    )
    moves: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for cid, at, street_before in rows:
        moves[cid].append((int(at), int(street_before)))
    return {cid: tuple(m) for cid, m in moves.items()}


def regroup(counts: dict[int, int], moved: Iterable[tuple[int, int]]) -> dict[int, int]:
    """`counts` by key with each (now, then) pair's case moved back from `now` to `then`."""
    out = dict(counts)
    for now, then in moved:
        if now == then:
            continue
        out[now] = out.get(now, 0) - 1
        out[then] = out.get(then, 0) + 1
    return {k: n for k, n in out.items() if n > 0}
