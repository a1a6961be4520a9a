"""Messages of the narrative sections: their names, the editor and its refusals."""

MESSAGES: dict[str, tuple[str, str]] = {
    "what.section": ("avsnitt", "section"),
    "section.introduction": ("Inledning", "Introduction"),
    "section.challenges": ("Gemensamma utmaningar", "Common challenges"),
    "section.conclusion": ("Avslutning", "Conclusion"),
    "section.tasks": ("Uppgifter", "Tasks"),
    "section.follow_up": (
        "Uppföljning av genomförda aktiviteter och dess resultat",
        "Follow-up of completed activities and their results",
    ),
    "section.analysis": ("Analys", "Analysis"),
    "section.future_needs": (
        "Framtida kompetensbehov och strategisk inriktning",
        "Future competence needs and strategic direction",
    ),
    "section.risks": ("Riskanalys", "Risk analysis"),
    "section.free": ("Eget avsnitt", "Own section"),
    "section.field_title": ("Rubrik", "Heading"),
    "section.field_body": ("Text", "Text"),
    "section.field_kind": ("Slag av avsnitt", "Kind of section"),
    "section.exists": ("Avsnittet {name} finns redan", "The section {name} already exists"),
}
