"""Pieces shared by the briefing and the handover record: page furniture, styles, tables.

Every page carries the centre's name and the document's title at the top, and who printed it,
when, and "page n of N" at the bottom. The total page count is only known at the end, so the
canvas keeps each page's state and writes the numbers when the document is saved.
Long tables are cut at each page's end into page-sized Tables (`PagedTable`): ReportLab lays
out one huge Table several times slower than the same rows in page-sized pieces.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, BinaryIO
from xml.sax.saxutils import escape
from zoneinfo import ZoneInfo

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    Table,
    TableStyle,
)

from .. import palette
from ..i18n import QT_TRANSLATE_NOOP as N
from ..i18n import translate
from .charts import GRID, INK, MUTED, fit
from .fonts import cjk_font

PAGE = A4
MARGIN = 15 * mm
HEADER = 10 * mm
FOOTER = 10 * mm
FRAME_WIDTH = PAGE[0] - 2 * MARGIN
HEAD_BG = colors.HexColor(palette.PANEL)
ZEBRA = colors.HexColor(palette.REPORT_ZEBRA)
ACCENT = colors.HexColor(palette.ACCENT)

WEEKDAYS = (
    N("briefing", "Monday"),
    N("briefing", "Tuesday"),
    N("briefing", "Wednesday"),
    N("briefing", "Thursday"),
    N("briefing", "Friday"),
    N("briefing", "Saturday"),
    N("briefing", "Sunday"),
)


class Texts:
    """Translation of report labels into one language (context "briefing")."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def __call__(self, text: str) -> str:
        return translate("briefing", text, self.lang)

    @property
    def zh(self) -> bool:
        return self.lang.startswith("zh")


def local(instant: datetime | None, tz: str, fmt: str = "%Y-%m-%d %H:%M") -> str:
    return instant.astimezone(ZoneInfo(tz)).strftime(fmt) if instant is not None else "—"


def local_end(instant: datetime, tz: str) -> str:
    """The end of a period: local midnight is written as 24:00 of the day before."""
    moment = instant.astimezone(ZoneInfo(tz))
    if (moment.hour, moment.minute) == (0, 0):
        return f"{moment - timedelta(days=1):%Y-%m-%d} 24:00"
    return f"{moment:%Y-%m-%d %H:%M}"


def styles(font: str) -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("body", fontName=font, fontSize=8.5, leading=11.5, textColor=INK)
    return {
        "body": base,
        "small": ParagraphStyle("small", parent=base, fontSize=6.8, leading=8.6, textColor=MUTED),
        "title": ParagraphStyle("title", parent=base, fontSize=18, leading=23, spaceAfter=1),
        "subtitle": ParagraphStyle("subtitle", parent=base, fontSize=9.5, leading=13, textColor=MUTED),
        "h2": ParagraphStyle("h2", parent=base, fontSize=12, leading=16, spaceBefore=9, spaceAfter=4,
                             textColor=ACCENT),
        "h3": ParagraphStyle("h3", parent=base, fontSize=9.5, leading=13, spaceBefore=5, spaceAfter=2),
        "footnote": ParagraphStyle("footnote", parent=base, fontSize=6.8, leading=8.6, textColor=MUTED,
                                   leftIndent=7, bulletIndent=0, bulletFontName=font, bulletFontSize=6.8),
        "cell": ParagraphStyle("cell", parent=base, fontSize=7.5, leading=9.5),
        "warning": ParagraphStyle("warning", parent=base, fontSize=9.5, leading=13,
                                  textColor=colors.HexColor(palette.WARNING)),
    }


def para(text: str, style: ParagraphStyle, bullet: str | None = None) -> Paragraph:
    """A paragraph of plain text (escaped; line breaks kept)."""
    return Paragraph(escape(text).replace("\n", "<br/>"), style, bulletText=bullet)


class PagedTable(Flowable):
    """A long table laid out one page at a time.

    Rows are single-line strings of a fixed height, so the rows that fit are known without
    measuring: `split` cuts at the page's end, and each piece draws as one ReportLab Table of
    at most a page, with the header repeated on every page. One Table of thousands of rows
    is several times slower to lay out than the same rows in page-sized pieces.
    """

    def __init__(self, header: list[str], rows: list[list[str]], widths: Sequence[float], style: list[Any],
                 row_styles: Callable[[int, Sequence[str]], list[tuple[Any, ...]]] | None, size: float,
                 first: int = 0) -> None:
        super().__init__()
        self.header, self.rows, self.widths, self.style = header, rows, list(widths), style
        self.row_styles, self.size, self.first = row_styles, size, first
        self.row_height = size + 2 + 1.6 + 2.2  # leading plus top and bottom padding
        self.width = sum(self.widths)
        self.height = self.row_height * (len(rows) + 1)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        fit_rows = int((avail_height + 1e-6) // self.row_height) - 1
        if fit_rows < min(3, len(self.rows)):  # no room for a header and a few rows: next page
            return []
        if fit_rows >= len(self.rows):
            return [self]
        cut = fit_rows
        return [PagedTable(self.header, self.rows[:cut], self.widths, self.style, self.row_styles, self.size,
                           self.first),
                PagedTable(self.header, self.rows[cut:], self.widths, self.style, self.row_styles, self.size,
                           self.first + cut)]

    def draw(self) -> None:
        style = list(self.style)
        for i, row in enumerate(self.rows, 1):
            if (self.first + i) % 2 == 0:  # zebra stripes continue across pages
                style.append(("BACKGROUND", (0, i), (-1, i), ZEBRA))
            if self.row_styles is not None:
                style.extend(self.row_styles(i, row))
        table = Table([self.header, *self.rows], colWidths=self.widths,
                      rowHeights=[self.row_height] * (len(self.rows) + 1), hAlign="LEFT")
        table.setStyle(TableStyle(style))
        table.wrapOn(self.canv, self.width, self.height)
        table.drawOn(self.canv, 0, 0)


def table_chunks(header: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[float], font: str,
                 align_right: Sequence[int] = (), size: float = 7.5,
                 row_styles: Callable[[int, Sequence[str]], list[tuple[Any, ...]]] | None = None) -> list[Flowable]:
    """`rows` as a table that breaks into page-sized pieces, each with the header.

    Cells are plain strings shortened to their column's width, which keeps layout fast and
    rows one line high.
    """
    header_row = [fit(h, font, size, w - 6) for h, w in zip(header, widths, strict=True)]
    style: list[Any] = [
        ("FONT", (0, 0), (-1, -1), font, size),
        ("LEADING", (0, 0), (-1, -1), size + 2),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("TEXTCOLOR", (0, 0), (-1, 0), MUTED),
        ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG),
        ("LINEBELOW", (0, 0), (-1, 0), 0.5, GRID),
        ("LINEBELOW", (0, -1), (-1, -1), 0.5, GRID),
        ("TOPPADDING", (0, 0), (-1, -1), 1.6),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.2),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]
    for col in align_right:
        style.append(("ALIGN", (col, 0), (col, -1), "RIGHT"))
    cells = [[fit(str(v), font, size, w - 6) for v, w in zip(r, widths, strict=True)] for r in rows]
    return [PagedTable(header_row, cells, widths, style, row_styles, size)]


class PagedCanvas(canvas.Canvas):
    """A canvas that writes "page n of N" on every page once N is known."""

    def __init__(self, *args: Any, page_text: str = "{page} / {pages}", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._page_text = page_text
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802 - ReportLab API
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self.setFont(cjk_font().name, 7.5)
            self.setFillColor(MUTED)
            self.drawRightString(PAGE[0] - MARGIN, MARGIN - 4 * mm,
                                 self._page_text.format(page=self._pageNumber, pages=total))
            super().showPage()
        super().save()


def page_furniture(centre: str, title: str, printed: str) -> Callable[[canvas.Canvas, Any], None]:
    """The onPage callback: header with centre and title, footer with who printed it when."""
    font = cjk_font().name

    def draw(c: canvas.Canvas, _doc: Any) -> None:
        c.saveState()
        top = PAGE[1] - MARGIN + 2 * mm
        c.setFont(font, 8)
        c.setFillColor(INK)
        c.drawString(MARGIN, top, fit(centre, font, 8, FRAME_WIDTH * 0.55))
        c.setFillColor(MUTED)
        c.drawRightString(PAGE[0] - MARGIN, top, fit(title, font, 8, FRAME_WIDTH * 0.43))
        c.setStrokeColor(GRID)
        c.setLineWidth(0.6)
        c.line(MARGIN, top - 2.5 * mm, PAGE[0] - MARGIN, top - 2.5 * mm)
        c.line(MARGIN, MARGIN - 1.5 * mm, PAGE[0] - MARGIN, MARGIN - 1.5 * mm)
        c.setFont(font, 7.5)
        c.drawString(MARGIN, MARGIN - 4 * mm, fit(printed, font, 7.5, FRAME_WIDTH * 0.8))
        c.restoreState()

    return draw


def paged_document(out: str | Path | BinaryIO, *, title: str, author: str, centre: str, running_title: str,
                   printed: str, font: str, zh: bool) -> BaseDocTemplate:
    """An A4 document with every report's margins, PDF metadata and page furniture: the centre and
    `running_title` at the top of each page, `printed` (who printed it, when) at the bottom."""
    doc = BaseDocTemplate(
        str(out) if isinstance(out, Path) else out, pagesize=PAGE,
        leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN + HEADER - 4 * mm,
        bottomMargin=MARGIN + FOOTER - 4 * mm, title=title, author=author, subject=centre,
        creator="Grid Command Centre", invariant=1, initialFontName=font, lang="zh-CN" if zh else "en",
    )
    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body", leftPadding=0,
                  rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate("page", [frame], onPage=page_furniture(centre, running_title, printed))])
    return doc


def build_paged(doc: BaseDocTemplate, story: list[Any], page_text: str) -> None:
    """Lay out `story`, numbering pages "n of N" (`page_text` with {page} and {pages})."""
    doc.build(story, canvasmaker=lambda *a, **k: PagedCanvas(*a, page_text=page_text, **k))
