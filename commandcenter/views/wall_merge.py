"""Merging two cases selected on the wall: the earlier report survives, the other is merged
into it after the operator confirms (its callers and history go with it; see
`services.intake.merging`). Its own module so the wall only asks whether a pair can merge and
hands the pair over."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox, QWidget

from ..domain.actions import Action
from ..domain.enums import OPEN_STATUSES, CaseStatus
from ..domain.lifecycle import is_allowed
from ..i18n import translate
from ..services.lifecycle import TransitionParams
from ..shapes.cases import CaseRow

CONTEXT = "WallMerge"


def merge_pair(rows: list[CaseRow]) -> tuple[CaseRow, CaseRow] | None:
    """(duplicate, survivor) of two selected cases, or None when they cannot be merged: the
    earlier report survives unless only the other one can be merged away."""
    if len(rows) != 2 or rows[0].centre_id != rows[1].centre_id:
        return None
    earlier, later = sorted(rows, key=lambda r: (r.reported_at, r.id))
    for duplicate, survivor in ((later, earlier), (earlier, later)):
        if is_allowed(Action.MERGE, CaseStatus(duplicate.status)) and CaseStatus(survivor.status) in OPEN_STATUSES:
            return duplicate, survivor
    return None


def confirm_and_merge(parent: QWidget, rows: list[CaseRow],
                      perform: Callable[[Action, CaseRow, TransitionParams, Callable[[CaseRow], None]], None],
                      refetch: Callable[[list[int]], None]) -> None:
    """Ask, then merge the pair through the wall's `perform` and reload the survivor."""
    pair = merge_pair(rows)
    if pair is None:
        return
    duplicate, survivor = pair
    text = translate(CONTEXT, "Merge case {duplicate} into case {survivor}?\n\nCase {duplicate} is closed as merged; "
                              "its reporters join case {survivor} and both histories record the merge.").format(
        duplicate=duplicate.case_number, survivor=survivor.case_number)
    answer = QMessageBox.question(parent, translate(CONTEXT, "Merge two cases"), text,
                                  QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                  QMessageBox.StandardButton.No)
    if answer != QMessageBox.StandardButton.Yes:
        return
    perform(Action.MERGE, duplicate, TransitionParams(merge_into_id=survivor.id),
            lambda _merged: refetch([survivor.id]))
