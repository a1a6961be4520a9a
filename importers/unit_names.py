"""Which unit of a plan a name in a file means: the same name, a longer or shorter form, the same stem."""

from __future__ import annotations

from models.limits import NAME_MAX


def unit_named(name: str, names: list[str], *, add: bool) -> str:
    """The unit among ``names`` that ``name`` means: the same name in any case, one name starting
    with the other ("Äldreomsorgsavdelningen" for "Äldreomsorgsavdelningen, Södermalms sdf"), or the
    same stem of six letters or more ("Förskolan", "Förskoleavdelningen"); else ``name`` itself,
    added to ``names`` when ``add``."""
    wanted = " ".join(name.split()).casefold()
    folded = [n.casefold() for n in names]
    if wanted in folded:
        return names[folded.index(wanted)]
    starts = [n for n, f in zip(names, folded, strict=True) if f.startswith(wanted) or wanted.startswith(f)]
    if len(starts) == 1:
        return starts[0]
    stem = _stem(wanted)
    if len(stem) >= 6:
        same = [n for n, f in zip(names, folded, strict=True) if _stem(f) == stem]
        if len(same) == 1:
            return same[0]
    cleaned = " ".join(name.split())[:NAME_MAX]
    if add and cleaned not in names:
        names.append(cleaned)
    return cleaned


def _stem(text: str) -> str:
    """The first six letters of the first word ("förskolan", "förskoleavdelningen" → "försko"), or ""
    when the word is shorter: Swedish adds its endings after the stem."""
    words = text.split()
    return words[0][:6] if words and len(words[0]) >= 6 else ""
