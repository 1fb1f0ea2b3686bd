"""The printed briefing of each side of a referral: the street counts one out, the district one
in, each with the hours to feedback, read from the PDF's text."""

from __future__ import annotations

import io
from datetime import date

from pypdf import PdfReader

from commandcenter.domain.actions import Action
from commandcenter.services.briefings import issue_briefing
from commandcenter.services.lifecycle import CaseService, TransitionParams

from .referral_city import build_levels, seat
from .test_lifecycle import new_case

DAY = date(2026, 11, 25)  # the frozen clock's day in Shanghai


def text_of(path) -> str:  # type: ignore[no-untyped-def]
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(path.read_bytes())).pages)


def test_both_sides_print_the_referral_and_its_feedback_time(db, city, tmp_path) -> None:  # type: ignore[no-untyped-def]
    levels = build_levels(db, city)
    svc, street, district = CaseService(db), seat(db, "s"), seat(db, "d")
    row = svc.report(street, new_case(city), register=True)
    steps = ((street, Action.REFER_UP, TransitionParams(note="超出街道职权", centre_id=levels.district,
                                                         reason="beyond_powers")),
             (district, Action.ACCEPT_REFERRAL, TransitionParams()),
             (district, Action.DISPATCH, TransitionParams(department_id=city.department_id)),
             (district, Action.ACCEPT, TransitionParams()),
             (district, Action.FEED_BACK, TransitionParams(note="已处置")))
    for actor, action, params in steps:
        row = svc.perform(actor, row.id, action, params, expected_version=row.version)
    db.clock.advance(hours=2)
    svc.perform(district, row.id, Action.FEED_BACK_REFERRAL, TransitionParams(note="已处置完毕"),
                expected_version=row.version)
    printed = {}
    for prefix, centre in (("s", levels.street), ("d", levels.district)):
        out = tmp_path / f"{prefix}.pdf"
        issue_briefing(db, seat(db, prefix, "supervisor"), centre_id=centre, day=DAY, out=out)
        printed[prefix] = text_of(out)
    for text in printed.values():
        assert "Referrals between centres" in text
    assert "Out (we referred) 1 0 1 — 2.0 2.0" in printed["s"] and "In (referred to us) 0 0 0 0" in printed["s"]
    assert "In (referred to us) 1 0 1 0 2.0 2.0" in printed["d"] and "Out (we referred) 0 0 0" in printed["d"]
