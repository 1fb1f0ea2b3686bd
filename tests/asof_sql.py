"""The briefing's definitions written again as plain SQL over the raw history rows.

Independent of `services.kpi` (which replays each case's rows in Python): the tests compare
the two for whole days and shifts, for the centre, per street, per department and per officer.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import text

CLOSING = "('close', 'solve_on_spot')"
REWORK = "('return_for_rework', 'fail_check')"
RUNNING = "('reported', 'registered', 'dispatched', 'accepted', 'fed_back', 'checking')"
OPEN = "('reported', 'registered', 'dispatched', 'accepted', 'fed_back', 'checking', 'suspended')"


def _bounds(start: datetime, end: datetime, now: datetime) -> dict[str, int]:
    a, b, now_s = int(start.timestamp()), int(end.timestamp()), int(now.timestamp())
    as_of = min(now_s, b)
    return {"a": a, "b": b, "asof": as_of, "cut": min(b, as_of + 1)}


def _scoped(scope: tuple[int, ...] | None) -> str:
    return f"AND c.centre_id IN ({', '.join(map(str, scope))})" if scope else ""


def _cases(scope: tuple[int, ...] | None) -> str:
    """Each case of the scope as it stood at :cut: its last row, cycle start and handler then."""
    return f"""
    snap AS (
        SELECT h.case_id, h.id AS hid, h.at, h.to_status, h.deadline_at, h.stage_deadline_at
        FROM case_history h
        JOIN (SELECT case_id, max(id) AS id FROM case_history WHERE at < :cut GROUP BY case_id) m ON m.id = h.id
        JOIN case_record c ON c.id = h.case_id
        WHERE 1 {_scoped(scope)}),
    state AS (
        SELECT s.*,
               coalesce((SELECT max(id) FROM case_history x WHERE x.case_id = s.case_id AND x.at < :cut
                         AND x.action = 'reopen'), 0) AS start,
               (SELECT max(id) FROM case_history x WHERE x.case_id = s.case_id AND x.at < :cut
                AND x.action IN ('dispatch', 'reassign')) AS assigned,
               coalesce((SELECT max(id) FROM case_history x WHERE x.case_id = s.case_id AND x.at < :cut
                         AND x.action IN ('send_back', 'reopen')), 0) AS unassigned
        FROM snap s),
    handled_by AS (
        SELECT st.*, CASE WHEN st.assigned > st.unassigned THEN hh.officer_id END AS officer,
               CASE WHEN st.assigned > st.unassigned AND hh.officer_id IS NULL THEN hh.department_id END AS dept
        FROM state st LEFT JOIN case_history hh ON hh.id = st.assigned)"""


def due_cases_sql(scope: tuple[int, ...] | None) -> str:
    """One row per case due in [:a, :b) with its outcome as of :asof (flags as 0/1)."""
    return f"""
    WITH {_cases(scope)},
    -- an extension approved after the deadline then in force had passed does not move it
    judged AS (
        SELECT hb.*, coalesce((SELECT p.deadline_at FROM case_history x
                JOIN case_history p ON p.id = (SELECT max(id) FROM case_history y WHERE y.case_id = x.case_id
                                               AND y.id < x.id)
                WHERE x.case_id = hb.case_id AND x.id >= hb.start AND x.at < :cut AND x.action = 'extend'
                  AND x.at > p.deadline_at ORDER BY x.id LIMIT 1), hb.deadline_at) AS dl
        FROM handled_by hb),
    due AS (
        SELECT j.*, coalesce(j.dl, j.stage_deadline_at) AS judged
        FROM judged j
        WHERE j.to_status NOT IN ('rejected', 'merged', 'reported') AND (
            (j.dl >= :a AND j.dl < :b AND NOT (j.to_status = 'suspended' AND j.dl >= j.at))
            OR (j.deadline_at IS NULL AND j.to_status = 'registered'
                AND j.stage_deadline_at >= :a AND j.stage_deadline_at < :b))),
    marks AS (
        SELECT d.*,
            (SELECT max(at) FROM case_history x WHERE x.case_id = d.case_id AND x.id >= d.start AND x.at < :cut
             AND x.action IN {CLOSING}) AS closed_at,
            (SELECT max(id) FROM case_history x WHERE x.case_id = d.case_id AND x.id >= d.start AND x.at < :cut
             AND x.action = 'feed_back') AS fb,
            (SELECT max(id) FROM case_history x WHERE x.case_id = d.case_id AND x.id >= d.start AND x.at < :cut
             AND x.action IN {REWORK}) AS rw,
            EXISTS (SELECT 1 FROM case_history x WHERE x.case_id = d.case_id AND x.id >= d.start AND x.at < :cut
                    AND x.action = 'extend') AS extended,
            EXISTS (SELECT 1 FROM case_history x WHERE x.case_id = d.case_id AND x.id >= d.start AND x.at < :cut
                    AND x.action = 'suspend') AS suspended
        FROM due d),
    outcome AS (
        SELECT m.*, m.to_status = 'closed' AS closed,
               (m.fb IS NOT NULL AND (m.rw IS NULL OR m.rw < m.fb)) AS standing,
               (SELECT at FROM case_history x WHERE x.id = m.fb) AS fb_at
        FROM marks m)
    SELECT o.case_id, o.officer, o.dept, cm.street_id, o.closed,
           o.closed AND o.closed_at <= o.judged AS closed_on_time,
           o.closed OR o.standing AS handled,
           (o.standing AND o.fb_at <= o.judged) OR (NOT o.standing AND o.closed AND o.closed_at <= o.judged)
               AS handled_on_time,
           o.rw IS NOT NULL AS reworked,
           o.closed OR o.fb IS NOT NULL OR o.rw IS NOT NULL AS handled_ever,
           o.extended, o.suspended
    FROM outcome o
    JOIN case_record c ON c.id = o.case_id
    JOIN grid g ON g.id = c.grid_id
    JOIN community cm ON cm.id = g.community_id"""


def independent_counts(db, start: datetime, end: datetime, now: datetime,  # type: ignore[no-untyped-def]
                       scope: tuple[int, ...] | None = None) -> dict[str, object]:
    """The page-1 figures, named like the fields of `Kpis`."""
    p = _bounds(start, end, now)
    scoped = _scoped(scope)
    with db.engine.connect() as conn:
        one = lambda q: conn.execute(text(q), p).one()  # noqa: E731
        (new,) = one(f"SELECT count(*) FROM case_record c WHERE reported_at >= :a AND reported_at < :cut {scoped}")

        def events(condition: str, distinct: bool = False) -> int:
            what = "count(DISTINCT h.case_id)" if distinct else "count(*)"
            return one(f"SELECT {what} FROM case_history h JOIN case_record c ON c.id = h.case_id "
                       f"WHERE h.at >= :a AND h.at < :cut AND {condition} {scoped}")[0]

        registered, dispatched = events("h.action = 'register'"), events("h.action = 'dispatch'", distinct=True)
        closed, sent_back = events(f"h.action IN {CLOSING}"), events("h.action = 'send_back'")
        dispatches, on_spot = events("h.action = 'dispatch'"), events("h.action = 'solve_on_spot'")
        follow_ups = events("h.action = 'follow_up' AND h.outcome <> ''")
        satisfied = events("h.action = 'follow_up' AND h.outcome IN ('satisfied', 'basically_satisfied')")
        # a dispatch is kept unless a send-back comes before the case's next dispatch or reopening
        kept = events("""h.action = 'dispatch' AND coalesce((
            SELECT n.action FROM case_history n WHERE n.case_id = h.case_id AND n.id > h.id AND n.at < :cut
            AND n.action IN ('send_back', 'dispatch', 'reopen') ORDER BY n.id LIMIT 1), '') <> 'send_back'""")
        due = one(f"""SELECT count(*), total(closed), total(closed_on_time), total(handled), total(handled_on_time),
                             total(reworked), total(handled_ever), total(extended), total(suspended)
                      FROM ({due_cases_sql(scope)})""")
        (overdue,) = one(f"WITH {_cases(scope)} SELECT count(*) FROM snap "
                         f"WHERE to_status IN {RUNNING} AND stage_deadline_at < :asof")
        (dispatch_min,) = one(f"""
            SELECT avg(d.at - s.at) / 60.0 FROM case_history d
            JOIN case_record c ON c.id = d.case_id
            JOIN case_history s ON s.id = (SELECT max(id) FROM case_history x WHERE x.case_id = d.case_id
                                           AND x.id < d.id AND x.action IN ('register', 'reopen'))
            WHERE d.action = 'dispatch' AND d.at >= :a AND d.at < :cut {scoped}
              AND NOT EXISTS (SELECT 1 FROM case_history y WHERE y.case_id = d.case_id AND y.action = 'dispatch'
                              AND y.id > s.id AND y.id < d.id)""")
        (close_h,) = one(f"""SELECT avg(h.at - c.reported_at) / 3600.0 FROM case_history h
                             JOIN case_record c ON c.id = h.case_id
                             WHERE h.action IN {CLOSING} AND h.at >= :a AND h.at < :cut {scoped}""")
    names = ("due_to_close", "closed_of_due", "closed_on_time", "handled_of_due", "handled_on_time_of_due",
             "reworked_of_due", "handled_ever_of_due", "extended_of_due", "suspended_of_due")
    return {"new": new, "registered": registered, "dispatched": dispatched, "closed": closed,
            **{n: int(v) for n, v in zip(names, due, strict=True)}, "sent_back": sent_back,
            "dispatches": dispatches, "dispatches_kept": kept, "closed_on_spot": on_spot, "follow_ups": follow_ups,
            "satisfied": satisfied,
            "mean_dispatch_minutes": dispatch_min, "mean_close_hours": close_h, "overdue_at_end": overdue}


def independent_units(db, start: datetime, end: datetime, now: datetime, by: str,  # type: ignore[no-untyped-def]
                      scope: tuple[int, ...] | None = None) -> dict[str, tuple[int, ...]]:
    """Per street (`by="street"`) or department (`"department"`): key -> (due, handled, handled on
    time, reworked, handled ever, extended, suspended, sent back)."""
    p = _bounds(start, end, now)
    unit, key = {"street": ("street_id", "street"), "department": ("dept", "department")}[by]
    with db.engine.connect() as conn:
        due = {r[0]: tuple(int(v) for v in r[1:]) for r in conn.execute(text(f"""
            SELECT u.code, count(*), total(handled), total(handled_on_time), total(reworked), total(handled_ever),
                   total(extended), total(suspended)
            FROM ({due_cases_sql(scope)}) d JOIN {key} u ON u.id = d.{unit}
            GROUP BY u.code"""), p)}
        sent_field = "cm.street_id" if by == "street" else "h.department_id"
        sent = dict(conn.execute(text(f"""
            SELECT u.code, count(*) FROM case_history h
            JOIN case_record c ON c.id = h.case_id JOIN grid g ON g.id = c.grid_id
            JOIN community cm ON cm.id = g.community_id JOIN {key} u ON u.id = {sent_field}
            WHERE h.action = 'send_back' AND h.at >= :a AND h.at < :cut {_scoped(scope)}
            GROUP BY u.code"""), p).all())
    return {k: (*due.get(k, (0,) * 7), int(sent.get(k, 0))) for k in set(due) | set(sent)}


def independent_workloads(db, start: datetime, end: datetime, now: datetime,  # type: ignore[no-untyped-def]
                          departments: bool = False) -> list[tuple[object, ...]]:
    """Officers' (or departments') open and overdue at the end, dispatched, fed back and closed in it,
    cases due and those handled on time."""
    p = _bounds(start, end, now)
    who, key, col = ("department", "code", "dept") if departments else ("officer", "employee_no", "officer")
    with db.engine.connect() as conn:
        rows = conn.execute(text(f"""
            WITH {_cases(None)},
            moves AS (
                SELECT h.case_id, h.action,
                       CASE WHEN h.action = 'dispatch' OR h.action = 'feed_back' THEN h.officer_id
                            ELSE (SELECT CASE WHEN a.id > coalesce((SELECT max(id) FROM case_history u
                                      WHERE u.case_id = h.case_id AND u.id < h.id
                                      AND u.action IN ('send_back', 'reopen')), 0) THEN a.officer_id END
                                  FROM case_history a WHERE a.id = (SELECT max(id) FROM case_history x
                                      WHERE x.case_id = h.case_id AND x.id < h.id
                                      AND x.action IN ('dispatch', 'reassign'))) END AS officer,
                       CASE WHEN h.action = 'dispatch' OR h.action = 'feed_back' THEN h.department_id
                            ELSE (SELECT CASE WHEN a.id > coalesce((SELECT max(id) FROM case_history u
                                      WHERE u.case_id = h.case_id AND u.id < h.id
                                      AND u.action IN ('send_back', 'reopen')), 0) THEN a.department_id END
                                  FROM case_history a WHERE a.id = (SELECT max(id) FROM case_history x
                                      WHERE x.case_id = h.case_id AND x.id < h.id
                                      AND x.action IN ('dispatch', 'reassign'))) END AS department
                FROM case_history h
                WHERE h.at >= :a AND h.at < :cut AND h.action IN ('dispatch', 'feed_back', 'close', 'solve_on_spot')),
            per AS (
                SELECT {col} AS unit, to_status IN {OPEN} AS open_end,
                       to_status IN {RUNNING} AND stage_deadline_at < :asof AS overdue_end,
                       0 AS dispatched, 0 AS fed_back, 0 AS closed, 0 AS due, 0 AS on_time
                FROM handled_by WHERE {col} IS NOT NULL
                UNION ALL
                SELECT CASE WHEN '{col}' = 'officer' THEN officer ELSE
                       CASE WHEN officer IS NULL THEN department END END,
                       0, 0, action = 'dispatch', action = 'feed_back', action IN {CLOSING}, 0, 0
                FROM moves
                UNION ALL
                SELECT {col}, 0, 0, 0, 0, 0, 1, handled_on_time FROM ({due_cases_sql(None)}) WHERE {col} IS NOT NULL)
            SELECT w.{key}, w.name, total(open_end), total(overdue_end), total(dispatched), total(fed_back),
                   total(closed), total(due), total(on_time)
            FROM per JOIN {who} w ON w.id = per.unit
            GROUP BY w.id
            HAVING total(open_end) + total(dispatched) + total(fed_back) + total(closed) + total(due) > 0
            ORDER BY 4 DESC, 3 DESC, 1"""), p).all()
    return [(r[0], r[1], *(int(v) for v in r[2:])) for r in rows]
