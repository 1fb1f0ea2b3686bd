"""A drill's debrief counts the corrections (更正) made during it and the cases still not as the
scenario intended at its end; the test computes the same figures from the raw history and
correction rows, never through the service."""

from __future__ import annotations

import io
from collections import Counter
from datetime import timedelta

from pypdf import PdfReader
from PySide6.QtCore import Qt
from sqlalchemy import insert, select

from commandcenter.db import Database
from commandcenter.domain.actions import Action
from commandcenter.domain.enums import Priority, SourceChannel
from commandcenter.models import Case, CaseCorrection, CaseHistory, DrillCase, DrillRun
from commandcenter.reports.debrief_pdf import debrief_pdf
from commandcenter.services.auth import demo_principal, system_principal
from commandcenter.services.debrief import DebriefService
from commandcenter.services.lifecycle import CaseService, TransitionParams
from commandcenter.shapes.cases import NewCase
from commandcenter.views.drill.models import CASE_COLUMNS, CaseModel, OperatorModel

from .conftest import START
from .factories import TinyCity

END = START + timedelta(minutes=30)


def test_corrections_and_cases_still_wrong(db: Database, city: TinyCity, clock, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    svc = CaseService(db)
    feed, operator, supervisor = (system_principal(db, "drill"), demo_principal(db, "operator"),
                                  demo_principal(db, "supervisor"))
    cat, other_cat, grids = city.category_id, city.dept_category_id, city.grid_ids
    ids: dict[str, int] = {}
    for n, name in enumerate("ABCD"):  # every call arrives as fly-tipping in the first grid
        clock.set(START + timedelta(minutes=n))
        ids[name] = svc.report(feed, NewCase(source=SourceChannel.HOTLINE_12345, category_id=cat,
                                             priority=Priority.NORMAL, description=f"drill call {name}",
                                             grid_id=grids[0]), register=True).id
    # what the scenario meant: A is a streetlight, B is in grid 2, C is right, D is a streetlight in grid 4
    intended = {"A": (other_cat, grids[0]), "B": (cat, grids[1]), "C": (cat, grids[0]), "D": (other_cat, grids[3])}

    def correct(who, name: str, minute: float, **params) -> None:  # type: ignore[no-untyped-def]
        clock.set(START + timedelta(minutes=minute))
        svc.perform(who, ids[name], Action.CORRECT, TransitionParams(note="更正", **params))

    correct(operator, "A", 5, category_id=other_cat)  # put right
    correct(operator, "B", 6, grid_id=grids[2])  # a wrong grid for a wrong one
    correct(supervisor, "B", 8, grid_id=grids[1])  # put right by the supervisor
    correct(supervisor, "C", 9, category_id=other_cat)  # made wrong
    correct(operator, "D", 10, category_id=other_cat)  # half right: the grid stays wrong
    correct(operator, "C", 40, category_id=cat)  # after the drill: not in its debrief
    with db.unit_of_work() as s:
        run_id = s.execute(insert(DrillRun).values(started_at=START, ended_at=END, scenario_name="更正演练",
                                                   scenario_hash="", speed=1.0, seed=1)
                           .returning(DrillRun.id)).scalar_one()
        for n, (name, (category, grid)) in enumerate(intended.items()):
            s.execute(insert(DrillCase).values(case_id=ids[name], run_id=run_id, kind="scenario", item_index=n,
                                               item_key=name, scheduled_offset=60.0 * n,
                                               intended_category_id=category, intended_grid_id=grid,
                                               intended_priority="normal"))

    debrief = DebriefService(db).for_run(demo_principal(db, "trainer"), run_id)

    # the same figures from the raw rows: corrections up to the end, and each case as it stood then
    with db.read() as s:
        steps = s.execute(select(CaseHistory.case_id, CaseHistory.user_id, CaseHistory.at,
                                 CaseCorrection.from_category_id, CaseCorrection.to_category_id,
                                 CaseCorrection.from_grid_id, CaseCorrection.to_grid_id)
                          .join(CaseCorrection, CaseCorrection.history_id == CaseHistory.id)
                          .where(CaseHistory.action == "correct").order_by(CaseHistory.id)).all()
        now = {cid: (c, g) for cid, c, g in s.execute(select(Case.id, Case.category_id, Case.grid_id))}
    during = [st for st in steps if st.at <= END]
    at_end = dict(now)
    for st in reversed([st for st in steps if st.at > END]):
        at_end[st.case_id] = (st.from_category_id, st.from_grid_id)
    wrong = {name: at_end[ids[name]] != intended[name] for name in ids}
    assert wrong == {"A": False, "B": False, "C": True, "D": True}

    by_case = {c.case_id: c for c in debrief.cases}
    assert {name: len(by_case[ids[name]].corrections) for name in ids} == dict(
        Counter({name: sum(st.case_id == ids[name] for st in during) for name in ids}))
    assert {name: bool(by_case[ids[name]].wrong_category or by_case[ids[name]].wrong_grid) for name in ids} == wrong
    assert (debrief.overall.corrections, debrief.overall.corrected_cases, debrief.overall.still_wrong) == (
        len(during), len({st.case_id for st in during}), sum(wrong.values()))
    assert debrief.overall.corrections == 5 and debrief.overall.still_wrong == 2
    per_user = Counter(st.user_id for st in during)
    assert {o.user_id: o.corrections for o in debrief.operators if o.corrections} == dict(per_user)
    # C as it stood at the end: the streetlight it had been made, not what was put back after
    c = by_case[ids["C"]]
    assert (c.category_code, c.wrong_category) == ("0102", True)
    first_b = by_case[ids["B"]].corrections[0]
    assert (first_b.by, first_b.correction.from_grid_code, first_b.correction.to_grid_code) == (
        "Operator", "35030200100101", "35030200100103")

    # the trainer's screen: a count per case with each correction in its tooltip, a count per operator
    cases, operators = CaseModel("Asia/Shanghai"), OperatorModel()
    cases.set_rows(debrief.cases)
    operators.set_rows(debrief.operators)
    for model in (cases, operators):
        qtmodeltester.check(model)
    column = CASE_COLUMNS.index("corrected")
    row_b = next(i for i, c in enumerate(debrief.cases) if c.case_id == ids["B"])
    assert cases.index(row_b, column).data() == 2
    assert cases.index(row_b, column).data(Qt.ItemDataRole.ToolTipRole).splitlines() == [
        "10:06:00 Operator: grid 35030200100101 东岩社区第01网格 → 35030200100103 东岩社区第03网格",
        "10:08:00 Supervisor: grid 35030200100103 东岩社区第03网格 → 35030200100102 东岩社区第02网格"]
    assert sorted(operators.index(i, 6).data() for i in range(operators.rowCount())) == sorted(
        o.corrections for o in debrief.operators)

    pages = PdfReader(io.BytesIO(debrief_pdf(debrief, centre="莆田市城市运行指挥中心", tz="Asia/Shanghai",
                                             printed_by="Trainer", printed_at=END))).pages
    text = "\n".join(p.extract_text() for p in pages)
    assert "Corrections during the drill" in text
    assert "0101 Fly-tipping" in text and "0102 Broken streetlight" in text and "35030200100103" in text
    assert text.count("still wrong") == 2  # C's one correction and D's, one field each
    assert "…" not in text  # no cell or header cut short: "To dispatch", the wrong-category cells
