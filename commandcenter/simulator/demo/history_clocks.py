"""The clocks a demo history row carries (`deadline_at`, `stage_deadline_at`), on the planned arrays.

A live step writes the judged deadline and the stage deadline it left on its history row (0008).
The demo's rows get the values `services.kpi.backfill.fill_history_clocks` recovers for rows
written without them, computed here on each chunk's arrays before its rows are written. The
generator used to write the rows bare and run the backfill's three correlated UPDATEs over the
whole table afterwards: at Putian scale and a year that was eight million rows rewritten, a
minute on two cores, and the largest part of the generator's time beyond the writing itself.
The rules are the backfill's own (its status lists are imported, and a test compares the two
on a generated city):

- the judged deadline: the case's current one (assessment, else handling) on every row that
  leaves it handled (`HANDLED`), a suspension before dispatch excepted;
- the stage deadline: on a row entering a clocked status, the earliest deadline after the row of
  an escalation of that status's stage of the same case; on each case's latest row the case's
  own stage deadline.
"""

from __future__ import annotations

import numpy as np

from ...domain.enums import CaseStatus
from ...services.kpi.backfill import HANDLED, STAGE_OF_STATUS
from .caseloop import STAGES, STATUSES
from .rows import NONE

_STAGE_VALUES = [s.value for s in STAGES]
# per status code: the STAGES position of the stage its clock measures, -1 where none runs
STAGE_OF = np.array([_STAGE_VALUES.index(STAGE_OF_STATUS[s.value]) if s.value in STAGE_OF_STATUS else -1
                     for s in STATUSES], dtype=np.int64)
JUDGED = np.array([s.value in HANDLED for s in STATUSES])
SUSPENDED, REGISTERED = STATUSES.index(CaseStatus.SUSPENDED), STATUSES.index(CaseStatus.REGISTERED)
TIME_BITS = 33  # epoch seconds below 2**33 (the year 2242), so (case, stage, time) packs into an int64


def history_clocks(case: np.ndarray, at: np.ndarray, from_status: np.ndarray, to_status: np.ndarray,
                   judged: np.ndarray, stage_deadline: np.ndarray, e_case: np.ndarray, e_stage: np.ndarray,
                   e_deadline: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """`deadline_at` and `stage_deadline_at` (NONE for NULL) of one chunk's history rows.

    `case` holds chunk positions and the statuses codes into STATUSES (-1 for none), the rows in
    the order they were planned; `judged` and `stage_deadline` are the cases' final columns
    (assessment else handling deadline, and stage deadline); `e_*` are the chunk's escalations as
    written (one per case, stage, level and round), `e_stage` positions in STAGES.
    """
    takes = JUDGED[to_status] & ~((to_status == SUSPENDED) & (from_status == REGISTERED))
    deadline = np.where(takes, judged[case], NONE)

    stage = STAGE_OF[to_status]
    clocked = np.flatnonzero(stage >= 0)
    width = len(STAGES)
    packed = np.sort(((e_case.astype(np.int64) * width + e_stage) << TIME_BITS) + e_deadline)
    key = case[clocked].astype(np.int64) * width + stage[clocked]
    pos = np.searchsorted(packed, (key << TIME_BITS) + at[clocked], side="right")  # first deadline after the row
    hit = pos < len(packed)
    found = packed[np.minimum(pos, len(packed) - 1)] if len(packed) else np.zeros(len(pos), dtype=np.int64)
    hit &= (found >> TIME_BITS) == key
    stage_at = np.full(len(case), NONE, dtype=np.int64)
    stage_at[clocked[hit]] = found[hit] & ((1 << TIME_BITS) - 1)

    # each case's latest row (the highest id once written: ids follow time, then planning order)
    order = np.lexsort((np.arange(len(case)), at, case))
    last = order[np.r_[case[order][1:] != case[order][:-1], True]] if len(order) else order
    stage_at[last] = stage_deadline[case[last]]
    return deadline, stage_at
