"""Every message exists in Swedish and English, and every key the code uses is in the catalog."""

import ast
import re
import string
from pathlib import Path

import pytest

from i18n import detect_language, load_catalog, set_language, t, tn
from i18n.formatting import date_text, number, percent, plural_categories

ROOT = Path(__file__).resolve().parents[2]
SOURCE_DIRS = ["tui", "models", "db", "i18n", "importers", "exporters", "web"]


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def _check_catalog(catalog: dict) -> list[str]:
    """What is wrong with a catalog: a language missing or empty, a plural form missing, placeholders
    that differ between the languages or the forms."""
    problems = []
    for key, pair in catalog.items():
        if not (isinstance(pair, tuple) and len(pair) == 2):
            problems.append(f"{key}: not a (swedish, english) pair")
            continue
        fields = []
        for lang, text in zip(("sv", "en"), pair, strict=True):
            if isinstance(text, str):
                forms = {"other": text}
            elif isinstance(text, dict):
                forms = text
                missing = plural_categories(lang) - set(forms)
                if missing:
                    problems.append(f"{key}: {lang} lacks the plural forms {sorted(missing)}")
            else:
                problems.append(f"{key}: {lang} is neither a text nor plural forms")
                continue
            for form, value in forms.items():
                if not (isinstance(value, str) and value.strip()):
                    problems.append(f"{key}: {lang} ({form}) is empty")
                else:
                    fields.append(_fields(value) - {"n"})
        if fields and any(f != fields[0] for f in fields):
            problems.append(f"{key}: the placeholders differ between the languages")
    return problems


def test_every_message_has_both_languages_with_the_same_placeholders() -> None:
    assert _check_catalog(load_catalog()) == []


def test_the_catalog_check_fails_on_a_message_without_both_languages() -> None:
    assert _check_catalog({"a.b": ("Klar", "")}) == ["a.b: en (other) is empty"]
    assert _check_catalog({"a.b": ("Klar",)}) == ["a.b: not a (swedish, english) pair"]
    assert _check_catalog({"a.b": ({"other": "{n} st"}, {"one": "{n} item", "other": "{n} items"})}) == [
        "a.b: sv lacks the plural forms ['one']"
    ]
    assert _check_catalog({"a.b": ("{name} klar", "{title} done")}) == [
        "a.b: the placeholders differ between the languages"
    ]


@pytest.mark.parametrize(
    ("lang", "counts"),
    [
        ("sv", {0: "0 aktiviteter", 1: "1 aktivitet", 2: "2 aktiviteter", 1234: "1\xa0234 aktiviteter"}),
        ("en", {0: "0 activities", 1: "1 activity", 2: "2 activities", 1234: "1,234 activities"}),
    ],
)
def test_plurals_follow_the_languages_rule(lang: str, counts: dict[int, str]) -> None:
    for n, expected in counts.items():
        assert tn("count.activities", n, lang=lang) == expected
    set_language(lang)
    assert tn("count.new_comments", 1) == ("1 ny kommentar" if lang == "sv" else "1 new comment")


def test_an_undone_change_counts_its_fields_in_the_languages_form() -> None:
    words = {"entity": "uppföljningspost", "name": "#7"}
    assert tn("plan.undo_update", 1, lang="en", **words) == "change of uppföljningspost “#7” (1 field)"
    assert tn("plan.undo_update", 3, lang="en", **words) == "change of uppföljningspost “#7” (3 fields)"
    assert tn("plan.undo_update", 1, lang="sv", **words) == "ändring av uppföljningspost ”#7” (1 fält)"


def test_an_import_of_one_activity_or_one_character_says_so_in_the_singular() -> None:
    assert tn("import.into_done", 1, lang="en", file="a") == "1 activity from a was added to the plan."
    assert tn("import.into_done", 2, lang="sv", file="a") == "2 aktiviteter från a lades till i planen."
    assert tn("import.cli.into_done", 1, lang="sv", title="P") == "1 aktivitet lades till i planen P."
    assert tn("import.summary.chars", 1, lang="en") == "1 character"
    assert tn("import.summary.chars", 1234, lang="en") == "1,234 characters"


def test_numbers_percentages_and_dates_per_language() -> None:
    from datetime import date

    assert number(1234567, "sv") == "1\xa0234\xa0567" and number(1234567, "en") == "1,234,567"
    assert percent(0.425, "sv") == "42\xa0%" and percent(0.425, "en") == "42%"
    assert date_text(date(2025, 10, 1), "sv") == "2025-10-01"
    assert date_text(date(2025, 10, 1), "en") == "1 Oct 2025"


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_what_is_written_without_babel_is_what_babel_writes(lang: str) -> None:
    """Whole numbers, percentages, Swedish dates and plural categories of whole numbers are written
    without loading Babel's locale data; each must equal Babel's own output."""
    import random
    from datetime import date, timedelta

    from babel import Locale
    from babel.dates import format_date
    from babel.numbers import format_decimal, format_percent

    from i18n.formatting import LOCALES, plural_category

    locale = Locale.parse(LOCALES[lang])
    rng = random.Random(18)
    numbers = [0, 1, 2, 999, 1000, 1234, 9999, 10000, 50000, 123456, 1234567, 10**12]
    numbers += [rng.randrange(10**rng.randrange(1, 10)) for _ in range(300)]
    for n in numbers:
        assert number(n, lang) == format_decimal(n, locale=locale), n
        assert plural_category(n, lang) == locale.plural_form(n), n
    shares = [0, 0.0, 1, 1.0, 0.005, 0.015, 0.125, 0.245, 0.255, 0.425, 0.995, 0.9999, 1 / 3, 2 / 3, 12.5]
    shares += [rng.random() for _ in range(500)] + [k / 1000 for k in range(1001)] + [k / 7 for k in range(8)]
    for share in shares:
        assert percent(share, lang) == format_percent(share, locale=locale), share
    if lang == "sv":
        day = date(1999, 12, 25)
        for _ in range(50):
            assert date_text(day, lang) == format_date(day, format="short", locale=locale)
            day += timedelta(days=rng.randrange(1, 400))


def _used_keys() -> set[tuple[str, str]]:
    """Message keys written as literals in t("..."), Binding descriptions and error keys."""
    found = set()
    key_like = re.compile(r"^[a-z_]+(\.[a-z0-9_]+)+$")
    for folder in SOURCE_DIRS:
        for path in (ROOT / folder).rglob("*.py") if (ROOT / folder).exists() else []:
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if not isinstance(node, ast.Call):
                    continue
                name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
                args = list(node.args)
                if name in ("t", "tn") and args:
                    candidates = [args[0]]
                elif name == "Binding" and len(args) >= 3:
                    candidates = [args[2]]
                elif name and name.endswith("Error") and args:
                    candidates = [args[0]]
                else:
                    continue
                for arg in candidates:
                    if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                        if key_like.match(arg.value):
                            found.add((arg.value, f"{path.relative_to(ROOT)}:{node.lineno}"))
    return found


def test_every_key_used_in_code_is_in_the_catalog() -> None:
    catalog = load_catalog()
    missing = sorted(where + " " + key for key, where in _used_keys() if key not in catalog)
    assert not missing, "keys without messages:\n" + "\n".join(missing)


def test_t_formats_and_switches_language() -> None:
    set_language("en")
    assert t("status.done") == "Done"
    assert t("target.read_as", date="2025-12-31") == "read as 2025-12-31"
    set_language("sv")
    assert t("status.done") == "Klar"
    assert t("status.done", lang="en") == "Done"


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"HRPLAN_LANG": "en", "LANG": "sv_SE.UTF-8"}, "en"),
        ({"LANG": "sv_SE.UTF-8"}, "sv"),
        ({"LANG": "en_GB.UTF-8"}, "en"),
        ({"LC_ALL": "sv_FI.UTF-8", "LANG": "en_US"}, "sv"),
        ({"HRPLAN_LANG": "fr", "LANG": "C.UTF-8"}, "sv"),
        ({"LANG": "C.UTF-8"}, "sv"),
        ({"LANG": "C"}, "sv"),
        ({"LANG": "POSIX"}, "sv"),
        ({"LANG": ""}, "sv"),
        ({}, "sv"),
        ({"LC_ALL": "C.UTF-8", "LANG": "en_GB.UTF-8"}, "sv"),  # LC_ALL decides, as for the C library
        ({"LC_ALL": "", "LC_MESSAGES": "en_GB.UTF-8", "LANG": "sv_SE.UTF-8"}, "en"),
        ({"HRPLAN_LANG": "sv", "LANG": "en_GB.UTF-8"}, "sv"),
    ],
)
def test_language_detection(env: dict[str, str], expected: str) -> None:
    assert detect_language(env) == expected


LANG_VARS = ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE", "HRPLAN_LANG")


@pytest.mark.parametrize(
    ("env", "args", "expected"),
    [
        ({"LANG": "C"}, [], "sv"),
        ({"LANG": "C.UTF-8"}, [], "sv"),
        ({"LANG": "POSIX"}, [], "sv"),
        ({}, [], "sv"),
        ({"LANG": "sv_SE.UTF-8"}, [], "sv"),
        ({"LANG": "en_GB.UTF-8"}, [], "en"),
        ({"LANG": "C.UTF-8", "HRPLAN_LANG": "en"}, [], "en"),
        ({"LANG": "en_GB.UTF-8"}, ["--lang", "sv"], "sv"),
        ({"LANG": "C.UTF-8"}, ["--lang", "en"], "en"),
    ],
)
def test_the_command_speaks_the_language_the_rule_gives(
    env: dict[str, str], args: list[str], expected: str, monkeypatch: pytest.MonkeyPatch, capsys, tmp_path
) -> None:  # noqa: ANN001
    """The real process environment, as a shell gives it: ``hrplan list`` on an empty database."""
    from tui.cli import main

    for var in LANG_VARS:
        monkeypatch.delenv(var, raising=False)
    for var, value in env.items():
        monkeypatch.setenv(var, value)
    assert main([*args, "--db", str(tmp_path / "x.db"), "list"]) == 0
    out = capsys.readouterr().out
    assert out.strip() == t("cli.no_plans", lang=expected), out
