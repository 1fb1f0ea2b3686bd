"""SQLAlchemy tables, one module per aggregate. Importing this package registers them all."""

from .audit import AuditAnchor, AuditEntry, ChangeLog
from .base import Base, UtcTimestamp, from_epoch, to_epoch
from .calendar import CalendarDay, CalendarYear
from .cases import (
    Case,
    CaseHistory,
    CaseReporter,
    Category,
    DailySequence,
    Escalation,
    TimeLimitPolicy,
    TimeRequest,
)
from .corrections import CaseCorrection
from .drill import DrillCase, DrillRun
from .gazetteer import GazetteerEntry
from .geography import CommandCentre, Community, District, Grid, Road, Street, Workstation
from .interchange import Open311Service
from .meta import AppMeta
from .people import (
    Department,
    DepartmentRoute,
    DutyChange,
    Officer,
    OfficerGrid,
    OfficerPosition,
    RolePermission,
    User,
)
from .photos import CasePhoto
from .referral import CaseReferral, CaseSupport
from .shifts import BriefingIssued, Handover, HandoverItem, Shift, ShiftMember
from .warnings import EarlyWarning

__all__ = [
    "AppMeta",
    "AuditAnchor",
    "AuditEntry",
    "Base",
    "BriefingIssued",
    "CalendarDay",
    "CalendarYear",
    "Case",
    "CaseCorrection",
    "CaseHistory",
    "CaseReporter",
    "CasePhoto",
    "CaseReferral",
    "CaseSupport",
    "Category",
    "ChangeLog",
    "CommandCentre",
    "Community",
    "DailySequence",
    "DrillCase",
    "DrillRun",
    "Department",
    "DepartmentRoute",
    "District",
    "DutyChange",
    "EarlyWarning",
    "Escalation",
    "GazetteerEntry",
    "Grid",
    "Road",
    "Handover",
    "HandoverItem",
    "Officer",
    "OfficerGrid",
    "OfficerPosition",
    "Open311Service",
    "RolePermission",
    "Shift",
    "ShiftMember",
    "Street",
    "TimeLimitPolicy",
    "TimeRequest",
    "User",
    "UtcTimestamp",
    "Workstation",
    "from_epoch",
    "to_epoch",
]
