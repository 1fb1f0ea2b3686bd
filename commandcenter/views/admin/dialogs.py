"""The admin screen's edit dialogs: an account, a password, a centre, a category, a time
limit and a calendar day. Each checks what it can before sending (see base.FormDialog)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QLocale
from PySide6.QtWidgets import QComboBox, QDateEdit, QLabel, QLineEdit, QSpinBox, QWidget

from ...admin_labels import category_name, day_kind_label, kind_label, level_label, unit_label
from ...domain.enums import CategoryKind, CentreLevel, Priority, Role, TimeUnit
from ...labels import priority_label, role_label, stage_label
from ...services.admin.categories import MAX_LIMIT_MINUTES
from ...services.admin.holidays import KINDS
from ...services.signin import MIN_PASSWORD_LENGTH
from ...shapes.admin import CategoryRow, CentreRow, TimeLimitRow, UserRow
from .base import FormDialog


def _combo(name: str, items: Sequence[tuple[str, object]], current: object = None) -> QComboBox:
    box = QComboBox(objectName=name)
    for text, data in items:
        box.addItem(text, data)
    if current is not None:
        box.setCurrentIndex(max(0, box.findData(current)))
    return box


class _Labelled(FormDialog):
    """A form whose row labels are retranslated with the dialog."""

    def __init__(self, name: str, parent: QWidget | None) -> None:
        super().__init__(name, parent)
        self.labels: list[QLabel] = []

    def add_row(self, field: QWidget) -> None:
        label = QLabel()
        self.labels.append(label)
        self.form.addRow(label, field)

    def set_labels(self, *texts: str) -> None:
        for label, text in zip(self.labels, texts, strict=True):
            label.setText(text)


class PasswordFields:
    """A password typed twice (never echoed), checked for length and agreement."""

    def __init__(self, dialog: _Labelled) -> None:
        self.first = QLineEdit(objectName="password")
        self.again = QLineEdit(objectName="passwordAgain")
        for edit in (self.first, self.again):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            dialog.add_row(edit)

    def problem(self) -> str | None:
        if len(self.first.text()) < MIN_PASSWORD_LENGTH:
            return QCoreApplication.translate("PasswordFields", "A password needs at least {n} characters.").format(
                n=MIN_PASSWORD_LENGTH)
        if self.first.text() != self.again.text():
            return QCoreApplication.translate("PasswordFields", "The two passwords differ.")
        return None


class UserDialog(_Labelled):
    """A new account (with its first password) or an existing one's name, role and centre."""

    def __init__(self, roles: Sequence[Role], centres: Sequence[CentreRow], user: UserRow | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__("userDialog", parent)
        self.user = user
        self.username = QLineEdit(objectName="username")
        self.username.setMaxLength(40)
        self.display_name = QLineEdit(objectName="displayName")
        self.display_name.setMaxLength(80)
        self.role = _combo("role", [(role_label(r.value), r.value) for r in roles],
                           user.role.value if user else Role.OPERATOR.value)
        self.centre = _combo("centre", [(c.name, c.id) for c in centres], user.centre_id if user else None)
        for field in (self.username, self.display_name, self.role, self.centre):
            self.add_row(field)
        self.password = PasswordFields(self) if user is None else None
        if user is not None:
            self.username.setText(user.username)
            self.username.setReadOnly(True)  # the name in the audit trail stays the one it was
            self.display_name.setText(user.display_name)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Edit user") if self.user else self.tr("New user"))
        texts = [self.tr("User name"), self.tr("Name"), self.tr("Role"), self.tr("Centre")]
        if self.password is not None:
            texts += [self.tr("Password"), self.tr("Password again")]
        self.set_labels(*texts)

    def check(self) -> str | None:
        if not self.username.text().strip():
            return self.tr("Enter a user name.")
        if not self.display_name.text().strip():
            return self.tr("Enter the person's name.")
        if self.centre.currentData() is None:
            return self.tr("Choose a centre.")
        return self.password.problem() if self.password is not None else None

    def values(self) -> dict[str, Any]:
        out = {"display_name": self.display_name.text().strip(), "role": Role(self.role.currentData()),
               "centre_id": int(self.centre.currentData())}
        if self.password is not None:
            out.update(username=self.username.text().strip(), password=self.password.first.text())
        return out


class PasswordDialog(_Labelled):
    """A new password for an account (the user signs in with it; a lockout is lifted)."""

    def __init__(self, user: UserRow, parent: QWidget | None = None) -> None:
        super().__init__("passwordDialog", parent)
        self.user = user
        self.password = PasswordFields(self)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("New password for {user}").format(user=self.user.username))
        self.set_labels(self.tr("Password"), self.tr("Password again"))

    def check(self) -> str | None:
        return self.password.problem()

    def values(self) -> dict[str, Any]:
        return {"password": self.password.first.text()}


class CentreDialog(_Labelled):
    """A new centre or an existing one's name (what its briefings show), level, parent and zone."""

    def __init__(self, centres: Sequence[CentreRow], centre: CentreRow | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__("centreDialog", parent)
        self.centre = centre
        self.code = QLineEdit(objectName="centreCode")
        self.code.setMaxLength(20)
        self.name = QLineEdit(objectName="centreName")
        self.name.setMaxLength(120)
        self.level = _combo("centreLevel", [(level_label(lv.value), lv.value) for lv in CentreLevel],
                            centre.level.value if centre else CentreLevel.STREET.value)
        others = [(c.name, c.id) for c in centres if centre is None or c.id != centre.id]
        self.parent_centre = _combo("centreParent", [("—", None), *others], centre.parent_id if centre else None)
        self.timezone = QLineEdit(objectName="centreTimezone")
        for field in (self.code, self.name, self.level, self.parent_centre, self.timezone):
            self.add_row(field)
        self.timezone.setText(centre.timezone if centre else "Asia/Shanghai")
        if centre is not None:
            self.code.setText(centre.code)
            self.code.setReadOnly(True)
            self.name.setText(centre.name)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Edit centre") if self.centre else self.tr("New centre"))
        self.set_labels(self.tr("Code"), self.tr("Name (shown on briefings)"), self.tr("Level"), self.tr("Parent"),
                        self.tr("Time zone"))

    def check(self) -> str | None:
        if not self.code.text().strip():
            return self.tr("Enter the centre's code.")
        if not self.name.text().strip():
            return self.tr("Enter the centre's name.")
        return None

    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = {"name": self.name.text().strip(), "level": CentreLevel(self.level.currentData()),
                               "parent_id": self.parent_centre.currentData(), "timezone": self.timezone.text().strip()}
        if self.centre is None:
            out["code"] = self.code.text().strip()
        return out


class CategoryDialog(_Labelled):
    """A new category (a major class, or a minor one under a major) or an existing one's names."""

    def __init__(self, majors: Sequence[CategoryRow], category: CategoryRow | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__("categoryDialog", parent)
        self.category = category
        self.major = _combo("categoryMajor", [("—", None), *((f"{m.code} {category_name(m.name_zh, m.name_en)}", m.id)
                                                            for m in majors)])
        self.kind = _combo("categoryKind", [(kind_label(k.value), k.value) for k in CategoryKind],
                           category.kind.value if category else None)
        self.code = QLineEdit(objectName="categoryCode")
        self.code.setMaxLength(8)
        self.name_zh = QLineEdit(objectName="categoryNameZh")
        self.name_zh.setMaxLength(60)
        self.name_en = QLineEdit(objectName="categoryNameEn")
        self.name_en.setMaxLength(80)
        for field in (self.major, self.kind, self.code, self.name_zh, self.name_en):
            self.add_row(field)
        if category is not None:
            for field in (self.major, self.kind, self.code):
                field.setEnabled(False)
            self.code.setText(category.code)
            self.name_zh.setText(category.name_zh)
            self.name_en.setText(category.name_en)
        self.major.currentIndexChanged.connect(lambda _i: self.kind.setEnabled(
            self.category is None and self.major.currentData() is None))
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Edit category") if self.category else self.tr("New category"))
        self.set_labels(self.tr("Under major class"), self.tr("Kind"), self.tr("Code"), self.tr("Chinese name"),
                        self.tr("English name"))
        self.code.setPlaceholderText(self.tr("two digits after the major class's code"))

    def check(self) -> str | None:
        if not self.code.text().strip():
            return self.tr("Enter the category's code.")
        if not self.name_zh.text().strip() or not self.name_en.text().strip():
            return self.tr("Enter the name in both languages.")
        return None

    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = {"name_zh": self.name_zh.text().strip(), "name_en": self.name_en.text().strip()}
        if self.category is None:
            out.update(parent_id=self.major.currentData(), code=self.code.text().strip(),
                       kind=CategoryKind(self.kind.currentData()))
        return out


class TimeLimitDialog(_Labelled):
    """One stage's limit at one priority: minutes, counted in natural or working time."""

    def __init__(self, row: TimeLimitRow, parent: QWidget | None = None) -> None:
        super().__init__("timeLimitDialog", parent)
        self.row = row
        self.minutes = QSpinBox(objectName="limitMinutes")
        self.minutes.setRange(1, MAX_LIMIT_MINUTES)
        self.minutes.setValue(row.minutes)
        self.unit = _combo("limitUnit", [(unit_label(u.value), u.value) for u in TimeUnit], row.unit.value)
        self.add_row(self.minutes)
        self.add_row(self.unit)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("{priority} · {stage} time limit").format(
            priority=priority_label(self.row.priority.value), stage=stage_label(self.row.stage.value)))
        self.set_labels(self.tr("Minutes"), self.tr("Counted in"))
        self.minutes.setSuffix(self.tr(" min"))
        self.unit.setToolTip(self.tr("Working time counts office hours on working days only"))

    def check(self) -> str | None:
        if self.row.priority is Priority.URGENT and self.unit.currentData() != TimeUnit.CALENDAR.value:
            return self.tr("Urgent cases run on natural time.")
        return None

    def values(self) -> dict[str, Any]:
        return {"minutes": self.minutes.value(), "unit": TimeUnit(self.unit.currentData())}


class HolidayDialog(_Labelled):
    """A holiday, or an adjusted working weekend (调休), added to the calendar."""

    def __init__(self, year: int, parent: QWidget | None = None) -> None:
        super().__init__("holidayDialog", parent)
        self.day = QDateEdit(objectName="holidayDay")
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.setDate(QDate(year, 1, 1))
        self.kind = _combo("holidayKind", [(day_kind_label(k), k) for k in KINDS])
        self.name = QLineEdit(objectName="holidayName")
        self.name.setMaxLength(60)
        self.weekday = QLabel(objectName="holidayWeekday")  # an adjusted working day must be a weekend one
        for field in (self.day, self.kind, self.name, self.weekday):
            self.add_row(field)
        self.day.dateChanged.connect(lambda _d: self._show_weekday())
        self.retranslate_ui()

    def _show_weekday(self) -> None:
        self.weekday.setText(QLocale().dayName(self.day.date().dayOfWeek()))

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Add to the calendar"))
        self.set_labels(self.tr("Date"), self.tr("Kind"), self.tr("Name"), self.tr("Day of the week"))
        self.name.setPlaceholderText(self.tr("e.g. 国庆节"))
        self._show_weekday()

    def check(self) -> str | None:
        if self.kind.currentData() == "workday" and self.day.date().dayOfWeek() < 6:
            return self.tr("Only a Saturday or Sunday can become an adjusted working day.")
        return None

    def values(self) -> dict[str, Any]:
        d = self.day.date()
        return {"day": date(d.year(), d.month(), d.day()), "kind": self.kind.currentData(),
                "name": self.name.text().strip()}
