"""Roughly where the seat of each of Putian's towns and street offices is, to name the demo's pieces.

The Putian-scale demo cuts each real district into as many towns and street offices as it
has, but the cuts are generated: these positions (WGS-84, approximate to a kilometre or two,
from general maps) let each generated piece take the name of the seat nearest to it, so a
trainee who knows Putian finds 江口 by the coast of 涵江, 游洋 in 仙游's northern hills and 南日
on its island, not wherever north-to-south order would put them.
"""

from __future__ import annotations

import numpy as np

SEATS: dict[str, tuple[float, float]] = {
    # 城厢区
    "凤凰山": (118.990, 25.435), "龙桥": (119.000, 25.445), "霞林": (118.990, 25.415), "东海": (119.045, 25.395),
    "华亭": (118.930, 25.400), "灵川": (119.030, 25.320), "常太": (118.870, 25.500),
    # 涵江区
    "涵东": (119.120, 25.460), "涵西": (119.100, 25.460), "三江口": (119.140, 25.430), "白塘": (119.070, 25.445),
    "国欢": (119.100, 25.490), "梧塘": (119.080, 25.500), "江口": (119.190, 25.490), "萩芦": (119.130, 25.560),
    "白沙": (119.050, 25.600), "庄边": (119.100, 25.680), "新县": (119.150, 25.720),
    # 荔城区
    "镇海": (119.020, 25.430), "拱辰": (119.005, 25.455), "西天尾": (119.010, 25.480), "黄石": (119.080, 25.410),
    "新度": (119.050, 25.430), "北高": (119.120, 25.360),
    # 秀屿区
    "秀屿": (119.090, 25.310), "笏石": (119.110, 25.330), "东庄": (119.130, 25.240), "忠门": (119.040, 25.180),
    "东埔": (119.170, 25.220), "东峤": (119.210, 25.340), "埭头": (119.300, 25.280), "平海": (119.250, 25.190),
    "南日": (119.500, 25.220), "月塘": (119.080, 25.260), "山亭": (119.040, 25.100),
    # 仙游县
    "鲤城": (118.690, 25.360), "鲤南": (118.700, 25.330), "榜头": (118.760, 25.390), "郊尾": (118.830, 25.330),
    "枫亭": (118.850, 25.260), "盖尾": (118.780, 25.300), "度尾": (118.640, 25.280), "赖店": (118.740, 25.420),
    "园庄": (118.580, 25.320), "大济": (118.640, 25.420), "龙华": (118.620, 25.400), "钟山": (118.630, 25.550),
    "游洋": (118.680, 25.600),
}


def match_nearest(stems: list[str], places: np.ndarray) -> list[int]:
    """For each stem, the index of the place (an (n, 2) lon/lat array, n == len(stems)) it names:
    the closest pair first, then the closest of what is left (greedy; a stem without a known
    seat takes what remains, in order)."""
    known = [i for i, s in enumerate(stems) if s in SEATS]
    seats = np.array([SEATS[stems[i]] for i in known]).reshape(-1, 2)
    scale = np.array((np.cos(np.radians(25.4)), 1.0))  # degrees of longitude are shorter
    dist = np.linalg.norm((seats[:, None, :] - places[None, :, :]) * scale, axis=2)
    out = [-1] * len(stems)
    taken: set[int] = set()
    for flat in np.argsort(dist, axis=None, kind="stable"):
        s, p = divmod(int(flat), len(places))
        if out[known[s]] < 0 and p not in taken:
            out[known[s]] = p
            taken.add(p)
    rest = iter(p for p in range(len(places)) if p not in taken)
    return [p if p >= 0 else next(rest) for p in out]
