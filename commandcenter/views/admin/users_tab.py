"""The Users tab (accounts: add, edit, disable or enable, reset a password) and the Roles &
permissions tab (the role x permission matrix, ticked to grant and cleared to revoke)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...admin_labels import permission_label
from ...domain.actions import Action
from ...domain.enums import Role
from ...gui.context import AppContext
from ...itemmodels.admin import PermissionMatrixModel, UserTableModel
from ...labels import role_label
from ...services.admin.users import PERSON_ROLES
from ...shapes.admin import CentreRow, PermissionRow, UserRow
from .base import AdminTab, FormDialog, make_table, open_dialog
from .dialogs import PasswordDialog, UserDialog


class UsersTab(AdminTab):
    """Accounts of every centre; changes need MANAGE_USERS."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "adminUsers", parent)
        self.model = UserTableModel(ctx.principal.timezone, self)
        self.table = make_table("userTable", self.model)
        self.table.setSortingEnabled(True)
        self.centres: list[CentreRow] = []
        self.dialog: FormDialog | None = None
        self.new_button = QPushButton(objectName="newUser")
        self.edit_button = QPushButton(objectName="editUser")
        self.active_button = QPushButton(objectName="toggleUserActive")
        self.password_button = QPushButton(objectName="resetPassword")
        self.new_button.clicked.connect(self.new_user)
        self.edit_button.clicked.connect(self.edit_user)
        self.active_button.clicked.connect(self.toggle_active)
        self.password_button.clicked.connect(self.reset_password)
        self.table.doubleClicked.connect(lambda _i: self.edit_user())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        buttons = QHBoxLayout()
        for b in (self.new_button, self.edit_button, self.active_button, self.password_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        self.retranslate_ui()
        self._update_buttons()

    def retranslate_ui(self) -> None:
        self.model.retranslate()
        self.new_button.setText(self.tr("New user…"))
        self.edit_button.setText(self.tr("Edit…"))
        self.password_button.setText(self.tr("Reset password…"))
        self._update_buttons()

    def selected(self) -> UserRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def select(self, user_id: int) -> None:
        index = self.model.index_of(user_id)
        if index.isValid():
            self.table.selectRow(index.row())

    def _update_buttons(self) -> None:
        user = self.selected()
        for b in (self.edit_button, self.active_button, self.password_button):
            b.setEnabled(user is not None)
        self.active_button.setText(self.tr("Enable") if user is not None and not user.active else self.tr("Disable"))

    def reload(self) -> None:
        users, p = self.ctx.admin.users, self.ctx.principal
        self.run(lambda: (users.rows(p), users.centres(p)), self._loaded)

    def _loaded(self, result: tuple[list[UserRow], list[CentreRow]]) -> None:
        rows, self.centres = result
        if self.loaded:  # another seat's change: rows update in place, the selection stays
            self.model.upsert(rows)
        else:
            self.model.set_rows(rows)
        self.loaded = True
        self._update_buttons()

    def _saved(self, row: UserRow, text: str) -> None:
        self.model.upsert([row])
        if self.dialog is not None:
            self.dialog.accept()
        self.select(row.id)
        self._update_buttons()
        self.say(text)

    def new_user(self) -> None:
        users, p = self.ctx.admin.users, self.ctx.principal
        dialog = self.dialog = UserDialog(PERSON_ROLES, self.centres, parent=self)

        def send(v: dict[str, Any]) -> None:
            self.run(lambda: users.add(p, v["username"], v["display_name"], v["role"], v["centre_id"], v["password"]),
                     lambda row: self._saved(row, self.tr("User {name} added.").format(name=row.username)), dialog)

        open_dialog(dialog, send)

    def edit_user(self) -> None:
        user = self.selected()
        if user is None:
            return
        users, p = self.ctx.admin.users, self.ctx.principal
        dialog = self.dialog = UserDialog(PERSON_ROLES, self.centres, user, parent=self)

        def send(v: dict[str, Any]) -> None:
            self.run(lambda: users.edit(p, user, display_name=v["display_name"], role=v["role"],
                                        centre_id=v["centre_id"]),
                     lambda row: self._saved(row, self.tr("User {name} changed.").format(name=row.username)), dialog)

        open_dialog(dialog, send)

    def reset_password(self) -> None:
        user = self.selected()
        if user is None:
            return
        users, p = self.ctx.admin.users, self.ctx.principal
        dialog = self.dialog = PasswordDialog(user, parent=self)

        def send(v: dict[str, Any]) -> None:
            self.run(lambda: users.reset_password(p, user, v["password"]),
                     lambda row: self._saved(row, self.tr("New password set for {name}.").format(name=row.username)),
                     dialog)

        open_dialog(dialog, send)

    def toggle_active(self) -> None:
        user = self.selected()
        if user is None:
            return
        users, p = self.ctx.admin.users, self.ctx.principal
        active = not user.active
        text = self.tr("User {name} enabled.") if active else self.tr("User {name} disabled: they can no longer "
                                                                      "sign in or act.")
        self.run(lambda: users.set_active(p, user, active), lambda row: self._saved(row, text.format(name=row.username)))


class PermissionsTab(AdminTab):
    """The permission matrix: which role may do what; a change applies from its users' next action."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "adminPermissions", parent)
        self.model = PermissionMatrixModel(PERSON_ROLES, self)
        self.model.change_requested.connect(self.change)
        self.table = make_table("permissionMatrix", self.model)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.model.retranslate()
        self.hint.setText(self.tr("Tick a cell to let a role do something; clear it to take the right away. A change "
                                  "applies from the next action of that role's users."))

    def reload(self) -> None:
        perms, p = self.ctx.admin.permissions, self.ctx.principal
        self.run(lambda: perms.matrix(p), self._loaded)

    def _loaded(self, rows: list[PermissionRow]) -> None:
        if self.loaded:
            self.model.upsert(rows)
        else:
            self.model.set_rows(rows)
        self.loaded = True

    def change(self, role: str, action: str, granted: bool) -> None:
        perms, p = self.ctx.admin.permissions, self.ctx.principal
        r, a = Role(role), Action(action)
        call = perms.grant if granted else perms.revoke
        text = self.tr("{role} may now: {permission}.") if granted else self.tr("{role} may no longer: {permission}.")
        words = text.format(role=role_label(role), permission=permission_label(action))
        self.run(lambda: call(p, r, a), lambda row: self._changed(row, words))

    def _changed(self, row: PermissionRow, text: str) -> None:
        self.model.upsert([row])
        self.say(text)
