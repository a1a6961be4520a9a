"""Messages of the dialogs and keys every screen shares."""

MESSAGES: dict[str, tuple[str, str]] = {
    "key.cancel": ("Avbryt", "Cancel"),
    "key.close": ("Stäng", "Close"),
    "key.yes": ("Ja", "Yes"),
    "key.no": ("Nej", "No"),
    "key.help": ("Hjälp", "Help"),
    "key.back": ("Tillbaka", "Back"),
    "confirm.yes": ("Ja", "Yes"),
    "confirm.no": ("Nej", "No"),
    "help.title": ("Hjälp – tangenter", "Help – keys"),
    "help.footer": (
        "Alla kommandon finns också i kommandopaletten (Ctrl+P). Esc stänger.",
        "Every command is also in the command palette (Ctrl+P). Esc closes.",
    ),
}

MESSAGES.update(
    {
        "key.up": ("Upp", "Up"),
        "key.down": ("Ned", "Down"),
        "key.page_up": ("Sida upp", "Page up"),
        "key.page_down": ("Sida ned", "Page down"),
        "key.first": ("Första", "First"),
        "key.last": ("Sista", "Last"),
        "key.select": ("Välj", "Select"),
        "key.palette": ("Kommandon", "Commands"),
    }
)
