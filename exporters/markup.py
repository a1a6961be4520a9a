"""Light Markdown in the narrative: headings, lists and emphasis, read into plain blocks.

The narrative is plain text a coordinator types: ``# Rubrik``, ``- punkt``, ``1. punkt``, ``*kursiv*``,
``**fet**``. Everything else stays text, so no writer ever passes user text to a format as markup:
each writer builds its own headings, lists and emphasis from these blocks and escapes the text.
A line break inside a paragraph is kept (the text is typed in an editor, not a Markdown file).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_BULLET = re.compile(r"^\s{0,3}[-*+•]\s+(.*)$")
_NUMBERED = re.compile(r"^\s{0,3}(\d{1,4})[.)]\s+(.*)$")
# ** or __ around text (strong), then * or _ around text (emphasis); a backslash keeps a mark as text.
_INLINE = re.compile(
    r"\\(?P<escaped>[\\*_#`])"
    r"|(?P<strong>\*\*(?=\S)(?P<strong_text>.+?)(?<=\S)\*\*(?!\*)|__(?=\S)(?P<strong_text2>.+?)(?<=\S)__)"
    r"|(?P<em>\*(?=[^\s*])(?P<em_text>.+?)(?<=[^\s*])\*|(?<!\w)_(?=[^\s_])(?P<em_text2>.+?)(?<=[^\s_])_(?!\w))"
)


@dataclass(frozen=True, slots=True)
class Span:
    text: str
    bold: bool = False
    italic: bool = False


Spans = tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class MdHeading:
    level: int  # 1..6, relative to where the section sits in the document
    spans: Spans


@dataclass(frozen=True, slots=True)
class MdParagraph:
    spans: Spans  # a "\n" inside a span's text is a line break


@dataclass(frozen=True, slots=True)
class MdList:
    ordered: bool
    items: tuple[Spans, ...]
    start: int = 1


MdBlock = MdHeading | MdParagraph | MdList


def spans_of(text: str, *, bold: bool = False, italic: bool = False) -> Spans:
    """Inline emphasis: ``**fet**``/``__fet__`` and ``*kursiv*``/``_kursiv_``, nested once."""
    out: list[Span] = []
    plain: list[str] = []
    at = 0

    def flush() -> None:
        if plain:
            out.append(Span("".join(plain), bold, italic))
            plain.clear()

    for match in _INLINE.finditer(text):
        plain.append(text[at : match.start()])
        at = match.end()
        if match["escaped"]:
            plain.append(match["escaped"])
        elif match["strong"]:
            flush()
            out.extend(spans_of(match["strong_text"] or match["strong_text2"], bold=True, italic=italic))
        else:
            flush()
            out.extend(spans_of(match["em_text"] or match["em_text2"], bold=bold, italic=True))
    plain.append(text[at:])
    flush()
    return tuple(s for s in out if s.text)


def plain_text(spans: Spans) -> str:
    return "".join(s.text for s in spans)


def parse(text: str) -> list[MdBlock]:
    """The blocks of a section's text, in order."""
    blocks: list[MdBlock] = []
    paragraph: list[str] = []
    items: list[str] = []
    ordered = False
    start = 1

    def end_paragraph() -> None:
        if paragraph:
            blocks.append(MdParagraph(spans_of("\n".join(paragraph))))
            paragraph.clear()

    def end_list() -> None:
        if items:
            blocks.append(MdList(ordered, tuple(spans_of(i) for i in items), start))
            items.clear()

    for raw in text.replace("\r\n", "\n").split("\n"):
        line = raw.rstrip()
        if not line.strip():
            end_paragraph()
            end_list()
            continue
        if heading := _HEADING.match(line):
            end_paragraph()
            end_list()
            blocks.append(MdHeading(len(heading[1]), spans_of(heading[2])))
            continue
        bullet, numbered = _BULLET.match(line), _NUMBERED.match(line)
        if bullet or numbered:
            end_paragraph()
            kind = numbered is not None
            if items and kind != ordered:
                end_list()
            if not items:
                ordered = kind
                start = int(numbered[1]) if numbered else 1
            items.append(numbered[2] if numbered else bullet[1])
            continue
        if items and raw[:1].isspace():  # an indented line goes on with the list item
            items[-1] += " " + line.strip()
            continue
        end_list()
        paragraph.append(line.strip())
    end_paragraph()
    end_list()
    return blocks


def count_words(text: str) -> int:
    """Words as the narrative editor counts them live: runs of letters or digits; Markdown marks and
    dashes are not words."""
    return len(_WORDS.findall(text))


_WORDS = re.compile(r"\w[\w'’\-]*")
