"""Messages of backups, restore, damaged or unusable database files and edit conflicts."""

MESSAGES: dict[str, tuple[str, str]] = {
    # An editor's save that met a newer version: the user's text is offered again
    "reliability.conflict_kept": (
        "Någon annan har ändrat {what} under tiden; listan visar nu den nya versionen. Din text finns kvar "
        "i redigeraren: Ctrl+S sparar den över den nya, Esc avstår.",
        "Somebody else changed {what} meanwhile; the list shows the newer version now. Your text is kept "
        "in the editor: Ctrl+S saves it over the newer one, Esc drops it.",
    ),
    # Files that cannot be used, each with a way forward
    "error.corrupt_database": (
        "Databasen {path} är skadad. Filen har inte ändrats. Återställ den senaste säkerhetskopian: "
        "hrplan restore {latest} (fler finns i {backups})",
        "The database {path} is damaged. The file was not changed. Restore the latest backup: "
        "hrplan restore {latest} (more are in {backups})",
    ),
    "error.corrupt_database_no_backup": (
        "Databasen {path} är skadad. Filen har inte ändrats. Det finns inga säkerhetskopior i {backups}; "
        "har du en kopia kan den återställas med hrplan restore FIL.",
        "The database {path} is damaged. The file was not changed. There are no backups in {backups}; "
        "a copy you have can be restored with hrplan restore FILE.",
    ),
    "error.disk_full": (
        "Disken är full: ändringen sparades inte och {path} är oförändrad. Frigör utrymme och försök igen.",
        "The disk is full: the change was not saved and {path} is unchanged. Free some space and try again.",
    ),
    "error.read_only": (
        "hrplan får inte skriva i {folder} (skrivskyddad fil eller mapp). Ändra behörigheten eller "
        "välj en annan fil med --db.",
        "hrplan may not write in {folder} (a read-only file or folder). Change the permissions or "
        "choose another file with --db.",
    ),
    "error.invalid_path": (
        "Ogiltig sökväg till databasen: {reason}. Ange en annan fil med --db.",
        "Invalid path to the database: {reason}. Choose another file with --db.",
    ),
    "error.path_control": (
        "den innehåller styrtecken (t.ex. NUL eller radbrytning)",
        "it contains control characters (such as NUL or a line break)",
    ),
    "error.path_too_long": ("den är för lång", "it is too long"),
    "error.path_chars": (
        "den innehåller tecken som filsystemet inte tar",
        "it holds characters the file system does not take",
    ),
    "backup.daily_failed": (
        "Dagens säkerhetskopia kunde inte göras ({reason}); hrplan fortsätter ändå.",
        "Today's backup could not be made ({reason}); hrplan goes on all the same.",
    ),
    "error.backup_failed": (
        "Säkerhetskopian kunde inte göras: {reason}",
        "The backup could not be made: {reason}",
    ),
    "guard.name": ("Namn", "Name"),
    "guard.comment": ("Kommentar", "Comment"),
    "guard.manager": ("Chef", "Manager"),
    "guard.organisation": ("Organisation", "Organisation"),
    "guard.notes": ("Anteckningar", "Notes"),
    "invalid.value": ("har ett värde som inte går att använda", "has a value that cannot be used"),
    "invalid.unencodable": (
        "innehåller tecken som inte kan sparas",
        "contains characters that cannot be stored",
    ),
    # Edit conflicts between two instances
    "error.deleted_meanwhile": (
        "Någon annan har tagit bort {what} under tiden. Din ändring sparades inte.",
        "Somebody else deleted {what} meanwhile. Your change was not saved.",
    ),
    # hrplan backup / restore
    "cli.help_backup": ("gör en säkerhetskopia av databasen", "make a backup of the database"),
    "cli.opt_output": (
        "skriv kopian till FIL (annars till säkerhetskopiemappen)",
        "write the copy to FILE (else to the backup folder)",
    ),
    "cli.help_restore": (
        "återställ databasen från en säkerhetskopia (den nuvarande sparas först)",
        "restore the database from a backup (the current one is kept first)",
    ),
    "cli.arg_backup_file": ("säkerhetskopian att återställa", "the backup to restore"),
    "cli.see_help": ("se hrplan --help", "see hrplan --help"),
    "backup.made": ("Säkerhetskopia sparad: {path}", "Backup saved: {path}"),
    "backup.restored": (
        "Databasen {path} är återställd från {source}. Den tidigare finns kvar som {kept}",
        "The database {path} was restored from {source}. The previous one is kept as {kept}",
    ),
    "backup.restored_fresh": (
        "Databasen {path} är återställd från {source}.",
        "The database {path} was restored from {source}.",
    ),
    "backup.output_exists": (
        "{path} finns redan och skrivs inte över. Välj ett annat filnamn.",
        "{path} already exists and is not overwritten. Choose another file name.",
    ),
    "backup.no_database": (
        "Det finns ingen databas att kopiera i {path}.",
        "There is no database to copy at {path}.",
    ),
    "backup.same_file": (
        "{path} är databasen själv; välj en säkerhetskopia.",
        "{path} is the database itself; choose a backup.",
    ),
    "restore.missing": ("{path} finns inte.", "{path} does not exist."),
    "restore.not_sqlite": (
        "{path} är ingen SQLite-databas; inget återställdes.",
        "{path} is not an SQLite database; nothing was restored.",
    ),
    "restore.damaged": (
        "{path} är skadad ({detail}); inget återställdes. Välj en äldre säkerhetskopia.",
        "{path} is damaged ({detail}); nothing was restored. Choose an older backup.",
    ),
    "restore.not_hrplan": (
        "{path} är ingen hrplan-databas; inget återställdes.",
        "{path} is not an hrplan database; nothing was restored.",
    ),
    "restore.newer": (
        "{path} kommer från en nyare hrplan (schema {revision}); uppdatera hrplan först. Inget återställdes.",
        "{path} comes from a newer hrplan (schema {revision}); update hrplan first. Nothing was restored.",
    ),
}
