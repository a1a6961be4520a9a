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

# Command line
MESSAGES.update(
    {
        "cli.help_round": ("uppföljningar: ny, lista, stäng, öppna igen", "follow-up rounds: new, list, close, reopen"),
        "cli.help_round_new": ("starta en ny uppföljning", "start a new follow-up round"),
        "cli.help_round_list": ("lista planens uppföljningar", "list the plan's follow-up rounds"),
        "cli.help_round_close": ("stäng en uppföljning (skrivskyddad sedan)", "close a round (read-only afterwards)"),
        "cli.help_round_reopen": ("öppna en stängd uppföljning igen", "reopen a closed round"),
        "cli.help_tick": ("sätt status (och kommentar) för en aktivitet", "set an activity's status (and comment)"),
        "cli.opt_round_name": ("uppföljningens namn, t.ex. T3 2026", "the round's name, e.g. T3 2026"),
        "cli.opt_round_date": ("uppföljningens datum (annars i dag)", "the round's date (else today)"),
        "cli.arg_round": ("uppföljningens namn", "the round's name"),
        "cli.arg_activity": ("aktivitetens id (se hrplan show PLAN --json)", "the activity's id (see hrplan show PLAN --json)"),
        "cli.arg_status": (
            "statuskod: not_started, in_progress, done, delayed, cancelled",
            "status code: not_started, in_progress, done, delayed, cancelled",
        ),
        "cli.opt_round": ("uppföljningens namn (annars den senaste öppna)", "the round's name (else the latest open one)"),
        "cli.opt_comment": ("kommentar för den här uppföljningen", "comment for this round"),
        "cli.round_started": (
            "Uppföljningen {name} ({date}) är startad med {count} aktiviteter.",
            "The round {name} ({date}) was started with {count} activities.",
        ),
        "cli.no_rounds": ("Planen har inga uppföljningar ännu.", "The plan has no follow-up rounds yet."),
        "cli.round_closed": ("Uppföljningen {name} är stängd.", "The round {name} is closed."),
        "cli.round_reopened": ("Uppföljningen {name} är öppen igen.", "The round {name} is open again."),
        "cli.ticked": ("Aktivitet {id}: {status} i {name}.", "Activity {id}: {status} in {name}."),
        "rounds.col_state": ("Läge", "State"),
        "rounds.col_done": ("Klara", "Done"),
        "rounds.col_reviewed": ("Genomgångna", "Reviewed"),
        "rounds.open": ("Öppen", "Open"),
        "rounds.closed": ("Stängd", "Closed"),
    }
)
