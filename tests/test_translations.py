"""The Simplified Chinese catalogue: every string translated, placeholders intact, domain terms as the
glossary has them, the committed .qm compiled from the .ts, and no string in the code missing from it.

Refresh after changing strings: `make translations` (scripts/translations.py update), then translate
what it lists as unfinished in Qt Linguist or with `scripts/translations.py set FILE.tsv`.
"""

from __future__ import annotations

import ast
import importlib.util
import re
import shutil
import string
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest

from commandcenter import i18n

ROOT = Path(__file__).resolve().parent.parent
REFRESH = "make translations"


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("translations", ROOT / "scripts" / "translations.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


tool = _tool()
TS: Path = tool.TS


ACCELERATOR = re.compile(r"&(?!&)(\w)")
FILE_FILTER = re.compile(r"\(\*[^)]*\)")
TAG = re.compile(r"</?[a-zA-Z][^>]*>")


def _messages(path: Path = TS) -> list[tuple[str, str, str]]:
    return [(c, tool.source_of(m), tool.text_of(m)) for c, m in tool.messages(tool.read_ts(path))]


def _problems(kind: str) -> list[str]:
    return [p for p in tool.problems(tool.read_ts()) if p.startswith(kind)]


def test_catalogue_is_zh_cn_and_lists_every_string() -> None:
    assert tool.read_ts().get("language") == "zh_CN"
    assert TS.read_text(encoding="utf-8").startswith('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
    assert len(_messages()) > 800


def test_no_unfinished_or_empty_translation() -> None:
    assert not _problems("unfinished"), f"run {REFRESH} and translate:\n" + "\n".join(_problems("unfinished"))


def test_placeholders_match_both_ways() -> None:
    assert not _problems("placeholders"), "\n".join(_problems("placeholders"))


def test_translations_use_the_glossary_terms() -> None:
    assert not _problems("glossary"), "\n".join(_problems("glossary"))


def test_glossary_terms_match_whole_words_longest_first() -> None:
    terms = tool.glossary()
    assert tool.missing_terms("Sign in as {case}", "以 {case} 登录", terms) == []
    assert tool.missing_terms("Sign the handover", "交接班签名", terms) == ["Sign = 签字"]
    assert tool.missing_terms("Showcase", "展示", terms) == []
    assert tool.missing_terms("On-time closure rate", "准时结案率", terms) == ["On-time closure rate = 按期结案率"]


def test_translations_still_format_like_their_source() -> None:
    """A stray or full-width brace would make .format() raise where the English works."""
    bad = []
    for context, source, text in _messages():
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
    for context, source, text in _messages():
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
    fresh = tmp_path / "fresh.qm"
    tool.lrelease(TS, fresh)
    assert fresh.read_bytes() == tool.QM.read_bytes(), f"{tool.QM.name} is stale: run {REFRESH}"


def test_lupdate_finds_no_new_or_removed_string(tmp_path: Path) -> None:
    """The check that keeps the catalogue current: a string added or changed in the code shows up here."""
    copy = tmp_path / TS.name
    shutil.copyfile(TS, copy)
    tool.lupdate(copy)
    before = {(c, s) for c, s, _t in _messages()}
    after = {(c, s) for c, s, _t in _messages(copy)}
    assert not after - before, f"strings not in the catalogue (run {REFRESH}):\n" + "\n".join(map(str, sorted(after - before)))
    assert not before - after, f"strings no longer in the code (run {REFRESH}):\n" + "\n".join(map(str, sorted(before - after)))


def _name(call: ast.Call) -> str:
    return call.func.attr if isinstance(call.func, ast.Attribute) else getattr(call.func, "id", "")


def _unread_strings(tree: ast.AST) -> list[int]:
    """Lines of translated literals lupdate does not read: `translate(context, text, lang)` with a
    non-literal third argument (taken for a disambiguation), a call inside an f-string, and a literal
    passed to a local wrapper such as `def t(text): return translate("cli", text)`."""
    wrappers = {node.name for node in ast.walk(tree) if isinstance(node, ast.FunctionDef)
                and any(isinstance(c, ast.Call) and _name(c) == "translate" and len(c.args) == 2
                        and isinstance(c.args[1], ast.Name) and c.args[1].id in {a.arg for a in node.args.args}
                        for c in ast.walk(node))}
    lines = []
    for node in ast.walk(tree):
        calls = [c for c in ast.walk(node) if isinstance(c, ast.Call)] if isinstance(node, ast.JoinedStr) else []
        lines += [c.lineno for c in calls if _name(c) in ("translate", "tr", "N")]
        if not isinstance(node, ast.Call):
            continue
        literal = [isinstance(a, ast.Constant) and isinstance(a.value, str) for a in node.args]
        if _name(node) == "translate" and literal[:2] == [True, True] and (not all(literal[2:]) or node.keywords):
            lines.append(node.lineno)
        if _name(node) in wrappers and literal[:1] == [True]:
            lines.append(node.lineno)
    return lines


def test_every_translated_literal_is_one_lupdate_reads() -> None:
    unread = [f"{path.relative_to(ROOT)}:{line}" for path in sorted((ROOT / "commandcenter").rglob("*.py"))
              for line in _unread_strings(ast.parse(path.read_text(encoding="utf-8")))]
    assert not unread, "strings lupdate cannot see, so they stay English:\n" + "\n".join(unread)


def test_the_unread_string_finder_finds_each_kind() -> None:
    code = """
def t(text):
    return translate("cli", text)
a = translate("errors", "Wrong password.", lang)
b = f"[{translate('cli', 'Preparing…')}]"
c = t("reconnected")
d = translate("cli", "fine") + translate("cli", "fine", "disambiguation") + t(template)
"""
    assert sorted(_unread_strings(ast.parse(code))) == [4, 5, 6]


def test_tool_writes_the_ts_as_lupdate_does(tmp_path: Path) -> None:
    """`set` rewrites the file; a byte-identical round trip keeps its diffs to the changed lines."""
    copy = tmp_path / TS.name
    tool.write_ts(tool.read_ts(), copy)
    assert copy.read_bytes() == TS.read_bytes()


def test_set_applies_rows_by_context_and_source(tmp_path: Path) -> None:
    root = ET.fromstring(
        "<TS><context><name>A</name>"
        "<message><source>Open</source><translation>打开</translation></message>"
        "<message><source>Moved</source><translation type='unfinished'></translation></message>"
        "</context><context><name>B</name>"
        "<message><source>Open</source><translation>在办</translation></message>"
        "</context></TS>"
    )
    leftovers = tool.apply(root, [("B", "Open", "在办案件"), ("Old", "Moved", "已移动"), ("C", "Gone", "无")])
    assert [(c, tool.source_of(m), tool.text_of(m), tool.is_unfinished(m)) for c, m in tool.messages(root)] == [
        ("A", "Open", "打开", False), ("A", "Moved", "已移动", False), ("B", "Open", "在办案件", False)]
    assert len(leftovers) == 1 and "'Gone'" in leftovers[0]

    tsv = tmp_path / "zh.tsv"
    tsv.write_text("ctx\tline one\\nline two\t第一行\\n第二行\nnot a row\n", encoding="utf-8")
    assert tool.read_tsv(tsv) == [("ctx", "line one\nline two", "第一行\n第二行")]


def test_make_translations_runs_the_tool() -> None:
    recipe = (ROOT / "Makefile").read_text(encoding="utf-8").split("\ntranslations:", 1)[1].split("\n\n", 1)[0]
    assert "scripts/translations.py update" in recipe


@pytest.mark.parametrize(("context", "source", "chinese"), [
    ("status", "Closed", "已结案"),
    ("status", "Reported", "待立案"),
    ("action", "Verify and close", "核查结案"),
    ("screens", "Case wall", "案件墙"),
    ("wall", "Case", "案件编号"),
    ("WallFilterBar", "To dispatch", "待派遣"),
    ("WallFilterBar", "Open", "在办"),
    ("BriefingView", "Open", "打开"),
])
def test_translate_gives_the_chinese(context: str, source: str, chinese: str) -> None:
    assert i18n.translate(context, source, "zh_CN") == chinese
    assert i18n.translate(context, source, "en") == source


def test_window_title_names_the_grid() -> None:
    title = i18n.translate("MainWindow", "Grid Command Centre — {centre} — {db}{demo}", "zh_CN")
    assert "网格" in title
    assert title.format(centre="C", db="d", demo="") != "Grid Command Centre — C — d"
