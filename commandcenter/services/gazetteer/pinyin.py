"""The pinyin a place name is found by: full syllables and initials, lower case, no tones.

One pypinyin call per name gives both (an initial is a syllable's first letter; digits and
Latin letters in the name stay as they are, so 华兴路12号 is "huaxinglu12hao" and "hxl12h").
pypinyin loads its phrase dictionary (about half a second) on first use: imports and the
demo generator call this, the call-taker's look-up only reads the stored columns.
"""

from __future__ import annotations

import re

_KEEP = re.compile(r"[^0-9a-z]+")


def place_pinyin(name: str) -> tuple[str, str]:
    """(full pinyin, initials) of a place name."""
    from pypinyin import Style, lazy_pinyin

    full: list[str] = []
    initials: list[str] = []
    for token in lazy_pinyin(name, style=Style.NORMAL, errors="default"):
        syllable = _KEEP.sub("", token.lower())
        if not syllable:
            continue
        full.append(syllable)
        # a house number (12) stays whole: "hxl12" finds 华兴路12号; a syllable gives its first letter
        initials.append(syllable if syllable.isdigit() else syllable[0])
    return "".join(full), "".join(initials)
