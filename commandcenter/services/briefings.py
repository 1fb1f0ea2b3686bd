"""Issuing a briefing: gather the data, write the PDF, and record who issued what.

Every issued briefing leaves a `briefing_issued` row (centre, period, language, who, when,
where the file went and its SHA-256), an audit entry and a change-log row, in one
transaction after the file is safely on disk. The CLI issues as the operating-system user;
the GUI as the signed-in supervisor (checked against the permission table).
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import select

from ..db import Database
from ..domain.actions import Action
from ..models import BriefingIssued
from ..reports.briefing import briefing_pdf
from .auth import Actor, SystemActor, authorize
from .changefeed import record_change
from .kpi import BriefingData, briefing_data
from .lifecycle import write_audit

Progress = Callable[[str, float], None]


@dataclass(frozen=True)
class IssuedBriefing:
    id: int
    centre_id: int
    kind: str
    period_start: datetime
    period_end: datetime
    lang: str
    issued_at: datetime
    issued_by: str
    path: str
    sha256: str
    size: int
    data: BriefingData


def _write_atomically(path: Path, content: bytes) -> None:
    """Write next to the target and rename, so a reader never sees half a PDF."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(content)
        os.chmod(tmp, 0o644)  # mkstemp makes it private; a printed briefing is for the room
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def issue_briefing(db: Database, actor: Actor | SystemActor, *, centre_id: int, day: date, out: str | Path,
                   shift_name: str | None = None, lang: str = "en", printed_by: str | None = None,
                   progress: Progress | None = None) -> IssuedBriefing:
    """Build the briefing of `day` (or of one shift of it) into `out` and record its issue.

    `printed_by` is the name printed on every page (default: the actor's display name).
    `progress(stage, fraction)` hears the stages "kpis", "breakdowns", "hotspots", "overdue",
    "pdf", "page" (once per page laid out) and "done".
    """
    authorize(db, actor, Action.PRINT_BRIEFING)
    report = progress or (lambda _text, _fraction: None)
    data = briefing_data(db, centre_id, day, shift_name, progress=report)
    report("pdf", 0.5)
    content = briefing_pdf(data, lang=lang, printed_by=printed_by or actor.display_name, progress=report)
    path = Path(out).expanduser().resolve()
    _write_atomically(path, content)
    digest = hashlib.sha256(content).hexdigest()
    now = db.clock.now()
    with db.unit_of_work() as s:
        row = BriefingIssued(
            centre_id=centre_id,
            kind=data.period.kind,
            period_start=data.period.start,
            period_end=data.period.end,
            lang=lang,
            issued_at=now,
            issued_by=actor.username,
            file_path=str(path)[:400],
            sha256=digest,
        )
        s.add(row)
        s.flush()
        write_audit(s, actor, now, "print_briefing", "briefing", row.id,
                    {"day": day.isoformat(), "shift": shift_name or "", "lang": lang, "sha256": digest})
        record_change(s, now, "briefing", row.id, "insert", centre_id)
        row_id = row.id
    report("done", 1.0)
    return IssuedBriefing(row_id, centre_id, data.period.kind, data.period.start, data.period.end, lang, now,
                          actor.username, str(path), digest, len(content), data)


@dataclass(frozen=True)
class IssuedRow:
    id: int
    kind: str
    period_start: datetime
    period_end: datetime
    lang: str
    issued_at: datetime
    issued_by: str
    file_path: str
    sha256: str


def issued_briefings(db: Database, centre_ids: tuple[int, ...], limit: int = 50) -> list[IssuedRow]:
    """The most recently issued briefings of some centres, newest first."""
    with db.read() as s:
        rows = s.execute(
            select(BriefingIssued.id, BriefingIssued.kind, BriefingIssued.period_start, BriefingIssued.period_end,
                   BriefingIssued.lang, BriefingIssued.issued_at, BriefingIssued.issued_by,
                   BriefingIssued.file_path, BriefingIssued.sha256)
            .where(BriefingIssued.centre_id.in_(centre_ids))
            .order_by(BriefingIssued.issued_at.desc(), BriefingIssued.id.desc())
            .limit(limit)
        ).all()
    return [IssuedRow(*r) for r in rows]
