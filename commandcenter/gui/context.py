"""What every screen receives: the opened database handle, who is signed in, the background
runner, the live change feed and the services. Screens call services; they never open sessions.

The service objects (cases, handovers) are built here once per opened database and shared by
every screen; a screen never builds its own. Services that are plain functions take `ctx.db`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..db import Database
from ..domain.actions import Action
from ..services.admin import AdminService
from ..services.auth import Actor, can
from ..services.handover import HandoverService
from ..services.lifecycle import CaseService
from .bus import ScreenBus
from .feed import ChangeFeed
from .tasks import TaskRunner


@dataclass
class AppContext:
    db: Database
    actor: Actor
    runner: TaskRunner
    feed: ChangeFeed
    bus: ScreenBus = field(default_factory=ScreenBus)
    cases: CaseService = field(init=False)
    handovers: HandoverService = field(init=False)
    admin: AdminService = field(init=False)

    def __post_init__(self) -> None:
        self.cases = CaseService(self.db)
        self.handovers = HandoverService(self.db)
        self.admin = AdminService(self.db)

    def can(self, action: Action) -> bool:
        """Whether the signed-in user's role may perform `action` (offer only what is allowed)."""
        return can(self.db, self.actor, action)
