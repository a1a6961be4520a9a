"""Every table model, imported together so that SQLModel.metadata is complete."""

from models.activity import Activity
from models.area import Area
from models.changelog import ChangeBatch, ChangeLog
from models.followup import FollowUpEntry, FollowUpRound
from models.keyfigure import KeyFigure
from models.plan import Plan
from models.section import Section
from models.unit import Unit
from models.user import User, UserUnit

__all__ = [
    "Activity",
    "Area",
    "ChangeBatch",
    "ChangeLog",
    "FollowUpEntry",
    "FollowUpRound",
    "KeyFigure",
    "Plan",
    "Section",
    "Unit",
    "User",
    "UserUnit",
]
