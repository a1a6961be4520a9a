"""Messages of users, roles and ``hrplan serve`` (the app in a browser)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # Refused by the role
    "error.access_denied": ("Inte tillåtet: {reason}.", "Not allowed: {reason}."),
    "access.reason_viewer": (
        "du har läsbehörighet och kan inte ändra något",
        "you have read access and cannot change anything",
    ),
    "access.reason_manager_entries": (
        "som chef kan du bara sätta status och kommentar på dina enheters aktiviteter",
        "as a manager you can only set the status and comment of your units' activities",
    ),
    "access.reason_not_your_unit": (
        "aktiviteten hör till {unit}, som inte är en av dina enheter",
        "the activity belongs to {unit}, which is not one of your units",
    ),
    "access.reason_round_closed": ("uppföljningen är stängd", "the follow-up round is closed"),
    "access.reason_coordinator": (
        "bara en samordnare kan ändra användare", "only a coordinator can change users"
    ),
    "access.reason_not_your_plan": (
        "planen har ingen av dina enheter", "the plan holds none of your units"
    ),
    # Users
    "what.user": ("användare", "user"),
    "field.user_name": ("Användarnamn", "User name"),
    "field.password": ("Lösenord", "Password"),
    "field.role": ("Roll", "Role"),
    "field.units": ("Enheter", "Units"),
    "role.coordinator": ("samordnare", "coordinator"),
    "role.manager": ("chef", "manager"),
    "role.viewer": ("läsare", "viewer"),
    "invalid.user_name_chars": (
        "får bara innehålla bokstäver, siffror och . _ - @",
        "may only hold letters, digits and . _ - @",
    ),
    "invalid.password_short": ("måste vara minst {limit} tecken", "must be at least {limit} characters"),
    "invalid.password_mismatch": ("de två lösenorden är olika", "the two passwords differ"),
    "invalid.role": ("ska vara en av {roles}", "must be one of {roles}"),
    "invalid.manager_needs_unit": (
        "en chef behöver minst en enhet (--unit)", "a manager needs at least one unit (--unit)"
    ),
    "invalid.units_only_manager": ("bara en chef har enheter", "only a manager has units"),
    "invalid.unknown_unit": ("ingen plan har en enhet som heter {unit}", "no plan has a unit called {unit}"),
    "invalid.user_taken": ("{name} finns redan", "{name} exists already"),
    "invalid.port": ("ska vara ett portnummer 1–65535", "must be a port number 1–65535"),
    "invalid.positive": ("ska vara större än noll", "must be greater than zero"),
    # The command line
    "cli.help_user": ("användare som får logga in i hrplan serve", "users who may log in to hrplan serve"),
    "cli.help_user_add": ("lägg till en användare (lösenordet frågas efter)", "add a user (the password is asked for)"),
    "cli.help_user_list": ("användarna, med roll och enheter", "the users, with role and units"),
    "cli.help_user_passwd": ("byt en användares lösenord", "change a user's password"),
    "cli.help_user_remove": ("ta bort en användare", "remove a user"),
    "cli.arg_user": ("användarnamnet", "the user name"),
    "cli.opt_role": ("coordinator (allt), manager (sina enheter), viewer (läser)",
                     "coordinator (everything), manager (own units), viewer (reads)"),
    "cli.opt_unit": ("en enhet som chefen ansvarar för (kan upprepas)", "a unit the manager answers for (may be repeated)"),
    "cli.password_prompt": ("Lösenord för {name}: ", "Password for {name}: "),
    "cli.password_again": ("Samma lösenord igen: ", "The same password again: "),
    "cli.user_added": ("Lade till {name} som {role}", "Added {name} as {role}"),
    "cli.no_users": ("Inga användare ännu.", "No users yet."),
    "cli.password_changed": ("Bytte lösenord för {name}.", "Changed the password of {name}."),
    "cli.user_removed": ("Tog bort {name}.", "Removed {name}."),
    "cli.help_serve": ("visa hrplan i en webbläsare, efter inloggning", "serve hrplan to a browser, after a login"),
    "cli.opt_host": ("adressen att lyssna på (standard 127.0.0.1)", "the address to listen on (default 127.0.0.1)"),
    "cli.opt_port": ("porten (standard 8000)", "the port (default 8000)"),
    "cli.opt_max_sessions": ("högst så många öppna flikar samtidigt (standard 20)",
                             "at most this many open tabs at once (default 20)"),
    "cli.opt_idle": ("logga ut efter så många minuter utan tangenttryck (standard 30)",
                     "log out after this many minutes without a key press (default 30)"),
    # The server
    "serve.needs_extra": (
        "hrplan serve behöver tillägget serve: pip install 'hrplan[serve]'",
        "hrplan serve needs the serve extra: pip install 'hrplan[serve]'",
    ),
    "serve.no_users": (
        "Ingen kan logga in ännu. Lägg till en användare först: hrplan user add NAMN --role coordinator",
        "Nobody can log in yet. Add a user first: hrplan user add NAME --role coordinator",
    ),
    "serve.not_loopback": (
        "hrplan: lyssnar på {host}: lösenord och data går okrypterade; ställ en TLS-proxy framför (se README).",
        "hrplan: listening on {host}: passwords and data travel unencrypted; put a TLS proxy in front (see README).",
    ),
    "serve.listening": ("hrplan serve lyssnar på {url} (Ctrl+C avslutar)", "hrplan serve is listening on {url} (Ctrl+C stops)"),
    "serve.login_first": ("Logga in först.", "Log in first."),
    "serve.other_origin": ("Förfrågan kom från en annan webbplats.", "The request came from another site."),
    "serve.ended": ("Sessionen är avslutad.", "The session has ended."),
    "serve.start_again": ("Starta igen", "Start again"),
    "serve.logout": ("Logga ut", "Log out"),
    "serve.login_title": ("Logga in – hrplan", "Log in – hrplan"),
    "serve.login_heading": ("hrplan – logga in", "hrplan – log in"),
    "serve.login_intro": (
        "Kompetensförsörjningsplaner och deras uppföljning. Logga in med namnet och lösenordet du fått av HR.",
        "Competence supply plans and their follow-up. Log in with the name and password HR gave you.",
    ),
    "serve.login_button": ("Logga in", "Log in"),
    "serve.logged_out": ("Du är utloggad.", "You are logged out."),
    "serve.session_expired": ("Sessionen har gått ut. Logga in igen.", "The session has expired. Log in again."),
    "serve.too_many_attempts": (
        "För många misslyckade inloggningar. Försök igen om {minutes} minuter.",
        "Too many failed logins. Try again in {minutes} minutes.",
    ),
    "serve.login_failed": ("Fel namn eller lösenord.", "Wrong name or password."),
    "serve.too_many_sessions": (
        "För många är inne just nu. Stäng en annan flik eller försök igen om en stund.",
        "Too many people are in right now. Close another tab or try again in a while.",
    ),
    "serve.account_changed": (
        "Ditt konto har ändrats eller tagits bort (till exempel ett nytt lösenord). Ladda om sidan och logga in igen.",
        "Your account was changed or removed (a new password, say). Reload the page and log in again.",
    ),
    "serve.idle_closed": (
        "Avslutad efter en stund utan aktivitet. Ladda om sidan för att logga in igen.",
        "Ended after a while without activity. Reload the page to log in again.",
    ),
    # A manager's start screen
    "my.title": ("Mina aktiviteter", "My activities"),
    "my.help_title": ("Mina aktiviteter – tangenter", "My activities – keys"),
    "my.intro": (
        "Dina aktiviteter i öppna uppföljningar ({units}). Välj en uppföljning med Enter. I listan sätter "
        "1–5 status (Ej påbörjad, Pågår, Klar, Försenad, Avbruten), c skriver en kommentar och x laddar ner "
        "sammanställningen. Allt sparas direkt.",
        "Your activities in open follow-up rounds ({units}). Choose a round with Enter. In the list, 1–5 set "
        "the status (Not started, In progress, Done, Delayed, Cancelled), c writes a comment and x downloads "
        "the summary. Everything is saved at once.",
    ),
    "my.col_plan": ("Plan", "Plan"),
    "my.col_round": ("Uppföljning", "Round"),
    "my.col_activities": ("Aktiviteter", "Activities"),
    "my.col_reviewed": ("Genomgångna", "Gone through"),
    "my.col_done": ("Klara", "Done"),
    "my.none_open": (
        "Ingen öppen uppföljning har aktiviteter i dina enheter just nu.",
        "No open follow-up round has activities of your units right now.",
    ),
    "my.key_open": ("Öppna", "Open"),
    "my.key_leave": ("Logga ut", "Log out"),
    # Exports and imports in a browser
    "export.download_hint": (
        "Filen laddas ner av din webbläsare.", "Your browser downloads the file."
    ),
    "export.preparing": ("Gör i ordning {name} …", "Preparing {name} …"),
    "export.delivered": ("{name} skickas till din webbläsare.", "{name} is sent to your browser."),
    "import.not_in_browser": (
        "Import görs i terminalen (hrplan import), inte i webbläsaren.",
        "Imports are made in the terminal (hrplan import), not in the browser.",
    ),
}
