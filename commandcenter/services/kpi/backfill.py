"""Clocks for history rows written without them: before migration 0008, and by the demo city.

A history row keeps the judged deadline and the stage deadline its step left (see 0008). Rows
written before then, and the demo's bulk rows, carry none; what can be recovered is filled in:

- the judged deadline: the case's current one on every row after its dispatch (exact unless an
  extension, a rework under the old rule or a reopening changed it since; earlier values were
  never stored);
- the stage deadline: exact on each case's latest row (the case's own column); on earlier rows
  the deadline of an escalation of that stage recorded after the row (the escalation clock
  wrote one for every stage that ran past its deadline). A stage that never escalated is left
  without one and is not counted overdue at the end of a past period.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

# the stage a status's clock measures, as escalations name it
STAGE_OF_STATUS = {"reported": "register", "registered": "dispatch", "dispatched": "handle",
                   "accepted": "handle", "fed_back": "verify", "checking": "check"}
HANDLED = ("dispatched", "accepted", "fed_back", "checking", "closed", "suspended")


def fill_history_clocks(conn: Connection) -> None:
    """Fill `deadline_at` and `stage_deadline_at` where both are missing; rows that have them stay."""
    stage = "CASE h.to_status " + " ".join(f"WHEN '{s}' THEN '{g}'" for s, g in STAGE_OF_STATUS.items()) + " END"
    handled = ", ".join(f"'{s}'" for s in HANDLED)
    running = ", ".join(f"'{s}'" for s in STAGE_OF_STATUS)
    missing = "h.deadline_at IS NULL AND h.stage_deadline_at IS NULL"
    conn.execute(text(f"""
        UPDATE case_history AS h SET deadline_at = (
            SELECT coalesce(c.assess_deadline_at, c.handle_deadline_at) FROM case_record c WHERE c.id = h.case_id)
        WHERE {missing} AND h.to_status IN ({handled})
          AND NOT (h.to_status = 'suspended' AND h.from_status = 'registered')"""))
    # only cases that escalated can have one (the rest would look up nothing, row by row)
    conn.execute(text(f"""
        UPDATE case_history AS h SET stage_deadline_at = (
            SELECT min(e.deadline_at) FROM escalation e
            WHERE e.case_id = h.case_id AND e.stage = {stage} AND e.deadline_at > h.at)
        WHERE h.stage_deadline_at IS NULL AND h.to_status IN ({running})
          AND h.case_id IN (SELECT case_id FROM escalation)"""))
    conn.execute(text("""
        UPDATE case_history AS h SET stage_deadline_at = (
            SELECT c.stage_deadline_at FROM case_record c WHERE c.id = h.case_id)
        WHERE h.id IN (SELECT max(id) FROM case_history GROUP BY case_id)"""))
