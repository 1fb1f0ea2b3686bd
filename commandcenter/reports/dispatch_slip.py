"""The dispatch slip (派遣单): one A4 page for the officer or department a case is sent to.

What to do and by when, where (in words and on a small map of the case's grid and the grids
around it, drawn from the database's polygons: no tiles, no network), whom to call back (masked
as the printer may see it) and a space to sign for receipt and note the result. Byte-stable for
the same data (`invariant=1`).
"""

from __future__ import annotations

import math
from io import BytesIO
from pathlib import Path
from typing import Any, BinaryIO

import shapely
from reportlab.graphics.shapes import Circle, Drawing, Line, Polygon, Rect, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Spacer, Table, TableStyle

from .. import palette
from ..i18n import QT_TRANSLATE_NOOP as N
from ..labels import priority_label, source_label, status_label
from ..shapes.slip import DispatchSlip
from .charts import GRID, INK, MUTED
from .common import (
    FRAME_WIDTH,
    Texts,
    build_paged,
    local,
    paged_document,
    para,
    styles,
)
from .fonts import cjk_font

MAP_W, MAP_H = 80 * mm, 62 * mm
OWN_FILL = colors.HexColor(palette.NEW_TINT)
ACCENT = colors.HexColor(palette.ACCENT)
RED = colors.HexColor(palette.ERROR)
LABEL_W = 30 * mm


class SlipReport:
    """Lays out one `DispatchSlip`."""

    def __init__(self, slip: DispatchSlip, lang: str) -> None:
        self.s, self.t = slip, Texts(lang)
        self.font = cjk_font().name
        self.st = styles(self.font)

    def title(self) -> str:
        return self.t(N("briefing", "Dispatch slip"))

    def _category(self) -> str:
        return self.s.category_zh if self.t.zh else self.s.category_en

    def _facts(self) -> Table:
        s, t, tz = self.s, self.t, self.s.timezone
        contact = (t(N("briefing", "Not given: the reporter asked not to be named"))
                   if s.contact_hidden else " ".join(x for x in (s.contact_name, s.contact_phone) if x) or "—")
        source = source_label(s.source, t.lang)
        if s.hotline_number:
            source += " · " + t(N("briefing", "work order {number}")).format(number=s.hotline_number)
            if s.hotline_due_at is not None:
                source += " · " + t(N("briefing", "hotline due {time}")).format(time=local(s.hotline_due_at, tz))
        rows = [
            (N("briefing", "Category"), self._category()),
            (N("briefing", "Priority"), priority_label(s.priority, t.lang)),
            (N("briefing", "Source"), source),
            (N("briefing", "Reported"), local(s.reported_at, tz)),
            (N("briefing", "Dispatched"), local(s.dispatched_at, tz)),
            (N("briefing", "Deadline"), local(s.deadline_at, tz)),
            (N("briefing", "Handler"), " ".join(x for x in (s.handler_name, s.handler_phone) if x) or "—"),
            (N("briefing", "Contact"), contact),
            (N("briefing", "Status"), status_label(s.status, t.lang)),
        ]
        cell = self.st["body"]
        table = Table([[para(t(label), self.st["small"]), para(value, cell)] for label, value in rows],
                      colWidths=[LABEL_W, FRAME_WIDTH - MAP_W - LABEL_W - 6 * mm])
        deadline_row = 5
        table.setStyle(TableStyle([
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEBELOW", (0, 0), (-1, -1), 0.4, GRID),
            ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ("LEFTPADDING", (0, 0), (0, -1), 2),
            ("BACKGROUND", (0, deadline_row), (-1, deadline_row), colors.HexColor(palette.NOTICE_BACKGROUND)),
        ]))
        return table

    def _map(self) -> Drawing:
        """The case's grid (tinted), its neighbours (outlined) and the case's point, north up."""
        s = self.s
        d = Drawing(MAP_W, MAP_H)
        own = [p for g in s.grids if g.own for ring in g.rings for p in ring] or [(s.lon, s.lat)]
        # frame the own grid with a neighbour's width around it, not the whole neighbourhood
        cx = (min(p[0] for p in own) + max(p[0] for p in own)) / 2
        cy = (min(p[1] for p in own) + max(p[1] for p in own)) / 2
        kx = math.cos(math.radians(cy))
        span_x = (max(p[0] for p in own) - min(p[0] for p in own)) * kx * 2.2 or 0.002
        span_y = (max(p[1] for p in own) - min(p[1] for p in own)) * 2.2 or 0.002
        scale = min((MAP_W - 8) / span_x, (MAP_H - 8) / span_y)

        def xy(lon: float, lat: float) -> tuple[float, float]:
            return MAP_W / 2 + (lon - cx) * kx * scale, MAP_H / 2 + (lat - cy) * scale

        frame = shapely.box(1, 1, MAP_W - 1, MAP_H - 1)
        for g in sorted(s.grids, key=lambda g: g.own):  # the own grid drawn last, on top
            for ring in g.rings:
                clipped = shapely.Polygon([xy(lon, lat) for lon, lat in ring]).intersection(frame)
                for piece in getattr(clipped, "geoms", [clipped]):
                    if piece.is_empty or piece.geom_type != "Polygon":
                        continue
                    flat = [v for x, y in piece.exterior.coords for v in (x, y)]
                    d.add(Polygon(flat, fillColor=OWN_FILL if g.own else colors.white,
                                  strokeColor=ACCENT if g.own else MUTED, strokeWidth=1.4 if g.own else 0.5))
        for g in s.grids:  # names after every polygon, so no neighbour paints over a label
            xs = [xy(*p) for ring in g.rings for p in ring]
            gx, gy = sum(x for x, _ in xs) / len(xs), sum(y for _, y in xs) / len(xs)
            if 10 < gx < MAP_W - 10 and 8 < gy < MAP_H - 8:
                d.add(String(gx, gy - 10 if g.own else gy, g.code[-4:], fontName=self.font, fontSize=6,
                             fillColor=ACCENT if g.own else MUTED, textAnchor="middle"))
        px, py = xy(s.lon, s.lat)
        d.add(Circle(px, py, 4.5, fillColor=RED, strokeColor=colors.white, strokeWidth=1.2))
        d.add(Rect(0, 0, MAP_W, MAP_H, strokeColor=GRID, fillColor=None, strokeWidth=0.6))
        # a 50 m scale bar and the north arrow
        bar = 50 * scale / 111_320.0
        d.add(Line(6, 7, 6 + bar, 7, strokeColor=INK, strokeWidth=1.2))
        d.add(String(6 + bar / 2, 10, "50 m", fontName=self.font, fontSize=6, fillColor=INK, textAnchor="middle"))
        d.add(Polygon([MAP_W - 9, MAP_H - 16, MAP_W - 6, MAP_H - 8, MAP_W - 3, MAP_H - 16], fillColor=INK,
                      strokeColor=None))
        d.add(String(MAP_W - 6, MAP_H - 24, "N", fontName=self.font, fontSize=6.5, fillColor=INK, textAnchor="middle"))
        return d

    def story(self) -> list[Any]:
        s, t, st = self.s, self.t, self.st
        number = ParagraphStyle("number", parent=st["title"], alignment=TA_RIGHT)
        heading = Table([[para(self.title(), st["title"]), para(s.case_number, number)]],
                        colWidths=[FRAME_WIDTH / 2, FRAME_WIDTH / 2])
        heading.setStyle(TableStyle([("ALIGN", (1, 0), (1, 0), "RIGHT"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                     ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("VALIGN", (0, 0), (-1, -1), "BOTTOM")]))
        where = " · ".join(x for x in (s.street, s.community, f"{s.grid_code} {s.grid_name}") if x)
        location = [para(t(N("briefing", "Location")), st["h3"]), para(where, st["body"])]
        if s.address:
            location.append(para(s.address, st["body"]))
        location.append(para(f"{s.lon:.6f}, {s.lat:.6f} (WGS-84)", st["small"]))
        body = Table([[self._facts(), [self._map(), Spacer(1, 2 * mm), *location]]],
                     colWidths=[FRAME_WIDTH - MAP_W - 4 * mm, MAP_W + 4 * mm])
        body.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (0, 0), 0),
                                  ("RIGHTPADDING", (-1, 0), (-1, 0), 0), ("LEFTPADDING", (1, 0), (1, 0), 4 * mm)]))
        sign = Table([[t(N("briefing", "Received by")), "", t(N("briefing", "Time")), ""],
                      [t(N("briefing", "Result")), "", "", ""],
                      [t(N("briefing", "Done at")), "", t(N("briefing", "Signature")), ""]],
                     colWidths=[25 * mm, FRAME_WIDTH / 2 - 25 * mm, 25 * mm, FRAME_WIDTH / 2 - 25 * mm],
                     rowHeights=[12 * mm, 22 * mm, 12 * mm])
        sign.setStyle(TableStyle([
            ("FONT", (0, 0), (-1, -1), self.font, 8.5), ("TEXTCOLOR", (0, 0), (0, -1), MUTED),
            ("TEXTCOLOR", (2, 0), (2, -1), MUTED), ("SPAN", (1, 1), (3, 1)),
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("LINEBELOW", (1, 0), (1, 0), 0.6, INK),
            ("LINEBELOW", (1, 1), (3, 1), 0.6, INK), ("LINEBELOW", (1, 2), (1, 2), 0.6, INK),
            ("LINEBELOW", (3, 0), (3, 0), 0.6, INK), ("LINEBELOW", (3, 2), (3, 2), 0.6, INK),
        ]))
        return [heading, para(s.centre_name, st["subtitle"]), Spacer(1, 4 * mm), body,
                para(t(N("briefing", "What was reported")), st["h2"]), para(s.description, st["body"]),
                para(t(N("briefing", "Receipt and result")), st["h2"]), sign]

    def build(self, out: str | Path | BinaryIO) -> None:
        s, t = self.s, self.t
        printed = t(N("briefing", "Printed by {user} at {time} ({tz})")).format(
            user=s.printed_by, time=local(s.printed_at, s.timezone), tz=s.timezone)
        doc = paged_document(out, title=f"{self.title()} {s.case_number}", author=s.printed_by,
                             centre=s.centre_name, running_title=f"{self.title()} · {s.case_number}",
                             printed=printed, font=self.font, zh=t.zh)
        build_paged(doc, self.story(), t(N("briefing", "Page {page} of {pages}")))


def render_slip(slip: DispatchSlip, out: str | Path | BinaryIO, *, lang: str = "en") -> None:
    SlipReport(slip, lang).build(out)


def slip_pdf(slip: DispatchSlip, *, lang: str = "en") -> bytes:
    buffer = BytesIO()
    render_slip(slip, buffer, lang=lang)
    return buffer.getvalue()
