"""Every referral and joint-handling step against every status, and every action on a referred
case: what the state machine does not allow is refused with nothing written."""

from __future__ import annotations

import pytest

from commandcenter.domain.actions import Action
from commandcenter.domain.enums import CaseStatus
from commandcenter.domain.lifecycle import CASE_ACTIONS, is_allowed
from commandcenter.domain.referral import JOINT_ACTIONS, REFERRAL_ACTIONS, ReferralKind, targets
from commandcenter.errors import IllegalTransition
from commandcenter.services.lifecycle import CaseService, TransitionParams

from .referral_city import build_levels, seat
from .test_lifecycle import PATHS, bring_to, counts, new_case, params_for

S = CaseStatus
OWN = sorted(REFERRAL_ACTIONS | JOINT_ACTIONS)


def test_referral_targets_follow_the_centre_tree() -> None:
    tree = {1: (None, "city"), 2: (1, "district"), 3: (2, "street"), 4: (2, "street"), 5: (1, "district"),
            6: (5, "street")}
    assert targets(tree, 3, ReferralKind.UP) == [2] and targets(tree, 1, ReferralKind.UP) == []
    assert targets(tree, 3, ReferralKind.ACROSS) == [4] and targets(tree, 2, ReferralKind.ACROSS) == [5]
    assert targets(tree, 1, ReferralKind.DOWN) == [2, 3, 4, 5, 6] and targets(tree, 2, ReferralKind.DOWN) == [3, 4]
    assert targets(tree, 6, ReferralKind.DOWN) == [] and targets(tree, 99, ReferralKind.UP) == []


def test_steps_a_status_does_not_allow_are_refused(db, city) -> None:  # type: ignore[no-untyped-def]
    levels = build_levels(db, city)
    svc, actor = CaseService(db), seat(db, "s", "supervisor")
    other = svc.report(actor, new_case(city, description="earlier report"))
    tried = 0
    for status in PATHS:
        row = bring_to(svc, actor, city, status, other.id)
        for action in OWN:
            if is_allowed(action, status):
                continue
            before = counts(db, row.id)
            with pytest.raises(IllegalTransition):
                svc.perform(actor, row.id, action, TransitionParams(note="n", centre_id=levels.district,
                                                                    reason="other", department_id=levels.police),
                            expected_version=row.version)
            assert counts(db, row.id) == before
            tried += 1
    row = svc.report(actor, new_case(city), register=True)
    row = svc.perform(actor, row.id, Action.REFER_UP, TransitionParams(note="n", centre_id=levels.district,
                                                                       reason="other"), expected_version=row.version)
    holder = seat(db, "d", "supervisor")
    for action in sorted(CASE_ACTIONS - {Action.ACCEPT_REFERRAL, Action.RETURN_REFERRAL}):
        before = counts(db, row.id)
        with pytest.raises(IllegalTransition):
            svc.perform(holder, row.id, action, params_for(action, city, other.id), expected_version=row.version)
        assert counts(db, row.id) == before
        tried += 1
    assert tried > 100
