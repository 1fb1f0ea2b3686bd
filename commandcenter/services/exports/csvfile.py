"""Writing an export: UTF-8 with a byte-order mark, cells that cannot run as formulas, row by row.

Spreadsheet programs read a CSV without a BOM in the system's code page and garble Chinese; with
it they read UTF-8. A cell that begins with = + - @ (or a tab or carriage return, or their
full-width forms) is a formula to them, which a resident's description or a handover note could
carry ("=HYPERLINK(…)"): such text cells get a leading apostrophe, as OWASP recommends for CSV
injection. Numbers are written as numbers (a negative one is not text to neutralise).

The file is written beside its target and renamed at the end, owner-only (an export may hold
residents' names and phones), so a failed export leaves no half file behind.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")


def neutralise(value: Any) -> Any:
    """A cell as written: text that a spreadsheet would evaluate gets a leading apostrophe;
    None is empty; datetimes are ISO 8601 with their offset; other values pass."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class RowWriter(Protocol):
    def __call__(self, row: Sequence[Any]) -> None: ...


@contextmanager
def csv_file(out: Path, header: Sequence[str]) -> Iterator[RowWriter]:
    """Write rows to `out` (replacing it when the block ends without an error)."""
    partial = out.with_name(out.name + ".partial")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(header)

            def write(row: Sequence[Any]) -> None:
                writer.writerow([neutralise(v) for v in row])

            yield write
        os.replace(partial, out)
    finally:
        partial.unlink(missing_ok=True)
