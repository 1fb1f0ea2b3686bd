"""The GeoReport v2 endpoint: a WSGI application on werkzeug, and the server that runs it.

GET discovery.json, services.json, services/{code}.json, requests.json (the spec's filters)
and requests/{id}.json answer as the "open311" system account, which sees every centre but
no personal data in clear; POST requests.json takes the spec's form fields and enters the case
by the same intake as a seat, after checking the API key (403 when wrong or missing). Every
error is the spec's list of {code, description}: 400 for a missing or malformed field or a
location outside every grid, 403 for the key, 404 for an unknown service or request.

One log line per request: method, path (never the query string nor the body, which carry
names and phone numbers), status and milliseconds.
"""

from __future__ import annotations

import hmac
import json
import logging
import time
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any

from werkzeug.exceptions import HTTPException
from werkzeug.routing import Map, Rule
from werkzeug.serving import BaseWSGIServer, WSGIRequestHandler, make_server
from werkzeug.wrappers import Request, Response

from ..db import Database
from ..errors import CommandCentreError, OutsideCity, PermissionDenied, ValidationError
from ..services.auth import Principal, system_principal
from . import georeport, mapping
from .requests import RequestQuery, default_window, find_requests, submit

log = logging.getLogger(__name__)

LOOPBACK = "127.0.0.1"
MAX_BODY = 64 * 1024  # a form of a few fields; anything larger is not a service request
_RULES = Map([
    Rule("/discovery.json", endpoint="discovery", methods=["GET"]),
    Rule("/services.json", endpoint="services", methods=["GET"]),
    Rule("/services/<code>.json", endpoint="service", methods=["GET"]),
    Rule("/requests.json", endpoint="requests", methods=["GET"]),
    Rule("/requests.json", endpoint="post_request", methods=["POST"]),
    Rule("/requests/<request_id>.json", endpoint="request", methods=["GET"]),
])


class Refused(Exception):
    """An answer in the spec's error format."""

    def __init__(self, status: int, description: str) -> None:
        super().__init__(description)
        self.status, self.description = status, description


def _json(body: Any, status: int = 200) -> Response:
    return Response(json.dumps(body, ensure_ascii=False), status=status, mimetype="application/json")


def _split(value: str | None) -> tuple[str, ...]:
    return tuple(p.strip() for p in (value or "").split(",") if p.strip())


def _time(args: Any, key: str) -> datetime | None:
    value = args.get(key)
    if value is None:
        return None
    try:
        return georeport.parse_timestamp(value)
    except ValueError as exc:
        raise Refused(400, f"{key} must be an ISO 8601 time with its offset") from exc


class Open311App:
    """The WSGI application over one opened database, acting as the "open311" account."""

    def __init__(self, db: Database, api_key: str | None, base_url: str = "") -> None:
        self.db = db
        self.api_key = api_key or ""
        self.base_url = base_url
        self.principal: Principal = system_principal(db, "open311")
        self.started = db.clock.now()

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        request = Request(environ)
        request.max_content_length = MAX_BODY
        began = time.perf_counter()
        response = self.respond(request)
        log.info("%s %s %d %.0f ms", request.method, request.path, response.status_code,
                 (time.perf_counter() - began) * 1000)
        return response(environ, start_response)

    def respond(self, request: Request) -> Response:
        try:
            endpoint, values = _RULES.bind_to_environ(request.environ).match()
            return getattr(self, f"on_{endpoint}")(request, **values)
        except Refused as exc:
            return _json(georeport.errors(exc.status, exc.description), exc.status)
        except HTTPException as exc:  # unknown path, wrong method, body too large
            status = exc.code or 400
            return _json(georeport.errors(status, exc.description or exc.name), status)
        except (ValidationError, OutsideCity) as exc:
            return _json(georeport.errors(400, exc.message), 400)
        except PermissionDenied as exc:
            return _json(georeport.errors(403, exc.message), 403)
        except CommandCentreError as exc:
            log.warning("refused: %s", exc.message)
            return _json(georeport.errors(500, "the request could not be served"), 500)
        except Exception:  # a fault of ours: logged in full, answered in the spec's format
            log.exception("%s %s failed", request.method, request.path)
            return _json(georeport.errors(500, "the request could not be served"), 500)

    # ---- endpoints ---------------------------------------------------------------------
    def on_discovery(self, request: Request) -> Response:
        return _json(georeport.discovery(self.base_url or request.host_url.rstrip("/"), self.started))

    def on_services(self, request: Request) -> Response:
        return _json([e.as_json() for e in mapping.service_list(self.db, self.principal)])

    def on_service(self, request: Request, code: str) -> Response:
        if code not in {e.code for e in mapping.service_list(self.db, self.principal)}:
            raise Refused(404, f"no service with service_code {code}")
        return _json(georeport.service_definition(code))

    def on_requests(self, request: Request) -> Response:
        status = request.args.get("status")
        if status is not None and status not in georeport.STATUSES:
            raise Refused(400, "status must be open or closed")
        query = RequestQuery(_split(request.args.get("service_request_id")),
                             _split(request.args.get("service_code")),
                             _time(request.args, "start_date"), _time(request.args, "end_date"), status)
        return _json(find_requests(self.db, self.principal, default_window(self.db, query)))

    def on_request(self, request: Request, request_id: str) -> Response:
        found = find_requests(self.db, self.principal, RequestQuery(ids=(request_id,), limit=1))
        if not found:
            raise Refused(404, f"no service request {request_id}")
        return _json(found)

    def on_post_request(self, request: Request) -> Response:
        if request.mimetype != "application/x-www-form-urlencoded":
            raise Refused(400, "the request must be form-encoded (application/x-www-form-urlencoded)")
        form = request.form
        given = form.get("api_key", "")
        if not self.api_key or not given or not hmac.compare_digest(given.encode(), self.api_key.encode()):
            raise Refused(403, "api_key is missing or not valid")
        return _json([submit(self.db, self.principal, form)], 201)


class _QuietHandler(WSGIRequestHandler):
    """werkzeug's handler without its access log, which prints query strings; the application
    logs each request itself."""

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        return None


def open_server(db: Database, *, host: str = LOOPBACK, port: int = 0, api_key: str | None = None
                ) -> BaseWSGIServer:
    """A threaded server for the endpoint (port 0: any free port, read it from `server_port`);
    the caller runs `serve_forever()` and ends it with `shutdown()`."""
    app = Open311App(db, api_key)
    server = make_server(host, port, app, threaded=True, request_handler=_QuietHandler)
    app.base_url = f"http://{host}:{server.server_port}"
    return server
