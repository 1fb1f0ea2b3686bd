"""Hearing PostgreSQL's change notifications: one connection per seat, on a thread of its own.

Migration 0025 makes every insert into `change_log` send `pg_notify(CHANNEL, newest id)`, and
PostgreSQL delivers it only when the writing transaction commits. A seat therefore needs no
10-a-second poll: it sleeps on its listening socket and, when woken, reads the change log after
the last id it saw on that same connection (`Subscription`): one connection per seat for the live
feed, and one round trip per wake-up. Notifications are not replayed to a connection that was
away, so every (re)connection first catches up from the change log.

Nothing here imports Qt: the listener calls back on its own thread, and the GUI relays the calls
to its thread (gui/feed). `Subscription` is also what the sync benchmark multiplexes 700 seats with.
"""

from __future__ import annotations

import logging
import os
import random
import selectors
import threading
from collections.abc import Callable
from dataclasses import dataclass

import psycopg
from psycopg import pq
from sqlalchemy.engine import URL

from .changefeed import FETCH_LIMIT, Change, read_changes

log = logging.getLogger(__name__)

CHANNEL = "commandcenter_changes"
_CHANNEL_BYTES = CHANNEL.encode()
CONNECT_TIMEOUT_S = 3
# a listening socket that only waits never learns of a cut cable by itself: TCP keepalives make
# the kernel probe it, so a dead link is noticed in about idle + interval × count = 11 s
_KEEPALIVES = {"keepalives": 1, "keepalives_idle": 5, "keepalives_interval": 2, "keepalives_count": 3}


def conninfo(url: URL) -> str:
    """The libpq connection string of a SQLAlchemy PostgreSQL URL (password kept: it connects)."""
    return url.set(drivername="postgresql").render_as_string(hide_password=False)


def listen_connection(url: URL) -> psycopg.Connection:
    """A new autocommit connection that listens on CHANNEL (raises psycopg.Error when unreachable)."""
    conn = psycopg.connect(conninfo(url), autocommit=True, connect_timeout=CONNECT_TIMEOUT_S, **_KEEPALIVES)
    try:
        conn.execute(f"LISTEN {CHANNEL}")
    except BaseException:
        conn.close()
        raise
    return conn


def drain(conn: psycopg.Connection) -> int | None:
    """Read what arrived on a listening connection: the newest change id announced, or None.

    Call it when the socket is readable. Raises psycopg.OperationalError when the server closed
    the connection (a shutdown or a terminated backend) or the link broke.
    """
    pgconn = conn.pgconn
    pgconn.consume_input()
    newest: int | None = None
    while (note := pgconn.notifies()) is not None:
        if note.relname == _CHANNEL_BYTES and note.extra.isdigit():
            newest = max(newest or 0, int(note.extra))
    if pgconn.status != pq.ConnStatus.OK:
        raise psycopg.OperationalError("the connection to the server was lost")
    return newest


def first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


class Subscription:
    """A listening connection that reads, on itself, the changes it is told of.

    `read()` returns everything after the last change read (the catch-up at connection);
    `readable()`, called when the socket is readable, what the notifications announce. A
    notification that arrives while a read runs is taken by the driver and noted here too, so
    it is never dropped: the read is repeated until the newest announced id has been read.
    """

    def __init__(self, url: URL, after_id: int) -> None:
        self.conn = listen_connection(url)
        try:
            self.socket = self.conn.pgconn.socket  # kept: a broken connection no longer tells its socket
            self.conn.add_notify_handler(self._noted)
        except BaseException:  # broken already: closed here, not left to the garbage collector
            self.conn.close()
            raise
        self.last = after_id
        self._announced = 0

    def _noted(self, note: psycopg.Notify) -> None:
        if note.channel == CHANNEL and note.payload.isdigit():
            self._announced = max(self._announced, int(note.payload))

    def read(self) -> list[Change]:
        changes: list[Change] = []
        while True:
            page = read_changes(self.conn, self.last, FETCH_LIMIT)
            changes += page
            if page:
                self.last = page[-1].id
            if not page or (len(page) < FETCH_LIMIT and self._announced <= self.last):
                return changes

    def readable(self) -> list[Change]:
        newest = drain(self.conn)
        if newest is not None:
            self._announced = max(self._announced, newest)
        return self.read() if self._announced > self.last else []

    def close(self) -> None:
        self.conn.close()


@dataclass
class Backoff:
    """Reconnection delays: doubling from `first_s` up to `max_s`, each with ±20 % jitter.

    The jitter keeps hundreds of seats from reconnecting in the same instant after a server
    restart.
    """

    first_s: float = 0.25
    max_s: float = 5.0
    _next: float = 0.0

    def reset(self) -> None:
        self._next = 0.0

    def delay(self) -> float:
        self._next = self.first_s if self._next == 0.0 else min(self.max_s, self._next * 2)
        return self._next * random.uniform(0.8, 1.2)


class ChangeListener:
    """A thread holding one seat's `Subscription`, reconnecting with backoff when it breaks.

    Calls back on its own thread: `on_listening()` after every (re)connection, then
    `on_changes(changes, False)` with the catch-up (possibly empty: the server answers again),
    then `on_changes(changes, True)` for what each notification announced; `on_lost(reason)`
    when the connection breaks or cannot be made.
    """

    def __init__(self, url: URL, after_id: int, on_changes: Callable[[list[Change], bool], None],
                 on_listening: Callable[[], None], on_lost: Callable[[str], None],
                 backoff: Backoff | None = None) -> None:
        self._url, self._last = url, after_id
        self._on_changes, self._on_listening, self._on_lost = on_changes, on_listening, on_lost
        self._backoff = backoff or Backoff()
        self._stopping = threading.Event()
        self._wake_r, self._wake_w = os.pipe()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="change-listener")
            self._thread.start()

    def stop(self, timeout_s: float = 5.0) -> None:
        """End the thread (it wakes at once) and close its connection; safe to call twice."""
        self._stopping.set()
        if self._wake_w >= 0:
            os.write(self._wake_w, b"x")
        if self._thread is not None:
            self._thread.join(timeout_s)
            self._thread = None
        for fd in (self._wake_r, self._wake_w):
            if fd >= 0:
                os.close(fd)
        self._wake_r = self._wake_w = -1

    def _run(self) -> None:
        with selectors.DefaultSelector() as selector:
            selector.register(self._wake_r, selectors.EVENT_READ)
            while not self._stopping.is_set():
                try:
                    subscription = Subscription(self._url, self._last)
                except psycopg.Error as exc:
                    self._lost(exc)
                    selector.select(self._backoff.delay())  # woken early only by stop()
                    continue
                self._backoff.reset()
                try:
                    self._follow(subscription, selector)
                finally:
                    self._last = subscription.last
                    subscription.close()

    def _follow(self, subscription: Subscription, selector: selectors.BaseSelector) -> None:
        selector.register(subscription.socket, selectors.EVENT_READ)
        try:
            self._on_listening()
            self._on_changes(subscription.read(), False)
            while not self._stopping.is_set():
                for key, _events in selector.select():
                    if key.fd == self._wake_r:
                        return
                    changes = subscription.readable()
                    if changes:
                        self._on_changes(changes, True)
        except psycopg.Error as exc:
            self._lost(exc)
        finally:
            selector.unregister(subscription.socket)

    def _lost(self, exc: BaseException) -> None:
        if not self._stopping.is_set():
            log.info("change listener lost the server: %s", first_line(exc))
            self._on_lost(first_line(exc))
