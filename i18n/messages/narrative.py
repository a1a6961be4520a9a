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
    # The narrative editor
    "narrative.title": ("Text – {owner}", "Text – {owner}"),
    "narrative.sections": ("Avsnitt", "Sections"),
    "narrative.not_written": ("ej skrivet", "not written"),
    "narrative.words": ("{count} ord", "{count} words"),
    "narrative.changed": ("ändrat – Ctrl+S sparar", "changed – Ctrl+S saves"),
    "narrative.saved_state": ("sparat", "saved"),
    "narrative.draft_kept": (
        "Texten du skrev i {name} finns kvar där: gå tillbaka och spara den igen.",
        "The text you wrote in {name} is still there: go back and save it again.",
    ),
    "narrative.new_section": ("Nytt avsnitt", "New section"),
    "narrative.key_new": ("Nytt avsnitt", "New section"),
    "narrative.confirm_delete": ("Ta bort avsnittet {name}?", "Delete the section {name}?"),
    "narrative.confirm_delete_body": (
        "Texten ({count} ord) går att få tillbaka med Ctrl+Z.",
        "The text ({count} words) can be brought back with Ctrl+Z.",
    ),
    "narrative.confirm_discard": ("Lämna utan att spara ändringarna?", "Leave without saving the changes?"),
    "narrative.discard": ("Lämna", "Leave"),
    "narrative.panel": ("Text (t)", "Text (t)"),
    "narrative.panel_empty": ("Ingen text ännu – t skriver", "No text yet – t writes"),
    "narrative.search_hits": ("Text som passar: {count}", "Text that matches: {count}"),
    "plan.key_narrative": ("Text", "Text"),
}
