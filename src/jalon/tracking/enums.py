"""Vocabularies of the follow-up: kinds of activity, contact channels, rules, assessments."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class ActivityKind(models.TextChoices):
    MEETING = "meeting", _("Rencontre")
    WEBINAR = "webinar", _("Webinaire")
    TRAINING = "training", _("Formation")
    EVENT = "event", _("Événement")
    NEWSLETTER = "newsletter", _("Infolettre")
    PODCAST_VIDEO = "podcast_video", _("Balado ou vidéo")
    PUBLICATION = "publication", _("Publication")
    REPRESENTATION = "representation", _("Représentation")
    OTHER = "other", pgettext_lazy("activity kind", "Autre")


class ContactChannel(models.TextChoices):
    PHONE = "phone", _("Téléphone")
    EMAIL = "email", _("Courriel")
    VIDEO = "video", _("Visioconférence")
    IN_PERSON = "in_person", _("En personne")
    VISIT = "visit", _("Visite dans la région")
    OTHER = "other", pgettext_lazy("contact channel", "Autre")


class RuleKind(models.TextChoices):
    """How a computed indicator value is drawn from the logs."""

    ACTIVITY_COUNT = "activity_count", _("Nombre d'activités liées")
    PARTICIPANTS = "participants", _("Somme des participants aux activités liées")
    CONTACT_COUNT = "contact_count", _("Nombre de contacts avec les membres")
    ORGANIZATIONS_CONTACTED = (
        "organizations_contacted",
        _("Nombre d'organisations distinctes contactées"),
    )
    LATEST_SATISFACTION = "latest_satisfaction", _("Dernier taux de satisfaction mesuré")
    DOWNLOADS = "downloads", _("Nombre de téléchargements")
    CHANGE = "change", _("Variation par rapport à l'année précédente (%)")
    # Read from a survey (the surveys app provides them, see tracking.sources).
    SURVEY_SATISFACTION = (
        "survey_satisfaction",
        _("Taux de satisfaction d'une question de sondage"),
    )
    SURVEY_MEAN = "survey_mean", _("Score moyen d'une question de sondage")
    SURVEY_RESPONSE_RATE = "survey_response_rate", _("Taux de réponse d'un sondage")
    SURVEY_SHARE = "survey_share", _("Part des répondants ayant choisi une réponse")


# Rules whose value comes from a survey question (`IndicatorRule.source_question`), chosen from
# the survey's results page rather than from the indicator's rule form.
SOURCE_RULE_KINDS = frozenset(
    {
        RuleKind.SURVEY_SATISFACTION,
        RuleKind.SURVEY_MEAN,
        RuleKind.SURVEY_RESPONSE_RATE,
        RuleKind.SURVEY_SHARE,
    }
)

# The measures a CHANGE rule may compare from one year to the next.
BASE_RULE_KINDS = [k for k in RuleKind if k != RuleKind.CHANGE and k not in SOURCE_RULE_KINDS]


class RuleScope(models.TextChoices):
    """Which activities a rule looks at."""

    INDICATOR = "indicator", _("Activités liées à cet indicateur")
    ACTION = "action", _("Activités liées à cet indicateur ou à son action")
    PLAN = "plan", _("Toutes les activités du plan")


class AssessmentStatus(models.TextChoices):
    """Where an indicator stands in a plan year (rules in docs/tracking.md, "Assessment").

    On track, at risk and off track are provisional, for the year under way; a closed or
    locked year gets a final verdict, achieved or not achieved. "Followed" is a value with no
    figure to reach (no verdict); "not tracked" a year before follow-up started in Jalon.
    """

    ACHIEVED = "achieved", _("Atteint")
    ON_TRACK = "on_track", _("En bonne voie")
    AT_RISK = "at_risk", _("À risque")
    OFF_TRACK = "off_track", _("Hors cible")
    NOT_ACHIEVED = "not_achieved", _("Non atteint")
    FOLLOWED = "followed", _("Suivi, sans verdict")
    NOT_TRACKED = "not_tracked", _("Pas de suivi")
    NO_DATA = "no_data", _("Aucune donnée")


# Statuses that judge the indicator against a target (the others only say what is known).
VERDICTS = frozenset(
    {
        AssessmentStatus.ACHIEVED,
        AssessmentStatus.ON_TRACK,
        AssessmentStatus.AT_RISK,
        AssessmentStatus.OFF_TRACK,
        AssessmentStatus.NOT_ACHIEVED,
    }
)


# A person's own judgement on a qualitative indicator (no data is not a judgement).
JUDGEMENTS = [
    AssessmentStatus.ACHIEVED,
    AssessmentStatus.ON_TRACK,
    AssessmentStatus.AT_RISK,
    AssessmentStatus.OFF_TRACK,
]


class NotificationKind(models.TextChoices):
    STATUS_CHANGED = "status_changed", _("Changement d'état d'une action suivie")
