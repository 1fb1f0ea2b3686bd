"""The new-case dialog for the hotline call-taker: what, how urgent, where, who, in one form.

Keyboard first, in the order of the form (source → category → priority → address →
coordinates → … → description → reporter): type into the category search (code, Chinese,
English or pinyin initials, Up/Down to move, Enter to go on), 1–4 on the priority, type an
address (characters or pinyin initials) and Enter picks the first suggestion and goes on to the
description, or paste "lon, lat" into either coordinate field (WGS-84 or GCJ-02). Enter moves
to the next field and never opens the map or leaves the dialog; Ctrl+Enter saves;
Ctrl+Shift+Enter registers and dispatches to the recommended handler. With no category
searched, one the description names is offered. The grid is found from
the coordinates as they are typed; without coordinates a grid is chosen street → community →
grid. Saving runs off the GUI thread; errors appear in the dialog and nothing is written.
The location group (coordinates, map pick, street → community → grid, address) is
`LocationPicker`; this module keeps the call, the details, the keys and saving.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QIcon, QKeySequence, QPainter, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ...admin_labels import category_name
from ...domain.actions import Action
from ...domain.entities import Entity
from ...domain.enums import PRIORITY_ORDER, Priority, ReporterPrivacy, SourceChannel
from ...errors import OutsideCity, ValidationError
from ...gui.context import AppContext
from ...gui.icons import icon
from ...gui.style import ERROR, MUTED, PRIORITY_COLOURS, qcolor, shade
from ...labels import describe_error, priority_label, source_label
from ...services.geo import GridLocator
from ...services.quick_intake import guess_category, report_and_dispatch
from ...services.reference_lists import (
    AreaTree,
    CategoryChoice,
    search_categories,
)
from ...shapes.cases import CaseRow, NewCase
from ..intake.panel import IntakePanel
from ..photo_panels import IntakePhotos
from .location_picker import LocationPicker, NotInChina
from .new_case_keys import FormKeys

CHOICE_ROLE = Qt.ItemDataRole.UserRole  # the CategoryChoice of a list item


def priority_icon(priority: str) -> QIcon:
    pixmap = QPixmap(14, 14)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(qcolor(PRIORITY_COLOURS[priority]))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(1, 1, 12, 12)
    painter.end()
    return QIcon(pixmap)


class NewCaseDialog(FormKeys, QDialog):
    """Enter a case from a call (or any channel); emits `case_created(CaseRow)` and accepts."""

    case_created = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("newCaseDialog")
        self._categories: tuple[CategoryChoice, ...] = ()
        self._saving = False
        self._register_touched = False
        self._suggested = False  # the category shown was guessed from the description
        self._build()
        self.retranslate_ui()
        self.categorySearch.setFocus()
        reference, principal = ctx.reference, ctx.principal
        ctx.runner.run_in_background(
            lambda _s: (reference.categories(principal), reference.areas(principal), reference.locator(principal)),
            self._loaded,
            self._load_failed,
        )
        self._load_places()
        ctx.feed.changed.connect(self._on_changed)

    def _load_places(self) -> None:
        """The gazetteer index, built off the GUI thread; searched per keystroke without a query."""
        gazetteer, principal = self.ctx.gazetteer, self.ctx.principal
        self.ctx.runner.run_in_background(lambda _s: gazetteer.index(principal), self.location.set_places,
                                          self._load_failed)

    def _on_changed(self, entity: str, _ids: list) -> None:  # type: ignore[type-arg]
        if entity in (Entity.GAZETTEER, Entity.GRID):
            self._load_places()

    # ---- building ---------------------------------------------------------------------
    def _build(self) -> None:
        self.resize(780, 680)
        outer = QVBoxLayout(self)

        # what happened and how urgent
        self.callBox = QGroupBox()
        call = QGridLayout(self.callBox)
        self.sourceLabel = QLabel()
        self.sourceCombo = QComboBox()
        self.sourceCombo.setObjectName("sourceCombo")
        for source in SourceChannel:
            self.sourceCombo.addItem("", source.value)
        self.sourceCombo.setCurrentIndex(self.sourceCombo.findData(SourceChannel.HOTLINE_12345.value))
        self.sourceCombo.currentIndexChanged.connect(self._source_changed)
        self.priorityLabel = QLabel()
        self.priorityCombo = QComboBox()
        self.priorityCombo.setObjectName("priorityCombo")
        for priority in PRIORITY_ORDER:
            self.priorityCombo.addItem(priority_icon(priority), "", priority.value)
        self.priorityCombo.currentIndexChanged.connect(self._priority_changed)
        self.priorityCombo.setCurrentIndex(PRIORITY_ORDER.index(Priority.NORMAL))
        self.priorityCombo.installEventFilter(self)
        self.categoryLabel = QLabel()
        self.categorySearch = QLineEdit()
        self.categorySearch.setObjectName("categorySearch")
        self.categorySearch.setClearButtonEnabled(True)
        self.categorySearch.textChanged.connect(self._filter_categories)
        self.categorySearch.installEventFilter(self)
        self.categoryList = QListWidget()
        self.categoryList.setObjectName("categoryList")
        self.categoryList.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # the search field drives it
        self.categoryList.setMaximumHeight(130)
        self.categoryList.currentItemChanged.connect(self._category_changed)
        self.categoryChosen = QLabel()
        self.categoryChosen.setObjectName("categoryChosen")
        self.categoryChosen.setWordWrap(True)
        # laid out in the order Tab and Enter walk: source, category, then priority
        call.addWidget(self.sourceLabel, 0, 0)
        call.addWidget(self.sourceCombo, 0, 1)
        call.addWidget(self.categoryLabel, 1, 0)
        call.addWidget(self.categorySearch, 1, 1)
        call.addWidget(self.categoryList, 2, 1)
        call.addWidget(self.categoryChosen, 3, 1)
        call.addWidget(self.priorityLabel, 4, 0)
        call.addWidget(self.priorityCombo, 4, 1, Qt.AlignmentFlag.AlignLeft)
        call.setColumnStretch(1, 1)
        outer.addWidget(self.callBox)

        # where
        self.location = LocationPicker(self.ctx)
        for widget in (self.location.addressEdit, self.location.lonEdit, self.location.latEdit,
                       self.location.crsCombo, self.location.pickButton, self.location.streetCombo,
                       self.location.communityCombo, self.location.gridCombo):
            widget.installEventFilter(self)
        # a picked place completes the location: the call-taker goes on to what the caller said
        self.location.place_picked.connect(lambda _place: self.descriptionEdit.setFocus())
        outer.addWidget(self.location)

        # what the caller said and who they are
        self.detailsBox = QGroupBox()
        details = QGridLayout(self.detailsBox)
        self.descriptionLabel = QLabel()
        self.descriptionEdit = QPlainTextEdit()
        self.descriptionEdit.setObjectName("descriptionEdit")
        self.descriptionEdit.setTabChangesFocus(True)
        self.descriptionEdit.setMinimumHeight(70)
        self.descriptionEdit.setMaximumHeight(130)
        self.descriptionEdit.textChanged.connect(self._offer_category)
        self.reporterLabel = QLabel()
        self.reporterNameEdit = QLineEdit()
        self.reporterNameEdit.setObjectName("reporterNameEdit")
        self.reporterNameEdit.setMaxLength(60)
        self.reporterPhoneEdit = QLineEdit()
        self.reporterPhoneEdit.setObjectName("reporterPhoneEdit")
        self.reporterPhoneEdit.setMaxLength(20)
        for edit in (self.reporterNameEdit, self.reporterPhoneEdit):
            edit.installEventFilter(self)
        # anonymous and confidential reporters are never shown by name nor called back
        self.reporterPrivacyCombo = QComboBox(self, objectName="reporterPrivacyCombo")
        for privacy in ReporterPrivacy:
            self.reporterPrivacyCombo.addItem("", privacy.value)
        for widget in (self.sourceCombo, self.reporterPrivacyCombo):
            widget.installEventFilter(self)
        reporter = QHBoxLayout()
        reporter.addWidget(self.reporterNameEdit, 1)
        reporter.addWidget(self.reporterPhoneEdit, 1)
        reporter.addWidget(self.reporterPrivacyCombo)
        details.addWidget(self.descriptionLabel, 0, 0, Qt.AlignmentFlag.AlignTop)
        details.addWidget(self.descriptionEdit, 0, 1)
        details.addWidget(self.reporterLabel, 1, 0)
        details.addLayout(reporter, 1, 1)
        details.setColumnStretch(1, 1)
        outer.addWidget(self.detailsBox)
        # 12345 work order, the caller's and the place's earlier cases, the duplicate offer (issue 14)
        self.intake = IntakePanel(self.ctx, self)
        self.intake.watch(self.sourceCombo, self.reporterPhoneEdit, self.location)
        outer.addWidget(self.intake)

        self.registerCheck = QCheckBox()
        self.registerCheck.setObjectName("registerCheck")
        self.registerCheck.setChecked(True)
        self.registerCheck.clicked.connect(self._register_clicked)
        self.registerCheck.installEventFilter(self)
        if not self.ctx.can(Action.REGISTER):
            self.registerCheck.setChecked(False)
            self.registerCheck.setEnabled(False)
        outer.addWidget(self.registerCheck)
        # 即时办结: a grid officer reports a problem already solved; the case closes at once
        self.onSpotCheck = QCheckBox(self, objectName="onSpotCheck")
        self.onSpotNoteEdit = QLineEdit(self, objectName="onSpotNoteEdit")
        self.onSpotEvidenceEdit = QLineEdit(self, objectName="onSpotEvidenceEdit", maxLength=200)
        spot = QHBoxLayout()
        spot.addWidget(self.onSpotCheck)
        spot.addWidget(self.onSpotNoteEdit, 2)
        spot.addWidget(self.onSpotEvidenceEdit, 1)
        outer.addLayout(spot)
        self.onSpotCheck.toggled.connect(self._on_spot_toggled)
        self.onSpotCheck.setEnabled(self.ctx.can(Action.SOLVE_ON_SPOT))
        self._on_spot_toggled(False)
        self.photos = IntakePhotos(self.ctx, self)  # the caller's photos, stored with the case once saved
        outer.addWidget(self.photos)
        self.errorLabel = QLabel()
        self.errorLabel.setObjectName("errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        outer.addWidget(self.errorLabel)
        self.buttons = QDialogButtonBox()
        self.saveButton = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.saveButton.setObjectName("saveButton")
        self.saveButton.setIcon(icon("save"))
        self.dispatchButton = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ApplyRole)
        self.dispatchButton.setObjectName("saveAndDispatchButton")
        self.dispatchButton.setIcon(icon("dispatch"))
        self.dispatchButton.setEnabled(self.ctx.can(Action.REGISTER) and self.ctx.can(Action.DISPATCH))
        self.cancelButton = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        for button in (self.saveButton, self.dispatchButton, self.cancelButton):
            button.setAutoDefault(False)  # plain Enter moves between fields; Ctrl+Enter saves
            button.setDefault(False)
        self.saveButton.clicked.connect(self.save)
        self.dispatchButton.clicked.connect(self.save_and_dispatch)
        self.cancelButton.clicked.connect(self.reject)
        outer.addWidget(self.buttons)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.save)
        for keys in ("Ctrl+Shift+Return", "Ctrl+Shift+Enter"):
            QShortcut(QKeySequence(keys), self, self.save_and_dispatch)

        self.apply_tab_order()

    def form_order(self) -> list[QWidget]:
        """The fields in the order they are laid out, which Tab and Enter follow.

        A panel added to the form puts its fields in this list where it sits on screen.
        """
        loc = self.location
        return [self.sourceCombo, self.categorySearch, self.priorityCombo, loc.addressEdit, loc.lonEdit,
                loc.latEdit, loc.crsCombo, loc.pickButton, loc.streetCombo, loc.communityCombo, loc.gridCombo,
                self.descriptionEdit, self.reporterNameEdit, self.reporterPhoneEdit, self.reporterPrivacyCombo,
                self.registerCheck, self.onSpotCheck, self.onSpotNoteEdit, self.onSpotEvidenceEdit,
                self.saveButton, self.dispatchButton, self.cancelButton]

    def apply_tab_order(self) -> None:
        order = self.form_order()
        for before, after in zip(order, order[1:], strict=False):
            self.setTabOrder(before, after)

    # ---- language ---------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("New case"))
        self.callBox.setTitle(self.tr("Call"))
        self.detailsBox.setTitle(self.tr("Details"))
        self.sourceLabel.setText(self.tr("&Source"))
        self.sourceLabel.setBuddy(self.sourceCombo)
        for i in range(self.sourceCombo.count()):
            self.sourceCombo.setItemText(i, source_label(self.sourceCombo.itemData(i)))
        self.priorityLabel.setText(self.tr("&Priority"))
        self.priorityLabel.setBuddy(self.priorityCombo)
        for i, priority in enumerate(PRIORITY_ORDER):
            self.priorityCombo.setItemText(i, f"{i + 1}  {priority_label(priority)}")
        self.priorityCombo.setToolTip(self.tr("Keys 1–4: urgent, high, normal, low (Alt+P)"))
        self.sourceCombo.setToolTip(self.tr("Where the report came from (Alt+S)"))
        self.categorySearch.setToolTip(self.tr("Up/Down choose, Enter goes on (Alt+C); left empty, a category the "
                                               "description names is offered"))
        self.descriptionEdit.setToolTip(self.tr("What the caller reports (Alt+D); Tab goes on"))
        for widget, name in ((self.sourceCombo, self.tr("Source")), (self.priorityCombo, self.tr("Priority")),
                             (self.categorySearch, self.tr("Category search")),
                             (self.categoryList, self.tr("Categories")),
                             (self.descriptionEdit, self.tr("Description")),
                             (self.reporterNameEdit, self.tr("Reporter name")),
                             (self.reporterPhoneEdit, self.tr("Reporter phone")),
                             (self.reporterPrivacyCombo, self.tr("Reporter privacy")),
                             (self.registerCheck, self.tr("Register at once")),
                             (self.onSpotCheck, self.tr("Solved on the spot")),
                             (self.onSpotNoteEdit, self.tr("What was done on the spot")),
                             (self.onSpotEvidenceEdit, self.tr("Photo reference")),
                             (self.saveButton, self.tr("Save case")),
                             (self.dispatchButton, self.tr("Save and dispatch")),
                             (self.cancelButton, self.tr("Cancel"))):
            widget.setAccessibleName(name)
        self.categoryLabel.setText(self.tr("&Category"))
        self.categoryLabel.setBuddy(self.categorySearch)
        self.categorySearch.setPlaceholderText(
            self.tr("Type a code, Chinese, English or pinyin initials (e.g. ldbl) — Up/Down to choose")
        )
        self.descriptionLabel.setText(self.tr("&Description *"))
        self.descriptionLabel.setBuddy(self.descriptionEdit)
        self.descriptionEdit.setPlaceholderText(self.tr("What the caller reports (required)"))
        self.reporterLabel.setText(self.tr("&Reporter"))
        self.reporterLabel.setBuddy(self.reporterNameEdit)
        self.reporterNameEdit.setPlaceholderText(self.tr("Name"))
        self.reporterPhoneEdit.setPlaceholderText(self.tr("Phone"))
        self.registerCheck.setText(self.tr("Register at once"))
        privacy_texts = {ReporterPrivacy.NAMED: self.tr("Named"), ReporterPrivacy.ANONYMOUS: self.tr("Anonymous"),
                         ReporterPrivacy.CONFIDENTIAL: self.tr("Confidential")}
        for i in range(self.reporterPrivacyCombo.count()):
            self.reporterPrivacyCombo.setItemText(i, privacy_texts[ReporterPrivacy(self.reporterPrivacyCombo.itemData(i))])
        self.reporterPrivacyCombo.setToolTip(self.tr("Anonymous and confidential reporters are never shown by name "
                                                     "nor called back"))
        self.onSpotCheck.setText(self.tr("Solved on the spot by the grid officer"))
        self.onSpotNoteEdit.setPlaceholderText(self.tr("What was done (required)"))
        self.onSpotEvidenceEdit.setPlaceholderText(self.tr("Photo reference"))
        self.saveButton.setText(self.tr("Save case (Ctrl+Enter)"))
        self.saveButton.setToolTip(self.tr("Save the case (Ctrl+Enter)"))
        self.dispatchButton.setText(self.tr("Register and dispatch (Ctrl+Shift+Enter)"))
        self.dispatchButton.setToolTip(self.tr("Register the case and dispatch it to the first recommended handler "
                                               "(Ctrl+Shift+Enter)"))
        self.location.retranslate_ui()
        # one label width in every group, so the fields line up down the whole form
        labels = (self.sourceLabel, self.categoryLabel, *self.location.labels(), self.descriptionLabel,
                  self.reporterLabel)
        width = max(label.sizeHint().width() for label in labels)
        for label in labels:
            label.setMinimumWidth(width)
        self._render_category_items()
        self._render_chosen()

    # ---- loading ----------------------------------------------------------------------
    def _loaded(self, loaded: tuple[tuple[CategoryChoice, ...], AreaTree, GridLocator]) -> None:
        self._categories, tree, locator = loaded
        self.location.set_area(tree, locator)
        self._filter_categories(self.categorySearch.text())

    def _load_failed(self, exc: BaseException) -> None:
        self._show_error(describe_error(exc))

    # ---- category ---------------------------------------------------------------------
    def _filter_categories(self, text: str) -> None:
        matches = search_categories(self._categories, text)
        self.categoryList.blockSignals(True)
        self.categoryList.clear()
        for c in matches:
            item = QListWidgetItem()
            item.setData(CHOICE_ROLE, c)
            self.categoryList.addItem(item)
        self._render_category_items()
        self.categoryList.blockSignals(False)
        # with something typed the best match is the choice at once; with nothing typed there
        # is no choice, so a case never gets a category the call-taker did not pick
        self.categoryList.setCurrentRow(0 if text.strip() and matches else -1)
        if not text.strip():
            self._category_changed(None)
            self._offer_category()

    def _offer_category(self) -> None:
        """With nothing searched, choose the category the description names (marked as a guess)."""
        if self.categorySearch.text().strip():
            return
        guess = guess_category(self._categories, self.descriptionEdit.toPlainText())
        row = -1
        if guess is not None:
            row = next((i for i in range(self.categoryList.count())
                        if self.categoryList.item(i).data(CHOICE_ROLE).id == guess.id), -1)
        self._suggested = row >= 0
        if row != self.categoryList.currentRow():
            self.categoryList.setCurrentRow(row)
        self._render_chosen()

    def _render_category_items(self) -> None:
        for i in range(self.categoryList.count()):
            item = self.categoryList.item(i)
            c: CategoryChoice = item.data(CHOICE_ROLE)
            item.setText(f"{c.code}   {category_name(c.name_zh, c.name_en)}")
            item.setToolTip(self.tr("{major} ({code})").format(major=category_name(c.major_zh, c.major_en), code=c.major_code))

    def _category_changed(self, item: QListWidgetItem | None, _previous: Any = None) -> None:
        self._render_chosen()

    def chosen_category(self) -> CategoryChoice | None:
        item = self.categoryList.currentItem()
        if item is None or not item.isSelected():
            return None
        return item.data(CHOICE_ROLE)  # type: ignore[no-any-return]

    def _render_chosen(self) -> None:
        c = self.chosen_category()
        if c is None:
            self.categoryChosen.setText(self.tr("No category chosen yet"))
            self.categoryChosen.setStyleSheet(f"color: {shade(MUTED)};")
        elif self._suggested and not self.categorySearch.text().strip():
            self.categoryChosen.setText(
                self.tr("Category from the description: {code} {name} ({major}) — type to choose another").format(
                    code=c.code, name=category_name(c.name_zh, c.name_en), major=category_name(c.major_zh, c.major_en))
            )
            self.categoryChosen.setStyleSheet("font-weight: bold;")
        else:
            self.categoryChosen.setText(
                self.tr("Category: {code} {name} ({major})").format(
                    code=c.code, name=category_name(c.name_zh, c.name_en), major=category_name(c.major_zh, c.major_en))
            )
            self.categoryChosen.setStyleSheet("font-weight: bold;")

    def _priority_changed(self) -> None:
        # the chosen priority in its wall colour: an urgent call must not look like a normal one
        colour = PRIORITY_COLOURS[self.priorityCombo.currentData()]
        self.priorityCombo.setStyleSheet(f"QComboBox {{ color: {shade(colour)}; font-weight: bold; }}")

    # ---- source and registration ------------------------------------------------------
    def _source_changed(self) -> None:
        # hotline calls are registered on the spot by default; other channels are checked first
        if not self._register_touched and self.registerCheck.isEnabled():
            self.registerCheck.setChecked(self.sourceCombo.currentData() == SourceChannel.HOTLINE_12345.value)

    def _register_clicked(self) -> None:
        self._register_touched = True

    def _on_spot_toggled(self, checked: bool) -> None:
        """A case solved on the spot closes at intake: it asks what was done instead of registering."""
        self.onSpotNoteEdit.setVisible(checked)
        self.onSpotEvidenceEdit.setVisible(checked)
        self.registerCheck.setEnabled(not checked and self.ctx.can(Action.REGISTER))
        if checked:
            self.onSpotNoteEdit.setFocus()

    # ---- saving -----------------------------------------------------------------------
    def new_case(self) -> NewCase:
        """The form as a NewCase; raises ValidationError / OutsideCity for what is missing."""
        category = self.chosen_category()
        if category is None:
            raise ValidationError(self.tr("Choose a category: type into the category search."), field="category")
        description = self.descriptionEdit.toPlainText().strip()
        if not description:
            raise ValidationError(self.tr("A description is required."), field="description")
        lon = lat = None
        grid_id = None
        if self.location.has_coordinate_text():
            if self.location.coordinates() is None:
                raise ValidationError(self.tr("Enter both longitude and latitude as numbers."), field="location")
            outside = self.location.outside()
            if isinstance(outside, NotInChina):
                raise ValidationError(self.tr("This point is outside China, where GCJ-02 does not apply: choose "
                                              "WGS-84 or check the coordinates."), field="location")
            if outside is not None:
                raise outside
            point = self.location.wgs84()
            assert point is not None  # complete, and in China when GCJ-02
            lon, lat = point
        else:
            grid_id = self.location.chosen_grid_id()
            if grid_id is None:
                raise ValidationError(
                    self.tr("A location is required: coordinates, a point on the map or a grid."), field="location")
        solved = self.onSpotCheck.isChecked()
        if solved and not self.onSpotNoteEdit.text().strip():
            raise ValidationError(self.tr("Say what the grid officer did on the spot."), field="result")
        return self.intake.complete(NewCase(
            source=SourceChannel(self.sourceCombo.currentData()),
            category_id=category.id,
            priority=Priority(self.priorityCombo.currentData()),
            description=description,
            lon=lon,
            lat=lat,
            grid_id=grid_id,
            address=self.location.addressEdit.text().strip(),
            reporter_name=self.reporterNameEdit.text().strip(),
            reporter_phone=self.reporterPhoneEdit.text().strip(),
            reporter_privacy=self.reporterPrivacyCombo.currentData(),
            solved_on_spot=solved,
            on_spot_note=self.onSpotNoteEdit.text().strip() if solved else "",
            evidence=self.onSpotEvidenceEdit.text().strip() if solved else "",
        ))

    def save(self) -> None:
        if self._saving:
            return
        try:
            new = self.new_case()
        except (ValidationError, OutsideCity) as exc:
            self._show_error(describe_error(exc), exc)
            return
        register = self.registerCheck.isChecked()
        cases, actor = self.ctx.cases, self.ctx.principal
        self._set_saving(True)
        self.intake.save(new, lambda n: cases.report(actor, n, register=register), self._saved, self._save_failed,
                         self._duplicates_offered)

    def _duplicates_offered(self, message: str) -> None:
        """Likely duplicates are listed under the form: nothing was saved, the call-taker chooses."""
        self._set_saving(False)
        self._show_error(message)
        self.intake.duplicates.mergeButton.setFocus()

    def save_and_dispatch(self) -> None:
        """Register the case and dispatch it to the first recommended handler (Ctrl+Shift+Enter),
        after the same duplicate check as a plain save: a likely duplicate is offered first."""
        if self._saving or not self.dispatchButton.isEnabled():
            return
        try:
            new = self.new_case()
        except (ValidationError, OutsideCity) as exc:
            self._show_error(describe_error(exc), exc)
            return
        self._set_saving(True)
        cases, reference, actor = self.ctx.cases, self.ctx.reference, self.ctx.principal
        self.intake.save(new, lambda n: report_and_dispatch(cases, reference, actor, n).row, self._saved,
                         self._save_failed, self._duplicates_offered)

    def _saved(self, row: CaseRow) -> None:
        self._set_saving(False)
        self.errorLabel.clear()
        self.photos.attach_to(row.id)
        self.case_created.emit(row)
        self.accept()

    def _save_failed(self, exc: BaseException) -> None:
        self._set_saving(False)
        self._show_error(describe_error(exc), exc)

    def _set_saving(self, saving: bool) -> None:
        self._saving = saving
        for widget in (self.callBox, self.location, self.detailsBox, self.registerCheck, self.saveButton,
                       self.dispatchButton, self.cancelButton):
            widget.setEnabled(not saving)
        if not self.ctx.can(Action.REGISTER):
            self.registerCheck.setEnabled(False)
        self.dispatchButton.setEnabled(not saving and self.ctx.can(Action.REGISTER) and self.ctx.can(Action.DISPATCH))
        if saving:
            self.errorLabel.setStyleSheet(f"color: {shade(MUTED)};")
            self.errorLabel.setText(self.tr("Saving…"))

    def _show_error(self, message: str, exc: BaseException | None = None) -> None:
        self.errorLabel.setStyleSheet(f"color: {shade(ERROR)}; font-weight: bold;")
        self.errorLabel.setText(message)
        field = getattr(exc, "field", None)
        if isinstance(exc, OutsideCity):
            field = "location"
        target = {
            "category": self.categorySearch,
            "description": self.descriptionEdit,
            "location": self.location.lonEdit if self.location.has_coordinate_text() else self.location.addressEdit,
            "grid": self.location.lonEdit,
            "address": self.location.addressEdit,
            "reporter_name": self.reporterNameEdit,
            "reporter_phone": self.reporterPhoneEdit,
            "answer": self.intake.answerEdit,
            "hotline_number": self.intake.hotlineNumberEdit,
        }.get(field or "")
        if target is not None:
            target.setFocus()

    def error_text(self) -> str:
        return self.errorLabel.text()

    def reject(self) -> None:
        if self._saving:  # the save finishes (or fails) first; closing now would lose its answer
            return
        super().reject()
