"""Messages of the follow-up: rounds, the checklist, its dialogs and the command line."""

MESSAGES: dict[str, tuple[str, str]] = {
    # Errors and fields
    "error.round_closed": (
        "Uppföljningen {name} är stängd. Öppna den igen för att ändra.",
        "The follow-up round {name} is closed. Reopen it to make changes.",
    ),
    "error.no_open_round": (
        "Planen har ingen öppen uppföljning. Starta en med: hrplan round new PLAN --name NAMN",
        "The plan has no open follow-up round. Start one with: hrplan round new PLAN --name NAME",
    ),
    "error.bad_status": (
        "Okänd status {value}. Giltiga koder: {codes}",
        "Unknown status {value}. Valid codes: {codes}",
    ),
    "field.round_name": ("Namn", "Name"),
    "field.round_date": ("Datum", "Date"),
    "field.comment": ("Kommentar", "Comment"),
}
