"""Reading an import file: its text encoding, CSV records, JSON, and the list of problems.

Text files may be UTF-8 with or without a byte-order mark, UTF-16 with one, or GBK/GB18030 (what
Chinese spreadsheet tools write); the encoding used is reported back. CSV headers may use the
English column names of the issue or their usual Chinese names (工号, 姓名, 电话 …). JSON of the
wrong shape (a record that is not an object, nesting too deep to parse) is a problem naming the
record or the file, like any other, never an unexpected error.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ...errors import ImportRejected
from ...i18n import QT_TRANSLATE_NOOP as N
from ...i18n import translate
from ..validation import column_limit

MAX_PROBLEMS = 500  # a file wrong on every line does not need ten thousand messages
_LIST_SPLIT = re.compile(r"[;；]")
HEADER_ALIASES: dict[str, str] = {
    "工号": "employee_no", "编号": "employee_no", "员工编号": "employee_no",
    "姓名": "name", "名称": "name",
    "电话": "phone", "手机": "phone", "联系电话": "phone",
    "网格": "grid_codes", "网格编码": "grid_codes", "负责网格": "grid_codes",
    "状态": "duty_status", "在岗状态": "duty_status",
    "编码": "code", "代码": "code", "部门编码": "code",
    "类别": "category_codes", "案件类别": "category_codes", "类别编码": "category_codes",
    "时间": "at", "定位时间": "at", "timestamp": "at", "time": "at",
    "经度": "lon", "lng": "lon", "longitude": "lon",
    "纬度": "lat", "latitude": "lat",
}
LINE = N("imports", "line {n}")
RECORD = N("imports", "record {n}")
FILE = N("imports", "file")


def tr(text: str) -> str:
    return translate("imports", text)


@dataclass(frozen=True)
class ImportResult:
    """What an import wrote: rows created and updated, parents created, and warnings."""

    kind: str  # officers | departments | positions | grids
    path: str
    encoding: str
    created: int
    updated: int
    unchanged: int = 0
    warnings: tuple[tuple[str, str], ...] = ()
    parents_created: dict[str, int] = field(default_factory=dict)  # districts / streets / communities
    renamed: tuple[tuple[str, str, str, str], ...] = ()  # (district | street | community, code, old, new)


class Problems:
    """Collects (where, reason) pairs; raises ImportRejected when asked and any were found."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.items: list[tuple[str, str]] = []

    def add(self, where: str, reason: str) -> None:
        if len(self.items) < MAX_PROBLEMS:
            self.items.append((where, reason))

    def __bool__(self) -> bool:
        return bool(self.items)

    def raise_if_any(self) -> None:
        if self.items:
            raise ImportRejected(str(self.path), list(self.items))


def reject(path: Path, reason: str, where: str | None = None) -> ImportRejected:
    return ImportRejected(str(path), [(where or tr(FILE), reason)])


def read_text(path: str | Path) -> tuple[str, str]:
    """The file's text and the encoding it was in: UTF-8 (with or without BOM), UTF-16 with a
    BOM, else GBK (decoded as GB18030, its superset). Raises ImportRejected otherwise."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise reject(path, tr(N("imports", "cannot read the file: {reason}")).format(reason=exc.strerror)) from exc
    for bom, codec, name in ((codecs.BOM_UTF8, "utf-8", "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
                             (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16")):
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(codec), name
            except UnicodeDecodeError as exc:
                raise reject(path, tr(N("imports", "the file starts as {encoding} but is not valid {encoding} "
                                                    "(byte {offset})")).format(encoding=name, offset=exc.start)) from exc
    if b"\x00" in data:
        raise reject(path, tr(N("imports", "this is not a text file")))
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    for codec in ("gbk", "gb18030"):
        try:
            return data.decode(codec), codec
        except UnicodeDecodeError:
            continue
    raise reject(path, tr(N("imports", "the text is neither UTF-8 nor GBK; save it as CSV UTF-8")))


def normalise_header(name: str) -> str:
    key = name.strip().strip("\ufeff").strip().lower()
    return HEADER_ALIASES.get(key, key)


def csv_records(path: Path, text: str, required: tuple[str, ...], optional: tuple[str, ...] = ()
                 ) -> list[tuple[int, dict[str, str]]]:
    """(line number, row) for each non-blank data row; header problems reject at once."""
    reader = csv.reader(io.StringIO(text, newline=""))
    header: list[str] | None = None
    header_line = 0
    records: list[tuple[int, dict[str, str]]] = []
    problems = Problems(path)
    line = 1
    try:
        for cells in reader:
            start, line = line, reader.line_num + 1
            if not any(c.strip() for c in cells):
                continue
            if header is None:
                header, header_line = [normalise_header(c) for c in cells], start
                where = tr(LINE).format(n=start)
                missing = [c for c in required if c not in header]
                if missing:
                    raise reject(path, tr(N("imports", "the header lacks the column(s) {columns}; expected {expected}"))
                                  .format(columns=", ".join(missing), expected=",".join(required + optional)), where)
                dupes = sorted({c for c in header if c and header.count(c) > 1})
                if dupes:
                    raise reject(path, tr(N("imports", "the header names {columns} twice")).format(
                        columns=", ".join(dupes)), where)
                continue
            if len(cells) > len(header) and any(c.strip() for c in cells[len(header):]):
                problems.add(tr(LINE).format(n=start), tr(N("imports", "{n} values but the header has {m} columns"))
                             .format(n=len(cells), m=len(header)))
                continue
            cells = cells + [""] * (len(header) - len(cells))
            records.append((start, {h: c.strip() for h, c in zip(header, cells, strict=False) if h}))
    except csv.Error as exc:
        raise reject(path, str(exc), tr(LINE).format(n=reader.line_num)) from exc
    if header is None:
        raise reject(path, tr(N("imports", "the file is empty: a header row and at least one row are needed")))
    problems.raise_if_any()
    if not records:
        raise reject(path, tr(N("imports", "the file has a header but no rows")), tr(LINE).format(n=header_line))
    return records


def split_list(value: str) -> list[str]:
    return list(dict.fromkeys(part.strip() for part in _LIST_SPLIT.split(value or "") if part.strip()))


def check_length(problems: Problems, where: str, label: str, value: str, column: Any) -> None:
    """The column's own length is the limit (PostgreSQL refuses longer text; SQLite would keep it)."""
    limit = column_limit(column)
    if limit is not None and len(value) > limit:
        problems.add(where, tr(N("imports", "{field} is longer than {n} characters")).format(field=label, n=limit))


def shown(value: Any, most: int = 60) -> Any:
    """A value as a message may quote it: an absurd one (a nested list where a time belongs) cut short."""
    text = repr(value)
    return value if len(text) <= most else text[:most - 1] + "…"


def load_json(path: Path, text: str) -> Any:
    """The parsed document; malformed or absurdly nested JSON is refused, never a crash."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise reject(path, tr(N("imports", "not valid JSON: {reason}")).format(reason=exc.msg),
                      tr(LINE).format(n=exc.lineno)) from exc
    except RecursionError as exc:  # the C decoder recurses once per level of [ or {
        raise reject(path, tr(N("imports", "the JSON is nested too deeply to be read"))) from exc
