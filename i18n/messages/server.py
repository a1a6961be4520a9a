"""Messages of the shared database on a PostgreSQL server: connecting, watching, backups, transfer."""

MESSAGES = {
    "error.url_scheme": (
        "hrplan kan bara använda PostgreSQL som databasserver (postgresql+psycopg://roll@värd/databas), inte {scheme}.",
        "hrplan can only use PostgreSQL as a database server (postgresql+psycopg://role@host/database), not {scheme}.",
    ),
    "error.url_password": (
        "Skriv inte lösenordet i adressen: lägg det i ~/.pgpass, i PGPASSWORD eller i en tjänstefil (pg_service.conf).",
        "Do not put the password in the address: keep it in ~/.pgpass, in PGPASSWORD or in a service file (pg_service.conf).",
    ),
    "error.url_no_database": (
        "Adressen namnger ingen databas: skriv den sist, som i postgresql+psycopg://roll@värd/hrplan.",
        "The address names no database: put it last, as in postgresql+psycopg://role@host/hrplan.",
    ),
    "error.postgres_driver_missing": (
        "För en PostgreSQL-databas behövs tillägget: pip install 'hrplan[postgres]'.",
        "A PostgreSQL database needs the extra: pip install 'hrplan[postgres]'.",
    ),
    "error.server_read_only": (
        "Din databasroll får inte ändra i {path}. Be IT-avdelningen om skrivrätt.",
        "Your database role may not change {path}. Ask the IT department for write access.",
    ),
    "error.server_upgrade_by_owner": (
        "Databasen {path} behöver uppgraderas till den här versionen av hrplan, och det får bara dess ägare göra: "
        "be IT-avdelningen köra hrplan en gång som ägarrollen (se README, Dela en databas).",
        "The database {path} needs an upgrade to this version of hrplan, which only its owner may do: "
        "ask the IT department to run hrplan once as the owner role (see the README, Sharing one database).",
    ),
    "error.server_newer_database": (
        "Databasen {path} är uppgraderad av en nyare version av hrplan (schema {revision}). Uppdatera hrplan; "
        "ingenting har ändrats.",
        "The database {path} was upgraded by a newer hrplan (schema {revision}). Update hrplan; nothing was changed.",
    ),
    "error.server_foreign_database": (
        "Databasen {path} innehåller andra tabeller än hrplans. Ange en egen databas för hrplan med --db.",
        "The database {path} holds other tables than hrplan's. Name a database of hrplan's own with --db.",
    ),
    "error.server_schema": (
        "Tabellerna i databasen {path} är inte som hrplan väntar sig ({reason}). Ingenting har ändrats; "
        "be IT-avdelningen kontrollera databasen eller återställa en säkerhetskopia.",
        "The tables of the database {path} are not as hrplan expects ({reason}). Nothing was changed; "
        "ask the IT department to check the database or restore a backup.",
    ),
    "error.server_failed": (
        "Databasservern för {path} svarade med ett fel: {reason}. Ingenting har ändrats.",
        "The database server of {path} answered with an error: {reason}. Nothing was changed.",
    ),
    "error.server_login": (
        "inloggningen nekades (kontrollera rollen och lösenordet i ~/.pgpass eller PGPASSWORD)",
        "the login was refused (check the role and the password in ~/.pgpass or PGPASSWORD)",
    ),
    "error.server_no_database": (
        "databasen finns inte på servern",
        "the database does not exist on the server",
    ),
    "watch.failed": (
        "Andras ändringar kan inte längre visas automatiskt: {reason}. Öppna skärmen igen för att läsa om.",
        "Other people's changes can no longer be shown as they happen: {reason}. Open the screen again to reload.",
    ),
    "backup.server_no_pg_dump": (
        "pg_dump finns inte på den här datorn: databasen {path} säkerhetskopieras av serverns egna säkerhetskopior. "
        "Installera PostgreSQL-klienten (pg_dump) för att göra en egen kopia.",
        "pg_dump is not installed on this computer: the database {path} is backed up by the server's own backups. "
        "Install the PostgreSQL client (pg_dump) to make a copy of your own.",
    ),
    "backup.server_failed": (
        "Säkerhetskopian av {path} misslyckades: {reason}",
        "The backup of {path} failed: {reason}",
    ),
    "restore.server_no_pg_restore": (
        "pg_restore finns inte på den här datorn, så {path} kan inte återställas härifrån. "
        "Installera PostgreSQL-klienten eller be IT-avdelningen återställa från serverns säkerhetskopior.",
        "pg_restore is not installed on this computer, so {path} cannot be restored from here. "
        "Install the PostgreSQL client or ask the IT department to restore from the server's backups.",
    ),
    "restore.server_not_dump": (
        "{path} är ingen säkerhetskopia av en PostgreSQL-databas (pg_dump). "
        "En hrplan-fil flyttas in med: hrplan --db FIL transfer ADRESS",
        "{path} is not a backup of a PostgreSQL database (pg_dump). "
        "An hrplan file is moved in with: hrplan --db FILE transfer ADDRESS",
    ),
    "restore.server_failed": (
        "Återställningen till {path} misslyckades och ingenting ändrades: {reason}",
        "The restore into {path} failed and nothing was changed: {reason}",
    ),
    "transfer.same": (
        "Källan och målet är samma databas.",
        "The source and the target are the same database.",
    ),
    "transfer.target_has_plans": (
        "{target} har redan {count} planer. Lägg till --force för att ändå föra över planerna dit (de som finns blir kvar).",
        "{target} already holds {count} plans. Add --force to transfer the plans there anyway (the ones there stay).",
    ),
    "transfer.ask": (
        "Måldatabasen har redan {count} planer; de blir kvar. För över ändå? [j/N]",
        "The target already holds {count} plans; they stay. Transfer anyway? [y/N]",
    ),
    "transfer.done": (
        "Fört över {plans} planer ({rounds} uppföljningar, {changes} ändringar i historiken) från {source} till {target}.",
        "Transferred {plans} plans ({rounds} follow-up rounds, {changes} change log entries) from {source} to {target}.",
    ),
    "cli.help_transfer": (
        "för över alla planer till en annan databas (fil eller PostgreSQL-adress)",
        "transfer every plan to another database (a file or a PostgreSQL address)",
    ),
    "cli.arg_transfer_target": (
        "måldatabasen: en fil eller postgresql+psycopg://roll@värd/databas",
        "the target database: a file or postgresql+psycopg://role@host/database",
    ),
    "cli.opt_transfer_force": (
        "för över även när målet redan har planer",
        "transfer even when the target already holds plans",
    ),
    "summary.changed_by": ("Ändrad av", "Changed by"),
}
