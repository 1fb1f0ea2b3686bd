"""A department for every category in the demo, disputes included.

The generated history dispatches by `people.ROUTES`, which leaves some categories to the grid
officers (flyers, pavement trading, neighbour and family disputes, wage disputes, enquiries).
A live dispatch still needs a department to recommend for them, and disputes are handled jointly
with the judicial office (人民调解, a department from the start: it supports disputes in the
history), so after the history these routes are added, with labour inspection as a department:
the generated history stays as planned.
"""

from __future__ import annotations

from sqlalchemy import select

from ...db import Database
from ...models import AppMeta, Category, Department, DepartmentRoute

# (code, name, phone) of the departments only these routes need
DEPARTMENTS = (("DEPT-LABOUR", "人社局", "0594-2671113"),)
# minor category -> department code
ROUTES = {"0801": "DEPT-ENFORCEMENT", "0803": "DEPT-ENFORCEMENT", "1103": "DEPT-ENFORCEMENT",
          "1201": "DEPT-JUDICIAL", "1203": "DEPT-LABOUR", "1204": "DEPT-JUDICIAL", "1603": "DEPT-CIVIL"}


def complete_routes(db: Database) -> int:
    """Add the missing departments and routes; returns how many routes were added."""
    with db.unit_of_work() as s:
        city = s.scalar(select(AppMeta.value).where(AppMeta.key == "city_name")) or ""
        have = set(s.scalars(select(Department.code)))
        s.add_all(Department(code=code, name=city + name, phone=phone) for code, name, phone in DEPARTMENTS
                  if code not in have)
        s.flush()
        departments = dict(s.execute(select(Department.code, Department.id)).all())
        routed = set(s.scalars(select(DepartmentRoute.category_id)))
        categories = dict(s.execute(select(Category.code, Category.id).where(Category.level == 2)).all())
        added = [DepartmentRoute(department_id=departments[dept], category_id=categories[code], district_id=None)
                 for code, dept in ROUTES.items()
                 if code in categories and categories[code] not in routed and dept in departments]
        s.add_all(added)
        return len(added)
