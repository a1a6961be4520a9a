"""Messages of hrplan's own files, damaged databases and hostile import files."""

MESSAGES: dict[str, tuple[str, str]] = {
    # A file hrplan must never write over
    "error.own_file": (
        "{path} är en av hrplans egna filer (databasen {db}, dess -wal- och -shm-filer eller säkerhetskopior) "
        "och skrivs inte över. Välj ett annat filnamn.",
        "{path} is one of hrplan's own files (the database {db}, its -wal and -shm files or backups) and is "
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
    # Hostile import files: each refused with the limit or the reason named (after "file: ")
    "import.error.limit_size": (
        "filen är större än {limit} MB när den packas upp; hrplan läser inte så stora filer.",
        "the file is larger than {limit} MB unpacked; hrplan does not read files that large.",
    ),
    "import.error.limit_members": (
        "paketet har fler än {limit} delar; ingen Word- eller Excel-plan har så många.",
        "the package has more than {limit} parts; no Word or Excel plan has that many.",
    ),
    "import.error.limit_rows": (
        "filen har fler än {limit} rader med innehåll; hrplan läser inte så stora planer.",
        "the file has more than {limit} rows with content; hrplan does not read plans that large.",
    ),
    "import.error.limit_paragraphs": (
        "dokumentet har fler än {limit} stycken; hrplan läser inte så stora dokument.",
        "the document has more than {limit} paragraphs; hrplan does not read documents that large.",
    ),
    "import.error.limit_activities": (
        "filen ger {count} aktiviteter, fler än {limit}; dela upp planen i flera filer.",
        "the file gives {count} activities, more than {limit}; split the plan into several files.",
    ),
    "import.error.xml_entities": (
        "filen innehåller XML-entitetsdeklarationer (en DTD), som ingen Word- eller Excel-fil har; "
        "den läses inte.",
        "the file holds XML entity declarations (a DTD), which no Word or Excel file has; it is not read.",
    ),
    "import.error.xml_limit": (
        "{part} i filen går utöver XML-läsarens gränser (för djupt nästlad eller för långa texter).",
        "{part} in the file goes beyond the XML reader's limits (nested too deep or texts too long).",
    ),
    "import.error.xml_damaged": (
        "filen är skadad: {part} är inte giltig XML (rad {line}).",
        "the file is damaged: {part} is not valid XML (line {line}).",
    ),
    "import.warn.markup_removed": (
        "märkning ({tags}) togs bort ur {count} celler, första gången här; texten i dem är kvar.",
        "markup ({tags}) was removed from {count} cells, first here; their text is kept.",
    ),
    "import.warn.columns_cut": (
        "bladet uppger {claimed} kolumner; bara de första {limit} läses.",
        "the sheet claims {claimed} columns; only the first {limit} are read.",
    ),
}
