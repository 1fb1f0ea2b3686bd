"""The domain's rules for actions (reasons, note limits, bulk) match the schema and the screens."""

from __future__ import annotations

from commandcenter.domain.actions import (
    NEEDS_REASON,
    NOTE_MAX_CHARS,
    REJECT_REASON_MAX_CHARS,
    Action,
    note_limit,
)
from commandcenter.models import Case
from commandcenter.services.validation import column_limit


def test_the_reject_limit_is_the_columns_length() -> None:
    assert column_limit(Case.reject_reason) == REJECT_REASON_MAX_CHARS == note_limit(Action.REJECT)
    assert note_limit(Action.SUSPEND) == NOTE_MAX_CHARS


def test_the_dialog_asks_for_every_reason_the_domain_requires() -> None:
    from commandcenter.views.dialogs.action_params import NOTE_PROMPTS, needs_dialog

    # an on-the-spot closure says what was done in the new-case dialog, at intake
    assert all(needs_dialog(action) for action in NEEDS_REASON - {Action.SOLVE_ON_SPOT})
    # the optional notes: a rating's comment, a merge's note, a supervisor's comment on approving
    # time, and the verification note that makes verify-and-close a confirmation
    assert set(NOTE_PROMPTS) - NEEDS_REASON == {Action.EVALUATE, Action.MERGE, Action.EXTEND, Action.SUSPEND,
                                                Action.CLOSE}


def test_only_bulk_actions_apply_to_several_cases() -> None:
    from commandcenter.domain.enums import CaseStatus
    from commandcenter.domain.lifecycle import allowed_on

    two_reported = [CaseStatus.REPORTED, CaseStatus.REPORTED]
    assert allowed_on(Action.REGISTER, two_reported)
    assert not allowed_on(Action.REJECT, two_reported)  # a reason per case
    assert allowed_on(Action.REJECT, two_reported[:1])
    assert not allowed_on(Action.REGISTER, [CaseStatus.REPORTED, CaseStatus.CLOSED])  # each must allow it
    assert not allowed_on(Action.REGISTER, [])
