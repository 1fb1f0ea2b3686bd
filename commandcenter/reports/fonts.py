"""The one CJK TrueType font every report uses, registered with ReportLab once per process.

ReportLab's built-in CID fonts (STSong-Light …) are not embedded and show blank in viewers
without Adobe's language packs, so reports embed a subset of a real TrueType font instead:
WenQuanYi Micro Hei, bundled under `resources/fonts/` (Apache-2.0, licence beside it). Its
Latin glyphs come from Droid Sans, so one font serves English and Chinese pages alike.

If the bundled file is missing (a trimmed install), a few well-known system fonts with
TrueType outlines are tried; `COMMANDCENTER_CJK_FONT=/path/font.ttc[:index]` overrides both.
CFF-flavoured OpenType fonts (Noto Sans CJK .otf) cannot be embedded by ReportLab and are not
candidates.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from ..errors import CommandCentreError

FONTS_DIR = Path(__file__).resolve().parent.parent.parent / "resources" / "fonts"
BUNDLED = FONTS_DIR / "wqy-microhei.ttc"
FONT_NAME = "GCC-CJK"  # the name reports use in styles; the face inside is whatever resolved
ENV_OVERRIDE = "COMMANDCENTER_CJK_FONT"

SYSTEM_CANDIDATES: tuple[tuple[str, int], ...] = (
    ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0),
    ("/usr/share/fonts/wqy-microhei/wqy-microhei.ttc", 0),
    ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),
    ("/usr/share/fonts/truetype/arphic/uming.ttc", 0),
    ("C:/Windows/Fonts/msyh.ttc", 0),
    ("C:/Windows/Fonts/simhei.ttf", 0),
    ("C:/Windows/Fonts/simsun.ttc", 0),
    ("/System/Library/Fonts/STHeiti Medium.ttc", 0),
    ("/Library/Fonts/Arial Unicode.ttf", 0),
)


class FontMissing(CommandCentreError):
    """No TrueType font with Chinese glyphs could be found or loaded."""

    code = "font_missing"

    def __init__(self, tried: list[str]) -> None:
        super().__init__(
            "no Chinese TrueType font found for PDF reports (tried: "
            + ", ".join(tried)
            + f"); reinstall the application or set {ENV_OVERRIDE}=/path/to/font.ttf",
            tried=tried,
        )
        self.tried = tried


@dataclass(frozen=True)
class ReportFont:
    name: str  # the ReportLab font name to use in styles and canvases
    path: str
    subfont_index: int


_lock = threading.Lock()
_registered: ReportFont | None = None


def _candidates() -> list[tuple[str, int]]:
    found: list[tuple[str, int]] = []
    override = os.environ.get(ENV_OVERRIDE)
    if override:
        path, _, index = override.rpartition(":")
        if not index.isdigit():  # no ":N" suffix (or a Windows drive letter)
            path, index = override, "0"
        found.append((path, int(index)))
    found.append((str(BUNDLED), 0))
    found.extend(SYSTEM_CANDIDATES)
    return found


def cjk_font() -> ReportFont:
    """Register the CJK font once (thread-safe) and return its ReportLab name.

    Raises FontMissing with every place looked at when none loads.
    """
    global _registered
    with _lock:
        if _registered is not None:
            return _registered
        tried: list[str] = []
        for path, index in _candidates():
            if not Path(path).is_file():
                tried.append(path)
                continue
            try:
                font = TTFont(FONT_NAME, path, subfontIndex=index)
            except (TTFError, OSError) as exc:
                tried.append(f"{path} ({exc})")
                continue
            if ord("中") not in font.face.charToGlyph:
                tried.append(f"{path} (no Chinese glyphs)")
                continue
            pdfmetrics.registerFont(font)
            # one face for every style: <b> and <i> in paragraphs must not fall back to Helvetica
            for bold in (0, 1):
                for italic in (0, 1):
                    addMapping(FONT_NAME, bold, italic, FONT_NAME)
            _registered = ReportFont(FONT_NAME, path, index)
            return _registered
        raise FontMissing(tried)
