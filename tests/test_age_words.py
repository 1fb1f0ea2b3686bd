"""How long ago, worded once: the dispatch reasons and the roster's last-seen column agree."""

from __future__ import annotations

from commandcenter.itemmodels.roster import last_seen
from commandcenter.labels import format_age


def test_an_age_is_said_in_its_largest_whole_unit() -> None:
    assert [format_age(s, "en") for s in (10, 5 * 60, 5 * 3600, 3 * 86400)] == ["1 min", "5 min", "5 h", "3 days"]
    assert format_age(5 * 3600, "zh_CN") == "5小时"


def test_the_roster_says_the_same_age_ago(qapp) -> None:  # type: ignore[no-untyped-def]
    assert last_seen(10) == "just now"
    assert last_seen(5 * 3600) == "5 h ago"
