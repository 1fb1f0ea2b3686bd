"""Open311 request files: a GeoReport v2 round trip into a second database, re-import, refusals
by record position, the service list an admin keeps, and masking in exports."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from commandcenter.cli import main
from commandcenter.db import Database
from commandcenter.domain.actions import Action
from commandcenter.domain.enums import Priority, SourceChannel
from commandcenter.errors import ImportRejected, PermissionDenied
from commandcenter.interchange import files
from commandcenter.services.auth import Principal, demo_principal, system_principal
from commandcenter.services.lifecycle import CaseService, TransitionParams
from commandcenter.shapes.cases import NewCase

from .factories import TinyCity, db_argument, grid_centre
from .open311_support import offer_every_category, second_city, snapshot

# what a request means, as opposed to when this database last touched it
MEANING = ("service_request_id", "status", "status_notes", "service_code", "service_name", "description",
           "requested_datetime", "address", "lat", "long", "agency_responsible")


def report(db: Database, who: Principal, city: TinyCity, grid: int, text: str, address: str = "") -> int:
    lon, lat = grid_centre(grid)
    return CaseService(db).report(who, NewCase(
        source=SourceChannel.HOTLINE_12345, category_id=city.category_id, priority=Priority.NORMAL,
        description=text, lon=lon, lat=lat, address=address, reporter_name="刘德华",
        reporter_phone="13812345678")).id


@pytest.fixture
def history(db: Database, city: TinyCity, operator: Principal, tmp_path: Path) -> list[int]:
    """Three cases, one of them rejected (closed to Open311), and the service list offered."""
    offer_every_category(db, tmp_path)
    ids = [report(db, operator, city, 0, "路边堆放垃圾，来电人13812345678", "荔城中大道1234号阳光小区3栋"),
           report(db, operator, city, 1, "垃圾桶满溢"),
           report(db, operator, city, 3, "重复来电")]
    CaseService(db).perform(operator, ids[2], Action.REJECT, TransitionParams(note="重复来电，非城管事项"))
    return ids


def meaning(requests: list[dict[str, object]]) -> list[dict[str, object]]:
    return [{k: r[k] for k in MEANING} for r in requests]


def test_round_trip_into_a_second_database_gives_the_same_requests(db, city, supervisor, history, tmp_path,
                                                                   clock) -> None:  # type: ignore[no-untyped-def]
    exported = tmp_path / "requests.json"
    exported.write_text(files.export_requests(db, supervisor), encoding="utf-8")
    other = second_city(tmp_path / "other.sqlite", clock)
    try:
        offer_every_category(other, tmp_path)
        result = files.import_requests(other, exported, system_principal(other, "importer"))
        assert (result.created, result.unchanged) == (3, 0)
        again = json.loads(files.export_requests(other, demo_principal(other, "supervisor")))
    finally:
        other.dispose()
    original = json.loads(exported.read_text(encoding="utf-8"))
    assert [r["status"] for r in original] == ["open", "open", "closed"]
    assert meaning(again) == meaning(original)


def test_importing_the_same_file_again_changes_nothing(db, city, supervisor, history, tmp_path,
                                                      clock) -> None:  # type: ignore[no-untyped-def]
    exported = tmp_path / "requests.json"
    exported.write_text(files.export_requests(db, supervisor), encoding="utf-8")
    other = second_city(tmp_path / "other.sqlite", clock)
    try:
        offer_every_category(other, tmp_path)
        importer = system_principal(other, "importer")
        files.import_requests(other, exported, importer)
        before = snapshot(other)
        result = files.import_requests(other, exported, importer)
        assert (result.created, result.unchanged) == (0, 3)
        assert snapshot(other) == before
    finally:
        other.dispose()


def test_an_unknown_service_code_is_reported_by_position_and_nothing_is_written(db, city, supervisor, history,
                                                                                tmp_path) -> None:  # type: ignore[no-untyped-def]
    requests = json.loads(files.export_requests(db, supervisor))
    for n, r in enumerate(requests):
        r["service_request_id"] = f"ext-{n}"
    requests[1]["service_code"] = "0199"  # a code nobody put in the service list
    path = tmp_path / "feed.json"
    path.write_text(json.dumps(requests), encoding="utf-8")
    before = snapshot(db)
    with pytest.raises(ImportRejected) as refused:
        files.import_requests(db, path, system_principal(db, "importer"))
    assert refused.value.problems == [("record 2", "unknown service_code 0199: add it to the service list first")]
    assert snapshot(db) == before


def test_a_location_outside_every_grid_and_a_time_without_offset_are_refused(db, city, supervisor, history,
                                                                              tmp_path) -> None:  # type: ignore[no-untyped-def]
    requests = json.loads(files.export_requests(db, supervisor))[:2]
    requests[0].update(service_request_id="x1", lat=30.0, long=120.0)
    requests[1].update(service_request_id="x2", requested_datetime="2026-11-25T10:00:00")
    path = tmp_path / "feed.json"
    path.write_text(json.dumps(requests), encoding="utf-8")
    with pytest.raises(ImportRejected) as refused:
        files.import_requests(db, path, system_principal(db, "importer"))
    assert [where for where, _why in refused.value.problems] == ["record 1", "record 2"]
    assert "outside every unit grid" in refused.value.problems[0][1]
    assert "requested_datetime" in refused.value.problems[1][1]


def test_exports_mask_personal_data_unless_the_principal_may_see_it(db, city, supervisor, operator,
                                                                   history) -> None:  # type: ignore[no-untyped-def]
    clear = json.loads(files.export_requests(db, supervisor))[0]
    assert (clear["address"], clear["description"]) == ("荔城中大道1234号阳光小区3栋", "路边堆放垃圾，来电人13812345678")
    for who in (operator, system_principal(db, "cli")):
        masked = json.loads(files.export_requests(db, who))[0]
        assert (masked["address"], masked["description"]) == ("荔城中大道*号阳光小区*栋", "路边堆放垃圾，来电人138****5678")
    assert "刘德华" not in files.export_requests(db, supervisor)  # Open311 requests carry no reporter


def test_filters_by_status_and_time(db, city, supervisor, history, clock) -> None:  # type: ignore[no-untyped-def]
    closed = json.loads(files.export_requests(db, supervisor, status="closed"))
    assert [r["description"] for r in closed] == ["重复来电"]
    assert json.loads(files.export_requests(db, supervisor, since=clock.now().replace(year=2027))) == []


def test_only_importers_import_and_the_service_list_refuses_a_category_twice(db, city, operator, tmp_path,
                                                                            ) -> None:  # type: ignore[no-untyped-def]
    services = offer_every_category(db, tmp_path)
    with pytest.raises(PermissionDenied):
        files.import_requests(db, services, operator)
    entries = json.loads(services.read_text(encoding="utf-8"))
    entries[1]["category_code"] = entries[0]["category_code"]
    services.write_text(json.dumps(entries), encoding="utf-8")
    from commandcenter.interchange.mapping import import_services

    with pytest.raises(ImportRejected) as refused:
        import_services(db, services, system_principal(db, "importer"))
    assert refused.value.problems[0][0] == "record 2"


def test_the_commands_export_and_import(db, city, history, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    url = db_argument(db)
    out = tmp_path / "out.json"
    assert main(["export", "open311", "--db", url, "--status", "open", "--out", str(out)]) == 0
    exported = json.loads(out.read_text(encoding="utf-8"))
    assert [r["status"] for r in exported] == ["open", "open"]
    assert exported[0]["address"] == "荔城中大道*号阳光小区*栋"  # as the cli account: masked
    assert out.stat().st_mode & 0o777 == 0o600
    assert main(["export", "open311-services", "--db", url, "--out", str(tmp_path / "s.json")]) == 0
    assert main(["import", "open311-services", "--db", url, str(tmp_path / "s.json")]) == 0
    # the cases came from this very database: as a feed's file they are new cases, once
    assert main(["import", "open311", "--db", url, "--source", "mirror", str(out)]) == 0
    assert main(["import", "open311", "--db", url, "--source", "mirror", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "2 created" in printed and "2 unchanged" in printed
