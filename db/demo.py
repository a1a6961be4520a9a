"""An example plan, written for hrplan: realistic, in Swedish, and invented from end to end.

Three units with activities over the UBARA areas, target texts of every kind the reader knows,
key figures for two periods and two closed follow-up rounds. ``add_demo_plan`` adds it once.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlmodel import Session

from db.changes import ChangeSet
from db.queries.plans import create_plan
from models.activity import Activity
from models.area import Area
from models.dates import read_target
from models.followup import FollowUpEntry, FollowUpRound
from models.keyfigure import SICK_LEAVE, TURNOVER, KeyFigure
from models.plan import Cadence, Plan, PlanCreate, PlanKind, PlanStatus
from models.section import UNIT_KINDS, Section, SectionKind
from models.unit import Unit

DEMO_TITLE = "Kompetensförsörjningsplan 2025–2027"
DEMO_ORGANISATION = "Vård- och omsorgsförvaltningen, Björkå kommun"

# (area, goal, activity, target text, responsible, resources, follow-up)
Row = tuple[str, str, str, str, str, str, str]

UNITS: list[tuple[str, str, date, str, list[Row]]] = [
    (
        "Hemtjänsten",
        "Karin Åberg",
        date(2024, 10, 14),
        "Svårt att rekrytera undersköterskor med körkort; många går i pension inom fem år.",
        [
            ("Utveckla", "Alla undersköterskor har skyddad yrkestitel",
             "Validering och kompletterande kurser via vuxenutbildningen för dem som saknar poäng.",
             "År 2026", "Enhetschef", "Vikarietimmar, 120 000 kr", ""),
            ("Utveckla", "Säker läkemedelshantering i hemmet",
             "Verksamhetsnära utbildning med sjuksköterska på varje arbetsplatsträff.",
             "våren 2025", "Sjuksköterska, enhetschef", "2 timmar per medarbetare", ""),
            ("Utveckla", "Digitala nycklar och planering används av alla",
             "Superanvändare i varje grupp stöttar kollegor i appen för planering.",
             "T2 2025", "Samordnare", "", "Superanvändare utsedda i alla grupper."),
            ("Behålla", "Färre delade turer",
             "Se över schemaläggningen tillsammans med skyddsombud och medarbetare.",
             "2025-2026", "Enhetschef, HR-konsult", "", ""),
            ("Behålla", "Medarbetare vill stanna",
             "Stay interviews med medarbetare som arbetat mer än fem år.",
             "Löpande", "Enhetschef", "", ""),
            ("Attrahera", "Fler sommarvikarier återkommer",
             "Tidig kontakt och erbjudande om timanställning under läsåret.",
             "2025-03-31", "Bemanningssamordnare", "", ""),
            ("Rekrytera", "Kortare tid från annons till anställning",
             "Gemensam kravprofil och snabbare referenstagning med HR.",
             "Q3 2025", "Enhetschef, HR-konsult", "", ""),
            ("Introducera", "Trygg start för nyanställda",
             "Introduktionsprogram med handledare de första tre veckorna.",
             "hösten 2025", "Samordnare", "Handledartid 15 timmar per nyanställd", ""),
            ("Avsluta/Avveckla", "Vi vet varför medarbetare slutar",
             "Avslutningssamtal och avgångsenkät för alla som slutar.",
             "Löpande", "Enhetschef", "", ""),
            ("Övrigt", "Körkort inte längre ett hinder",
             "Undersöka elcyklar och kollektivtrafik som alternativ i tätorten.",
             "Om budget medges, hösten 2026", "Verksamhetschef", "", ""),
        ],
    ),
    (
        "Särskilt boende",
        "Mehmet Yilmaz",
        date(2024, 10, 21),
        "Ökat antal boende med demenssjukdom ställer nya krav; hög sjukfrånvaro nattetid.",
        [
            ("Utveckla", "Demenskunskap i alla arbetslag",
             "Svenskt Demenscentrums webbutbildning och reflektionsträffar.",
             "År 2025", "Enhetschef", "1 timme i månaden per arbetslag", ""),
            ("Utveckla", "Undersköterskor med specialistkompetens",
             "Två undersköterskor per boende läser till specialistundersköterska i demens.",
             "2025-2027", "Verksamhetschef", "Studielön 50 %", ""),
            ("Utveckla", "Bättre dokumentation",
             "Språkombud stöttar kollegor i dokumentation och genomförandeplaner.",
             "T3 2025", "Språkombud, enhetschef", "", ""),
            ("Behålla", "Lägre sjukfrånvaro nattetid",
             "Friskfaktorer på arbetsplatsträffar, tidiga samtal vid upprepad korttidsfrånvaro.",
             "2026", "Enhetschef, HR-konsult", "Företagshälsovård", ""),
            ("Behålla", "Heltid som norm",
             "Erbjuda heltid vid nyanställning och önskad tjänstgöringsgrad i resursteam.",
             "Löpande", "Verksamhetschef", "", ""),
            ("Attrahera", "Elever vill arbeta hos oss",
             "Utbildade handledare tar emot elever från vård- och omsorgsprogrammet.",
             "oktober 2025", "Samordnare elever och studenter", "", ""),
            ("Rekrytera", "Rätt kompetens i varje rekrytering",
             "Kompetensbaserad rekrytering med strukturerade intervjuer.",
             "2025", "Enhetschef", "", ""),
            ("Introducera", "Vikarier klarar sitt första pass",
             "Kort digital introduktion som vikarier går före första passet.",
             "våren 2026", "Biträdande enhetschef", "", ""),
            ("Avsluta/Avveckla", "Kunskap går inte förlorad vid pension",
             "Individuell avvecklingsplan och överlämning till kollega.",
             "Löpande", "Enhetschef", "", ""),
            ("Övrigt", "Gemensam bemanningsenhet utreds",
             "Förstudie tillsammans med hemtjänsten.",
             "Q1 2026", "Verksamhetschef", "", ""),
        ],
    ),
    (
        "Myndighetsenheten",
        "Sara Lindqvist",
        date(2024, 11, 4),
        "Personalomsättning bland biståndshandläggare; svårt att rekrytera erfarna handläggare.",
        [
            ("Utveckla", "Enhetlig bedömning enligt IBIC",
             "Metodstöd och gemensamma ärendedragningar varannan vecka.",
             "2025", "Metodstödjare", "", ""),
            ("Utveckla", "Handläggare kan motiverande samtal",
             "Grundutbildning i MI för alla handläggare.",
             "hösten 2025", "Enhetschef", "Extern utbildare, 60 000 kr", ""),
            ("Behålla", "Hanterbar arbetsbelastning",
             "Tak för antal ärenden per handläggare och veckovis avstämning.",
             "T1 2025", "Enhetschef", "", ""),
            ("Behålla", "Karriärvägar för handläggare",
             "Uppdrag som metodstödjare och specialist inrättas.",
             "2026", "Avdelningschef", "", ""),
            ("Attrahera", "Socionomstudenter väljer oss",
             "Praktikplatser varje termin och medverkan på högskolans arbetsmarknadsdag.",
             "Löpande", "Enhetschef", "", ""),
            ("Rekrytera", "Snabbare rekrytering av handläggare",
             "Rekrytering i grupp två gånger per år i stället för en i taget.",
             "2025-2026", "Enhetschef, HR-konsult", "", ""),
            ("Introducera", "Nya handläggare fattar beslut med stöd",
             "Mentor de första sex månaderna och ärendegenomgång varje vecka.",
             "T2 2025", "Metodstödjare", "", ""),
            ("Avsluta/Avveckla", "Avslutsorsaker följs upp",
             "Avgångsenkäten sammanställs och tas upp i ledningsgruppen en gång per år.",
             "december 2025", "HR-konsult", "", ""),
        ],
    ),
]

# Activities for the plan as a whole (no unit).
WHOLE_PLAN: list[Row] = [
    ("Utveckla", "Chefer leder genom andra",
     "Ledarutvecklingsprogram för första linjens chefer.",
     "2025-2026", "Förvaltningsledning, HR-chef", "300 000 kr", ""),
    ("Behålla", "Lönebildning som stödjer kompetensförsörjningen",
     "Lönekriterier tydliggörs och följs upp i löneöversynen.",
     "Q2 2025", "HR-chef", "", ""),
    ("Attrahera", "Ett tydligt arbetsgivarvarumärke",
     "Medarbetare berättar om sitt arbete i sociala medier och på mässor.",
     "T3 2026", "Kommunikatör, HR-strateg", "", ""),
    ("Rekrytera", "Kompetensbaserad rekrytering i hela förvaltningen",
     "Utbildning för alla chefer som rekryterar.",
     "2026-06-30", "HR-strateg", "", ""),
    ("Introducera", "En gemensam introduktionsdag",
     "Förvaltningens introduktionsdag för alla nyanställda två gånger per termin.",
     "Löpande", "HR-strateg", "", ""),
]

KEY_FIGURES = [
    # (unit or None, name, period, count, share)
    ("Hemtjänsten", TURNOVER, "2023-10-01 – 2024-09-30", 41, 16.4),
    ("Särskilt boende", TURNOVER, "2023-10-01 – 2024-09-30", 28, 11.2),
    ("Myndighetsenheten", TURNOVER, "2023-10-01 – 2024-09-30", 9, 21.4),
    ("Hemtjänsten", TURNOVER, "2024-10-01 – 2025-09-30", 35, 14.0),
    ("Särskilt boende", TURNOVER, "2024-10-01 – 2025-09-30", 30, 11.9),
    ("Myndighetsenheten", TURNOVER, "2024-10-01 – 2025-09-30", 6, 14.6),
    ("Hemtjänsten", SICK_LEAVE, "2024", None, 9.8),
    ("Särskilt boende", SICK_LEAVE, "2024", None, 10.6),
    ("Myndighetsenheten", SICK_LEAVE, "2024", None, 6.1),
    (None, SICK_LEAVE, "2024", None, 9.1),
    ("Hemtjänsten", SICK_LEAVE, "2025", None, 9.1),
    ("Särskilt boende", SICK_LEAVE, "2025", None, 10.9),
    ("Myndighetsenheten", SICK_LEAVE, "2025", None, 5.4),
    (None, SICK_LEAVE, "2025", None, 8.8),
]

ROUNDS = [("T1 2025", date(2025, 5, 20)), ("T2 2025", date(2025, 9, 16))]
# Per round, the status of the activity at each position; the pattern repeats over the activities.
ROUND_PATTERNS = [
    ("in_progress", "not_started", "in_progress", "done", "in_progress", "delayed", "not_started"),
    ("done", "in_progress", "done", "done", "in_progress", "in_progress", "cancelled"),
]
COMMENTS = {
    ("T1 2025", 0): "Tolv av trettio har börjat; resten i höst.",
    ("T1 2025", 5): "Väntar på besked om budget.",
    ("T2 2025", 0): "Alla anmälda; sex klara.",
    ("T2 2025", 3): "Klart, nytt schema från 1 september.",
    ("T2 2025", 6): "Ersätts av förvaltningens gemensamma satsning.",
    ("T2 2025", 12): "Utbildningen flyttad till oktober.",
}


def find_demo_plan(*, session: Session) -> int | None:
    return session.execute(
        select(Plan.id).where(Plan.title == DEMO_TITLE, Plan.organisation == DEMO_ORGANISATION)
    ).scalar()


def add_demo_plan(*, session: Session) -> tuple[int, bool]:
    """Add the example plan unless it is there. Returns (plan id, whether it was added)."""
    existing = find_demo_plan(session=session)
    if existing is not None:
        return existing, False
    plan = create_plan(
        PlanCreate(
            title=DEMO_TITLE,
            kind=PlanKind.COMPETENCE,
            organisation=DEMO_ORGANISATION,
            period_start=2025,
            period_end=2027,
            decision_body="Vård- och omsorgsnämnden",
            decision_date=date(2024, 12, 12),
            decision_paragraph="§ 146",
            diary_number="Dnr VON 2024/379-02",
            cadence=Cadence.TERTIAL,
            status=PlanStatus.ACTIVE,
        ),
        session=session,
    )
    changes = ChangeSet(session, plan_id=plan.id)
    areas = {
        a.name: a.id for a in session.execute(select(Area).where(Area.plan_id == plan.id)).scalars()
    }
    activities: list[Activity] = []
    number = 0

    def add(unit_id: int | None, rows: list[Row]) -> None:
        nonlocal number
        for position, (area, goal, what, target, responsible, resources, follow_up) in enumerate(rows):
            number += 1
            reading = read_target(target)
            activity = Activity(
                plan_id=plan.id, unit_id=unit_id, area_id=areas[area], number=number,
                goal=goal, description=what, target_text=target, target_date=reading.due_date,
                ongoing=reading.ongoing, responsible=responsible, resources=resources,
                follow_up=follow_up, position=position,
            )  # fmt: skip
            activities.append(changes.insert(activity))

    add(None, WHOLE_PLAN)
    units: dict[str, int] = {}
    for position, (name, manager, day, risks, rows) in enumerate(UNITS):
        unit = changes.insert(
            Unit(plan_id=plan.id, name=name, manager=manager, date=day, position=position)
        )
        if risks:
            changes.insert(Section(plan_id=plan.id, unit_id=unit.id, kind=SectionKind.RISKS, body=risks,
                                   position=UNIT_KINDS.index(SectionKind.RISKS)))  # fmt: skip
        units[name] = unit.id
        add(unit.id, rows)
    for position, (unit, name, period, count, share) in enumerate(KEY_FIGURES):
        changes.insert(
            KeyFigure(plan_id=plan.id, unit_id=units.get(unit) if unit else None, name=name,
                      period_label=period, count=count, share=share, position=position)
        )  # fmt: skip
    for (round_name, day), pattern in zip(ROUNDS, ROUND_PATTERNS, strict=True):
        followup = changes.insert(FollowUpRound(plan_id=plan.id, name=round_name, date=day, closed=True))
        for i, activity in enumerate(activities):
            changes.insert(
                FollowUpEntry(round_id=followup.id, activity_id=activity.id,
                              status=pattern[i % len(pattern)],
                              comment=COMMENTS.get((round_name, i), ""), reviewed=True)
            )  # fmt: skip
    return plan.id, True
