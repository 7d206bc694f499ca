"""Demo step 1: the national network, its regional and local members, a funder, and people in each role.

Everything here is fictional: the organizations, the people, the addresses (real towns, invented
streets), the websites (on the reserved `.example` domain) and the 555-01xx phone numbers.
Regions without a regional member show as *orphelines*; Côte-Nord is the one the story is about:
the national network supports a territorial committee there directly.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.utils import timezone

from jalon.accounts.enums import Role
from jalon.accounts.models import User
from jalon.accounts.services import add_member, create_account
from jalon.network.enums import Coordination, OrganizationKind
from jalon.network.models import Organization, Region
from jalon.network.queries import half_of, previous_half
from jalon.network.services import (
    NetworkDecision,
    OrganizationFacts,
    SituationFacts,
    create_organization,
    ensure_themes,
    file_situation_report,
)

from .constants import DEMO_PASSWORD, NETWORK_SLUG, DemoAccount


@dataclass(frozen=True)
class DemoOrganization:
    slug: str
    name: str
    acronym: str
    kind: str  # OrganizationKind value
    status: str  # MemberStatus value
    parent: str | None  # slug of the parent network
    region: str | None  # code of the administrative region
    address: str
    city: str
    postal_code: str
    latitude: str
    longitude: str
    phone: str
    description: str
    themes: tuple[str, ...] = ()


@dataclass(frozen=True)
class DemoPerson:
    username: str
    first_name: str
    last_name: str
    organization: str  # slug
    role: str  # Role value
    position: str
    description: str


ORGANIZATIONS: list[DemoOrganization] = [
    DemoOrganization(
        slug=NETWORK_SLUG,
        name="Réseau québécois des instances en développement social",
        acronym="RQIDS",
        kind="national",
        status="non_member",
        parent=None,
        region="03",
        address="2150, rue des Sources, bureau 310",
        city="Québec",
        postal_code="G1K 3X2",
        latitude="46.813900",
        longitude="-71.208000",
        phone="418 555-0100",
        description=(
            "Le Réseau regroupe les instances régionales en développement social du Québec. "
            "Il soutient leurs démarches de concertation intersectorielle, fait connaître leur "
            "expertise auprès des ministères et des grands partenaires, et offre à ses membres "
            "une bibliothèque d'outils, des webinaires et des occasions de jumelage.\n\n"
            "Son plan d'action, adopté en assemblée générale annuelle, porte sur la relance des "
            "démarches régionales, la reconnaissance du développement social et la vie "
            "associative du Réseau."
        ),
        themes=("Participation citoyenne", "Ressources humaines", "Transition socioécologique"),
    ),
    DemoOrganization(
        slug="amds-mauricie",
        name="Alliance mauricienne en développement social",
        acronym="AMDS",
        kind="regional",
        status="member",
        parent=NETWORK_SLUG,
        region="04",
        address="1275, rue Royale, local 204",
        city="Trois-Rivières",
        postal_code="G9A 4J4",
        latitude="46.343200",
        longitude="-72.547700",
        phone="819 555-0142",
        description=(
            "L'Alliance réunit les six territoires de la Mauricie, le CIUSSS, les municipalités "
            "et les organismes communautaires autour d'une vision commune du développement "
            "social. Elle anime la table régionale, accompagne les démarches territoriales et "
            "porte le chantier régional en sécurité alimentaire."
        ),
        themes=("Sécurité alimentaire", "Logement", "Participation citoyenne"),
    ),
    DemoOrganization(
        slug="tbpds",
        name="Table bas-laurentienne des partenaires en développement social",
        acronym="TBPDS",
        kind="regional",
        status="member",
        parent=NETWORK_SLUG,
        region="01",
        address="88, rue Saint-Germain Est, 2e étage",
        city="Rimouski",
        postal_code="G5L 1A6",
        latitude="48.449000",
        longitude="-68.523000",
        phone="418 555-0117",
        description=(
            "Instance de concertation des huit MRC du Bas-Saint-Laurent. La Table soutient la "
            "mobilité des personnes en région rurale, l'accueil des nouveaux arrivants et la "
            "persévérance scolaire, en lien étroit avec les comités locaux."
        ),
        themes=("Transport collectif", "Immigration et accueil", "Persévérance scolaire"),
    ),
    DemoOrganization(
        slug="crds-slsj",
        name="Chantier régional en développement social du Saguenay–Lac-Saint-Jean",
        acronym="CRDS-SLSJ",
        kind="regional",
        status="member",
        parent=NETWORK_SLUG,
        region="02",
        address="930, boulevard Talbot, bureau 12",
        city="Saguenay",
        postal_code="G7H 4B5",
        latitude="48.428400",
        longitude="-71.068500",
        phone="418 555-0163",
        description=(
            "Le Chantier mobilise les acteurs des quatre territoires de la région sur le "
            "logement abordable, le vieillissement de la population et la main-d'œuvre des "
            "organismes communautaires. Il publie deux fois par année un état de situation "
            "des démarches locales."
        ),
        themes=("Logement", "Vieillissement", "Ressources humaines"),
    ),
    DemoOrganization(
        slug="ceds-estrie",
        name="Carrefour estrien en développement social",
        acronym="CEDS",
        kind="regional",
        status="member",
        parent=NETWORK_SLUG,
        region="05",
        address="455, rue King Ouest, bureau 301",
        city="Sherbrooke",
        postal_code="J1H 1R4",
        latitude="45.404200",
        longitude="-71.892900",
        phone="819 555-0188",
        description=(
            "Le Carrefour fédère les tables territoriales des neuf MRC de l'Estrie. Il anime une "
            "communauté de pratique des agentes et agents de développement et coordonne le "
            "volet régional du plan de lutte contre la pauvreté."
        ),
        themes=("Inclusion économique", "Sécurité alimentaire", "Transition socioécologique"),
    ),
    DemoOrganization(
        slug="cods-outaouais",
        name="Concertation outaouaise pour le développement social",
        acronym="CODS",
        kind="regional",
        status="observer",
        parent=NETWORK_SLUG,
        region="07",
        address="160, rue Principale, local 5",
        city="Gatineau",
        postal_code="J9H 3M9",
        latitude="45.476500",
        longitude="-75.701300",
        phone="819 555-0129",
        description=(
            "Jeune concertation régionale née en 2021, membre observateur du Réseau le temps de "
            "se doter d'une structure. Elle travaille d'abord sur le logement et le transport "
            "dans les MRC rurales de l'Outaouais."
        ),
        themes=("Logement", "Transport collectif"),
    ),
    DemoOrganization(
        slug="trds-at",
        name="Table régionale en développement social de l'Abitibi-Témiscamingue",
        acronym="TRDS-AT",
        kind="regional",
        status="member",
        parent=NETWORK_SLUG,
        region="08",
        address="70, avenue du Lac, bureau 200",
        city="Rouyn-Noranda",
        postal_code="J9X 4N7",
        latitude="48.236600",
        longitude="-79.023100",
        phone="819 555-0154",
        description=(
            "La Table réunit les cinq territoires de la région autour de la participation "
            "citoyenne, de la réconciliation avec les Premières Nations et de l'attraction de "
            "main-d'œuvre dans les organismes."
        ),
        themes=("Participation citoyenne", "Ressources humaines"),
    ),
    DemoOrganization(
        slug="rgmds",
        name="Regroupement gaspésien et madelinot en développement social",
        acronym="RGMDS",
        kind="regional",
        status="observer",
        parent=NETWORK_SLUG,
        region="11",
        address="25, rue de la Reine",
        city="Gaspé",
        postal_code="G4X 1T5",
        latitude="48.831600",
        longitude="-64.486900",
        phone="418 555-0171",
        description=(
            "Le Regroupement relance une démarche régionale après quelques années de pause. "
            "Membre observateur, il prépare avec le Réseau un premier plan d'action régional."
        ),
        themes=("Sécurité alimentaire", "Vieillissement"),
    ),
    DemoOrganization(
        slug="dcds",
        name="Démarche centricoise en développement social",
        acronym="DCDS",
        kind="regional",
        status="member",
        parent=NETWORK_SLUG,
        region="17",
        address="505, boulevard Saint-Joseph, bureau 110",
        city="Drummondville",
        postal_code="J2C 2B6",
        latitude="45.880300",
        longitude="-72.484300",
        phone="819 555-0135",
        description=(
            "La Démarche soutient les deux territoires du Centre-du-Québec dans leurs projets "
            "de transition socioécologique et d'inclusion économique, et coanime le chantier "
            "national sur l'évaluation des démarches."
        ),
        themes=("Transition socioécologique", "Inclusion économique"),
    ),
    DemoOrganization(
        slug="tmds-monteregie",
        name="Table montérégienne en développement social",
        acronym="TMDS",
        kind="regional",
        status="non_member",
        parent=NETWORK_SLUG,
        region="16",
        address="1200, chemin de Chambly, bureau 400",
        city="Longueuil",
        postal_code="J4J 3X5",
        latitude="45.531200",
        longitude="-73.518500",
        phone="450 555-0111",
        description=(
            "Table régionale qui n'a pas renouvelé son adhésion cette année ; le Réseau garde "
            "contact avec elle. Tant qu'elle n'est pas membre, la Montérégie compte parmi les "
            "régions orphelines."
        ),
        themes=("Logement",),
    ),
    DemoOrganization(
        slug="cds-manicouagan",
        name="Comité de développement social de Manicouagan",
        acronym="CDS Manicouagan",
        kind="territorial",
        status="observer",
        parent=NETWORK_SLUG,
        region="09",
        address="600, boulevard Laflèche, local 8",
        city="Baie-Comeau",
        postal_code="G5C 2S9",
        latitude="49.217300",
        longitude="-68.148900",
        phone="418 555-0192",
        description=(
            "La Côte-Nord n'a pas d'instance régionale en développement social : c'est une "
            "région orpheline. Ce comité territorial est accompagné directement par le Réseau "
            "national en attendant qu'une démarche régionale voie le jour."
        ),
        themes=("Sécurité alimentaire", "Participation citoyenne"),
    ),
    DemoOrganization(
        slug="cdc-vsm",
        name="Corporation de développement communautaire de la Vallée-du-Saint-Maurice",
        acronym="CDC VSM",
        kind="territorial",
        status="member",
        parent="amds-mauricie",
        region="04",
        address="340, rue Saint-Joseph",
        city="La Tuque",
        postal_code="G9X 1L1",
        latitude="47.436400",
        longitude="-72.784700",
        phone="819 555-0107",
        description=(
            "La CDC anime la démarche territoriale du Haut-Saint-Maurice et représente le "
            "territoire à l'Alliance mauricienne."
        ),
        themes=("Logement", "Transport collectif"),
    ),
    DemoOrganization(
        slug="clds-saint-tite",
        name="Comité local de développement social de Saint-Tite",
        acronym="CLDS Saint-Tite",
        kind="local",
        status="member",
        parent="amds-mauricie",
        region="04",
        address="120, rue Notre-Dame",
        city="Saint-Tite",
        postal_code="G0X 3H0",
        latitude="46.730600",
        longitude="-72.565000",
        phone="418 555-0148",
        description="Comité local qui porte le projet de marché solidaire et de jardins collectifs.",
        themes=("Sécurité alimentaire",),
    ),
    DemoOrganization(
        slug="granit-solidaire",
        name="Concertation Granit solidaire",
        acronym="CGS",
        kind="territorial",
        status="member",
        parent="ceds-estrie",
        region="05",
        address="5080, rue Frontenac",
        city="Lac-Mégantic",
        postal_code="G6B 1H3",
        latitude="45.577400",
        longitude="-70.882600",
        phone="819 555-0176",
        description=(
            "Table territoriale de la MRC du Granit : transport collectif rural, accueil des "
            "travailleurs étrangers et soutien aux proches aidants."
        ),
        themes=("Transport collectif", "Immigration et accueil", "Vieillissement"),
    ),
    DemoOrganization(
        slug="clds-dolbeau-mistassini",
        name="Comité local de développement social de Dolbeau-Mistassini",
        acronym="CLDS Dolbeau-Mistassini",
        kind="local",
        status="member",
        parent="crds-slsj",
        region="02",
        address="1450, boulevard Wallberg",
        city="Dolbeau-Mistassini",
        postal_code="G8L 1H1",
        latitude="48.878600",
        longitude="-72.231400",
        phone="418 555-0139",
        description="Comité local engagé dans la persévérance scolaire et l'habitation pour aînés.",
        themes=("Persévérance scolaire", "Vieillissement"),
    ),
    DemoOrganization(
        slug="ttds-basques",
        name="Table territoriale en développement social des Basques",
        acronym="TTDS Basques",
        kind="territorial",
        status="member",
        parent="tbpds",
        region="01",
        address="400-2, rue Jean-Rioux",
        city="Trois-Pistoles",
        postal_code="G0L 4K0",
        latitude="48.122000",
        longitude="-69.177000",
        phone="418 555-0124",
        description="Table de la MRC des Basques : mobilité, alimentation et vie de quartier.",
        themes=("Transport collectif", "Sécurité alimentaire"),
    ),
    DemoOrganization(
        slug="fondation-horizons",
        name="Fondation Horizons solidaires",
        acronym="FHS",
        kind="partner",
        status="non_member",
        parent=NETWORK_SLUG,
        region="06",
        address="1800, avenue McGill College, bureau 900",
        city="Montréal",
        postal_code="H3A 3J6",
        latitude="45.501700",
        longitude="-73.567300",
        phone="514 555-0160",
        description=(
            "Fondation privée qui finance le plan d'action du Réseau pour cinq ans. Elle reçoit "
            "le bilan annuel et consulte les tableaux de bord en lecture seule."
        ),
        themes=("Inclusion économique",),
    ),
]

PEOPLE: list[DemoPerson] = [
    DemoPerson(
        "coordination",
        "Josée",
        "Tremblay",
        NETWORK_SLUG,
        "admin",
        "Coordination",
        "administratrice du réseau national (Coordination) : gère les membres et les personnes",
    ),
    DemoPerson(
        "direction",
        "Marc-André",
        "Bélanger",
        NETWORK_SLUG,
        "editor",
        "Direction",
        "éditeur des plans du réseau national (Direction)",
    ),
    DemoPerson(
        "liaison",
        "Karine",
        "Ouellet",
        NETWORK_SLUG,
        "contributor",
        "Agent de liaison",
        "contributrice du réseau national (Agent de liaison)",
    ),
    DemoPerson(
        "communications",
        "Samuel",
        "Gagnon",
        NETWORK_SLUG,
        "contributor",
        "Responsable communications et vie associative",
        "contributeur du réseau national (Responsable communications et vie associative)",
    ),
    DemoPerson(
        "conseil",
        "Lise",
        "Bouchard",
        NETWORK_SLUG,
        "reader",
        "Membre du conseil d'administration",
        "lectrice : membre du conseil d'administration du réseau national",
    ),
    DemoPerson(
        "mauricie",
        "Annie",
        "Lavoie",
        "amds-mauricie",
        "admin",
        "Coordination",
        "administratrice de l'instance régionale de la Mauricie (Coordination)",
    ),
    DemoPerson(
        "estrie",
        "Patrick",
        "Morin",
        "ceds-estrie",
        "admin",
        "Coordination",
        "administrateur de l'instance régionale de l'Estrie (Coordination)",
    ),
    DemoPerson(
        "saguenay",
        "Nathalie",
        "Côté",
        "crds-slsj",
        "admin",
        "Coordination",
        "administratrice de l'instance régionale du Saguenay–Lac-Saint-Jean (Coordination)",
    ),
    DemoPerson(
        "fondation",
        "Émilie",
        "Roy",
        "fondation-horizons",
        "reader",
        "Chargée de programmes",
        "lectrice : chargée de programmes de la fondation qui finance le réseau",
    ),
]

ACCOUNTS: list[DemoAccount] = [
    DemoAccount(person.username, DEMO_PASSWORD, person.description) for person in PEOPLE
]


def wipe() -> None:
    """Removes the demo's people and organizations (members before their networks)."""
    User.objects.filter(username__in=[p.username for p in PEOPLE]).delete()
    slugs = [o.slug for o in ORGANIZATIONS]
    remaining = set(Organization.objects.filter(slug__in=slugs).values_list("slug", flat=True))
    while remaining:
        parents = set(
            Organization.objects.filter(parent__slug__in=remaining).values_list(
                "parent__slug", flat=True
            )
        )
        leaves = remaining - parents
        if not leaves:
            break
        Organization.objects.filter(slug__in=leaves).delete()
        remaining -= leaves


def build() -> None:
    regions = {r.code: r for r in Region.objects.all()}
    created: dict[str, Organization] = {}
    for data in ORGANIZATIONS:
        organization = create_organization(
            facts=OrganizationFacts(
                name=data.name,
                acronym=data.acronym,
                region=regions.get(data.region or ""),
                address=data.address,
                city=data.city,
                postal_code=data.postal_code,
                latitude=Decimal(data.latitude),
                longitude=Decimal(data.longitude),
                website=f"https://www.{data.slug}.example",
                email=f"info@{data.slug}.example",
                phone=data.phone,
                description=data.description,
                themes=ensure_themes(data.themes),
            ),
            decision=NetworkDecision(
                kind=data.kind,
                parent=created[data.parent] if data.parent else None,
                member_status=data.status,
            ),
            by=None,
            slug=data.slug,
        )
        created[data.slug] = organization

    for person in PEOPLE:
        user = create_account(
            username=person.username,
            email=f"{person.username}@demo.jalon.test",
            password=DEMO_PASSWORD,
            first_name=person.first_name,
            last_name=person.last_name,
        )
        add_member(
            organization=created[person.organization],
            user=user,
            role=person.role,
            position=person.position,
        )
    build_situation_reports(created, today=timezone.localdate())


#: What the regional bodies say of themselves in their états, older first (fictional).
SITUATIONS = [
    SituationFacts(
        structure="Un comité régional de 9 partenaires ; une agente de liaison à 4 jours par semaine.",
        coordination=Coordination.STARTING,
        funding="Entente sectorielle régionale, renouvelée chaque année ; pas de financement à la mission.",
        issues="Mobiliser les MRC éloignées ; roulement des représentants au comité.",
        support_needs="Un gabarit de plan d'action et une formation sur les indicateurs.",
    ),
    SituationFacts(
        structure="Un comité régional de 11 partenaires ; une agente de liaison à temps plein.",
        coordination=Coordination.IN_PLACE,
        funding="Entente sectorielle régionale de trois ans, signée ; une demande à une fondation en cours.",
        issues="Mobiliser les MRC éloignées ; logement abordable ; transport collectif.",
        support_needs="Un échange avec une autre région sur le transport collectif.",
    ),
]


def build_situation_reports(created: dict[str, Organization], *, today: dt.date) -> None:
    """Two états per regional member over the last year; one region is late (its latest is older)."""
    regionals = [o for o in created.values() if o.kind == OrganizationKind.REGIONAL]
    for index, organization in enumerate(sorted(regionals, key=lambda o: o.slug)):
        admin = (
            User.objects.filter(
                memberships__organization=organization, memberships__role=Role.ADMIN
            )
            .order_by("pk")
            .first()
        )
        latest = previous_half(half_of(today))
        if index == 1:  # late: nothing for the last two half-years
            latest = previous_half(previous_half(latest))
        halves = [previous_half(latest), latest]
        for half, facts in zip(halves, SITUATIONS, strict=True):
            year, number = half
            file_situation_report(
                organization=organization,
                facts=facts,
                by=admin,
                today=dt.date(year, 6 if number == 1 else 12, 15),
            )
