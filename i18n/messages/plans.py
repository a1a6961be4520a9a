"""Messages of the plans screen (the start screen), the plan details editor and copying a plan."""

MESSAGES: dict[str, tuple[str, str]] = {
    "key.quit": ("Avsluta", "Quit"),
    "plans.loading": ("Läser in planerna …", "Loading the plans …"),
    "plans.empty": (
        "Inga planer ännu. Tryck n för att skapa en plan, eller kör `hrplan demo` för en exempelplan.",
        "No plans yet. Press n to create a plan, or run `hrplan demo` for an example plan.",
    ),
    "plans.no_match": ("Ingen plan matchar ”{text}”. Esc tömmer filtret.", "No plan matches “{text}”. Esc clears the filter."),
    "plans.all_archived": (
        "Alla planer är arkiverade ({count}). Tryck A för att visa dem.",
        "Every plan is archived ({count}). Press A to show them.",
    ),
    "plans.subtitle": ("Planer: {shown} · arkiverade dolda: {archived}", "Plans: {shown} · archived hidden: {archived}"),
    "plans.subtitle_archived": ("Planer: {shown} · arkiverade visas", "Plans: {shown} · archived shown"),
    "plans.help_title": ("Hjälp – planerna", "Help – the plans"),
    "plans.col_organisation": ("Organisation", "Organisation"),
    "plans.filter_placeholder": (
        "Filtrera på titel eller organisation – Enter går till listan, Esc tömmer",
        "Filter by title or organisation – Enter goes to the list, Esc clears",
    ),
    "plans.summary_counts": (
        "{activities}: {done} klara, {cancelled} avbrutna (räknas inte i andelen klart)",
        "{activities}: {done} done, {cancelled} cancelled (not counted in the share done)",
    ),
    "plans.palette_prefix": ("Planer", "Plans"),
    "plans.palette_key": ("Tangent: {key}", "Key: {key}"),
    # Keys
    "plans.key_open": ("Öppna", "Open"),
    "plans.key_new": ("Ny plan", "New plan"),
    "plans.key_edit": ("Ändra", "Edit"),
    "plans.key_archive": ("Arkivera", "Archive"),
    "plans.key_restore": ("Återställ", "Restore"),
    "plans.key_show_archived": ("Visa arkiv", "Show archived"),
    "plans.key_hide_archived": ("Dölj arkiv", "Hide archived"),
    "plans.key_delete": ("Ta bort", "Delete"),
    "plans.key_copy": ("Kopiera", "Copy"),
    "plans.key_filter": ("Filtrera", "Filter"),
    "plans.key_undo": ("Ångra", "Undo"),
    "plans.key_up": ("Upp", "Up"),
    "plans.key_down": ("Ned", "Down"),
    "plans.key_page_up": ("Sida upp", "Page up"),
    "plans.key_page_down": ("Sida ned", "Page down"),
    "plans.key_first": ("Första planen", "First plan"),
    "plans.key_last": ("Sista planen", "Last plan"),
    # Notices
    "plans.created": ("Planen ”{title}” skapades.", "The plan “{title}” was created."),
    "plans.saved": ("Ändringarna i ”{title}” sparades.", "The changes to “{title}” were saved."),
    "plans.unchanged": ("Inget ändrades i ”{title}”.", "Nothing changed in “{title}”."),
    "plans.archived": (
        "”{title}” arkiverades. A visar arkiverade planer, Ctrl+Z ångrar.",
        "“{title}” was archived. A shows archived plans, Ctrl+Z undoes.",
    ),
    "plans.restored": ("”{title}” är aktiv igen.", "“{title}” is active again."),
    "plans.deleted": ("”{title}” togs bort. Ctrl+Z ångrar.", "“{title}” was deleted. Ctrl+Z undoes."),
    "plans.copied": ("Kopian ”{title}” skapades som utkast.", "The copy “{title}” was created as a draft."),
    "plans.undone_insert": ("Ångrat: {what} ”{name}” som lades till är borta igen.", "Undone: the added {what} “{name}” is gone again."),
    "plans.undone_delete": ("Ångrat: {what} ”{name}” som togs bort är tillbaka.", "Undone: the deleted {what} “{name}” is back."),
    "plans.undone_update": ("Ångrat: ändringen av {what} ”{name}”.", "Undone: the change to {what} “{name}”."),
    "plans.redone_insert": ("Gjort om: {what} ”{name}” lades till igen.", "Redone: the {what} “{name}” was added again."),
    "plans.redone_delete": ("Gjort om: {what} ”{name}” togs bort igen.", "Redone: the {what} “{name}” was deleted again."),
    "plans.redone_update": ("Gjort om: ändringen av {what} ”{name}”.", "Redone: the change to {what} “{name}”."),
    "plans.what_key_figure": ("nyckeltal", "key figure"),
    "plans.what_change": ("ändring", "change"),
    # Delete and copy dialogs
    "plans.delete_title": ("Ta bort planen ”{title}”?", "Delete the plan “{title}”?"),
    "plans.delete_body": (
        "Med planen försvinner {units}, {areas}, {activities}, "
        "{rounds} med {entries} och {key_figures}.\n"
        "Ctrl+Z på planlistan ångrar borttagningen.",
        "With the plan go {units}, {areas}, {activities}, {rounds} "
        "with {entries} and {key_figures}.\n"
        "Ctrl+Z on the plans list undoes the deletion.",
    ),
    "plans.delete_yes": ("Ta bort", "Delete"),
    "copy_plan.button": ("Kopiera (Ctrl+S)", "Copy (Ctrl+S)"),
    "copy_plan.title": ("Kopiera ”{title}” till en ny period", "Copy “{title}” to a new period"),
    "plans.copy_body": (
        "Följer med: {units}, {areas} och de {unfinished} av {activities} "
        "som varken är klara eller avbrutna. Statusarna börjar om; uppföljningar, "
        "uppföljningskommentarer och nyckeltal följer inte med. Kopian blir ett utkast.",
        "Comes along: {units}, {areas} and the {unfinished} of {activities} that "
        "are neither done nor cancelled. Statuses start over; follow-up rounds, follow-up comments and "
        "key figures stay behind. The copy is a draft.",
    ),
    # The plan details editor
    "plan_details.title_new": ("Ny plan", "New plan"),
    "plan_details.title_edit": ("Planens uppgifter", "Plan details"),
    "plan_details.title": ("Titel", "Title"),
    "plan_details.kind": ("Sort", "Kind"),
    "plan_details.organisation": ("Organisation", "Organisation"),
    "plan_details.period_start": ("Period från år", "Period from year"),
    "plan_details.period_end": ("Period till år", "Period to year"),
    "plan_details.decision_body": ("Beslutande organ", "Decided by"),
    "plan_details.decision_date": ("Beslutsdatum", "Decision date"),
    "plan_details.decision_paragraph": ("Paragraf", "Paragraph"),
    "plan_details.diary_number": ("Diarienummer", "Diary number"),
    "plan_details.cadence": ("Uppföljning", "Follow-up"),
    "plan_details.status": ("Läge", "State"),
    "plan_details.year_placeholder": ("t.ex. 2025", "e.g. 2025"),
    "plan_details.date_placeholder": ("ÅÅÅÅ-MM-DD", "YYYY-MM-DD"),
    # Editors in general
    "form_modal.key_save": ("Spara", "Save"),
    "form_modal.save_button": ("Spara (Ctrl+S)", "Save (Ctrl+S)"),
    "form_modal.fix_errors": (
        "Rätta det som är markerat innan du sparar.",
        "Fix what is marked before saving.",
    ),
    "form_modal.discard_title": ("Kasta ändringarna?", "Drop the changes?"),
    "form_modal.discard_body": (
        "Det du har ändrat i formuläret är inte sparat.",
        "What you changed in the form is not saved.",
    ),
    "form_modal.discard_yes": ("Kasta ändringarna", "Drop the changes"),
}

# The start screen as an overview, and `hrplan status`.
MESSAGES.update(
    {
        "plans.col_activities": ("Akt.", "Act."),
        "plans.col_overdue": ("Sena", "Late"),
        "plans.col_round": ("Uppföljning", "Round"),
        "plans.col_next": ("Nästa", "Next"),
        "plans.no_organisation": ("Utan organisation", "No organisation"),
        "plans.key_sort": ("Sortera", "Sort"),
        "plans.key_reverse": ("Vänd ordningen", "Reverse the order"),
        "plans.sorted_by": ("Sorterat efter {column}", "Sorted by {column}"),
        "plans.attention_overdue": (
            {"one": "{n} aktivitet har passerat måldatum i {plans}",
             "other": "{n} aktiviteter har passerat måldatum i {plans}"},
            {"one": "{n} activity has passed its target date in {plans}",
             "other": "{n} activities have passed their target date in {plans}"},
        ),
        "plans.attention_rounds": (
            {"one": "{n} plan ska följas upp nu", "other": "{n} planer ska följas upp nu"},
            {"one": "{n} plan is due for a follow-up round", "other": "{n} plans are due for a follow-up round"},
        ),
        "plans.attention_rounds_late": (
            {"one": "{n} plan har en försenad uppföljning", "other": "{n} planer har en försenad uppföljning"},
            {"one": "{n} plan has a follow-up round overdue", "other": "{n} plans have a follow-up round overdue"},
        ),
        "plans.attention_none": (
            "Inget har passerat måldatum och ingen uppföljning är försenad.",
            "Nothing has passed its target date and no follow-up round is overdue.",
        ),
        "plans.summary_round": (
            "Uppföljning {name}: {reviewed} av {total} genomgångna",
            "Round {name}: {reviewed} of {total} gone through",
        ),
        "plans.summary_no_round": ("Ingen öppen uppföljning", "No open follow-up round"),
        "plans.summary_overdue": (
            {"one": "{n} har passerat måldatum", "other": "{n} har passerat måldatum"},
            {"one": "{n} has passed its target date", "other": "{n} have passed their target date"},
        ),
        "plans.summary_next": ("Nästa uppföljning {name}, senast {date}", "Next round {name}, by {date}"),
        "plans.next_overdue": ("försenad", "overdue"),
        "plans.next_due": ("dags nu", "due now"),
        "cli.help_status": (
            "översikt: vad som är sent och vilka planer som ska följas upp",
            "overview: what is late and which plans are due for follow-up",
        ),
        "cli.col_overdue": ("Sena", "Late"),
        "cli.col_round": ("Öppen uppföljning", "Open round"),
        "cli.col_next": ("Nästa uppföljning", "Next round"),
    }
)
