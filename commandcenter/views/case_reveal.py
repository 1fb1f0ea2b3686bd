"""Wiring a case detail panel to the audited reveal of personal data.

The panel asks (with a reason); this runs `services.personal_data.reveal` off the GUI thread as
the signed-in user and hands the clear value, or the refusal in the user's language, back to
the panel. Any screen showing a `CaseDetailPanel` wires it with one call.
"""

from __future__ import annotations

from ..domain.actions import Action
from ..gui.context import AppContext
from ..labels import describe_error
from ..widgets.case_detail import CaseDetailPanel


def wire_reveal(ctx: AppContext, panel: CaseDetailPanel) -> None:
    """Offer the panel's Show buttons when the user may reveal, and answer its requests."""
    panel.set_reveal_allowed(ctx.can(Action.REVEAL_PERSONAL_DATA))

    def requested(case_id: int, field: str, reason: str) -> None:
        personal, principal = ctx.personal, ctx.principal
        ctx.runner.run_in_background(
            lambda _s: (case_id, field, personal.reveal(principal, case_id, field, reason)),
            lambda result: panel.show_revealed(*result),
            lambda exc: panel.show_reveal_error(describe_error(exc)),
        )

    panel.reveal_requested.connect(requested)
