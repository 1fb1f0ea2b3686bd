"""Install the compiled catalogues into the running Qt application, for the widgets' `tr()`.

The Qt half of translation, kept out of `commandcenter.i18n` so that package stays Qt-free for
the services, wording modules and reports; only the GUI and the CLI's start-up import it.
Two catalogues are installed per language: ours, and Qt's own (`qtbase_<lang>.qm`, shipped in
the PySide6 wheel) so that standard buttons and dialogs ("Cancel", "Yes") follow the language.
"""

from __future__ import annotations

import locale
import os

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from ..i18n import DEFAULT_LANGUAGE, TRANSLATIONS, normalize, use

_translators: dict[str, tuple[QTranslator, ...]] = {}
_installed: tuple[QTranslator, ...] = ()


def environment_language() -> str | None:
    """COMMANDCENTER_LANG when set: it overrides a language saved from the menu."""
    env = os.environ.get("COMMANDCENTER_LANG")
    return normalize(env) if env else None


def system_language() -> str:
    env = environment_language()
    if env:
        return env
    try:
        return normalize(QLocale.system().name())
    except Exception:  # pragma: no cover - no Qt locale
        return normalize(locale.getlocale()[0])


def choose_language(cli: str | None, saved: str | None) -> str:
    """The language to start in: `--lang`, then COMMANDCENTER_LANG, then the saved choice, then
    the system locale. The environment beats the saved choice so that a kiosk or a test run can
    pin the language whatever someone last picked from the menu."""
    if cli:
        return normalize(cli)
    env = environment_language()
    if env:
        return env
    if saved:
        return normalize(saved)
    return system_language()


def qt_catalogue_dir() -> str:
    """Where PySide6 keeps Qt's own compiled catalogues (qtbase_zh_CN.qm and the like)."""
    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


def _load(lang: str) -> tuple[QTranslator, ...]:
    if lang not in _translators:
        loaded: list[QTranslator] = []
        if lang != DEFAULT_LANGUAGE:
            for name, folder in ((f"qtbase_{lang}", qt_catalogue_dir()), (f"commandcenter_{lang}", str(TRANSLATIONS))):
                candidate = QTranslator()
                if candidate.load(name, folder):
                    loaded.append(candidate)
        _translators[lang] = tuple(loaded)
    return _translators[lang]


def install(lang: str) -> str:
    """Switch the running application's language; widgets retranslate on LanguageChange."""
    global _installed
    lang = use(lang)
    app = QCoreApplication.instance()
    if app is None:
        return lang
    for old in _installed:
        app.removeTranslator(old)
    _installed = _load(lang)
    for new in _installed:
        app.installTranslator(new)
    return lang
