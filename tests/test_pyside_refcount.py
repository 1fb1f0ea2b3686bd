"""Regression test for the PySide6 reference-count corruption that made us pin 6.11.3.

PySide6 6.12.0 on CPython 3.11 drops a reference to ``True``/``None`` on every
``Signal.emit()`` and every call of a void Qt method; after a few thousand calls
the interpreter aborts with ``Fatal Python error: bool_dealloc``. The calls run
in a subprocess so that such an abort fails this test instead of killing the
test run. (On CPython 3.12+ ``True`` and ``None`` are immortal, so the counts
cannot move and the check passes trivially.)
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest

CALLS = 10_000
# Interpreter noise (caches, frames) moves a count by a few at most; the bug moves
# it by about one per call.
TOLERANCE = 5

SCRIPT = textwrap.dedent(
    """
    import json
    import sys

    import PySide6
    from PySide6.QtCore import QCoreApplication, QObject, Signal

    CALLS = int(sys.argv[1])


    class Emitter(QObject):
        pinged = Signal()
        toggled = Signal(bool)

        def __init__(self):
            super().__init__()
            self.received = 0
            self.pinged.connect(self.on_pinged)
            self.toggled.connect(self.on_toggled)

        def on_pinged(self):
            self.received += 1

        def on_toggled(self, value):
            self.received += 1


    # Printed first so the version shows even when the loop aborts the process.
    print(f"PySide6 {PySide6.__version__} on Python {sys.version.split()[0]}", flush=True)
    app = QCoreApplication([])
    obj = Emitter()
    # Warm up once so first-call caches are not counted as a change.
    obj.pinged.emit()
    obj.toggled.emit(True)
    obj.setObjectName("x")
    obj.blockSignals(False)

    before = {"True": sys.getrefcount(True), "None": sys.getrefcount(None)}
    for _ in range(CALLS):
        obj.pinged.emit()
        obj.toggled.emit(True)
        obj.setObjectName("x")  # void Qt method: returns None
        obj.blockSignals(False)  # returns a bool
    after = {"True": sys.getrefcount(True), "None": sys.getrefcount(None)}

    print(json.dumps({"received": obj.received, "before": before, "after": after}))
    """
)


@pytest.mark.timeout(120)
def test_signal_emit_and_void_calls_keep_refcounts() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(CALLS)],
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=90,
    )
    assert proc.returncode == 0, (
        f"the PySide6 subprocess exited {proc.returncode} (an abort such as "
        f"'Fatal Python error: bool_dealloc' is the known 6.12.0 bug)\n"
        f"stdout:\n{proc.stdout}\nstderr:\n{proc.stderr}"
    )
    version, result_line = proc.stdout.strip().splitlines()[-2:]
    result = json.loads(result_line)
    context = f"{version}: {result}"
    assert result["received"] == 2 * (CALLS + 1), context
    for name in ("True", "None"):
        drift = result["after"][name] - result["before"][name]
        assert abs(drift) <= TOLERANCE, f"refcount of {name} moved by {drift}; {context}"
