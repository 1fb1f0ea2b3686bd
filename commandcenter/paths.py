"""Where the application keeps its files: user data (the default database) and logs."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "GridCommandCentre"


def data_dir() -> Path:
    override = os.environ.get("COMMANDCENTER_DATA_DIR")
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def log_dir() -> Path:
    override = os.environ.get("COMMANDCENTER_LOG_DIR")
    path = Path(override) if override else Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_database() -> Path:
    """The database `make run` opens: a small demo city, created on first start."""
    return data_dir() / "demo.sqlite"
