"""Logs go to a rotating file in the user log directory, so support can read what happened.

The log is the user's own: every file of it is created readable by its owner only, and every
line passes through `redact` on its way out, so a connection password given on the command
line (``postgresql://user:PASSWORD@host/db``) or in a driver's message never lands in it.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import re
from pathlib import Path
from typing import IO, Any

from .domain.privacy import mask_phones_in_text
from .paths import log_dir

FORMAT = "%(asctime)s %(levelname)-7s %(process)d %(name)s: %(message)s"
PRIVATE_FILE_MODE = 0o600

# scheme://user:password@ — the password of any URL, up to the token's last @ (a password may
# hold an unescaped @: too much hidden beats a tail shown); and libpq's "password=…" keyword
_URL_PASSWORD = re.compile(r"(?P<head>[A-Za-z][A-Za-z0-9+.\-]*://[^:/@\s]*:)\S*(?P<at>@)")
_KEYWORD_PASSWORD = re.compile(r"(?P<head>\b(?:password|passwd|pwd)\s*=\s*)(?:'[^']*'|\"[^\"]*\"|[^\s;&]+)",
                               re.IGNORECASE)


def redact(text: str) -> str:
    """`text` with every URL's password and every ``password=…`` value replaced by ***."""
    text = _URL_PASSWORD.sub(r"\g<head>***\g<at>", text)
    return _KEYWORD_PASSWORD.sub(r"\g<head>***", text)


class RedactingFormatter(logging.Formatter):
    """Formats as usual, then redacts the whole line, arguments and traceback included; phone
    numbers in it are masked too (domain/privacy), whoever's they are."""

    def format(self, record: logging.LogRecord) -> str:
        return mask_phones_in_text(redact(super().format(record)))


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating log whose files (the current one and each new one after a rollover) are mode 600.

    An older log created world-readable is made private when it is opened again.
    """

    def _open(self) -> IO[Any]:
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, PRIVATE_FILE_MODE)
        os.fchmod(fd, PRIVATE_FILE_MODE)
        return os.fdopen(fd, "a", encoding=self.encoding, errors=self.errors)


def setup_logging(verbose: bool = False, console: bool = False) -> Path:
    path = log_dir() / "commandcenter.log"
    root = logging.getLogger()
    if any(getattr(h, "_commandcenter", False) for h in root.handlers):
        return path
    handler = PrivateRotatingFileHandler(path, maxBytes=5_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(RedactingFormatter(FORMAT))
    handler._commandcenter = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    if console:
        stream = logging.StreamHandler()
        stream.setFormatter(RedactingFormatter("%(levelname)s %(name)s: %(message)s"))
        stream.setLevel(logging.DEBUG if verbose else logging.WARNING)
        stream._commandcenter = True  # type: ignore[attr-defined]
        root.addHandler(stream)
    return path
