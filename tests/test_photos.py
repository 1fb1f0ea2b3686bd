"""Case photos: stored in the database with a server-made thumbnail, judged by their content,
refused whole when they are not an image or too large, audited."""

from __future__ import annotations

import io

import pytest
from PIL import Image
from sqlalchemy import func, select

from commandcenter.domain.enums import Priority, SourceChannel
from commandcenter.domain.photos import PhotoLimits, PhotoStage
from commandcenter.errors import NotFound, PermissionDenied, PhotoRejected
from commandcenter.labels import describe_error
from commandcenter.models import AuditEntry, CasePhoto
from commandcenter.services.lifecycle import CaseService
from commandcenter.services.photos import PhotoService
from commandcenter.shapes.cases import NewCase

from .factories import grid_centre


def png_bytes(width: int = 640, height: int = 480, colour: str = "red", fmt: str = "PNG") -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(out, format=fmt)
    return out.getvalue()


@pytest.fixture
def case_id(db, city, operator) -> int:  # type: ignore[no-untyped-def]
    lon, lat = grid_centre(0)
    return CaseService(db).report(operator, NewCase(source=SourceChannel.PATROL, category_id=city.category_id,
                                                    priority=Priority.NORMAL, description="井盖破损", lon=lon,
                                                    lat=lat), register=True).id


def photo_count(db) -> int:  # type: ignore[no-untyped-def]
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(CasePhoto)) or 0)


def test_a_photo_is_stored_with_its_facts_and_a_thumbnail(db, operator, supervisor, case_id) -> None:  # type: ignore[no-untyped-def]
    photos = PhotoService(db)
    data = png_bytes()
    info = photos.attach(operator, case_id, PhotoStage.FEEDBACK, "after.jpg", data)  # the name says JPEG: content wins
    assert (info.stage, info.content_type, info.width, info.height, info.size_bytes) == (
        "feedback", "image/png", 640, 480, len(data))
    with Image.open(io.BytesIO(info.thumbnail)) as thumb:
        assert max(thumb.size) == PhotoLimits().thumb_side
    full = photos.get_photo(supervisor, info.id)  # another seat, another role: the same bytes
    assert full.data == data and full.info.sha256 == info.sha256
    photos.attach(operator, case_id, PhotoStage.VERIFICATION, "check.jpg", png_bytes(fmt="JPEG", colour="green"))
    before, after = photos.before_and_after(supervisor, case_id)
    assert [p.stage for p in before] == ["feedback"] and [p.content_type for p in after] == ["image/jpeg"]
    with db.read() as s:
        entries = s.scalars(select(AuditEntry.detail).where(AuditEntry.action == "attach_photo")).all()
    assert len(entries) == 2 and info.sha256 in entries[0]


@pytest.mark.parametrize(("data", "limits", "problem"), [
    (b"%PDF-1.4 not a picture at all", PhotoLimits(), "not_an_image"),
    (png_bytes()[:200], PhotoLimits(), "not_an_image"),  # a truncated body
    (b"", PhotoLimits(), "empty"),
    (png_bytes(), PhotoLimits(max_bytes=1000), "too_large"),
    (png_bytes(2000, 100), PhotoLimits(max_side=1500), "too_many_pixels"),
])
def test_refused_files_leave_nothing_and_say_why(db, operator, case_id, data, limits, problem) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(PhotoRejected) as refused:
        PhotoService(db, limits).attach(operator, case_id, PhotoStage.INTAKE, "IMG_0001.png", data)
    assert refused.value.problem == problem
    assert "IMG_0001.png" in describe_error(refused.value) and "Nothing was attached" in describe_error(refused.value)
    assert photo_count(db) == 0


def test_only_roles_with_the_right_attach_and_only_in_scope(db, trainer, operator, case_id) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(PermissionDenied):
        PhotoService(db).attach(trainer, case_id, PhotoStage.INTAKE, "a.png", png_bytes())
    with pytest.raises(NotFound):
        PhotoService(db).get_photo(operator, 999)
    assert photo_count(db) == 0
