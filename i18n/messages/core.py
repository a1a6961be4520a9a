"""Messages shared by every part of hrplan: statuses, kinds, cadences, errors, the command line."""

MESSAGES: dict[str, tuple[str, str]] = {
    "app.title": ("hrplan – kompetensförsörjning", "hrplan – competence supply"),
    # Follow-up statuses
    "status.not_started": ("Ej påbörjad", "Not started"),
    "status.in_progress": ("Pågår", "In progress"),
    "status.done": ("Klar", "Done"),
    "status.delayed": ("Försenad", "Delayed"),
    "status.cancelled": ("Avbruten", "Cancelled"),
    # Plan kinds, cadences, statuses
    "kind.competence_supply": ("Kompetensförsörjningsplan", "Competence supply plan"),
    "kind.personnel_strategy": (
        "Personalstrategi med handlingsplan",
        "Personnel strategy with action plan",
    ),
    "kind.other": ("Annan plan", "Other plan"),
    "cadence.tertial": ("Per tertial", "Per tertial"),
    "cadence.half_year": ("Två gånger per år", "Twice a year"),
    "cadence.quarter": ("Per kvartal", "Per quarter"),
    "cadence.year": ("En gång per år", "Once a year"),
    "plan_status.draft": ("Utkast", "Draft"),
    "plan_status.active": ("Aktiv", "Active"),
    "plan_status.archived": ("Arkiverad", "Archived"),
    # Template columns
    "col.goal": ("Vad ska vi uppnå?", "What do we want to achieve?"),
    "col.description": ("Aktivitet – Hur gör vi det?", "Activity – How do we do it?"),
    "col.target": ("Måldatum", "Target date"),
    "col.responsible": ("Ansvarig (funktion)", "Responsible (role)"),
    "col.resources": ("Resurser", "Resources"),
    "col.follow_up": ("Uppföljning/Kommentar", "Follow-up/Comment"),
    "col.status": ("Status", "Status"),
    "col.area": ("Område", "Area"),
    "col.unit": ("Avdelning/Enhet", "Department/Unit"),
    "col.title": ("Plan", "Plan"),
    "col.period": ("Period", "Period"),
    "col.activities": ("Aktiviteter", "Activities"),
    "col.progress": ("Klart", "Done"),
    "col.plan_status": ("Läge", "State"),
    "whole_plan": ("Hela planen", "Whole plan"),
    # Target date reading
    "target.read_as": ("tolkas som {date}", "read as {date}"),
    "target.ongoing": ("löpande", "ongoing"),
    "target.unreadable": ("kan inte tolkas – sparas som text", "cannot be read – kept as text"),
    "target.empty": ("inget måldatum", "no target date"),
    # Errors
    "error.generic": ("Något gick fel.", "Something went wrong."),
    "error.not_a_database": (
        "{path} är inte en hrplan-databas (filen är skadad eller av en annan sort). Filen har inte ändrats.",
        "{path} is not an hrplan database (the file is damaged or of another kind). The file was not changed.",
    ),
    "error.foreign_database": (
        "{path} är en SQLite-databas men inte hrplans. Ange en annan fil med --db.",
        "{path} is an SQLite database but not hrplan's. Choose another file with --db.",
    ),
    "error.newer_database": (
        "{path} kommer från en nyare version av hrplan (schema {revision}). Uppdatera hrplan; filen har inte ändrats.",
        "{path} comes from a newer hrplan (schema {revision}). Update hrplan; the file was not changed.",
    ),
    "error.database_locked": (
        "Databasen {path} är låst av ett annat program. Försök igen om en stund.",
        "The database {path} is locked by another program. Try again in a moment.",
    ),
    "error.database_unavailable": (
        "Databasen {path} kan inte öppnas: {reason}",
        "The database {path} cannot be opened: {reason}",
    ),
    "error.not_found": ("Hittar ingen {what} som heter {name}.", "No {what} called {name}."),
    "error.ambiguous_plan": (
        "Flera planer heter {name} (id {ids}). Ange planens id.",
        "Several plans are called {name} (ids {ids}). Give the plan's id.",
    ),
    "error.invalid_input": ("{field}: {reason}", "{field}: {reason}"),
    "error.conflict": (
        "Någon annan har ändrat {what} under tiden. Den nyare versionen visas nu; gör om din ändring.",
        "Somebody else changed {what} meanwhile. The newer version is shown now; make your change again.",
    ),
    "error.nothing_to_undo": ("Inget att ångra.", "Nothing to undo."),
    "what.plan": ("plan", "plan"),
    "what.activity": ("aktivitet", "activity"),
    "what.unit": ("avdelning/enhet", "unit"),
    "what.area": ("område", "area"),
    "what.round": ("uppföljning", "follow-up round"),
    "what.entry": ("uppföljningsrad", "follow-up entry"),
    # Validation reasons
    "invalid.required": ("måste fyllas i", "is required"),
    "invalid.too_long": ("får vara högst {limit} tecken", "may be at most {limit} characters"),
    "invalid.control_chars": ("innehåller otillåtna tecken", "contains characters that are not allowed"),
    "invalid.year": ("ska vara ett årtal, t.ex. 2025", "must be a year, e.g. 2025"),
    "invalid.period_order": ("startåret ligger efter slutåret", "the start year is after the end year"),
    "invalid.date": ("ska vara ett datum ÅÅÅÅ-MM-DD", "must be a date YYYY-MM-DD"),
    "invalid.choice": ("ska vara en av {choices}", "must be one of {choices}"),
    "invalid.goal_or_description": (
        "fyll i Vad ska vi uppnå? eller Aktivitet",
        "fill in What do we want to achieve? or Activity",
    ),
    "invalid.duplicate": ("finns redan", "already exists"),
    # Command line
    "cli.description": (
        "hrplan – kompetensförsörjningsplaner och deras uppföljning, i terminalen.",
        "hrplan – competence supply plans and their follow-up, in the terminal.",
    ),
    "cli.demo_added": ("Exempelplanen lades till (id {id}).", "The example plan was added (id {id})."),
    "cli.demo_exists": ("Exempelplanen finns redan (id {id}).", "The example plan is already there (id {id})."),
    "cli.no_plans": ("Inga planer ännu. Prova: hrplan demo", "No plans yet. Try: hrplan demo"),
    "cli.interrupted": ("Avbrutet.", "Interrupted."),
}

MESSAGES.update(
    {
        "cli.opt_db": (
            "databasfil eller postgresql+psycopg://roll@värd/databas (annars HRPLAN_DB eller hrplans datamapp)",
            "database file or postgresql+psycopg://role@host/database (else HRPLAN_DB or hrplan's data folder)",
        ),
        "cli.opt_lang": ("språk: sv eller en", "language: sv or en"),
        "cli.opt_json": ("skriv ut som JSON", "print as JSON"),
        "cli.arg_plan": ("planens id eller titel", "the plan's id or title"),
        "cli.help_demo": ("lägg till exempelplanen", "add the example plan"),
        "cli.help_list": ("lista planerna", "list the plans"),
        "cli.help_show": ("visa en plan", "show one plan"),
        "cli.col_id": ("Id", "Id"),
    }
)
