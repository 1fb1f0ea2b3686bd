"""The words for case photos: their stages and why a file was refused (`errors.PhotoRejected`)."""

from __future__ import annotations

from .domain.photos import PhotoStage
from .errors import PhotoRejected
from .i18n import QT_TRANSLATE_NOOP as N
from .i18n import translate

CONTEXT = "photos"

STAGE_LABELS: dict[PhotoStage, str] = {
    PhotoStage.INTAKE: N("photos", "At intake"),
    PhotoStage.FEEDBACK: N("photos", "With the feedback"),
    PhotoStage.VERIFICATION: N("photos", "At verification"),
}

REFUSALS: dict[str, str] = {
    "empty": N("photos", "{file} is empty. Nothing was attached."),
    "not_an_image": N("photos", "{file} is not an image (JPEG, PNG, GIF, WebP, BMP or TIFF). Nothing was attached."),
    "too_large": N("photos", "{file} is {size} MB; a photo may be at most {limit} MB. Nothing was attached."),
    "too_many_pixels": N("photos", "{file} is {size} pixels wide or high; a photo may be at most {limit}. Nothing was attached."),
}


def stage_label(stage: PhotoStage | str, lang: str | None = None) -> str:
    return translate(CONTEXT, STAGE_LABELS[PhotoStage(stage)], lang)


def describe_photo_refusal(exc: PhotoRejected, lang: str | None = None) -> str:
    """One line for the user; sizes in megabytes when the refusal is about bytes."""
    size, limit = exc.size, exc.limit
    if exc.problem == "too_large":
        size, limit = f"{exc.size / 1048576:.1f}", f"{exc.limit / 1048576:.0f}"  # type: ignore[assignment]
    return translate(CONTEXT, REFUSALS[exc.problem], lang).format(file=exc.filename, size=size, limit=limit)
