"""More shapes plans come in, for the import tests: lists instead of tables, other header words,
headings outside the tables, page furniture, a follow-up kept in Excel, key figures and narrative.
Invented from end to end."""

from __future__ import annotations

from pathlib import Path

# Bullets under area headings, each followed by label lines; a line wrapped mid-sentence; a page
# break with a running footer and "Sida N av M" between two activities.
LIST_TEXT = "\n".join([
    "Handlingsplan för kompetensförsörjning 2025-2027",
    "Ekby kommun, Kultur- och fritidsförvaltningen. Dnr KFN 2024/88",
    "",
    "Avdelning/Enhet: Biblioteken",
    "",
    "Utveckla",
    "• Utbildning i digital delaktighet för all personal",
    "Ansvar: Bibliotekschef",
    "Tidplan: HT 2025",
    "• Studiecirklar om källkritik som hålls av",
    "bibliotekarierna själva",
    "Ansvarig: Bibliotekarie. Klart: 2026-06-30",
    "",
    "Ekby kommun · Dnr KFN 2024/88",
    "Sida 1 av 2",
    "",
    "Behålla",
    "- Friskvårdsbidrag höjs",
    "Ansvar: HR",
    "Klart: Löpande",
    "",
    "Ekby kommun · Dnr KFN 2024/88",
    "Sida 2 av 2",
    "",
    "Rekrytera",
    "- Praktikplatser för studenter",
    "Vem: Bibliotekschef",
    "När: 2026",
    "",
    "Ekby kommun · Dnr KFN 2024/88",
])  # fmt: skip

# Numbered activities under headings of the plan's own areas, no table at all.
NUMBERED_TEXT = "\n".join([
    "Kompetensförsörjningsplan Fritidsgårdarna 2025–2026",
    "",
    "Lärande och utbildning",
    "",
    "1. Alla fritidsledare går grundutbildning i konflikthantering",
    "2. Kollegialt lärande en gång per månad",
    "",
    "Arbetsmiljö",
    "",
    "3. Gemensam planeringsdag varje termin",
    "4. Översyn av scheman så att",
    "ensamarbete undviks",
])  # fmt: skip

# Text out of a two-column PDF: the numbers first, then the texts, one per number.
TWO_COLUMN_TEXT = "\n".join([
    "Personalstrategi 2024-2026",
    "",
    "Attrahera",
    "1.",
    "2.",
    "3.",
    "Synas på gymnasiemässan",
    "Filmer om yrkena på webben",
    "Ambassadörer bland medarbetarna som",
    "berättar om sitt arbete",
    "",
    "Introducera",
    "1. 2.",
    "Introduktionsdag för alla nyanställda",
    "Mentor första halvåret",
])  # fmt: skip

# A decision document: a numbered table (Område | Nr | Uppdrag) and the running header of every
# page ("Beslutsdatum | Paragraf | Sida" and its values) right after it, then the table goes on.
RUNNING_HEADER_TEXT = "\n".join([
    "Kompetensförsörjningsplan 2025-2028 för Miljöförvaltningen",
    "",
    "Område\tNr\tUppdrag",
    "Utveckla\t1\tInspektörer går fördjupningskurs i livsmedelskontroll",
    "Utveckla\t2\tHandledning för nya inspektörer",
    "",
    "Beslutsdatum\tParagraf\tSida",
    "Miljönämnden 2024-11-20\t§ 112\t4",
    "",
    "Rekrytera\t3\tTraineeprogram tillsammans med grannkommunerna",
    "",
    "Beslutsdatum\tParagraf\tSida",
    "Miljönämnden 2024-11-20\t§ 112\t5",
])  # fmt: skip

# Key figures under their period headings, then a unit's narrative sections.
KEY_FIGURES_AND_NARRATIVE_TEXT = "\n".join([
    "Kompetensförsörjningsplan 2025-2027 Stadsdelsförvaltning Väst",
    "",
    "Personalomsättning",
    "",
    "2023-01-01 – 2023-12-31",
    "",
    "Avdelning\tantal\tandel",
    "Förskolan\t40\t12,5 %",
    "Äldreomsorgen\t31\t9.8%",
    "Totalt\t71\t11,0 %",
    "",
    "Förskoleavdelningen",
    "",
    "Uppgifter",
    "Avdelningen ansvarar för:",
    "- Kommunala förskolor",
    "- Öppen förskola",
    "",
    "Uppföljning av genomförda aktiviteter och dess resultat",
    "Alla rektorer har gått ledarskapsutbildningen.",
    "",
    "Analys",
    "Barnen blir färre och förskolor slås ihop.",
    "",
    "Framtida kompetensbehov och strategisk inriktning",
    "Fler förskollärare med specialpedagogisk kompetens.",
    "",
    "Äldreomsorgsavdelningen",
    "",
    "Uppgifter",
    "Hemtjänst och särskilt boende.",
    "",
    "Analys",
    "Fler äldre över 80 år.",
    "",
    "Riskanalys förskoleavdelningen",
    "Risk att erfarna förskollärare går i pension samtidigt.",
    "",
    "Slutsats",
    "Planen bygger på avdelningarnas analyser.",
    "",
    "Bilaga 1 – Aktivitetsplan förskoleavdelningen",
    "",
    "Avdelning/Enhet: Förskoleavdelningen",
    "",
    "Vad ska vi uppnå?\tAktivitet\tMåldatum\tAnsvarig",
    "Utveckla\t\t\t",
    "Fler behöriga\tUppdragsutbildning för barnskötare\t2026\tRektor",
    "",
    "Avdelning/Enhet: Äldreomsorgsavdelningen",
    "",
    "Vad ska vi uppnå?\tAktivitet\tMåldatum\tAnsvarig",
    "Behålla\t\t\t",
    "Friskare personal\tHälsoinspiration på APT\tLöpande\tEnhetschef",
])  # fmt: skip


def write_heading_docx(path: Path) -> Path:
    """A Word plan whose areas are headings outside the tables: a Heading 2, a bold paragraph, then
    a Word bullet list with label lines under a third heading."""
    import docx

    document = docx.Document()
    document.add_heading("Kompetensförsörjningsplan 2025-2026 för Tekniska förvaltningen", level=0)
    document.add_paragraph("Avdelning/Enhet: Gatuenheten")
    document.add_heading("Attrahera", level=2)
    table = document.add_table(rows=3, cols=3)
    for r, values in enumerate([("Insats/uppdrag", "Ansvarig", "Klart senast"),
                                ("Yrkesdag för gymnasieelever", "Enhetschef", "2025-10-01"),
                                ("Annonser på sociala medier", "Kommunikatör", "Löpande")]):  # fmt: skip
        for c, text in enumerate(values):
            table.cell(r, c).text = text
    bold = document.add_paragraph()
    bold.add_run("Lärande och utbildning").bold = True
    second = document.add_table(rows=2, cols=3)
    for r, values in enumerate([("ÅTGÄRD", "VEM", "NÄR"),
                                ("Kurs i arbete på väg", "Arbetsledare", "VT 2026")]):  # fmt: skip
        for c, text in enumerate(values):
            second.cell(r, c).text = text
    document.add_heading("Behålla", level=2)
    document.add_paragraph("Medarbetarsamtal med alla varje år", style="List Bullet")
    document.add_paragraph("Ansvar: Enhetschef")
    document.add_paragraph("Tidplan: Årligen")
    document.add_paragraph("Lönekartläggning", style="List Bullet")
    document.add_paragraph("Ansvar: HR")
    document.save(str(path))
    return path


def write_followup_xlsx(path: Path) -> Path:
    """A plan kept in Excel with a status column (words and traffic lights) and a comment column."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Handlingsplan"
    sheet.append(["Handlingsplan 2025-2026, Räddningstjänsten"])
    sheet.append(["Område", "Mål", "Åtgärd", "Tidsplan", "Ansvar", "Läge", "Kommentar"])
    sheet.append(["Utveckla", "Alla kan HLR", "HLR-utbildning", "2025", "Styrkeledare", "Klar", "Alla gick"])
    sheet.append(["Utveckla", "Säkra rökdykare", "Rökdykarövning", "Löpande", "Instruktör", "grön", None])
    sheet.append(["Behålla", "Färre slutar", "Avgångssamtal", "2025", "HR", "Gul", "Hälften gjorda"])
    sheet.append(["Rekrytera", "Fler deltidsbrandmän", "Rekryteringskampanj", "VT 2025", "Chef", "Röd",
                  "Ingen budget"])  # fmt: skip
    sheet.append(["Rekrytera", "Fler kvinnor", "Prova-på-dag", "2026", "Chef", "Ej påbörjad", None])
    sheet.append(["Övrigt", "Nya lokaler", "Utredning", "2026", "Chef", "Väntar på beslut", None])
    workbook.save(str(path))
    return path


def write_narrative_docx(path: Path) -> Path:
    """A Word plan with each department's sections under Word headings, then its activity table."""
    import docx

    document = docx.Document()
    document.add_heading("Kompetensförsörjningsplan 2025-2027", level=0)
    document.add_heading("Förskoleavdelningen", level=1)
    document.add_heading("Uppgifter", level=2)
    document.add_paragraph("Avdelningen ansvarar för:")
    document.add_paragraph("Kommunala förskolor", style="List Bullet")
    document.add_paragraph("Öppen förskola", style="List Bullet")
    document.add_heading("Analys", level=2)
    document.add_paragraph("Barnen blir färre.")
    document.add_heading("Riskanalys", level=2)
    document.add_paragraph("Många går i pension samtidigt.")
    document.add_heading("Äldreomsorgen", level=1)
    document.add_heading("Uppgifter", level=2)
    document.add_paragraph("Hemtjänst och boenden.")
    document.add_heading("Aktivitetsplan", level=1)
    document.add_paragraph("Avdelning/Enhet: Förskoleavdelningen")
    table = document.add_table(rows=3, cols=2)
    for r, (goal, activity) in enumerate([("Mål", "Aktivitet"), ("Utveckla", ""),
                                          ("Fler behöriga", "Uppdragsutbildning")]):  # fmt: skip
        table.cell(r, 0).text = goal
        table.cell(r, 1).text = activity
    document.save(str(path))
    return path
