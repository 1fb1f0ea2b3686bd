"""Case search and photos on a real PostgreSQL: the pg_trgm indexes of 0017, the BYTEA photos of 0016."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import text

from commandcenter.domain.enums import Priority, SourceChannel
from commandcenter.domain.photos import PhotoStage
from commandcenter.services.auth import demo_principal
from commandcenter.services.lifecycle import CaseService
from commandcenter.services.photos import PhotoService
from commandcenter.services.search import SearchService
from commandcenter.shapes.cases import NewCase
from commandcenter.shapes.search import SearchQuery

from .conftest import START
from .factories import build_tiny_city, grid_centre
from .test_photos import png_bytes

pytestmark = pytest.mark.postgres


def test_search_and_photos_on_postgres(pg_db) -> None:  # type: ignore[no-untyped-def]
    city = build_tiny_city(pg_db)
    op = demo_principal(pg_db, "operator")
    cases = CaseService(pg_db)
    made = []
    for days, description, phone, address in ((400, "消防通道被电动车堵塞", "138-1234-5678", "梅峰路88号"),
                                              (0, "Overflowing bin 垃圾桶满溢", "0594-2345678", "东岩山公园")):
        lon, lat = grid_centre(0)
        made.append(cases.report(op, NewCase(source=SourceChannel.HOTLINE_12345, category_id=city.category_id,
                                             priority=Priority.NORMAL, description=description, lon=lon, lat=lat,
                                             address=address, reporter_phone=phone,
                                             reported_at=START - timedelta(days=days)), register=True))
    search = SearchService(pg_db)
    assert [h.row.id for h in search.search(op, SearchQuery(text="通道被电动")).hits] == [made[0].id]
    assert [h.row.id for h in search.search(op, SearchQuery(text="OVERFLOWING 公园")).hits] == [made[1].id]
    found = search.search(op, SearchQuery(text="13812345678"))
    assert [h.reporter_phone for h in found.hits] == ["138-****-5678"]
    assert search.search(op, SearchQuery(text="桶满", reported_to=START - timedelta(days=1))).total == 0
    assert search.search(op, SearchQuery(text="50%_")).total == 0
    with pg_db.engine.connect() as conn:
        indexes = set(conn.execute(text("SELECT indexname FROM pg_indexes WHERE tablename = 'case_record'")).scalars())
    assert {"ix_case_search_text", "ix_case_search_phone"} <= indexes
    with pg_db.engine.connect() as conn:
        conn.execute(text("SET enable_seqscan = off"))
        plan = "\n".join(conn.execute(text(
            "EXPLAIN SELECT id FROM case_record WHERE regexp_replace(case_record.reporter_phone, '[^0-9]', '', 'g') "
            "LIKE '%13812345678%'")).scalars())
    assert "ix_case_search_phone" in plan  # the service's expression is the index's

    data = png_bytes(320, 200)
    info = PhotoService(pg_db).attach(op, made[0].id, PhotoStage.INTAKE, "scene.png", data)
    assert PhotoService(pg_db).get_photo(op, info.id).data == data
