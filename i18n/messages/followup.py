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
        "cli.help_round_delete": (
            "ta bort en uppföljning med dess status och kommentarer",
            "delete a round with its statuses and comments",
        ),
        "cli.opt_yes_delete": ("ta bort utan att fråga (för skript)", "delete without asking (for scripts)"),
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
        "cli.opt_tick_from": (
            "läs många markeringar ur FILE (eller - för standard in), en per rad: ACTIVITY_ID STATUS [KOMMENTAR]; "
            "alla sparas som en ändring, eller ingen",
            "read many ticks from FILE (or - for standard input), one a line: ACTIVITY_ID STATUS [COMMENT]; "
            "all are saved as one change, or none",
        ),
        "cli.tick_from_or_one": (
            "ange antingen ACTIVITY_ID och STATUS eller --from FILE",
            "give either ACTIVITY_ID and STATUS or --from FILE",
        ),
        "cli.tick_line_short": (
            "varje rad behöver ett aktivitets-id och en status",
            "every line needs an activity id and a status",
        ),
        "cli.ticked_many": (
            {"one": "{n} aktivitet markerad i {name}.", "other": "{n} aktiviteter markerade i {name}."},
            {"one": "{n} activity ticked in {name}.", "other": "{n} activities ticked in {name}."},
        ),
        "error.at_line": ("Rad {line}: {message}", "Line {line}: {message}"),
        "cli.round_started": (
            "Uppföljningen {name} ({date}) är startad med {activities}.",
            "The round {name} ({date}) was started with {activities}.",
        ),
        "cli.no_rounds": ("Planen har inga uppföljningar ännu.", "The plan has no follow-up rounds yet."),
        "cli.round_closed": ("Uppföljningen {name} är stängd.", "The round {name} is closed."),
        "cli.round_delete_ask": (
            "Ta bort uppföljningen {name}? Med den försvinner {entries}, {reviewed}, och {comments}. [j/N]",
            "Delete the round {name}? With it go {entries}, {reviewed}, and {comments}. [y/N]",
        ),
        "cli.round_delete_not_asked": (
            "Uppföljningen {name} är inte borttagen: svara j på frågan, eller lägg till --yes i ett skript.",
            "The round {name} is not deleted: answer y to the question, or add --yes in a script.",
        ),
        "cli.round_deleted": (
            "Uppföljningen {name} är borttagen. Ctrl+Z på planen i appen ångrar det.",
            "The round {name} is deleted. Ctrl+Z on the plan in the app undoes it.",
        ),
        "cli.round_reopened": ("Uppföljningen {name} är öppen igen.", "The round {name} is open again."),
        "cli.ticked": ("Aktivitet {id}: {status} i {name}.", "Activity {id}: {status} in {name}."),
        "rounds.col_state": ("Läge", "State"),
        "rounds.col_done": ("Klara", "Done"),
        "rounds.col_reviewed": ("Genomgångna", "Reviewed"),
        "rounds.open": ("Öppen", "Open"),
        "rounds.closed": ("Stängd", "Closed"),
    }
)

# Checklist header
MESSAGES.update(
    {
        "progress.overall": ("Totalt", "Overall"),
        "progress.done": ("klara", "done"),
        "progress.reviewed": ("genomgångna", "reviewed"),
        "progress.of": (
            {"one": "{n} aktivitet", "other": "{n} aktiviteter"}, {"one": "{n} activity", "other": "{n} activities"}
        ),
        "progress.more_units": (
            {"one": "… och {n} enhet till (följer markören)", "other": "… och {n} enheter till (följer markören)"},
            {"one": "… and {n} more unit (follows the cursor)", "other": "… and {n} more units (follows the cursor)"},
        ),
    }
)

# Checklist screen
MESSAGES.update(
    {
        "checklist.title": ("Uppföljning", "Follow-up"),
        "checklist.help_title": ("Hjälp – uppföljningens checklista", "Help – the follow-up checklist"),
        "checklist.col_activity": ("Aktivitet", "Activity"),
        "checklist.col_responsible": ("Ansvarig", "Responsible"),
        "checklist.col_comment": ("Kommentar", "Comment"),
        "checklist.col_previous": ("Förra kommentaren", "Previous comment"),
        "checklist.loading": ("Läser in aktiviteterna …", "Loading the activities …"),
        "checklist.no_activities": ("Planen har inga aktiviteter ännu.", "The plan has no activities yet."),
        "checklist.no_match": (
            "Inga aktiviteter passar filtret. X rensar filtren.",
            "No activity matches the filter. X clears the filters.",
        ),
        "checklist.closed": ("stängd", "closed"),
        "checklist.closed_note": (
            "Stängd – endast läsning. S öppnar igen.",
            "Closed – read-only. S reopens it.",
        ),
        "checklist.filtered": ("Filter: {shown} av {total} visas (X rensar)", "Filter: {shown} of {total} shown (X clears)"),
        "checklist.save_failed": ("Kunde inte spara: {reason}", "Could not save: {reason}"),
        "checklist.undone": ("Ångrat: {activity}", "Undone: {activity}"),
        "checklist.undone_other": ("Ångrat den senaste ändringen i planen.", "Undid the plan's latest change."),
        "checklist.comment_title": (
            "Kommentar – {activity} (Enter sparar, Esc avbryter)",
            "Comment – {activity} (Enter keeps, Esc drops)",
        ),
        "checklist.search_title": (
            "Sök (Enter behåller sökningen, Esc tar bort den)",
            "Search (Enter keeps the search, Esc clears it)",
        ),
        "checklist.search_placeholder": ("Sök i mål, aktivitet, ansvarig, kommentar …", "Search goal, activity, responsible, comment …"),
        "checklist.all_reviewed": ("Alla visade aktiviteter är genomgångna.", "Every shown activity has been reviewed."),
        "checklist.reopen_title": ("Öppna uppföljningen {name} igen?", "Reopen the round {name}?"),
        "checklist.reopen_body": (
            "Den är stängd och skrivskyddad. Öppnad igen kan statusar och kommentarer ändras.",
            "It is closed and read-only. Reopened, statuses and comments can be changed.",
        ),
        "checklist.reopen_yes": ("Öppna igen", "Reopen"),
        "checklist.now_closed": ("{name} är stängd.", "{name} is closed."),
        "checklist.now_open": ("{name} är öppen igen.", "{name} is open again."),
        "key.toggle_done": ("Klar/tillbaka", "Done/back"),
        "key.comment": ("Kommentar", "Comment"),
        "key.next_unreviewed": ("Nästa ej genomgången", "Next not reviewed"),
        "key.previous_unreviewed": ("Förra ej genomgången", "Previous not reviewed"),
        "key.undo": ("Ångra", "Undo"),
        "key.search": ("Sök", "Search"),
        "key.filters": ("Filter", "Filter"),
        "key.overdue": ("Endast förfallna, av/på", "Overdue only, on/off"),
        "key.clear_filters": ("Rensa filter", "Clear filters"),
        "key.history": ("Aktivitetens historik", "Activity history"),
        "key.rounds": ("Uppföljningar", "Rounds"),
        "key.new_round": ("Ny uppföljning", "New round"),
        "key.close_round": ("Stäng/öppna uppföljningen", "Close/reopen the round"),
        "key.followup": ("Uppföljning", "Follow-up"),
    }
)

# Dialogs: new round, rounds, comparison, history, filter
MESSAGES.update(
    {
        "followup.no_open_round": (
            "Planen har ingen öppen uppföljning. Vill du starta en?",
            "The plan has no open follow-up round. Start one?",
        ),
        "followup.starting": ("Startar {name} …", "Starting {name} …"),
        "followup.no_plan": ("Markera en plan först.", "Highlight a plan first."),
        "new_round.title": ("Ny uppföljning – {plan}", "New follow-up round – {plan}"),
        "new_round.date_label": ("Datum (ÅÅÅÅ-MM-DD)", "Date (YYYY-MM-DD)"),
        "new_round.carry_note": (
            "Varje aktivitet börjar med sin status från förra uppföljningen.",
            "Each activity starts with its status from the previous round.",
        ),
        "new_round.start": ("Starta", "Start"),
        "new_round.date_placeholder": ("ÅÅÅÅ-MM-DD", "YYYY-MM-DD"),
        "checklist.round_removed": (
            "Ångrat: uppföljningen {name} är borttagen igen.",
            "Undone: the round {name} is removed again.",
        ),
        "rounds.title": ("Uppföljningar", "Follow-up rounds"),
        "rounds.empty": ("Inga uppföljningar ännu.", "No rounds yet."),
        "rounds.hint": (
            "Enter öppnar · Mellanslag markerar · v jämför med den markerade (eller den förra) · S stänger/öppnar",
            "Enter opens · Space marks · v compares with the marked one (or the one before) · S closes/reopens",
        ),
        "rounds.nothing_to_compare": (
            "Det finns ingen tidigare uppföljning att jämföra med. Markera en med mellanslag.",
            "There is no earlier round to compare with. Mark one with Space.",
        ),
        "key.open_round": ("Öppna", "Open"),
        "key.mark_round": ("Markera för jämförelse", "Mark for comparison"),
        "key.compare": ("Jämför", "Compare"),
        "compare.loading": ("Jämför …", "Comparing …"),
        "compare.title": (
            "{older} → {newer}: {changed}, {comments}",
            "{older} → {newer}: {changed}, {comments}",
        ),
        "compare.status_heading": ("Ändrad status", "Status changed"),
        "compare.comment_heading": ("Nya kommentarer", "New comments"),
        "compare.none": ("Inga.", "None."),
        "compare.no_entry": ("(saknas)", "(none)"),
        "compare.footer": ("Esc stänger.", "Esc closes."),
        "history.loading": ("Läser in historiken …", "Loading the history …"),
        "history.title": ("Historik – {activity}", "History – {activity}"),
        "history.empty": ("Aktiviteten har inte följts upp ännu.", "The activity has not been followed up yet."),
        "history.col_round": ("Uppföljning", "Round"),
        "history.not_reviewed": ("ej genomgången", "not reviewed"),
        "filter.title": ("Filtrera checklistan", "Filter the checklist"),
        "filter.any": ("Alla", "All"),
        "filter.overdue": ("Endast förfallna (måldatum passerat, inte klar)", "Overdue only (target date passed, not done)"),
        "filter.clear": ("Rensa", "Clear"),
        "filter.apply": ("Använd", "Apply"),
        "key.apply_filters": ("Använd filtret", "Apply the filter"),
    }
)

# Command palette
MESSAGES.update(
    {
        "command.help": ("Uppföljning", "Follow-up"),
        "command.followup": ("Uppföljning av markerad plan", "Follow-up of the highlighted plan"),
        "command.toggle_done": ("Markera som klar / tillbaka", "Mark as done / back"),
        "command.status_not_started": ("Status: Ej påbörjad", "Status: Not started"),
        "command.status_in_progress": ("Status: Pågår", "Status: In progress"),
        "command.status_done": ("Status: Klar", "Status: Done"),
        "command.status_delayed": ("Status: Försenad", "Status: Delayed"),
        "command.status_cancelled": ("Status: Avbruten", "Status: Cancelled"),
        "command.comment": ("Skriv kommentar", "Write a comment"),
        "command.next_unreviewed": ("Nästa ej genomgångna aktivitet", "Next activity not reviewed"),
        "command.previous_unreviewed": ("Förra ej genomgångna aktivitet", "Previous activity not reviewed"),
        "command.undo": ("Ångra senaste ändringen", "Undo the latest change"),
        "command.search": ("Sök i checklistan", "Search the checklist"),
        "command.filters": ("Filtrera checklistan", "Filter the checklist"),
        "command.overdue": ("Visa endast förfallna, av/på", "Show overdue only, on/off"),
        "command.clear_filters": ("Rensa filter och sökning", "Clear filters and search"),
        "command.history": ("Aktivitetens historik", "Activity history"),
        "command.rounds": ("Lista uppföljningar (öppna, jämför, stäng)", "List rounds (open, compare, close)"),
        "command.new_round": ("Starta ny uppföljning", "Start a new round"),
        "command.close_round": ("Stäng eller öppna uppföljningen", "Close or reopen the round"),
    }
)

# The meeting: gone through, pending writes, the detail pane, closing, deleting, redo, comment conflicts
MESSAGES.update(
    {
        "progress.reviewed_count": ("{n} av {total} genomgångna", "{n} of {total} gone through"),
        "progress.saving": ("{n} sparas …", "{n} being saved …"),
        "checklist.gone_through": ("genomgången i denna uppföljning", "gone through in this round"),
        "checklist.not_gone_through": ("inte genomgången ännu", "not gone through yet"),
        "checklist.saving_row": ("sparas …", "being saved …"),
        "checklist.detail_comment": ("Kommentar {round}", "Comment {round}"),
        "checklist.detail_history": ("Historik", "History"),
        "checklist.closed_refused": (
            "{name} är stängd och kan inte ändras. S öppnar den igen.",
            "{name} is closed and cannot be changed. S reopens it.",
        ),
        "checklist.close_title": ("Stänga {name}?", "Close {name}?"),
        "checklist.close_body": (
            "{n} av {total} aktiviteter har inte gåtts igenom i denna uppföljning. De behåller "
            "statusen från uppföljningen före, och sammanställningen visar dem som inte genomgångna.",
            "{n} of {total} activities have not been gone through in this round. They keep the "
            "status from the round before, and the summary shows them as not gone through.",
        ),
        "checklist.close_yes": ("Stäng ändå", "Close anyway"),
        "checklist.delete_title": ("Ta bort uppföljningen {name}?", "Delete the round {name}?"),
        "checklist.delete_body": (
            "Med den försvinner {entries} aktiviteters status i uppföljningen, varav {reviewed} "
            "genomgångna, och {comments} kommentarer. Ctrl+Z ångrar borttagningen.",
            "With it go the status of {entries} activities in the round, {reviewed} of them gone "
            "through, and {comments} comments. Ctrl+Z undoes the deletion.",
        ),
        "checklist.delete_yes": ("Ta bort", "Delete"),
        "checklist.deleted": (
            "Uppföljningen {name} är borttagen. Ctrl+Z ångrar.",
            "The round {name} is deleted. Ctrl+Z undoes it.",
        ),
        "checklist.redone": ("Gjort om: {activity}", "Redone: {activity}"),
        "checklist.redone_other": ("Gjorde om den senast ångrade ändringen.", "Redid the latest undone change."),
        "checklist.comment_conflict": (
            "Någon annan sparade en kommentar under tiden.",
            "Somebody else saved a comment meanwhile.",
        ),
        "checklist.comment_theirs_kept": ("Den andra kommentaren behölls.", "The other comment was kept."),
        "conflict.comment_title": ("Två kommentarer – {activity}", "Two comments – {activity}"),
        "conflict.comment_body": (
            "Medan du skrev sparade någon annan en kommentar till samma aktivitet. Ingen av dem är "
            "borttagen: välj en, eller slå ihop dem och redigera. Esc går tillbaka till din text.",
            "While you were typing, somebody else saved a comment on the same activity. Neither is "
            "lost: keep one, or merge them and edit. Esc goes back to your text.",
        ),
        "conflict.theirs": ("Sparad av någon annan:", "Saved by somebody else:"),
        "conflict.mine": ("Din:", "Yours:"),
        "conflict.keep_theirs": ("Behåll den andra", "Keep theirs"),
        "conflict.keep_mine": ("Behåll min", "Keep mine"),
        "conflict.merge": ("Slå ihop", "Merge"),
        "key.redo": ("Gör om", "Redo"),
        "checklist.key_read": ("Läs hela aktiviteten", "Read the whole activity"),
        "key.delete_round": ("Ta bort uppföljningen", "Delete the round"),
        "error.nothing_to_redo": ("Inget att göra om.", "Nothing to redo."),
        "command.redo": ("Gör om det senast ångrade", "Redo the latest undone change"),
        "command.delete_round": ("Ta bort uppföljningen", "Delete the round"),
    }
)
