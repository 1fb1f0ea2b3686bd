"""Issuing a briefing: gather the data, write the PDF, and record who issued what.

Every issued briefing leaves a `briefing_issued` row (centre, period, language, who, when,
where the file went and its SHA-256), an audit entry and a change-log row. The file and its
record appear together or not at all: the PDF is written under a temporary name beside its
target, renamed into place as the last step of the recording transaction, and taken back (the
file it replaced put back) if that transaction fails to commit. The CLI issues as the
operating-system user; the GUI as the signed-in supervisor (checked against the permission table).
"""

from __future__ import annotations

import hashlib
import os
import secrets
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select

from ..db import Database
from ..domain.actions import Action
from ..domain.entities import Entity
from ..models import BriefingIssued
from . import audit
from .auth import Principal, authorize
from .changefeed import record_change
from .lifecycle import write_audit
from .personal_data import briefing_for
from .referral_figures import referral_figures
from .warnings import WarningService

if TYPE_CHECKING:
    from ..shapes.briefing import BriefingData

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


def _write_beside(path: Path, content: bytes) -> Path:
    """Write `content` to a temporary file in `path`'s folder, so renaming it there is atomic."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(content)
            fh.flush()
            os.fsync(fh.fileno())  # on disk before the record says it is
        os.chmod(tmp, 0o644)  # mkstemp makes it private; a printed briefing is for the room
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return Path(tmp)


def _keep_previous(path: Path) -> Path | None:
    """A second name (hard link) for a file about to be replaced, to put it back on failure.

    None when there is no such file, or the file system has no hard links: then a failed
    re-issue removes the earlier file of the same name instead of restoring it.
    """
    if not path.exists():
        return None
    keep = path.with_name(f".{path.name}.{secrets.token_hex(6)}.previous")
    try:
        os.link(path, keep)
    except OSError:
        return None
    return keep


@contextmanager
def _placed_on_commit(path: Path, content: bytes) -> Iterator[Callable[[], None]]:
    """Around a recording transaction: yields `place()`, to be called as the block's last step.

    Writing happens before the block (a failure there records nothing). If the block fails
    before `place()`, the temporary file is removed; if it fails after (the commit), the new
    file is removed and the one it replaced is put back.
    """
    tmp = _write_beside(path, content)
    previous = _keep_previous(path)
    placed = False

    def place() -> None:
        nonlocal placed
        os.replace(tmp, path)
        placed = True

    try:
        yield place
    except BaseException:
        if not placed:
            tmp.unlink(missing_ok=True)
        elif previous is not None:
            os.replace(previous, path)
            previous = None
        else:
            path.unlink(missing_ok=True)
        raise
    finally:
        if previous is not None:
            previous.unlink(missing_ok=True)


def issue_briefing(db: Database, actor: Principal, *, centre_id: int, day: date, out: str | Path,
                   shift_name: str | None = None, lang: str = "en", printed_by: str | None = None,
                   progress: Progress | None = None) -> IssuedBriefing:
    """Build the briefing of `day` (or of one shift of it) into `out` and record its issue.

    `printed_by` is the name printed on every page (default: the actor's display name).
    `progress(stage, fraction)` hears the stages "kpis", "breakdowns", "hotspots", "overdue",
    "pdf", "page" (once per page laid out) and "done".
    """
    # loaded at the first briefing, not with the screen: ReportLab, shapely and the queries
    # take a few hundred milliseconds to import, which the application's start should not pay
    from ..reports.briefing import briefing_pdf
    from .kpi import briefing_data

    authorize(db, actor, Action.PRINT_BRIEFING)
    report = progress or (lambda _text, _fraction: None)
    data = briefing_for(db, actor, briefing_data(db, centre_id, day, shift_name, progress=report))
    data = replace(data, warnings=WarningService(db).digest(actor, centre_id, data.as_of),
                   referrals=referral_figures(db, centre_id, data.period.start, data.period.end))
    report("pdf", 0.5)
    # every briefing carries the audit chain's newest head: a paper copy outside the database
    content = briefing_pdf(data, lang=lang, printed_by=printed_by or actor.display_name, progress=report,
                           audit_head=audit.newest_head(db))
    path = Path(out).expanduser().resolve()
    digest = hashlib.sha256(content).hexdigest()
    now = db.clock.now()
    # the unit of work commits when its block ends, inside the placing block: a failed commit
    # takes the file back
    with _placed_on_commit(path, content) as place, db.unit_of_work() as s:
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
        record_change(s, now, Entity.BRIEFING, row.id, "insert", centre_id)
        row_id = row.id
        place()
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
