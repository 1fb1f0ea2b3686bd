"""The Qt-free catalogue reader gives what Qt's compiled catalogue gives, for every message.

The CLI and the PDF reports translate through `commandcenter.i18n` (reading the `.ts` in pure
Python) while the widgets translate through the `.qm`: a difference would word the same thing
two ways, or change a report's text.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QTranslator

from commandcenter import i18n
from commandcenter.i18n.catalogue import Catalogue


@pytest.mark.parametrize("lang", [lang for lang in i18n.LANGUAGES if lang != i18n.DEFAULT_LANGUAGE])
def test_every_message_reads_as_the_compiled_catalogue_gives_it(lang: str) -> None:
    ts = i18n.TRANSLATIONS / f"commandcenter_{lang}.ts"
    compiled = QTranslator()
    assert compiled.load(str(ts.with_suffix(".qm")))
    messages = [(context.findtext("name") or "", message.findtext("source") or "")
                for context in ET.parse(ts).getroot().iter("context") for message in context.iter("message")]
    assert len(messages) > 100
    differ = [(context, source) for context, source in messages
              if i18n.translate(context, source, lang) != (compiled.translate(context, source) or source)]
    assert differ == []


def test_untranslated_vanished_and_disambiguated_entries_fall_back_to_the_source(tmp_path) -> None:  # type: ignore[no-untyped-def]
    ts = tmp_path / "x.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?><TS version="2.1" language="zh_CN"><context><name>c</name>'
        '<message><source>Open</source><translation>打开</translation></message>'
        '<message><source>Gone</source><translation type="vanished">没了</translation></message>'
        '<message><source>Empty</source><translation type="unfinished"></translation></message>'
        '<message><source>Both</source><comment>wall</comment><translation>两</translation></message>'
        '<message numerus="yes"><source>%n cases</source><translation><numerusform>%n 件</numerusform>'
        '</translation></message></context></TS>', encoding="utf-8")
    catalogue = Catalogue.read(ts)
    assert catalogue.lookup("c", "Open") == "打开" and catalogue.lookup("other", "Open") is None
    assert [catalogue.lookup("c", text) for text in ("Gone", "Empty", "Both")] == [None, None, None]
    assert catalogue.lookup("c", "%n cases") == "%n 件"
