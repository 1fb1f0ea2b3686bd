"""Chinese glyphs on screen without a system CJK font: the bundled WenQuanYi Micro Hei.

A machine with no installed font covering Chinese (a fresh server image, a minimal kiosk) drew
the whole Chinese interface as boxes although the program ships a CJK font for its PDFs
(`resources/fonts/wqy-microhei.ttc`, Apache-2.0, licence beside it). At start-up, if no
installed family covers Simplified Chinese, that file is added to Qt's font database and its
family appended to the application font's family list, so Qt falls back to it for every
character the first family lacks; a system that has its own CJK font keeps it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication

BUNDLED_CJK = Path(__file__).resolve().parent.parent.parent / "resources" / "fonts" / "wqy-microhei.ttc"


def installed_cjk_families() -> list[str]:
    """The installed families Qt says cover Simplified Chinese."""
    return list(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))


def ensure_cjk_font(app: QApplication, installed: Callable[[], Sequence[str]] = installed_cjk_families,
                    path: Path = BUNDLED_CJK) -> str | None:
    """Make sure Chinese text has glyphs; the bundled family's name when it had to be added.

    `installed` is the check for a system CJK font, injectable so a test can take it away.
    """
    if installed():
        return None
    font_id = QFontDatabase.addApplicationFont(str(path))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        return None  # the file is missing or unreadable: nothing better to offer than the boxes
    font = app.font()
    chain = [f for f in font.families() or [font.family()] if f not in families]
    font.setFamilies([*chain, families[0]])
    app.setFont(font)
    return families[0]
