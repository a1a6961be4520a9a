"""Messages of hrplan's own files, damaged databases and hostile import files."""

MESSAGES: dict[str, tuple[str, str]] = {
    # A file hrplan must never write over
    "error.own_file": (
        "{path} är en av hrplans egna filer (databasen {db}, dess hjälpfiler eller säkerhetskopior) "
        "och skrivs inte över. Välj ett annat filnamn.",
        "{path} is one of hrplan's own files (the database {db}, its helper files or backups) and is "
        "not written over. Choose another file name.",
    ),
    # The database file itself
    "error.db_is_folder": (
        "{path} är en mapp, inte en databasfil. Ange en fil med --db, till exempel {example}.",
        "{path} is a folder, not a database file. Give a file with --db, for example {example}.",
    ),
    "error.db_dangling_link": (
        "{path} är en länk till {target}, som inte finns. Peka länken på databasen, eller ange en "
        "annan fil med --db.",
        "{path} is a link to {target}, which does not exist. Point the link at the database, or "
        "choose another file with --db.",
    ),
    "error.stray_wal": (
        "{wal} bredvid databasen hör till en annan databas och gör {path} oläsbar. Flytta undan {wal} "
        "(databasen själv är hel) och försök igen. Filerna har inte ändrats.",
        "{wal} beside the database belongs to another database and makes {path} unreadable. Move {wal} "
        "away (the database itself is whole) and try again. The files were not changed.",
    ),
    "error.corrupt_database_detail": (
        "Databasen {path} är skadad: {detail}. Filen har inte ändrats. Återställ den senaste hela "
        "säkerhetskopian: hrplan restore {latest}",
        "The database {path} is damaged: {detail}. The file was not changed. Restore the newest whole "
        "backup: hrplan restore {latest}",
    ),
    "error.corrupt_database_no_backup_detail": (
        "Databasen {path} är skadad: {detail}. Filen har inte ändrats. Det finns ingen hel "
        "säkerhetskopia i {backups}; har du en kopia kan den återställas med hrplan restore FIL.",
        "The database {path} is damaged: {detail}. The file was not changed. There is no whole backup "
        "in {backups}; a copy you have can be restored with hrplan restore FILE.",
    ),
    "damaged.no_revision": (
        "den saknar uppgiften om vilken version av formatet den har (alembic_version är tom)",
        "it lacks the record of its format's revision (alembic_version is empty)",
    ),
    "damaged.unknown_revision": (
        "den uppger en version av formatet ({revision}) som ingen hrplan har gjort",
        "it names a format revision ({revision}) that no hrplan has made",
    ),
    "damaged.missing": (
        "delar av den saknas ({parts})",
        "parts of it are missing ({parts})",
    ),
    "damaged.upgrade": (
        "den kunde inte föras över till det nya formatet",
        "it could not be brought to the new format",
    ),
    # hrplan restore FILE
    "restore.is_folder": (
        "{path} är en mapp; ange en säkerhetskopia (en fil) att återställa. Inget återställdes.",
        "{path} is a folder; give a backup (a file) to restore. Nothing was restored.",
    ),
    "restore.dangling": (
        "{path} är en länk till {target}, som inte finns. Inget återställdes.",
        "{path} is a link to {target}, which does not exist. Nothing was restored.",
    ),
    "restore.no_revision": (
        "{path} saknar uppgiften om vilken version av formatet den har; den är skadad. Inget återställdes.",
        "{path} lacks the record of its format's revision; it is damaged. Nothing was restored.",
    ),
    "restore.unknown_revision": (
        "{path} uppger en version av formatet ({revision}) som ingen hrplan har gjort; den är skadad. "
        "Inget återställdes.",
        "{path} names a format revision ({revision}) that no hrplan has made; it is damaged. "
        "Nothing was restored.",
    ),
    "restore.missing_parts": (
        "{path} är skadad: delar av den saknas ({parts}). Inget återställdes. Välj en äldre säkerhetskopia.",
        "{path} is damaged: parts of it are missing ({parts}). Nothing was restored. Choose an older backup.",
    ),
}
