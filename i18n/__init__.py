"""Swedish and English for every label, message and export.

Messages are kept in ``i18n/messages/<domain>.py`` as ``MESSAGES = {key: (swedish, english)}``, one
module per domain, so that a key always has both languages side by side. ``t(key, **params)``
formats the message in the current language.

A message that depends on a count has a form per plural category of each language, as CLDR names
them (``{"one": ..., "other": ...}`` for Swedish and English), and is written with
``tn(key, n, **params)``: the form is chosen by the language's plural rule (Babel's CLDR data) and
``{n}`` is the count written the language's way. Numbers, percentages and dates for people are
written by ``i18n.formatting``.
"""

from __future__ import annotations

import importlib
import os
import pkgutil
from collections.abc import Mapping

LANGUAGES = ("sv", "en")
LANG_ENV = "HRPLAN_LANG"

Text = str | Mapping[str, str]  # a plain message, or a form per plural category
_language = "sv"
_catalog: dict[str, tuple[Text, Text]] | None = None


def load_catalog() -> dict[str, tuple[Text, Text]]:
    """Every message of every domain module. Raises on a key defined twice."""
    global _catalog
    if _catalog is None:
        from i18n import messages

        merged: dict[str, tuple[Text, Text]] = {}
        for info in sorted(pkgutil.iter_modules(messages.__path__), key=lambda i: i.name):
            module = importlib.import_module(f"i18n.messages.{info.name}")
            for key, pair in module.MESSAGES.items():
                if key in merged:
                    raise RuntimeError(f"message key {key!r} is defined twice")
                merged[key] = pair
        _catalog = merged
    return _catalog


def _is_neutral(locale_name: str) -> bool:
    """A locale that names no language: C, POSIX or C.UTF-8 (and its spellings)."""
    return locale_name.split(".")[0].split("@")[0].upper() in ("", "C", "POSIX")


def detect_language(environ: Mapping[str, str] | None = None) -> str:
    """``HRPLAN_LANG`` when set; else the language of the locale that applies to messages.

    The locale is read from the environment the way the C library reads it for messages: the first
    of ``LC_ALL``, ``LC_MESSAGES`` and ``LANG`` that is set and not empty decides. A Swedish locale,
    and one that names no language (``C``, ``C.UTF-8``, ``POSIX``, or none set), give Swedish; a
    locale of another language gives English. (Python's ``locale.getlocale()`` is not asked: it
    turns ``C.UTF-8`` into ``en_US``.)
    """
    env = os.environ if environ is None else environ
    chosen = (env.get(LANG_ENV) or "").strip().lower()[:2]
    if chosen in LANGUAGES:
        return chosen
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = (env.get(var) or "").strip()
        if value:
            if _is_neutral(value) or value.lower().startswith("sv"):
                return "sv"
            return "en"
    return "sv"


def set_language(lang: str) -> None:
    global _language
    if lang not in LANGUAGES:
        raise ValueError(f"language must be one of {', '.join(LANGUAGES)}")
    _language = lang


def get_language() -> str:
    return _language


def _format(text: str, params: dict[str, object]) -> str:
    if not params:
        return text
    try:
        return text.format(**params)
    except (KeyError, IndexError, ValueError):
        return text


def t(key: str, /, lang: str | None = None, **params: object) -> str:
    """The message ``key`` in the current (or given) language, formatted with ``params``.

    A missing key shows as the key itself, so a gap is visible rather than fatal; the catalog test
    makes sure no key used in the code is missing. A plural message given here takes its "other"
    form; use ``tn`` for a count.
    """
    pair = load_catalog().get(key)
    if pair is None:
        return key
    text = pair[0] if (lang or _language) == "sv" else pair[1]
    if not isinstance(text, str):
        text = text["other"]
    return _format(text, params)


def tn(key: str, n: int, /, lang: str | None = None, **params: object) -> str:
    """The plural message ``key`` for the count ``n``, in the form the language's rule asks for.

    ``{n}`` in the message is the count written the language's way ("1 234" in Swedish); other
    ``params`` are filled in as by ``t``.
    """
    from i18n.formatting import number, plural_category

    lang = lang or _language
    pair = load_catalog().get(key)
    if pair is None:
        return key
    forms = pair[0] if lang == "sv" else pair[1]
    if isinstance(forms, str):  # a message without forms: the same for every count
        text = forms
    else:
        text = forms.get(plural_category(n, lang), forms["other"])
    return _format(text, {"n": number(n, lang), **params})
