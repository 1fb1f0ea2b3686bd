"""A private PostgreSQL server for the benchmarks, started with the settings a benchmark needs.

The test suite's throw-away cluster (tests/pg_cluster.py) comes up with fixed settings; the sync
benchmark needs more (700 listening seats: `max_connections` well above 700). This starts the
same kind of cluster (initdb in a temporary folder, a free loopback port, run as the `postgres`
user when we are root) with the settings given, and removes it at the end.
"""

from __future__ import annotations

import contextlib
import shlex
from collections.abc import Iterator, Sequence

from tests.pg_cluster import _Cluster, find_bindir


class _TunedCluster(_Cluster):
    """The tests' cluster with extra `-c name=value` settings on its command line."""

    def __init__(self, base: _Cluster, settings: Sequence[str]) -> None:
        super().__init__(base.bindir, base.root)
        self.settings = tuple(settings)

    def resume(self) -> None:
        options = [f"-p {self.port}", f"-k {shlex.quote(str(self.root))}", "-c listen_addresses=127.0.0.1"]
        options += [f"-c {setting}" for setting in self.settings]
        self.run("pg_ctl", "-w", "-t", "60", "-D", str(self.datadir), "-l", str(self.logfile),
                 "-o", " ".join(options), "start")


@contextlib.contextmanager
def private_server(settings: Sequence[str]) -> Iterator[str]:
    """The SQLAlchemy URL of the `postgres` database on a new private server, for the block."""
    cluster = _TunedCluster(_Cluster.in_new_directory(find_bindir()), settings)
    try:
        cluster.start()
        yield cluster.url
    finally:
        cluster.stop()
