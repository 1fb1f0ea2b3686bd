"""Application start-up: open the database, sign the user in, build the main window.

`create_main_window(database, username)` is also the automation contract: tests and scripts
get a fully working window signed in as that user, without any dialog.
"""

from __future__ import annotations

import importlib
import logging
import pkgutil
import sys
from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QThreadPool
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QProgressDialog

from . import views
from .db import Database, audit_anchor_path, open_database
from .errors import SignInNotAllowed
from .gui import settings, translator
from .gui.context import AppContext
from .gui.feed import ChangeFeed
from .gui.fonts import ensure_cjk_font
from .gui.screens import ScreenSpec
from .gui.tasks import QUIT_WAIT_MS, TaskRunner
from .labels import describe_error
from .paths import default_database
from .services.auth import Principal, demo_principal
from .services.demo_reset import save_demo_snapshot
from .services.signin import first_centre_name, is_demo, needs_first_admin
from .views.main_window import MainWindow
from .views.signin import FirstAdminDialog, LoginDialog

log = logging.getLogger(__name__)


def discover_screens() -> list[ScreenSpec]:
    specs = []
    for info in pkgutil.iter_modules(views.__path__):
        module = importlib.import_module(f"{views.__name__}.{info.name}")
        spec = getattr(module, "SCREEN", None)
        if isinstance(spec, ScreenSpec):
            specs.append(spec)
    return sorted(specs, key=lambda s: s.order)


def ensure_application() -> QApplication:
    app = QApplication.instance()
    if app is None:
        QCoreApplication.setOrganizationName("GridCommandCentre")
        QCoreApplication.setApplicationName("commandcenter")
        app = QApplication(sys.argv[:1])
        ensure_cjk_font(app)  # Chinese glyphs even where the system has no CJK font
    assert isinstance(app, QApplication)
    return app


def build_window(db: Database, username: str, runner: TaskRunner | None = None,
                 principal: Principal | None = None) -> MainWindow:
    """The main window for `principal` (signed in by the login dialog), or for `username`
    without a password (the automation entry and `--user` on a demo database)."""
    principal = principal or demo_principal(db, username)
    runner = runner or TaskRunner()
    feed = ChangeFeed(db, runner)
    ctx = AppContext(db=db, principal=principal, runner=runner, feed=feed)
    window = MainWindow(ctx)
    feed.setParent(window)
    runner.setParent(window)
    for spec in discover_screens():
        if spec.available(ctx):
            # built when first needed, so the first screen paints before the others load
            window.add_screen(spec.key, partial(spec.factory, ctx), spec.title, spec.icon, spec.shortcut)
    window.destroyed.connect(lambda *_: db.dispose())
    feed.start()
    return window


def create_main_window(database: str, username: str, upgrade: bool = False) -> QMainWindow:
    """The main window on `database`, signed in as `username` (no dialog). Needs a QApplication.

    With `upgrade` an older schema is brought to the current one first (the personal demo
    database); shared databases are upgraded deliberately with `commandcenter db upgrade`.
    """
    ensure_application()
    db = open_database(database, create=upgrade)
    try:
        return build_window(db, username)
    except BaseException:
        db.dispose()
        raise


def _create_demo(path: Path) -> None:
    """First start: build the small demo city with progress shown, off the GUI thread."""
    from .demo_labels import demo_progress_text
    from .simulator.demo import DemoProgress, generate_demo

    dialog = QProgressDialog(
        QCoreApplication.translate("startup", "Creating the demo city (first start)…"), "", 0, 100
    )
    dialog.setCancelButton(None)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(0)
    dialog.show()
    loop = QEventLoop()
    outcome: dict[str, object] = {}
    tmp = path.with_suffix(".creating")
    for leftover in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
        leftover.unlink(missing_ok=True)

    def work(state):  # type: ignore[no-untyped-def]
        def worded(p: DemoProgress) -> None:  # the service reports codes; the words are ours
            state.progress(demo_progress_text(p.step, p.days_done, p.days), p.fraction)

        db = open_database(tmp, create=True)
        try:
            return generate_demo(db, scale="small", days=30, seed=1, progress=worded, plant_warnings=True)
        finally:
            db.dispose()

    def progressed(text: str, fraction: float) -> None:
        dialog.setLabelText(text)
        dialog.setValue(int(fraction * 100))

    runner = TaskRunner()
    runner.run_in_background(
        work,
        on_done=lambda r: (outcome.__setitem__("ok", r), loop.quit()),
        on_error=lambda e: (outcome.__setitem__("error", e), loop.quit()),
        on_progress=progressed,
    )
    loop.exec()
    dialog.close()
    dialog.deleteLater()  # the task's progress connection keeps the wrapper alive
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    tmp.rename(path)
    audit_anchor_path(tmp).rename(audit_anchor_path(path))  # the audit chain's anchor follows its database
    save_demo_snapshot(path)  # what the drill screen's reset restores


def ask_who_signs_in(db: Database, username: str = "") -> Principal | None:
    """The login dialog, or on a production database nobody can sign in to yet the first
    administrator's; None when the person cancels."""
    runner = TaskRunner()
    if needs_first_admin(db):
        dialog: LoginDialog | FirstAdminDialog = FirstAdminDialog(db, runner, first_centre_name(db))
    else:
        dialog = LoginDialog(db, runner, username)
    try:
        dialog.exec()
        return dialog.principal
    finally:
        runner.shutdown()
        dialog.deleteLater()


def run_gui(database: str | None, username: str | None, lang: str | None = None) -> int:
    """The desktop application: sign in, the main window, and the login again after a sign-out.

    `username` (`--user`) skips the password on a demo database only; a production database
    refuses it with SignInNotAllowed before any window opens (the CLI prints one line).
    """
    app = ensure_application()
    translator.install(translator.choose_language(lang, settings.LANGUAGE.get()))
    try:
        own_demo = database is None
        if database is None:
            path = default_database()
            if not path.exists():
                log.info("creating the demo database at %s", path)
                _create_demo(path)
            database = str(path)
        db = open_database(database, create=own_demo)
        demo = is_demo(db)
    except Exception as exc:
        log.exception("cannot open %s", database)
        QMessageBox.critical(None, QCoreApplication.translate("startup", "Grid Command Centre"), describe_error(exc))
        return 2
    if username and not demo:
        db.dispose()
        raise SignInNotAllowed("needs_password")
    code = 0
    while True:
        try:
            principal = demo_principal(db, username) if username else ask_who_signs_in(db, "operator" if demo else "")
        except Exception:  # an unknown --user: the one line is the CLI's; the connections close now
            db.dispose()
            raise
        if principal is None:
            db.dispose()
            return code
        window = build_window(db, principal.username, principal=principal)
        window.restore_state()
        window.show()
        code = app.exec()
        # the window's close cancelled its tasks; one may still be inside a query: let it end
        # before the interpreter tears down the objects it would report through
        if not QThreadPool.globalInstance().waitForDone(QUIT_WAIT_MS):
            log.warning("background tasks still running at exit")
        if not window.signed_out:
            return code
        username = None
        window.deleteLater()
