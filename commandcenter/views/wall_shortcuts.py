"""The wall's case actions and their keys, in the order of the closed loop.

Its own module so the wall's toolbar, its action strip and the F1 sheet read one list, and the
wall itself stays about showing cases; a new case action is one line here.
"""

from __future__ import annotations

from ..domain.actions import Action

# (action, shortcut) in the order of the closed loop
CASE_SHORTCUTS: tuple[tuple[Action, str], ...] = (
    (Action.REGISTER, "Ctrl+R"),
    (Action.REJECT, "Ctrl+J"),
    (Action.MERGE, "Ctrl+M"),
    (Action.DISPATCH, "Ctrl+D"),
    (Action.REASSIGN, "Ctrl+Shift+D"),
    (Action.ACCEPT, "Ctrl+Shift+A"),
    (Action.FEED_BACK, "Ctrl+B"),
    (Action.CLOSE, "Ctrl+Shift+C"),
    (Action.RETURN_FOR_REWORK, "Ctrl+Shift+W"),
    (Action.REQUEST_EXTENSION, "Ctrl+E"),
    (Action.EXTEND, "Ctrl+Alt+E"),
    (Action.REFUSE_EXTENSION, "Ctrl+Alt+Shift+E"),
    (Action.REQUEST_SUSPENSION, "Ctrl+U"),
    (Action.SUSPEND, "Ctrl+Alt+U"),
    (Action.REFUSE_SUSPENSION, "Ctrl+Alt+Shift+U"),
    (Action.RESUME, "Ctrl+Shift+U"),
    (Action.REOPEN, "Ctrl+Shift+O"),
    (Action.EVALUATE, "Ctrl+Shift+E"),
    # field steps (services.field_steps)
    (Action.SEND_BACK, "Ctrl+Shift+B"),
    (Action.REQUEST_CHECK, "Ctrl+K"),
    (Action.CONFIRM_CHECK, "Ctrl+Shift+K"),
    (Action.FAIL_CHECK, "Ctrl+Alt+K"),
    (Action.FOLLOW_UP, "Ctrl+Shift+F"),
    # referral between centres and joint handling (services.referral, services.joint)
    (Action.REFER_UP, "Ctrl+Alt+R"),
    (Action.REFER_DOWN, "Ctrl+Alt+D"),
    (Action.TRANSFER, "Ctrl+Alt+T"),
    (Action.ACCEPT_REFERRAL, "Ctrl+Alt+A"),
    (Action.RETURN_REFERRAL, "Ctrl+Alt+Shift+R"),
    (Action.FEED_BACK_REFERRAL, "Ctrl+Alt+B"),
    (Action.ADD_SUPPORT, "Ctrl+Alt+J"),
    (Action.SUPPORT_FEED_BACK, "Ctrl+Alt+Shift+J"),
    # 更正 of a wrong category or grid (services.correction)
    (Action.CORRECT, "Ctrl+Shift+G"),
)
