"""Backups taken while the drill writes, and restores that check the file before replacing anything."""

from __future__ import annotations

import hashlib
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from commandcenter.cli import main
from commandcenter.db import audit_anchor_path, open_database
from commandcenter.models import AuditEntry, Case
from commandcenter.services.audit_verify import verify_chain
from commandcenter.services.backup import backup_sqlite
from commandcenter.services.lifecycle import CaseService

from .test_drill import a_case, drill_env, tiny_city_file


def integrity(path: Path) -> list[str]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return [r[0] for r in conn.execute("PRAGMA integrity_check")]
    finally:
        conn.close()


def cases_in(path: Path) -> int:
    db = open_database(path)
    try:
        with db.read() as s:
            return s.scalar(select(func.count()).select_from(Case)) or 0
    finally:
        db.dispose()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def centre_file(tmp_path: Path) -> Path:
    path = tmp_path / "city.sqlite"
    db, city = tiny_city_file(path)
    a_case(CaseService(db), city)  # audited: the database has an anchor beside it
    db.dispose()
    return path


def test_a_backup_taken_while_the_drill_runs_opens_and_passes_the_integrity_check(centre_file, tmp_path) -> None:  # type: ignore[no-untyped-def]
    proc = subprocess.Popen(
        [sys.executable, "-m", "commandcenter", "drill", "--db", str(centre_file), "--rate", "600"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=drill_env(centre_file),
    )
    copies = []
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline().startswith("Drill on")
        for n in range(3):
            assert proc.stdout.readline()  # the drill has written more since the last copy
            out = tmp_path / f"copy{n}.sqlite"
            seen: list[tuple[int, int]] = []
            # small steps: the copy spans many of the drill's commits
            backup_sqlite(centre_file, out, progress=lambda done, total, seen=seen: seen.append((done, total)),
                          pages_per_step=2)
            assert seen[-1][0] == seen[-1][1] and len(seen) > 1
            copies.append(out)
    finally:
        proc.terminate()
        _out, err = proc.communicate(timeout=30)
    assert proc.returncode == 0, err
    counts = []
    for copy in copies:
        assert integrity(copy) == ["ok"]
        assert stat.S_IMODE(copy.stat().st_mode) == 0o600
        assert not Path(f"{copy}-wal").exists()
        counts.append(cases_in(copy))
        db = open_database(copy)
        try:  # the anchor beside each copy names the copy's own head, whatever the drill wrote meanwhile
            assert verify_chain(db).problem is None
        finally:
            db.dispose()
    assert counts == sorted(counts) and counts[-1] > counts[0]  # the drill went on writing between copies


def test_the_backup_command_copies_the_audit_anchor_and_the_chain_verifies(centre_file, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "copy.sqlite"
    assert main(["backup", "--db", str(centre_file), "--out", str(out), "--quiet"]) == 0
    assert str(out) in capsys.readouterr().out
    assert stat.S_IMODE(audit_anchor_path(out).stat().st_mode) == 0o600
    db = open_database(out)
    try:
        assert verify_chain(db).problem is None
    finally:
        db.dispose()


def refused(centre_file: Path, candidate: Path, capsys: pytest.CaptureFixture[str]) -> str:
    before = {p.name: digest(p) for p in centre_file.parent.iterdir() if p.is_file()}
    assert main(["restore", "--db", str(centre_file), "--from", str(candidate)]) == 2
    after = {p.name: digest(p) for p in centre_file.parent.iterdir() if p.is_file()}
    assert after == before  # the database, its anchor and the candidate byte for byte
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    return err


def test_restore_refuses_a_text_file(centre_file, capsys) -> None:  # type: ignore[no-untyped-def]
    text = centre_file.parent / "notes.txt"
    text.write_text("not a database\n", encoding="utf-8")
    assert "not SQLite" in refused(centre_file, text, capsys)


def test_restore_refuses_a_foreign_sqlite_file(centre_file, capsys) -> None:  # type: ignore[no-untyped-def]
    foreign = centre_file.parent / "foreign.sqlite"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)")
    conn.commit()
    conn.close()
    assert "not a Grid Command Centre database" in refused(centre_file, foreign, capsys)


def test_restore_refuses_a_newer_schema(centre_file, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    newer = centre_file.parent / "newer.sqlite"
    backup_sqlite(centre_file, newer)
    conn = sqlite3.connect(newer)
    conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    conn.commit()
    conn.close()
    assert "9999_from_the_future" in refused(centre_file, newer, capsys)


def test_restore_refuses_a_damaged_copy(centre_file, capsys) -> None:  # type: ignore[no-untyped-def]
    damaged = centre_file.parent / "damaged.sqlite"
    backup_sqlite(centre_file, damaged)
    data = bytearray(damaged.read_bytes())
    page = 4096
    data[3 * page: 3 * page + 200] = b"\xff" * 200  # a b-tree page overwritten
    damaged.write_bytes(bytes(data))
    refused(centre_file, damaged, capsys)


def test_a_backup_into_a_missing_folder_is_one_line_and_exit_code_2(centre_file, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["backup", "--db", str(centre_file), "--out", str(tmp_path / "nowhere" / "copy.sqlite")]) == 2
    assert "no folder" in capsys.readouterr().err


def test_restore_refuses_a_postgres_url(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["restore", "--db", "postgresql://centre@localhost/city", "--from", str(tmp_path / "x")]) == 2
    assert "pg_restore" in capsys.readouterr().err
    assert main(["backup", "--db", "postgresql://centre@localhost/city", "--out", str(tmp_path / "x")]) == 2
    assert "pg_dump" in capsys.readouterr().err


def test_restore_puts_a_good_copy_in_place_keeps_the_replaced_file_and_audits_it(centre_file, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    good = tmp_path / "good.sqlite"
    backup_sqlite(centre_file, good)
    good_cases = cases_in(good)
    db = open_database(centre_file)  # a change made after the backup: the restore takes it back
    try:
        with db.unit_of_work() as s:
            s.execute(Case.__table__.delete())
    finally:
        db.dispose()
    old = digest(centre_file)
    assert main(["restore", "--db", str(centre_file), "--from", str(good)]) == 0
    (replaced,) = [p for p in tmp_path.iterdir() if p.name.startswith("city.sqlite.replaced-") and p.suffix != ".audit-anchor"
                   and not p.name.endswith(("-wal", "-shm", ".audit-anchor"))]
    assert digest(replaced) == old
    assert cases_in(centre_file) == good_cases > 0
    assert stat.S_IMODE(centre_file.stat().st_mode) == 0o600
    db = open_database(centre_file)
    try:
        with db.read() as s:
            last = s.scalars(select(AuditEntry.action).order_by(AuditEntry.id.desc()).limit(1)).one()
        assert last == "restore"
        assert verify_chain(db).problem is None  # the restored anchor came with it and moved with the entry
    finally:
        db.dispose()
    assert "kept as" in capsys.readouterr().out
