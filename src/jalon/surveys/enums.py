"""The kinds of question, the states of a survey and the labelled points of the satisfaction scale."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class QuestionKind(models.TextChoices):
    SATISFACTION = "satisfaction", _("Satisfaction (1 à 5)")
    SINGLE = "single", _("Choix unique")
    MULTIPLE = "multiple", _("Choix multiple")
    YES_NO = "yes_no", _("Oui ou non")
    NUMBER = "number", _("Nombre")
    SHORT_TEXT = "short_text", _("Texte court")
    LONG_TEXT = "long_text", _("Texte long")


TEXT_KINDS = frozenset({QuestionKind.SHORT_TEXT, QuestionKind.LONG_TEXT})
CHOICE_KINDS = frozenset({QuestionKind.SINGLE, QuestionKind.MULTIPLE})


class SurveyState(models.TextChoices):
    DRAFT = "draft", _("En préparation")
    OPEN = "open", _("Ouvert")
    CLOSED = "closed", _("Fermé")


# The five labelled points of every satisfaction question, 1 to 5 (4 and 5 count as satisfied).
SATISFACTION_POINTS = [
    ("1", _("Très insatisfait")),
    ("2", _("Insatisfait")),
    ("3", _("Ni satisfait ni insatisfait")),
    ("4", _("Satisfait")),
    ("5", _("Très satisfait")),
]

YES_NO_POINTS = [("yes", _("Oui")), ("no", _("Non"))]

# Breakdowns of the results: the attributes copied into each response at submission.
BREAKDOWNS = {
    "region": _("Région"),
    "member_kind": _("Type de membre"),
    "member_status": _("Statut de membre"),
}

MIN_K = 3  # never show a group of fewer answers, whatever the survey says
DEFAULT_K = 5
