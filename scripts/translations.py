#!/usr/bin/env python3
"""Keep the Simplified Chinese catalogue current. The .ts is the one source of translations.

    .venv/bin/python scripts/translations.py update          # lupdate (new strings come in unfinished), lrelease
    .venv/bin/python scripts/translations.py check           # list what is wrong; exit 1 if anything is
    .venv/bin/python scripts/translations.py set FILE.tsv …  # context<TAB>source<TAB>translation lines into the .ts
    .venv/bin/python scripts/translations.py lrelease        # compile the .qm from the .ts

Translate new strings in Qt Linguist (.venv/bin/pyside6-linguist) or with `set` from a TSV file (in
its columns `\\n` stands for a line break); `check` holds every translation against the glossary
(resources/translations/glossary.tsv: the domain terms, so a case status reads the same everywhere).

lupdate must know `N`, the name the code imports QT_TRANSLATE_NOOP as: without
`-tr-function-alias QT_TRANSLATE_NOOP+=N` it misses every status, priority, role and column label,
and `-no-obsolete` then deletes their translations.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "commandcenter_zh_CN.ts"
QM = TS.with_suffix(".qm")
GLOSSARY = TS.with_name("glossary.tsv")
LUPDATE = ("-extensions", "py", "-no-obsolete", "-tr-function-alias", "QT_TRANSLATE_NOOP+=N")
# a str.format field ({name}, {name!r}, {name:.6f}; not the literal braces of JSON) or Qt's %n
PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*(?:![rsa])?(?::[^{}]*)?\}|%n")


def qt_tool(name: str) -> Path:
    """pyside6-<name> of the Python running this script (the venv's)."""
    tool = Path(sys.executable).parent / f"pyside6-{name}"
    if not tool.is_file():
        sys.exit(f"translations: {tool} not found (run `make venv`)")
    return tool


def lupdate(ts: Path = TS) -> str:
    """Extract the code's strings into `ts`: kept translations stay, new strings are unfinished."""
    cmd = [str(qt_tool("lupdate")), *LUPDATE, "commandcenter", "-ts", str(ts)]
    return subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True, text=True).stdout


def lrelease(ts: Path = TS, qm: Path = QM) -> str:
    cmd = [str(qt_tool("lrelease")), str(ts), "-qm", str(qm)]
    return subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True, text=True).stdout


# ---- the .ts file ----------------------------------------------------------------------------
def read_ts(path: Path = TS) -> ET.Element:
    return ET.parse(path).getroot()


def _escape(text: str) -> str:
    # as lupdate writes it, so lupdate rewriting a file written here changes nothing
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;").replace("'", "&apos;"))


def _serialize(el: ET.Element, out: list[str]) -> None:
    attrs = "".join(f' {k}="{_escape(v)}"' for k, v in el.attrib.items())
    if el.tag == "location" and not len(el) and not el.text:
        out.append(f"<{el.tag}{attrs}/>")
    else:
        out.append(f"<{el.tag}{attrs}>{_escape(el.text or '')}")
        for child in el:
            _serialize(child, out)
        out.append(f"</{el.tag}>")
    out.append(_escape(el.tail or ""))


def write_ts(root: ET.Element, path: Path = TS) -> None:
    out = ['<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n']
    _serialize(root, out)
    path.write_text("".join(out).rstrip("\n") + "\n", encoding="utf-8")


def messages(root: ET.Element) -> Iterator[tuple[str, ET.Element]]:
    """(context name, message element) for every message in the file."""
    for context in root.iter("context"):
        for message in context.findall("message"):
            yield context.findtext("name") or "", message


def source_of(message: ET.Element) -> str:
    return message.findtext("source") or ""


def text_of(message: ET.Element) -> str:
    """The translation ('' when missing); a numerus message's first form (Chinese has one)."""
    translation = message.find("translation")
    if translation is None:
        return ""
    forms = translation.findall("numerusform")
    return (forms[0].text or "") if forms else (translation.text or "")


def is_unfinished(message: ET.Element) -> bool:
    translation = message.find("translation")
    return translation is None or translation.get("type") is not None or not text_of(message).strip()


def translate(message: ET.Element, text: str) -> None:
    translation = message.find("translation")
    if translation is None:
        translation = ET.SubElement(message, "translation")
    translation.attrib.pop("type", None)
    for form in translation.findall("numerusform") or [translation]:
        form.text = text


# ---- commands --------------------------------------------------------------------------------
def glossary(path: Path = GLOSSARY) -> list[tuple[re.Pattern[str], str]]:
    """(the English term as a whole-word pattern, the Chinese term), longest term first."""
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()[1:] if line.strip()]
    rows.sort(key=lambda row: -len(row[0]))
    return [(re.compile(rf"(?<![\w{{-]){re.escape(en)}(?![\w}}-])", re.I), zh) for en, zh, *_ in rows]


def missing_terms(source: str, text: str, terms: list[tuple[re.Pattern[str], str]]) -> list[str]:
    """Glossary terms in `source` whose Chinese `text` lacks. The longest term wins where terms
    overlap, so "sign in" (登录) is not held to "sign" (签字)."""
    taken: set[int] = set()
    missing = []
    for pattern, zh in terms:
        for match in pattern.finditer(source):
            span = set(range(*match.span()))
            if not span & taken:
                taken |= span
                if zh not in text:
                    missing.append(f"{match.group()} = {zh}")
    return missing


def problems(root: ET.Element) -> list[str]:
    """Unfinished messages, placeholders that differ, glossary terms not used."""
    terms = glossary()
    found = []
    for context, message in messages(root):
        source, text = source_of(message), text_of(message)
        where = f"[{context}] {source!r}"
        if is_unfinished(message):  # lupdate may have put a guess from the same source elsewhere in it
            found.append(f"unfinished: {where}" + (f" (suggested: {text!r})" if text.strip() else ""))
            continue
        if Counter(PLACEHOLDER.findall(source)) != Counter(PLACEHOLDER.findall(text)):
            found.append(f"placeholders differ: {where} -> {text!r}")
        for term in missing_terms(source, text, terms):
            found.append(f"glossary ({term}): {where} -> {text!r}")
    return found


def read_tsv(path: Path) -> list[tuple[str, str, str]]:
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        fields = line.split("\t")
        if len(fields) != 3:
            if line.strip():
                print(f"{path}:{number}: not context<TAB>source<TAB>translation, skipped")
            continue
        rows.append(tuple(f.replace("\\n", "\n") for f in fields))  # type: ignore[arg-type]
    return rows


def apply(root: ET.Element, rows: list[tuple[str, str, str]]) -> list[str]:
    """Translate the message each row names; a row whose context no longer has that source goes to
    the one unfinished message with that source, if there is exactly one. Returns what was not applied."""
    by_key = {(c, source_of(m)): m for c, m in messages(root)}
    leftovers = []
    for context, source, text in rows:
        message = by_key.get((context, source))
        if message is None:
            moved = [(c, m) for (c, s), m in by_key.items() if s == source and is_unfinished(m)]
            if len(moved) != 1:
                leftovers.append(f"[{context}] {source!r}: in {len(moved)} unfinished messages, not applied")
                continue
            print(f"[{context}] {source!r}: applied in context {moved[0][0]}")
            message = moved[0][1]
        translate(message, text)
    return leftovers


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("update", help="lupdate the .ts from the code, then lrelease")
    commands.add_parser("check", help="list unfinished messages, placeholder and glossary mismatches")
    set_parser = commands.add_parser("set", help="apply context<TAB>source<TAB>translation files")
    set_parser.add_argument("tsv", nargs="+", type=Path)
    commands.add_parser("lrelease", help="compile the .qm")
    args = parser.parse_args(argv)

    if args.command == "update":
        print(lupdate().strip().splitlines()[-1].strip())
    elif args.command == "set":
        root = read_ts()
        leftovers = apply(root, [row for path in args.tsv for row in read_tsv(path)])
        write_ts(root)
        print("\n".join(f"not applied: {line}" for line in leftovers) or "all rows applied")
    if args.command != "check":
        print(lrelease().strip().splitlines()[-1].strip())
    found = problems(read_ts())
    print("\n".join(found) or "every message translated, placeholders and glossary terms kept")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
