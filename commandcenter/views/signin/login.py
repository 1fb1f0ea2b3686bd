"""The login dialog shown before the main window: user name and password, checked by the
sign-in service, a wrong password or a locked account told in words under the fields."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QWidget

from ...db import Database
from ...gui.tasks import TaskRunner
from ...services.audit import this_os_user, this_workstation
from ...services.auth import Principal
from ...services.signin import sign_in
from .form import CheckedForm, password_field


class LoginDialog(CheckedForm):
    """Signs a person in; after `exec()` returns Accepted, `principal` is who signed in.

    `username` pre-fills the user field (the demo database's `operator`), and the password field
    then has the focus.
    """

    def __init__(self, db: Database, runner: TaskRunner, username: str = "", parent: QWidget | None = None) -> None:
        super().__init__(runner, parent)
        self.setObjectName("loginDialog")
        self.db = db
        self.principal: Principal | None = None
        self.user_edit = QLineEdit(username, objectName="signInUser")
        self.password_edit = password_field("signInPassword")
        self.add_field(self.user_edit)
        self.add_field(self.password_edit)
        self.intro.setVisible(True)
        (self.password_edit if username else self.user_edit).setFocus()
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Sign in — Grid Command Centre"))
        self.intro.setText(self.tr("Database: {db}").format(db=self.db.display_name))
        self.labels[self.user_edit].setText(self.tr("&User name:"))
        self.labels[self.password_edit].setText(self.tr("&Password:"))
        self.ok_button.setText(self.tr("Sign in"))

    def submit(self) -> None:
        username, password = self.user_edit.text().strip(), self.password_edit.text()
        if not username:
            self.show_problem(self.tr("Enter your user name."))
            self.user_edit.setFocus()
            return
        db = self.db
        self.run_check(lambda: sign_in(db, username, password, workstation=this_workstation(),
                                       os_user=this_os_user()), self._signed_in)

    def _signed_in(self, principal: Principal) -> None:
        self.principal = principal
        self.accept()

    def refused(self, exc: BaseException) -> None:
        super().refused(exc)
        self.password_edit.clear()
        self.password_edit.setFocus()
