"""Semantic icon names mapped to qtawesome specs, so screens ask for meaning, not glyphs."""

from __future__ import annotations

import qtawesome as qta
from PySide6.QtGui import QIcon

ICONS: dict[str, tuple[str, str]] = {
    # name: (qtawesome spec, colour)
    "wall": ("mdi6.view-dashboard-outline", "#37474f"),
    "cases": ("mdi6.format-list-bulleted", "#37474f"),
    "roster": ("mdi6.account-group-outline", "#37474f"),
    "map": ("mdi6.map-outline", "#37474f"),
    "handover": ("mdi6.swap-horizontal", "#37474f"),
    "briefing": ("mdi6.file-chart-outline", "#37474f"),
    "admin": ("mdi6.shield-account-outline", "#37474f"),
    "audit": ("mdi6.clipboard-text-clock-outline", "#37474f"),
    "verify_chain": ("mdi6.link-lock", "#37474f"),
    "new_case": ("mdi6.phone-plus", "#1565c0"),
    "register": ("mdi6.check-circle-outline", "#2e7d32"),
    "reject": ("mdi6.close-circle-outline", "#c62828"),
    "merge": ("mdi6.call-merge", "#6a1b9a"),
    "dispatch": ("mdi6.send", "#1565c0"),
    "reassign": ("mdi6.account-switch", "#1565c0"),
    "accept": ("mdi6.hand-okay", "#2e7d32"),
    "feed_back": ("mdi6.message-reply-text-outline", "#2e7d32"),
    "close": ("mdi6.check-decagram", "#2e7d32"),
    "return_for_rework": ("mdi6.undo-variant", "#ef6c00"),
    "extend": ("mdi6.clock-plus-outline", "#ef6c00"),
    "suspend": ("mdi6.pause-circle-outline", "#616161"),
    "request_extension": ("mdi6.clock-edit-outline", "#ef6c00"),
    "refuse_extension": ("mdi6.clock-remove-outline", "#c62828"),
    "request_suspension": ("mdi6.timer-pause-outline", "#616161"),
    "refuse_suspension": ("mdi6.timer-cancel-outline", "#c62828"),
    "resume": ("mdi6.play-circle-outline", "#2e7d32"),
    "reopen": ("mdi6.restore", "#ef6c00"),
    "evaluate": ("mdi6.star-outline", "#f9a825"),
    "send_back": ("mdi6.keyboard-return", "#c62828"),
    "request_check": ("mdi6.map-marker-question-outline", "#1565c0"),
    "confirm_check": ("mdi6.map-marker-check-outline", "#2e7d32"),
    "fail_check": ("mdi6.map-marker-remove-outline", "#ef6c00"),
    "solve_on_spot": ("mdi6.flash-outline", "#2e7d32"),
    "follow_up": ("mdi6.phone-return-outline", "#1565c0"),
    "refer_up": ("mdi6.arrow-up-bold-box-outline", "#6a1b9a"),
    "refer_down": ("mdi6.arrow-down-bold-box-outline", "#6a1b9a"),
    "transfer": ("mdi6.swap-horizontal-bold", "#6a1b9a"),
    "accept_referral": ("mdi6.inbox-arrow-down-outline", "#2e7d32"),
    "return_referral": ("mdi6.keyboard-return", "#c62828"),
    "feed_back_referral": ("mdi6.reply-outline", "#1565c0"),
    "add_support": ("mdi6.account-multiple-plus-outline", "#1565c0"),
    "support_feed_back": ("mdi6.account-multiple-check-outline", "#2e7d32"),
    "correct": ("mdi6.tag-edit-outline", "#ef6c00"),
    "escalation": ("mdi6.alarm-light-outline", "#c62828"),
    "alert": ("mdi6.bell-ring-outline", "#c62828"),
    "overdue": ("mdi6.clock-alert-outline", "#c62828"),
    "theme": ("mdi6.theme-light-dark", "#37474f"),
    "wall_mode": ("mdi6.monitor-dashboard", "#37474f"),
    "filter": ("mdi6.filter-outline", "#37474f"),
    "search": ("mdi6.magnify", "#37474f"),
    "photo": ("mdi6.camera-outline", "#37474f"),
    "help": ("mdi6.help-circle-outline", "#37474f"),
    "user": ("mdi6.account-circle-outline", "#37474f"),
    "database": ("mdi6.database-outline", "#37474f"),
    "online": ("mdi6.lan-connect", "#2e7d32"),
    "offline": ("mdi6.lan-disconnect", "#c62828"),
    "print": ("mdi6.printer-outline", "#37474f"),
    "save": ("mdi6.content-save-outline", "#37474f"),
    "pdf": ("mdi6.file-pdf-box", "#c62828"),
    "drill": ("mdi6.whistle-outline", "#37474f"),
    "import": ("mdi6.file-import-outline", "#37474f"),
    "officer": ("mdi6.account-hard-hat", "#37474f"),
    "department": ("mdi6.office-building-outline", "#37474f"),
    "sign": ("mdi6.draw-pen", "#1565c0"),
    "acknowledge": ("mdi6.stamper", "#2e7d32"),
    "early_warning": ("mdi6.radar", "#b26a00"),
    "language": ("mdi6.translate", "#37474f"),
}

NEUTRAL = "#37474f"  # the icons without a meaning of their own: drawn in the theme's ink instead
_cache: dict[str, QIcon] = {}
_neutral: list[str] = [NEUTRAL]


def set_neutral_colour(colour: str) -> None:
    """The dark theme draws neutral icons light; icons asked for from now on use `colour`."""
    if colour != _neutral[0]:
        _neutral[0] = colour
        _cache.clear()


def icon(name: str) -> QIcon:
    """The icon for a semantic name; an unknown name is a programming error (KeyError)."""
    if name not in _cache:
        spec, colour = ICONS[name]
        _cache[name] = qta.icon(spec, color=_neutral[0] if colour == NEUTRAL else colour)
    return _cache[name]
