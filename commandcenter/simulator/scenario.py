"""Drill scenario files: what a trainer writes, read and checked line by line (format: docs/scenarios.md).

A scenario is a YAML (or JSON, which is YAML) file: metadata, a timeline of cases and field
events at offsets from the start, and optional windows of random background load. Loading
checks the structure without a database and refuses the file whole, naming the line and the
reason of every problem (`ScenarioInvalid`); what needs the city (categories, places, grids,
officers) is checked by `scenario_city.resolve_scenario` against the database a drill plays on.

Offsets are a number of seconds or a text "+H:MM:SS" / "+M:SS" (YAML 1.1 reads an unquoted
1:30 as the number 90, minutes and seconds, so both spellings agree).
"""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..domain.enums import Priority, SourceChannel
from ..errors import ScenarioInvalid
from ..i18n import QT_TRANSLATE_NOOP as N
from ..i18n import translate

SCENARIO_DIR = Path(__file__).resolve().parent.parent.parent / "resources" / "scenarios"
MAX_OFFSET_S = 7 * 24 * 3600.0  # a week: longer is a typo, not a drill
MAX_RATE_PER_MINUTE = 600.0
MAX_TEXT = 500
MAX_KEY = 40
_OFFSET = re.compile(r"^\+?(\d+):([0-5]?\d)(?::([0-5]?\d))?$")


class EventKind:
    """The field events a timeline may hold (the `type:` of an event)."""

    OFF_DUTY = "off_duty"  # an officer goes off duty
    ON_DUTY = "on_duty"  # an officer comes back on duty
    SEND_BACK = "send_back"  # the handler of a scenario case returns it as not theirs
    ROAD_CLOSED = "road_closed"  # a road is closed: raises a case there
    CALL_AGAIN = "call_again"  # the reporter of a scenario case calls again (a duplicate to merge)

    ALL = (OFF_DUTY, ON_DUTY, SEND_BACK, ROAD_CLOSED, CALL_AGAIN)


@dataclass(frozen=True)
class Where:
    """Where a case happens: gazetteer names tried in order, a point, or a grid code.

    A name found in none of the database's places falls back to a grid drawn from the seed (the
    scenario stays playable on every demo scale); `fallback: error` refuses the scenario instead.
    """

    places: tuple[str, ...] = ()
    lonlat: tuple[float, float] | None = None
    grid_code: str = ""
    strict: bool = False


@dataclass(frozen=True)
class ScenarioCase:
    """A timed case: what a reporter says, where, through which channel."""

    line: int
    at: float  # scenario seconds from the start
    key: str  # the `id:` events refer to ("" when none)
    category: str  # a category code ("0701") or its Chinese name
    priority: Priority
    channel: SourceChannel
    where: Where
    address: str
    description: str
    reporter_name: str
    reporter_phone: str
    register: bool  # the call-taker registers it at once (hotline calls usually are)


@dataclass(frozen=True)
class ScenarioEvent:
    """A timed field event (see `EventKind`); only the fields its kind uses are set."""

    line: int
    at: float
    kind: str
    officer: str = ""  # off_duty / on_duty: an officer's name
    where: Where = Where()  # off_duty / on_duty without a name: the officer of this place's grid; road_closed: the road
    case_key: str = ""  # send_back / call_again: the `id:` of a scenario case
    reason: str = ""  # send_back, road_closed
    description: str = ""  # call_again, road_closed: what the caller says
    category: str = ""  # road_closed: the category of the case it raises
    priority: Priority = Priority.URGENT


@dataclass(frozen=True)
class BackgroundLoad:
    """Random cases at `rate` a scenario minute between two offsets."""

    line: int
    start: float
    end: float
    rate: float


@dataclass(frozen=True)
class Scenario:
    """A checked scenario: metadata and its timeline, sorted by offset (file order for equal offsets)."""

    name: str
    description: str
    speed: float
    seed: int | None
    cases: tuple[ScenarioCase, ...]
    events: tuple[ScenarioEvent, ...]
    background: tuple[BackgroundLoad, ...]
    path: str = ""
    sha256: str = ""

    @property
    def timeline(self) -> tuple[ScenarioCase | ScenarioEvent, ...]:
        """Cases and events in the order they play."""
        return tuple(sorted((*self.cases, *self.events), key=lambda item: (item.at, item.line)))

    @property
    def length(self) -> float:
        """Scenario seconds until the last item or the end of the last background window."""
        ends = [item.at for item in (*self.cases, *self.events)] + [b.end for b in self.background]
        return max(ends, default=0.0)


def load_scenario(path: str | Path) -> Scenario:
    """Read and check a scenario file; raises ScenarioInvalid with every (line, reason) found."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ScenarioInvalid(str(path), [(0, _t(N("scenario", "cannot read the file: {reason}"),
                                                 reason=exc.strerror or exc))]) from None
    return parse_scenario(data, str(path))


def parse_scenario(data: bytes | str, path: str = "<scenario>") -> Scenario:
    """Check a scenario's text (see `load_scenario`)."""
    raw = data.encode() if isinstance(data, str) else data
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ScenarioInvalid(path, [(0, _t(N("scenario", "not UTF-8 text (byte {at})"), at=exc.start))]) from None
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else 0
        raise ScenarioInvalid(path, [(line, _t(N("scenario", "not valid YAML: {problem}"),
                                               problem=exc.problem or exc.context or ""))]) from None
    except yaml.YAMLError as exc:
        raise ScenarioInvalid(path, [(0, _t(N("scenario", "not valid YAML: {problem}"), problem=exc))]) from None
    reader = _Reader()
    scenario = reader.scenario(root)
    if reader.problems or scenario is None:
        raise ScenarioInvalid(path, sorted(reader.problems))
    return replace(scenario, path=path, sha256=hashlib.sha256(raw).hexdigest())


def _t(template: str, **facts: object) -> str:
    return translate("scenario", template).format(**facts)


def _line(node: Node) -> int:
    return node.start_mark.line + 1


_PRIORITIES = {**{p.value: p for p in Priority}, "紧急": Priority.URGENT, "高": Priority.HIGH, "加急": Priority.HIGH,
               "一般": Priority.NORMAL, "普通": Priority.NORMAL, "低": Priority.LOW}
_CHANNELS = {**{c.value: c for c in SourceChannel}, "hotline": SourceChannel.HOTLINE_12345, "12345": SourceChannel.HOTLINE_12345}


class _Reader:
    """Walks the composed YAML nodes, keeping each value's line, and collects every problem."""

    def __init__(self) -> None:
        self.problems: list[tuple[int, str]] = []
        self._scalars = SafeConstructor()
        self.broken_keys: set[str] = set()  # ids of cases refused for another problem: not reported again

    def problem(self, node: Node | int, template: str, **facts: object) -> None:
        self.problems.append((node if isinstance(node, int) else _line(node), _t(template, **facts)))

    # ---- structure ----------------------------------------------------------------------
    def mapping(self, node: Node, what: str, known: frozenset[str]) -> dict[str, Node] | None:
        if not isinstance(node, MappingNode):
            self.problem(node, N("scenario", "{what} must be a mapping of names to values"), what=what)
            return None
        fields: dict[str, Node] = {}
        for key, value in node.value:
            name = key.value if isinstance(key, ScalarNode) else ""
            if name in fields:
                self.problem(key, N("scenario", "'{name}' is given twice"), name=name)
            elif name not in known:
                self.problem(key, N("scenario", "unknown field '{name}' in {what} (known: {known})"),
                             name=name, what=what, known=", ".join(sorted(known)))
            else:
                fields[name] = value
        return fields

    def sequence(self, node: Node, what: str) -> list[Node]:
        if not isinstance(node, SequenceNode):
            self.problem(node, N("scenario", "'{what}' must be a list"), what=what)
            return []
        return list(node.value)

    def scalar(self, node: Node) -> Any:
        if not isinstance(node, ScalarNode):
            return node  # the caller says what it wanted instead
        return self._scalars.construct_object(node)

    def text(self, fields: dict[str, Node], name: str, parent: Node, *, required: bool = False,
             limit: int = MAX_TEXT) -> str:
        node = fields.get(name)
        if node is None:
            if required:
                self.problem(parent, N("scenario", "'{name}' is missing"), name=name)
            return ""
        value = self.scalar(node)
        if isinstance(value, bool) or not isinstance(value, str | int | float) or isinstance(value, Node):
            self.problem(node, N("scenario", "'{name}' must be text"), name=name)
            return ""
        if isinstance(value, int | float) and name in ("category", "grid"):
            self.problem(node, N("scenario", "'{name}' reads as the number {value}: write codes in quotes"),
                         name=name, value=getattr(node, "value", value))
            return ""
        value = str(value).strip()
        if required and not value:
            self.problem(node, N("scenario", "'{name}' is empty"), name=name)
        if len(value) > limit:
            self.problem(node, N("scenario", "'{name}' is longer than {limit} characters"), name=name, limit=limit)
        return value

    def number(self, node: Node, name: str, low: float, high: float) -> float | None:
        value = self.scalar(node)
        if isinstance(value, bool) or not isinstance(value, int | float) or not (low <= value <= high):
            self.problem(node, N("scenario", "'{name}' must be a number from {low:g} to {high:g}"),
                         name=name, low=low, high=high)
            return None
        return float(value)

    def offset(self, fields: dict[str, Node], name: str, parent: Node, *, required: bool = True) -> float | None:
        node = fields.get(name)
        if node is None:
            if required:
                self.problem(parent, N("scenario", "'{name}' is missing"), name=name)
            return None
        value = self.scalar(node)
        seconds: float = math.nan
        if isinstance(value, int | float) and not isinstance(value, bool):
            seconds = float(value)
        elif isinstance(value, str) and (m := _OFFSET.match(value.strip())):
            a, b, c = m.groups()
            seconds = float(int(a) * 3600 + int(b) * 60 + int(c)) if c is not None else float(int(a) * 60 + int(b))
        if not (0 <= seconds <= MAX_OFFSET_S):
            self.problem(node, N("scenario", "'{name}' must be seconds from the start or \"+H:MM:SS\", "
                                             "at most a week (got {value})"), name=name, value=value)
            return None
        return seconds

    def choice(self, fields: dict[str, Node], name: str, options: dict[str, Any], default: Any) -> Any:
        node = fields.get(name)
        if node is None:
            return default
        value = self.scalar(node)
        if not isinstance(value, str | int) or str(value) not in options:
            self.problem(node, N("scenario", "'{name}' must be one of {options} (got {value})"), name=name,
                         options=", ".join(o for o in options if o.isascii()), value=value)
            return default
        return options[str(value)]

    def flag(self, fields: dict[str, Node], name: str, default: bool) -> bool:
        node = fields.get(name)
        if node is None:
            return default
        value = self.scalar(node)
        if not isinstance(value, bool):
            self.problem(node, N("scenario", "'{name}' must be true or false"), name=name)
            return default
        return value

    # ---- the parts ----------------------------------------------------------------------
    def scenario(self, root: Node | None) -> Scenario | None:
        if root is None:
            self.problem(1, N("scenario", "the file is empty"))
            return None
        top = self.mapping(root, translate("scenario", "the scenario"),
                           frozenset({"name", "description", "speed", "seed", "cases", "events", "background"}))
        if top is None:
            return None
        name = self.text(top, "name", root, required=True, limit=200)
        description = self.text(top, "description", root, limit=2000)
        speed = self.number(top["speed"], "speed", 0.1, 1000) if "speed" in top else 1.0
        seed = None
        if "seed" in top:
            value = self.scalar(top["seed"])
            if isinstance(value, bool) or not isinstance(value, int):
                self.problem(top["seed"], N("scenario", "'seed' must be a whole number"))
            else:
                seed = value
        cases = self.items(top, "cases", self.case)
        events = self.items(top, "events", self.event)
        background = self.items(top, "background", self.background)
        if not cases and not background and "cases" not in top and "background" not in top:
            self.problem(root, N("scenario", "a scenario needs 'cases' or 'background' load"))
        keys: dict[str, int] = {}
        for case in cases:
            if case.key and case.key in keys:
                self.problem(case.line, N("scenario", "case id '{key}' is used twice (first on line {first})"),
                             key=case.key, first=keys[case.key])
            elif case.key:
                keys[case.key] = case.line
        for event in events:
            if event.case_key in self.broken_keys:
                continue
            if event.case_key and event.case_key not in keys:
                self.problem(event.line, N("scenario", "no case has the id '{key}'"), key=event.case_key)
            elif event.case_key and event.at < next(c.at for c in cases if c.key == event.case_key):
                self.problem(event.line, N("scenario", "the event comes before case '{key}' is reported"),
                             key=event.case_key)
        return Scenario(name, description, speed or 1.0, seed, tuple(cases), tuple(events), tuple(background))

    def items(self, top: dict[str, Node], name: str, read: Callable[[Node], Any]) -> list[Any]:
        if name not in top:
            return []
        return [item for item in (read(node) for node in self.sequence(top[name], name)) if item is not None]

    def where(self, fields: dict[str, Node], node: Node, *, required: bool) -> Where | None:
        places: tuple[str, ...] = ()
        if "place" in fields:
            value = self.scalar(fields["place"])
            if isinstance(value, SequenceNode):
                value = [self.scalar(v) for v in value.value]
            values = value if isinstance(value, list) else [value]
            if not values or not all(isinstance(v, str) and v.strip() for v in values):
                self.problem(fields["place"], N("scenario", "'place' must be a place name or a list of names"))
            else:
                places = tuple(v.strip() for v in values)
        lonlat = None
        if "lonlat" in fields:
            value = self.scalar(fields["lonlat"])
            pair = [self.scalar(v) for v in value.value] if isinstance(value, SequenceNode) else None
            if (pair is None or len(pair) != 2 or not all(isinstance(v, int | float) and not isinstance(v, bool)
                                                          for v in pair)
                    or not (-180 <= pair[0] <= 180 and -90 <= pair[1] <= 90)):
                self.problem(fields["lonlat"], N("scenario", "'lonlat' must be [longitude, latitude] in degrees"))
            else:
                lonlat = (float(pair[0]), float(pair[1]))
        grid = self.text(fields, "grid", node) if "grid" in fields else ""
        strict = False
        if "fallback" in fields:
            strict = self.choice(fields, "fallback", {"random": False, "error": True}, False)
        if required and not (places or lonlat or grid) and not any(k in fields for k in ("place", "lonlat", "grid")):
            self.problem(node, N("scenario", "say where: 'place', 'lonlat' or 'grid'"))
            return None
        return Where(places, lonlat, grid, strict)

    def case(self, node: Node) -> ScenarioCase | None:
        fields = self.mapping(node, translate("scenario", "a case"), frozenset({
            "at", "id", "category", "priority", "channel", "place", "lonlat", "grid", "fallback", "address",
            "description", "reporter", "phone", "register"}))
        if fields is None:
            return None
        before = len(self.problems)
        at = self.offset(fields, "at", node)
        key = self.text(fields, "id", node, limit=MAX_KEY)
        category = self.text(fields, "category", node, required=True)
        priority = self.choice(fields, "priority", _PRIORITIES, Priority.NORMAL)
        channel = self.choice(fields, "channel", _CHANNELS, SourceChannel.HOTLINE_12345)
        where = self.where(fields, node, required=True)
        description = self.text(fields, "description", node, required=True)
        address = self.text(fields, "address", node, limit=200)
        reporter = self.text(fields, "reporter", node, limit=40)
        phone = self.text(fields, "phone", node, limit=20)
        register = self.flag(fields, "register", channel in (SourceChannel.HOTLINE_12345, SourceChannel.DUTY_LINE))
        if len(self.problems) > before or at is None or where is None:
            self.broken_keys.add(key)
            return None
        return ScenarioCase(_line(node), at, key, category, priority, channel, where,
                            address or (where.places[0] if where.places else ""), description, reporter, phone,
                            register)

    def event(self, node: Node) -> ScenarioEvent | None:
        fields = self.mapping(node, translate("scenario", "an event"), frozenset({
            "at", "type", "officer", "place", "lonlat", "grid", "fallback", "case", "reason", "description",
            "category", "priority"}))
        if fields is None:
            return None
        before = len(self.problems)
        at = self.offset(fields, "at", node)
        kind = self.choice(fields, "type", {k: k for k in EventKind.ALL}, "")
        if "type" not in fields:
            self.problem(node, N("scenario", "'{name}' is missing"), name="type")
        event = ScenarioEvent(_line(node), at or 0.0, kind)
        if kind in (EventKind.OFF_DUTY, EventKind.ON_DUTY):
            officer = self.text(fields, "officer", node, limit=40)
            where = self.where(fields, node, required=not officer)
            event = ScenarioEvent(event.line, event.at, kind, officer=officer, where=where or Where())
        elif kind in (EventKind.SEND_BACK, EventKind.CALL_AGAIN):
            key = self.text(fields, "case", node, required=True, limit=MAX_KEY)
            reason = self.text(fields, "reason", node, required=kind == EventKind.SEND_BACK)
            description = self.text(fields, "description", node)
            event = ScenarioEvent(event.line, event.at, kind, case_key=key, reason=reason, description=description)
        elif kind == EventKind.ROAD_CLOSED:
            where = self.where(fields, node, required=True)
            reason = self.text(fields, "reason", node, required=True)
            description = self.text(fields, "description", node)
            category = self.text(fields, "category", node) or "1001"
            priority = self.choice(fields, "priority", _PRIORITIES, Priority.URGENT)
            event = ScenarioEvent(event.line, event.at, kind, where=where or Where(), reason=reason,
                                  description=description, category=category, priority=priority)
        if len(self.problems) > before or at is None:
            return None
        return event

    def background(self, node: Node) -> BackgroundLoad | None:
        fields = self.mapping(node, translate("scenario", "a background window"), frozenset({"from", "to", "rate"}))
        if fields is None:
            return None
        before = len(self.problems)
        start = self.offset(fields, "from", node)
        end = self.offset(fields, "to", node)
        rate = None
        if "rate" not in fields:
            self.problem(node, N("scenario", "'{name}' is missing"), name="rate")
        else:
            rate = self.number(fields["rate"], "rate", 0.01, MAX_RATE_PER_MINUTE)
        if start is not None and end is not None and end <= start:
            self.problem(fields["to"], N("scenario", "'to' must come after 'from'"))
        if len(self.problems) > before or start is None or end is None or rate is None:
            return None
        return BackgroundLoad(_line(node), start, end, rate)
