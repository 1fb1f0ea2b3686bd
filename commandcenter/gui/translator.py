"""Install the compiled catalogue into the running Qt application, for the widgets' `tr()`.

The Qt half of translation, kept out of `commandcenter.i18n` so that package stays Qt-free for
the services, wording modules and reports; only the GUI and the CLI's start-up import it.
"""

from __future__ import annotations

import locale
import os

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from ..i18n import DEFAULT_LANGUAGE, TRANSLATIONS, normalize, use

_translators: dict[str, QTranslator | None] = {}
_installed: QTranslator | None = None


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


def install(lang: str) -> str:
    """Switch the running application's language; widgets retranslate on LanguageChange."""
    global _installed
    lang = use(lang)
    app = QCoreApplication.instance()
    if app is not None and _installed is not None:
        app.removeTranslator(_installed)
        _installed = None
    translator = _translator(lang)
    if app is not None and translator is not None:
        app.installTranslator(translator)
        _installed = translator
    return lang
