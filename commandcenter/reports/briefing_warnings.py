"""The daily briefing's early-warning section: open warnings by kind, and the top ones with the
figures that raised them (services/warnings digest)."""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, KeepTogether

from ..i18n import QT_TRANSLATE_NOOP as N
from ..shapes.warnings import WarningDigest
from ..warning_labels import evidence_text, kind_label
from .common import Texts, local, para, table_chunks

WIDTHS = [27 * mm, 13 * mm, 50 * mm, 58 * mm, 11 * mm, 21 * mm]


def warnings_section(t: Texts, st: dict[str, Any], font: str, digest: WarningDigest | None, tz: str) -> list[Any]:
    if digest is None:
        return []
    head: list[Any] = [para(t(N("briefing", "Early warnings")), st["h2"])]
    total = sum(digest.counts.values())
    if not total:
        return [CondPageBreak(30 * mm), KeepTogether([*head, para(t(N("briefing", "No early warning is open.")),
                                                                   st["body"])])]
    counts = " · ".join(f"{kind_label(k, t.lang)} {n}" for k, n in digest.counts.items() if n)
    head.append(para(t(N("briefing", "{n} open: {counts}. The {shown} with the most evidence:")).format(
        n=total, counts=counts, shown=len(digest.top)), st["body"]))
    cols = [t(N("briefing", "Warning")), t(N("briefing", "Category")), t(N("briefing", "Subject")),
            t(N("briefing", "Evidence")), t(N("briefing", "Cases")), t(N("briefing", "Latest"))]
    rows = [[kind_label(w.kind, t.lang), w.category_code or "—", w.subject[:36], evidence_text(w, t.lang),
             str(len(w.case_ids)), local(w.last_evidence_at, tz, "%m-%d %H:%M")] for w in digest.top]
    note = para(t(N("briefing", "Open warnings raised by the end of the period; a supervisor acknowledges, acts on "
                                "or dismisses each on the wall. Rising trends are tested against the same hours "
                                "of the previous 8 weeks (exact Poisson test, 0.1 % false alarms per test).")),
                st["small"])
    return [CondPageBreak(50 * mm), KeepTogether([*head, *table_chunks(cols, rows, WIDTHS, font, align_right=(4,)),
                                                   note])]
