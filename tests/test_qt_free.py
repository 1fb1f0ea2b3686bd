"""The data side runs without Qt: importing it loads no PySide6 (import-linter checks the import
graph; this checks what Python actually loads, including imports made while modules execute)."""

from __future__ import annotations

import subprocess
import sys

DATA_SIDE = ["commandcenter.api", "commandcenter.labels", "commandcenter.dispatch_labels", "commandcenter.map_labels",
             "commandcenter.reports.briefing", "commandcenter.reports.handover_pdf", "commandcenter.services.dispatch",
             "commandcenter.services.map_data", "commandcenter.services.imports", "commandcenter.services.briefings",
             "commandcenter.interchange.server", "commandcenter.interchange.files"]


def test_importing_the_data_side_and_translating_loads_no_qt() -> None:
    code = (f"import sys, importlib\nfor name in {DATA_SIDE!r}: importlib.import_module(name)\n"
            "from commandcenter import i18n\nassert i18n.translate('status', 'Closed', 'zh_CN') != 'Closed'\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'pyqtgraph', 'qtawesome')))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
