"""Plans written for the import tests, in the shapes plans come in. Invented from end to end."""

from __future__ import annotations

from pathlib import Path

HEADER_PDF = (
    "Vad ska vi uppnå?\tAktivitet <i>Hur gör vi det?</i>\tMåldatum <i>När ska det vara klart?</i>\t"
    "Ansvarig <i>(Funktion)</i>\tResurser <i>(timmar, kronor, personal)</i>\tUppföljning / Kommentar"
)
HEADER_PDF_NO_RESOURCES = (
    "Vad ska vi uppnå?\tAktivitet <i>Hur gör vi det?</i>\tMåldatum <i>När ska det vara klart?</i>\t"
    "Ansvarig <i>(Funktion)</i>\tUppföljning / Kommentar"
)

# Text copied out of a PDF: two units (the second without "Datum:" and without Resurser), a row
# split by a page break with the header repeated, HTML in cells, a cell listing two activities,
# "Avsluta" and "Avsluta/Avveckla", and a numbered two-column table for a third unit.
PDF_TEXT = "\n".join([
    "Björkå kommun",
    "",
    "Personalstrategi med handlingsplan",
    "2008 - 2010",
    "",
    "Fastställd av Socialnämnden 2007-11-20, § 87",
    "Dnr SN 2007/45",
    "",
    "Planen följs upp två gånger per år i nämnden.",
    "",
    "Nyckeltal\tantal\tandel",
    "Hemvården\t12\t8 %",
    "",
    "Avdelning/Enhet: Hemvården",
    "",
    "Datum: 2007-10-01",
    "",
    "Ansvarig chef: Anna Berg",
    "",
    HEADER_PDF,
    "Utveckla\t\t\t\t\t",
    "Alla kan dokumentera\tUtbildning i social dokumentation för alla\tÅr 2009\tEnhetschef\t\t",
    "Säker <i>läkemedels</i>hantering\tDelegeringsutbildning med sjuksköterska, repeteras\t\t\t\t",
    "",
    HEADER_PDF,
    "\tvarje år &amp; vid behov\tvåren 2009\tSjuksköterska\t2 timmar\t",
    "BEHÅLLA\t\t\t\t\t",
    "Friskare arbetsplats\tFriskvårdstimme varje vecka\tLöpande\tEnhetschef\t\tPågår",
    "Avsluta\t\t\t\t\t",
    "Vi vet varför folk slutar\tAvgångssamtal med alla som slutar\t2008\tEnhetschef\t\t",
    "",
    "Avdelning/enhet: Boendet",
    "",
    "Ansvarig chef: Per Ek",
    "",
    HEADER_PDF_NO_RESOURCES,
    "Rekrytera\t\t\t\t",
    "Rätt kompetens\t<p>Kompetensbaserade intervjuer</p> <p>Referenser tas alltid</p>\t"
    "<p>T2 2009</p> <p>2010</p>\t<p>Enhetschef</p> <p>HR</p>\tKlart i tid",
    "Avsluta/Avveckla\t\t\t\t",
    "Kunskap stannar kvar\tÖverlämning vid pension\thösten 2009\tEnhetschef\t",
    "Övrigt\t\t\t\t",
    "Bättre lokaler\tFlytt till nya lokaler\t2010-06-30\tVerksamhetschef\tUtreds",
    "",
    "Avdelning/Enhet: Dagverksamheten",
    "",
    "Område\tAktivitet",
    "Utveckla\t1. Studiebesök hos andra kommuner 2. Handledning varannan vecka",
    "Introducera\t1. Introduktionspärm 2. Fadder första månaden 3. Uppföljningssamtal",
    "",
])  # fmt: skip

# Activities per (unit, area) in PDF_TEXT, counted by hand.
PDF_TEXT_COUNTS = {
    ("Hemvården", "Utveckla"): 2,
    ("Hemvården", "Behålla"): 1,
    ("Hemvården", "Avsluta/Avveckla"): 1,
    ("Boendet", "Rekrytera"): 2,
    ("Boendet", "Avsluta/Avveckla"): 1,
    ("Boendet", "Övrigt"): 1,
    ("Dagverksamheten", "Utveckla"): 2,
    ("Dagverksamheten", "Introducera"): 3,
}


def write_docx(path: Path, *, activities: int = 0) -> Path:
    """A Word plan: title style, period, cadence, a unit heading, a table with the columns in another
    order and wording (no Resurser, an unknown Status column), a merged own-area row, a cell merged
    down over two rows, and a numbered two-column table. ``activities`` adds that many more rows."""
    import docx

    document = docx.Document()
    document.add_heading("Kompetensförsörjningsplan för Vård- och omsorgsförvaltningen", level=0)
    document.add_paragraph("Planperiod 2024-2026")
    document.add_paragraph("Planen följs upp per tertial. Dnr VON 2023/112")
    document.add_paragraph("Avdelning/Enhet: Hemtjänsten Norr")
    document.add_paragraph("Datum: 14 oktober 2023")
    document.add_paragraph("Ansvarig chef: Karin Åberg")
    header = ["Aktivitet – Hur gör vi det?", "Vad ska vi uppnå?", "Ansvarig (funktion)",
              "När ska det vara klart?", "Status", "Uppföljning/Kommentar"]  # fmt: skip
    rows = [
        ["", "Utveckla", "", "", "", ""],
        ["Webbutbildning i demens", "Demenskunskap", "Enhetschef", "År 2025", "Pågår", ""],
        ["Reflektionsträffar", "", "Samordnare", "T3 2024", "", "Varannan månad"],
        ["Ledarskap i vardagen", "", "", "", "", ""],  # a merged own-area row
        ["Coachande samtal för samordnare", "Trygga samordnare", "HR", "2025", "", ""],
        ["", "Avsluta / avveckla", "", "", "", ""],
        ["Avgångsenkät till alla", "Vi vet varför folk slutar", "HR", "Löpande", "", ""],
    ]
    for i in range(activities):
        rows.append([f"Aktivitet nummer {i}", f"Mål {i}", "Enhetschef", "2025", "", ""])
    table = document.add_table(rows=1 + len(rows), cols=len(header))
    for col, text in enumerate(header):
        table.cell(0, col).text = text
    for r, values in enumerate(rows, start=1):
        for col, text in enumerate(values):
            if text:
                table.cell(r, col).text = text
    table.cell(1, 0).merge(table.cell(1, 5)).text = "Utveckla"
    table.cell(4, 0).merge(table.cell(4, 5)).text = "Ledarskap i vardagen"
    table.cell(6, 0).merge(table.cell(6, 5)).text = "Avsluta / avveckla"
    goal = table.cell(2, 1).merge(table.cell(3, 1))  # "Demenskunskap" for both rows
    goal.text = "Demenskunskap"
    document.add_paragraph("Avdelning/Enhet: Hemtjänsten Söder")
    two = document.add_table(rows=3, cols=2)
    for r, (area, text) in enumerate([("Område", "Aktivitet"),
                                      ("Rekrytera", "1. Gemensam annons\n2. Snabbare referenser"),
                                      ("Behålla", "1. Heltid som norm")]):  # fmt: skip
        two.cell(r, 0).text = area
        two.cell(r, 1).text = text
    document.save(str(path))
    return path


def write_xlsx(path: Path) -> Path:
    """An Excel plan, one sheet per unit, with a title row, an Område column and a date cell."""
    from datetime import datetime

    from openpyxl import Workbook

    workbook = Workbook()
    first = workbook.active
    first.title = "Förskolan"
    first.append(["Kompetensförsörjningsplan 2025–2027, Barn- och utbildningsförvaltningen"])
    first.append([])
    first.append(["Område", "Vad ska vi uppnå?", "Aktivitet", "Måldatum", "Ansvarig", "Resurser",
                  "Uppföljning"])  # fmt: skip
    first.append(["Utveckla", "Språkutvecklande arbetssätt", "Workshop", datetime(2025, 6, 30),
                  "Rektor", "3 timmar", None])  # fmt: skip
    first.append([None, "Digital kompetens", "Kurs i lärplattformen", 2026, "IKT-pedagog", None, None])
    first.append(["rekrytering", "Fler förskollärare", "Samarbete med högskolan", "Löpande", "Rektor",
                  None, None])  # fmt: skip
    second = workbook.create_sheet("Skolan")
    second.append(["Vad ska vi uppnå?", "Aktivitet", "Måldatum", "Ansvarig", "Område"])
    second.append(["Behöriga lärare", "Lärarlyftet", "HT 2026", "Rektor", "Behålla"])
    notes = workbook.create_sheet("Anteckningar")
    notes.append(["Fritext som inte är en tabell"])
    workbook.save(str(path))
    return path


CSV_TEXT = (
    "Avdelning/Enhet;Område;Vad ska vi uppnå?;Aktivitet;Måldatum;Ansvarig;Resurser;Uppföljning/Kommentar\n"
    "Kostenheten;Utveckla;Kockar kan specialkost;Utbildning i specialkost;våren 2025;Kostchef;;\n"
    "Kostenheten;Övrigt;Mindre matsvinn;Mäta svinn varje vecka;Q2 2025;Kock;;\"Pågår; mäts i kg\"\n"
    "Städenheten;Attrahera;Fler sökande;Mässor och praktik;2025;Enhetschef;5 000 kr;\n"
)
