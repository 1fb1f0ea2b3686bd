"""Photos attached to a case at intake, with the feedback and at verification (`ctx.photos`).

A file is judged by its content, never its name: Pillow must recognise and fully decode it, it
must fit the byte and pixel limits, and only then are the image, a thumbnail made here (so every
seat shows the same one and no seat decodes a 10 MB picture to draw a list) and the audit entry
written in one transaction. A refused file leaves nothing behind.
"""

from __future__ import annotations

import hashlib
import io
import warnings

from sqlalchemy import select

from ..db import Database
from ..domain.actions import Action
from ..domain.entities import Entity
from ..domain.photos import BEFORE_STAGES, FILENAME_MAX_CHARS, PhotoLimits, PhotoStage
from ..errors import NotFound, PhotoRejected, ValidationError
from ..models import Case, CasePhoto, User
from ..shapes.photos import PhotoImage, PhotoInfo
from . import audit
from .auth import Principal
from .changefeed import record_change
from .facade.base import ServiceBase

_INFO_COLUMNS = (CasePhoto.id, CasePhoto.case_id, CasePhoto.stage, CasePhoto.filename, CasePhoto.content_type,
                 CasePhoto.size_bytes, CasePhoto.width, CasePhoto.height, CasePhoto.sha256, CasePhoto.attached_at,
                 User.display_name, CasePhoto.thumbnail)


def inspect_image(filename: str, data: bytes, limits: PhotoLimits) -> tuple[str, int, int, bytes]:
    """(content type, width, height, PNG thumbnail) of an acceptable image; PhotoRejected otherwise."""
    from PIL import Image, UnidentifiedImageError  # at the first photo, not at start-up

    if not data:
        raise PhotoRejected("empty", filename)
    if len(data) > limits.max_bytes:
        raise PhotoRejected("too_large", filename, size=len(data), limit=limits.max_bytes)
    try:
        with warnings.catch_warnings():
            # Pillow warns of, then refuses, decompression bombs; both are a refusal here
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as probe:
                kind, (width, height) = probe.format or "", probe.size
                if max(width, height) > limits.max_side:
                    raise PhotoRejected("too_many_pixels", filename, size=max(width, height), limit=limits.max_side)
                mime = Image.MIME.get(kind, "")
                probe.load()  # a truncated or corrupt body is not an image either
                thumb = probe.convert("RGBA") if probe.mode not in ("RGB", "RGBA", "L") else probe.copy()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError,
            Image.DecompressionBombWarning):
        raise PhotoRejected("not_an_image", filename) from None
    if not mime.startswith("image/"):
        raise PhotoRejected("not_an_image", filename)
    thumb.thumbnail((limits.thumb_side, limits.thumb_side))
    out = io.BytesIO()
    thumb.save(out, format="PNG")
    return mime, width, height, out.getvalue()


class PhotoService(ServiceBase):
    """Attach, list and open a case's photos, within the principal's centres."""

    def __init__(self, db: Database, limits: PhotoLimits | None = None) -> None:
        super().__init__(db)
        self.limits = limits or PhotoLimits()

    def attach(self, principal: Principal, case_id: int, stage: PhotoStage | str, filename: str,
               data: bytes) -> PhotoInfo:
        """Store `data` as a photo of the case at `stage`; PhotoRejected (nothing stored) for a
        file that is not an image or is over the limits."""
        try:
            chosen = PhotoStage(stage)
        except ValueError:
            raise ValidationError(f"unknown photo stage {stage!r}", field="stage") from None
        name = (filename or "").replace("\x00", "").strip()[-FILENAME_MAX_CHARS:] or "photo"
        self.allow_case(principal, case_id, Action.ATTACH_PHOTO)
        mime, width, height, thumbnail = inspect_image(name, data, self.limits)
        digest = hashlib.sha256(data).hexdigest()
        now = self.db.clock.now()
        with self.db.unit_of_work() as s:
            photo = CasePhoto(case_id=case_id, stage=chosen.value, filename=name, content_type=mime,
                              size_bytes=len(data), width=width, height=height, sha256=digest, data=data,
                              thumbnail=thumbnail, attached_at=now, attached_by=principal.user_id)
            s.add(photo)
            s.flush()
            # other seats showing the case reload its photos (the change feed)
            centre_id = s.scalar(select(Case.centre_id).where(Case.id == case_id))
            record_change(s, now, Entity.CASE, case_id, "update", centre_id)
            audit.append(s, principal, Action.ATTACH_PHOTO.value, Entity.CASE.value, case_id,
                         {"photo_id": photo.id, "stage": chosen.value, "filename": name, "bytes": len(data),
                          "sha256": digest}, at=now)
            photo_id = photo.id
        return self.get_photo(principal, photo_id).info

    def check(self, principal: Principal, filename: str, data: bytes) -> None:
        """Refuse (PhotoRejected) a file `attach` would refuse, before there is a case to attach
        it to: intake checks the caller's photos as they are chosen, and stores them with the case."""
        self.allow(principal, Action.ATTACH_PHOTO)
        inspect_image(filename or "photo", data, self.limits)

    def list_photos(self, principal: Principal, case_id: int,
                    stages: frozenset[PhotoStage] | None = None) -> list[PhotoInfo]:
        """The case's photos in the order attached, with thumbnails (not the images)."""
        self.allow_case(principal, case_id)
        stmt = (select(*_INFO_COLUMNS).outerjoin(User, User.id == CasePhoto.attached_by)
                .where(CasePhoto.case_id == case_id).order_by(CasePhoto.id))
        if stages is not None:
            stmt = stmt.where(CasePhoto.stage.in_([s.value for s in stages]))
        with self.db.read() as s:
            return [PhotoInfo(*row[:10], row[10] or "", row[11]) for row in s.execute(stmt)]

    def before_and_after(self, principal: Principal, case_id: int) -> tuple[list[PhotoInfo], list[PhotoInfo]]:
        """What verification compares: photos from the report and the feedback, and those taken
        at verification."""
        photos = self.list_photos(principal, case_id)
        return ([p for p in photos if p.stage in BEFORE_STAGES],
                [p for p in photos if p.stage == PhotoStage.VERIFICATION])

    def get_photo(self, principal: Principal, photo_id: int) -> PhotoImage:
        """One photo with its full image; NotFound for none, as for one outside the principal's centres."""
        with self.db.read() as s:
            case_id = s.scalar(select(CasePhoto.case_id).where(CasePhoto.id == photo_id))
        if case_id is None:
            raise NotFound("photo", photo_id)
        self.allow_case(principal, case_id)
        stmt = (select(*_INFO_COLUMNS, CasePhoto.data).outerjoin(User, User.id == CasePhoto.attached_by)
                .where(CasePhoto.id == photo_id))
        with self.db.read() as s:
            row = s.execute(stmt).one()
        return PhotoImage(PhotoInfo(*row[:10], row[10] or "", row[11]), row[12])
