"""The map's data: grid geometry for everyone who may view, cases and officers of the principal's
centres only. The per-grid figures (counts of today's and open cases) are aggregates without
personal data and stay city-wide, so a street seat still sees where its neighbours are busy."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import or_, select

from ...domain.entities import Entity
from ...models import Case, Officer
from ...paths import data_dir
from ...shapes.map import MapCaseMarker
from .. import map_data
from ..auth import Principal
from ..map_data import MapGeometry, MapLayers
from .base import ServiceBase


class MapService(ServiceBase):
    """What the map screen draws."""

    def geometry(self, principal: Principal) -> MapGeometry:
        self.allow(principal)
        return map_data.map_geometry(self.db, data_dir() / "map-cache")

    def layers(self, principal: Principal) -> MapLayers:
        self.allow(principal)
        layers = map_data.map_layers(self.db, principal)
        case_ids = [c.case_id for c in layers.cases]
        officer_ids = [o.officer_id for o in layers.officers]
        with self.db.read() as s:
            cases = set(s.scalars(select(Case.id).where(Case.id.in_(case_ids),
                                                        Case.centre_id.in_(principal.centre_ids))))
            officers = set(s.scalars(select(Officer.id).where(
                Officer.id.in_(officer_ids),
                or_(Officer.centre_id.in_(principal.centre_ids), Officer.centre_id.is_(None)))))
        return replace(layers, cases=tuple(c for c in layers.cases if c.case_id in cases),
                       officers=tuple(o for o in layers.officers if o.officer_id in officers))

    def marker(self, principal: Principal, case_id: int) -> MapCaseMarker | None:
        """One case's marker (None for no such case); a case of another centre's is refused
        (OutOfScope)."""
        with self.db.read() as s:
            centre = s.scalar(select(Case.centre_id).where(Case.id == case_id))
        if centre is None:
            return None
        self.allow(principal, centre_id=centre, entity=Entity.CASE.value, entity_id=case_id)
        return map_data.case_marker(self.db, case_id, principal)
