"""First start of a production database: nobody can sign in yet, so the first administrator is
created here (and, on a database without any command centre, the centre they belong to)."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QWidget

from ...db import Database
from ...gui.tasks import TaskRunner
from ...services.audit import this_os_user, this_workstation
from ...services.auth import Principal
from ...services.signin import create_first_admin
from .form import CheckedForm, password_field


class FirstAdminDialog(CheckedForm):
    """Asks for the first administrator's account; after Accepted, `principal` is that admin,
    signed in. `centre_name` is the existing root centre's name, None when there is none yet
    (then its name is asked for too)."""

    def __init__(self, db: Database, runner: TaskRunner, centre_name: str | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(runner, parent)
        self.setObjectName("firstAdminDialog")
        self.db = db
        self.principal: Principal | None = None
        self.centre_edit = QLineEdit(centre_name or "", objectName="firstAdminCentre")
        self.centre_edit.setReadOnly(centre_name is not None)
        self.user_edit = QLineEdit("admin", objectName="firstAdminUser")
        self.name_edit = QLineEdit(objectName="firstAdminName")
        self.password_edit = password_field("firstAdminPassword")
        self.repeat_edit = password_field("firstAdminRepeat")
        for edit in (self.centre_edit, self.user_edit, self.name_edit, self.password_edit, self.repeat_edit):
            self.add_field(edit)
        self.intro.setVisible(True)
        (self.name_edit if centre_name else self.centre_edit).setFocus()
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("First start — Grid Command Centre"))
        self.intro.setText(self.tr(
            "Nobody can sign in to this database yet ({db}). Create its first administrator: the account "
            "that adds the other users."
        ).format(db=self.db.display_name))
        for edit, text in ((self.centre_edit, self.tr("&Command centre:")), (self.user_edit, self.tr("&User name:")),
                           (self.name_edit, self.tr("&Full name:")), (self.password_edit, self.tr("&Password:")),
                           (self.repeat_edit, self.tr("&Repeat password:"))):
            self.labels[edit].setText(text)
        self.ok_button.setText(self.tr("Create and sign in"))

    def submit(self) -> None:
        if self.password_edit.text() != self.repeat_edit.text():
            self.show_problem(self.tr("The two passwords differ."))
            self.repeat_edit.clear()
            self.repeat_edit.setFocus()
            return
        db = self.db
        username, name, password = self.user_edit.text(), self.name_edit.text(), self.password_edit.text()
        centre = self.centre_edit.text()
        self.run_check(lambda: create_first_admin(db, username, name, password, centre_name=centre,
                                                  workstation=this_workstation(), os_user=this_os_user()),
                       self._created)

    def _created(self, principal: Principal) -> None:
        self.principal = principal
        self.accept()
