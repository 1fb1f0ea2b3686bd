"""What the photo service hands to screens: a photo's facts with its thumbnail, or its full image."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class PhotoInfo:
    """One attached photo as lists show it: its facts and a small PNG thumbnail, never the image."""

    id: int
    case_id: int
    stage: str  # a PhotoStage value
    filename: str
    content_type: str
    size_bytes: int
    width: int
    height: int
    sha256: str
    attached_at: datetime
    attached_by: str  # the user's display name, "" when unknown
    thumbnail: bytes


@dataclass(frozen=True)
class PhotoImage:
    """One photo in full, for the large view."""

    info: PhotoInfo
    data: bytes
