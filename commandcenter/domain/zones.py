"""The zone a command centre keeps its days in unless it names its own (DESIGN: a day is a
calendar day in the centre's zone, default Asia/Shanghai). One constant for the services that
count days and the screens that show times."""

from __future__ import annotations

DEFAULT_TZ = "Asia/Shanghai"
