"""Swedish and English for every label, message and export.

Messages are kept in ``i18n/messages/<domain>.py`` as ``MESSAGES = {key: (swedish, english)}``, one
module per domain, so that a key always has both languages side by side. ``t(key, **params)``
formats the message in the current language.
"""

from __future__ import annotations

import importlib
import locale
import os
import pkgutil

LANGUAGES = ("sv", "en")
LANG_ENV = "HRPLAN_LANG"

_language = "sv"
_catalog: dict[str, tuple[str, str]] | None = None


def load_catalog() -> dict[str, tuple[str, str]]:
    """Every message of every domain module. Raises on a key defined twice."""
    global _catalog
    if _catalog is None:
        from i18n import messages

        merged: dict[str, tuple[str, str]] = {}
        for info in sorted(pkgutil.iter_modules(messages.__path__), key=lambda i: i.name):
            module = importlib.import_module(f"i18n.messages.{info.name}")
            for key, pair in module.MESSAGES.items():
                if key in merged:
                    raise RuntimeError(f"message key {key!r} is defined twice")
                merged[key] = pair
        _catalog = merged
    return _catalog


def _is_neutral(locale_name: str) -> bool:
    """A locale that names no language: unset, C, POSIX or C.UTF-8."""
    return locale_name.split(".")[0].upper() in ("", "C", "POSIX")


def detect_language(environ: dict[str, str] | None = None) -> str:
    """``HRPLAN_LANG`` when set; else English under a locale of another language; else Swedish.

    Swedish is the default: a Swedish locale, and a machine whose locale names no language (C,
    POSIX, unset), get Swedish. A locale in another language is taken as asking for English.
    """
    env = os.environ if environ is None else environ
    chosen = (env.get(LANG_ENV) or "").strip().lower()[:2]
    if chosen in LANGUAGES:
        return chosen
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = (env.get(var) or "").strip()
        if value and not _is_neutral(value):
            return "sv" if value.lower().startswith("sv") else "en"
    if environ is None:
        try:
            loc = locale.getlocale()[0] or ""
        except ValueError:
            loc = ""
        if loc and not _is_neutral(loc) and not loc.lower().startswith("sv"):
            return "en"
    return "sv"


def set_language(lang: str) -> None:
    global _language
    if lang not in LANGUAGES:
        raise ValueError(f"language must be one of {', '.join(LANGUAGES)}")
    _language = lang


def get_language() -> str:
    return _language


def t(key: str, /, lang: str | None = None, **params: object) -> str:
    """The message ``key`` in the current (or given) language, formatted with ``params``.

    A missing key shows as the key itself, so a gap is visible rather than fatal; the catalog test
    makes sure no key used in the code is missing.
    """
    pair = load_catalog().get(key)
    if pair is None:
        return key
    text = pair[0] if (lang or _language) == "sv" else pair[1]
    if params:
        try:
            return text.format(**params)
        except (KeyError, IndexError, ValueError):
            return text
    return text
