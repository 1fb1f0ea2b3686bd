"""On a machine without any CJK font the interface still shows Chinese glyphs, from the bundled
WenQuanYi Micro Hei: a subprocess whose fontconfig sees only DejaVu Sans renders a Chinese label
before and after `ensure_cjk_font`, and compares it with a rendering of characters no font has
(the box every missing glyph is drawn as)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")

SCRIPT = textwrap.dedent("""
    import json, sys
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QColor
    from PySide6.QtWidgets import QApplication, QLabel
    from commandcenter.gui.fonts import ensure_cjk_font, installed_cjk_families

    app = QApplication([])

    def ink(text):
        label = QLabel(text)
        label.setStyleSheet("background: white; color: black;")
        label.resize(200, 40)
        image = label.grab().toImage()
        pixels = [image.pixelColor(x, y).lightness() < 128
                  for y in range(image.height()) for x in range(image.width())]
        label.deleteLater()
        return pixels

    result = {"system_cjk": installed_cjk_families()}
    chinese, missing = "网格案件", "\\ue000\\ue001\\ue002\\ue003"  # private-use: no font draws them
    result["before_is_boxes"] = ink(chinese) == ink(missing)
    result["added"] = ensure_cjk_font(app)
    after = ink(chinese)
    result["after_is_boxes"] = after == ink(missing)
    result["after_ink"] = sum(after)
    print(json.dumps(result))
""")


@pytest.mark.skipif(not DEJAVU.exists() or shutil.which("fc-list") is None, reason="needs fontconfig and DejaVu Sans")
def test_chinese_shows_glyphs_with_the_bundled_font_only(tmp_path) -> None:  # type: ignore[no-untyped-def]
    fonts = tmp_path / "fonts"
    fonts.mkdir()
    shutil.copy(DEJAVU, fonts)
    conf = tmp_path / "fonts.conf"
    conf.write_text(f'<?xml version="1.0"?><fontconfig><dir>{fonts}</dir>'
                    f'<cachedir>{tmp_path / "cache"}</cachedir></fontconfig>')
    env = {**os.environ, "FONTCONFIG_FILE": str(conf), "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, env=env, timeout=60,
                         cwd=Path(__file__).resolve().parent.parent)
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["system_cjk"] == []           # the system offers no CJK font …
    assert result["before_is_boxes"]            # … so Chinese was drawn as boxes
    assert result["added"] == "WenQuanYi Micro Hei"
    assert not result["after_is_boxes"] and result["after_ink"] > 100  # glyphs now, not boxes


def test_a_system_cjk_font_is_kept(qapp) -> None:  # type: ignore[no-untyped-def]
    from commandcenter.gui.fonts import ensure_cjk_font

    before = qapp.font().families()
    assert ensure_cjk_font(qapp, installed=lambda: ["Some CJK Sans"]) is None
    assert qapp.font().families() == before
