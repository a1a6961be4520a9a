"""The outline as PDF, drawn with reportlab's canvas: the same content as the Word file.

Imported only when a PDF is written (reportlab is heavy). The document is laid out first (every line
of text, rule and filled box placed on its page), then drawn: so the contents can give each heading's
page, and every page can say "page n of N". Tables break across pages with their header row repeated;
a row taller than a page goes on over the next. Text the user wrote is only ever drawn as text: the
canvas has no markup for it to change, and the narrative's emphasis comes from the parsed blocks.

reportlab's own table layout (Platypus) takes about ten seconds for 5,000 rows; this lays out lines
itself with cached word widths and draws each page's text as one text object.
"""

from __future__ import annotations

import math
import os
import re
from typing import BinaryIO

from reportlab.lib.colors import HexColor
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from exporters.blocks import (
    STATUS_COLOURS,
    AreaRow,
    Bars,
    Block,
    Chart,
    Contents,
    Facts,
    Heading,
    Narrative,
    Outline,
    Paragraph,
    Table,
    TitlePage,
    cell_text,
    chart_value,
)
from exporters.cells import xml_safe
from exporters.markup import MdHeading, MdList, MdParagraph, Spans

CM = 72 / 2.54
PAGE_WIDTH, PAGE_HEIGHT = 29.7 * CM, 21.0 * CM  # A4 landscape, as the Word file
MARGIN = 1.8 * CM
TOP = PAGE_HEIGHT - MARGIN - 0.4 * CM  # below the running header
BOTTOM = MARGIN
TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN
BODY, SMALL = 10.0, 8.5  # font sizes: text, tables
HEADING_SIZES = {0: 26.0, 1: 20.0, 2: 15.0, 3: 12.5, 4: 11.0}
PAD = 2.5  # inside a table cell
HEADER_FILL, AREA_FILL, CHART_FILL = "#DFE7EF", "#F0F0F0", "#1E88E5"
RULE = HexColor("#999999")

REGULAR, BOLD = "HrplanSans", "HrplanSans-Bold"
ITALIC, BOLD_ITALIC = "HrplanSans-Italic", "HrplanSans-BoldItalic"
_FONT_FILES = {REGULAR: "Vera.ttf", BOLD: "VeraBd.ttf", ITALIC: "VeraIt.ttf", BOLD_ITALIC: "VeraBI.ttf"}


def _register_fonts() -> None:
    """Bitstream Vera, shipped with reportlab: embedded, so å, ä, ö print the same everywhere."""
    if REGULAR in pdfmetrics.getRegisteredFontNames():
        return
    import reportlab

    folder = os.path.join(os.path.dirname(reportlab.__file__), "fonts")
    for name, file in _FONT_FILES.items():
        pdfmetrics.registerFont(TTFont(name, os.path.join(folder, file)))
    pdfmetrics.registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC)


def _font(bold: bool, italic: bool) -> str:
    return {(False, False): REGULAR, (True, False): BOLD, (False, True): ITALIC, (True, True): BOLD_ITALIC}[
        (bold, italic)
    ]


class _Measure:
    """Word widths, cached: a large table repeats the same words thousands of times."""

    def __init__(self) -> None:
        self._widths: dict[tuple[str, str, float], float] = {}

    def width(self, text: str, font: str, size: float) -> float:
        key = (text, font, size)
        found = self._widths.get(key)
        if found is None:
            found = self._widths[key] = pdfmetrics.stringWidth(text, font, size)
        return found

    def wrap(self, text: str, font: str, size: float, width: float) -> list[str]:
        """The text in lines no wider than ``width``: at spaces, inside a word only when it must."""
        space = self.width(" ", font, size)
        lines: list[str] = []
        for paragraph in text.split("\n"):
            line: list[str] = []
            used = 0.0
            for word in paragraph.split(" "):
                w = self.width(word, font, size)
                if w > width:  # a word longer than the line: cut it where it fills the line
                    if line:
                        lines.append(" ".join(line))
                        line, used = [], 0.0
                    pieces = self._cut(word, font, size, width)
                    lines.extend(pieces[:-1])
                    word, w = pieces[-1], self.width(pieces[-1], font, size)
                if line and used + space + w > width:
                    lines.append(" ".join(line))
                    line, used = [word], w
                else:
                    used = w if not line else used + space + w
                    line.append(word)
            lines.append(" ".join(line))
        return lines

    def _cut(self, word: str, font: str, size: float, width: float) -> list[str]:
        """A word too long for the line, cut where it fills the line (character widths add up)."""
        pieces, start, used = [], 0, 0.0
        for index, char in enumerate(word):
            w = self.width(char, font, size)
            if index > start and used + w > width:
                pieces.append(word[start:index])
                start, used = index, 0.0
            used += w
        pieces.append(word[start:])
        return pieces

    def wrap_spans(self, spans: Spans, size: float, width: float) -> list[list[tuple[str, str]]]:
        """Text with emphasis in lines: each line a list of (font, text) runs. A word that follows another
        without a space (emphasis ending before a full stop) stays glued to it."""
        words: list[tuple[str, str, bool] | None] = []  # (font, word, space before); None: a line break
        space_pending = False
        for span in spans:
            font = _font(span.bold, span.italic)
            for index, part in enumerate(span.text.split("\n")):
                if index:
                    words.append(None)
                    space_pending = False
                for match in _WORD.finditer(part):
                    words.append((font, match[2], bool(match[1]) or space_pending))
                    space_pending = False
                space_pending = space_pending or part[-1:].isspace()
        lines: list[list[tuple[str, str]]] = [[]]
        used = 0.0
        for item in words:
            if item is None:
                lines.append([])
                used = 0.0
                continue
            font, word, spaced = item
            space = self.width(" ", font, size) if lines[-1] and spaced else 0.0
            w = self.width(word, font, size)
            if lines[-1] and used + space + w > width:
                lines.append([])
                used, space = 0.0, 0.0
            lines[-1].append((font, (" " if space else "") + word))
            used += space + w
        return [_merge(line) for line in lines]


_WORD = re.compile(r"(\s*)(\S+)")


def _merge(line: list[tuple[str, str]]) -> list[tuple[str, str]]:
    merged: list[tuple[str, str]] = []
    for font, text in line:
        if merged and merged[-1][0] == font:
            merged[-1] = (font, merged[-1][1] + text)
        else:
            merged.append((font, text))
    return merged


class _Layout:
    """Pages of drawing operations, filled top to bottom."""

    def __init__(self, outline: Outline) -> None:
        self.outline = outline
        self.measure = _Measure()
        self.pages: list[dict[str, list]] = []
        self.headings: list[tuple[int, str, int, str]] = []  # level, text, page index, bookmark key
        self.toc_pages: list[int] = []
        self.y = TOP
        self.new_page()

    # ---- pages and primitives ------------------------------------------------------------------
    def new_page(self) -> None:
        self.pages.append({"text": [], "fills": [], "lines": []})
        self.y = TOP

    def fresh_page(self) -> None:
        """A new page unless the current one is still empty."""
        page = self.pages[-1]
        if page["text"] or page["fills"] or page["lines"]:
            self.new_page()

    def room(self, height: float) -> None:
        if self.y - height < BOTTOM:
            self.new_page()

    def text(self, x: float, y: float, font: str, size: float, text: str, colour: str | None = None) -> None:
        if text:
            self.pages[-1]["text"].append((x, y, font, size, text, colour))

    def fill(self, x: float, y: float, w: float, h: float, colour: str) -> None:
        self.pages[-1]["fills"].append((x, y, w, h, colour))

    def line(self, x1: float, y1: float, x2: float, y2: float) -> None:
        self.pages[-1]["lines"].append((x1, y1, x2, y2))

    # ---- blocks -----------------------------------------------------------------------------------
    def add(self, block: Block, new_page: bool) -> None:
        if new_page:
            self.fresh_page()
        if isinstance(block, TitlePage):
            self.title_page(block)
        elif isinstance(block, Contents):
            self.contents(block)
        elif isinstance(block, Heading):
            self.heading(block.level, block.text)
        elif isinstance(block, Facts):
            self.facts(block.pairs)
        elif isinstance(block, Paragraph):
            self.paragraph(block.text)
        elif isinstance(block, Narrative):
            self.narrative(block)
        elif isinstance(block, Table):
            self.table(block)
        elif isinstance(block, Bars) and block.rows:
            self.bars(block)
        elif isinstance(block, Chart) and block.rows:
            self.chart(block)

    def title_page(self, block: TitlePage) -> None:
        self.y = PAGE_HEIGHT * 0.62
        for line in self.measure.wrap(xml_safe(block.title), BOLD, HEADING_SIZES[0], TEXT_WIDTH):
            self.text(MARGIN, self.y, BOLD, HEADING_SIZES[0], line)
            self.y -= HEADING_SIZES[0] * 1.25
        self.y -= 6
        self.text(MARGIN, self.y, REGULAR, 15, xml_safe(block.subtitle))
        self.y -= 36
        self.facts(block.pairs)
        self.new_page()

    def contents(self, block: Contents) -> None:
        """Pages kept for the contents; filled in once every heading's page is known."""
        entries = len(self.outline.contents())
        per_page = int((TOP - BOTTOM - 40) // (BODY * 1.6))
        for index in range(max(1, math.ceil(entries / per_page))):
            if index:
                self.new_page()
            self.toc_pages.append(len(self.pages) - 1)
        self.toc_title = block.title
        self.toc_per_page = per_page
        self.new_page()

    def heading(self, level: int, text: str, spans: Spans | None = None) -> None:
        size = HEADING_SIZES.get(level, BODY + 1)
        lines = (
            self.measure.wrap_spans(spans, size, TEXT_WIDTH)
            if spans is not None
            else [[(BOLD, line)] for line in self.measure.wrap(xml_safe(text), BOLD, size, TEXT_WIDTH)]
        )
        # A heading keeps at least three lines of what follows on its page.
        self.room(size * 0.8 + len(lines) * size * 1.25 + 3 * BODY * 1.3)
        if self.y < TOP:
            self.y -= size * 0.8
        if spans is None and level in (2, 3):
            key = f"h{len(self.headings)}"
            self.headings.append((level, xml_safe(text), len(self.pages) - 1, key))
            self.pages[-1].setdefault("marks", []).append((key, level, xml_safe(text)))
        for line in lines:
            self.y -= size
            self.runs(MARGIN, self.y, line, size, bold_only=spans is None)
            self.y -= size * 0.25
        self.y -= 4

    def runs(self, x: float, y: float, runs: list[tuple[str, str]], size: float, bold_only: bool = False) -> None:  # noqa: E501
        for font, text in runs:
            font = BOLD if bold_only else font
            self.text(x, y, font, size, text)
            x += self.measure.width(text, font, size)

    def paragraph(self, text: str, *, x: float = MARGIN, width: float = TEXT_WIDTH) -> None:
        leading = BODY * 1.3
        for line in self.measure.wrap(xml_safe(text), REGULAR, BODY, width):
            self.room(leading)
            self.y -= BODY
            self.text(x, self.y, REGULAR, BODY, line)
            self.y -= leading - BODY
        self.y -= 6

    def facts(self, pairs: tuple) -> None:
        lang = self.outline.lang
        label_width = min(TEXT_WIDTH * 0.35, max((self.measure.width(f"{p[0]}:", BOLD, BODY) for p in pairs),
                                                  default=0) + 10)  # fmt: skip
        leading = BODY * 1.35
        for label, value in pairs:
            shown = xml_safe(cell_text(value, lang))
            lines = self.measure.wrap(shown, REGULAR, BODY, TEXT_WIDTH - label_width)
            self.room(leading * len(lines))
            self.y -= BODY
            self.text(MARGIN, self.y, BOLD, BODY, xml_safe(f"{label}:"))
            for index, line in enumerate(lines):
                if index:
                    self.y -= leading
                self.text(MARGIN + label_width, self.y, REGULAR, BODY, line)
            self.y -= leading - BODY
        self.y -= 8

    def narrative(self, block: Narrative) -> None:
        leading = BODY * 1.3
        for md in block.blocks:
            if isinstance(md, MdHeading):
                self.heading(min(4, block.level + md.level), "", md.spans)
            elif isinstance(md, MdParagraph):
                self.rich(md.spans, MARGIN, TEXT_WIDTH, leading)
                self.y -= 5
            elif isinstance(md, MdList):
                for number, item in enumerate(md.items, start=md.start):
                    mark = f"{number}." if md.ordered else "•"
                    self.room(leading)
                    self.text(MARGIN + 6, self.y - BODY, REGULAR, BODY, mark)
                    self.rich(item, MARGIN + 22, TEXT_WIDTH - 22, leading)
                self.y -= 5
        self.y -= 4

    def rich(self, spans: Spans, x: float, width: float, leading: float) -> None:
        for line in self.measure.wrap_spans(spans, BODY, width):
            self.room(leading)
            self.y -= BODY
            self.runs(x, self.y, line, BODY)
            self.y -= leading - BODY

    # ---- tables -----------------------------------------------------------------------------------
    def table(self, block: Table) -> None:
        lang = self.outline.lang
        total = sum(block.widths)
        widths = [TEXT_WIDTH * w / total for w in block.widths]
        xs = [MARGIN]
        for w in widths:
            xs.append(xs[-1] + w)
        leading = SMALL * 1.25
        measure = self.measure
        header = [
            measure.wrap(xml_safe(c), BOLD, SMALL, w - 2 * PAD)
            for c, w in zip(block.columns, widths, strict=True)
        ]
        header_height = max(len(c) for c in header) * leading + 2 * PAD
        self.room(header_height + leading + 2 * PAD)
        page_room = TOP - BOTTOM - header_height
        self.y -= 4
        self._table_header(header, xs, header_height, leading)
        for row in block.rows:
            if isinstance(row, AreaRow):
                cells = [measure.wrap(xml_safe(row.text), BOLD, SMALL, TEXT_WIDTH - 2 * PAD)]
                spans = [(MARGIN, MARGIN + TEXT_WIDTH)]
                fonts, right = [BOLD], [False]
            else:
                texts = [xml_safe(cell_text(c, lang)) for c in row]
                right = [isinstance(c, int | float) and not isinstance(c, bool) for c in row]
                cells = [
                    measure.wrap(t, REGULAR, SMALL, w - 2 * PAD) if t else []
                    for t, w in zip(texts, widths, strict=True)
                ]
                spans = list(zip(xs, xs[1:], strict=False))
                fonts = [REGULAR] * len(cells)
            lines = max(1, max(len(c) for c in cells))
            start = 0
            while start < lines:
                fit = int((self.y - BOTTOM - 2 * PAD) // leading)
                if isinstance(row, AreaRow):  # an area's name stays with its first activity
                    fit -= 2
                if fit < 1 or (start == 0 and fit < lines and lines * leading + 2 * PAD <= page_room):
                    # The row does not fit here but would on a page of its own: it moves whole.
                    self.new_page()
                    self._table_header(header, xs, header_height, leading)
                    continue
                part = min(lines - start, fit)
                height = part * leading + 2 * PAD
                top = self.y
                if isinstance(row, AreaRow):
                    self.fill(MARGIN, top - height, TEXT_WIDTH, height, AREA_FILL)
                for cell, (left, right_edge), font, align in zip(cells, spans, fonts, right, strict=True):
                    y = top - PAD - SMALL
                    for text in cell[start : start + part]:
                        x = right_edge - PAD - measure.width(text, font, SMALL) if align else left + PAD
                        self.text(x, y, font, SMALL, text)
                        y -= leading
                self.y -= height
                self.line(MARGIN, self.y, MARGIN + TEXT_WIDTH, self.y)
                inner = [MARGIN, MARGIN + TEXT_WIDTH] if isinstance(row, AreaRow) else xs
                for x in inner:
                    self.line(x, top, x, self.y)
                start += part
        self.y -= 10

    def _table_header(self, header: list[list[str]], xs: list[float], height: float, leading: float) -> None:
        top = self.y
        self.fill(MARGIN, top - height, TEXT_WIDTH, height, HEADER_FILL)
        for cell, left in zip(header, xs, strict=False):
            y = top - PAD - SMALL
            for text in cell:
                self.text(left + PAD, y, BOLD, SMALL, text)
                y -= leading
        self.y -= height
        self.line(MARGIN, top, MARGIN + TEXT_WIDTH, top)
        self.line(MARGIN, self.y, MARGIN + TEXT_WIDTH, self.y)
        for x in xs:
            self.line(x, top, x, self.y)

    # ---- bars and charts --------------------------------------------------------------------------
    def bars(self, block: Bars) -> None:
        label_width, bar_width, height = 5 * CM, 15 * CM, BODY * 1.2
        for label, counts in block.rows:
            self.room(height + 4)
            self.y -= height
            self.text(MARGIN, self.y + 2.5, REGULAR, BODY, self._fit(xml_safe(label), label_width - 6))
            total = sum(n for _, n in counts)
            x = MARGIN + label_width
            for code, n in counts:
                if n and total:
                    w = bar_width * n / total
                    self.fill(x, self.y, w, height, "#" + STATUS_COLOURS[code])
                    x += w
            self.y -= 4
        self.room(BODY * 2)
        self.y -= BODY + 4
        x = MARGIN
        for code, text in block.legend:
            self.fill(x, self.y - 1, BODY * 0.8, BODY * 0.8, "#" + STATUS_COLOURS[code])
            self.text(x + BODY, self.y, REGULAR, BODY, text)
            x += BODY * 2 + self.measure.width(text, REGULAR, BODY)
        self.y -= 12

    def chart(self, block: Chart) -> None:
        label_width, bar_width, height = 8 * CM, 12 * CM, BODY * 1.2
        self.room(BODY * 2 + height * min(3, len(block.rows)))
        self.y -= BODY + 2
        self.text(MARGIN, self.y, BOLD, BODY, xml_safe(block.title))
        self.y -= 6
        top = max(v for _, v in block.rows) or 1
        for label, value in block.rows:
            self.room(height + 3)
            self.y -= height
            self.text(MARGIN, self.y + 2.5, REGULAR, SMALL, self._fit(xml_safe(label), label_width - 6))
            w = max(0.5, bar_width * value / top)
            self.fill(MARGIN + label_width, self.y, w, height, CHART_FILL)
            shown = chart_value(block, value, self.outline.lang)
            self.text(MARGIN + label_width + w + 4, self.y + 2.5, REGULAR, SMALL, shown)
            self.y -= 3
        self.y -= 12

    def _fit(self, text: str, width: float) -> str:
        lines = self.measure.wrap(text, REGULAR, SMALL, width)
        return lines[0] + ("…" if len(lines) > 1 else "")

    # ---- the contents, once the pages are known ---------------------------------------------------
    def fill_contents(self) -> None:
        if not self.toc_pages:
            return
        entries = [h for h in self.headings]
        for page_number, page_index in enumerate(self.toc_pages):
            page = self.pages[page_index]
            y = TOP
            if page_number == 0:
                y -= HEADING_SIZES[2]
                page["text"].append((MARGIN, y, BOLD, HEADING_SIZES[2], xml_safe(self.toc_title), None))
                y -= 20
            chunk = entries[page_number * self.toc_per_page : (page_number + 1) * self.toc_per_page]
            for level, text, target, key in chunk:
                y -= BODY * 1.6
                indent = 0 if level == 2 else 18
                font = BOLD if level == 2 else REGULAR
                number = str(target + 1)
                right = MARGIN + TEXT_WIDTH
                shown = self._fit_wide(text, font, TEXT_WIDTH - indent - 60)
                page["text"].append((MARGIN + indent, y, font, BODY, shown, None))
                at = right - self.measure.width(number, REGULAR, BODY)
                page["text"].append((at, y, REGULAR, BODY, number, None))
                page.setdefault("links", []).append((key, MARGIN + indent, y - 2, right, y + BODY))

    def _fit_wide(self, text: str, font: str, width: float) -> str:
        lines = self.measure.wrap(text, font, BODY, width)
        return lines[0] + ("…" if len(lines) > 1 else "")


def _draw(layout: _Layout, outline: Outline, out: BinaryIO) -> None:
    from i18n import t

    canvas = Canvas(out, pagesize=(PAGE_WIDTH, PAGE_HEIGHT), pageCompression=1)
    canvas.setTitle(xml_safe(outline.title))
    pages = len(layout.pages)
    header = xml_safe(f"{outline.title} – {outline.date}" if outline.date else outline.title)
    title_page = any(isinstance(b, TitlePage) for b in outline.front)
    rule_colour = RULE
    outline_levels: list[int] = []
    for number, page in enumerate(layout.pages, start=1):
        for key, level, text in page.get("marks", []):
            canvas.bookmarkPage(key)
            depth = 0 if level == 2 else 1
            if depth == 1 and not outline_levels:
                depth = 0
            canvas.addOutlineEntry(text, key, level=depth)
            outline_levels.append(depth)
        if page["fills"]:
            last = None
            for x, y, w, h, colour in page["fills"]:
                if colour != last:
                    canvas.setFillColor(HexColor(colour))
                    last = colour
                canvas.rect(x, y, w, h, stroke=0, fill=1)
            canvas.setFillColor(HexColor("#000000"))
        if page["lines"]:
            canvas.setStrokeColor(rule_colour)
            canvas.setLineWidth(0.5)
            canvas.lines(merged_rules(page["lines"]))
        text = canvas.beginText()
        current = None
        for x, y, font, size, string, _colour in page["text"]:
            if (font, size) != current:
                text.setFont(font, size)
                current = (font, size)
            text.setTextOrigin(x, y)
            text.textOut(string)
        canvas.drawText(text)
        for key, x1, y1, x2, y2 in page.get("links", []):
            canvas.linkRect("", key, (x1, y1, x2, y2), relative=0, thickness=0)
        if not (title_page and number == 1):
            canvas.setFont(REGULAR, 8)
            canvas.setFillColor(HexColor("#555555"))
            canvas.drawRightString(PAGE_WIDTH - MARGIN, PAGE_HEIGHT - MARGIN + 4, _fit_header(header))
            canvas.drawCentredString(PAGE_WIDTH / 2, MARGIN - 18, t("export.page", lang=outline.lang,
                                                                    page=number, pages=pages))
            canvas.setFillColor(HexColor("#000000"))
        canvas.showPage()
    canvas.save()


def merged_rules(lines: list[tuple[float, float, float, float]]) -> list[tuple[float, float, float, float]]:
    """The page's rules with the vertical ones that continue each other drawn as one: a column's
    border runs down the whole table, not once per row (a large table has 40,000 of them)."""
    vertical: dict[float, list[tuple[float, float]]] = {}
    merged = []
    for x1, y1, x2, y2 in lines:
        if x1 == x2:
            vertical.setdefault(x1, []).append((min(y1, y2), max(y1, y2)))
        else:
            merged.append((x1, y1, x2, y2))
    for x, spans in vertical.items():
        spans.sort()
        low, high = spans[0]
        for start, end in spans[1:]:
            if start <= high + 0.01:
                high = max(high, end)
            else:
                merged.append((x, low, x, high))
                low, high = start, end
        merged.append((x, low, x, high))
    return merged


def _fit_header(text: str) -> str:
    width = TEXT_WIDTH
    if pdfmetrics.stringWidth(text, REGULAR, 8) <= width:
        return text
    while text and pdfmetrics.stringWidth(text + "…", REGULAR, 8) > width:
        text = text[:-1]
    return text + "…"


def write_pdf(outline: Outline, out: BinaryIO) -> None:
    from reportlab import rl_config

    rl_config.useA85 = 0  # compressed streams stay binary: ASCII85 costs a second for a large plan
    _register_fonts()
    layout = _Layout(outline)
    for block, new_page in outline.pages():
        layout.add(block, new_page)
    if not any(layout.pages[-1].values()):
        layout.pages.pop()
    layout.fill_contents()
    _draw(layout, outline, out)
