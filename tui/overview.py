"""The coordinator's overview, said the same way on the start screen and by ``hrplan status``."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from i18n import t, tn
from i18n.formatting import date_text, number, percent

if TYPE_CHECKING:
    from db.queries.plan_list import PlanSummary


def attention_text(plans: list[PlanSummary], today: date) -> str:
    """One line naming what needs attention in the active plans ("3 aktiviteter har passerat
    måldatum i 2 planer · 1 plan ska följas upp nu"), or that nothing does."""
    active = [p for p in plans if p.status == "active"]
    late = [p for p in active if p.overdue]
    states = [d.state for p in active if (d := p.next_round(today)) is not None]
    parts = []
    if late:
        n = sum(p.overdue for p in late)
        parts.append(tn("plans.attention_overdue", n, plans=tn("count.plans", len(late))))
    if states.count("overdue"):
        parts.append(tn("plans.attention_rounds_late", states.count("overdue")))
    if states.count("due"):
        parts.append(tn("plans.attention_rounds", states.count("due")))
    return " · ".join(parts) if parts else t("plans.attention_none")


def next_round_text(plan: PlanSummary, today: date) -> str:
    """ "Nästa uppföljning T1 2026, senast 2026-04-30 (försenad)"; "" for a plan not followed up."""
    due = plan.next_round(today)
    if due is None:
        return ""
    text = t("plans.summary_next", name=due.name, date=date_text(due.due))
    if due.state == "overdue":
        text += f" ({t('plans.next_overdue')})"
    elif due.state == "due":
        text += f" ({t('plans.next_due')})"
    return text


def round_summary(plan: PlanSummary) -> str:
    if plan.open_round is None:
        return t("plans.summary_no_round")
    return t("plans.summary_round", name=plan.open_round, reviewed=number(plan.open_round_reviewed),
             total=tn("count.activities", plan.open_round_entries))  # fmt: skip


def status_record(plan: PlanSummary, today: date) -> dict[str, Any]:
    """One plan of ``hrplan status --json``."""
    due = plan.next_round(today)
    return {
        "id": plan.id,
        "title": plan.title,
        "organisation": plan.organisation,
        "status": plan.status,
        "activities": plan.activity_count,
        "done": plan.done,
        "cancelled": plan.cancelled,
        "share_done": round(plan.share_done, 4),
        "overdue": plan.overdue,
        "open_round": None if plan.open_round is None else {
            "name": plan.open_round, "entries": plan.open_round_entries,
            "reviewed": plan.open_round_reviewed,
        },
        "next_round": None if due is None else {
            "name": due.name, "due": due.due.isoformat(), "state": due.state,
        },
        "needs_attention": plan.needs_attention(today),
    }  # fmt: skip


def status_cells(plan: PlanSummary, today: date) -> list[str]:
    """One plan of ``hrplan status`` as text cells."""
    due = plan.next_round(today)
    next_cell = ""
    if due is not None:
        marks = {"overdue": f" ({t('plans.next_overdue')})", "due": f" ({t('plans.next_due')})"}
        next_cell = f"{due.name}, {date_text(due.due)}{marks.get(due.state, '')}"
    round_cell = "–"
    if plan.open_round is not None:
        round_cell = plan.open_round
        if plan.open_round_entries:
            round_cell += f" {percent(plan.share_reviewed)}"
    countable = plan.activity_count - plan.cancelled
    return [
        str(plan.id), plan.title, t(f"plan_status.{plan.status}"),
        percent(plan.share_done) if countable else "–", number(plan.overdue), round_cell, next_cell or "–",
    ]  # fmt: skip
