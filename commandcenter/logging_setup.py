"""Logs go to a rotating file in the user log directory, so support can read what happened."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from .paths import log_dir

FORMAT = "%(asctime)s %(levelname)-7s %(process)d %(name)s: %(message)s"


def setup_logging(verbose: bool = False, console: bool = False) -> Path:
    path = log_dir() / "commandcenter.log"
    root = logging.getLogger()
    if any(getattr(h, "_commandcenter", False) for h in root.handlers):
        return path
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=5_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(logging.Formatter(FORMAT))
    handler._commandcenter = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    if console:
        stream = logging.StreamHandler()
        stream.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        stream.setLevel(logging.DEBUG if verbose else logging.WARNING)
        stream._commandcenter = True  # type: ignore[attr-defined]
        root.addHandler(stream)
    return path
