"""The Open311 endpoint driven by a real HTTP client on loopback: the spec's answers and error
format, the API key, refusals that leave the database as it was, and a posted request on an
open wall within a second."""

from __future__ import annotations

import json
import logging
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from sqlalchemy import select

from commandcenter.app import build_window
from commandcenter.db import Database
from commandcenter.gui.tasks import TaskRunner
from commandcenter.interchange.server import open_server
from commandcenter.itemmodels.roles import ROW_ROLE
from commandcenter.models import AuditEntry, Case, User

from .factories import db_argument, grid_centre
from .open311_support import offer_every_category, snapshot

KEY = "k-3f9a"


@contextmanager
def serving(db: Database, api_key: str | None = KEY) -> Iterator[str]:
    """The endpoint on a free loopback port in a thread; its base URL. Shut down on exit."""
    server = open_server(db, api_key=api_key)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                              name="open311-test-server")
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join()
        server.server_close()


def call(url: str, form: dict[str, Any] | None = None, *, body: bytes | None = None,
         content_type: str = "application/x-www-form-urlencoded") -> tuple[int, Any]:
    """(status, parsed JSON) of a GET, or of a POST of `form` (or raw `body`)."""
    data = urllib.parse.urlencode(form).encode() if form is not None else body
    request = urllib.request.Request(url, data=data)
    if data is not None:
        request.add_header("Content-Type", content_type)
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            return answer.status, json.loads(answer.read())
    except urllib.error.HTTPError as refused:
        with refused:
            assert refused.headers.get_content_type() == "application/json"
            return refused.code, json.loads(refused.read())


def valid_form(**changes: Any) -> dict[str, Any]:
    lon, lat = grid_centre(2)
    form = {"api_key": KEY, "service_code": "0101", "lat": f"{lat:.6f}", "long": f"{lon:.6f}",
            "address_string": "荔城中大道1234号", "description": "垃圾堆在路口，请处理",
            "first_name": "德华", "last_name": "刘", "phone": "13812345678", "email": "liu@example.com"}
    form.update(changes)
    return {k: v for k, v in form.items() if v is not None}


@pytest.fixture
def offered(db, city, tmp_path) -> Database:  # type: ignore[no-untyped-def]
    offer_every_category(db, tmp_path)
    return db


def test_services_discovery_and_service_definitions(offered) -> None:  # type: ignore[no-untyped-def]
    with serving(offered) as base:
        status, services = call(f"{base}/services.json")
        assert status == 200
        assert [(s["service_code"], s["service_name"], s["group"]) for s in services] == [
            ("0101", "Fly-tipping", "City appearance"), ("0102", "Broken streetlight", "City appearance")]
        assert call(f"{base}/services/0101.json") == (200, {"service_code": "0101", "attributes": []})
        assert call(f"{base}/services/0199.json") == (404, [{"code": 404,
                                                             "description": "no service with service_code 0199"}])
        status, discovery = call(f"{base}/discovery.json")
        assert status == 200 and discovery["endpoints"][0]["url"] == base
        status, errors = call(f"{base}/nothing-here.json")
        assert status == 404 and errors[0]["code"] == 404


@pytest.mark.parametrize("key", [None, "", "wrong", KEY + "x"])
def test_a_wrong_or_missing_key_is_refused_with_403(offered, key) -> None:  # type: ignore[no-untyped-def]
    before = snapshot(offered)
    with serving(offered) as base:
        status, errors = call(f"{base}/requests.json", valid_form(api_key=key))
    assert (status, errors) == (403, [{"code": 403, "description": "api_key is missing or not valid"}])
    assert snapshot(offered) == before


def test_an_endpoint_without_a_key_refuses_every_post(offered) -> None:  # type: ignore[no-untyped-def]
    with serving(offered, api_key=None) as base:
        assert call(f"{base}/requests.json", valid_form())[0] == 403


@pytest.mark.parametrize(("changes", "says"), [
    ({"service_code": None}, "service_code is required"),
    ({"service_code": "0199"}, "service_code 0199 is not a service of this centre"),
    ({"lat": None}, "the location is required as lat and long"),
    ({"long": "east"}, "lat and long must be WGS84 decimal degrees"),
    ({"lat": "91"}, "lat and long must be WGS84 decimal degrees"),
    ({"lat": "30.0", "long": "120.0"}, "is outside every unit grid"),
    ({"description": " "}, "description is required"),
])
def test_missing_or_malformed_fields_are_refused_with_400(offered, changes, says) -> None:  # type: ignore[no-untyped-def]
    before = snapshot(offered)
    with serving(offered) as base:
        status, errors = call(f"{base}/requests.json", valid_form(**changes))
    assert status == 400
    assert len(errors) == 1 and errors[0]["code"] == 400 and says in errors[0]["description"]
    assert snapshot(offered) == before


def test_a_json_body_and_bad_filters_are_refused_with_400(offered) -> None:  # type: ignore[no-untyped-def]
    with serving(offered) as base:
        status, errors = call(f"{base}/requests.json", body=json.dumps(valid_form()).encode(),
                              content_type="application/json")
        assert status == 400 and "form-encoded" in errors[0]["description"]
        assert call(f"{base}/requests.json?status=pending")[0] == 400
        assert call(f"{base}/requests.json?start_date=yesterday")[0] == 400


def test_a_posted_request_is_a_case_entered_and_audited_as_the_open311_account(offered, caplog) -> None:  # type: ignore[no-untyped-def]
    caplog.set_level(logging.INFO, logger="commandcenter.interchange.server")
    with serving(offered) as base:
        status, answer = call(f"{base}/requests.json", valid_form())
        assert status == 201
        (created,) = answer
        number = created["service_request_id"]
        status, found = call(f"{base}/requests/{number}.json")
        assert status == 200
        assert call(f"{base}/requests/20991231-00001.json")[0] == 404
        listed = call(f"{base}/requests.json?status=open&service_code=0101")[1]
        assert call(f"{base}/requests.json?status=closed")[1] == []
    (request,) = found
    assert listed == found
    assert (request["status"], request["service_code"], request["description"]) == ("open", "0101",
                                                                                    "垃圾堆在路口，请处理")
    assert request["address"] == "荔城中大道*号"  # the public endpoint shows no door numbers
    with offered.read() as s:
        case = s.scalar(select(Case).where(Case.case_number == number))
        account = s.scalar(select(User.username).where(User.id == case.created_by))
        audited = s.scalars(select(AuditEntry.action).where(AuditEntry.entity_id == case.id)).all()
        assert (case.reporter_name, case.reporter_phone, case.source) == ("德华 刘", "13812345678", "citizen_app")
    assert account == "open311" and "report" in audited
    lines = [r.getMessage() for r in caplog.records]
    assert "POST /requests.json 201" in " ".join(lines)
    assert not [line for line in lines if "1381234" in line or "刘" in line or KEY in line]


def test_a_posted_request_reaches_an_open_wall_within_a_second(qtbot, offered) -> None:  # type: ignore[no-untyped-def]
    window = build_window(offered, "operator", runner=TaskRunner())
    try:
        window.show()
        wall = window.screen("wall")
        # a seat at rest: every screen built and its first loads done, the change feed polling
        qtbot.waitUntil(lambda: not wall._loading and not window._unbuilt
                        and window.ctx.runner.pool.activeThreadCount() == 0, timeout=10000)
        assert wall.model.rowCount() == 0
        with serving(offered) as base:
            status, ((created,)) = call(f"{base}/requests.json", valid_form())
            assert status == 201
            qtbot.waitUntil(lambda: wall.model.rowCount() == 1, timeout=1000)
        assert wall.model.index(0, 0).data(ROW_ROLE).case_number == created["service_request_id"]
        window.ctx.runner.wait()
    finally:
        window.close()
        window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _ctrl_c_interrupts() -> None:
    """Ctrl+C as at a terminal: a pytest-xdist worker ignores SIGINT, and exec keeps an ignored signal."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_the_serve_command_answers_until_interrupted_and_logs_no_query(offered) -> None:  # type: ignore[no-untyped-def]
    with socket.socket() as probe:  # a free port for the child to take
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "COMMANDCENTER_API_KEY": KEY, "COMMANDCENTER_LANG": "en"}
    child = subprocess.Popen([sys.executable, "-m", "commandcenter", "serve", "--db", db_argument(offered),
                              "--port", str(port)], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             preexec_fn=_ctrl_c_interrupts)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                status, answer = call(f"http://127.0.0.1:{port}/requests.json?phone=13812345678")
                break
            except urllib.error.URLError:  # not listening yet
                assert child.poll() is None and time.monotonic() < deadline, child.stderr.read()
                time.sleep(0.1)
        assert (status, answer) == (200, [])
    finally:
        child.send_signal(signal.SIGINT)
        try:
            _out, err = child.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            child.kill()
            child.communicate()
            raise
    assert child.returncode == 0
    assert f"Open311 endpoint at http://127.0.0.1:{port}/" in err
    assert "GET /requests.json 200" in err and "13812345678" not in err
