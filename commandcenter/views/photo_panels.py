"""Case photos on screen: a strip of thumbnails (optionally with "Attach…"), the verification's
before-and-after side by side, and a large view of one photo.

Everything the database holds is read and written through `ctx.photos` off the GUI thread
(`ctx.runner`); the strip shows the server-made thumbnails, and only the large view reads a
whole image. A refused file is named with the reason in the strip's message line.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ..domain.actions import Action
from ..domain.entities import Entity
from ..domain.photos import BEFORE_STAGES, PhotoStage
from ..gui.context import AppContext
from ..gui.icons import icon
from ..gui.localtime import format_local
from ..gui.style import error_style, hint_style
from ..labels import describe_error
from ..photo_labels import stage_label
from ..shapes.photos import PhotoImage, PhotoInfo
from ..widgets.case_detail import CaseDetailPanel

log = logging.getLogger(__name__)

PHOTO_ID_ROLE = Qt.ItemDataRole.UserRole  # a strip item's photo id
THUMB_SIDE = 96
IMAGE_FILTER = "*.jpg *.jpeg *.png *.gif *.webp *.bmp *.tif *.tiff *.heic"


def pixmap_of(data: bytes) -> QPixmap:
    return QPixmap.fromImage(QImage.fromData(data))


class PhotoStrip(QWidget):
    """The thumbnails of one case's photos of some stages; with `attach_stage`, an "Attach…"
    button that stores chosen files at that stage. Double-click opens the large view."""

    loaded = Signal()  # the thumbnails shown are the database's
    attached = Signal(int)  # a photo was stored: its id

    def __init__(self, ctx: AppContext, case_id: int | None, stages: frozenset[PhotoStage],
                 attach_stage: PhotoStage | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.case_id, self.stages, self.attach_stage = ctx, case_id, stages, attach_stage
        self.photos: list[PhotoInfo] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        self.titleLabel = QLabel(objectName="photoTitle")
        head.addWidget(self.titleLabel, 1)
        self.attachButton = QPushButton(icon("photo"), "", objectName="attachPhotoButton")
        self.attachButton.clicked.connect(self.choose_files)
        self.attachButton.setVisible(attach_stage is not None)
        head.addWidget(self.attachButton)
        layout.addLayout(head)
        self.list = QListWidget(objectName="photoList")
        self.list.setViewMode(QListWidget.ViewMode.IconMode)
        self.list.setIconSize(QSize(THUMB_SIDE, THUMB_SIDE))
        self.list.setMovement(QListWidget.Movement.Static)
        self.list.setWrapping(False)
        self.list.setFixedHeight(THUMB_SIDE + 44)
        self.list.itemActivated.connect(self._open)
        self.list.itemDoubleClicked.connect(self._open)
        layout.addWidget(self.list)
        self.messageLabel = QLabel(objectName="photoMessage", wordWrap=True)
        layout.addWidget(self.messageLabel)
        self.retranslate_ui()
        self.attachButton.setEnabled(case_id is not None and ctx.can(Action.ATTACH_PHOTO))
        ctx.feed.changed.connect(self._on_changed)
        self.reload()

    def _on_changed(self, entity: str, ids: list) -> None:  # type: ignore[type-arg]
        """A photo attached at another seat (a change of the case) shows here too."""
        if entity == Entity.CASE and self.case_id in ids:
            self.reload()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        if self.stages == frozenset(PhotoStage):
            self.titleLabel.setText(self.tr("Photos"))
        else:
            self.titleLabel.setText(" · ".join(stage_label(s) for s in PhotoStage if s in self.stages))
        self.attachButton.setText(self.tr("Attach photo…"))
        self.attachButton.setToolTip(self.tr("Images up to {mb} MB; stored so every seat sees them").format(
            mb=self.ctx.photos.limits.max_bytes // 1048576))

    # ---- reading ------------------------------------------------------------------------
    def set_case(self, case_id: int | None) -> None:
        """Show another case's photos (none for None)."""
        self.case_id = case_id
        self.photos = []
        self.list.clear()
        self.messageLabel.clear()
        self.attachButton.setEnabled(case_id is not None and self.ctx.can(Action.ATTACH_PHOTO))
        self.reload()

    def reload(self) -> None:
        if self.case_id is None:
            return
        ctx, case_id, stages = self.ctx, self.case_id, self.stages
        ctx.runner.run_in_background(lambda _state: (case_id, ctx.photos.list_photos(ctx.principal, case_id, stages)),
                                     self._show, self._failed)

    def _show(self, answer: tuple[int, list[PhotoInfo]]) -> None:
        case_id, photos = answer
        if case_id != self.case_id:
            return  # a slow answer about a case no longer shown
        self.photos = photos
        self.list.clear()
        for p in photos:
            item = QListWidgetItem(pixmap_of(p.thumbnail), stage_label(p.stage))
            item.setData(PHOTO_ID_ROLE, p.id)
            item.setToolTip(self.tr("{file} · {stage} · {when} · {who} · {w}×{h}").format(
                file=p.filename, stage=stage_label(p.stage), when=format_local(p.attached_at, self.ctx.principal.timezone),
                who=p.attached_by or "—", w=p.width, h=p.height))
            self.list.addItem(item)
        if not photos and not self.messageLabel.text():
            self.messageLabel.setStyleSheet(hint_style())
            self.messageLabel.setText(self.tr("No photos yet."))
        elif photos and self.messageLabel.styleSheet() == hint_style():
            self.messageLabel.clear()
        self.loaded.emit()

    def _failed(self, exc: BaseException) -> None:
        self.messageLabel.setStyleSheet(error_style())
        self.messageLabel.setText(describe_error(exc))

    def _open(self, item: QListWidgetItem) -> None:
        PhotoViewer.show_photo(self.ctx, int(item.data(PHOTO_ID_ROLE)), self)

    # ---- attaching ----------------------------------------------------------------------
    def choose_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Attach photos"), "",
                                                self.tr("Images ({patterns});;All files (*)").format(patterns=IMAGE_FILTER))
        if paths:
            self.attach_files(paths)

    def attach_files(self, paths: Sequence[str | Path]) -> None:
        """Store the files at this strip's stage, one by one off the GUI thread; each refusal is named."""
        if self.case_id is None or self.attach_stage is None:
            return
        ctx, case_id, stage = self.ctx, self.case_id, self.attach_stage
        self.messageLabel.clear()
        for path in map(Path, paths):
            def work(_state, path: Path = path) -> PhotoInfo:  # type: ignore[no-untyped-def]
                return ctx.photos.attach(ctx.principal, case_id, stage, path.name, path.read_bytes())
            ctx.runner.run_in_background(work, self._stored, self._failed)

    def _stored(self, info: PhotoInfo) -> None:
        self.attached.emit(info.id)
        self.reload()


def wire_photos(ctx: AppContext, panel: CaseDetailPanel) -> PhotoStrip:
    """Give a case detail panel the thumbnails of its case's photos, following the case shown."""
    strip = PhotoStrip(ctx, None, frozenset(PhotoStage), parent=panel)
    strip.setObjectName("casePhotos")
    panel.add_section(strip)
    panel.case_shown.connect(strip.set_case)
    return strip


class IntakePhotos(QWidget):
    """The new-case dialog's photos: files the caller sent are checked as they are chosen (a
    refusal is named at once) and stored with the case once it is saved (`attach_to`).

    Its button takes no keyboard focus, so Tab through the form never stops on it."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("intakePhotos")
        self.paths: list[Path] = []
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.addButton = QPushButton(icon("photo"), "", self, objectName="addIntakePhotos")
        self.addButton.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.addButton.clicked.connect(self.choose_files)
        self.addButton.setEnabled(ctx.can(Action.ATTACH_PHOTO))
        layout.addWidget(self.addButton)
        self.filesLabel = QLabel(self, objectName="intakePhotoFiles", wordWrap=True)
        layout.addWidget(self.filesLabel, 1)
        self.retranslate_ui()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.addButton.setText(self.tr("Photos…"))
        self.addButton.setToolTip(self.tr("Photos the caller sent, stored with the case when it is saved"))
        self._render()

    def _render(self, problem: str = "") -> None:
        names = ", ".join(p.name for p in self.paths)
        self.filesLabel.setStyleSheet(error_style() if problem else hint_style())
        self.filesLabel.setText(problem or names)

    def choose_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Photos the caller sent"), "",
                                                self.tr("Images ({patterns});;All files (*)").format(patterns=IMAGE_FILTER))
        if paths:
            self.add_files(paths)

    def add_files(self, paths: Sequence[str | Path]) -> None:
        """Check each file off the GUI thread; keep those that are acceptable images."""
        ctx = self.ctx
        for path in map(Path, paths):
            def work(_state, path: Path = path) -> Path:  # type: ignore[no-untyped-def]
                ctx.photos.check(ctx.principal, path.name, path.read_bytes())
                return path
            ctx.runner.run_in_background(work, self._accepted, lambda exc: self._render(describe_error(exc)))

    def _accepted(self, path: Path) -> None:
        if path not in self.paths:
            self.paths.append(path)
        self._render()

    def attach_to(self, case_id: int) -> None:
        """Store the chosen files as the case's intake photos, off the GUI thread (the dialog may close)."""
        ctx, paths = self.ctx, list(self.paths)
        for path in paths:
            ctx.runner.run_in_background(
                lambda _state, path=path: ctx.photos.attach(ctx.principal, case_id, PhotoStage.INTAKE, path.name,
                                                            path.read_bytes()),
                None, lambda exc: log.warning("an intake photo was not stored: %s", exc))


class BeforeAfterPanel(QWidget):
    """Verification's comparison: the photos from the report and the feedback on the left, those
    taken at verification on the right (where new ones are attached)."""

    def __init__(self, ctx: AppContext, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("beforeAfterPanel")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.before = PhotoStrip(ctx, case_id, BEFORE_STAGES, parent=self)
        self.before.setObjectName("beforePhotos")
        self.after = PhotoStrip(ctx, case_id, frozenset({PhotoStage.VERIFICATION}), PhotoStage.VERIFICATION, self)
        self.after.setObjectName("afterPhotos")
        layout.addWidget(self.before, 1)
        layout.addWidget(self.after, 1)


class PhotoViewer(QDialog):
    """One photo, large, with what is known about it; the image is read off the GUI thread."""

    def __init__(self, ctx: AppContext, photo_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("photoViewer")
        layout = QVBoxLayout(self)
        self.imageLabel = QLabel(objectName="photoImage", alignment=Qt.AlignmentFlag.AlignCenter)
        scroll = QScrollArea()
        scroll.setWidget(self.imageLabel)
        scroll.setWidgetResizable(True)
        layout.addWidget(scroll, 1)
        self.infoLabel = QLabel(objectName="photoInfo", wordWrap=True)
        layout.addWidget(self.infoLabel)
        self.image: PhotoImage | None = None
        self.setWindowTitle(self.tr("Photo"))
        self.infoLabel.setText(self.tr("Loading…"))
        self.resize(900, 700)
        ctx.runner.run_in_background(lambda _state: ctx.photos.get_photo(ctx.principal, photo_id),
                                     self._show, self._failed)

    @classmethod
    def show_photo(cls, ctx: AppContext, photo_id: int, parent: QWidget) -> PhotoViewer:
        viewer = cls(ctx, photo_id, parent)
        viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        viewer.show()
        return viewer

    def _show(self, image: PhotoImage) -> None:
        self.image = image
        pixmap = pixmap_of(image.data)
        screen = self.screen().availableSize() * 0.8
        if pixmap.width() > screen.width() or pixmap.height() > screen.height():
            pixmap = pixmap.scaled(screen, Qt.AspectRatioMode.KeepAspectRatio,
                                   Qt.TransformationMode.SmoothTransformation)
        self.imageLabel.setPixmap(pixmap)
        i = image.info
        self.setWindowTitle(self.tr("Photo — {file}").format(file=i.filename))
        self.infoLabel.setText(self.tr("{stage} · {when} · {who} · {w}×{h} · {kb} KB").format(
            stage=stage_label(i.stage), when=format_local(i.attached_at, self.ctx.principal.timezone),
            who=i.attached_by or "—", w=i.width, h=i.height, kb=max(1, i.size_bytes // 1024)))

    def _failed(self, exc: BaseException) -> None:
        self.infoLabel.setStyleSheet(error_style())
        self.infoLabel.setText(describe_error(exc))
