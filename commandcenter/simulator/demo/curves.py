"""When problems are reported: hour-of-day, weekday, season and weather rhythms per category family.

Each minor category belongs to a family with its own hour-of-day curve (when the problem shows
and is noticed) and weekday curve: stalls, barbecues and noise at night, traffic and parking at
the rush hours, street vendors at the morning and night markets, disputes in the evening when
people are at home, hazards and most components in the daytime, emergencies at any hour. At
weekends and on holidays the rush hours go and the morning starts later.

The channel then follows the hour: a case's source is drawn from its kind's channel mix times
each channel's activity at that hour, so grid officers (巡查) report only in their working hours,
12345 calls come through the day with an evening tail, the citizen app peaks in the evening,
video and sensors watch round the clock, and petitions and the mayor's mailbox are read in
office hours.

Seasons as in Fujian: the typhoon season (July to September) brings flooded roads, fallen trees
and cables; summer brings noise, barbecues and burst water mains; the Spring Festival brings
fireworks noise, crowds and parking, and festival rubbish while workshops and sites stand
still. A few storm days each typhoon season (about one day in thirty starts one, lasting one or
two days) add a burst of mostly urgent flood and wind cases around the storm's peak hour.

The mean number of cases a day is the scale's figure (`Scale.cases_per_day`), before the weekday,
holiday and season factors; every factor here averages to about one over a year.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ...domain.enums import SourceChannel

# ---- hour-of-day curves, local hours 0..23 ----------------------------------------------
_H = {
    # components and environment: seen on patrols and by passers-by in daylight
    "daytime": (0.1, 0.05, 0.05, 0.05, 0.05, 0.1, 0.4, 1.2, 2.4, 3.0, 3.0, 2.4,
                1.3, 1.4, 2.4, 2.8, 2.6, 2.0, 1.2, 0.8, 0.6, 0.4, 0.25, 0.15),
    # barbecue stalls, noise, suspicious persons: evening and night
    "night": (2.4, 1.8, 1.0, 0.5, 0.2, 0.1, 0.1, 0.1, 0.2, 0.2, 0.3, 0.3,
              0.3, 0.3, 0.3, 0.3, 0.4, 0.6, 1.0, 1.8, 2.8, 3.3, 3.4, 3.0),
    # street vendors: the morning market and the night market
    "market": (0.4, 0.2, 0.1, 0.1, 0.1, 0.4, 1.6, 2.6, 2.4, 1.5, 1.0, 0.9,
               0.8, 0.7, 0.7, 0.8, 1.0, 1.6, 2.4, 2.8, 2.6, 2.0, 1.2, 0.7),
    # parking, signals, signs, shared bikes: the rush hours
    "traffic": (0.1, 0.05, 0.05, 0.05, 0.1, 0.2, 0.8, 2.8, 3.4, 2.0, 1.2, 1.1,
                1.0, 1.0, 1.1, 1.3, 1.9, 3.0, 3.2, 1.8, 1.0, 0.6, 0.3, 0.2),
    # disputes and livelihood: daytime calls, and evenings when people are at home
    "social": (0.2, 0.1, 0.05, 0.05, 0.05, 0.1, 0.3, 0.7, 1.4, 1.9, 2.0, 1.6,
               1.1, 1.2, 1.6, 1.7, 1.6, 1.4, 1.5, 1.9, 2.0, 1.6, 0.9, 0.4),
    # production safety and fire hazards: found on inspections in office hours
    "hazard": (0.1, 0.05, 0.05, 0.05, 0.05, 0.1, 0.2, 0.8, 2.4, 3.2, 3.2, 2.2,
               0.9, 1.2, 2.6, 3.0, 2.6, 1.6, 0.8, 0.6, 0.5, 0.4, 0.25, 0.15),
    # collapses, bursts, leaks: any hour, a little more when more people are about
    "emergency": (0.6, 0.5, 0.4, 0.4, 0.4, 0.5, 0.7, 1.0, 1.2, 1.3, 1.3, 1.2,
                  1.1, 1.1, 1.2, 1.2, 1.2, 1.2, 1.2, 1.1, 1.0, 0.9, 0.8, 0.7),
}
FAMILIES: tuple[str, ...] = tuple(_H)
HOURLY = np.array([_H[f] for f in FAMILIES])
# weekends and holidays: no rush hours, a later morning, longer evenings
WEEKEND_HOURLY = HOURLY.copy()
WEEKEND_HOURLY[FAMILIES.index("traffic")] = (0.2, 0.1, 0.05, 0.05, 0.05, 0.1, 0.2, 0.5, 1.0, 1.6, 2.2, 2.4,
                                             2.2, 2.0, 2.0, 2.1, 2.2, 2.2, 2.0, 1.6, 1.2, 0.8, 0.5, 0.3)
for _f in ("daytime", "hazard", "social"):
    _k = FAMILIES.index(_f)
    WEEKEND_HOURLY[_k, 6:] = HOURLY[_k, 5:-1]  # an hour later from the morning on
    WEEKEND_HOURLY[_k, 23] = HOURLY[_k, 23]

# ---- weekday curves, Monday first (each averages to one) ---------------------------------
_W = {
    "daytime": (1.10, 1.06, 1.05, 1.04, 1.03, 0.88, 0.84),
    "night": (0.82, 0.84, 0.88, 0.94, 1.18, 1.34, 1.00),
    "market": (0.96, 0.95, 0.95, 0.97, 1.03, 1.10, 1.04),
    "traffic": (1.12, 1.05, 1.04, 1.05, 1.12, 0.84, 0.78),
    "social": (0.98, 0.97, 0.97, 0.97, 0.98, 1.06, 1.07),
    "hazard": (1.18, 1.14, 1.12, 1.12, 1.06, 0.74, 0.64),
    "emergency": (1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0),
}
WEEKDAY = np.array([_W[f] for f in FAMILIES])
WEEKDAY = WEEKDAY / WEEKDAY.mean(axis=1, keepdims=True)
HOLIDAY_FACTOR = 0.75  # fewer reports on public holidays, whatever the family
SEASON_AMPLITUDE = 0.10  # every category a little busier in midsummer

_FAMILY_OF = {
    "0202": "traffic", "0203": "traffic", "0204": "traffic", "0205": "traffic",
    "0901": "night", "1102": "night", "1301": "night", "1604": "night",
    "1101": "market", "1103": "market", "1104": "traffic",
}
_FAMILY_OF_MAJOR = {"10": "emergency", "12": "social", "13": "social", "14": "hazard", "15": "hazard", "16": "social"}


def family_of(code: str) -> int:
    """The family (an index into FAMILIES) of a minor category code."""
    return FAMILIES.index(_FAMILY_OF.get(code) or _FAMILY_OF_MAJOR.get(code[:2], "daytime"))


# ---- channels by hour ---------------------------------------------------------------------
_OFFICE = (0, 0, 0, 0, 0, 0, 0, 0, 0.6, 1, 1, 1, 0.3, 0.5, 1, 1, 1, 0.6, 0, 0, 0, 0, 0, 0)
_C = {
    SourceChannel.PATROL: (0, 0, 0, 0, 0, 0, 0, 0.3, 1, 1, 1, 0.9, 0.3, 0.5, 1, 1, 1, 0.8, 0.2, 0, 0, 0, 0, 0),
    SourceChannel.HOTLINE_12345: (0.25, 0.15, 0.1, 0.1, 0.1, 0.15, 0.4, 0.8, 1, 1, 1, 1,
                                  0.9, 0.9, 1, 1, 1, 1, 0.95, 0.9, 0.85, 0.7, 0.5, 0.35),
    SourceChannel.DUTY_LINE: (0.6,) * 8 + (1.0,) * 12 + (0.8,) * 4,
    SourceChannel.CITIZEN_APP: (0.4, 0.2, 0.1, 0.1, 0.1, 0.2, 0.4, 0.7, 0.8, 0.8, 0.8, 0.9,
                                1, 0.9, 0.8, 0.8, 0.8, 0.9, 1, 1.2, 1.3, 1.2, 0.9, 0.6),
    SourceChannel.VIDEO: (0.8,) * 7 + (1.0,) * 16 + (0.8,),
    SourceChannel.SENSOR: (1.0,) * 24,
    SourceChannel.REFERRAL: _OFFICE,
    SourceChannel.PETITION: _OFFICE,
    SourceChannel.MAYOR_MAILBOX: _OFFICE,
}
CHANNEL_HOURS = np.array([_C[c] for c in SourceChannel], dtype=float)  # [channel, hour]

# ---- seasons and storms ---------------------------------------------------------------------
TYPHOON_MONTHS = (7, 8, 9)
SUMMER_MONTHS = (6, 7, 8)
WINTER_MONTHS = (12, 1, 2)
TYPHOON = {"1004": 2.5, "0401": 2.0, "1005": 1.6, "0705": 1.5, "0503": 1.3, "1001": 1.3}
SUMMER = {"1604": 1.5, "1102": 1.6, "0901": 1.3, "1002": 1.4, "0702": 1.2, "0705": 1.2}
WINTER = {"1102": 0.6, "1604": 0.85}
# fireworks (noise), crowds and parking, festival rubbish; sites and workshops stand still
SPRING_FESTIVAL = {"1604": 2.5, "1104": 1.6, "1501": 1.5, "0702": 1.5, "1101": 1.3, "0901": 0.3, "0902": 0.3,
                   "1402": 0.5, "1203": 1.6}
# the first day of the lunar year; the festival runs from its eve to the sixth day
SPRING_FESTIVAL_DAYS = tuple(np.datetime64(d) for d in (
    "2022-02-01", "2023-01-22", "2024-02-10", "2025-01-29", "2026-02-17", "2027-02-06", "2028-01-26",
    "2029-02-13", "2030-02-03"))
FESTIVAL_SPAN = (-1, 6)
P_STORM_START = 1 / 30  # of days in the typhoon season
STORM_CASES = 0.25  # extra cases on a storm day, as a share of an ordinary day's
STORM_CATEGORIES = {"1004": 4.0, "0401": 3.0, "1005": 1.5, "0503": 1.0, "0705": 1.0, "1001": 0.5}
STORM_PRIORITY = (0.55, 0.40, 0.05, 0.0)  # urgent, high, normal, low
STORM_HOUR_SPREAD = 3.0  # hours either side of the storm's peak


def _months(dates: np.ndarray) -> np.ndarray:
    return (dates.astype("datetime64[M]").astype(np.int64) % 12) + 1


def season_factors(codes: list[str], dates: np.ndarray) -> np.ndarray:
    """[day, category] multipliers for the season of each local date."""
    day_of_year = (dates - dates.astype("datetime64[Y]")).astype(np.int64)
    base = 1 + SEASON_AMPLITUDE * np.sin(2 * np.pi * (day_of_year - 105) / 365.25)
    out = np.repeat(base[:, None], len(codes), axis=1)
    month = _months(dates)
    festival = np.zeros(len(dates), dtype=bool)
    for first in SPRING_FESTIVAL_DAYS:
        offset = (dates - first).astype(np.int64)
        festival |= (offset >= FESTIVAL_SPAN[0]) & (offset <= FESTIVAL_SPAN[1])
    for when, table in ((np.isin(month, TYPHOON_MONTHS), TYPHOON), (np.isin(month, SUMMER_MONTHS), SUMMER),
                        (np.isin(month, WINTER_MONTHS), WINTER), (festival, SPRING_FESTIVAL)):
        for code, factor in table.items():
            if code in codes:
                out[when, codes.index(code)] *= factor
    return out


def storm_days(dates: np.ndarray, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Which dates are storm days, and each storm's peak local hour (as a float)."""
    start = np.isin(_months(dates), TYPHOON_MONTHS) & (rng.random(len(dates)) < P_STORM_START)
    second = start & (rng.random(len(dates)) < 0.5)
    storm = start | np.r_[False, second[:-1]]
    peak = rng.uniform(0, 24, size=len(dates))
    return storm, peak


@dataclass(frozen=True)
class Reports:
    """The cases reported in some days, in time order: when, what, by which channel, storm or not."""

    at: np.ndarray
    category: np.ndarray
    source: np.ndarray
    storm: np.ndarray


class Rhythm:
    """The report rhythm of one city: its categories' families, weights and channel mixes.

    `source_weights` is [kind, channel], the channel mix of each category kind over a day.
    """

    def __init__(self, codes: list[str], kinds: np.ndarray, category_p: np.ndarray, cases_per_day: float,
                 source_weights: np.ndarray) -> None:
        self.codes, self.kinds, self.category_p, self.cases_per_day = codes, kinds, category_p, cases_per_day
        self.family = np.array([family_of(c) for c in codes])
        weekday_cdf = np.cumsum(HOURLY / HOURLY.sum(axis=1, keepdims=True), axis=1)
        weekend_cdf = np.cumsum(WEEKEND_HOURLY / WEEKEND_HOURLY.sum(axis=1, keepdims=True), axis=1)
        self.hour_cdf = np.concatenate((weekday_cdf, weekend_cdf))  # [family + weekend * families, hour]
        # P(channel | kind, hour), [kind * 24 + hour, channel]
        mix = source_weights[:, None, :] * CHANNEL_HOURS.T[None, :, :]
        self.source_cdf = np.cumsum(mix / mix.sum(axis=2, keepdims=True), axis=2).reshape(-1, mix.shape[2])
        storm_w = np.array([STORM_CATEGORIES.get(c, 0.0) for c in codes])
        self.storm_p = storm_w / storm_w.sum() if storm_w.sum() else storm_w

    def reports(self, rng: np.random.Generator, dates: np.ndarray, day_start: np.ndarray, working: np.ndarray,
                storm: np.ndarray, peak: np.ndarray, now: int) -> Reports:
        """Cases reported on `dates` (local days starting at `day_start`) up to `now`, in time order."""
        weekday = (dates.astype(np.int64) + 3) % 7  # 1970-01-01 was a Thursday
        holiday = ~working & (weekday < 5)
        rest = ~working | (weekday >= 5)
        mean = (self.cases_per_day * self.category_p[None, :] * WEEKDAY[self.family][:, weekday].T
                * season_factors(self.codes, dates) * np.where(holiday, HOLIDAY_FACTOR, 1.0)[:, None])
        counts = rng.poisson(mean)
        day = np.repeat(np.repeat(np.arange(len(dates)), len(self.codes)), counts.ravel())
        cat = np.repeat(np.tile(np.arange(len(self.codes)), len(dates)), counts.ravel())
        rows = self.family[cat] + len(FAMILIES) * rest[day]
        hour = np.minimum((rng.random(len(cat))[:, None] > self.hour_cdf[rows]).sum(axis=1), 23)
        # the storms' bursts
        extra = rng.poisson(np.where(storm, STORM_CASES * self.cases_per_day, 0.0))
        s_day = np.repeat(np.arange(len(dates)), extra)
        s_cat = rng.choice(len(self.codes), size=len(s_day), p=self.storm_p) if len(s_day) else s_day
        s_hour = np.floor(peak[s_day] + rng.normal(0, STORM_HOUR_SPREAD, size=len(s_day))).astype(np.int64) % 24
        day, cat, hour = np.r_[day, s_day], np.r_[cat, s_cat], np.r_[hour, s_hour]
        is_storm = np.r_[np.zeros(len(rows), dtype=bool), np.ones(len(s_day), dtype=bool)]
        at = day_start[day] + hour * 3600 + rng.integers(0, 3600, size=len(day))
        rows = self.kinds[cat] * 24 + hour
        source = np.minimum((rng.random(len(cat))[:, None] > self.source_cdf[rows]).sum(axis=1),
                            self.source_cdf.shape[1] - 1)
        keep = at <= now
        order = np.argsort(at[keep], kind="stable")
        return Reports(at[keep][order], cat[keep][order], source[keep][order], is_storm[keep][order])
