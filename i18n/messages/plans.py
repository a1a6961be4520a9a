"""Messages of the plans screen (the start screen)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "key.quit": ("Avsluta", "Quit"),
    "plans.loading": ("Läser in planerna …", "Loading the plans …"),
    "plans.empty": (
        "Inga planer ännu. Kör `hrplan demo` för en exempelplan.",
        "No plans yet. Run `hrplan demo` for an example plan.",
    ),
}
