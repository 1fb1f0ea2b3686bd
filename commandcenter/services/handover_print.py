"""Printing a handover record: read it as the actor may see it, then lay it out as a PDF.

Handover PDFs are built the way briefings are: a service gathers the data and calls the report
builder, and the screen only runs the service in the background and opens the file it returns.
The file name carries the record's id, version and language, so a reprint of an unchanged
record in the same language overwrites its earlier copy, while a correction or another
language gets a file of its own.
"""

from __future__ import annotations

from pathlib import Path

from ..db import Database
from .auth import Principal
from .handover import HandoverService
from .personal_data import handover_for


def print_handover(db: Database, actor: Principal, handover_id: int, *, folder: Path, lang: str,
                   printed_by: str | None = None) -> Path:
    """Write handover `handover_id` as a PDF into `folder` and return the file's path.

    `printed_by` is the name printed on every page (default: the actor's display name). A
    handover outside the actor's centres raises NotFound, as reading it would.
    """
    # ReportLab loads with the first print, not with the handover screen
    from ..reports.handover_pdf import render_handover

    record = handover_for(db, actor, HandoverService(db).get(actor, handover_id))
    path = folder / f"handover-{record.id}-v{record.version}-{lang}.pdf"
    folder.mkdir(parents=True, exist_ok=True)
    render_handover(record, path, lang=lang, printed_by=printed_by or actor.display_name,
                    printed_at=db.clock.now())
    return path
