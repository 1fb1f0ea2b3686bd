"""Masking residents' and officers' personal data for people without the right to see it.

Pure rules, no database and no Qt: the services decide *whether* a viewer sees the clear value
(the permission `Action.VIEW_PERSONAL_DATA`) and call these to decide *what* a masked value
looks like. Every rule keeps just enough for an operator to work the case (whom to ask for on
the phone, which road to send an officer to) and hides what identifies one person or door.
The same value always masks the same way, so a masked list still sorts and groups.
"""

from __future__ import annotations

import re
from enum import StrEnum

MASK = "*"


class PersonalField(StrEnum):
    """The personal fields of a case a viewer may reveal one at a time (stored in the audit trail)."""

    REPORTER_NAME = "reporter_name"
    REPORTER_PHONE = "reporter_phone"
    ADDRESS = "address"


# ---- phones ---------------------------------------------------------------------------
_DIGIT = re.compile(r"\d")
SERVICE_NUMBER_DIGITS = 5  # 110, 12345, 95598: public service numbers, nobody's own


def _keep(digits: str) -> tuple[int, int]:
    """How many leading and trailing digits of a number stay visible."""
    n = len(digits)
    if n <= SERVICE_NUMBER_DIGITS:
        return n, 0
    if digits.startswith("86") and n == 13 and digits[2] == "1":  # +86 mobile: country code + 3 + 4
        return 5, 4
    if digits.startswith("1") and n == 11:  # mainland mobile
        return 3, 4
    if digits.startswith("0") and n >= 10:  # landline with its area code (010, 02x: 3 digits; else 4)
        area = 3 if digits.startswith(("010", "02")) else 4
        return area, 4
    if n >= 11:
        return 3, 4
    return 0, 3  # a local number without its area code


def mask_phone(phone: str) -> str:
    """A phone number with its middle digits replaced by `*`, separators left where they are.

    - mainland mobiles keep their first 3 and last 4 digits: 13812345678 → 138****5678
      (+86 138 1234 5678 → +86 138 **** 5678);
    - landlines keep their area code and last 4 digits: 0594-2345678 → 0594-***5678,
      010-12345678 → 010-****5678;
    - a local number without area code keeps its last 3 digits: 2345678 → ****678;
    - numbers of at most 5 digits (110, 12345, 95598) are public service numbers and stay.
    """
    digits = "".join(_DIGIT.findall(phone))
    head, tail = _keep(digits)
    if head + tail >= len(digits):
        return phone
    out, seen = [], 0
    for ch in phone:
        if ch.isdigit():
            out.append(ch if seen < head or seen >= len(digits) - tail else MASK)
            seen += 1
        else:
            out.append(ch)
    return "".join(out)


# mobiles (optionally +86) and landlines with an area code, as they appear inside free text
_PHONE_IN_TEXT = re.compile(
    r"(?<!\d)(?:(?:\+?86[ -]?)?1\d{2}[ -]?\d{4}[ -]?\d{4}|0\d{2,3}[ -]?\d{7,8})(?!\d)"
)


def mask_phones_in_text(text: str) -> str:
    """Free text (a handover note, a pending call) with every phone number in it masked.

    Only numbers shaped like a mobile or an area-coded landline are touched, so case numbers
    (20261125-00042), times and counts in the same text stay readable.
    """
    return _PHONE_IN_TEXT.sub(lambda m: mask_phone(m.group(0)), text)


# ---- names ----------------------------------------------------------------------------
COMPOUND_SURNAMES = frozenset({
    "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒",
    "夏侯", "轩辕", "令狐", "端木", "独孤", "南宫", "西门", "百里", "呼延", "澹台", "公冶", "太史",
    "申屠", "钟离", "闻人", "赫连", "万俟", "濮阳", "淳于", "单于", "东郭", "拓跋", "司空", "第五",
})
# a surname with a form of address names nobody in particular: 王先生 says no more than 王*
TITLES = ("先生", "女士", "小姐", "阿姨", "师傅", "大爷", "大妈", "老师", "同志")
_CJK = re.compile(r"^[\u3400-\u9fff\uf900-\ufaff·•]+$")


def _mask_word(word: str) -> str:
    return word[:1] + "".join(MASK if ch.isalpha() else ch for ch in word[1:])


def mask_name(name: str) -> str:
    """A person's name reduced to the surname (Chinese) or to initials (other scripts).

    - Chinese names keep the surname and mask each given-name character: 刘洋 → 刘*,
      刘德华 → 刘**; a compound surname stays whole when the name is longer than it:
      欧阳娜娜 → 欧阳**; the dot of a transcribed name stays: 阿依古丽·买买提 → 阿***·***;
    - a surname with a form of address (王先生, 李女士) already names nobody and stays;
    - names in Latin and other scripts keep each word's first letter, one `*` per other
      letter, punctuation kept: John Doe → J*** D**, O'Brien → O'*****.
    """
    name = name.strip()
    if not name:
        return name
    if _CJK.match(name):
        if name.endswith(TITLES) and len(name) <= 4:
            return name
        surname = name[:2] if name[:2] in COMPOUND_SURNAMES and len(name) > 2 else name[:1]
        return surname + "".join(ch if ch in "·•" else MASK for ch in name[len(surname):])
    return " ".join(_mask_word(word) for word in name.split())


# ---- addresses ------------------------------------------------------------------------
_NUMBER = re.compile(r"[0-9０-９]+(?:[-－—~/][0-9０-９]+)*")
_CHINESE_NUMBER = re.compile(r"[零〇一二三四五六七八九十百千两]+(?=[号號栋棟幢座楼樓单元层室户弄巷])")


def mask_address(address: str) -> str:
    """An address reduced to its road and compound: every house, building, unit and room number
    becomes one `*`, so the length of a number tells nothing either.

    荔城中大道1234号阳光小区3栋2单元501室 → 荔城中大道*号阳光小区*栋*单元*室;
    三号楼 → *号楼; 12 Baker Street, Flat 3 → * Baker Street, Flat *. The road, the compound
    and the landmark stay: enough to send someone there, not to knock on one door.
    """
    return _CHINESE_NUMBER.sub(MASK, _NUMBER.sub(MASK, address))
