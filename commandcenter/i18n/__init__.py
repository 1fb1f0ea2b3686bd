"""The one translation catalogue for the GUI, the CLI and the reports, without Qt.

Strings are extracted by `pyside6-lupdate` into `resources/translations/commandcenter_<lang>.ts`
and compiled to `.qm` (`make translations`). Widgets translate through Qt (`self.tr()`, with the
`.qm` installed by `commandcenter.gui.translator.install`); everything else (the CLI, the wording
modules, the PDF reports) translates here, reading the `.ts` in pure Python, so that the
domain, services and reports never load Qt, even indirectly.
"""

from __future__ import annotations

from pathlib import Path

from .catalogue import Catalogue

TRANSLATIONS = Path(__file__).resolve().parent.parent.parent / "resources" / "translations"
LANGUAGES: dict[str, str] = {"en": "English", "zh_CN": "简体中文"}
DEFAULT_LANGUAGE = "en"

_catalogues: dict[str, Catalogue | None] = {}
_current = DEFAULT_LANGUAGE


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Mark a string for extraction without translating it yet."""
    return text


def normalize(lang: str | None) -> str:
    if not lang:
        return DEFAULT_LANGUAGE
    lang = lang.replace("-", "_")
    if lang in LANGUAGES:
        return lang
    if lang.lower().startswith("zh"):
        return "zh_CN"
    return DEFAULT_LANGUAGE


def _catalogue(lang: str) -> Catalogue | None:
    if lang not in _catalogues:
        path = TRANSLATIONS / f"commandcenter_{lang}.ts"
        _catalogues[lang] = Catalogue.read(path) if lang != DEFAULT_LANGUAGE and path.exists() else None
    return _catalogues[lang]


def translate(context: str, text: str, lang: str | None = None) -> str:
    """Translate outside widgets (CLI, wording, reports). Without `lang`, the process's current language."""
    catalogue = _catalogue(normalize(lang) if lang else _current)
    if catalogue is None:
        return text
    return catalogue.lookup(context, text) or text


def current_language() -> str:
    return _current


def use(lang: str | None) -> str:
    """Make `lang` the process's language for `translate` calls that name none (the CLI's --lang)."""
    global _current
    _current = normalize(lang)
    return _current
