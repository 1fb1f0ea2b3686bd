"""What every screen receives: the opened database handle, who is signed in, the background
runner, the live change feed and the services. Screens call services; they never open sessions.

One calling style (issue 9): every service is an object built here once per opened database and
shared by every screen, and every call passes the signed-in principal first:
`self.ctx.<service>.<method>(self.ctx.principal, …)`. The service checks the principal's right
and centre at each call. A screen never builds a service, nor hands `ctx.db` to one; it reads
`ctx.db` only for the clock, the busy notices and the database's name.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..db import Database
from ..domain.actions import Action
from ..domain.entities import Entity
from ..services.admin import AdminService
from ..services.auth import Principal, allowed_actions
from ..services.correction import CorrectionService
from ..services.debrief import DebriefService
from ..services.demo_reset import DemoResetService
from ..services.exports import ExportService
from ..services.facade.audit import AuditService
from ..services.facade.briefings import BriefingService
from ..services.facade.escalations import EscalationService
from ..services.facade.imports import ImportService
from ..services.facade.intake import IntakeService
from ..services.facade.map import MapService
from ..services.facade.personal import PersonalDataService
from ..services.facade.reference import ReferenceService
from ..services.facade.roster import RosterService
from ..services.facade.shifts import ShiftService
from ..services.facade.signin import AccountService
from ..services.facade.wall import WallService
from ..services.gazetteer.service import GazetteerService
from ..services.handover import HandoverService
from ..services.joint import JointService
from ..services.lifecycle import CaseService
from ..services.photos import PhotoService
from ..services.referral import ReferralService
from ..services.search import SearchService
from ..services.warning_actions import WarningActionService
from ..services.warnings import WarningService
from .alerts import AlertCentre
from .bus import ScreenBus
from .feed import ChangeFeed
from .tasks import TaskRunner
from .warnings_live import LiveWarnings


@dataclass
class AppContext:
    db: Database
    principal: Principal
    runner: TaskRunner
    feed: ChangeFeed
    bus: ScreenBus = field(default_factory=ScreenBus)
    alerts: AlertCentre = field(default_factory=AlertCentre)  # the seat's unacknowledged alerts
    cases: CaseService = field(init=False)
    handovers: HandoverService = field(init=False)
    admin: AdminService = field(init=False)
    wall: WallService = field(init=False)
    roster: RosterService = field(init=False)
    shifts: ShiftService = field(init=False)
    map: MapService = field(init=False)
    briefings: BriefingService = field(init=False)
    escalations: EscalationService = field(init=False)
    reference: ReferenceService = field(init=False)
    imports: ImportService = field(init=False)
    intake: IntakeService = field(init=False)
    personal: PersonalDataService = field(init=False)
    audit: AuditService = field(init=False)
    accounts: AccountService = field(init=False)
    exports: ExportService = field(init=False)
    warnings: WarningService = field(init=False)
    warning_actions: WarningActionService = field(init=False)
    live_warnings: LiveWarnings = field(init=False)
    gazetteer: GazetteerService = field(init=False)
    photos: PhotoService = field(init=False)
    search: SearchService = field(init=False)
    debriefs: DebriefService = field(init=False)  # the trainer's drill debriefs
    demo_reset: DemoResetService = field(init=False)
    referrals: ReferralService = field(init=False)
    joint: JointService = field(init=False)
    corrections: CorrectionService = field(init=False)  # the grids a case may be corrected to (更正)
    _rights: frozenset[Action] | None = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        self.cases = CaseService(self.db)
        self.handovers = HandoverService(self.db)
        self.admin = AdminService(self.db)
        self.wall = WallService(self.db)
        self.roster = RosterService(self.db)
        self.shifts = ShiftService(self.db)
        self.map = MapService(self.db)
        self.briefings = BriefingService(self.db)
        self.escalations = EscalationService(self.db)
        self.reference = ReferenceService(self.db)
        self.imports = ImportService(self.db)
        self.intake = IntakeService(self.db)
        self.personal = PersonalDataService(self.db)
        self.audit = AuditService(self.db)
        self.accounts = AccountService(self.db)
        self.exports = ExportService(self.db)
        self.warnings = WarningService(self.db)
        self.warning_actions = WarningActionService(self.db, self.cases, self.warnings)
        self.live_warnings = LiveWarnings(self, self.feed)
        self.gazetteer = GazetteerService(self.db)
        self.photos = PhotoService(self.db)
        self.search = SearchService(self.db)
        self.debriefs = DebriefService(self.db)
        self.demo_reset = DemoResetService(self.db)
        self.referrals = ReferralService(self.db)
        self.joint = JointService(self.db)
        self.corrections = CorrectionService(self.db)
        self.feed.changed.connect(self._on_changed)

    def can(self, action: Action) -> bool:
        """Whether the signed-in user may perform `action` (offer only what is allowed).

        Screens ask this for every button on every selection, so the rights are read once and
        again after an account or permission change reaches the change feed; the services still
        check the database at every call.
        """
        if self._rights is None:
            self._rights = allowed_actions(self.db, self.principal)
        return action in self._rights

    def _on_changed(self, entity: str, _ids: list) -> None:  # type: ignore[type-arg]
        if entity in (Entity.PERMISSION, Entity.USER):
            self._rights = None
