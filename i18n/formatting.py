"""Numbers, percentages, dates and plural categories written the way each language writes them.

Babel (CLDR data) does the work. It is imported on first use, never when the app or the command
starts, and ``warm()`` lets a worker thread pay for loading it before a screen needs it.
"""

from __future__ import annotations

from datetime import date
from functools import cache
from typing import Any

# The locale whose conventions each language of hrplan follows.
LOCALES = {"sv": "sv_SE", "en": "en_GB"}

# What Babel writes for a whole number and a percentage in each language (CLDR's sv_SE and en_GB:
# groups of three, the group separator, where the percent sign goes). The commonest cases (counts,
# shares done) are written with these without loading Babel's locale data, which costs a command or
# the start screen 20 to 50 ms; a test checks them against Babel's own output.
_GROUP = {"sv": "\u00a0", "en": ","}
_PERCENT = {"sv": "{}\u00a0%", "en": "{}%"}


def _grouped(value: int, lang: str) -> str:
    return f"{value:,}".replace(",", _GROUP[lang])


def _lang(lang: str | None) -> str:
    if lang is None:
        from i18n import get_language

        return get_language()
    return lang


@cache
def _locale(lang: str) -> Any:
    from babel import Locale

    return Locale.parse(LOCALES[lang])


def warm(lang: str | None = None) -> None:
    """Load Babel and the language's data now (for a worker thread, before the screen needs them)."""
    number(1, lang)
    percent(0.5, lang)
    date_text(date(2000, 1, 1), lang)


def plural_category(n: int | float, lang: str | None = None) -> str:
    """The CLDR plural category of ``n`` in the language: "one" or "other" for Swedish and English."""
    lang = _lang(lang)
    if type(n) is int and lang in _GROUP:  # Swedish and English: "one" for 1 alone (CLDR: i = 1 and v = 0)
        return "one" if abs(n) == 1 else "other"
    return _locale(lang).plural_form(abs(n))


def plural_categories(lang: str) -> frozenset[str]:
    """Every plural category the language has: a plural message needs a form for each."""
    return frozenset(_locale(lang).plural_form.tags) | {"other"}


def number(value: int | float, lang: str | None = None, *, decimals: int | None = None) -> str:
    """``1234`` → "1 234" (Swedish, with a no-break space), "1,234" (English); with ``decimals``
    always that many: ``number(16, decimals=1)`` → "16,0" / "16.0"."""
    lang = _lang(lang)
    if decimals is None and type(value) is int and value >= 0 and lang in _GROUP:
        return _grouped(value, lang)
    from babel.numbers import format_decimal

    pattern = None if decimals is None else "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(value, format=pattern, locale=_locale(lang))


def percent(share: float, lang: str | None = None) -> str:
    """A share 0..1 as a whole percentage: 0.42 → "42 %" (Swedish), "42%" (English)."""
    lang = _lang(lang)
    if type(share) in (int, float) and 0 <= share < 1e12 and lang in _PERCENT:
        from decimal import ROUND_HALF_EVEN, Decimal

        # As Babel rounds: the shortest decimal of the float, scaled, half to even.
        whole = int((Decimal(str(share)) * 100).quantize(Decimal(1), rounding=ROUND_HALF_EVEN))
        return _PERCENT[lang].format(_grouped(whole, lang))
    from babel.numbers import format_percent

    return format_percent(share, locale=_locale(lang))


# How a date is written in tables and messages: the ISO form Swedish offices use, and the day, the
# month's name and the year in English (a British "01/10/2025" reads as January to an American).
DATE_STYLES = {"sv": "short", "en": "medium"}


def date_text(day: date, lang: str | None = None) -> str:
    """A date for people: "2025-10-01" in Swedish, "1 Oct 2025" in English."""
    lang = _lang(lang)
    if lang == "sv" and type(day) is date and day.year >= 1000:  # CLDR's short Swedish date is the ISO form
        return day.isoformat()
    from babel.dates import format_date

    return format_date(day, format=DATE_STYLES[lang], locale=_locale(lang))
