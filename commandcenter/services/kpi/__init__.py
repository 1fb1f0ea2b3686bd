"""Briefing data: the figures of a day or a shift as they stood at its end, the charts, the
hotspots, the overdue list, workloads, per-unit assessment tables and handover notes, gathered
into one frozen `BriefingData`.

Definitions (the briefing prints them as footnotes):
- a day is a calendar day in the centre's time zone; a shift belongs to the date it starts;
- every figure is read from the case history as it stood at the period's end (or now, while
  the period runs): status, deadlines and handler as they were then, so a reprint never
  changes, whatever is reopened, reworked, extended or closed later;
- new / registered / dispatched / closed: reports, registrations, cases dispatched (once per
  case) and closures (each closure, a reopened case's earlier one included) in the period;
- due to close: registered cases, rejected and merged ones excluded, whose judged deadline (the
  first handling deadline plus approved extensions and suspended time) falls in the period, and
  registered cases still not dispatched when their dispatch limit ran out in it;
- closure rate 结案率 = due cases closed by the end / due; on-time closure rate 按期结案率 = due
  cases closed by their judged deadline / due (judged at the centre's closure);
- handling rate 处置率 = due cases whose handler's feedback stands (not returned since) or that
  are closed / due; on-time handling rate 按期处置率 = of those, fed back by the judged deadline
  (judged at the handler's feedback), per department, street and officer as well;
- rework rate 返工率 = due cases returned for rework (or failing the field check) / due cases
  handled at least once; extension rate 延期率 and suspension rate 挂账率 = due cases with an
  approved extension / suspension in their cycle / due; send-backs 退回 counted in the period;
- overdue at the end: open cases past their current stage's deadline at the period's end.
"""

from .breakdowns import briefing_period
from .briefing import briefing_data, centre_by_code, default_centre, period_kpis, period_units

__all__ = ["briefing_data", "briefing_period", "centre_by_code", "default_centre", "period_kpis", "period_units"]
