"""The plan's details from the document's paragraphs, with a fallback for what it does not say."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from importers.details import (
    find_cadence,
    find_decision,
    find_diary_number,
    find_organisation,
    find_title,
    plan_kind,
    year_range,
)
from importers.errors import ImportFileError
from importers.model import ImportedActivity, ImportWarning, PlanDetails, SourceRef
from importers.stream import Paragraph
from models.limits import NAME_MAX, SHORT_MAX
from models.validation import Invalid, clean_text


def _period(
    texts: list[str], title: str | None, file: str, activities: list[ImportedActivity],
    warnings: list[ImportWarning],
) -> tuple[int, int]:  # fmt: skip
    for text in ([title] if title else []) + texts[:60]:
        if found := year_range(text):
            return found
    where = SourceRef(file)
    if found := year_range(Path(file).stem.replace("_", "-")):
        warnings.append(ImportWarning("import.warn.period_from_file_name", where))
        return found
    years = sorted({a.target_date.year for a in activities if a.target_date})
    if years:
        start, end = years[0], max(years[0], min(years[-1], years[0] + 10))
    else:
        start = end = date.today().year
    warnings.append(ImportWarning("import.warn.period_guessed", where, (("period", f"{start}–{end}"),)))
    return start, end


def _one_line(text: str, limit: int) -> str:
    try:
        text = clean_text(text, limit=10 * limit, multiline=False)
    except Invalid:
        return ""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def plan_details(
    paragraphs: list[Paragraph], file: str, activities: list[ImportedActivity],
    warnings: list[ImportWarning], *, title: str | None = None, titled: list[str] | None = None,
) -> PlanDetails:  # fmt: skip
    texts = [p.text for p in paragraphs]
    found_title = find_title(texts, titled or [])
    start, end = _period(texts, found_title, file, activities, warnings)
    if title is not None:
        try:
            chosen = clean_text(title, limit=NAME_MAX, required=True, multiline=False)
        except Invalid as exc:
            from i18n import t

            reason = t(exc.key, **exc.params)
            raise ImportFileError("import.error.bad_title", where=file, reason=reason) from None
    elif found_title:
        chosen = _one_line(found_title, NAME_MAX)
        if not re.search(r"\d{4}", chosen):
            chosen = f"{chosen} {start}–{end}"
    else:
        chosen = Path(file).stem
        warnings.append(ImportWarning("import.warn.title_from_file_name", SourceRef(file)))
    body, day, paragraph = find_decision(texts)
    return PlanDetails(
        title=chosen,
        kind=plan_kind(chosen),
        organisation=_one_line(find_organisation(texts), NAME_MAX),
        period_start=start,
        period_end=end,
        decision_body=_one_line(body, NAME_MAX),
        decision_date=day,
        decision_paragraph=_one_line(paragraph, SHORT_MAX),
        diary_number=_one_line(find_diary_number(texts), SHORT_MAX),
        cadence=find_cadence(texts) or "tertial",
    )
