"""The GeoReport v2 shapes (https://wiki.open311.org/GeoReport_v2): services, service
definitions, service requests and errors, as the plain dicts the JSON format serialises.

No database here: times, statuses and the error list, so the endpoint, the files and the tests
share one reading of the spec.
"""

from __future__ import annotations

import math
from datetime import UTC, datetime, tzinfo
from typing import Any

from ..domain.enums import OPEN_STATUSES, CaseStatus

OPEN, CLOSED = "open", "closed"
STATUSES = (OPEN, CLOSED)


def request_status(case_status: str) -> str:
    """A case's status as the spec's two: open until closed, rejected or merged."""
    return OPEN if CaseStatus(case_status) in OPEN_STATUSES else CLOSED


def timestamp(at: datetime | None, tz: tzinfo) -> str | None:
    """W3C / ISO 8601 with the offset, as the spec writes times: 2026-11-25T10:00:00+08:00."""
    return None if at is None else at.astimezone(tz).isoformat(timespec="seconds")


def parse_timestamp(value: Any) -> datetime:
    """An ISO 8601 time with its offset (or Z), as UTC. A time without an offset names no
    instant and is refused (ValueError), as is anything that is not a string."""
    if not isinstance(value, str):
        raise ValueError(value)
    text = value.strip()
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    instant = datetime.fromisoformat(text)
    if instant.tzinfo is None:
        raise ValueError(value)
    return instant.astimezone(UTC)


def coordinate(value: Any, low: float, high: float) -> float:
    """A WGS84 coordinate given as a number or a decimal string; ValueError otherwise."""
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise ValueError(value)
    number = float(value)
    if not (math.isfinite(number) and low <= number <= high):
        raise ValueError(value)
    return number


def errors(code: int, description: str) -> list[dict[str, Any]]:
    """The spec's error body: a list of {code, description}."""
    return [{"code": code, "description": description}]


def service(code: str, name: str, description: str, group: str, category_code: str) -> dict[str, Any]:
    """One entry of services.json. `category_code` is ours (ignored by other clients): it lets
    `import open311-services` rebuild the mapping from this very list."""
    return {"service_code": code, "service_name": name, "description": description, "metadata": False,
            "type": "realtime", "keywords": "", "group": group, "category_code": category_code}


def service_definition(code: str) -> dict[str, Any]:
    """services/{code}.json: no extra attributes are asked for beyond the standard fields."""
    return {"service_code": code, "attributes": []}


def discovery(endpoint: str, changed: datetime) -> dict[str, Any]:
    """discovery.json: one production endpoint speaking GeoReport v2 in JSON."""
    return {"changeset": changed.isoformat(timespec="seconds"), "contact": "", "key_service": "",
            "endpoints": [{"specification": "http://wiki.open311.org/GeoReport_v2", "url": endpoint,
                           "changeset": changed.isoformat(timespec="seconds"), "type": "production",
                           "formats": ["application/json"]}]}
