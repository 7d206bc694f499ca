"""Demo step 2: the plans of the demo network, written for Jalon (fictional, in Quebec French).

- the national network's five-year plan 2022-2027, adopted at its AGA: four orientations,
  principal (P) and secondary (S) objectives, forty actions numbered through the plan, with
  actors, plan years, timing, expected results and MO/R indicators of every target form;
- a regional member's three-year plan numbered 1.1.1, with expected results per plan year;
- another regional member's yearly plan: one orientation, actions numbered 1, 2, 3… and their
  state of progress at the last update.

Every plan is built as a `PlanDraft` and saved through `plans.services`, like an import.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.utils.text import slugify

from jalon.accounts.enums import Role
from jalon.network.enums import OrganizationKind
from jalon.network.models import Organization, Theme
from jalon.plans.interchange import (
    ActionDraft,
    IndicatorDraft,
    ObjectiveDraft,
    OrientationDraft,
    PlanDraft,
)
from jalon.plans.models import Plan
from jalon.plans.services import (
    adopt_plan,
    create_plan_from_draft,
    set_action_place,
    set_plan_contributions,
    set_plan_sharing,
)
from jalon.plans.vocabulary import ActionStatus, IndicatorKind, ObjectiveKind, PlanSharing

from . import surveys
from .constants import NETWORK_SLUG

THEMES = [
    "Sécurité alimentaire",
    "Logement",
    "Participation citoyenne",
    "Ressources humaines",
    "Transition socioécologique",
    "Mobilité et transport",
]

COORD = "Coordination"
DIR = "Direction"
LIAISON = "Agent de liaison"
COMM = "Responsable communications et vie associative"
CA = "Conseil d'administration"


def _indicators(lines: list[str]) -> list[IndicatorDraft]:
    """ "MO: text" / "R: text" / "text" → indicators."""
    out = []
    for line in lines:
        kind, _, text = line.partition(": ")
        if kind in tuple(IndicatorKind) and text:
            out.append(IndicatorDraft(kind=kind, text=text))
        else:
            out.append(IndicatorDraft(text=line))
    return out


def _action(
    code: str | None,
    title: str,
    actors: list[str],
    years: list[int] | None,
    timing: str | None,
    results: list[str],
    indicators: list[str],
    *,
    themes: list[str] | None = None,
    status: str | None = None,
    note: str | None = None,
) -> ActionDraft:
    return ActionDraft(
        code=code,
        title=title,
        actors=actors,
        schedule_years=years,
        timing=timing,
        expected_results=results,
        indicators=_indicators(indicators),
        status=status,
        progress_note=note,
        extra={"themes": themes} if themes else {},
    )


ALL = [1, 2, 3, 4, 5]


def national_draft(organization_name: str) -> PlanDraft:
    """The national network's strategic plan 2022-2027."""
    o1 = OrientationDraft(
        code="1",
        title="Soutenir la vitalité des démarches régionales de développement social et consolider le membership du Réseau",
        objectives=[
            ObjectiveDraft(
                code="P1",
                kind=ObjectiveKind.PRINCIPAL,
                title="Accompagner les instances régionales selon leurs besoins, en portant une attention particulière aux régions sans instance intersectorielle",
                actions=[
                    _action(
                        "1",
                        "Maintenir un contact personnalisé avec les porteurs du développement social de chaque région, y compris les régions orphelines",
                        [COORD, LIAISON],
                        ALL,
                        "En continu",
                        [
                            "Chaque région a un interlocuteur connu au Réseau",
                            "Les régions orphelines reçoivent un soutien adapté à leur situation",
                        ],
                        [
                            "MO: Hausse de 10 % des contacts personnalisés chaque année",
                            "R: Les membres se sentent soutenus par le Réseau",
                        ],
                    ),
                    _action(
                        "2",
                        "Réaliser une tournée des régions pour rencontrer les instances régionales et leurs partenaires",
                        [COORD, LIAISON],
                        [1, 3, 5],
                        "Automne",
                        [
                            "An 1 : Toutes les régions sont visitées au moins une fois",
                            "Ans 3 et 5 : Les constats de la tournée nourrissent le bilan du plan",
                        ],
                        [
                            "MO: 6 régions visitées par année",
                            "R: Taux de satisfaction de 80 % des instances visitées",
                        ],
                    ),
                    _action(
                        "3",
                        "Offrir un accompagnement sur mesure aux démarches en relance ou en restructuration",
                        [LIAISON],
                        ALL,
                        "Sur demande",
                        [
                            "Les démarches accompagnées se dotent d'une structure et d'un plan d'action"
                        ],
                        [
                            "MO: Nombre d'accompagnements offerts",
                            "R: 3 démarches relancées d'ici la fin du plan",
                        ],
                    ),
                    _action(
                        "4",
                        "Tenir à jour l'état de situation des démarches régionales de développement social",
                        [LIAISON],
                        ALL,
                        "Octobre et avril",
                        ["Le Réseau connaît en tout temps la situation de chaque région"],
                        [
                            "MO: État de situation mis à jour deux fois par année",
                            "R: L'état de situation est consulté par les membres et les partenaires",
                        ],
                    ),
                ],
            ),
            ObjectiveDraft(
                code="P2",
                kind=ObjectiveKind.PRINCIPAL,
                title="Consolider et élargir le membership du Réseau",
                actions=[
                    _action(
                        "5",
                        "Recruter de nouveaux membres parmi les instances régionales et territoriales qui ne le sont pas encore",
                        [COORD, DIR],
                        ALL,
                        "En continu",
                        [
                            "Le Réseau rassemble des membres de toutes les régions administratives du Québec"
                        ],
                        [
                            "MO: Nombre de membres recrutés",
                            "R: 15 régions représentées par des membres d'ici 2027",
                        ],
                    ),
                    _action(
                        "6",
                        "Accueillir les nouveaux membres et les jumeler avec un membre d'expérience",
                        [LIAISON, COMM],
                        [2, 3, 4, 5],
                        "Dans le mois suivant l'adhésion",
                        ["Les nouveaux membres connaissent rapidement les services du Réseau"],
                        [
                            "MO: Trousse d'accueil produite et diffusée",
                            "R: Taux de 90 % des nouveaux membres jumelés dans l'année",
                        ],
                    ),
                    _action(
                        "7",
                        "Offrir le statut de membre observateur aux acteurs des régions orphelines",
                        [CA, COORD],
                        [1, 2],
                        "An 1-2",
                        ["Des représentants des régions orphelines participent à la vie du Réseau"],
                        [
                            "MO: Modification des règlements généraux adoptée",
                            "R: Nombre de membres observateurs",
                        ],
                    ),
                ],
            ),
            ObjectiveDraft(
                code="S3",
                kind=ObjectiveKind.SECONDARY,
                title="Favoriser le réseautage entre les membres qui travaillent sur des enjeux semblables",
                actions=[
                    _action(
                        "8",
                        "Assurer un référencement continu entre les membres qui travaillent sur les mêmes enjeux",
                        [LIAISON],
                        ALL,
                        "En continu",
                        ["Les membres trouvent plus facilement des pairs avec qui collaborer"],
                        [
                            "MO: Nombre de référencements effectués",
                            "R: Les membres se connaissent bien",
                        ],
                        themes=["Sécurité alimentaire", "Logement"],
                    ),
                    _action(
                        "9",
                        "Animer des chantiers thématiques réunissant les membres intéressés",
                        [LIAISON, "Membres du Réseau"],
                        [2, 3, 4, 5],
                        "Deux cohortes par année",
                        [
                            "An 2 : Un premier chantier sur la sécurité alimentaire est lancé",
                            "An 3 : Un chantier sur le logement s'ajoute",
                            "Ans 4 et 5 : Les chantiers produisent des pistes d'action communes",
                        ],
                        [
                            "MO: 4 rencontres par chantier par année",
                            "R: Taux de participation de 70 % des membres inscrits",
                        ],
                        themes=["Sécurité alimentaire", "Logement"],
                    ),
                    _action(
                        "10",
                        "Tenir une rencontre nationale des membres sur un enjeu commun",
                        [COORD, COMM, "Comité organisateur"],
                        [2, 4],
                        "Printemps",
                        ["Les membres repartent avec des pistes d'action concrètes"],
                        [
                            "MO: Rencontre nationale tenue",
                            "R: Taux de satisfaction de 85 % des participants",
                        ],
                        themes=["Participation citoyenne"],
                    ),
                ],
            ),
        ],
    )
    o2 = OrientationDraft(
        code="2",
        title="Favoriser le partage des savoirs et l'accès à des outils adaptés aux réalités des membres",
        objectives=[
            ObjectiveDraft(
                code="P4",
                kind=ObjectiveKind.PRINCIPAL,
                title="Rendre accessibles les outils et les connaissances utiles aux démarches de développement social",
                actions=[
                    _action(
                        "11",
                        "Tenir à jour la bibliothèque d'outils du Réseau, classée par thème",
                        [COMM],
                        ALL,
                        "En continu",
                        ["Les membres trouvent en ligne les outils dont ils ont besoin"],
                        [
                            "MO: Bibliothèque mise à jour tous les 3 mois",
                            "R: Augmentation des téléchargements de 10 %/année",
                        ],
                    ),
                    _action(
                        "12",
                        "Produire un guide sur l'évaluation des démarches de développement social",
                        [COORD, "Observatoire des communautés (partenaire)"],
                        [2, 3],
                        "Hiver 2024",
                        [
                            "An 2 : Le contenu du guide est validé avec un comité de membres",
                            "An 3 : Le guide est diffusé et présenté aux membres",
                        ],
                        [
                            "MO: Guide publié",
                            "R: Nombre de téléchargements du guide",
                        ],
                    ),
                    _action(
                        "13",
                        "Offrir des webinaires sur des pratiques inspirantes en développement social",
                        [LIAISON, COMM],
                        ALL,
                        "Septembre à mai",
                        ["Les membres s'approprient des pratiques éprouvées ailleurs"],
                        [
                            "MO: 5 webinaires par année",
                            "R: Taux de 75 % de satisfaction des participants",
                        ],
                        themes=["Participation citoyenne", "Transition socioécologique"],
                    ),
                    _action(
                        "14",
                        "Documenter les projets des membres et les situer sur une carte géolocalisée",
                        [COMM, LIAISON],
                        [1, 2, 3, 4, 5],
                        "En continu",
                        ["Les projets des membres sont visibles et inspirent d'autres régions"],
                        [
                            "MO: Carte des projets mise à jour tous les 6 mois",
                            "R: Nombre de projets documentés",
                        ],
                    ),
                ],
            ),
            ObjectiveDraft(
                code="S5",
                kind=ObjectiveKind.SECONDARY,
                title="Soutenir le développement des compétences des équipes des membres",
                actions=[
                    _action(
                        "15",
                        "Organiser une formation annuelle destinée aux nouvelles coordinations régionales",
                        [LIAISON, "Formatrice contractuelle"],
                        ALL,
                        "Chaque automne",
                        [
                            "Les nouvelles coordinations maîtrisent les bases de l'animation intersectorielle"
                        ],
                        [
                            "MO: 1 formation par année",
                            "R: Taux de satisfaction de 80 % des participants",
                        ],
                        themes=["Ressources humaines"],
                    ),
                    _action(
                        "16",
                        "Mettre sur pied une communauté de pratique des agents de développement",
                        [LIAISON],
                        [2, 3, 4, 5],
                        "Mensuel",
                        ["Les agents de développement s'entraident et partagent leurs outils"],
                        [
                            "MO: Rencontre mensuelle de la communauté de pratique",
                            "R: Les participants réutilisent les outils partagés dans leur région",
                        ],
                        themes=["Ressources humaines"],
                    ),
                    _action(
                        "17",
                        "Diffuser une veille sur la rétention de la main-d'œuvre dans le milieu communautaire",
                        [COMM],
                        [1, 2, 3],
                        "Trimestriel",
                        [
                            "Les membres connaissent les pratiques qui favorisent la rétention du personnel"
                        ],
                        [
                            "MO: Bulletin de veille trimestriel",
                            "R: Taux d'ouverture du bulletin",
                        ],
                        themes=["Ressources humaines"],
                    ),
                ],
            ),
        ],
    )
    o3 = OrientationDraft(
        code="3",
        title="Faire reconnaître l'apport du développement social auprès des instances publiques et des partenaires",
        objectives=[
            ObjectiveDraft(
                code="P6",
                kind=ObjectiveKind.PRINCIPAL,
                title="Porter la voix des membres auprès des ministères et des réseaux nationaux",
                actions=[
                    _action(
                        "18",
                        "Rencontrer les ministères concernés pour faire valoir le rôle des instances régionales",
                        [DIR, CA],
                        ALL,
                        "Selon le calendrier parlementaire",
                        [
                            "Les ministères reconnaissent les instances régionales comme interlocutrices"
                        ],
                        [
                            "MO: 4 rencontres ministérielles par année",
                            "R: Reconnaissance de l'expertise du Réseau par les ministères",
                        ],
                    ),
                    _action(
                        "19",
                        "Déposer un mémoire lors des consultations sur le prochain plan gouvernemental de lutte contre la pauvreté",
                        [DIR, COORD],
                        [2],
                        "Selon l'appel de mémoires",
                        [
                            "Les recommandations des membres sont reprises dans le plan gouvernemental"
                        ],
                        [
                            "MO: Mémoire déposé",
                            "R: Nombre de recommandations retenues",
                        ],
                    ),
                    _action(
                        "20",
                        "Collaborer avec les réseaux nationaux du municipal, de la santé et de l'éducation",
                        [DIR],
                        ALL,
                        "En continu",
                        [
                            "Ans 1 et 2 : Des canaux d'échange sont ouverts avec chaque réseau",
                            "Ans 3 à 5 : Des activités conjointes sont tenues chaque année",
                        ],
                        [
                            "MO: Nombre d'activités conjointes",
                            "R: Les partenaires nationaux invitent le Réseau à leurs travaux",
                        ],
                    ),
                    _action(
                        "21",
                        "Produire une position commune du Réseau sur l'habitation abordable",
                        [CA, DIR, "Membres du Réseau"],
                        [3],
                        "Avant l'AGA 2025",
                        ["Les membres se reconnaissent dans la position adoptée"],
                        [
                            "MO: Position adoptée par l'assemblée générale",
                            "R: Les membres se reconnaissent dans les positions du Réseau",
                        ],
                        themes=["Logement"],
                    ),
                ],
            ),
            ObjectiveDraft(
                code="P7",
                kind=ObjectiveKind.PRINCIPAL,
                title="Faire connaître les retombées des démarches de développement social",
                actions=[
                    _action(
                        "22",
                        "Publier une infolettre destinée aux membres et aux partenaires",
                        [COMM],
                        ALL,
                        "Mensuel, sauf l'été",
                        ["Les membres et les partenaires sont informés des nouvelles du réseau"],
                        [
                            "MO: Publication de 10 infolettres par année",
                            "R: Taux d'ouverture des infolettres de 40 %",
                        ],
                    ),
                    _action(
                        "23",
                        "Animer les médias sociaux du Réseau",
                        [COMM],
                        ALL,
                        "Hebdomadaire",
                        ["La présence du Réseau en ligne est régulière et reconnue"],
                        [
                            "MO: Publication hebdomadaire",
                            "R: Hausse de 15 % des abonnés chaque année",
                        ],
                    ),
                    _action(
                        "24",
                        "Produire et diffuser des portraits vidéo de démarches régionales",
                        [COMM, "Vidéaste contractuel"],
                        [2, 3, 4],
                        "Printemps",
                        ["Les retombées concrètes du développement social sont illustrées"],
                        [
                            "MO: 3 portraits vidéo par année",
                            "R: Nombre de visionnements",
                        ],
                    ),
                    _action(
                        "25",
                        "Refondre le site Web du Réseau",
                        [COMM, "Firme Web"],
                        [1],
                        "Printemps 2023",
                        ["Le site est clair, accessible et à jour"],
                        [
                            "MO: Nouveau site en ligne",
                            "R: Augmentation des visites du site Web de 10 %/année",
                        ],
                    ),
                ],
            ),
            ObjectiveDraft(
                code="S8",
                kind=ObjectiveKind.SECONDARY,
                title="Outiller les membres pour mesurer et démontrer leur impact",
                actions=[
                    _action(
                        "26",
                        "Réaliser chaque année un sondage de satisfaction des membres sur l'atteinte des objectifs du plan",
                        [COORD, COMM],
                        ALL,
                        "Avril",
                        ["Le Réseau ajuste ses actions selon l'appréciation des membres"],
                        [
                            "MO: Sondage annuel réalisé",
                            "R: Taux de satisfaction globale de 80 %",
                        ],
                    ),
                    _action(
                        "27",
                        "Développer avec des membres un cadre commun de mesure des retombées",
                        [COORD, "Observatoire des communautés (partenaire)"],
                        [3, 4],
                        "An 3-4",
                        ["Les membres qui le souhaitent utilisent des indicateurs communs"],
                        [
                            "MO: Rédaction et adoption d'un cadre de référence",
                            "R: Nombre de membres qui utilisent le cadre",
                        ],
                    ),
                    _action(
                        "28",
                        "Présenter un bilan annuel du plan d'action à l'assemblée générale",
                        [DIR, COORD],
                        ALL,
                        "AGA de juin",
                        ["Les membres suivent la réalisation du plan d'année en année"],
                        [
                            "MO: Bilan annuel présenté à l'AGA",
                            "R: Les membres adoptent le bilan et les ajustements proposés",
                        ],
                    ),
                ],
            ),
        ],
    )
    o4 = OrientationDraft(
        code="4",
        title="Assurer une gouvernance rigoureuse et une vie associative dynamique",
        objectives=[
            ObjectiveDraft(
                code="P9",
                kind=ObjectiveKind.PRINCIPAL,
                title="Consolider le financement et l'organisation du Réseau",
                actions=[
                    _action(
                        "29",
                        "Diversifier les sources de financement du Réseau",
                        [DIR, CA],
                        ALL,
                        "En continu",
                        ["Le Réseau dispose d'un financement stable sur trois ans"],
                        [
                            "MO: 2 nouvelles demandes de financement par année",
                            "R: Hausse de 5 % des revenus autonomes chaque année",
                        ],
                    ),
                    _action(
                        "30",
                        "Adopter une politique de conditions de travail et de conciliation travail-famille",
                        [CA, DIR],
                        [1, 2],
                        "Hiver 2023",
                        ["L'équipe bénéficie de conditions de travail claires et équitables"],
                        [
                            "MO: La politique est adoptée et opérationnelle",
                            "R: Rétention de l'équipe de travail",
                        ],
                        themes=["Ressources humaines"],
                    ),
                    _action(
                        "31",
                        "Mettre à jour les règlements généraux",
                        [CA],
                        [1],
                        "AGA 2023",
                        ["Les règlements reflètent le membership actuel du Réseau"],
                        [
                            "MO: Règlements adoptés en assemblée générale extraordinaire",
                        ],
                    ),
                    _action(
                        "32",
                        "Réviser le plan de communication interne de l'équipe",
                        [DIR, COMM],
                        [2],
                        "Automne 2023",
                        ["L'information circule bien au sein de l'équipe"],
                        [
                            "MO: Plan de communication interne révisé",
                            "R: L'équipe se dit bien informée",
                        ],
                    ),
                    _action(
                        "33",
                        "Adopter des pratiques écoresponsables dans l'organisation des activités",
                        [DIR, "Équipe du Réseau"],
                        [2, 3, 4, 5],
                        "En continu",
                        ["L'empreinte écologique des activités du Réseau diminue"],
                        [
                            "MO: Guide d'événements écoresponsables adopté",
                            "R: Part des rencontres tenues en mode hybride",
                        ],
                        themes=["Transition socioécologique"],
                    ),
                ],
            ),
            ObjectiveDraft(
                code="P10",
                kind=ObjectiveKind.PRINCIPAL,
                title="Favoriser l'engagement des membres dans la vie démocratique du Réseau",
                actions=[
                    _action(
                        "34",
                        "Tenir une assemblée générale annuelle mobilisante, en alternance dans différentes régions",
                        [CA, COMM, DIR],
                        ALL,
                        "Juin",
                        ["Les membres participent en grand nombre à l'AGA"],
                        [
                            "MO: AGA tenue chaque année",
                            "R: Taux de participation de 75 % des membres à l'AGA",
                        ],
                    ),
                    _action(
                        "35",
                        "Tenir les rencontres du conseil d'administration et du comité de coordination",
                        [CA, DIR],
                        ALL,
                        "Selon le calendrier annuel",
                        ["Les décisions sont prises dans les délais et en toute transparence"],
                        [
                            "MO: 8 rencontres annuelles du conseil d'administration",
                            "MO: Rencontre du comité de coordination tous les 2 mois",
                        ],
                    ),
                    _action(
                        "36",
                        "Assurer la relève au conseil d'administration",
                        [CA, COMM],
                        [2, 4],
                        "Avant chaque AGA",
                        [
                            "Le conseil d'administration compte des administrateurs de toutes les grandes régions"
                        ],
                        [
                            "MO: Appel de candidatures diffusé",
                            "R: Nombre de candidatures reçues",
                        ],
                    ),
                ],
            ),
            ObjectiveDraft(
                code="S11",
                kind=ObjectiveKind.SECONDARY,
                title="Préparer le prochain cycle de planification",
                actions=[
                    _action(
                        "37",
                        "Faire une évaluation de mi-parcours du plan avec les membres",
                        [COORD, CA],
                        [3],
                        "Hiver 2025",
                        ["Le plan est réajusté selon les constats de mi-parcours"],
                        [
                            "MO: Évaluation de mi-parcours réalisée",
                            "R: Les réajustements sont adoptés par l'AGA",
                        ],
                    ),
                    _action(
                        "38",
                        "Réaliser le bilan global du plan 2022-2027",
                        [COORD, DIR, "Évaluatrice externe"],
                        [5],
                        "Hiver 2027",
                        ["Les retombées du plan sont connues et documentées"],
                        [
                            "MO: Bilan global déposé au conseil d'administration",
                            "R: Les membres jugent le bilan fidèle à leur expérience",
                        ],
                    ),
                    _action(
                        "39",
                        "Consulter les membres sur les priorités du prochain plan stratégique",
                        [CA, COORD, COMM],
                        [5],
                        "Printemps 2027",
                        ["Le prochain plan repose sur les priorités exprimées par les membres"],
                        [
                            "MO: 3 consultations régionales tenues",
                            "R: Taux de 60 % des membres consultés",
                        ],
                    ),
                    _action(
                        "40",
                        "Adopter le plan stratégique 2027-2032",
                        [CA],
                        [5],
                        "AGA 2027",
                        ["Le Réseau entame son prochain cycle avec un plan adopté par ses membres"],
                        [
                            "MO: Plan stratégique adopté en AGA",
                        ],
                    ),
                ],
            ),
        ],
    )
    return PlanDraft(
        organization=organization_name,
        title="Plan stratégique 2022-2027",
        period_start=dt.date(2022, 7, 1),
        period_end=dt.date(2027, 6, 30),
        fiscal_year_start_month=7,
        mission=(
            "Rassembler les instances régionales de développement social du Québec, soutenir "
            "leurs démarches et porter leur voix afin de bâtir des communautés inclusives, "
            "solidaires et en santé."
        ),
        vision=(
            "En 2027, chaque région du Québec compte une démarche de développement social "
            "vivante, reconnue par ses partenaires et appuyée par un réseau national fort."
        ),
        values=["Solidarité", "Respect de l'autonomie des régions", "Équité", "Transparence"],
        mandates=[
            "Soutenir et outiller les démarches régionales de développement social",
            "Favoriser le partage d'expertise entre les membres",
            "Représenter les membres auprès des instances nationales",
        ],
        global_objective=(
            "Renforcer les démarches régionales de développement social et la reconnaissance "
            "de leur apport au mieux-être des communautés québécoises"
        ),
        notes=[
            "An 1 = 2022/07/01 au 2023/06/30 ; les années suivantes vont aussi de juillet à juin.",
            "OBJECTIFS : principaux (P), secondaires (S). INDICATEURS : mise en œuvre (MO), résultat (R).",
            "Le sondage annuel de satisfaction des membres est l'outil de mesure général du plan.",
        ],
        glossary={
            "AGA": "Assemblée générale annuelle",
            "CA": "Conseil d'administration",
            "DS": "Développement social",
            "MRC": "Municipalité régionale de comté",
        },
        orientations=[o1, o2, o3, o4],
    )


def hierarchical_draft(organization_name: str) -> PlanDraft:
    """A regional member's three-year plan, numbered 1.1.1, with expected results per plan year."""

    def act(
        code: str,
        title: str,
        actors: list[str],
        years: list[int],
        results: list[str],
        indicators: list[str],
        themes: list[str] | None = None,
    ) -> ActionDraft:
        timing = (
            "an " + "-".join(str(y) for y in (years[0], years[-1]))
            if len(years) > 1
            else f"an {years[0]}"
        )
        return _action(code, title, actors, years, timing, results, indicators, themes=themes)

    return PlanDraft(
        organization=organization_name,
        title="Plan d'action régional en développement social 2023-2026",
        period_start=dt.date(2023, 7, 1),
        period_end=dt.date(2026, 6, 30),
        fiscal_year_start_month=7,
        mission=(
            "Réunir les acteurs de la région autour d'une vision commune du développement "
            "social et soutenir les concertations locales de chaque MRC."
        ),
        orientations=[
            OrientationDraft(
                code="1",
                title="Mobiliser les acteurs régionaux autour d'une vision partagée du développement social",
                objectives=[
                    ObjectiveDraft(
                        code="1.1",
                        title="Maintenir une concertation régionale active et représentative",
                        actions=[
                            act(
                                "1.1.1",
                                "Planifier et animer les rencontres du comité régional de concertation",
                                [COORD],
                                [1, 2, 3],
                                [
                                    "An 1 : Le comité se réunit au moins 4 fois",
                                    "An 2 : Tous les secteurs y sont représentés",
                                    "An 3 : Le comité évalue son fonctionnement",
                                ],
                                [
                                    "MO: Un minimum de 4 rencontres par année",
                                    "R: Taux de présence de 75 % des membres du comité",
                                ],
                            ),
                            act(
                                "1.1.2",
                                "Accueillir au comité les représentants des secteurs municipal, scolaire et de la santé",
                                [COORD, "Préfets des MRC"],
                                [1, 2],
                                [
                                    "An 1 : Le milieu municipal désigne ses représentants",
                                    "An 2 : Les secteurs scolaire et de la santé s'ajoutent",
                                ],
                                [
                                    "MO: Nombre de nouveaux secteurs représentés",
                                    "R: Les partenaires se sentent engagés dans la démarche",
                                ],
                            ),
                        ],
                    ),
                    ObjectiveDraft(
                        code="1.2",
                        title="Se doter d'une lecture commune des enjeux de la région",
                        actions=[
                            act(
                                "1.2.1",
                                "Produire un portrait régional des enjeux sociaux avec les données les plus récentes",
                                [LIAISON, "CISSS (direction de santé publique)"],
                                [1],
                                ["An 1 : Le portrait est produit et présenté aux partenaires"],
                                [
                                    "MO: Portrait régional publié",
                                    "R: Le portrait est cité dans les demandes de financement des partenaires",
                                ],
                            ),
                            act(
                                "1.2.2",
                                "Tenir un forum régional sur les priorités en développement social",
                                [COORD, COMM],
                                [2],
                                ["An 2 : Les priorités régionales sont convenues lors du forum"],
                                [
                                    "MO: Forum tenu",
                                    "R: Taux de satisfaction de 80 % des participants",
                                ],
                            ),
                        ],
                    ),
                ],
            ),
            OrientationDraft(
                code="2",
                title="Soutenir les concertations territoriales et locales",
                objectives=[
                    ObjectiveDraft(
                        code="2.1",
                        title="Accompagner les comités locaux de développement social de chaque MRC",
                        actions=[
                            act(
                                "2.1.1",
                                "Visiter chaque comité local pour connaître ses besoins",
                                [LIAISON],
                                [1, 2, 3],
                                [
                                    "An 1 : Tous les comités locaux sont visités",
                                    "An 2 : Un plan de soutien est convenu avec chacun",
                                    "An 3 : Les comités évaluent le soutien reçu",
                                ],
                                [
                                    "MO: 2 visites par comité par année",
                                    "R: Les comités locaux se disent bien soutenus",
                                ],
                            ),
                            act(
                                "2.1.2",
                                "Offrir un fonds d'initiatives locales en sécurité alimentaire",
                                [COORD, "Centraide (partenaire financier)"],
                                [2, 3],
                                [
                                    "An 2 : Un premier appel de projets est lancé",
                                    "An 3 : Les projets soutenus font l'objet d'un bilan",
                                ],
                                [
                                    "MO: Nombre de projets soutenus",
                                    "R: Augmentation de 20 % des ressources alimentaires en milieu rural",
                                ],
                                themes=["Sécurité alimentaire"],
                            ),
                            act(
                                "2.1.3",
                                "Organiser des échanges entre comités locaux sur le transport collectif",
                                [LIAISON],
                                [2, 3],
                                [
                                    "An 2 : Une première rencontre d'échange est tenue",
                                    "An 3 : Une démarche commune est proposée aux MRC",
                                ],
                                [
                                    "MO: 2 rencontres d'échange par année",
                                    "R: Une démarche commune est adoptée par les MRC participantes",
                                ],
                                themes=["Mobilité et transport"],
                            ),
                        ],
                    ),
                    ObjectiveDraft(
                        code="2.2",
                        title="Renforcer la participation citoyenne dans les démarches locales",
                        actions=[
                            act(
                                "2.2.1",
                                "Former les comités locaux à l'animation de la participation citoyenne",
                                [LIAISON, "Formatrice contractuelle"],
                                [1, 2],
                                [
                                    "An 1 : Une formation est offerte dans chaque MRC",
                                    "An 2 : Une trousse d'animation est diffusée",
                                ],
                                [
                                    "MO: Nombre de personnes formées",
                                    "R: Les citoyens participent davantage aux rencontres locales",
                                ],
                                themes=["Participation citoyenne"],
                            ),
                        ],
                    ),
                ],
            ),
            OrientationDraft(
                code="3",
                title="Faire rayonner le développement social dans la région",
                objectives=[
                    ObjectiveDraft(
                        code="3.1",
                        title="Faire connaître les réalisations des concertations",
                        actions=[
                            act(
                                "3.1.1",
                                "Diffuser une infolettre régionale",
                                [COMM],
                                [1, 2, 3],
                                [
                                    "An 1 : L'infolettre est lancée",
                                    "Ans 2 et 3 : Le nombre d'abonnés augmente",
                                ],
                                [
                                    "MO: Infolettre trimestrielle",
                                    "R: Hausse de 10 % des abonnés chaque année",
                                ],
                            ),
                            act(
                                "3.1.2",
                                "Présenter le bilan de la démarche aux élus de la région",
                                [COORD, "Table des préfets"],
                                [3],
                                ["An 3 : Les élus connaissent les retombées de la démarche"],
                                [
                                    "MO: Présentation faite à la Table des préfets",
                                    "R: Reconnaissance de la démarche par les élus municipaux",
                                ],
                            ),
                        ],
                    ),
                ],
            ),
        ],
    )


def yearly_draft(organization_name: str) -> PlanDraft:
    """Another regional member's yearly plan: one orientation, actions 1, 2, 3…, with their progress."""
    actions = [
        (
            "1",
            "Tenir les rencontres de la table régionale",
            [COORD],
            "Septembre, décembre, mars, juin",
            ["4 rencontres tenues"],
            ["MO: 4 rencontres annuelles"],
            ActionStatus.IN_PROGRESS,
            "2 rencontres tenues sur 4",
        ),
        (
            "2",
            "Mettre à jour le répertoire des ressources en sécurité alimentaire de la région",
            [LIAISON],
            "Automne 2024",
            ["Le répertoire est à jour et diffusé"],
            ["MO: Répertoire mis à jour"],
            ActionStatus.COMPLETED,
            "Diffusé le 15 novembre aux partenaires",
        ),
        (
            "3",
            "Organiser une journée régionale sur le logement abordable",
            [COORD, COMM, "Office d'habitation régional"],
            "Février 2025",
            ["Les partenaires s'entendent sur 3 pistes d'action"],
            ["MO: Journée tenue", "R: Taux de satisfaction de 80 % des participants"],
            ActionStatus.IN_PREPARATION,
            "Salle réservée ; programme en préparation avec le comité",
        ),
        (
            "4",
            "Accompagner la relance du comité local de la MRC voisine",
            [LIAISON],
            "En continu",
            ["Le comité local reprend ses activités"],
            ["R: Le comité local se réunit de nouveau"],
            ActionStatus.IN_PROGRESS,
            "Rencontre de relance tenue en octobre ; 6 organismes présents",
        ),
        (
            "5",
            "Publier un bulletin aux membres",
            [COMM],
            "Trimestriel",
            ["Les membres sont informés des activités de la table"],
            ["MO: Bulletin trimestriel", "R: Taux d'ouverture du bulletin de 45 %"],
            ActionStatus.IN_PROGRESS,
            "2 bulletins publiés",
        ),
        (
            "6",
            "Déposer une demande au fonds régional de soutien aux projets structurants",
            [DIR],
            "Janvier 2025",
            ["Le financement de la coordination est assuré pour deux ans"],
            ["MO: Demande déposée", "R: Financement obtenu"],
            ActionStatus.NOT_STARTED,
            None,
        ),
        (
            "7",
            "Faire le bilan de la démarche de participation citoyenne 2022-2024",
            [COORD, "Comité d'évaluation"],
            "Été 2024",
            ["Les apprentissages sont partagés avec les comités locaux"],
            ["MO: Bilan rédigé et diffusé"],
            ActionStatus.COMPLETED,
            "Présenté à l'AGA du 12 juin",
        ),
        (
            "8",
            "Créer un groupe de travail sur le transport collectif en milieu rural",
            [COORD, "MRC"],
            "Printemps 2025",
            ["Un portrait des besoins de transport est produit"],
            ["MO: Groupe de travail formé", "R: Nombre de municipalités participantes"],
            ActionStatus.POSTPONED,
            "Reporté à l'automne 2025, faute de disponibilité des MRC",
        ),
        (
            "9",
            "Recruter une ressource en communication à temps partiel",
            [DIR],
            "Été 2024",
            ["La table dispose d'une ressource en communication"],
            ["MO: Embauche réalisée"],
            ActionStatus.ABANDONED,
            "Abandonné : financement non reconduit",
        ),
    ]
    return PlanDraft(
        organization=organization_name,
        title="Plan d'action 2024-2025",
        period_start=dt.date(2024, 7, 1),
        period_end=dt.date(2025, 6, 30),
        fiscal_year_start_month=7,
        updated_on=dt.date(2025, 1, 15),
        notes=["Les actions complétées sont indiquées en caractères gras."],
        orientations=[
            OrientationDraft(
                code="1",
                title="Consolider la concertation régionale et soutenir les milieux",
                objectives=[
                    ObjectiveDraft(
                        title="Animer la concertation régionale",
                        actions=[
                            _action(
                                a[0], a[1], a[2], None, a[3], a[4], a[5], status=a[6], note=a[7]
                            )
                            for a in actions[:3]
                        ],
                    ),
                    ObjectiveDraft(
                        title="Soutenir les comités locaux et les membres",
                        actions=[
                            _action(
                                a[0], a[1], a[2], None, a[3], a[4], a[5], status=a[6], note=a[7]
                            )
                            for a in actions[3:6]
                        ],
                    ),
                    ObjectiveDraft(
                        title="Assurer la pérennité de la table",
                        actions=[
                            _action(
                                a[0], a[1], a[2], None, a[3], a[4], a[5], status=a[6], note=a[7]
                            )
                            for a in actions[6:]
                        ],
                    ),
                ],
            )
        ],
    )


def _admin_of(organization: Any) -> Any:
    membership = (
        organization.memberships.filter(role=Role.ADMIN)
        .select_related("user")
        .order_by("pk")
        .first()
    )
    return membership.user if membership else None


def _align(plan: Plan, network_plan: Plan, *, user: Any) -> None:
    """The member's first objectives contribute to the national plan's: a few links, one left unlinked."""
    mine = list(plan.objectives.order_by("orientation__order", "order", "pk"))
    theirs = list(network_plan.objectives.order_by("orientation__order", "order", "pk"))
    if len(mine) < 3 or len(theirs) < 2:
        return
    set_plan_contributions(
        plan=plan,
        links={mine[0].pk: [theirs[0].pk], mine[1].pk: [theirs[0].pk, theirs[1].pk]},
        user=user,
    )


#: Towns of the Mauricie where the regional member's actions take place (approximate centres).
PLACES = [
    ("Trois-Rivières", "46.3432", "-72.5477"),
    ("Shawinigan", "46.5668", "-72.7491"),
    ("Louiseville", "46.2557", "-72.9410"),
    ("La Tuque", "47.4363", "-72.7848"),
    ("Saint-Tite", "46.7322", "-72.5646"),
    ("Saint-Boniface", "46.5000", "-72.8167"),
    ("Sainte-Geneviève-de-Batiscan", "46.5333", "-72.3333"),
    ("Notre-Dame-du-Mont-Carmel", "46.4947", "-72.6500"),
    ("Yamachiche", "46.2833", "-72.8333"),
    ("Saint-Étienne-des-Grès", "46.4333", "-72.7667"),
    ("Champlain", "46.4500", "-72.3500"),
    ("Sainte-Thècle", "46.8167", "-72.5000"),
]


def _place_actions(plan: Plan, *, user: Any) -> None:
    """A dozen of the member's actions placed in its region's towns, for the network's map."""
    actions = list(plan.actions.order_by("order", "pk"))
    for action, (town, latitude, longitude) in zip(actions, PLACES, strict=False):
        set_action_place(
            action=action,
            place=town,
            latitude=Decimal(latitude),
            longitude=Decimal(longitude),
            user=user,
            seen_version=action.version,
        )


def wipe() -> None:
    surveys.wipe()  # the surveys protect their plans
    Plan.objects.filter(organization__slug=NETWORK_SLUG).delete()
    Plan.objects.filter(organization__parent__slug=NETWORK_SLUG).delete()


def build() -> None:
    for name in THEMES:
        Theme.objects.get_or_create(slug=slugify(name), defaults={"name": name})

    national = Organization.objects.get(slug=NETWORK_SLUG)
    coordination = _admin_of(national)
    plan = create_plan_from_draft(
        draft=national_draft(national.name), organization=national, user=coordination
    )
    national_plan = plan
    adopt_plan(
        plan=plan,
        adopted_on=dt.date(2022, 6, 16),
        adopted_by="Assemblée générale annuelle",
        user=coordination,
    )

    regionals = list(
        Organization.objects.filter(parent=national, kind=OrganizationKind.REGIONAL).order_by(
            "name", "pk"
        )[:2]
    )
    if regionals:
        first = regionals[0]
        plan = create_plan_from_draft(
            draft=hierarchical_draft(first.name), organization=first, user=_admin_of(first)
        )
        adopt_plan(
            plan=plan,
            adopted_on=dt.date(2023, 6, 8),
            adopted_by="Assemblée générale annuelle",
            user=_admin_of(first),
        )
        # The national coordination reads this member's plan and its follow-up.
        set_plan_sharing(plan=plan, sharing=PlanSharing.NETWORK, user=_admin_of(first))
        _align(plan, national_plan, user=_admin_of(first))
        _place_actions(plan, user=_admin_of(first))
    if len(regionals) > 1:
        second = regionals[1]
        create_plan_from_draft(
            draft=yearly_draft(second.name), organization=second, user=_admin_of(second)
        )
