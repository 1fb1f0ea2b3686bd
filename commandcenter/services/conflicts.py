"""What a seat that lost a race for a case is told: the step that won, by whom and when.

Two seats acting on one case at once: the first commit wins, the other's `expected_version` no
longer matches and nothing is applied there (services/lifecycle). "Changed at another seat" alone
leaves the operator guessing whether to act again; the case's latest history step says what
happened instead (a dispatch by 王芳 at 10:02), and the presentation side words it
(labels.describe_error).
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..errors import LastStep, StaleCase
from ..models import Case, CaseHistory, User


def stale_case(s: Session, case_id: int, expected_version: int) -> StaleCase:
    """The StaleCase for `case_id` as committed now, naming its latest step."""
    case = s.execute(select(Case.case_number, Case.version, Case.status).where(Case.id == case_id)).one()
    step = s.execute(
        select(CaseHistory.action, CaseHistory.at, User.display_name)
        .outerjoin(User, User.id == CaseHistory.user_id)
        .where(CaseHistory.case_id == case_id)
        .order_by(CaseHistory.id.desc())
        .limit(1)
    ).first()
    last = LastStep(step.action, step.display_name or "", step.at) if step is not None else None
    return StaleCase(case.case_number, expected_version, case.version, case.status, last)
