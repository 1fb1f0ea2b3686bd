"""`commandcenter serve`: the Open311 GeoReport v2 endpoint over one database, until Ctrl+C.

Loopback by default: another host reaches it only when `--host` says so. POST needs the API key
(`--api-key` or COMMANDCENTER_API_KEY); without one the endpoint only answers reads. Each request
is one line on stderr and in the log: method, path, status and time, never a query or a body.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys

from ..db import open_database
from ..i18n import translate

KEY_VARIABLE = "COMMANDCENTER_API_KEY"


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("serve", help=translate("cli", "answer Open311 GeoReport v2 requests over HTTP"))
    p.add_argument("--db", required=True, help=translate("cli", "database file path or SQLAlchemy URL"))
    p.add_argument("--port", type=int, required=True, help=translate("cli", "TCP port to listen on"))
    p.add_argument("--host", default="127.0.0.1",
                   help=translate("cli", "address to listen on (default: loopback only)"))
    p.add_argument("--api-key", help=translate("cli", "the key POST requests must carry (default: "
                                                      "$COMMANDCENTER_API_KEY; without one, reads only)"))
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from ..interchange.server import log as request_log
    from ..interchange.server import open_server

    key = args.api_key or os.environ.get(KEY_VARIABLE) or None
    console = logging.StreamHandler(sys.stderr)
    console.setFormatter(logging.Formatter("%(asctime)s %(message)s"))
    request_log.addHandler(console)
    db = open_database(args.db)
    try:
        server = open_server(db, host=args.host, port=args.port, api_key=key)
        print(translate("cli", "Open311 endpoint at http://{host}:{port}/ (Ctrl+C to stop)").format(
            host=args.host, port=server.server_port), file=sys.stderr)
        if key is None:
            print(translate("cli", "no API key given: POST requests are refused"), file=sys.stderr)
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
        finally:
            server.server_close()
    finally:
        request_log.removeHandler(console)
        db.dispose()
    return 0
