"""The Simplified Chinese catalogue: every string translated, placeholders intact, the committed .qm
compiled from the .ts, and no string in the code that lupdate would add as new.

Refresh after changing strings: `.venv/bin/python scripts/fill_translations.py` (lupdate, fill from its
dictionary, lrelease); it names every string it has no translation for.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import string
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest

from commandcenter import i18n

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "commandcenter_zh_CN.ts"
QM = TS.with_suffix(".qm")
REFRESH = ".venv/bin/python scripts/fill_translations.py"

# a str.format field: {name}, {name!r}, {name:.6f}; not the literal braces of {"positions": [...]}
PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*(?:![rsa])?(?::[^{}]*)?\}|%n")
ACCELERATOR = re.compile(r"&(?!&)(\w)")
FILE_FILTER = re.compile(r"\(\*[^)]*\)")
TAG = re.compile(r"</?[a-zA-Z][^>]*>")


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("fill_translations", ROOT / "scripts" / "fill_translations.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


fill = _script()


def _messages(path: Path = TS) -> list[tuple[str, str, str, ET.Element]]:
    root = fill.read_ts(path)
    return [(c, m.findtext("source") or "", fill.translation_text(m), m) for c, m in fill.messages(root)]


def _tool(name: str) -> Path:
    tool = fill.qt_tool(name)
    if tool is None:
        pytest.skip(f"pyside6-{name} not found next to {sys.executable} nor in the PySide6 package")
    return tool


def test_catalogue_is_zh_cn_and_lists_every_string() -> None:
    root = fill.read_ts(TS)
    assert root.get("language") == "zh_CN"
    assert TS.read_text(encoding="utf-8").startswith('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
    assert len(_messages()) > 700


def test_no_unfinished_or_empty_translation() -> None:
    bad = [f"[{c}] {s!r}" for c, s, t, m in _messages() if fill.is_unfinished(m) or not t.strip()]
    assert not bad, f"untranslated (run {REFRESH}):\n" + "\n".join(bad)


def test_no_obsolete_messages_are_kept() -> None:
    root = fill.read_ts(TS)
    kinds = {t.get("type") for t in root.iter("translation")}
    assert not kinds & {"vanished", "obsolete"}


def test_placeholders_match_both_ways() -> None:
    bad = []
    for context, source, text, _m in _messages():
        if Counter(PLACEHOLDER.findall(source)) != Counter(PLACEHOLDER.findall(text)):
            bad.append(f"[{context}] {source!r} -> {text!r}")
    assert not bad, "placeholders differ:\n" + "\n".join(bad)


def test_translations_still_format_like_their_source() -> None:
    """A stray or full-width brace would make .format() raise where the English works."""
    bad = []
    for context, source, text, _m in _messages():
        try:
            fields = sorted((f, c, s) for _, f, s, c in string.Formatter().parse(source) if f is not None)
        except ValueError:
            continue  # not a format string
        try:
            got = sorted((f, c, s) for _, f, s, c in string.Formatter().parse(text) if f is not None)
        except ValueError as exc:
            bad.append(f"[{context}] {text!r}: {exc}")
            continue
        if got != fields:
            bad.append(f"[{context}] {source!r} -> {text!r}")
    assert not bad, "\n".join(bad)


def test_accelerators_tags_file_filters_and_edges_are_kept() -> None:
    bad = []
    for context, source, text, _m in _messages():
        keys = ACCELERATOR.findall(source)
        if keys and [k.upper() for k in ACCELERATOR.findall(text)] != [k.upper() for k in keys]:
            bad.append(f"accelerator [{context}] {source!r} -> {text!r}")
        if sorted(TAG.findall(source)) != sorted(TAG.findall(text)):
            bad.append(f"HTML tags [{context}] {source!r} -> {text!r}")
        if FILE_FILTER.findall(source) != FILE_FILTER.findall(text):  # Qt parses "(*.ext)" in ASCII
            bad.append(f"file filter [{context}] {source!r} -> {text!r}")
        if source.count("\n") != text.count("\n"):
            bad.append(f"line breaks [{context}] {source!r} -> {text!r}")
        # a leading space joins the text to what precedes it; a full-width bracket needs none
        if source[:1] == " " and text[:1] != " " and text[:1] not in "（【":
            bad.append(f"leading space [{context}] {source!r} -> {text!r}")
    assert not bad, "\n".join(bad)


def test_committed_qm_is_compiled_from_the_ts(tmp_path: Path) -> None:
    lrelease = _tool("lrelease")
    out = tmp_path / "fresh.qm"
    subprocess.run([str(lrelease), str(TS), "-qm", str(out)], check=True, capture_output=True)
    assert QM.is_file(), f"{QM.name} is missing: run {REFRESH}"
    assert out.read_bytes() == QM.read_bytes(), f"{QM.name} is stale: run {REFRESH}"


def test_lupdate_finds_no_new_string(tmp_path: Path) -> None:
    """The check that keeps the catalogue current: a string added or changed in the code shows up here."""
    lupdate = _tool("lupdate")
    copy = tmp_path / TS.name
    shutil.copyfile(TS, copy)
    fill.lupdate(copy, lupdate)
    new = [f"[{c}] {s!r}" for c, s, _t, m in _messages(copy) if fill.is_unfinished(m)]
    assert not new, f"strings not in the catalogue (run {REFRESH}):\n" + "\n".join(new)


def test_make_translations_sees_the_n_alias() -> None:
    recipe = (ROOT / "Makefile").read_text(encoding="utf-8").split("\ntranslations:", 1)[1].split("\n\n", 1)[0]
    assert "QT_TRANSLATE_NOOP+=N" in recipe or "fill_translations.py" in recipe


@pytest.mark.parametrize(("context", "source", "chinese"), [
    ("status", "Closed", "已结案"),
    ("status", "Reported", "待立案"),
    ("action", "Verify and close", "核查结案"),
    ("screens", "Case wall", "案件墙"),
    ("wall", "Case", "案件编号"),
    ("WallView", "To dispatch", "待派遣"),
])
def test_translate_gives_the_chinese(context: str, source: str, chinese: str) -> None:
    assert i18n.translate(context, source, "zh_CN") == chinese
    assert i18n.translate(context, source, "en") == source


def test_window_title_names_the_grid() -> None:
    title = i18n.translate("MainWindow", "Grid Command Centre — {centre} — {db}{demo}", "zh_CN")
    assert "网格" in title
    assert title.format(centre="C", db="d", demo="") != "Grid Command Centre — C — d"
