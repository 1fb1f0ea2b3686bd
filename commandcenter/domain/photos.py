"""Case photos: the stages a photo is attached at and the limits an attached file must respect.

Pure rules, no database and no Qt: the photo service checks an upload against `PhotoLimits`
and the screens name the stages. Limits are a value the service is built with, so a centre
with slow links can lower them without a code change.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class PhotoStage(StrEnum):
    """When in the closed loop a photo was taken: at the report, with the handler's feedback, at
    the verification (核查) before closure. Verification compares the first two with the last."""

    INTAKE = "intake"
    FEEDBACK = "feedback"
    VERIFICATION = "verification"


BEFORE_STAGES: frozenset[PhotoStage] = frozenset({PhotoStage.INTAKE, PhotoStage.FEEDBACK})
FILENAME_MAX_CHARS = 200


@dataclass(frozen=True)
class PhotoLimits:
    """What an attached file may be: at most `max_bytes` long and `max_side` pixels on its longer
    side (a phone's 48-megapixel picture decodes to ~150 MB in memory); thumbnails fit in
    `thumb_side` pixels."""

    max_bytes: int = 10 * 1024 * 1024
    max_side: int = 8000
    thumb_side: int = 160
