"""Recognising area names (Område): the UBARA areas in any case and wording, and the plan's own."""

from __future__ import annotations

import re

# Normalised wordings of each UBARA area (see ``_norm``), in the order of ``models.area.UBARA_AREAS``
# (a test keeps them equal; that module is not imported here because it pulls in SQLModel).
_SYNONYMS: dict[str, tuple[str, ...]] = {
    "Utveckla": ("utveckla", "utveckling", "kompetensutveckling", "utveckla medarbetare", "develop",
                 "development"),
    "Behålla": ("behålla", "behåll", "behålla medarbetare", "retain", "retention", "keep"),
    "Attrahera": ("attrahera", "attraktion", "attraktiv arbetsgivare", "attract", "attraction"),
    "Rekrytera": ("rekrytera", "rekrytering", "recruit", "recruitment", "recruiting"),
    "Introducera": ("introducera", "introduktion", "introduce", "introduction", "onboarding"),
    "Avsluta/Avveckla": ("avsluta/avveckla", "avveckla/avsluta", "avsluta", "avveckla", "avslut",
                         "avveckling", "avsluta och avveckla", "avsluta eller avveckla", "end",
                         "offboarding", "leave", "phase out"),
    "Övrigt": ("övrigt", "övriga", "annat", "other", "others", "miscellaneous"),
}  # fmt: skip

_BY_WORDING = {wording: area for area, wordings in _SYNONYMS.items() for wording in wordings}
_LEADING_NUMBER = re.compile(r"^\(?\d{1,2}[.):]?\s+")
_LABEL = re.compile(r"^(?:område|omr\.|area)\s*[:\-–]?\s*", re.IGNORECASE)
UBARA: tuple[str, ...] = tuple(_SYNONYMS)


def _norm(text: str) -> str:
    s = " ".join(text.split()).strip().lower()
    s = _LABEL.sub("", s)
    s = _LEADING_NUMBER.sub("", s)
    s = re.sub(r"\s*/\s*", "/", s)
    return s.strip(" .:;-–—*")


def ubara_area(text: str) -> str | None:
    """The UBARA area a text names ("BEHÅLLA", "Avsluta / avveckla:", "3. Rekrytering"), else None."""
    if not text or len(text) > 80:
        return None
    s = _norm(text)
    if s in _BY_WORDING:
        return _BY_WORDING[s]
    # "Utveckla – kompetens för framtiden": the name, then a dash or colon and words about it.
    head = re.split(r"\s+[-–—:]\s*|:\s*", s, maxsplit=1)[0].strip()
    return _BY_WORDING.get(head)


def heading_like(text: str) -> bool:
    """Could be the name of the plan's own area: short, a few words, no sentence, no figures."""
    s = " ".join(text.split())
    return (
        0 < len(s) <= 40
        and len(s.split()) <= 4
        and not any(ch.isdigit() for ch in s)
        and not s.endswith((".", "?", "!", ","))
    )


def own_area_name(text: str) -> str:
    """The plan's own area as the document writes it, without a trailing colon."""
    return " ".join(text.split()).strip(" :;–-")
