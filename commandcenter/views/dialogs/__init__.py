"""Dialogs the live wall opens: new case, dispatch, action parameters, shortcut sheet."""

from PySide6.QtWidgets import QHBoxLayout, QLabel

from ...gui.icons import ICONS, icon


def dialog_header(icon_name: str, title_object_name: str) -> tuple[QHBoxLayout, QLabel]:
    """The header every action dialog opens with: the action's icon and a large bold title."""
    header = QHBoxLayout()
    if icon_name in ICONS:
        pic = QLabel()
        pic.setPixmap(icon(icon_name).pixmap(28, 28))
        header.addWidget(pic)
    title = QLabel()
    title.setObjectName(title_object_name)
    font = title.font()
    font.setPointSizeF(font.pointSizeF() * 1.3)
    font.setBold(True)
    title.setFont(font)
    header.addWidget(title, 1)
    return header, title
