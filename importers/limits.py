"""Bounds on what an import reads, checked where the data enters, before it is held in memory.

A file comes from anywhere: a zip bomb, a sheet that claims a million rows, a Word file of a
million empty paragraphs or an XML entity bomb must be refused within seconds and a few hundred
megabytes, with the limit named, instead of running for minutes. The limits lie far beyond any
real plan (the largest published plans have a few hundred activities).

``LIMITS`` is read when a file is read, so tests can set small ones (``set_limits``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import BinaryIO

from importers.errors import ImportFileError

MB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class ImportLimits:
    content_bytes: int = 50 * MB  # the file's content, uncompressed: a CSV or text file, or every part
    members: int = 2_000  # parts of a Word or Excel package
    rows: int = 100_000  # table rows, sheet rows, lines of text (those holding something)
    paragraphs: int = 500_000  # paragraphs of a Word file, empty ones and those in cells too
    activities: int = 20_000
    columns: int = 100  # columns read from a sheet


LIMITS = ImportLimits()


@contextmanager
def set_limits(**changes: int) -> Iterator[ImportLimits]:
    """Other limits within the block (for tests)."""
    global LIMITS
    before = LIMITS
    LIMITS = replace(LIMITS, **changes)
    try:
        yield LIMITS
    finally:
        LIMITS = before


def number(count: int) -> str:
    """20 000: thousands apart by a space, as Swedish writes them and English may."""
    return f"{count:,}".replace(",", "\u00a0")


def megabytes(count: int) -> str:
    return f"{count / MB:g}" if count >= MB else f"{count / MB:.2f}"


def too_large(where: str) -> ImportFileError:
    return ImportFileError("import.error.limit_size", where=where, limit=megabytes(LIMITS.content_bytes))


class Counter:
    """Counts what a reader streams and refuses the file at the first piece beyond a limit."""

    def __init__(self, where: str) -> None:
        self.where = where
        self.rows = 0
        self.paragraphs = 0

    def row(self) -> None:
        self.rows += 1
        if self.rows > LIMITS.rows:
            raise ImportFileError("import.error.limit_rows", where=self.where, limit=number(LIMITS.rows))

    def paragraph(self) -> None:
        self.paragraphs += 1
        if self.paragraphs > LIMITS.paragraphs:
            raise ImportFileError(
                "import.error.limit_paragraphs", where=self.where, limit=number(LIMITS.paragraphs)
            )


def check_activities(count: int, where: str) -> None:
    if count > LIMITS.activities:
        raise ImportFileError(
            "import.error.limit_activities", where=where, count=number(count), limit=number(LIMITS.activities)
        )


# A document type declaration: where XML declares entities. No Word or Excel file has one.
_DTD = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)


class BoundedStream:
    """A binary stream read through, counting its bytes against a budget shared by every part of
    the file, and refusing a document type declaration (XML entities) wherever it appears."""

    def __init__(self, raw: BinaryIO, budget: Budget, where: str) -> None:
        self.raw = raw
        self.budget = budget
        self.where = where
        self._tail = b""

    def read(self, size: int = -1) -> bytes:
        if size is None or size < 0:
            size = 1 << 16
        data = self.raw.read(min(size, 1 << 20))
        self.budget.spend(len(data), self.where)
        scan = self._tail + data
        if _DTD.search(scan):
            raise ImportFileError("import.error.xml_entities", where=self.where)
        self._tail = scan[-9:]
        return data

    def close(self) -> None:
        self.raw.close()


class Budget:
    """The bytes of content a file may still hand over."""

    def __init__(self) -> None:
        self.left = LIMITS.content_bytes

    def spend(self, count: int, where: str) -> None:
        self.left -= count
        if self.left < 0:
            raise too_large(where)
