"""Every message exists in Swedish and English, and every key the code uses is in the catalog."""

import ast
import re
import string
from pathlib import Path

import pytest

from i18n import detect_language, load_catalog, set_language, t

ROOT = Path(__file__).resolve().parents[2]
SOURCE_DIRS = ["tui", "models", "db", "i18n", "importers", "exporters", "web"]


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_message_has_both_languages_with_the_same_placeholders() -> None:
    for key, pair in load_catalog().items():
        assert isinstance(pair, tuple) and len(pair) == 2, key
        sv, en = pair
        assert sv.strip() and en.strip(), f"{key} lacks a translation"
        assert _fields(sv) == _fields(en), f"{key} has different placeholders"


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
                if name == "t" and args:
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
        ({}, "sv"),
        ({"LC_ALL": "C", "LANG": "de_DE.UTF-8"}, "en"),
    ],
)
def test_language_detection(env: dict[str, str], expected: str) -> None:
    assert detect_language(env) == expected
