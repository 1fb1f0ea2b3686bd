"""The audit trail's hash chain: written by every action, and catching whatever was changed behind it.

Tampering is done the way an intruder with the database file would: plain sqlite3 (or SQL on
PostgreSQL), not the application.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import text

from commandcenter.cli import main
from commandcenter.db import Database, audit_anchor_path, open_database
from commandcenter.domain.actions import Action
from commandcenter.domain.enums import Priority, SourceChannel
from commandcenter.services import audit
from commandcenter.services.audit_verify import verify_chain
from commandcenter.services.lifecycle import CaseService, TransitionParams
from commandcenter.shapes.audit import AnchorHead
from commandcenter.shapes.cases import NewCase
from tests.factories import grid_centre


@dataclass(frozen=True)
class Someone:
    """A principal as the chain sees it (who signed is the auth service's business)."""

    user_id: int | None
    username: str


def append_entries(db: Database, n: int, who: str = "operator") -> None:
    for i in range(n):
        with db.unit_of_work() as s:
            audit.append(s, Someone(None, who), "export", "case", i, {"rows": i})


@contextmanager
def raw(db: Database) -> Iterator[sqlite3.Connection]:
    """The database file opened behind the application's back (autocommit)."""
    assert db.path is not None
    conn = sqlite3.connect(db.path, isolation_level=None)
    try:
        yield conn
    finally:
        conn.close()


def rehash_from(conn: sqlite3.Connection, first_id: int) -> None:
    """What a careful intruder does after an edit: recompute every hash from there on."""
    prev = conn.execute("SELECT hash FROM audit_entry WHERE id < ? ORDER BY id DESC LIMIT 1", (first_id,)).fetchone()
    prev_hash = prev[0] if prev else audit.GENESIS
    rows = conn.execute("SELECT id, seq, at, user_id, actor, action, entity, entity_id, detail, workstation, os_user, "
                        "history_hash FROM audit_entry WHERE id >= ? ORDER BY id", (first_id,)).fetchall()
    for r in rows:
        digest = audit.entry_hash(*r[1:11], r[11], prev_hash)
        conn.execute("UPDATE audit_entry SET prev_hash = ?, hash = ? WHERE id = ?", (prev_hash, digest, r[0]))
        prev_hash = digest


def new_case(city) -> NewCase:  # type: ignore[no-untyped-def]
    lon, lat = grid_centre(0)
    return NewCase(source=SourceChannel.HOTLINE_12345, category_id=city.category_id, priority=Priority.NORMAL,
                   description="楼道堆放杂物堵塞消防通道", lon=lon, lat=lat, reporter_name="陈先生",
                   reporter_phone="13912345678")


@pytest.mark.sqlite_only  # edits the file behind the app's back, or reads its anchor file
def test_case_actions_build_one_sound_chain_that_attests_their_history(db, city, supervisor) -> None:  # type: ignore[no-untyped-def]
    svc = CaseService(db)
    row = svc.report(supervisor, new_case(city), register=True)
    svc.perform(supervisor, row.id, Action.DISPATCH, TransitionParams(officer_id=city.officer_ids[0]))
    with raw(db) as conn:
        entries = conn.execute("SELECT seq, actor, workstation, os_user, history_id, history_hash, prev_hash, hash "
                               "FROM audit_entry ORDER BY id").fetchall()
        history = conn.execute("SELECT count(*) FROM case_history").fetchone()[0]
    attested = [e for e in entries if e[4] is not None]
    assert len(attested) == history == 3  # report, register, dispatch
    assert [e[0] for e in entries] == list(range(1, len(entries) + 1))
    assert all(e[2] and e[5] and len(e[7]) == 64 for e in attested)
    assert all(b[6] == a[7] for a, b in zip(entries, entries[1:], strict=False))  # each links to the one before

    report = verify_chain(db)
    assert report.sound, report
    assert report.entries == len(entries)
    assert report.anchor == report.head == audit.read_anchor_file(db.path)
    assert os.stat(audit_anchor_path(db.path)).st_mode & 0o777 == 0o600


def test_a_batch_appended_at_once_continues_the_chain(db) -> None:  # type: ignore[no-untyped-def]
    append_entries(db, 2)
    with db.unit_of_work() as s:
        ids = audit.append_many(s, None, [audit.Draft("escalate", "case", n, {"level": "reminder"}) for n in range(50)])
    assert len(ids) == 50 and ids == sorted(ids)
    report = verify_chain(db)
    assert report.sound and report.entries == 52 and report.head.entry_id == ids[-1]


@pytest.mark.sqlite_only  # edits the file behind the app's back, or reads its anchor file
def test_a_rolled_back_action_leaves_chain_and_anchor_as_they_were(db) -> None:  # type: ignore[no-untyped-def]
    append_entries(db, 3)
    before = audit.read_anchor_file(db.path)
    with pytest.raises(RuntimeError), db.unit_of_work() as s:
        audit.append(s, None, "import_officers", "officer", None)
        raise RuntimeError("the import failed half way")
    assert audit.read_anchor_file(db.path) == before
    assert verify_chain(db).sound


@pytest.mark.sqlite_only  # edits the file behind the app's back, or reads its anchor file
def test_an_edited_entry_is_named(db) -> None:  # type: ignore[no-untyped-def]
    append_entries(db, 5)
    with raw(db) as conn:
        conn.execute("UPDATE audit_entry SET actor = 'somebody else' WHERE id = 3")
    report = verify_chain(db)
    assert (report.problem, report.entry_id) == ("edited", 3)
    assert report.at is not None


@pytest.mark.parametrize("forged_hash", [False, True], ids=["junk-hash", "well-formed"])
@pytest.mark.sqlite_only  # edits the file behind the app's back, or reads its anchor file
def test_an_inserted_entry_is_named(db, forged_hash) -> None:  # type: ignore[no-untyped-def]
    append_entries(db, 5)
    with raw(db) as conn:
        conn.execute("UPDATE audit_entry SET id = id + 1000 WHERE id >= 3")  # make room after entry 2
        prev, at = conn.execute("SELECT hash, at FROM audit_entry WHERE id = 2").fetchone()
        digest = audit.entry_hash(3, at, None, "operator", "close", "case", 9, "{}", "pc", "op", None, prev)
        conn.execute("INSERT INTO audit_entry (id, seq, at, actor, action, entity, entity_id, detail, workstation, "
                     "os_user, prev_hash, hash) VALUES (3, 3, ?, 'operator', 'close', 'case', 9, '{}', 'pc', 'op', ?, ?)",
                     (at, prev, digest if forged_hash else "0" * 64))
    report = verify_chain(db)
    assert (report.problem, report.entry_id) == ("inserted", 3)


@pytest.mark.sqlite_only  # edits the file behind the app's back, or reads its anchor file
def test_a_deleted_entry_is_named_by_the_one_after_the_gap(db) -> None:  # type: ignore[no-untyped-def]
    append_entries(db, 5)
    with raw(db) as conn:
        conn.execute("DELETE FROM audit_entry WHERE id = 3")
    report = verify_chain(db)
    assert (report.problem, report.entry_id) == ("deleted", 4)


@pytest.mark.sqlite_only  # edits the file behind the app's back, or reads its anchor file
def test_a_deleted_tail_is_caught_by_the_anchor(db) -> None:  # type: ignore[no-untyped-def]
    append_entries(db, 5)
    with raw(db) as conn:
        conn.execute("DELETE FROM audit_entry WHERE id >= 4")
    report = verify_chain(db)
    assert (report.problem, report.entry_id) == ("tail_deleted", 5)
    # the next action does not launder it: the anchor never moves backwards
    append_entries(db, 1)
    assert verify_chain(db).problem in ("tail_deleted", "anchor_mismatch")


@pytest.mark.sqlite_only  # edits the file behind the app's back, or reads its anchor file
def test_a_recomputed_chain_is_caught_by_the_anchor(db) -> None:  # type: ignore[no-untyped-def]
    append_entries(db, 5)
    with raw(db) as conn:
        conn.execute("UPDATE audit_entry SET detail = '{\"rows\": 0}' WHERE id = 2")
        rehash_from(conn, 2)
    report = verify_chain(db)
    assert (report.problem, report.entry_id) == ("anchor_mismatch", 5)


@pytest.mark.sqlite_only  # edits the file behind the app's back, or reads its anchor file
def test_a_removed_anchor_is_reported(db) -> None:  # type: ignore[no-untyped-def]
    append_entries(db, 2)
    audit_anchor_path(db.path).unlink()
    assert verify_chain(db).problem == "anchor_missing"


@pytest.mark.sqlite_only  # edits the file behind the app's back, or reads its anchor file
def test_history_is_covered_by_the_chain(db, city, supervisor) -> None:  # type: ignore[no-untyped-def]
    CaseService(db).report(supervisor, new_case(city), register=True)
    with raw(db) as conn:
        conn.execute("UPDATE case_history SET note = 'nothing to see' WHERE action = 'register'")
        entry = conn.execute("SELECT a.id FROM audit_entry a JOIN case_history h ON h.id = a.history_id "
                             "WHERE h.action = 'register'").fetchone()[0]
    assert (verify_chain(db).problem, verify_chain(db).entry_id) == ("history_edited", entry)
    with raw(db) as conn:
        conn.execute("DELETE FROM case_history WHERE action = 'register'")
    assert (verify_chain(db).problem, verify_chain(db).entry_id) == ("history_deleted", entry)


@pytest.mark.sqlite_only  # edits the file behind the app's back, or reads its anchor file
def test_a_history_row_no_entry_attests_is_named(db, city, supervisor) -> None:  # type: ignore[no-untyped-def]
    svc = CaseService(db)
    row = svc.report(supervisor, new_case(city))
    with raw(db) as conn:
        conn.execute("INSERT INTO case_history (case_id, at, action, from_status, to_status, note) "
                     "SELECT case_id, at, 'close', 'checking', 'closed', '' FROM case_history WHERE case_id = ?",
                     (row.id,))
        forged = conn.execute("SELECT max(id) FROM case_history").fetchone()[0]
    report = verify_chain(db)
    assert (report.problem, report.entry_id) == ("history_inserted", forged)


@pytest.mark.sqlite_only  # edits the file behind the app's back, or reads its anchor file
def test_the_command_exits_non_zero_naming_the_first_bad_entry(db, capsys) -> None:  # type: ignore[no-untyped-def]
    append_entries(db, 3)
    assert main(["audit", "verify", "--db", str(db.path)]) == 0
    assert "3" in capsys.readouterr().out
    with raw(db) as conn:
        conn.execute("UPDATE audit_entry SET detail = '{}' WHERE id = 2")
    assert main(["audit", "verify", "--db", str(db.path)]) == 1
    out = capsys.readouterr().out.strip()
    assert len(out.splitlines()) == 1 and "2" in out


def test_concurrent_appenders_keep_one_chain(db) -> None:  # type: ignore[no-untyped-def]
    """Two seats (threads with their own sessions) appending at once: one chain, no fork."""
    errors: list[BaseException] = []

    def seat(name: str) -> None:
        try:
            append_entries(db, 40, name)
        except BaseException as exc:  # reported below, not lost in the thread
            errors.append(exc)

    threads = [threading.Thread(target=seat, args=(name,)) for name in ("seat-a", "seat-b")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    report = verify_chain(db)
    assert report.sound and report.entries == 80


def test_a_chain_written_before_the_upgrade_is_hashed_by_it(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from alembic import command

    from commandcenter import migrations

    path = tmp_path / "old.sqlite"
    db = open_database(path, create=True)  # then back to 0004 with two legacy entries, as an old file would be
    cfg = migrations.alembic_config()
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0004")
        for n in range(2):
            conn.execute(text("INSERT INTO audit_entry (at, actor, action, entity, detail) "
                              "VALUES (1700000000, 'system', 'import_grids', 'grid', :d)"), {"d": f"{{\"n\": {n}}}"})
    db.dispose()
    audit_anchor_path(path).unlink(missing_ok=True)
    db = open_database(path, create=True)
    try:
        report = verify_chain(db)
        assert report.sound and report.entries == 2
        append_entries(db, 1)
        assert verify_chain(db).entries == 3
    finally:
        db.dispose()


@pytest.mark.postgres
def test_postgresql_serialises_appenders_and_anchors_in_a_table(pg_url) -> None:  # type: ignore[no-untyped-def]
    db = open_database(pg_url, create=True)
    try:
        threads = [threading.Thread(target=append_entries, args=(db, 25, name)) for name in ("a", "b")]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        report = verify_chain(db)
        assert report.sound and report.entries == 50 and report.anchor == report.head
        with db.engine.begin() as conn:
            conn.execute(text("DELETE FROM audit_entry WHERE seq > 45"))
        assert verify_chain(db).problem == "tail_deleted"
        with pytest.raises(Exception, match="backwards"), db.engine.begin() as conn:
            conn.execute(text("UPDATE audit_anchor SET seq = 45"))
    finally:
        db.dispose()


def test_anchor_file_keeps_the_newer_head(tmp_path: Path) -> None:
    """Two seats may write their anchors in the other order than they committed: the newer stays."""
    db_path = tmp_path / "x.sqlite"
    audit.write_anchor_file(db_path, AnchorHead(entry_id=11, seq=11, hash="b" * 64))
    audit.write_anchor_file(db_path, AnchorHead(entry_id=10, seq=10, hash="a" * 64))
    assert audit.read_anchor_file(db_path) == AnchorHead(entry_id=11, seq=11, hash="b" * 64)


def test_every_issued_briefing_prints_the_newest_head(db, city, supervisor, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import io

    from pypdf import PdfReader

    from commandcenter.services.briefings import issue_briefing

    CaseService(db).report(supervisor, new_case(city), register=True)
    head = audit.newest_head(db)
    issue_briefing(db, supervisor, centre_id=city.centre_id, day=db.clock.now().date(), out=tmp_path / "day.pdf")
    pages = [p.extract_text() for p in PdfReader(io.BytesIO((tmp_path / "day.pdf").read_bytes())).pages]
    assert head is not None and all(f"audit chain entry {head.seq} {head.hash[:16]}" in page for page in pages)
    assert verify_chain(db).sound  # the briefing's own entry joined the chain after it


@pytest.mark.sqlite_only  # edits the file behind the app's back, or reads its anchor file
def test_an_anchor_that_cannot_be_written_does_not_undo_the_action(db, caplog) -> None:  # type: ignore[no-untyped-def]
    audit_anchor_path(db.path).mkdir()  # nothing can be written where the anchor file should be
    append_entries(db, 1)
    assert "audit anchor beside" in caplog.text
    report = verify_chain(db)
    assert report.entries == 1 and report.problem == "anchor_missing"


def test_verification_reports_its_progress(db, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from commandcenter.services import audit_verify

    append_entries(db, 5)
    monkeypatch.setattr(audit_verify, "PROGRESS_EVERY", 2)
    seen: list[int] = []
    assert verify_chain(db, seen.append).sound
    assert seen == [2, 4]
