"""The demo's tool library: about thirty resources of the network and its members, with two
years and a half of daily downloads that feed the national plan's download indicators.

The guide on evaluating social-development approaches is produced by the national plan's
action 12 ("Nombre de téléchargements du guide" counts it per fiscal year); every resource of
the network names the library action's indicator "Augmentation des téléchargements de 10 %/
année", whose rule compares a year's downloads with the same span of the year before.
"""

from __future__ import annotations

import datetime as dt
import random

from django.utils import timezone

from jalon.accounts.enums import Role
from jalon.accounts.models import Membership
from jalon.network.models import Organization, Theme
from jalon.plans.models import Indicator, Plan
from jalon.resources.enums import Language, ResourceKind, Visibility
from jalon.resources.models import Resource
from jalon.resources.services import record_downloads, share_resource
from jalon.tracking.enums import RuleKind, RuleScope
from jalon.tracking.services import set_indicator_rule

from .constants import NETWORK_SLUG

GUIDE = "Guide d'évaluation des démarches de développement social"

# (title, kind, theme or "", visibility)
LIBRARY: list[tuple[str, str, str, str]] = [
    (GUIDE, ResourceKind.GUIDE, "Participation citoyenne", Visibility.PUBLIC),
    (
        "Portrait de l'insécurité alimentaire en région",
        ResourceKind.RESEARCH,
        "Sécurité alimentaire",
        Visibility.PUBLIC,
    ),
    (
        "Mettre sur pied un marché solidaire",
        ResourceKind.GUIDE,
        "Sécurité alimentaire",
        Visibility.MEMBERS,
    ),
    (
        "Cuisines collectives : témoignages",
        ResourceKind.VIDEO,
        "Sécurité alimentaire",
        Visibility.PUBLIC,
    ),
    (
        "Gabarit de plan d'action en sécurité alimentaire",
        ResourceKind.TEMPLATE,
        "Sécurité alimentaire",
        Visibility.MEMBERS,
    ),
    (
        "Logement abordable : les leviers municipaux",
        ResourceKind.GUIDE,
        "Logement",
        Visibility.PUBLIC,
    ),
    (
        "Les besoins en logement social en région",
        ResourceKind.RESEARCH,
        "Logement",
        Visibility.MEMBERS,
    ),
    ("Balado : habiter sa région", ResourceKind.PODCAST, "Logement", Visibility.PUBLIC),
    ("Gabarit de portrait du logement", ResourceKind.TEMPLATE, "Logement", Visibility.ORGANIZATION),
    (
        "Animer une assemblée citoyenne",
        ResourceKind.GUIDE,
        "Participation citoyenne",
        Visibility.PUBLIC,
    ),
    (
        "Budget participatif : étapes et exemples",
        ResourceKind.LINK,
        "Participation citoyenne",
        Visibility.PUBLIC,
    ),
    (
        "Balado : la parole aux citoyens",
        ResourceKind.PODCAST,
        "Participation citoyenne",
        Visibility.PUBLIC,
    ),
    (
        "Fiche d'évaluation d'une consultation",
        ResourceKind.TEMPLATE,
        "Participation citoyenne",
        Visibility.MEMBERS,
    ),
    (
        "Retenir la main-d'œuvre communautaire",
        ResourceKind.RESEARCH,
        "Ressources humaines",
        Visibility.MEMBERS,
    ),
    (
        "Gabarit de politique de conditions de travail",
        ResourceKind.TEMPLATE,
        "Ressources humaines",
        Visibility.MEMBERS,
    ),
    (
        "Accueillir une nouvelle agente de développement",
        ResourceKind.GUIDE,
        "Ressources humaines",
        Visibility.MEMBERS,
    ),
    (
        "Webinaire : la relève dans nos organisations",
        ResourceKind.VIDEO,
        "Ressources humaines",
        Visibility.MEMBERS,
    ),
    (
        "Transition socioécologique : repères pour agir",
        ResourceKind.GUIDE,
        "Transition socioécologique",
        Visibility.PUBLIC,
    ),
    (
        "Inventaire des initiatives de transition",
        ResourceKind.RESEARCH,
        "Transition socioécologique",
        Visibility.PUBLIC,
    ),
    (
        "Balado : des territoires en transition",
        ResourceKind.PODCAST,
        "Transition socioécologique",
        Visibility.PUBLIC,
    ),
    (
        "Grille d'analyse climat des projets",
        ResourceKind.TEMPLATE,
        "Transition socioécologique",
        Visibility.MEMBERS,
    ),
    (
        "Transport collectif en milieu rural",
        ResourceKind.RESEARCH,
        "Mobilité et transport",
        Visibility.PUBLIC,
    ),
    (
        "Covoiturage solidaire : mode d'emploi",
        ResourceKind.GUIDE,
        "Mobilité et transport",
        Visibility.PUBLIC,
    ),
    (
        "Carte des services de transport adapté",
        ResourceKind.LINK,
        "Mobilité et transport",
        Visibility.PUBLIC,
    ),
    (
        "Vidéo : se déplacer sans auto en région",
        ResourceKind.VIDEO,
        "Mobilité et transport",
        Visibility.PUBLIC,
    ),
    ("Gabarit de rapport annuel d'une démarche", ResourceKind.TEMPLATE, "", Visibility.MEMBERS),
    ("Mesurer l'impact : trousse de départ", ResourceKind.GUIDE, "", Visibility.MEMBERS),
    (
        "Tableau de bord des indicateurs régionaux",
        ResourceKind.TEMPLATE,
        "",
        Visibility.ORGANIZATION,
    ),
    ("Portraits vidéo de démarches régionales", ResourceKind.VIDEO, "", Visibility.PUBLIC),
    (
        "Developing social development networks (summary)",
        ResourceKind.RESEARCH,
        "",
        Visibility.PUBLIC,
    ),
]

# Downloads from about two and a half years before the demo is built: the previous fiscal year
# is then whole, so the growth indicator compares two years that both have data.
DAYS = 900


def wipe() -> None:
    Resource.objects.filter(organization__slug=NETWORK_SLUG).delete()
    Resource.objects.filter(organization__parent__slug=NETWORK_SLUG).delete()


def _indicator(plan: Plan, words: str) -> Indicator | None:
    return Indicator.objects.filter(plan=plan, text__icontains=words).order_by("pk").first()


def build(*, today: dt.date | None = None) -> None:
    day = today or timezone.localdate()
    national = Organization.objects.get(slug=NETWORK_SLUG)
    authors = [national, *national.members.order_by("pk")[:6]]
    themes = {t.name: t for t in Theme.objects.all()}
    plan = Plan.objects.filter(organization=national).order_by("pk").first()
    guide_count = _indicator(plan, "téléchargements du guide") if plan else None
    growth = _indicator(plan, "Augmentation des téléchargements") if plan else None
    rng = random.Random("jalon-demo:resources")
    for n, (title, kind, theme, visibility) in enumerate(LIBRARY):
        author = national if title == GUIDE else authors[n % len(authors)]
        by = (
            Membership.objects.filter(organization=author, role__in=[Role.ADMIN, Role.EDITOR])
            .select_related("user")
            .order_by("pk")
            .first()
        )
        # published before the downloads begin, so every day counted is a day it was online
        published = day - dt.timedelta(days=DAYS + rng.randint(1, 900))
        resource = share_resource(
            by=by.user if by else None,
            title=title,
            kind=kind,
            organization=author,
            published_on=published,
            description=f"{title}. Partagé par {author.short_name} avec les membres du réseau.",
            themes=[themes[theme]] if theme in themes else [],
            region=author.region,
            language=Language.ENGLISH if title.startswith("Developing") else Language.FRENCH,
            link=f"https://exemple.org/outils/{n + 1}",
            visibility=visibility,
            produced_by=guide_count.action if title == GUIDE and guide_count else None,
            indicators=[growth] if growth is not None and author == national else [],
        )
        rate = 0.15 + rng.random() * (1.2 if title == GUIDE else 0.5)
        counts: dict[dt.date, int] = {}
        for back in range(DAYS):
            date = day - dt.timedelta(days=back)
            # about 10 % more downloads each year: older days are a little quieter
            chance = rate * (1 - 0.1 * back / 365)
            if rng.random() < chance:
                counts[date] = 2 if rng.random() < chance / 3 else 1
        record_downloads(resource=resource, counts=counts)
    if guide_count is not None:
        set_indicator_rule(indicator=guide_count, user=None, kind=RuleKind.DOWNLOADS)
    if growth is not None:
        set_indicator_rule(
            indicator=growth,
            user=None,
            kind=RuleKind.CHANGE,
            base_kind=RuleKind.DOWNLOADS,
            scope=RuleScope.INDICATOR,
        )
