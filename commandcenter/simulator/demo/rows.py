"""Rows of one table held column-wise and turned into DB-API tuples a chunk at a time.

The planners work on numpy columns; Python objects (tuples, None, label strings) are made
only for the chunk being written, so a million cases never sit in memory as a million
tuples. A chunk holds about the same number of values whatever the table's width: 50,000 rows
of the case table's 45 columns were 2.3 million objects (over 100 MB) alive at once, for no
gain in speed (`executemany` costs the same per row in chunks of a few thousand).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from concurrent.futures import Future
from dataclasses import dataclass
from itertools import repeat
from typing import Any

import numpy as np

NONE = -1  # "no value" in integer columns (ids and epoch seconds are positive)
CHUNK_VALUES = 250_000  # values (rows x columns) per chunk of tuples


@dataclass(frozen=True)
class Const:
    """A column with the same value in every row."""

    value: Any


@dataclass(frozen=True)
class Lookup:
    """A column of labels stored as codes: row i holds labels[codes[i]]."""

    labels: np.ndarray  # object array
    codes: np.ndarray

    def __len__(self) -> int:
        return len(self.codes)


@dataclass(frozen=True)
class Nullable:
    """An integer column where NONE stands for SQL NULL."""

    values: np.ndarray

    def __len__(self) -> int:
        return len(self.values)


@dataclass(frozen=True)
class Pending:
    """A column whose values other threads are still computing when its table is planned (the
    password hashes): each is waited for only when the chunk holding it is turned into tuples."""

    futures: Sequence[Future[Any]]

    def __len__(self) -> int:
        return len(self.futures)


Column = np.ndarray | Sequence[Any] | Const | Lookup | Nullable | Pending


def _slice(column: Column, start: int, stop: int) -> Any:
    if isinstance(column, Const):
        return repeat(column.value, stop - start)
    if isinstance(column, np.ndarray):
        return column[start:stop].tolist()
    if isinstance(column, Lookup):
        return column.labels[column.codes[start:stop]].tolist()
    if isinstance(column, Nullable):
        part = column.values[start:stop]
        out = part.astype(object)
        out[part == NONE] = None
        return out.tolist()
    if isinstance(column, Pending):
        return [f.result() for f in column.futures[start:stop]]
    return column[start:stop]


@dataclass(frozen=True)
class TableRows:
    """The rows of one table: column names and one column (sequence, Const, Lookup ...) each."""

    table: str
    columns: tuple[str, ...]
    data: tuple[Column, ...]

    def __post_init__(self) -> None:
        if len(self.columns) != len(self.data):
            raise ValueError(f"{self.table}: {len(self.columns)} columns but {len(self.data)} data")
        lengths = {len(d) for d in self.data if not isinstance(d, Const)}
        if len(lengths) != 1:
            raise ValueError(f"{self.table}: columns of different lengths {sorted(lengths)}")

    def __len__(self) -> int:
        return next(len(d) for d in self.data if not isinstance(d, Const))  # type: ignore[arg-type]

    def chunks(self) -> Iterator[list[tuple[Any, ...]]]:
        n, size = len(self), max(1, CHUNK_VALUES // len(self.columns))
        for start in range(0, n, size):
            stop = min(start + size, n)
            yield list(zip(*(_slice(d, start, stop) for d in self.data), strict=False))

    def column(self, name: str) -> Column:
        return self.data[self.columns.index(name)]


def labels(values: Sequence[Any]) -> np.ndarray:
    """An object array of labels for `Lookup` (None allowed)."""
    out = np.empty(len(values), dtype=object)
    out[:] = list(values)
    return out


def table(table_name: str, /, **columns: Column) -> TableRows:
    return TableRows(table_name, tuple(columns), tuple(columns.values()))
