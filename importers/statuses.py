"""Statuses written in a follow-up column: the status words and traffic lights people use in Excel.

Traffic lights are read as most follow-up sheets mean them: green is done, yellow is under way, red
is late. A text that names no status is kept as the entry's comment (and said in a warning).
"""

from __future__ import annotations

import re

# Status code (``models.status.Status``; not imported: it is light, but keep importers plain) and
# its wordings, compared in lower case without punctuation around them.
_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("not_started", ("ej påbörjad", "ej påbörjat", "ej påbörjade", "inte påbörjad", "inte påbörjat",
                     "ej startad", "ej startat", "inte startad", "ej börjat", "ej genomförd",
                     "ej genomfört", "inte genomförd", "planerad", "planerat", "ny", "not started",
                     "planned", "to do", "todo", "open")),
    ("in_progress", ("pågår", "pågående", "påbörjad", "påbörjat", "startad", "startat", "delvis klar",
                     "delvis genomförd", "under arbete", "gul", "gult", "in progress", "ongoing",
                     "started", "yellow", "amber", "🟡", "🟠")),
    ("done", ("klar", "klart", "klara", "genomförd", "genomfört", "genomförda", "avslutad", "avslutat",
              "slutförd", "färdig", "uppnått", "uppnådd", "grön", "grönt", "done", "complete",
              "completed", "finished", "green", "🟢", "✅", "✓", "✔")),
    ("delayed", ("försenad", "försenat", "försenade", "fördröjd", "fördröjt", "röd", "rött", "delayed",
                 "late", "behind", "overdue", "red", "🔴")),
    ("cancelled", ("avbruten", "avbrutet", "avbrutna", "struken", "struket", "utgår", "utgått",
                   "inställd", "inställt", "stoppad", "cancelled", "canceled", "dropped", "❌")),
)  # fmt: skip

_BY_WORD = {word: code for code, words in _WORDS for word in words}
_EDGE = " .:;,!?*-–—()[]\"'"


def status_code(text: str) -> str | None:
    """The status a follow-up cell names ("Pågår", "GRÖN", "Klar 2025-03-01", "Röd – saknar
    budget"), else None."""
    s = " ".join(text.lower().split()).strip(_EDGE)
    if not s:
        return None
    if s in _BY_WORD:
        return _BY_WORD[s]
    # The status first, then a date or words about it: "Röd – saknar budget", "Ej påbörjad 2025".
    head = re.split(r"\s*[-–—:,(/]\s*", s, maxsplit=1)[0].strip(_EDGE)
    words = s.split()
    for candidate in (head, " ".join(words[:2]).strip(_EDGE), words[0].strip(_EDGE)):
        if candidate in _BY_WORD:
            return _BY_WORD[candidate]
    return None
