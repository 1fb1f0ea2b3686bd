"""Who works in the demo city: command centres, seats, users, shifts, grid officers, departments.

One city centre, one centre per district under it and one per street under that. Users
`operator`, `supervisor`, `trainer` and `admin` sit at the city centre, a few operators and a
supervisor at each district centre, an operator `op<street code>` and a supervisor `sup<street code>` at
each street centre; every password is `<username>-demo`. The city centre and each district
centre work the same three shifts (stored per centre, so each centre's handovers name its own),
with an operator on each at the city centre and the district operators spread over them; a street
centre works the day shift only (the street office's hours: the district and city desks cover
the evening and the night), so it writes one handover a day. Grid officers are
responsible for one or two grids each and every grid has at least one; their duty status,
last position and recent position reports are consistent with their shift at "now".
"""

from __future__ import annotations

import random
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime, tzinfo

import numpy as np
from faker import Faker

from ...domain.enums import CentreLevel, DutyStatus, Role
from ...services.passwords import hash_password
from .duty import duty_changes
from .geography import CityIndex, CityMap, initials
from .rows import Const, Nullable, Pending, TableRows, table
from .scales import Scale
from .texts import CENTRE_SUFFIX

CITY_CODE = "350300"
# (code, name, phone); names as the city's own bureaux
DEPARTMENTS: tuple[tuple[str, str, str], ...] = (
    ("sanitation", "环卫处", "0594-2671101"),
    ("enforcement", "城管执法局", "0594-2671102"),
    ("police", "公安分局", "0594-2671110"),
    ("housing", "住建局", "0594-2671103"),
    ("market", "市场监管局", "0594-2671104"),
    ("fire", "消防救援大队", "0594-2671119"),
    ("water", "水务集团", "0594-2671105"),
    ("power", "供电公司", "0594-2671106"),
    ("landscaping", "园林中心", "0594-2671107"),
    ("traffic", "交警大队", "0594-2671122"),
    ("emergency", "应急管理局", "0594-2671108"),
    ("civil", "民政局", "0594-2671109"),
    ("judicial", "司法局", "0594-2671112"),  # mediates disputes beside their lead (jointloop)
)
# minor category -> the department that handles it when an officer cannot
ROUTES: tuple[tuple[str, str], ...] = (
    ("0101", "water"), ("0102", "power"), ("0103", "fire"), ("0104", "power"), ("0105", "sanitation"),
    ("0201", "housing"), ("0202", "traffic"), ("0203", "traffic"), ("0204", "traffic"), ("0205", "enforcement"),
    ("0301", "sanitation"), ("0302", "landscaping"), ("0303", "enforcement"),
    ("0401", "landscaping"), ("0402", "landscaping"), ("0403", "landscaping"),
    ("0501", "housing"), ("0502", "enforcement"), ("0503", "housing"),
    ("0601", "police"), ("0602", "civil"), ("0603", "power"),
    ("0701", "sanitation"), ("0702", "sanitation"), ("0703", "sanitation"), ("0704", "enforcement"),
    ("0705", "water"), ("0802", "enforcement"),
    ("0901", "enforcement"), ("0902", "housing"), ("0903", "enforcement"), ("0904", "traffic"),
    ("1001", "housing"), ("1002", "water"), ("1003", "emergency"), ("1004", "water"), ("1005", "power"),
    ("1101", "enforcement"), ("1102", "enforcement"), ("1104", "traffic"), ("1105", "civil"),
    ("1202", "housing"), ("1301", "police"), ("1302", "police"), ("1303", "police"),
    ("1401", "emergency"), ("1402", "emergency"), ("1403", "market"),
    ("1501", "fire"), ("1502", "fire"), ("1503", "fire"), ("1504", "power"),
    ("1601", "civil"), ("1602", "civil"), ("1604", "enforcement"),
)
# city-centre shifts: (name, start, end); the evening shift ends at midnight ("00:00")
SHIFTS: tuple[tuple[str, str, str], ...] = (("早班", "08:00", "16:00"), ("中班", "16:00", "00:00"), ("夜班", "00:00", "08:00"))
SHIFT_OF_HOUR = np.array([2] * 8 + [0] * 8 + [1] * 8)  # local hour -> index into SHIFTS
OFFICER_SHIFT_WEIGHTS = (0.70, 0.22, 0.08)
MOBILE_PREFIXES = np.array([130, 131, 132, 133, 134, 135, 136, 137, 138, 139, 150, 151, 152, 153, 155, 156, 157,
                            158, 159, 180, 181, 182, 183, 184, 185, 186, 187, 188, 189])
POSITIONS_PER_OFFICER = 4
STREET_STAFF = -2  # district position of a street centre's users: they act for no district in the history


@dataclass(frozen=True)
class Staff:
    """What the case planner needs to know about people, and the rows to write."""

    tables: list[TableRows]
    city_centre_id: int
    district_centre_ids: np.ndarray
    street_centre_ids: np.ndarray
    operators: list[list[np.ndarray]]  # [district][shift] -> operator user ids on that shift
    supervisors: list[np.ndarray]  # [district] -> supervisor user ids
    # the centres that write handovers: the city centre, then the district and the street centres in order
    desk_centre_ids: np.ndarray
    desk_shift_ids: np.ndarray  # [desk centre, shift] -> its stored shift, -1 where the desk does not work it
    desk_operators: list[list[np.ndarray]]  # [desk centre][shift] -> that centre's own operators on it
    desk_supervisors: list[np.ndarray]  # [desk centre] -> that centre's own supervisors
    grid_officer_ptr: np.ndarray  # CSR: officers of grid g are grid_officer_ids[ptr[g]:ptr[g+1]]
    grid_officer_ids: np.ndarray
    department_ids: dict[str, int]
    routes: dict[str, int]  # minor category code -> department id
    users: int
    officers: int


def mobile_numbers(rng: np.random.Generator, n: int) -> np.ndarray:
    """Chinese mobile numbers (13x, 15x, 18x) as an object array of strings."""
    numbers = MOBILE_PREFIXES[rng.integers(len(MOBILE_PREFIXES), size=n)] * 100_000_000 + rng.integers(
        0, 100_000_000, size=n
    )
    return numbers.astype(str).astype(object)


def _local_minutes(now: datetime, tz: tzinfo) -> int:
    local = now.astimezone(tz)
    return local.hour * 60 + local.minute


def _hashes(salted: list[tuple[str, bytes]]) -> Pending:
    """Password hashes on a few threads, started now and waited for when the users are written.

    scrypt releases the GIL and takes 70 ms apiece: at Putian scale 130 accounts, 9 s of CPU that
    the generation waited for. The map's roads and gazetteer are planned and written before the
    users (`generate_demo`), so most of it now runs on the other core meanwhile.
    """
    pool = ThreadPoolExecutor(max_workers=4, thread_name_prefix="demo-hash")
    futures = [pool.submit(hash_password, password, salt) for password, salt in salted]
    pool.shutdown(wait=False)  # its threads end once the last hash is done
    return Pending(futures)


def build_staff(city: CityMap, ix: CityIndex, scale: Scale, seed: int, now: datetime, tz: tzinfo,
                first_ids: dict[str, int], category_ids: dict[str, int], grid_points: np.ndarray) -> Staff:
    """Centres, seats, users, shifts, officers and departments of a city, as rows and lookups."""
    rng = np.random.default_rng([seed, 2])
    salts = random.Random(seed)
    fake = Faker("zh_CN")
    fake.seed_instance(seed)
    now_s = int(now.timestamp())
    streets = city.streets()

    # ---- centres and seats --------------------------------------------------------------
    n_d, n_s = len(city.districts), len(streets)
    city_id = first_ids["command_centre"]
    district_centres = city_id + 1 + np.arange(n_d)
    street_centres = city_id + 1 + n_d + np.arange(n_s)
    centre_rows = [(city_id, CITY_CODE, city.name + CENTRE_SUFFIX["city"], CentreLevel.CITY.value, None, None, None)]
    centre_rows += [
        (int(district_centres[i]), d.code, d.name + CENTRE_SUFFIX["district"], CentreLevel.DISTRICT.value, city_id,
         int(ix.district_ids[i]), None)
        for i, d in enumerate(city.districts)
    ]
    centre_rows += [
        (int(street_centres[k]), s.code, s.name + CENTRE_SUFFIX["street"], CentreLevel.STREET.value,
         int(district_centres[ix.street_district[k]]), int(ix.district_ids[ix.street_district[k]]), int(ix.street_ids[k]))
        for k, s in enumerate(streets)
    ]
    cols = list(zip(*centre_rows, strict=True))
    centres = table("command_centre", id=list(cols[0]), code=list(cols[1]), name=list(cols[2]), level=list(cols[3]),
                    parent_id=list(cols[4]), district_id=list(cols[5]), street_id=list(cols[6]),
                    timezone=Const("Asia/Shanghai"))
    seats = [(city_id, 6)] + [(int(c), 3) for c in district_centres] + [(int(c), 2) for c in street_centres]
    seat_rows = [(cid, f"席位{k:02d}") for cid, n in seats for k in range(1, n + 1)]
    workstations = table("workstation", id=first_ids["workstation"] + np.arange(len(seat_rows)),
                         centre_id=[r[0] for r in seat_rows], name=[r[1] for r in seat_rows])

    # ---- users and shifts ---------------------------------------------------------------
    # (username, role, centre, district position or -1, shift index or -1)
    people: list[tuple[str, str, int, int, int]] = [
        ("operator", Role.OPERATOR.value, city_id, -1, 0),
        ("supervisor", Role.SUPERVISOR.value, city_id, -1, 0),
        ("operator2", Role.OPERATOR.value, city_id, -1, 1),  # the city's evening and night desks
        ("operator3", Role.OPERATOR.value, city_id, -1, 2),
        ("trainer", Role.TRAINER.value, city_id, -1, -1),
        ("admin", Role.ADMIN.value, city_id, -1, -1),
    ]
    for i, d in enumerate(city.districts):
        people += [(f"op{d.code}_{k + 1}", Role.OPERATOR.value, int(district_centres[i]), i, k % 3)
                   for k in range(scale.operators_per_district)]
        people.append((f"sup{d.code}", Role.SUPERVISOR.value, int(district_centres[i]), i, 0))
    display_names = [fake.name() for _ in people]
    # the street centres' names come from a generator of their own, so the officers' names stay as they were
    street_fake = Faker("zh_CN")
    street_fake.seed_instance(seed + 31)
    for k, st in enumerate(streets):
        for prefix, role in (("op", Role.OPERATOR), ("sup", Role.SUPERVISOR)):
            people.append((f"{prefix}{st.code}", role.value, int(street_centres[k]), STREET_STAFF, 0))
            display_names.append(street_fake.name())
    user_ids = first_ids["app_user"] + np.arange(len(people))
    users = table(
        "app_user", id=user_ids, username=[p[0] for p in people], display_name=display_names,
        role=[p[1] for p in people], centre_id=[p[2] for p in people],
        password_hash=_hashes([(f"{p[0]}-demo", salts.randbytes(16)) for p in people]),
        active=Const(True), failed_logins=Const(0), locked_until=Const(None),
    )
    operators = [
        [np.array([int(uid) for uid, p in zip(user_ids, people, strict=True)
                   if p[1] == Role.OPERATOR.value and p[4] == s and p[3] in (d, -1)], dtype=np.int64)
         for s in range(len(SHIFTS))]
        for d in range(n_d)
    ]
    supervisors = [
        np.array([int(uid) for uid, p in zip(user_ids, people, strict=True)
                  if p[1] == Role.SUPERVISOR.value and p[3] in (d, -1)], dtype=np.int64)
        for d in range(n_d)
    ]
    desks = np.r_[city_id, district_centres, street_centres]
    worked = np.ones((len(desks), len(SHIFTS)), dtype=bool)
    worked[1 + n_d:, 1:] = False  # a street centre works the day shift only
    desk_shifts = np.full(worked.shape, -1, dtype=np.int64)
    desk_shifts[worked] = first_ids["shift"] + np.arange(int(worked.sum()))
    desk_pos, shift_pos = np.nonzero(worked)
    shifts = table("shift", id=desk_shifts[worked], centre_id=desks[desk_pos],
                   name=[SHIFTS[k][0] for k in shift_pos], start_time=[SHIFTS[k][1] for k in shift_pos],
                   end_time=[SHIFTS[k][2] for k in shift_pos], weekdays=Const("1234567"))
    desk_index = {int(cid): k for k, cid in enumerate(desks)}
    desk_of = [desk_index[p[2]] for p in people]  # the city's position is 0
    desk_operators = [
        [np.array([int(uid) for uid, p, k in zip(user_ids, people, desk_of, strict=True)
                   if p[1] == Role.OPERATOR.value and p[4] == s and k == d], dtype=np.int64)
         for s in range(len(SHIFTS))]
        for d in range(len(desks))
    ]
    desk_supervisors = [
        np.array([int(uid) for uid, p, k in zip(user_ids, people, desk_of, strict=True)
                  if p[1] == Role.SUPERVISOR.value and k == d], dtype=np.int64)
        for d in range(len(desks))
    ]

    # ---- officers -----------------------------------------------------------------------
    n_g, n_o = len(ix.grid_ids), scale.officers
    grid_community = ix.grid_community
    pairs: list[tuple[int, int]] = []  # (officer position, grid position)
    for o in range(n_o):
        g = o % n_g if o < n_g else int(rng.integers(n_g))
        pairs.append((o, g))
        second = g + 1 if g + 1 < n_g and grid_community[g + 1] == grid_community[g] else g - 1
        if rng.random() < (0.25 if o < n_g else 0.3) and 0 <= second and grid_community[second] == grid_community[g]:
            pairs.append((o, second))
    pair_arr = np.array(sorted(set(pairs)), dtype=np.int64)
    first_grid: dict[int, int] = {}
    for o, g in pairs:
        first_grid.setdefault(o, g)
    primary = np.array([first_grid[o] for o in range(n_o)])
    officer_ids = first_ids["officer"] + np.arange(n_o)
    names = [fake.name() for _ in range(n_o)]
    shift_of = rng.choice(len(SHIFTS), size=n_o, p=OFFICER_SHIFT_WEIGHTS)
    current_shift = SHIFT_OF_HOUR[_local_minutes(now, tz) // 60]
    on_shift = shift_of == current_shift
    leave = rng.random(n_o) < 0.03
    in_field = rng.random(n_o) < 0.55
    duty = np.where(leave, DutyStatus.ON_LEAVE.value,
                    np.where(on_shift, np.where(in_field, DutyStatus.IN_FIELD.value, DutyStatus.ON_DUTY.value),
                             DutyStatus.OFF_DUTY.value)).astype(object)
    # off shift: last seen when their shift ended; on leave: days ago
    minutes_now = _local_minutes(now, tz)
    shift_end = np.array([16 * 60, 24 * 60, 8 * 60])[shift_of]
    since_end = (minutes_now - shift_end) % (24 * 60)
    last_seen = np.where(on_shift, now_s - rng.integers(30, 3600, size=n_o),
                         now_s - since_end * 60 - rng.integers(0, 600, size=n_o))
    last_seen = np.where(leave, now_s - rng.integers(2 * 86400, 10 * 86400, size=n_o), last_seen)
    k = grid_points.shape[1]
    walk = grid_points[primary[:, None], rng.integers(k, size=(n_o, POSITIONS_PER_OFFICER))]
    pos_at = last_seen[:, None] - np.cumsum(rng.integers(300, 900, size=(n_o, POSITIONS_PER_OFFICER)), axis=1)[:, ::-1]
    pos_at[:, -1] = last_seen
    officers = table(
        "officer", id=officer_ids, centre_id=street_centres[ix.grid_street[primary]],
        employee_no=[f"PT{i + 1:06d}" for i in range(n_o)], name=names, pinyin_initials=[initials(n) for n in names],
        phone=mobile_numbers(rng, n_o), duty_status=duty, last_lon=walk[:, -1, 0], last_lat=walk[:, -1, 1],
        last_seen_at=last_seen, version=Const(1),
    )
    officer_grid = table("officer_grid", officer_id=officer_ids[pair_arr[:, 0]], grid_id=ix.grid_ids[pair_arr[:, 1]])
    n_pos = n_o * POSITIONS_PER_OFFICER
    positions = table("officer_position", id=first_ids["officer_position"] + np.arange(n_pos),
                      officer_id=np.repeat(officer_ids, POSITIONS_PER_OFFICER), at=pos_at.ravel(),
                      lon=walk[:, :, 0].ravel(), lat=walk[:, :, 1].ravel())
    starts = np.array([int(h) * 60 + int(m) for h, m in (s[1].split(":") for s in SHIFTS)])
    duty_rows = duty_changes(first_ids["duty_change"], officer_ids, starts[shift_of], in_field, leave, last_seen,
                             now_s, minutes_now, rng)
    by_grid = pair_arr[np.lexsort((pair_arr[:, 0], pair_arr[:, 1]))]
    ptr = np.searchsorted(by_grid[:, 1], np.arange(n_g + 1))
    if np.any(np.diff(ptr) == 0):
        raise RuntimeError("a grid has no responsible officer")

    members_u = [(int(uid), int(desk_shifts[k, p[4]]))
                 for uid, p, k in zip(user_ids, people, desk_of, strict=True) if p[4] >= 0]
    n_members = len(members_u) + n_o
    members = table(
        "shift_member", id=first_ids["shift_member"] + np.arange(n_members),
        shift_id=np.concatenate(([s for _, s in members_u], desk_shifts[0, shift_of])),
        officer_id=Nullable(np.concatenate((np.full(len(members_u), -1), officer_ids))),
        user_id=Nullable(np.concatenate(([u for u, _ in members_u], np.full(n_o, -1)))),
    )

    # ---- departments --------------------------------------------------------------------
    dept_ids = {code: first_ids["department"] + i for i, (code, _, _) in enumerate(DEPARTMENTS)}
    departments = table("department", id=list(dept_ids.values()), code=[f"DEPT-{c.upper()}" for c, _, _ in DEPARTMENTS],
                        name=[city.name + name for _, name, _ in DEPARTMENTS], phone=[p for _, _, p in DEPARTMENTS])
    routes = {minor: dept_ids[dept] for minor, dept in ROUTES if minor in category_ids}
    route_rows = table("department_route", id=first_ids["department_route"] + np.arange(len(routes)),
                       department_id=list(routes.values()), category_id=[category_ids[m] for m in routes],
                       district_id=Const(None))

    return Staff(
        tables=[centres, workstations, users, shifts, officers, officer_grid, positions, duty_rows, members,
                departments, route_rows],
        city_centre_id=city_id,
        district_centre_ids=district_centres,
        street_centre_ids=street_centres,
        operators=operators,
        supervisors=supervisors,
        desk_centre_ids=desks,
        desk_shift_ids=desk_shifts,
        desk_operators=desk_operators,
        desk_supervisors=desk_supervisors,
        grid_officer_ptr=ptr,
        grid_officer_ids=officer_ids[by_grid[:, 0]],
        department_ids=dict(dept_ids),
        routes=routes,
        users=len(people),
        officers=n_o,
    )
