"""User → Change password…: the signed-in person changes their own password (the old one is
checked like a sign-in, so an unattended seat cannot take the account over)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ...gui.context import AppContext
from ...services.signin import MIN_PASSWORD_LENGTH
from .form import CheckedForm, password_field


class ChangePasswordDialog(CheckedForm):
    """The old password, the new one twice; accepted once the new one is stored."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx.runner, parent)
        self.setObjectName("changePasswordDialog")
        self.ctx = ctx
        self.old_edit = password_field("oldPassword")
        self.new_edit = password_field("newPassword")
        self.repeat_edit = password_field("repeatPassword")
        for edit in (self.old_edit, self.new_edit, self.repeat_edit):
            self.add_field(edit)
        self.intro.setVisible(True)
        self.old_edit.setFocus()
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Change password"))
        self.intro.setText(self.tr("{name}: at least {n} characters.").format(
            name=self.ctx.principal.display_name, n=MIN_PASSWORD_LENGTH))
        for edit, text in ((self.old_edit, self.tr("&Current password:")), (self.new_edit, self.tr("&New password:")),
                           (self.repeat_edit, self.tr("&Repeat new password:"))):
            self.labels[edit].setText(text)

    def submit(self) -> None:
        if self.new_edit.text() != self.repeat_edit.text():
            self.show_problem(self.tr("The two new passwords differ."))
            self.repeat_edit.clear()
            self.repeat_edit.setFocus()
            return
        accounts, principal = self.ctx.accounts, self.ctx.principal
        old, new = self.old_edit.text(), self.new_edit.text()
        self.run_check(lambda: accounts.change_password(principal, old, new), lambda _none: self.accept())

    def refused(self, exc: BaseException) -> None:
        super().refused(exc)
        self.old_edit.clear()
        self.old_edit.setFocus()
