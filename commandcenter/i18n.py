"""The one translation catalogue for the GUI, the CLI and the reports.

Strings are extracted by `pyside6-lupdate` into `resources/translations/commandcenter_<lang>.ts`
and compiled to `.qm` (`make translations`). This module loads them with QtCore only, so the
CLI and the PDF reports translate without any widget; it is the one module outside the views
allowed to import Qt.
"""

from __future__ import annotations

import locale
import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

TRANSLATIONS = Path(__file__).resolve().parent.parent / "resources" / "translations"
LANGUAGES: dict[str, str] = {"en": "English", "zh_CN": "简体中文"}
DEFAULT_LANGUAGE = "en"

_translators: dict[str, QTranslator | None] = {}
_installed: QTranslator | None = None
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


def system_language() -> str:
    env = os.environ.get("COMMANDCENTER_LANG")
    if env:
        return normalize(env)
    try:
        return normalize(QLocale.system().name())
    except Exception:  # pragma: no cover - no Qt locale
        return normalize(locale.getlocale()[0])


def _translator(lang: str) -> QTranslator | None:
    if lang not in _translators:
        translator: QTranslator | None = None
        if lang != DEFAULT_LANGUAGE:
            candidate = QTranslator()
            if candidate.load(str(TRANSLATIONS / f"commandcenter_{lang}.qm")):
                translator = candidate
        _translators[lang] = translator
    return _translators[lang]


def translate(context: str, text: str, lang: str | None = None) -> str:
    """Translate outside widgets (CLI, reports). Without `lang`, the GUI's current language."""
    lang = normalize(lang) if lang else _current
    translator = _translator(lang)
    if translator is None:
        return text
    return translator.translate(context, text) or text


def current_language() -> str:
    return _current


def install(lang: str) -> str:
    """Switch the running application's language; widgets retranslate on LanguageChange."""
    global _installed, _current
    lang = normalize(lang)
    app = QCoreApplication.instance()
    if app is not None and _installed is not None:
        app.removeTranslator(_installed)
        _installed = None
    translator = _translator(lang)
    if app is not None and translator is not None:
        app.installTranslator(translator)
        _installed = translator
    _current = lang
    return lang
