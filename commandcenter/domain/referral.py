"""Referral between centre levels (上报 / 下派 / 转办 / 反馈) and joint handling (主办 / 协办): the rules.

A case belongs to the centre that registered it; a referral hands it to another centre for a
while and the outcome flows back. Referrals stack: a street refers up to its district, the
district up to the city; each level feeds back (反馈) to the one below, in turn, until the case
is home again, where the referring centre verifies and closes it. The centre at the top of the
stack *holds* the case: only it (or a centre above it) acts on the case until it feeds back.

- up (上报): to the holder's parent centre: beyond the street's powers, a city department is
  needed, the case crosses districts.
- down (下派): to a centre below the holder, with instructions; the case is then on that
  centre's wall, the higher centre keeps it in view as it sees every centre below it.
- across (转办): to a sibling centre (same parent, same level): the case is not in the
  holder's area.

A referral waits for the receiving centre to accept (受理) or return it within the `referral`
stage limit (escalated like any stage); accepted, the receiving centre dispatches and handles
it through the ordinary loop; its feedback is allowed once the handling has been fed back.

Joint handling: the dispatched unit leads (主办); supporting departments (协办) are added to a
dispatched case and feed back their parts. The lead's feedback closes the handling stage, so it
is refused while a supporting unit has not fed back: the centre records the missing parts (or
the supporting unit's "nothing to do") before the lead's feedback, so no part is lost.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum

from .actions import Action


class ReferralKind(StrEnum):
    UP = "up"  # 上报
    DOWN = "down"  # 下派
    ACROSS = "across"  # 转办


class ReferralReason(StrEnum):
    """Why a case is referred: the coded list the dialog offers (a note says the rest)."""

    BEYOND_POWERS = "beyond_powers"  # 超出职权
    CITY_DEPARTMENT = "city_department"  # 需市级部门处置
    CROSS_DISTRICT = "cross_district"  # 跨区域
    INSTRUCTED = "instructed"  # 交办: a higher centre sends a case down with instructions
    NOT_OUR_AREA = "not_our_area"  # 非本辖区
    OTHER = "other"


class ReferralState(StrEnum):
    PENDING = "pending"  # waiting for the receiving centre to accept or return it
    ACCEPTED = "accepted"  # 受理: the receiving centre holds the case
    RETURNED = "returned"  # 退回: refused with a reason, back with the referring centre
    FED_BACK = "fed_back"  # 反馈: the outcome went back to the referring centre


ACTIVE_STATES: frozenset[ReferralState] = frozenset({ReferralState.PENDING, ReferralState.ACCEPTED})

REFER_ACTIONS: dict[Action, ReferralKind] = {
    Action.REFER_UP: ReferralKind.UP,
    Action.REFER_DOWN: ReferralKind.DOWN,
    Action.TRANSFER: ReferralKind.ACROSS,
}
REFERRAL_ACTIONS: frozenset[Action] = frozenset({
    *REFER_ACTIONS, Action.ACCEPT_REFERRAL, Action.RETURN_REFERRAL, Action.FEED_BACK_REFERRAL,
})
JOINT_ACTIONS: frozenset[Action] = frozenset({Action.ADD_SUPPORT, Action.SUPPORT_FEED_BACK})

# the reasons each kind offers first; every reason is accepted for every kind
KIND_REASONS: dict[ReferralKind, tuple[ReferralReason, ...]] = {
    ReferralKind.UP: (ReferralReason.BEYOND_POWERS, ReferralReason.CITY_DEPARTMENT, ReferralReason.CROSS_DISTRICT,
                      ReferralReason.OTHER),
    ReferralKind.DOWN: (ReferralReason.INSTRUCTED, ReferralReason.OTHER),
    ReferralKind.ACROSS: (ReferralReason.NOT_OUR_AREA, ReferralReason.CROSS_DISTRICT, ReferralReason.OTHER),
}

# centre id -> (parent id, level)
CentreTree = Mapping[int, tuple[int | None, str]]


def _ancestors(tree: CentreTree, centre_id: int) -> list[int]:
    out: list[int] = []
    parent = tree[centre_id][0] if centre_id in tree else None
    while parent is not None and parent not in out:
        out.append(parent)
        parent = tree[parent][0] if parent in tree else None
    return out


def targets(tree: CentreTree, holder: int, kind: ReferralKind) -> list[int]:
    """The centres the holder of a case may refer it to, by kind, in id order."""
    if holder not in tree:
        return []
    parent, level = tree[holder]
    if kind is ReferralKind.UP:
        return [parent] if parent is not None else []
    if kind is ReferralKind.ACROSS:
        return sorted(c for c, (p, lv) in tree.items() if c != holder and p == parent and parent is not None
                      and lv == level)
    return sorted(c for c in tree if holder in _ancestors(tree, c))


def may_refer(tree: CentreTree, holder: int, kind: ReferralKind, target: int) -> bool:
    return target in targets(tree, holder, kind)
