"""The detectors' parameters as an administrator set them, kept in `app_meta` as JSON.

One row (`warning_params`) rather than a table: the parameters are a handful of numbers read
at each detector run, and `WarningParams.from_json` keeps defaults for whatever a row written
by another release lacks. Without the row the README's defaults apply.
"""

from __future__ import annotations

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from ...domain.warnings import WarningParams
from ...models import AppMeta

KEY = "warning_params"
_READ = select(AppMeta.value).where(AppMeta.key == KEY)  # built once: read at every detector run


def read_params(s: Session) -> WarningParams:
    text = s.connection().execute(_READ).scalar()  # a Core read: the ORM's per-statement work is most of it
    return WarningParams.from_json(text) if text else WarningParams()


def write_params(s: Session, params: WarningParams) -> None:
    s.execute(delete(AppMeta).where(AppMeta.key == KEY))
    s.add(AppMeta(key=KEY, value=params.to_json()))
