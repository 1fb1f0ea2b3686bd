"""Read a Qt Linguist `.ts` catalogue in pure Python.

The CLI, the services' messages and the PDF reports translate without Qt, so that the
domain and data layers stay Qt-free even indirectly (the import-linter contract). The `.ts`
is the catalogue's one source; this reader applies the rules `lrelease` applies when it
compiles the `.qm` the GUI loads (vanished and obsolete entries dropped, empty translations
left out, the first plural form for a numerus entry), so both give the same text.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

_DROPPED = {"vanished", "obsolete"}


class Catalogue:
    """The translations of one language, keyed by (context, source text)."""

    def __init__(self, entries: dict[tuple[str, str], str]) -> None:
        self._entries = entries

    @classmethod
    def read(cls, path: Path) -> Catalogue:
        entries: dict[tuple[str, str], str] = {}
        for context in ET.parse(path).getroot().iter("context"):
            name = context.findtext("name") or ""
            for message in context.iter("message"):
                if message.find("comment") is not None:
                    continue  # disambiguated entries answer only calls that name the comment
                translation = message.find("translation")
                source = message.findtext("source")
                if translation is None or source is None or translation.get("type") in _DROPPED:
                    continue
                forms = translation.findall("numerusform")
                text = (forms[0].text if forms else translation.text) or ""
                if text:
                    entries[(name, source)] = text
        return cls(entries)

    def lookup(self, context: str, text: str) -> str | None:
        return self._entries.get((context, text))
