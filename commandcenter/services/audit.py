"""The tamper-evident audit trail: one way to append an entry, chained by SHA-256.

Every entry's `hash` is SHA-256 over a canonical serialisation of its fields (place in the
chain, time, user, action, entity, detail, workstation, OS user, the digest of the case-history
row it attests) and the previous entry's hash, so editing, inserting or deleting a row breaks
the chain at that row (`audit_verify` finds it). Appenders are serialised so the chain never
forks: on SQLite every unit of work already holds the write lock (`BEGIN IMMEDIATE`); on
PostgreSQL `append` takes a transaction-level advisory lock before it reads the head.

Case history is covered by the same chain rather than its own: every history row is written by
the lifecycle together with the audit entry of the same action, so the entry carries the row's
id and its digest (`history_hash`, part of the entry's own hash: an edited history row and an
edited entry are told apart). That costs the lifecycle nothing but a few bytes more to hash (no
second head to read and lock per action), and verification reads the row by a join.

Deleting the newest entries, or recomputing the whole chain, leaves a chain that is sound in
itself; the newest head is therefore also kept outside the table: in `<db>.audit-anchor`
beside a SQLite file (mode 600, written after the commit and never moved backwards), and in
the `audit_anchor` table on PostgreSQL (which an administrator hands to an audit role).
"""

from __future__ import annotations

import fcntl
import getpass
import hashlib
import json
import logging
import os
import socket
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import unquote, urlsplit

from sqlalchemy import event, insert, select, text, update
from sqlalchemy.engine import URL
from sqlalchemy.orm import Session

from ..db import Database, audit_anchor_path
from ..models import AuditAnchor, AuditEntry, to_epoch
from ..shapes.audit import AnchorHead

log = logging.getLogger(__name__)

GENESIS = ""  # the prev_hash of the first entry
# compact JSON, non-ASCII kept; one encoder for every hash (json.dumps with options builds one per call)
_CANONICAL = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
# any constant will do; the advisory lock names the chain, not a row
_PG_CHAIN_LOCK = 0x6175646974  # "audit"
_PENDING_ANCHOR = "audit_anchor_pending"
_LISTENING = "audit_anchor_listening"


class Principal(Protocol):
    """Whoever acts: a signed-in user or a named system account (both have these two)."""

    @property
    def user_id(self) -> int | None: ...

    @property
    def username(self) -> str: ...


@dataclass(frozen=True)
class Draft:
    """One entry to append in a batch (`append_many`): what was done on what."""

    action: str
    entity: str
    entity_id: int | None
    detail: dict[str, object] | str = ""


@cache
def this_workstation() -> str:
    return socket.gethostname()[:120]


@cache
def this_os_user() -> str:
    try:
        return getpass.getuser()[:80]
    except (OSError, KeyError):  # no login name (a container without passwd entry)
        return ""


def detail_text(detail: dict[str, object] | str) -> str:
    """The stored form of an entry's detail: text as given, a mapping as sorted JSON."""
    if isinstance(detail, str):
        return detail
    return json.dumps(detail, ensure_ascii=False, sort_keys=True)


def history_digest(row: Mapping[str, Any]) -> str:
    """SHA-256 (hex) of a case-history row as stored: every column by name, but NULL and empty ones.

    Leaving out NULL and '' lets a later migration add a nullable column, or a text column
    defaulting to '', to `case_history` without changing the digests of the rows written before
    it (a migration that fills other values into attested rows would break them: it must not).
    Booleans count as 0/1 on both databases.
    """
    canon = {k: int(v) if isinstance(v, bool) else v for k, v in row.items() if v is not None and v != ""}
    text_form = json.dumps(canon, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text_form.encode("utf-8")).hexdigest()


def entry_hash(seq: int, at: int, user_id: int | None, actor: str, action: str, entity: str,
               entity_id: int | None, detail: str, workstation: str, os_user: str,
               history_hash: str | None, prev_hash: str) -> str:
    """SHA-256 (hex) of one entry's canonical serialisation, linked to the previous hash.

    Compact JSON of a fixed-order list: unambiguous (strings are quoted and escaped), the same
    in every process and on both databases, and independent of the row id.
    """
    canon = _CANONICAL([seq, at, user_id, actor, action, entity, entity_id, detail, workstation, os_user,
                        history_hash, prev_hash])
    return hashlib.sha256(canon.encode("utf-8")).hexdigest()


def _lock_chain(session: Session) -> None:
    """Make this transaction the only appender until it ends (SQLite: already the only writer)."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_CHAIN_LOCK})


def chain_head(session: Session) -> tuple[int, str]:
    """(seq, hash) of the newest entry; (0, GENESIS) for an empty trail."""
    row = session.execute(
        select(AuditEntry.seq, AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1)
    ).first()
    if row is None or row[0] is None:
        return 0, GENESIS
    return int(row[0]), row[1] or GENESIS


def newest_head(db: Database) -> AnchorHead | None:
    """The chain's newest entry (id, place, hash) as it stands, for printing on a briefing."""
    with db.read() as s:
        row = s.execute(select(AuditEntry.id, AuditEntry.seq, AuditEntry.hash)
                        .order_by(AuditEntry.id.desc()).limit(1)).first()
    if row is None or row[1] is None:
        return None
    return AnchorHead(entry_id=row[0], seq=row[1], hash=row[2] or GENESIS)


def _now(session: Session) -> datetime:
    database = session.info.get("database")
    return database.clock.now() if database is not None else datetime.now(UTC)


HISTORY_ROW = text("SELECT * FROM case_history WHERE id = :id")


def _history_hash(session: Session, history_id: int) -> str:
    row = session.execute(HISTORY_ROW, {"id": history_id}).mappings().one()
    return history_digest(row)


def append(session: Session, principal: Principal | None, action: str, entity: str, entity_id: int | None,
           detail: dict[str, object] | str = "", *, at: datetime | None = None, history_id: int | None = None,
           workstation: str | None = None, os_user: str | None = None) -> int:
    """Append one entry in the caller's transaction and return its id.

    `principal` None is the program itself ("system"). `at` defaults to the database's clock;
    `history_id` names the case-history row this action wrote, which the hash then covers. The
    workstation and OS user default to the principal's (when it carries them), else this
    process's.
    """
    return append_many(session, principal, [Draft(action, entity, entity_id, detail)], at=at,
                       history_ids=[history_id], workstation=workstation, os_user=os_user)[0]


def append_many(session: Session, principal: Principal | None, drafts: Sequence[Draft], *,
                at: datetime | None = None, history_ids: Sequence[int | None] | None = None,
                workstation: str | None = None, os_user: str | None = None) -> list[int]:
    """Append several entries at once (one lock, one head read, one multi-row insert).

    Returns the new entries' ids in order. The escalation clock writes thousands at once; the
    chain is computed here in Python and the rows go in as one executemany.
    """
    if not drafts:
        return []
    _lock_chain(session)
    seq, prev = chain_head(session)
    when = to_epoch(at or _now(session))
    user_id = principal.user_id if principal is not None else None
    actor = principal.username if principal is not None else "system"
    # a principal signed in elsewhere (a seat over the API) names its own seat
    host = (workstation if workstation is not None
            else getattr(principal, "workstation", None) or this_workstation())[:120]
    login = (os_user if os_user is not None else getattr(principal, "os_user", None) or this_os_user())[:80]
    rows = []
    for draft, history_id in zip(drafts, history_ids or [None] * len(drafts), strict=True):
        seq += 1
        detail = detail_text(draft.detail)
        history_hash = _history_hash(session, history_id) if history_id is not None else None
        digest = entry_hash(seq, when, user_id, actor, draft.action, draft.entity, draft.entity_id, detail,
                            host, login, history_hash, prev)
        rows.append({"seq": seq, "at": when, "user_id": user_id, "actor": actor, "action": draft.action,
                     "entity": draft.entity, "entity_id": draft.entity_id, "detail": detail,
                     "workstation": host, "os_user": login, "history_id": history_id, "history_hash": history_hash,
                     "prev_hash": prev, "hash": digest})
        prev = digest
    if len(rows) == 1:
        ids = [session.execute(insert(AuditEntry).values(rows[0]).returning(AuditEntry.id)).scalar_one()]
    else:
        session.execute(insert(AuditEntry), rows)
        ids = list(session.scalars(select(AuditEntry.id).order_by(AuditEntry.id.desc()).limit(len(rows))))[::-1]
    set_anchor(session, AnchorHead(entry_id=ids[-1], seq=seq, hash=prev))
    return ids


# ---- the anchor outside the chain -------------------------------------------------------------

def set_anchor(session: Session, head: AnchorHead) -> None:
    """Move the anchor to `head`: in this transaction on PostgreSQL, after its commit on SQLite.

    `append` calls it; so does the demo generator, which writes its one entry in bulk.
    """
    bind = session.get_bind()
    if bind.dialect.name == "postgresql":
        done = session.execute(
            update(AuditAnchor).where(AuditAnchor.id == 1)
            .values(entry_id=head.entry_id, seq=head.seq, hash=head.hash)
        ).rowcount
        if not done:
            session.execute(insert(AuditAnchor).values(id=1, entry_id=head.entry_id, seq=head.seq, hash=head.hash))
        return
    path = _sqlite_file(session)
    if path is None:
        return
    if not session.info.get(_LISTENING):  # once per session, however many transactions it runs
        session.info[_LISTENING] = True
        event.listen(session, "after_commit", _write_pending_anchor)
        event.listen(session, "after_rollback", _drop_pending_anchor)
    session.info[_PENDING_ANCHOR] = (path, head)


def _sqlite_file(session: Session) -> Path | None:
    database = session.info.get("database")
    if database is not None:
        return database.path  # type: ignore[no-any-return]
    return sqlite_file_of_url(session.get_bind().url)


def sqlite_file_of_url(url: URL) -> Path | None:
    """The file behind a SQLite URL, also in the ``file:…?mode=rw`` form engines connect with."""
    if url.get_backend_name() != "sqlite":
        return None
    name = url.database or ""
    if name.startswith("file:"):
        name = unquote(urlsplit(name).path)
    return Path(name) if name and name != ":memory:" else None


def _write_pending_anchor(session: Session) -> None:
    """After the commit: the action happened, so a file that cannot be written must not fail it.

    The anchor then lags behind the chain, which `audit verify` reports; the log says why.
    """
    pending = session.info.pop(_PENDING_ANCHOR, None)
    if pending is None:
        return
    try:
        write_anchor_file(*pending)
    except OSError as exc:
        log.error("audit anchor beside %s not updated: %s", pending[0], exc)


def _drop_pending_anchor(session: Session) -> None:
    session.info.pop(_PENDING_ANCHOR, None)


def read_anchor_file(database_path: Path) -> AnchorHead | None:
    """The anchor kept beside a SQLite file, or None when there is none (or it is unreadable)."""
    try:
        raw = json.loads(audit_anchor_path(database_path).read_text(encoding="utf-8"))
        return AnchorHead(entry_id=int(raw["entry_id"]), seq=int(raw["seq"]), hash=str(raw["hash"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def write_anchor_file(database_path: Path, head: AnchorHead) -> None:
    """Record `head` beside the database, owner-readable only, never moving backwards.

    Two seats commit one after the other but may write their anchors in the other order; the
    file lock and the `seq` comparison keep the newer one. An anchor that would go backwards
    (the chain shrank: its tail was deleted) is left as it is, so verification still sees it.
    """
    fd = os.open(audit_anchor_path(database_path), os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        current = os.read(fd, 4096)
        try:
            if int(json.loads(current)["seq"]) >= head.seq:
                return
        except (ValueError, KeyError, TypeError):
            pass  # empty or damaged: replace it
        data = json.dumps({"entry_id": head.entry_id, "seq": head.seq, "hash": head.hash}).encode()
        os.pwrite(fd, data, 0)
        os.ftruncate(fd, len(data))
        os.fsync(fd)
    finally:
        os.close(fd)

