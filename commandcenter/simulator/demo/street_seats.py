"""Sign-ins at the demo's street centres: an operator and a supervisor at each.

The city and district desks are staffed by `people` (they write the handovers and act in the
generated history); the street centres get their own accounts here, so a trainer can sign in at
every level of the demo and see the scope of each: a street sees its own cases, its district all
of its streets', the city everything. User names follow the district ones: `op<street code>` and
`sup<street code>`, password `<name>-demo` like every demo account.
"""

from __future__ import annotations

import random
from concurrent.futures import ThreadPoolExecutor

from faker import Faker
from sqlalchemy import select

from ...db import Database
from ...domain.enums import CentreLevel, Role
from ...models import CommandCentre, User
from ...services.passwords import hash_password

ROLES = (("op", Role.OPERATOR), ("sup", Role.SUPERVISOR))


def add_street_seats(db: Database, seed: int) -> int:
    """Add the street centres' missing accounts; returns how many were added."""
    with db.read() as s:
        centres = s.execute(select(CommandCentre.id, CommandCentre.code).where(
            CommandCentre.level == CentreLevel.STREET.value).order_by(CommandCentre.code)).all()
        taken = set(s.scalars(select(User.username)))
    wanted = [(f"{prefix}{code}", role, cid) for cid, code in centres for prefix, role in ROLES
              if f"{prefix}{code}" not in taken]
    salts = random.Random(seed + 31)
    fake = Faker("zh_CN")
    fake.seed_instance(seed + 31)
    salted = [(f"{name}-demo", salts.randbytes(16)) for name, _role, _cid in wanted]
    # scrypt releases the GIL: a few threads hash a Putian-sized list in about a second
    with ThreadPoolExecutor(max_workers=4, thread_name_prefix="demo-hash") as pool:
        hashes = list(pool.map(lambda item: hash_password(*item), salted))
    with db.unit_of_work() as s:
        s.add_all(User(username=name, display_name=fake.name(), role=role.value, centre_id=cid, password_hash=digest,
                       active=True, failed_logins=0) for (name, role, cid), digest in zip(wanted, hashes, strict=True))
    return len(wanted)
