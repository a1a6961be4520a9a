"""Messages of importing plans from Word, Excel, CSV and text files (``hrplan import``, the import dialogs)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # Where something was found
    "import.where.sheet": ("blad {sheet}", "sheet {sheet}"),
    "import.where.table": ("tabell {table}", "table {table}"),
    "import.where.row": ("rad {row}", "row {row}"),
    "import.where.line": ("rad {line}", "line {line}"),
    "import.where.paragraph": ("stycke {paragraph}", "paragraph {paragraph}"),
    # Errors: nothing has been written
    "import.error.unreadable": ("filen kan inte läsas som en plan.", "the file cannot be read as a plan."),
    "import.error.no_such_file": ("filen finns inte.", "there is no such file."),
    "import.error.is_directory": ("det är en mapp, inte en fil.", "that is a folder, not a file."),
    "import.error.cannot_open": ("filen kan inte öppnas: {reason}", "the file cannot be opened: {reason}"),
    "import.error.empty": ("filen är tom.", "the file is empty."),
    "import.error.pdf": (
        "en PDF kan inte läsas direkt. Markera allt i PDF:en, kopiera och spara texten som en .txt-fil, och importera den.",
        "a PDF cannot be read directly. Select everything in the PDF, copy it, save the text as a .txt file and import that.",
    ),
    "import.error.old_word": (
        "det gamla Word-formatet (.doc) kan inte läsas. Spara dokumentet som .docx i Word och importera det.",
        "the old Word format (.doc) cannot be read. Save the document as .docx in Word and import that.",
    ),
    "import.error.old_excel": (
        "det gamla Excel-formatet (.xls) kan inte läsas. Spara arbetsboken som .xlsx och importera den.",
        "the old Excel format (.xls) cannot be read. Save the workbook as .xlsx and import that.",
    ),
    "import.error.open_document": (
        "OpenDocument-filer kan inte läsas. Spara som .docx eller .xlsx och importera den.",
        "OpenDocument files cannot be read. Save as .docx or .xlsx and import that.",
    ),
    "import.error.damaged_zip": (
        "filen är skadad (ofullständigt ZIP-paket: {reason}).",
        "the file is damaged (incomplete ZIP package: {reason}).",
    ),
    "import.error.unknown_package": (
        "ZIP-paketet är varken ett Word-dokument eller en Excel-arbetsbok.",
        "the ZIP package is neither a Word document nor an Excel workbook.",
    ),
    "import.error.not_docx": (
        "filen är inte ett läsbart Word-dokument (.docx): {reason}",
        "the file is not a readable Word document (.docx): {reason}",
    ),
    "import.error.not_xlsx": (
        "filen är inte en läsbar Excel-arbetsbok (.xlsx): {reason}",
        "the file is not a readable Excel workbook (.xlsx): {reason}",
    ),
    "import.error.not_a_package": (
        "innehållet är inte ett Office-paket (ZIP)",
        "its content is no Office package (ZIP)",
    ),
    "import.error.bad_csv": ("CSV-filen kan inte läsas: {reason}", "the CSV file cannot be read: {reason}"),
    "import.error.binary": (
        "filen är inte text (den innehåller binära data). Importera .docx, .xlsx, .csv eller .txt.",
        "the file is not text (it holds binary data). Import .docx, .xlsx, .csv or .txt.",
    ),
    "import.error.no_table": (
        "hittar ingen aktivitetstabell: ingen rubrikrad med kolumnerna Vad ska vi uppnå? och Aktivitet (eller Område och Aktivitet).",
        "no activity table found: no header row with the columns Vad ska vi uppnå? and Aktivitet (or Område and Aktivitet).",
    ),
    "import.error.no_activities": (
        "aktivitetstabellen har rubriker men inga aktiviteter.",
        "the activity table has headers but no activities.",
    ),
    "import.error.too_long": (
        "en cell är längre än {limit} tecken; kontrollera att raden inte är trasig.",
        "a cell is longer than {limit} characters; check that the row is not broken.",
    ),
    "import.error.control_chars": (
        "en cell innehåller otillåtna tecken.",
        "a cell contains characters that are not allowed.",
    ),
    "import.error.required": ("en obligatorisk cell är tom.", "a required cell is empty."),
    "import.error.unit_too_long": (
        "avdelningens/enhetens namn {name} är längre än {limit} tecken.",
        "the unit's name {name} is longer than {limit} characters.",
    ),
    "import.error.unit_required": ("avdelningen/enheten saknar namn.", "the unit has no name."),
    "import.error.unit_control_chars": (
        "avdelningens/enhetens namn {name} innehåller otillåtna tecken.",
        "the unit's name {name} contains characters that are not allowed.",
    ),
    "import.error.bad_title": ("titeln {reason}.", "the title {reason}."),
    # Warnings: shown in the preview, nothing is dropped without one
    "import.warn.unknown_columns": (
        "okända kolumner lästes inte in: {columns}",
        "unknown columns were not read: {columns}",
    ),
    "import.warn.table_skipped": (
        "tabellen ”{text}” ({rows} rader) är ingen aktivitetstabell och lästes inte in",
        "the table “{text}” ({rows} rows) is no activity table and was not read",
    ),
    "import.warn.text_outside_columns": (
        "text utanför tabellens kolumner lästes inte in: ”{text}”",
        "text outside the table's columns was not read: “{text}”",
    ),
    "import.warn.row_not_read": (
        "raden har bara text i okända kolumner och lästes inte in: ”{text}”",
        "the row only has text in unknown columns and was not read: “{text}”",
    ),
    "import.warn.no_goal_or_activity": (
        "raden saknar både Vad ska vi uppnå? och Aktivitet och lästes inte in: ”{text}”",
        "the row has neither Vad ska vi uppnå? nor Aktivitet and was not read: “{text}”",
    ),
    "import.warn.own_area": (
        "raden ”{name}” har bara text i första kolumnen och lästes som ett eget område",
        "the row “{name}” only has text in the first column and was read as an area of the plan's own",
    ),
    "import.warn.no_area": (
        {"one": "{n} rad före första området lades under Övrigt", "other": "{n} rader före första området lades under Övrigt"},
        {"one": "{n} row before the first area was put under Övrigt", "other": "{n} rows before the first area were put under Övrigt"},
    ),
    "import.warn.split_cell": (
        "cellerna listade {count} aktiviteter med var sitt måldatum; de blev {count} aktiviteter",
        "the cells listed {count} activities with a target date each; they became {count} activities",
    ),
    "import.warn.shared_cells": (
        "cellerna listade {count} aktiviteter; kolumnen {columns} gick inte att dela upp och följer med hel till var och en",
        "the cells listed {count} activities; the column {columns} could not be shared out and goes whole to each",
    ),
    "import.warn.moved_long_text": (
        "texten var för lång för sin kolumn; hela texten finns i Uppföljning/Kommentar: ”{text}”",
        "the text was too long for its column; all of it is in Uppföljning/Kommentar: “{text}”",
    ),
    "import.warn.unit_without_name": (
        "Avdelning/Enhet utan namn hoppades över",
        "Avdelning/Enhet without a name was skipped",
    ),
    "import.warn.unit_date": (
        "datumet ”{text}” kunde inte läsas och sparades inte",
        "the date “{text}” could not be read and was not kept",
    ),
    "import.warn.period_from_file_name": (
        "planperioden står inte i dokumentet; den togs från filnamnet",
        "the plan period is not in the document; it was taken from the file name",
    ),
    "import.warn.period_guessed": (
        "planperioden står inte i dokumentet; {period} antogs – ändra den efter importen",
        "the plan period is not in the document; {period} was assumed – change it after the import",
    ),
    "import.warn.title_from_file_name": (
        "planens titel står inte i dokumentet; filnamnet används – ange --title eller ändra efter importen",
        "the plan's title is not in the document; the file name is used – give --title or change it after the import",
    ),
    "import.warn.heading_area": (
        "rubriken ”{name}” före aktiviteterna lästes som ett eget område",
        "the heading “{name}” before the activities was read as an area of the plan's own",
    ),
    "import.warn.key_figures_no_period": (
        "nyckeltalstabellen har ingen period i rubriken ovanför; planperioden används",
        "the key-figure table has no period in the heading above it; the plan period is used",
    ),
    "import.warn.narrative_cut": (
        "avsnittet är längre än {limit} tecken och kortades",
        "the section is longer than {limit} characters and was shortened",
    ),
    "import.warn.status_unknown": (
        "statusen ”{text}” kunde inte läsas; den sparas som kommentar i första uppföljningen",
        "the status “{text}” could not be read; it is kept as the comment in the first follow-up",
    ),
    "import.warn.unit_from_file_name": (
        "filen namnger ingen avdelning/enhet; aktiviteterna läggs i {name} – ange --unit för en annan",
        "the file names no unit; the activities go into {name} – give --unit for another",
    ),
    # Summary (preview and command line)
    "import.summary.decision": ("Beslut", "Decision"),
    "import.summary.units": ("Avdelningar/enheter", "Units"),
    "import.summary.manager": ("Ansvarig chef", "Manager"),
    "import.summary.date": ("Datum", "Date"),
    "import.summary.per_area": ("Aktiviteter per område", "Activities per area"),
    "import.summary.total": ("Totalt", "Total"),
    "import.summary.no_warnings": ("Inga varningar.", "No warnings."),
    "import.summary.warnings": ("Varningar ({count}):", "Warnings ({count}):"),
    "import.summary.key_figures": ("Nyckeltal", "Key figures"),
    "import.summary.narrative": ("Texter per avdelning/enhet", "Texts per unit"),
    "import.summary.chars": ({"one": "{n} tecken", "other": "{n} tecken"}, {"one": "{n} character", "other": "{n} characters"}),
    "import.summary.round": (
        "Statuskolumnen blir uppföljningen {name}: {counts}.",
        "The status column becomes the follow-up round {name}: {counts}.",
    ),
    "import.summary.into": ("Läggs till i planen {title}", "Added to the plan {title}"),
    "import.summary.new_units": ("Nya avdelningar/enheter: {names}", "New units: {names}"),
    "import.summary.new_areas": ("Nya områden: {names}", "New areas: {names}"),
    "import.summary.nothing_new": (
        "Inga nya avdelningar/enheter eller områden; aktiviteterna läggs till i befintliga.",
        "No new units or areas; the activities are added to existing ones.",
    ),
    "import.summary.existing_round": (
        "Statusarna läggs i den öppna uppföljningen {name}.",
        "The statuses go into the open follow-up round {name}.",
    ),
    "import.summary.sources": ("Källa", "Source"),
    # Command line
    "import.cli.help": ("importera en plan från Word, Excel, CSV eller text", "import a plan from Word, Excel, CSV or text"),
    "import.cli.description": (
        "Läser en plan ur en fil (.docx, .xlsx, .csv, eller .txt med text kopierad ur en PDF) och sparar den som en ny plan i en enda ändring.",
        "Reads a plan from a file (.docx, .xlsx, .csv, or .txt with text copied out of a PDF) and saves it as a new plan in one change.",
    ),
    "import.cli.arg_file": ("filen att importera", "the file to import"),
    "import.cli.opt_dry_run": ("visa vad som skulle importeras, spara inget", "show what would be imported, save nothing"),
    "import.cli.opt_title": ("planens titel (annars dokumentets)", "the plan's title (else the document's)"),
    "import.cli.opt_into": (
        "lägg till filen i en befintlig plan (id eller titel) som en avdelning/enhet",
        "add the file to an existing plan (id or title) as one unit",
    ),
    "import.cli.opt_unit": (
        "avdelningen/enheten aktiviteterna läggs i (med --into; annars filens)",
        "the unit the activities go into (with --into; else the file's)",
    ),
    "import.cli.unit_without_into": ("--unit gäller bara med --into.", "--unit only applies with --into."),
    "import.cli.title_with_into": (
        "--title gäller en ny plan, inte med --into (planen har redan sin titel).",
        "--title is for a new plan, not with --into (the plan has its title).",
    ),
    "import.cli.into_done": (
        {"one": "{n} aktivitet lades till i planen {title}.", "other": "{n} aktiviteter lades till i planen {title}."},
        {"one": "{n} activity was added to the plan {title}.", "other": "{n} activities were added to the plan {title}."},
    ),
    "import.cli.dry_run_done": ("Torrkörning: inget sparades.", "Dry run: nothing was saved."),
    "import.cli.done": ("Importerades som plan {id} med {activities}.", "Imported as plan {id} with {activities}."),
    # In the app
    "key.import_plan": ("Importera", "Import"),  # for the i key on the plans screen
    "import.command": ("Importera plan …", "Import plan …"),
    "import.command_help": (
        "Läs in en plan från Word, Excel, CSV eller text kopierad ur en PDF",
        "Read a plan from Word, Excel, CSV or text copied out of a PDF",
    ),
    "import.file.title": ("Importera plan", "Import plan"),
    "import.file.into_title": (
        "Lägg till en avdelnings/enhets fil i planen",
        "Add a unit's file to the plan",
    ),
    "import.file.hint": (
        "Word (.docx), Excel (.xlsx), CSV eller text kopierad ur en PDF (.txt). → fyller i förslaget, Enter läser filen.",
        "Word (.docx), Excel (.xlsx), CSV or text copied out of a PDF (.txt). → accepts the suggestion, Enter reads the file.",
    ),
    "import.file.placeholder": ("sökväg till filen", "path to the file"),
    "import.file.read": ("Läs in", "Read"),
    "import.file.required": ("Ange en fil.", "Give a file."),
    "import.file.missing": ("Filen finns inte.", "There is no such file."),
    "import.file.is_folder": (
        "Det är en mapp; skriv vidare på sökvägen till en fil.",
        "That is a folder; go on typing the path to a file.",
    ),
    "import.reading": ("Läser {file} …", "Reading {file} …"),
    "import.preview.title": (
        "Förhandsvisning av {file}: {activities}. Inget är sparat ännu.",
        "Preview of {file}: {activities}. Nothing is saved yet.",
    ),
    "import.preview.into_title": (
        "Förhandsvisning av {file}: {activities} att lägga till i {title}. Inget är sparat ännu.",
        "Preview of {file}: {activities} to add to {title}. Nothing is saved yet.",
    ),
    "import.into_done": (
        {"one": "{n} aktivitet från {file} lades till i planen.", "other": "{n} aktiviteter från {file} lades till i planen."},
        {"one": "{n} activity from {file} was added to the plan.", "other": "{n} activities from {file} were added to the plan."},
    ),
    "import.preview.choose_unit": ("Välj avdelning/enhet", "Choose unit"),
    "import.preview.unit_button": ("Avdelning/enhet …", "Unit …"),
    "import.pick.title": ("Vilken avdelning/enhet ska aktiviteterna läggas i?", "Which unit do the activities go into?"),
    "import.pick.file_unit": ("Filens egen (som i förhandsvisningen först)", "The file's own (as first previewed)"),
    "import.pick.new_unit": ("Ny avdelning/enhet …", "New unit …"),
    "import.new_unit": ("Namn på den nya avdelningen/enheten", "Name of the new unit"),
    "plan.key_import_into": ("Importera avdelningens fil …", "Import a unit's file …"),
    "import.preview.activities": ("Aktiviteter per område", "Activities per area"),
    "import.preview.confirm": ("Importera", "Import"),
    "import.done": (
        "Planen {title} importerades med {activities}.",
        "The plan {title} was imported with {activities}.",
    ),
}
