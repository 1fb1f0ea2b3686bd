"""A private, throw-away PostgreSQL cluster for the test suite.

The tests that need PostgreSQL must not depend on a server someone happened to
start, nor touch one: this module starts its own cluster in a temporary
directory on a free loopback port, with durability switched off so it comes up
in a couple of seconds, and stops and deletes it when the test session ends.

Loading the fixtures
    The project's top-level ``conftest.py`` registers this module as a plugin::

        pytest_plugins = ["tests.pg_cluster"]

    (or on the command line: ``python -m pytest -p tests.pg_cluster ...``).

Fixtures
    ``pg_server`` (session scope)
        A :class:`PostgresServer`. ``pg_server.base_url`` is a SQLAlchemy URL
        such as ``postgresql+psycopg://postgres@127.0.0.1:PORT/postgres``;
        ``pg_server.create_database(name)`` creates an empty database and
        returns its URL; ``pg_server.drop_database(name)`` drops it again;
        ``with pg_server.stopped(): ...`` stops the private cluster (a fast
        shutdown: every session is cut) for the block and starts it again on
        the same port, for fault-injection tests.
    ``pg_url`` (function scope)
        The URL of a fresh, empty database named after the test, dropped
        after the test (open connections are terminated, so a test that
        forgot to dispose its engine cannot hang the teardown).

    Mark such tests ``@pytest.mark.postgres``::

        @pytest.mark.postgres
        def test_round_trip(pg_url):
            engine = sqlalchemy.create_engine(pg_url)
            ...

Where the server comes from
    * ``COMMANDCENTER_TEST_PG_URL`` set: that server is used as it is
      (a SQLAlchemy URL of a role allowed to create databases); nothing is
      started.
    * Otherwise ``initdb``/``pg_ctl`` are looked for in Debian's
      ``/usr/lib/postgresql/<version>/bin`` (highest version first), then
      ``pg_config --bindir``, then ``PATH``. As root (as in CI) they run as
      the ``postgres`` system user, because initdb refuses to run as root.

When PostgreSQL cannot be had
    Tests needing it are skipped with "no PostgreSQL server reachable: ...",
    except when ``CI=true``: there they fail, so a CI run can never go green
    by silently skipping the PostgreSQL tests.

If the pytest process dies without tearing down (a segfault in Qt, SIGKILL),
a small watchdog process, which notices that the pipe to pytest closed, stops
the cluster and removes its directory, so no stray postgres outlives the run.
"""

from __future__ import annotations

import contextlib
import glob
import hashlib
import os
import pwd
import re
import shlex
import shutil
import socket
import stat
import subprocess
import sys
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import NoReturn

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

ENV_URL = "COMMANDCENTER_TEST_PG_URL"

# Trust auth on a loopback-only, throw-away cluster; no fsync for speed.
_INITDB_OPTIONS = ("-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8", "--locale=C")
_START_ATTEMPTS = 3
_COMMAND_TIMEOUT_S = 60
_SERVER_SETTINGS = (
    "listen_addresses=127.0.0.1",
    # Nothing here needs to survive a crash: trade durability for speed.
    "fsync=off",
    "synchronous_commit=off",
    "full_page_writes=off",
)
# PostgreSQL truncates identifiers to 63 bytes; keep room for the suffix.
_DB_NAME_STEM_MAX = 48


class PostgresUnavailable(Exception):
    """No PostgreSQL binaries, or the server could not be started or reached."""


def unavailable(reason: str) -> NoReturn:
    """Skip the requesting test, or fail it when running in CI (``CI=true``)."""
    message = f"no PostgreSQL server reachable: {reason}"
    if os.environ.get("CI") == "true":
        pytest.fail(message + " (CI=true: PostgreSQL tests must not be skipped)", pytrace=False)
    pytest.skip(message)


def database_name_for(test_name: str) -> str:
    """A valid, unique PostgreSQL database name derived from a test's name."""
    stem = re.sub(r"[^a-z0-9_]+", "_", test_name.lower()).strip("_")
    if len(stem) > _DB_NAME_STEM_MAX:
        digest = hashlib.sha1(stem.encode()).hexdigest()[:6]
        stem = f"{stem[: _DB_NAME_STEM_MAX - 7]}_{digest}"
    return f"t_{stem}_{uuid.uuid4().hex[:6]}"


@dataclass
class PostgresServer:
    """A PostgreSQL server the tests may create and drop databases on."""

    base_url: str
    _admin: sa.Engine = field(init=False, repr=False)
    # the private cluster behind base_url; None for an external server, which is not ours to stop
    cluster: _Cluster | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        self._admin = sa.create_engine(
            self.base_url, isolation_level="AUTOCOMMIT", poolclass=NullPool
        )

    def _quote(self, name: str) -> str:
        return self._admin.dialect.identifier_preparer.quote_identifier(name)

    def check(self) -> str:
        """Connect once and return the server's version string."""
        with self._admin.connect() as conn:
            return str(conn.execute(sa.text("SELECT version()")).scalar_one())

    def create_database(self, name: str, template: str | None = None) -> str:
        """Create database ``name`` (empty, or a copy of ``template``) and return its SQLAlchemy URL."""
        copy = f" TEMPLATE {self._quote(template)}" if template else ""
        with self._admin.connect() as conn:
            conn.execute(sa.text(f"CREATE DATABASE {self._quote(name)}{copy} ENCODING 'UTF8'"))
        return make_url(self.base_url).set(database=name).render_as_string(hide_password=False)

    def drop_database(self, name: str) -> None:
        """Drop database ``name``, terminating any connections still open to it."""
        with self._admin.connect() as conn:
            conn.execute(sa.text(f"DROP DATABASE IF EXISTS {self._quote(name)} WITH (FORCE)"))

    def dispose(self) -> None:
        """Release the administrative engine."""
        self._admin.dispose()

    @contextlib.contextmanager
    def stopped(self) -> Iterator[None]:
        """The server down for the block (fast shutdown), then started again on the same port.

        Fast, never immediate: this cluster runs with ``synchronous_commit=off``, so a crash
        stop could lose commits it had already acknowledged, a loss no client could prevent.
        Only a private cluster can be stopped: with an external server the test is skipped
        locally and fails in CI, like any PostgreSQL test that cannot run.
        """
        if self.cluster is None:
            unavailable(f"{ENV_URL} names a server the tests may not stop")
        self.cluster.pause()
        try:
            yield
        finally:
            self.cluster.resume()


def find_bindir() -> Path:
    """The directory holding ``initdb`` and ``pg_ctl``, newest version first."""

    def version_key(path: str) -> tuple[int, ...]:
        version = Path(path).parent.parent.name
        return tuple(int(part) for part in re.findall(r"\d+", version))

    debian = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=version_key, reverse=True)
    candidates = [Path(initdb).parent for initdb in debian]
    if pg_config := shutil.which("pg_config"):
        with contextlib.suppress(OSError, subprocess.SubprocessError):
            out = subprocess.run(
                [pg_config, "--bindir"], capture_output=True, text=True, timeout=10, check=True
            )
            candidates.append(Path(out.stdout.strip()))
    if initdb := shutil.which("initdb"):
        candidates.append(Path(initdb).resolve().parent)
    for bindir in candidates:
        if all(os.access(bindir / tool, os.X_OK) for tool in ("initdb", "pg_ctl")):
            return bindir
    raise PostgresUnavailable(
        "no initdb/pg_ctl found (looked in /usr/lib/postgresql/*/bin, pg_config --bindir, PATH); "
        "install Debian's 'postgresql' package"
    )


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _traversable_by_others(directory: Path) -> bool:
    return all(os.stat(part).st_mode & stat.S_IXOTH for part in (directory, *directory.parents))


class _Cluster:
    """One initdb'ed data directory under ``root`` and the postmaster running on it."""

    def __init__(self, bindir: Path, root: Path) -> None:
        self.bindir = bindir
        self.root = root
        self.datadir = root / "data"
        self.logfile = root / "server.log"
        self.as_postgres = os.geteuid() == 0
        self.port = 0

    @classmethod
    def in_new_directory(cls, bindir: Path) -> _Cluster:
        """A cluster (not yet initialised) in a fresh temporary directory."""
        as_postgres = os.geteuid() == 0
        owner = None
        if as_postgres:
            try:
                owner = pwd.getpwnam("postgres")
            except KeyError:
                raise PostgresUnavailable(
                    "running as root but there is no 'postgres' system user to run initdb as"
                ) from None
        parent = Path(tempfile.gettempdir())
        if as_postgres and not _traversable_by_others(parent):
            parent = Path("/tmp")  # TMPDIR may sit under root's 0700 home
        root = Path(tempfile.mkdtemp(prefix="commandcenter-pg-", dir=parent))
        if owner is not None:
            os.chown(root, owner.pw_uid, owner.pw_gid)
        return cls(bindir, root)

    def command(self, tool: str, *args: str) -> list[str]:
        """The argv running ``tool`` from the bindir, as ``postgres`` when we are root."""
        argv = [str(self.bindir / tool), *args]
        if not self.as_postgres:
            return argv
        if runuser := shutil.which("runuser"):
            return [runuser, "-u", "postgres", "--", *argv]
        return ["su", "postgres", "-s", "/bin/sh", "-c", shlex.join(argv)]

    def run(self, tool: str, *args: str) -> None:
        # cwd inside our directory: initdb fails when it cannot read the cwd
        # (root's home, as seen by the postgres user).
        result = subprocess.run(
            self.command(tool, *args),
            cwd=self.root,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=_COMMAND_TIMEOUT_S,
        )
        if result.returncode != 0:
            output = result.stderr.strip() or result.stdout.strip()
            raise PostgresUnavailable(
                f"{tool} exited {result.returncode}: {output}{self.log_tail()}"
            )

    def log_tail(self) -> str:
        try:
            lines = self.logfile.read_text(errors="replace").splitlines()[-15:]
        except OSError:
            return ""
        return "\n--- server log ---\n" + "\n".join(lines) if lines else ""

    def start(self) -> None:
        self.run("initdb", "-D", str(self.datadir), *_INITDB_OPTIONS)
        # The port is free when we look but may be taken before postgres binds it.
        for attempt in range(1, _START_ATTEMPTS + 1):
            self.port = _free_port()
            try:
                self.resume()
                return
            except PostgresUnavailable:
                if attempt == _START_ATTEMPTS:
                    raise

    def resume(self) -> None:
        """Start the postmaster on the initialised data directory and ``self.port``."""
        options = [f"-p {self.port}", f"-k {shlex.quote(str(self.root))}"]
        options += [f"-c {setting}" for setting in _SERVER_SETTINGS]
        self.run(
            "pg_ctl", "-w", "-t", "30", "-D", str(self.datadir), "-l", str(self.logfile),
            "-o", " ".join(options), "start",
        )

    def pause(self) -> None:
        """Stop the postmaster (fast: open sessions are terminated), keeping the data directory."""
        self.run("pg_ctl", "-D", str(self.datadir), "-m", "fast", "-w", "stop")

    def stop(self, mode: str = "fast") -> None:
        """Stop the server if it runs, then delete the cluster's directory.

        Raises PostgresUnavailable, keeping the directory, when pg_ctl cannot stop it.
        """
        if (self.datadir / "postmaster.pid").exists():
            self.run("pg_ctl", "-D", str(self.datadir), "-m", mode, "-w", "stop")
        shutil.rmtree(self.root, ignore_errors=True)

    @property
    def url(self) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"


def _watchdog_main(bindir: str, root: str) -> None:
    """Stop the cluster in ``root`` when stdin reaches EOF without "stopped" first.

    stdin is a pipe whose only writer is the pytest process; it closes when that
    process exits, however it exits.
    """
    if sys.stdin.buffer.read() != b"stopped":
        _Cluster(Path(bindir), Path(root)).stop(mode="immediate")


@contextlib.contextmanager
def _watchdog(cluster: _Cluster) -> Iterator[None]:
    read_end, write_end = os.pipe()
    try:
        proc = subprocess.Popen(
            [sys.executable, __file__, "--watchdog", str(cluster.bindir), str(cluster.root)],
            stdin=read_end,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # a Ctrl-C to pytest must not kill it first
        )
    finally:
        os.close(read_end)
    try:
        yield
    finally:
        with os.fdopen(write_end, "wb") as pipe:
            pipe.write(b"stopped")
        proc.wait(timeout=_COMMAND_TIMEOUT_S)


def _start_private_server(request: pytest.FixtureRequest) -> PostgresServer:
    cluster = _Cluster.in_new_directory(find_bindir())
    stack = contextlib.ExitStack()
    # Registered before starting, so a half-started cluster is cleaned up too.
    # Closing runs in reverse: dispose the engine, stop the cluster, then
    # release the watchdog.
    request.addfinalizer(stack.close)
    stack.enter_context(_watchdog(cluster))
    stack.callback(cluster.stop)
    cluster.start()
    server = PostgresServer(cluster.url, cluster=cluster)
    stack.callback(server.dispose)
    return server


@pytest.fixture(scope="session")
def pg_server(request: pytest.FixtureRequest) -> PostgresServer:
    """A PostgreSQL server for the whole session: external or a private cluster."""
    try:
        if external := os.environ.get(ENV_URL):
            server = PostgresServer(external)
            request.addfinalizer(server.dispose)
        else:
            server = _start_private_server(request)
        server.check()
    except PostgresUnavailable as exc:
        reason = str(exc)
    except (sa.exc.SQLAlchemyError, OSError, subprocess.SubprocessError) as exc:
        reason = f"{type(exc).__name__}: {exc}"
    else:
        return server
    unavailable(reason)  # outside the except blocks: no chained traceback


@pytest.fixture
def pg_url(pg_server: PostgresServer, request: pytest.FixtureRequest) -> Iterator[str]:
    """The URL of a fresh database named after the test; dropped afterwards."""
    name = database_name_for(request.node.name)
    url = pg_server.create_database(name)
    try:
        yield url
    finally:
        pg_server.drop_database(name)


if __name__ == "__main__" and sys.argv[1:2] == ["--watchdog"]:
    _watchdog_main(*sys.argv[2:4])
