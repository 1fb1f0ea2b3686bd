"""Secrets and file modes: no connection password reaches the log or a message, and the files that
hold personal data (the database, its WAL, the log, the audit anchor) are readable by their owner only."""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from commandcenter.cli import main
from commandcenter.db import audit_anchor_path, normalize_url, open_database
from commandcenter.errors import DatabaseError
from commandcenter.logging_setup import PrivateRotatingFileHandler, RedactingFormatter, redact
from commandcenter.services import audit

URL = "postgresql://u:secret@127.0.0.1:1/x"  # nothing listens on port 1: the connection fails


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def usual_umask() -> Iterator[None]:
    """The common umask (files world-readable by default), so mode 600 is the program's doing."""
    old = os.umask(0o022)
    yield
    os.umask(old)


def log_files() -> list[Path]:
    return [Path(h.baseFilename) for h in logging.getLogger().handlers
            if isinstance(h, logging.FileHandler) and getattr(h, "_commandcenter", False)]


def test_a_refused_url_leaves_its_password_out_of_the_log_and_the_message(capsys, usual_umask) -> None:  # type: ignore[no-untyped-def]
    assert main(["info", "--db", URL]) == 2
    err = capsys.readouterr().err
    assert "127.0.0.1" in err and "secret" not in err
    for handler in logging.getLogger().handlers:
        handler.flush()
    (path,) = log_files()
    text = path.read_text(encoding="utf-8")
    assert "info --db postgresql://u:***@127.0.0.1:1/x" in text and "secret" not in text
    assert mode(path) == 0o600


def test_every_logged_line_is_redacted(tmp_path, usual_umask) -> None:  # type: ignore[no-untyped-def]
    handler = PrivateRotatingFileHandler(tmp_path / "x.log", maxBytes=200, backupCount=2, encoding="utf-8")
    handler.setFormatter(RedactingFormatter("%(message)s"))
    log = logging.getLogger("test_secrets.redacting")
    log.propagate = False
    log.addHandler(handler)
    try:
        log.warning("connecting to %s", "postgresql+psycopg://admin:hunter2@db.example/centre")
        log.warning("libpq said: host=db password=hunter2 dbname=centre")
        try:
            raise RuntimeError("cannot open sqlite:///a.sqlite nor mysql://root:hunter2@h/db")
        except RuntimeError:
            log.exception("failed")
        for _ in range(10):  # past maxBytes: the log rolls over into new files
            log.warning("filler line to make the log roll over, twice at least")
    finally:
        log.removeHandler(handler)
        handler.close()
    files = sorted(tmp_path.glob("x.log*"))
    assert len(files) == 3
    assert all(mode(f) == 0o600 for f in files)
    assert not any("hunter2" in f.read_text(encoding="utf-8") for f in files)


def test_redact_hides_passwords_and_nothing_else() -> None:
    assert redact("postgresql://u:p@ss@h:5432/db") == "postgresql://u:***@h:5432/db"
    assert redact("dbname=x password='a b' host=h") == "dbname=x password=*** host=h"
    for plain in ("postgresql://u@h/db", "/home/u/centre.sqlite", "https://example.org/a?b=c", "20261125-00042"):
        assert redact(plain) == plain


def test_a_postgresql_database_is_named_without_its_password() -> None:
    with pytest.raises(DatabaseError) as refused:
        open_database(URL)
    assert "secret" not in refused.value.message and "u:***@" in refused.value.message
    assert "secret" not in normalize_url(URL).render_as_string(hide_password=True)


def test_an_older_world_readable_log_is_made_private(tmp_path, usual_umask) -> None:  # type: ignore[no-untyped-def]
    old = tmp_path / "commandcenter.log"
    old.write_text("from an older version\n", encoding="utf-8")
    old.chmod(0o644)
    handler = PrivateRotatingFileHandler(old, encoding="utf-8")
    handler.close()
    assert mode(old) == 0o600


def test_new_databases_and_their_siblings_are_private(tmp_path, usual_umask) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "new.sqlite"
    db = open_database(path, create=True)
    try:
        with db.unit_of_work() as s:
            audit.append(s, None, "export", "case", 1)
        with db.read() as s:  # a reader keeps the WAL and its index open
            s.connection()
            siblings = [p for p in (Path(f"{path}-wal"), Path(f"{path}-shm"), audit_anchor_path(path)) if p.exists()]
            assert Path(f"{path}-wal") in siblings and audit_anchor_path(path) in siblings
            assert {p.name: mode(p) for p in [path, *siblings]} == {p.name: 0o600 for p in [path, *siblings]}
    finally:
        db.dispose()


def test_the_demo_command_creates_a_private_database(tmp_path, usual_umask) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "demo.sqlite"
    assert main(["demo", "--db", str(path), "--scale", "small", "--days", "1", "--seed", "1"]) == 0
    assert mode(path) == 0o600 and mode(audit_anchor_path(path)) == 0o600
    assert main(["audit", "verify", "--db", str(path)]) == 0
