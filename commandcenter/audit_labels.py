"""The audit trail's words: what a broken chain means, for the audit screen and the command line.

`services.audit_verify` returns a problem code and the entry it concerns; this module says it
in the user's language, so the screen and `commandcenter audit verify` say the same thing.
"""

from __future__ import annotations

from datetime import datetime

from .i18n import QT_TRANSLATE_NOOP as N
from .labels import translate_into
from .shapes.audit import ChainReport

PROBLEMS: dict[str, str] = {
    "edited": N("audit", "entry {id} ({at}) was edited: its content no longer gives its hash"),
    "inserted": N("audit", "entry {id} ({at}) was inserted: the chain does not lead through it"),
    "deleted": N("audit", "entries before entry {id} ({at}) were deleted: it links to one no longer there"),
    "tail_deleted": N("audit", "the newest entries were deleted: the anchor names entry {id}, which is gone"),
    "anchor_mismatch": N("audit", "the chain was recomputed: entry {id} no longer has the hash its anchor keeps"),
    "anchor_missing": N("audit", "the anchor is missing: nothing outside the database vouches for entry {id} ({at})"),
    "history_edited": N("audit", "the case history row attested by entry {id} ({at}) was edited"),
    "history_deleted": N("audit", "the case history row attested by entry {id} ({at}) was deleted"),
    "history_inserted": N("audit", "case history row {id} ({at}) was inserted: no audit entry attests it"),
}


def _when(at: datetime | None) -> str:
    return f"{at:%Y-%m-%d %H:%M:%S} UTC" if at is not None else "?"


def chain_summary(report: ChainReport, lang: str | None = None) -> str:
    """One line: the chain is sound (how many entries, the head), or the first problem and where."""
    translate = translate_into(lang)
    if report.problem is None:
        head = report.head.hash[:16] if report.head is not None else "-"
        line = translate("audit", "audit chain sound: {n} entries, head {head}, anchored; checked in {s:.1f} s")
        return line.format(n=report.entries, head=head, s=report.seconds)
    text = PROBLEMS.get(report.problem, report.problem)
    return translate("audit", "audit chain broken: {problem}").format(
        problem=translate("audit", text).format(id=report.entry_id, at=_when(report.at)))
