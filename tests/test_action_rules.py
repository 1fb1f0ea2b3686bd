"""The domain's rules for an action's note match the schema and the dialog that asks for it."""

from __future__ import annotations

from commandcenter.domain.actions import NEEDS_REASON, NOTE_MAX_CHARS, REJECT_REASON_MAX_CHARS, Action, note_limit
from commandcenter.models import Case
from commandcenter.services.validation import column_limit


def test_the_reject_limit_is_the_columns_length() -> None:
    assert column_limit(Case.reject_reason) == REJECT_REASON_MAX_CHARS == note_limit(Action.REJECT)
    assert note_limit(Action.SUSPEND) == NOTE_MAX_CHARS


def test_the_dialog_asks_for_every_reason_the_domain_requires() -> None:
    from commandcenter.views.dialogs.action_params import NOTE_PROMPTS, needs_dialog

    assert all(needs_dialog(action) for action in NEEDS_REASON)
    assert set(NOTE_PROMPTS) - NEEDS_REASON == {Action.EVALUATE, Action.MERGE}  # the optional notes
